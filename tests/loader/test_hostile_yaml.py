"""Hostile or broken YAML: refused quickly and safely, with a located finding, never a traceback or a hang."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from boardsim.adapters.scenario_loader import LoadResult

from .conftest import VALID_SCENARIO, only


def _at(result: LoadResult, code: str) -> tuple[int, int]:
    item = only(result, code)
    assert item.position is not None
    return item.position.line, item.position.column


def _billion_laughs(levels: int = 9) -> str:
    text = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    previous = "a"
    for name in "bcdefghijk"[: levels - 1]:
        text += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    return text


@pytest.mark.parametrize(
    "tagged",
    [
        '!!python/object/apply:os.system ["touch {marker}"]',
        "!!python/name:os.system",
        '!!python/object/new:subprocess.Popen [["touch", "{marker}"]]',
        "!python/object:builtins.dict {{}}",
    ],
    ids=["apply", "name", "new", "local-python-tag"],
)
def test_python_tags_are_refused_and_never_run(
    load_text: Callable[..., LoadResult], tmp_path: Path, tagged: str
) -> None:
    """A python tag is `yaml-unsafe-tag` at the tagged value, and nothing it names is executed."""
    marker = tmp_path / "pwned"
    result = load_text(f"format: boardsim/1\ntitle: {tagged.format(marker=marker)}\n")
    assert _at(result, "yaml-unsafe-tag") == (2, 8)
    assert not marker.exists()


def test_unknown_tag(load_text: Callable[..., LoadResult]) -> None:
    """A tag boardsim does not know (e.g. an `!include` from another tool) is `yaml-unknown-tag`."""
    result = load_text("format: boardsim/1\ninclude: [!include other.yaml]\n")
    assert _at(result, "yaml-unknown-tag") == (2, 11)


def test_standard_tags_are_accepted(load_text: Callable[..., LoadResult]) -> None:
    """Standard tags such as `!!str` are fine and do what they say."""
    result = load_text(VALID_SCENARIO.replace("title: A tiny board", "title: !!str 2027"))
    assert not result.has_errors
    assert result.scenario is not None
    assert result.scenario.title == "2027"


def test_duplicate_key_is_reported_at_the_second_key(load_text: Callable[..., LoadResult]) -> None:
    """A repeated key is `yaml-duplicate-key` at the second occurrence, naming the line of the first."""
    result = load_text(VALID_SCENARIO.replace("title: A tiny board\n", "title: A tiny board\ntitle: Again\n"))
    assert _at(result, "yaml-duplicate-key") == (4, 1)
    assert "first defined at line 3" in only(result, "yaml-duplicate-key").message


def test_duplicate_key_inside_a_member(load_text: Callable[..., LoadResult]) -> None:
    """Duplicates are found at any depth, with the path of the repeated key."""
    result = load_text(
        VALID_SCENARIO.replace("    seat: Chief Executive\n", "    seat: Chief Executive\n    seat: CEO\n")
    )
    item = only(result, "yaml-duplicate-key")
    assert item.yaml_path == "members[1].seat"
    assert item.position is not None
    assert (item.position.line, item.position.column) == (29, 5)


def test_alias_bomb_is_refused_fast(load_text: Callable[..., LoadResult]) -> None:
    """A 'billion laughs' document is `yaml-alias-limit`, refused in well under a second."""
    start = time.perf_counter()
    result = load_text(_billion_laughs())
    elapsed = time.perf_counter() - start
    assert only(result, "yaml-alias-limit").position is not None
    assert elapsed < 1.0


def test_small_aliases_are_fine(load_text: Callable[..., LoadResult]) -> None:
    """Anchors and aliases used sensibly load normally."""
    text = VALID_SCENARIO.replace('budget: {amount: "£120m", floor: "£0"}', 'budget: &money {amount: "£120m"}')
    text = text.replace('budget: {amount: "£300m"}', "budget: *money")
    result = load_text(text)
    assert not result.has_errors
    assert result.scenario is not None
    assert result.scenario.members[1].budget == result.scenario.members[0].budget


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("[" * 100_000, 1, 65),
        ("{a: " * 100_000, 1, 257),
        ("a:\n" + "".join(" " * depth + "b:\n" for depth in range(1, 100)), 65, 65),
        ("x: " + "[{a: " * 50_000, 1, 160),
    ],
    ids=["lists-100k", "mappings-100k", "block-mappings", "mixed-100k"],
)
def test_deep_nesting_is_refused_without_recursing(
    load_text: Callable[..., LoadResult], text: str, line: int, column: int
) -> None:
    """Nesting past 64 levels is `yaml-too-deep` where the 65th level starts, found before reading further."""
    start = time.perf_counter()
    result = load_text(text)
    assert _at(result, "yaml-too-deep") == (line, column)
    assert time.perf_counter() - start < 1.0


def test_several_documents_are_refused(load_text: Callable[..., LoadResult]) -> None:
    """A second YAML document in the file is a `yaml-syntax` error at its `---`."""
    result = load_text(VALID_SCENARIO + "---\nformat: boardsim/1\n")
    assert _at(result, "yaml-syntax") == (VALID_SCENARIO.count("\n") + 1, 1)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [("", 1, 1), ("# only a comment\n\n", 1, 1), ("---\n", 2, 1), ("- a\n- b\n", 1, 1), ("just text\n", 1, 1)],
    ids=["empty", "comments-only", "empty-document", "a-list", "a-scalar"],
)
def test_not_a_mapping(load_text: Callable[..., LoadResult], text: str, line: int, column: int) -> None:
    """An empty file, or a document that is not a mapping, is `yaml-not-mapping`."""
    assert _at(load_text(text), "yaml-not-mapping") == (line, column)


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("format: boardsim/1\nstate:\n\tx: 1\n", 3, 1, "tab"),
        ("format: boardsim/1\ntitle: 'never closed\n", 3, 1, "never closed"),
        ("format: boardsim/1\ntitle: a: b\n", 2, 9, "':'"),
        ("format: boardsim/1\nstate:\n  a: 1\n b: 2\n", 4, 2, "indented"),
        ("format: boardsim/1\nmembers: [a, b\n", 3, 1, "not closed"),
        ("format: boardsim/1\ntitle: bell\x07\n", 2, 12, "U+0007"),
        ("format: boardsim/1\ntitle: @home\n", 2, 8, "'@'"),
    ],
    ids=["tab", "unclosed-quote", "colon-in-value", "bad-indentation", "unclosed-list", "control-character", "at"],
)
def test_syntax_errors_are_explained(
    load_text: Callable[..., LoadResult], text: str, line: int, column: int, words: str
) -> None:
    """YAML syntax errors are `yaml-syntax` where the parser stopped, in plain words."""
    result = load_text(text)
    assert _at(result, "yaml-syntax") == (line, column)
    assert words in only(result, "yaml-syntax").message


def test_recursive_alias_is_refused(load_text: Callable[..., LoadResult]) -> None:
    """An alias inside the value it names is refused rather than followed."""
    assert _at(load_text("format: boardsim/1\na: &loop [1, *loop]\n"), "yaml-syntax") == (2, 14)


def test_complex_keys_are_refused(load_text: Callable[..., LoadResult]) -> None:
    """A list used as a key is a located error, and the rest of the document is still read."""
    result = load_text("? [a, b]\n: value\nformat: boardsim/1\n")
    assert _at(result, "yaml-syntax") == (1, 3)


def test_merge_of_something_that_is_not_a_mapping(load_text: Callable[..., LoadResult]) -> None:
    """`<<:` with a value that is not a mapping is a located `wrong-type` error, not a crash."""
    result = load_text("format: boardsim/1\ncalendar:\n  <<: 5\n")
    assert _at(result, "wrong-type") == (3, 7)
