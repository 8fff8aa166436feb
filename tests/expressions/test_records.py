"""A compiled expression records what the checker validates: state names read, calls, text comparisons."""

from __future__ import annotations

import pytest

from boardsim.core.expressions import FunctionCall, TextComparison, compile_expression

from .support import NAMES


def test_names_are_the_state_names_read() -> None:
    """`names` holds each declared state name the expression reads, once, and not true/false."""
    compiled = compile_expression("waits > beds and (waits < 10 or winter) and true", NAMES)
    assert compiled.names == frozenset({"waits", "beds", "winter"})


def test_calls_record_every_domain_call_in_order_with_its_literal_ids() -> None:
    """Each domain-function call is recorded with its name, string arguments and offset, in source order."""
    source = 'chosen("risk-share", "fifty-fifty") or pool("bcf-pool") > £1m and elapsed_months() > 2'
    compiled = compile_expression(source, NAMES)
    assert [(call.function, call.arguments) for call in compiled.calls] == [
        ("chosen", ("risk-share", "fifty-fifty")),
        ("pool", ("bcf-pool",)),
        ("elapsed_months", ()),
    ]
    assert [call.offset for call in compiled.calls] == [0, 39, 66]


def test_numeric_functions_are_not_recorded_as_calls() -> None:
    """min, max and abs take numbers, not ids: nothing for the checker to validate, so not in `calls`."""
    compiled = compile_expression('max(abs(waits), min(1, budget("icb"))) > 0', NAMES)
    assert [call.function for call in compiled.calls] == ["budget"]


@pytest.mark.parametrize(
    ("source", "literal"),
    [
        ('chosen("risk-share") == "fifty-fifty"', "fifty-fifty"),
        ('"fifty-fifty" != chosen("risk-share")', "fifty-fifty"),
        ('chosen_by("risk-share", "icb") == "icb-carries"', "icb-carries"),
        ('chosen("risk-share") == ""', ""),
    ],
)
def test_text_call_compared_with_a_literal_is_recorded(source: str, literal: str) -> None:
    """chosen(...)/chosen_by(...) compared with ==/!= to a string literal gives a TextComparison."""
    (comparison,) = compile_expression(source, NAMES).text_comparisons
    assert comparison.literal == literal
    assert comparison.call.function in ("chosen", "chosen_by")


def test_text_comparison_refers_to_the_same_call_as_calls() -> None:
    """The TextComparison's call is the FunctionCall recorded in `calls` (same id arguments, same offset)."""
    compiled = compile_expression('chosen("d") == "x"', NAMES)
    assert compiled.text_comparisons == (TextComparison(FunctionCall("chosen", ("d",), 0, (7,)), "x", 15),)
    assert compiled.text_comparisons[0].call == compiled.calls[0]


def test_chained_text_comparisons_record_each_literal() -> None:
    """In `"a" == chosen("d") != "b"` both literals are compared with the call."""
    compiled = compile_expression('"a" == chosen("d") != "b"', NAMES)
    assert [comparison.literal for comparison in compiled.text_comparisons] == ["a", "b"]


@pytest.mark.parametrize(
    "source",
    ['chosen("d", "o") == true', 'chosen("d") == chosen_by("d", "m")', '"a" == "b"', 'budget("icb") == 1'],
)
def test_other_comparisons_are_not_text_comparisons(source: str) -> None:
    """Only a text-valued call against a string literal is recorded."""
    assert compile_expression(source, NAMES).text_comparisons == ()
