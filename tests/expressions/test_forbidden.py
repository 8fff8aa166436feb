"""Constructs outside the allow-list are refused as `expr-forbidden`, pointing at the construct, with a hint."""

from __future__ import annotations

import pytest

from .support import compile_error

# (source, offset of the offending construct, a word the message must contain)
FORBIDDEN = [
    ("waits.real > 1", 0, "attribute"),
    ('budget("icb").bit_length() > 1', 0, "calling"),
    ("waits[0] > 1", 0, "indexing"),
    ("waits[0:1] > 1", 0, "indexing"),
    ("(lambda: 1)() > 0", 0, "calling"),
    ("lambda: waits > 1", 0, "lambda"),
    ("[x for x in waits]", 0, "comprehension"),
    ("{x for x in waits}", 0, "comprehension"),
    ("{x: 1 for x in waits}", 0, "comprehension"),
    ("any(x > 1 for x in waits)", 3, "comprehension"),
    ('f"{waits}" == "3"', 0, "f-string"),
    ("waits ** 2 > 1", 6, "**"),
    ("waits % 2 == 0", 6, "%"),
    ("waits // 2 == 0", 6, "//"),
    ("waits & 1", 6, "&"),
    ("s75_signed | winter", 11, "|"),
    ("s75_signed ^ winter", 11, "^"),
    ("waits << 1 > 2", 6, "<<"),
    ("waits >> 1 > 2", 6, ">>"),
    ("waits @ waits", 6, "@"),
    ("~waits > 1", 0, "~"),
    ("(x := 5) > 1", 1, ":="),
    ('budget(member="icb") > 0', 7, "keyword"),
    ('budget(*"icb") > 0', 7, "unpacking"),
    ('budget("icb")("x") > 0', 0, "calling"),
    ('"abc"() == 1', 0, "calling"),
    ('__import__("os")', 0, "__"),
    ("__builtins__ == 1", 0, "__"),
    ("waits == __debug__", 9, "__"),
    ("waits in beds", 6, "'in'"),
    ("waits not in beds", 6, "'not in'"),
    ("waits is beds", 6, "'is'"),
    ("waits is not beds", 6, "'is not'"),
    ("1 if winter else 2", 0, "if"),
    ("[waits, beds]", 0, "list"),
    ("(waits, beds)", 0, "commas"),
    ("1,200 > waits", 0, "commas"),
    ("{waits}", 0, "set"),
    ("{1: 2}", 0, "dictionary"),
    ("None", 0, "None"),
    ("waits == None", 9, "None"),
    ('b"x" == 1', 0, "bytes"),
    ("2j > 1", 0, "imaginary"),
    ("... == 1", 0, "'...'"),
    ("waits > 1 # a note", 10, "#"),
]


@pytest.mark.parametrize(("source", "offset", "word"), FORBIDDEN)
def test_forbidden_construct_is_refused_at_its_position(source: str, offset: int, word: str) -> None:
    """Each construct outside the allow-list gives expr-forbidden at the construct, naming it, with a hint."""
    error = compile_error(source)
    assert error.code == "expr-forbidden"
    assert error.offset == offset
    assert word in error.message
    assert error.hint


def test_forbidden_construct_is_reported_before_an_unknown_name() -> None:
    """The allow-list runs first: `nosuch.attr` is expr-forbidden, not expr-unknown-name."""
    assert compile_error("nosuch.attr > 1").code == "expr-forbidden"


def test_earliest_forbidden_construct_in_the_text_is_reported() -> None:
    """With two forbidden constructs, the one written first is the one reported."""
    error = compile_error("waits ** 2 > 1 and beds % 2 == 0")
    assert (error.offset, "**" in error.message) == (6, True)


@pytest.mark.parametrize(
    ("source", "hint_word"),
    [("waits ** 2 > 1", "x * x"), ("s75_signed | winter", "or"), ("waits is 1", "=="), ("~winter", "not")],
)
def test_hint_says_what_to_write_instead(source: str, hint_word: str) -> None:
    """The hint names the allowed way to say the same thing."""
    assert hint_word in compile_error(source).hint


def test_names_that_look_like_functions_cannot_be_called_through_state() -> None:
    """A state name followed by brackets is not a call of anything: it is an unknown function."""
    error = compile_error("waits(1) > 0")
    assert error.code == "expr-unknown-function"
    assert "without brackets" in error.hint
