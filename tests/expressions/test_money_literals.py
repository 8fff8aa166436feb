"""Money literals in conditions are whole pounds, written as a designer writes amounts elsewhere."""

from __future__ import annotations

import pytest

from boardsim.core.expressions import compile_expression, evaluate

from .support import NAMES, compile_error, context


@pytest.mark.parametrize(
    ("literal", "pounds"),
    [
        ("£0", 0),
        ("£7", 7),
        ("£350k", 350_000),
        ("£350K", 350_000),
        ("£2m", 2_000_000),
        ("£2M", 2_000_000),
        ("£2.5m", 2_500_000),
        ("£1.15m", 1_150_000),
        ("£1,200,000", 1_200_000),
        ("£1,200", 1_200),
        ("£1.5bn", 1_500_000_000),
        ("£ 2m", 2_000_000),
    ],
)
def test_money_literal_is_whole_pounds(literal: str, pounds: int) -> None:
    """Each accepted form of amount evaluates to its exact number of pounds."""
    assert evaluate(compile_expression(literal, NAMES), context()) == pounds


def test_negative_amount_is_unary_minus() -> None:
    """`-£4m` is minus four million pounds."""
    assert evaluate(compile_expression('budget("icb") > -£4m', NAMES), context()) is True


def test_money_inside_quotes_is_text() -> None:
    """A £ inside a string literal is left alone: it is text, not money."""
    assert evaluate(compile_expression('"costs £2m"', NAMES), context()) == "costs £2m"


@pytest.mark.parametrize("literal", ["£2.5", "£0.0001k", "£99999999bn"])
def test_amount_that_is_not_whole_pounds_or_implausible_is_bad_amount(literal: str) -> None:
    """Fractions of a pound and absurd amounts give bad-amount at the £ sign."""
    error = compile_error(f"waits > {literal}")
    assert (error.code, error.offset) == ("bad-amount", 8)


def test_amount_with_thousands_separators_inside_a_call_is_one_amount() -> None:
    """`max(£1,200, 3)` reads £1,200 as one amount (documented: put a space after an argument comma)."""
    assert evaluate(compile_expression("max(£1,200, 3)", NAMES), context()) == 1200.0
    assert evaluate(compile_expression("max(£1, 200)", NAMES), context()) == 200.0
