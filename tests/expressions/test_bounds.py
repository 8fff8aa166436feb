"""Conditions are bounded: at most 500 characters and 20 levels of nesting, and hostile shapes fail cleanly."""

from __future__ import annotations

import pytest

from boardsim.core.expressions import MAX_LENGTH, MAX_NESTING, compile_expression, holds

from .support import NAMES, compile_error, context


def test_limits_are_the_documented_ones() -> None:
    """The documented limits: 500 characters, 20 levels."""
    assert (MAX_LENGTH, MAX_NESTING) == (500, 20)


def test_a_condition_of_exactly_500_characters_is_accepted() -> None:
    """500 characters is within the limit."""
    source = "waits > 1" + " " * 491
    assert len(source) == 500
    compile_expression(source, NAMES)


def test_a_condition_of_501_characters_is_too_long() -> None:
    """501 characters gives expr-too-long at offset 500, before any parsing."""
    source = "waits > 1" + " " * 492
    error = compile_error(source)
    assert (error.code, error.offset) == ("expr-too-long", 500)
    assert "501" in error.message


def test_length_counts_the_original_text_not_the_rewritten_money() -> None:
    """Money literals expand when rewritten (£1bn → 1000000000); the bound applies to what was written."""
    source = " + ".join(["£1bn"] * 60) + " > waits"
    assert len(source) <= 500
    compile_expression(source, NAMES)


def nested(template: str, levels: int, core: str) -> str:
    """`template` wrapped around itself `levels` times, e.g. nested("not {}", 2, "x") = "not not x"."""
    source = core
    for _ in range(levels):
        source = template.format(source)
    return source


# A template per kind of nesting: each wrapping adds exactly one level.
NESTINGS = [
    ("not {}", "winter"),
    ("-{}", "waits"),
    ("abs({})", "waits"),
    ("2 * ({})", "waits"),
    ("1 - ({})", "waits"),
    ("({}) == winter", "winter"),
    ("({} or winter)", "winter"),
    ("min({}, 1)", "waits"),
]


@pytest.mark.parametrize(("template", "core"), NESTINGS)
def test_twenty_levels_of_nesting_are_accepted(template: str, core: str) -> None:
    """Nesting of exactly 20 levels compiles (whatever nests: not, minus, calls, operators)."""
    source = nested(template, 20, core)
    assert len(source) <= 500
    compile_expression(source, NAMES)


@pytest.mark.parametrize(("template", "core"), NESTINGS)
def test_twenty_one_levels_of_nesting_are_too_deep(template: str, core: str) -> None:
    """One more level gives expr-too-deep."""
    source = nested(template, 21, core)
    assert len(source) <= 500
    assert compile_error(source).code == "expr-too-deep"


def test_too_deep_points_at_the_twenty_first_level() -> None:
    """The offset is the operator that opens the 21st level."""
    source = nested("not {}", 21, "winter")
    assert compile_error(source).offset == 20 * len("not ")


@pytest.mark.parametrize(
    "source",
    [
        " + ".join(["waits"] * 60) + " > 1",
        " * ".join(["waits"] * 60) + " > 1",
        " and ".join(["winter"] * 40),
        "((((waits) * 2) * 2) * 2) * 2 > 1",
        " < ".join(["waits"] * 60),
        "(" * 40 + "waits" + ")" * 40 + " > 1",
    ],
)
def test_long_runs_of_one_operator_and_redundant_brackets_are_not_nesting(source: str) -> None:
    """`a + b + c + ...` counts as one level however long, and brackets alone add no level."""
    assert len(source) <= 500
    compiled = compile_expression(source, NAMES)
    holds(compiled, context())


def test_a_sum_as_long_as_the_length_bound_allows_evaluates() -> None:
    """A 247-term sum compiles and evaluates without deep recursion."""
    source = "waits+" + "+".join(["1"] * 246)
    assert len(source) <= 500
    compiled = compile_expression(source, NAMES)
    assert compiled.evaluator(context()) == 276.0


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("(" * 250 + ")" * 250, "expr-too-deep"),
        ("(" * 300, "expr-too-deep"),
        ("[" * 250 + "]" * 250, "expr-too-deep"),
        ("-" * 499 + "1", "expr-too-deep"),
        ("-(" * 100 + "1" + ")" * 100, "expr-too-deep"),
        ("not " * 124 + "x", "expr-too-deep"),
        ("abs(" * 125, "expr-syntax"),
        ("~" * 500, "expr-syntax"),
        ("a" + "." * 499, "expr-syntax"),
    ],
)
def test_hostile_shapes_fail_cleanly_within_the_bounds(source: str, code: str) -> None:
    """Inputs built to exhaust the parser or the stack give a plain ExpressionError, never a crash."""
    assert len(source) <= 500
    assert compile_error(source).code == code


@pytest.mark.parametrize("source", ["1" + "+1" * 249, "1" + "*1" * 249, "waits" + " - 1" * 120])
def test_longest_possible_runs_compile(source: str) -> None:
    """Runs of one operator as long as the length bound allows compile (and fold when all literal)."""
    assert len(source) <= 500
    compile_expression(source, NAMES)
