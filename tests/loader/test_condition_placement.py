"""Problems the semantic checker finds inside conditions are placed at the exact character in the file."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from boardsim.adapters.scenario_loader import LoadResult

from .conftest import VALID_SCENARIO, column_of, line_of, only

REQUIRES = "requires: 'budget(\"icb\") > £1m'"


@pytest.mark.parametrize(
    "written",
    [
        "requires: 'budget(\"icb\") > £1m and reserves > 3'",
        'requires: "budget(\\"icb\\") > £1m and reserves > 3"',
        "requires: reserves > 3",
        'requires: >-\n          budget("icb") > £1m\n          and reserves > 3',
        'requires: |-\n          budget("icb") > £1m and\n          reserves > 3',
    ],
    ids=["single-quoted", "double-quoted-with-escapes", "plain", "folded-block", "literal-block"],
)
def test_unknown_name_in_a_condition_is_placed_on_the_name(load_text: Callable[..., LoadResult], written: str) -> None:
    """An unknown state name in a condition points at that name, whatever the quoting style."""
    text = VALID_SCENARIO.replace(REQUIRES, written)
    result = load_text(text)
    item = only(result, "expr-unknown-name")
    assert item.yaml_path == "dilemmas[0].options[0].requires"
    assert item.position is not None
    assert (item.position.line, item.position.column) == (line_of(text, "reserves"), column_of(text, "reserves"))


def test_condition_in_a_list_is_placed(load_text: Callable[..., LoadResult]) -> None:
    """Conditions written as list items (playthrough expectations) are placed too."""
    text = VALID_SCENARIO.replace("expect: ['chosen(", "expect: ['nonsense > 1', 'chosen(")
    item = only(load_text(text), "expr-unknown-name")
    assert item.yaml_path == "playthroughs[0].expect[0]"
    assert item.position is not None
    assert (item.position.line, item.position.column) == (line_of(text, "nonsense"), column_of(text, "nonsense"))


def test_reference_errors_point_at_the_value(load_text: Callable[..., LoadResult]) -> None:
    """A finding about a reference (no offset) points at the referring value."""
    text = VALID_SCENARIO.replace("lead: icb", "lead: nhs")
    item = only(load_text(text), "unknown-member")
    assert item.position is not None
    assert (item.position.line, item.position.column) == (line_of(text, "lead: nhs"), column_of(text, "nhs"))
