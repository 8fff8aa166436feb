"""Mutating a real scenario at random never makes the loader raise, and every finding it reports is located.

The shipped Eastmere scenario (or, before it exists, the test fixture) is damaged the ways editing goes wrong:
lines deleted, duplicated, swapped or re-indented, characters replaced, junk inserted, the file cut short.
Whatever comes out, `load_scenario` must return findings that each point at a real file, a line within it
(or just past its end) and a column, and must never hit an internal error.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardsim.adapters.scenario_loader import load_scenario

from .conftest import VALID_SCENARIO

REPOSITORY = Path(__file__).resolve().parents[2]
SHIPPED = REPOSITORY / "scenarios" / "eastmere-bcf-risk-share.yaml"
JUNK = [
    ": [",
    "\t",
    "{",
    "}",
    "]",
    "- ",
    "&a ",
    "*a ",
    "<<: *a",
    "!!python/object:os.system ",
    "!x ",
    "'",
    '"',
    "#",
    "? ",
    "|",
    ">",
    "%",
    "@",
    "`",
    "\x07",
    "1:30",
    "012",
    "no",
    "---\n",
    "...\n",
    "\n",
    ":",
    "\u2028",
    "£",
]
_LINE_BREAKS = ("\r\n", "\r", "\n", "\x85", "\u2028", "\u2029")


@dataclass(frozen=True)
class Mutation:
    kind: str
    first: int
    second: int
    junk: str


def _lines_in(text: str) -> int:
    """An upper bound on the lines YAML sees in `text` (it also breaks lines at NEL, LS and PS)."""
    for separator in _LINE_BREAKS[1:]:
        text = text.replace(separator, "\n")
    return text.count("\n") + 1


def mutate(text: str, mutation: Mutation) -> str:
    """`text` damaged in one way; positions are taken modulo the text's size so every draw applies."""
    lines = text.split("\n")
    line = mutation.first % len(lines)
    other = mutation.second % len(lines)
    position = mutation.first % (len(text) + 1)
    if mutation.kind == "delete-line":
        del lines[line]
    elif mutation.kind == "duplicate-line":
        lines.insert(line, lines[line])
    elif mutation.kind == "swap-lines":
        lines[line], lines[other] = lines[other], lines[line]
    elif mutation.kind == "indent":
        lines[line] = " " * (mutation.second % 5) + lines[line]
    elif mutation.kind == "dedent":
        lines[line] = lines[line][mutation.second % 5 :]
    elif mutation.kind == "replace-character":
        return text[:position] + mutation.junk[:1] + text[position + 1 :]
    elif mutation.kind == "insert-junk":
        return text[:position] + mutation.junk + text[position:]
    elif mutation.kind == "truncate":
        return text[:position]
    return "\n".join(lines)


mutations = st.builds(
    Mutation,
    kind=st.sampled_from(
        [
            "delete-line",
            "duplicate-line",
            "swap-lines",
            "indent",
            "dedent",
            "replace-character",
            "insert-junk",
            "truncate",
        ]
    ),
    first=st.integers(min_value=0, max_value=10**6),
    second=st.integers(min_value=0, max_value=10**6),
    junk=st.sampled_from(JUNK),
)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A folder holding the scenario to mutate (and the catalogues it includes), and its text."""
    folder = tmp_path_factory.mktemp("mutations")
    if SHIPPED.exists():
        shutil.copytree(SHIPPED.parent / "catalogues", folder / "catalogues")
        return folder, SHIPPED.read_text(encoding="utf-8")
    return folder, VALID_SCENARIO


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(damage=st.lists(mutations, min_size=1, max_size=3))
def test_mutated_scenarios_give_located_findings(workspace: tuple[Path, str], damage: list[Mutation]) -> None:
    """Every mutation yields a result (never an exception) whose findings all have a real position."""
    folder, original = workspace
    text = original
    for mutation in damage:
        text = mutate(text, mutation)
    path = folder / "mutated.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = load_scenario(path)
    assert [item for item in result.findings if item.code == "internal-error"] == []
    assert result.has_errors == any(item.level == "error" for item in result.findings)
    for item in result.findings:
        assert item.position is not None, item
        file = Path(item.position.file)
        assert file.is_file(), item
        written = text if file == path else file.read_text(encoding="utf-8")
        assert 1 <= item.position.line <= _lines_in(written) + 1, item
        assert item.position.column >= 1, item


def test_the_unmutated_scenario_is_clean(workspace: tuple[Path, str]) -> None:
    """The starting point of the fuzzing is itself valid (so mutations, not the original, cause findings)."""
    folder, original = workspace
    path = folder / "original.yaml"
    path.write_text(original, encoding="utf-8")
    result = load_scenario(path)
    assert not result.has_errors, [f"{item.position}: {item.code} {item.message}" for item in result.findings]
