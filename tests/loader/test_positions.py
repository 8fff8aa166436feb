"""Every key and value keeps the line and column it was written at, including inside condition text."""

from __future__ import annotations

import pytest

from boardsim.adapters.yaml_source import parse_yaml
from boardsim.core.diagnostics import YamlPath, finding

from .conftest import VALID_SCENARIO, column_of, line_of


def _where(text: str, path: YamlPath, offset: int | None = None, *, at_key: bool = False) -> tuple[int, int]:
    document = parse_yaml(text, "positions.yaml")
    position = document.positions.position(path, offset=offset, at_key=at_key)
    assert position is not None
    assert position.file == "positions.yaml"
    return position.line, position.column


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        (("title",), "A tiny board"),
        (("calendar", "horizon"), "12 months"),
        (("members", 1, "seat"), "Chief Executive"),
        (("state", "delayed_discharges", "range", 1), "300]"),
        (("dilemmas", 0, "options", 0, "effects", 0, "amount"), '"£2m"'),
        (("playthroughs", 0, "expect", 0), "'chosen("),
    ],
)
def test_scalar_values_point_at_the_value(path: YamlPath, fragment: str) -> None:
    """A finding about a scalar points at the value itself (block, flow and quoted forms)."""
    assert _where(VALID_SCENARIO, path) == (line_of(VALID_SCENARIO, fragment), column_of(VALID_SCENARIO, fragment))


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        (("members",), "members:"),
        (("calendar",), "calendar:"),
        (("members", 0, "accountabilities"), "accountabilities:"),
        (("state", "s75_signed"), "s75_signed:"),
    ],
)
def test_mappings_and_lists_point_at_their_key(path: YamlPath, fragment: str) -> None:
    """A finding about a whole mapping or list points at the key it is written under."""
    assert _where(VALID_SCENARIO, path) == (line_of(VALID_SCENARIO, fragment), column_of(VALID_SCENARIO, fragment))


def test_list_items_point_at_their_first_key() -> None:
    """A mapping inside a list (a member, a dilemma) points at its first key."""
    assert _where(VALID_SCENARIO, ("members", 1)) == (line_of(VALID_SCENARIO, "id: icb"), 5)


def test_at_key_points_at_the_key_of_a_scalar() -> None:
    """For a badly written key, the key's own position is used."""
    assert _where(VALID_SCENARIO, ("place",), at_key=True) == (5, 1)


def test_paths_never_written_fall_back_to_the_nearest_ancestor() -> None:
    """A path below what was written (a missing field) points at the closest written ancestor."""
    assert _where(VALID_SCENARIO, ("members", 1, "private_brief")) == (line_of(VALID_SCENARIO, "id: icb"), 5)


def test_placing_a_finding_fills_its_position() -> None:
    """`PositionMap.place` gives a path-only finding its file:line:col."""
    document = parse_yaml(VALID_SCENARIO, "positions.yaml")
    placed = document.positions.place(finding("duplicate-id", "twice", ("members", 1, "id")))
    assert str(placed.position) == "positions.yaml:25:9"


@pytest.mark.parametrize(
    ("written", "offset", "line", "column"),
    [
        ("x > 1 and nme < 3", 10, 1, 17),
        ("'x > 1 and nme < 3'", 10, 1, 18),
        ('"x > 1 and nme < 3"', 10, 1, 18),
        ("'it''s x > 1 and nme'", 15, 1, 24),
        ('"say \\"hi\\" and nme"', 13, 1, 23),
        ('"\\u00e9 and nme"', 6, 1, 19),
        ("|\n  x > 1\n  and nme < 3\n", 10, 3, 7),
        (">-\n  x > 1\n  and nme < 3\n", 10, 3, 7),
        ("x > 1\n  and nme < 3", 10, 2, 7),
        ("'x > 1\n  and nme < 3'", 10, 2, 7),
        ("'x > 1\n\n  and nme < 3'", 10, 3, 7),
    ],
    ids=[
        "plain",
        "single-quoted",
        "double-quoted",
        "single-quote-escape",
        "double-quote-escapes",
        "unicode-escape",
        "literal-block",
        "folded-block",
        "multi-line-plain",
        "multi-line-quoted",
        "quoted-with-blank-line",
    ],
)
def test_offsets_inside_a_condition_map_to_the_exact_column(written: str, offset: int, line: int, column: int) -> None:
    """An offset into a condition's value lands on the character where it was written, in every style."""
    document = parse_yaml(f"when: {written}\n", "positions.yaml")
    assert document.data is not None
    value = document.data["when"]
    assert isinstance(value, str)
    assert value[offset : offset + 3] == "nme"
    assert _where(f"when: {written}\n", ("when",), offset) == (line, column)


def test_offset_in_a_list_item() -> None:
    """Offsets work for conditions that are list items (playthrough expectations)."""
    fragment = "'chosen("
    expected = (line_of(VALID_SCENARIO, fragment), column_of(VALID_SCENARIO, fragment) + 1 + 7)
    assert _where(VALID_SCENARIO, ("playthroughs", 0, "expect", 0), 7) == expected


def test_aliased_values_keep_where_they_were_written() -> None:
    """Values reached through an alias point at the anchored text; the alias itself at the alias."""
    text = "base: &b\n  amount: £2m\n  when: 'x > nme'\nother:\n  copy: *b\n"
    assert _where(text, ("other", "copy", "amount")) == (2, 11)
    assert _where(text, ("other", "copy", "when"), 4) == (3, 14)
    assert _where(text, ("other", "copy")) == (5, 3)


def test_merged_keys_keep_where_they_were_written() -> None:
    """Keys taken through `<<:` point at the mapping they were merged from; written keys win."""
    text = "base: &b {amount: £2m, floor: £0}\nbudget:\n  <<: *b\n  floor: £1m\n"
    document = parse_yaml(text, "positions.yaml")
    assert document.data == {
        "base": {"amount": "£2m", "floor": "£0"},
        "budget": {"floor": "£1m", "amount": "£2m"},
    }
    assert _where(text, ("budget", "amount")) == (1, 19)
    assert _where(text, ("budget", "floor")) == (4, 10)


def test_merge_of_several_mappings_in_order() -> None:
    """With `<<: [*a, *b]` the earlier mapping wins, and key order follows the file."""
    text = "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n"
    document = parse_yaml(text, "positions.yaml")
    assert document.data is not None
    assert list(document.data["c"].items()) == [("x", 1), ("y", 1), ("z", 2)]  # type: ignore[attr-defined]
    assert _where(text, ("c", "z")) == (2, 17)
