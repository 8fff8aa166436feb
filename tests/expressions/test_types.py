"""Kinds (number, flag, text) are checked at compile time: mixing them is `expr-type`, never a runtime surprise."""

from __future__ import annotations

import pytest

from boardsim.core.expressions import ExpressionError, ValueKind, compile_condition, compile_expression

from .support import NAMES, compile_error

TYPE_ERRORS = [
    # (source, offset, words the message must contain)
    ("winter + 1 > 0", 0, "'+' needs a number, but this is a flag"),
    ("1 + winter > 0", 4, "'+' needs a number, but this is a flag"),
    ("waits * s75_signed > 0", 8, "'*' needs a number"),
    ('chosen("d") + 1 == 2', 0, "but this is text"),
    ('"a" + "b" == "ab"', 0, "but this is text"),
    ("-winter", 1, "'-' needs a number"),
    ("not waits", 4, "'not' needs a flag (true/false), but this is a number"),
    ('not chosen("d")', 4, "but this is text"),
    ("waits and winter", 0, "'and' joins flags"),
    ("winter or 1", 10, "'or' joins flags"),
    ("winter == 1", 7, "cannot compare a flag (true/false) with a number"),
    ('chosen("d") < 2', 12, "cannot compare text with a number"),
    ('waits == "high"', 6, "cannot compare a number with text"),
    ('chosen("d") < "b"', 12, "text can only be compared with == or !="),
    ("winter < s75_signed", 7, "can only be compared with == or !="),
    ("0 < waits < winter", 10, "cannot compare a number with a flag"),
    ("min(waits, winter) > 1", 11, "min() takes a number"),
    ('abs(chosen("d")) > 1', 4, "abs() takes a number"),
]


@pytest.mark.parametrize(("source", "offset", "words"), TYPE_ERRORS)
def test_mixing_kinds_is_a_type_error(source: str, offset: int, words: str) -> None:
    """Arithmetic on flags or text, `not`/`and`/`or` on numbers, and cross-kind comparisons are expr-type,
    at the offending operand (or comparison operator)."""
    error = compile_error(source)
    assert (error.code, error.offset) == ("expr-type", offset)
    assert words in error.message
    assert error.hint


RESULT_KINDS = [
    ("waits", ValueKind.NUMBER),
    ("waits + 1", ValueKind.NUMBER),
    ("-waits", ValueKind.NUMBER),
    ("£2m", ValueKind.NUMBER),
    ('budget("icb")', ValueKind.NUMBER),
    ("elapsed_months()", ValueKind.NUMBER),
    ("max(waits, 1)", ValueKind.NUMBER),
    ("winter", ValueKind.FLAG),
    ("true", ValueKind.FLAG),
    ("waits > 1", ValueKind.FLAG),
    ("not winter", ValueKind.FLAG),
    ("winter and s75_signed", ValueKind.FLAG),
    ('chosen("d", "o")', ValueKind.FLAG),
    ('closed("d")', ValueKind.FLAG),
    ('chosen("d") == "o"', ValueKind.FLAG),
    ("winter == s75_signed", ValueKind.FLAG),
    ('chosen("d")', ValueKind.TEXT),
    ('chosen_by("d", "m")', ValueKind.TEXT),
    ('"text"', ValueKind.TEXT),
]


@pytest.mark.parametrize(("source", "kind"), RESULT_KINDS)
def test_result_kind_is_inferred(source: str, kind: ValueKind) -> None:
    """CompiledExpression.kind is the static kind of the whole expression."""
    assert compile_expression(source, NAMES).kind is kind


@pytest.mark.parametrize(
    ("source", "words"),
    [("waits", "gives a number"), ('chosen("risk-share")', "gives text"), ("£2m + 1", "gives a number")],
)
def test_a_condition_must_be_a_flag(source: str, words: str) -> None:
    """compile_condition refuses a number or text result with expr-type, suggesting a comparison."""
    with pytest.raises(ExpressionError) as caught:
        compile_condition(source, NAMES)
    assert caught.value.code == "expr-type"
    assert words in caught.value.message
    assert "compare" in caught.value.hint


@pytest.mark.parametrize(
    "source",
    [
        "waits > beds",
        "waits == 1.0",
        'chosen("d") == chosen_by("d", "m")',
        "winter != s75_signed",
        "winter == true",
        '"a" != "b"',
        "waits / 2 + beds * 3 - 1 >= 0",
    ],
)
def test_comparisons_within_one_kind_are_accepted(source: str) -> None:
    """Numbers compare with numbers in every way; text and flags with == and !=."""
    assert compile_condition(source, NAMES).kind is ValueKind.FLAG
