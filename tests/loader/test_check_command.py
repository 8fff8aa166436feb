"""`boardsim check FILE...`: text and JSON reports, and exit codes 0 (clean), 1 (errors), 2 (usage)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from boardsim.cli import main

from .conftest import VALID_SCENARIO


def test_clean_file_exits_zero(write: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    """A valid scenario exits 0 and says there are no problems."""
    path = write(VALID_SCENARIO)
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out.strip().endswith("no problems in 1 file")


def test_error_exits_one_with_located_message(write: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    """An error exits 1 and is printed as file:line:col: error[code]: message, then hint and path lines."""
    path = write(VALID_SCENARIO.replace("members:\n", "memebrs:\n"))
    assert main(["check", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{path}:10:1: error[unknown-field]: `memebrs` is not a field of a scenario"
    assert lines[1] == "    hint: did you mean `members`?"
    assert lines[2] == "    at: memebrs"
    assert lines[-1] == "1 error in 1 file"
    assert "\033[" not in "\n".join(lines)  # not a terminal: no colour


def test_warnings_alone_exit_zero(write: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    """Warnings are printed but do not fail the check."""
    path = write(VALID_SCENARIO.replace("title: A tiny board", "title: yes"))
    assert main(["check", str(path)]) == 0
    output = capsys.readouterr().out
    assert f"{path}:3:8: warning[yaml-bool-word]:" in output
    assert output.strip().endswith("1 warning in 1 file")


def test_several_files_are_each_reported(write: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    """Every file given is checked; one bad file makes the exit status 1."""
    good = write(VALID_SCENARIO, "good.yaml")
    bad = write(VALID_SCENARIO.replace("horizon: 12 months", "horizon: 12"), "bad.yaml")
    missing = good.parent / "missing.yaml"
    assert main(["check", str(good), str(bad), str(missing)]) == 1
    output = capsys.readouterr().out
    assert f"{bad}:6:53: error[bad-duration]:" in output
    assert f"{missing}:1:1: error[file-not-found]:" in output
    assert output.strip().endswith("2 errors in 3 files")


def test_json_format(write: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    """`--format json` prints a list of finding objects with file, line, column, level, code, message, hint, path."""
    path = write(VALID_SCENARIO.replace("kind: council", "kind: counsil"))
    assert main(["check", "--format", "json", str(path)]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert findings == [
        {
            "file": str(path),
            "line": 13,
            "column": 11,
            "level": "error",
            "code": "bad-value",
            "message": "`kind`: the text 'counsil' is not one of the allowed values",
            "hint": "did you mean `council`?",
            "path": "members[0].kind",
        }
    ]


def test_json_for_a_clean_file_is_an_empty_list(write: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    """A clean file in JSON mode prints `[]` and exits 0."""
    assert main(["check", "--format", "json", str(write(VALID_SCENARIO))]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("arguments", [["check"], ["check", "--format", "xml", "x.yaml"], ["check", "--bogus", "x"]])
def test_usage_errors_exit_two(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Missing files or unknown options are usage errors: exit status 2 and a message on stderr."""
    with pytest.raises(SystemExit) as stopped:
        main(arguments)
    assert stopped.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_checks_a_catalogue(write: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    """Member catalogues can be checked directly."""
    catalogue = "format: boardsim-catalogue/1\nid: c\ntitle: C\nmembers:\n  - {id: council, kind: councl}\n"
    assert main(["check", str(write(catalogue, "c.yaml"))]) == 1
    assert "did you mean `council`?" in capsys.readouterr().out


@pytest.mark.parametrize(("no_color", "coloured"), [("", True), ("1", False)])
def test_colour_only_on_a_terminal_without_no_color(
    write: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    no_color: str,
    coloured: bool,
) -> None:
    """On a terminal the output is coloured, unless the NO_COLOR environment variable is set."""
    monkeypatch.setenv("NO_COLOR", no_color)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    path = write(VALID_SCENARIO.replace("members:\n", "memebrs:\n"))
    assert main(["check", str(path)]) == 1
    assert ("\033[" in capsys.readouterr().out) is coloured
