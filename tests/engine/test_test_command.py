"""`boardsim test`: runs each file's playthroughs and reports every expectation, showing actual values on failure."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from boardsim.cli import main

from .support import BASE, SCENARIOS


def scenario_file(tmp_path: Path, playthroughs: list[dict[str, Any]]) -> str:
    data = copy.deepcopy(BASE)
    data["playthroughs"] = playthroughs
    path = tmp_path / "board.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *files: str) -> tuple[int, str]:
    code = main(["test", *files])
    return code, capsys.readouterr().out


def test_the_shipped_scenarios_playthroughs_all_pass(capsys: pytest.CaptureFixture[str]) -> None:
    """Every expectation of every playthrough of the shipped scenarios holds; exit status 0."""
    code, out = run(capsys, *sorted(str(path) for path in SCENARIOS.glob("*.yaml")))
    assert code == 0, out
    assert "all passed" in out
    assert "FAIL" not in out


def test_forced_choices_seats_and_seed_are_honoured(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A playthrough forcing an option per member plays it, and its expectations see the result."""
    path = scenario_file(
        tmp_path,
        [
            {
                "name": "pooled",
                "seed": 3,
                "seats": {"icb": "cautious"},
                "choices": {"share": {"council": "pool-it", "icb": "pool-it", "trust": "nobody"}},
                "expect": [
                    'chosen("share") == "pool-it"',
                    'pool("fund") == £3m',
                    'chosen_by("share", "trust") == "nobody"',
                ],
            }
        ],
    )
    code, out = run(capsys, path)
    assert code == 0, out
    assert "pass  pooled (seed 3" in out
    assert "3 expectations: all passed" in out


def test_a_failed_expectation_exits_1_and_shows_the_values_it_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unmet expectation is FAIL, with each state name and call it reads and its actual value."""
    path = scenario_file(
        tmp_path,
        [
            {
                "name": "too-hopeful",
                "choices": {"share": "nobody"},
                "expect": ['waiting < 50 and budget("icb") > £25m', 'chosen("share") == "nobody"'],
            }
        ],
    )
    code, out = run(capsys, path)
    assert code == 1
    assert "FAIL  too-hopeful" in out
    assert "FAIL  waiting < 50 and budget" in out
    assert "waiting = 110" in out
    assert 'budget("icb") = £20m' in out
    assert 'pass  chosen("share") == "nobody"' in out
    assert "1 expectation(s) unmet" in out


def test_a_file_with_errors_fails_the_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that does not load counts as a failure (exit 1) with its findings on stderr."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: boardsim/1\n", encoding="utf-8")
    code, out = run(capsys, str(bad))
    assert code == 1
    assert "cannot run its playthroughs" in out
