"""How findings are rendered: the text layout, the summary line and the JSON objects."""

from __future__ import annotations

import pytest

from boardsim.adapters.diagnostics_format import finding_to_json, format_finding, format_summary
from boardsim.core.diagnostics import Finding, SourcePosition

FINDING = Finding(
    code="unknown-member",
    message="`nhs` is not a member",
    path=("dilemmas", 0, "options", 1, "lead"),
    hint="did you mean `icb`?",
    position=SourcePosition("s.yaml", 12, 15),
)


def test_text_layout() -> None:
    """`file:line:col: level[code]: message`, then indented hint and YAML path lines."""
    assert format_finding(FINDING) == (
        "s.yaml:12:15: error[unknown-member]: `nhs` is not a member\n"
        "    hint: did you mean `icb`?\n"
        "    at: dilemmas[0].options[1].lead"
    )


def test_hint_and_path_lines_only_when_present() -> None:
    """A finding with no hint and no path is a single line."""
    bare = Finding(code="file-not-found", message="x does not exist", position=SourcePosition("x", 1, 1))
    assert format_finding(bare) == "x:1:1: error[file-not-found]: x does not exist"


def test_colour_marks_the_level() -> None:
    """With colour, the level is coloured and the text is otherwise unchanged."""
    coloured = format_finding(FINDING, colour=True)
    assert "\033[1;31merror[unknown-member]\033[0m" in coloured
    assert "`nhs` is not a member" in coloured


@pytest.mark.parametrize(
    ("levels", "files", "summary"),
    [
        ([], 1, "no problems in 1 file"),
        ([], 3, "no problems in 3 files"),
        (["error"], 1, "1 error in 1 file"),
        (["error", "error", "warning"], 1, "2 errors, 1 warning in 1 file"),
        (["warning", "warning", "info"], 2, "2 warnings, 1 note in 2 files"),
    ],
)
def test_summary(levels: list[str], files: int, summary: str) -> None:
    """The summary counts findings by level, in plain English."""
    findings = [Finding(code="x", message="m", level=level) for level in levels]  # type: ignore[arg-type]
    assert format_summary(findings, files) == summary


def test_json_object() -> None:
    """The JSON form has stable keys and the YAML path as designers write it."""
    assert finding_to_json(FINDING) == {
        "file": "s.yaml",
        "line": 12,
        "column": 15,
        "level": "error",
        "code": "unknown-member",
        "message": "`nhs` is not a member",
        "hint": "did you mean `icb`?",
        "path": "dilemmas[0].options[1].lead",
    }
