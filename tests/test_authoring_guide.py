"""The designer's guide, facilitator_guide/authoring.md, stays true to the code.

Every registered check code has a section in the guide that states its level, and every example the guide
marks as runnable (a fenced block whose info string is ```yaml check=CODE) really does make `boardsim check`
report CODE. Examples are complete files: the test writes each one (with any companion files the section
declares as ```yaml file=NAME) into a temporary folder and loads it with the real loader.

Fence info words understood here:
- `check=CODE`  the block is a complete scenario file that must produce CODE (`check=clean`: no problems);
- `also=A,B`    further codes the example produces as well (any other code fails the test);
- `partial`     the example shows only the lines that matter, so other findings are expected and ignored;
- `file=NAME`   a companion file (e.g. an included catalogue), written beside the example before it is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from boardsim.core.diagnostics import CHECK_CODES

if TYPE_CHECKING:
    from boardsim.adapters.scenario_loader import LoadResult

GUIDE = Path(__file__).resolve().parent.parent / "facilitator_guide" / "authoring.md"
CHECK_CODES_HEADING = "## 8. Check codes"

FILE_READING_CODES = frozenset(
    {"file-not-found", "not-a-file", "unreadable-file", "file-too-large", "binary-file", "not-utf8"}
)
"""Codes about the file itself: the guide describes the situation instead of giving a YAML example."""

_FENCE = re.compile(r"^[ \t]*```(?P<info>[^`\n]*)\n(?P<body>.*?)^[ \t]*```[ \t]*$", re.DOTALL | re.MULTILINE)


@dataclass(frozen=True)
class Example:
    """A fenced block of the guide with the words of its info string."""

    language: str
    body: str
    options: dict[str, str] = field(default_factory=dict)
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CodeSection:
    """The `### code` subsection of the guide's check codes part."""

    code: str
    text: str
    examples: tuple[Example, ...]


def _examples(text: str) -> tuple[Example, ...]:
    found = []
    for match in _FENCE.finditer(text):
        words = match.group("info").split()
        language = words[0] if words else ""
        options = dict(word.split("=", 1) for word in words[1:] if "=" in word)
        flags = frozenset(word for word in words[1:] if "=" not in word)
        found.append(Example(language, match.group("body"), options, flags))
    return tuple(found)


def _guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def _code_sections() -> dict[str, CodeSection]:
    text = _guide_text()
    start = text.index(CHECK_CODES_HEADING)
    part = text[start:]
    sections: dict[str, CodeSection] = {}
    pieces = re.split(r"^### (.+?)[ \t]*$", part, flags=re.MULTILINE)
    for heading, body in zip(pieces[1::2], pieces[2::2], strict=True):
        code = heading.strip().strip("`")
        sections[code] = CodeSection(code, body, _examples(body))
    return sections


SECTIONS = _code_sections()
RUNNABLE = sorted(
    code for code, section in SECTIONS.items() if any("check" in example.options for example in section.examples)
)


def _load(tmp_path: Path, main: str, companions: list[Example]) -> LoadResult:
    loader = pytest.importorskip("boardsim.adapters.scenario_loader", reason="the scenario loader is not installed yet")
    for companion in companions:
        target = tmp_path / companion.options["file"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(companion.body, encoding="utf-8")
    scenario = tmp_path / "scenario.yaml"
    scenario.write_text(main, encoding="utf-8")
    result: LoadResult = loader.load_scenario(scenario)
    return result


def test_every_check_code_has_a_section() -> None:
    """Each code in CHECK_CODES has a `### code` heading in the guide's check codes part."""
    missing = sorted(set(CHECK_CODES) - set(SECTIONS))
    assert not missing, f"authoring.md has no `### code` section for: {', '.join(missing)}"


def test_every_section_is_a_registered_code() -> None:
    """The check codes part documents no code that boardsim does not have (a renamed or removed code)."""
    unknown = sorted(set(SECTIONS) - set(CHECK_CODES))
    assert not unknown, f"authoring.md documents codes boardsim does not have: {', '.join(unknown)}"


@pytest.mark.parametrize("code", sorted(CHECK_CODES))
def test_section_states_the_registered_level(code: str) -> None:
    """Each section says the level the registry gives its code (**Level:** error / warning / info)."""
    section = SECTIONS.get(code)
    assert section is not None, f"no section for {code}"
    match = re.search(r"\*\*Level:\*\*\s*(\w+)", section.text)
    assert match is not None, f"the section for {code} does not state its level"
    assert match.group(1) == CHECK_CODES[code].level


def test_every_code_but_the_file_reading_ones_has_a_runnable_example() -> None:
    """Designers can try every code for themselves: all but the file-reading codes have a check= example."""
    expected = set(CHECK_CODES) - FILE_READING_CODES
    without = sorted(expected - set(RUNNABLE))
    assert not without, f"no runnable ```yaml check=CODE example for: {', '.join(without)}"


@pytest.mark.parametrize("code", RUNNABLE)
def test_runnable_example_reports_its_code(code: str, tmp_path: Path) -> None:
    """Loading the section's check= example reports the code it documents, and nothing unexplained."""
    section = SECTIONS[code]
    companions = [example for example in section.examples if "file" in example.options]
    for example in section.examples:
        expected = example.options.get("check")
        if expected is None:
            continue
        assert expected == code, f"the example in the `{code}` section is marked check={expected}"
        result = _load(tmp_path, example.body, companions)
        reported = {finding.code for finding in result.findings}
        assert code in reported, f"expected {code}, got {sorted(reported)}: {result.findings}"
        if "partial" not in example.flags:
            also = set(filter(None, example.options.get("also", "").split(",")))
            unexplained = reported - {code} - also
            assert not unexplained, f"the `{code}` example also reports {sorted(unexplained)}: {result.findings}"


def test_worked_example_checks_clean(tmp_path: Path) -> None:
    """The complete file at the end of the worked example loads with no errors, warnings or notes."""
    text = _guide_text()
    clean = [example for example in _examples(text) if example.options.get("check") == "clean"]
    assert len(clean) == 1, "the guide should mark exactly one example check=clean (the worked example)"
    result = _load(tmp_path, clean[0].body, [])
    assert result.scenario is not None
    assert result.findings == []


def test_worked_example_playthroughs_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The worked example's two playthroughs pass under `boardsim test`, as the guide says they do."""
    clean = [example for example in _examples(_guide_text()) if example.options.get("check") == "clean"]
    _load(tmp_path, clean[0].body, [])  # skips while the loader is missing
    engine = pytest.importorskip("boardsim.core.engine", reason="the engine is not installed yet")
    if not hasattr(engine, "Session"):
        pytest.skip("the engine has no Session yet")
    from boardsim.cli import main

    status = main(["test", str(tmp_path / "scenario.yaml")])
    report = capsys.readouterr().out
    assert status == 0, report
    assert "2 playthroughs, 5 expectations: all passed" in report


def _make_directory(path: Path) -> Path:
    path.mkdir()
    return path


def _make_large(path: Path) -> Path:
    path.write_text("# padding\n" * 220_000, encoding="utf-8")
    return path


def _make_binary(path: Path) -> Path:
    path.write_bytes(b"format: boardsim/1\n\x00\x01\x02")
    return path


def _make_latin1(path: Path) -> Path:
    path.write_bytes("format: boardsim/1\ntitle: Costs £2m\n".encode("latin-1"))
    return path


# `unreadable-file` is left out: tests may run as root, who can read a file whatever its permissions.
@pytest.mark.parametrize(
    ("code", "make"),
    [
        ("file-not-found", lambda path: path),
        ("not-a-file", _make_directory),
        ("file-too-large", _make_large),
        ("binary-file", _make_binary),
        ("not-utf8", _make_latin1),
    ],
)
def test_file_reading_situations_report_the_code_the_guide_names(
    code: str, make: Callable[[Path], Path], tmp_path: Path
) -> None:
    """The situations the guide describes for the file-reading codes (no YAML example) give those codes."""
    loader = pytest.importorskip("boardsim.adapters.scenario_loader", reason="the scenario loader is not installed yet")
    assert code in SECTIONS
    target = make(tmp_path / "scenario.yaml")
    result = loader.load_scenario(target)
    assert [finding.code for finding in result.findings] == [code]
