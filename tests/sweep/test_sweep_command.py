"""`boardsim sweep` on the command line: reports, JSON, re-summarising with --from, exit codes and errors."""

import json
from pathlib import Path

import pytest
import yaml
from engine_scenarios import choice_scenario_data

from boardsim.cli import main


@pytest.fixture
def scenario_file(tmp_path: Path) -> Path:
    path = tmp_path / "choice.yaml"
    path.write_text(yaml.safe_dump(choice_scenario_data(), sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_text_report_with_located_findings(scenario_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A sweep prints tables and findings placed at file:line:col; warnings alone exit 0."""
    assert main(["sweep", str(scenario_file), "--runs", "24", "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "Dilemmas" in out
    assert "Members (at the end of the run)" in out
    line = next(text for text in out.splitlines() if "warning[sweep-dominant-option]" in text)
    location = line.split(": warning")[0]
    assert location.startswith(str(scenario_file) + ":")
    assert location.rsplit(":", 2)[1] != "1"  # a real line, not the start of the file


def test_from_file_re_summarises_identically(
    scenario_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--out writes the records; --from FILE --json prints exactly the JSON report of the original sweep."""
    out_file = tmp_path / "sweep.jsonl"
    args = ["sweep", str(scenario_file), "--runs", "20", "--seed", "4", "--workers", "1", "--out", str(out_file)]
    assert main([*args, "--json"]) == 0
    original = capsys.readouterr().out
    assert len(out_file.read_text(encoding="utf-8").splitlines()) == 21
    assert main(["sweep", "--from", str(out_file), "--json"]) == 0
    assert capsys.readouterr().out == original
    document = json.loads(original)
    assert document["format"] == "boardsim-sweep-report/1"
    assert {f["code"] for f in document["findings"]} >= {"sweep-dominant-option", "sweep-dead-option"}


def test_scenario_with_errors_is_reported_as_located_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken scenario is not swept: its findings go to stderr as file:line:col and the exit code is 1."""
    data = choice_scenario_data()
    data["dilemmas"][0]["default"] = "no-such-option"
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert main(["sweep", str(path), "--runs", "5"]) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err
    assert "error[" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["sweep"], "give a SCENARIO"),
        (["sweep", "x.yaml"], "--runs N"),
        (["sweep", "x.yaml", "--runs", "0"], "--runs must be between"),
        (["sweep", "x.yaml", "--runs", "5", "--workers", "0"], "--workers must be at least 1"),
        (["sweep", "x.yaml", "--runs", "5", "--seed", "-1"], "--seed must be 0 or more"),
        (["sweep", "x.yaml", "--runs", "5", "--dispositions", "greedy"], "unknown disposition 'greedy'"),
        (["sweep", "x.yaml", "--from", "f.jsonl"], "not both"),
        (["sweep", "--from", "f.jsonl", "--runs", "5"], "--runs only apply"),
        (["sweep", "x.yaml", "--runs", "5", "--out", "x.yaml"], "overwrite the scenario"),
    ],
)
def test_usage_errors_exit_2_with_a_message(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Wrong command lines exit 2 with one line saying what to write instead."""
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_unreadable_sweep_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--from on a file that is not a sweep says so and exits 1."""
    path = tmp_path / "not-a-sweep.jsonl"
    path.write_text("hello\n", encoding="utf-8")
    assert main(["sweep", "--from", str(path)]) == 1
    assert "not JSON" in capsys.readouterr().err


def test_missing_scenario_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A scenario path that does not exist is a located finding, not a traceback."""
    assert main(["sweep", str(tmp_path / "nope.yaml"), "--runs", "3"]) == 1
    assert "file-not-found" in capsys.readouterr().err
