"""Every construct the language allows evaluates to what a designer would expect."""

from __future__ import annotations

import sys

import pytest

from boardsim.core.expressions import compile_expression, evaluate, holds

from .support import NAMES, context

CASES = [
    # literals
    ("42", 42.0),
    ("0.5", 0.5),
    ("-20", -20.0),
    ("+7", 7.0),
    ("1_000", 1000.0),
    ("£2m", 2_000_000),
    ("£350k", 350_000),
    ("£1,200,000", 1_200_000),
    ("£2.5m", 2_500_000),
    ("£1.5bn", 1_500_000_000),
    ("-£4m", -4_000_000),
    ("true", True),
    ("false", False),
    ("True", True),
    ("False", False),
    ('"fifty-fifty"', "fifty-fifty"),
    ("'fifty-fifty'", "fifty-fifty"),
    ('"£2m"', "£2m"),
    # state
    ("delayed_discharges", 120.0),
    ("s75_signed", True),
    ("winter", False),
    # arithmetic, precedence and parentheses
    ("waits + 10", 40.0),
    ("waits - 10 - 5", 15.0),
    ("waits * 2", 60.0),
    ("waits / 4", 7.5),
    ("120 / 4 / 3", 10.0),
    ("2 + 3 * 4", 14.0),
    ("(2 + 3) * 4", 20.0),
    ("2 * 3 + 4 * 5", 26.0),
    ("10 - (4 - 1)", 7.0),
    ("-waits + 5", -25.0),
    ("-(waits - 40)", 10.0),
    ("waits / beds", 0.0),
    ("0 / 0", 0.0),
    ("waits / (beds * 3)", 0.0),
    ("£2m / 4", 500_000.0),
    # comparisons
    ("waits == 30", True),
    ("waits != 30", False),
    ("waits < 30", False),
    ("waits <= 30", True),
    ("waits > 29.5", True),
    ("waits >= 31", False),
    ("0 < waits <= 30", True),
    ("0 < waits < 30", False),
    ("10 < waits < delayed_discharges < 200", True),
    ("s75_signed == true", True),
    ("s75_signed != winter", True),
    ('chosen("risk-share") == "fifty-fifty"', True),
    ('chosen("risk-share") != "fifty-fifty"', False),
    ('"fifty-fifty" == chosen("risk-share")', True),
    ('chosen("open-question") == ""', True),
    ('chosen_by("risk-share", "icb") == chosen("risk-share")', False),
    # logic
    ("s75_signed and waits > 10", True),
    ("s75_signed and winter", False),
    ("winter or waits > 10", True),
    ("winter or false", False),
    ("not winter", True),
    ("not not winter", False),
    ("not waits > 10", False),
    ("winter or s75_signed and waits > 100", False),
    ("(winter or s75_signed) and waits < 100", True),
    ("s75_signed and waits > 10 and delayed_discharges > 100", True),
    ("winter or winter or s75_signed", True),
    # domain functions
    ('chosen("risk-share")', "fifty-fifty"),
    ('chosen("risk-share", "fifty-fifty")', True),
    ('chosen("risk-share", "icb-carries")', False),
    ('chosen_by("risk-share", "icb")', "icb-carries"),
    ('closed("risk-share")', True),
    ('budget("council")', 3_000_000),
    ('budget("council") >= £3m', True),
    ('budget("icb") < £0', True),
    ('pool("bcf-pool") > £2.5m', False),
    ('pledged("winter-pledge")', 5_000_000),
    ('pledged("winter-pledge", "icb")', 3_000_000),
    ('trust("icb", "council")', 0.625),
    ('breached("council")', False),
    ('breached("council", "balanced-budget")', False),
    ('kept("icb-d2a")', True),
    ('broken("icb-d2a")', False),
    ('fired("winter-letter")', True),
    ("elapsed_months()", 7),
    ("elapsed_months() >= 6", True),
    # numeric functions
    ("min(waits, 10)", 10.0),
    ("max(waits, 10)", 30.0),
    ("min(waits, 10, -3)", -3.0),
    ("max(1, 2, 3, waits)", 30.0),
    ("abs(10 - waits)", 20.0),
    ("abs(-3)", 3.0),
    ('max(budget("council") - £1m, 0) / £1m', 2.0),
    # layout
    ("  waits > 10", True),
    ("waits\n  > 10 and\n  s75_signed", True),
    ("waits\t> 10", True),
    ("waits\xa0>\u200b10", True),  # no-break and zero-width spaces pasted from a word processor
    ("\ufeffwaits > 10", True),  # a byte-order mark at the start
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_construct_evaluates_to_expected_value(source: str, expected: float | bool | str) -> None:
    """Each allowed construct, compiled once, evaluates to the value Python's own semantics give (x / 0 = 0)."""
    compiled = compile_expression(source, NAMES)
    result = evaluate(compiled, context())
    assert result == expected
    if isinstance(expected, bool):
        assert isinstance(result, bool)
    elif isinstance(expected, str):
        assert isinstance(result, str)
    else:
        assert not isinstance(result, bool | str)


@pytest.mark.parametrize(
    ("source", "expected"),
    [("waits > 10", True), ("waits", True), ("beds", False), ('chosen("open-question")', False), ("winter", False)],
)
def test_holds_is_the_truth_of_the_value(source: str, expected: bool) -> None:
    """holds() is true for a true flag, a non-zero number and non-empty text."""
    assert holds(compile_expression(source, NAMES), context()) is expected


def test_and_short_circuits_so_later_calls_are_not_made() -> None:
    """`false and f(...)` never asks the context for f: the engine may rely on short-circuiting."""
    ctx = context()
    assert holds(compile_expression('winter and fired("winter-letter")', NAMES), ctx) is False
    assert ctx.calls_seen == []


def test_or_short_circuits_so_later_calls_are_not_made() -> None:
    """`true or f(...)` never asks the context for f."""
    ctx = context()
    assert holds(compile_expression('s75_signed or fired("winter-letter")', NAMES), ctx) is True
    assert ctx.calls_seen == []


def test_domain_calls_pass_the_literal_ids_to_the_context() -> None:
    """A domain function reaches the context as its name and the tuple of its string arguments."""
    ctx = context()
    evaluate(compile_expression('trust("icb", "council") > 0.5 and elapsed_months() > 1', NAMES), ctx)
    assert ctx.calls_seen == [("trust", ("icb", "council")), ("elapsed_months", ())]


def test_numeric_functions_never_reach_the_context() -> None:
    """min, max and abs are computed by the evaluator, not asked of the engine."""
    ctx = context()
    evaluate(compile_expression("min(waits, 3) + max(1, 2) + abs(-1)", NAMES), ctx)
    assert ctx.calls_seen == []


def test_compiled_expression_reads_current_state_each_time() -> None:
    """One compilation serves many evaluations: the value follows the context, nothing is cached."""
    compiled = compile_expression("waits > 50", NAMES)
    ctx = context()
    assert holds(compiled, ctx) is False
    ctx.values = {**ctx.values, "waits": 80.0}
    assert holds(compiled, ctx) is True


def test_chained_comparison_reads_the_middle_value_once() -> None:
    """`0 < f() < 10` calls f once, as Python does."""
    ctx = context()
    assert holds(compile_expression("0 < elapsed_months() < 10", NAMES), ctx) is True
    assert ctx.calls_seen == [("elapsed_months", ())]


@pytest.mark.parametrize("denominator", ["beds", "0", "(waits - 30)", "-0.0", "min(beds, 0)"])
def test_division_by_zero_gives_zero(denominator: str) -> None:
    """x / 0 is 0.0 (documented), never ZeroDivisionError, whatever form the zero takes."""
    assert evaluate(compile_expression(f"waits / {denominator}", NAMES), context()) == 0.0


def test_division_of_huge_integers_saturates_instead_of_raising() -> None:
    """An int division whose quotient no float can hold gives the largest float, not OverflowError."""
    compiled = compile_expression('budget("council") / budget("icb")', NAMES)
    ctx = context()
    ctx.answers = {("budget", ("council",)): 10**400, ("budget", ("icb",)): -1}
    assert evaluate(compiled, ctx) == -sys.float_info.max


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("1e308 * 10", sys.float_info.max),
        ("-1e308 * 10", -sys.float_info.max),
        ("1e308 + 1e308", sys.float_info.max),
        ("-1e308 - 1e308", -sys.float_info.max),
        ("1e308 / 0.1", sys.float_info.max),
        ("waits * 1e308 - waits * 1e308", 0.0),
    ],
)
def test_arithmetic_saturates_at_the_largest_float(source: str, expected: float) -> None:
    """Overflow saturates at ±1.8e308 rather than becoming infinite, so inf - inf (NaN) can never arise."""
    assert evaluate(compile_expression(source, NAMES), context()) == expected
