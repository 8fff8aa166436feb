"""Render findings for people (`file:line:col: error[code]: message`) and for programs (JSON).

The text form follows compilers and linters (actionlint, Yarn Spinner) so editors and terminals make the
position clickable; the hint and the YAML path follow on indented lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from boardsim.core.diagnostics import Finding

_COLOURS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m"}
_BOLD = "\033[1m"
_DIM = "\033[2m"
_RESET = "\033[0m"
_LEVEL_WORDS = {"error": ("error", "errors"), "warning": ("warning", "warnings"), "info": ("note", "notes")}


def format_finding(item: Finding, *, colour: bool = False) -> str:
    """`file:line:col: level[code]: message`, then `    hint: …` and `    at: yaml.path` lines."""
    where = str(item.position) if item.position is not None else "<unknown>"
    level = f"{item.level}[{item.code}]"
    if colour:
        where = f"{_BOLD}{where}{_RESET}"
        level = f"{_COLOURS.get(item.level, '')}{level}{_RESET}"
    lines = [f"{where}: {level}: {item.message}"]
    if item.hint:
        lines.append(f"    hint: {item.hint}")
    if item.path:
        at = f"    at: {item.yaml_path}"
        lines.append(f"{_DIM}{at}{_RESET}" if colour else at)
    return "\n".join(lines)


def format_summary(findings: Sequence[Finding], file_count: int) -> str:
    """`2 errors, 1 warning in 1 file`, or `no problems in 3 files`."""
    files = f"{file_count} file" + ("" if file_count == 1 else "s")
    counts = []
    for level, (one, many) in _LEVEL_WORDS.items():
        count = sum(1 for item in findings if item.level == level)
        if count:
            counts.append(f"{count} {one if count == 1 else many}")
    return f"{', '.join(counts)} in {files}" if counts else f"no problems in {files}"


def finding_to_json(item: Finding) -> dict[str, object]:
    """One finding as a JSON object: file, line, column, level, code, message, hint, path."""
    position = item.position
    return {
        "file": position.file if position else None,
        "line": position.line if position else None,
        "column": position.column if position else None,
        "level": item.level,
        "code": item.code,
        "message": item.message,
        "hint": item.hint,
        "path": item.yaml_path,
    }


def findings_to_json(findings: Sequence[Finding]) -> list[dict[str, object]]:
    """Every finding as a JSON object, in the order given."""
    return [finding_to_json(item) for item in findings]
