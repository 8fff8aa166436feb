"""Golden journals: an all-bot run of every shipped scenario at a fixed seed, compared byte for byte with the
journal committed under tests/golden/.

A difference means the engine, the bots, the metrics or the scenario now play differently. If that change is
intended, regenerate the files and review the diff like any other change:

    BOARDSIM_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/engine/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from boardsim.adapters.journal_file import read_journal, write_journal
from boardsim.core.engine import Session

from .support import REPOSITORY, load_shipped, play, shipped_scenario_paths

GOLDEN = REPOSITORY / "tests" / "golden"
SEED = 7
UPDATE = os.environ.get("BOARDSIM_UPDATE_GOLDEN") == "1"


def golden_path(scenario_path: Path) -> Path:
    return GOLDEN / f"{scenario_path.stem}.seed-{SEED}.jsonl"


@pytest.mark.parametrize("path", shipped_scenario_paths(), ids=lambda path: path.stem)
def test_the_journal_matches_the_committed_golden_journal(path: Path) -> None:
    """Same scenario, same seed, all bots: the journal is byte-identical to the committed one."""
    journal = play(load_shipped(path), seed=SEED).journal
    target = golden_path(path)
    if UPDATE:
        write_journal(journal, target)
    assert target.exists(), f"no golden journal for {path.name}: run with BOARDSIM_UPDATE_GOLDEN=1 to create it"
    expected = target.read_text(encoding="utf-8")
    actual = journal.to_jsonl()
    if actual != expected:
        expected_lines, actual_lines = expected.splitlines(), actual.splitlines()
        first = next(
            (n for n, (a, b) in enumerate(zip(expected_lines, actual_lines, strict=False)) if a != b),
            min(len(expected_lines), len(actual_lines)),
        )
        pytest.fail(
            f"{target.name} differs from line {first + 1}:\n"
            f"  golden: {expected_lines[first] if first < len(expected_lines) else '<end>'}\n"
            f"  now:    {actual_lines[first] if first < len(actual_lines) else '<end>'}\n"
            "If the change is intended: BOARDSIM_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/engine/test_golden.py"
        )


@pytest.mark.parametrize("path", shipped_scenario_paths(), ids=lambda path: path.stem)
def test_the_golden_journal_replays_against_its_scenario(path: Path) -> None:
    """The committed journal reads back and replays to itself (its header matches the shipped scenario)."""
    target = golden_path(path)
    if not target.exists():
        pytest.skip("no golden journal yet")
    journal = read_journal(target)
    assert Session.replay(load_shipped(path), journal).journal == journal
