"""Text Python cannot parse gives `expr-syntax` in the designer's terms, pointing at the right character."""

from __future__ import annotations

import pytest

from .support import compile_error

# (source, offset into the original text, words the message must contain)
SYNTAX_ERRORS = [
    ("waits > 1 and", 13, "expected a value after 'and'"),
    ("waits > 1 or", 12, "expected a value after 'or'"),
    ("not", 3, "expected a value after 'not'"),
    ("waits >", 7, "expected a value after '>'"),
    ("waits +", 7, "expected a value after '+'"),
    ("> 3", 0, "expected a value before '>'"),
    ("waits > 1 and and winter", 14, "expected a value after 'and', found 'and'"),
    ("waits +* 2", 7, "expected a value after '+', found '*'"),
    ("(waits > 1", 0, "unbalanced parenthesis"),
    ("waits > 1 and (winter or s75_signed", 14, "unbalanced parenthesis"),
    ('budget("icb" > 1', 6, "unbalanced parenthesis"),
    ("waits > 1)", 9, "unbalanced parenthesis"),
    ("(waits > 1]", 10, "mismatched brackets"),
    ('chosen("risk-share) == "x"', 25, "text in quotes is never closed"),
    ("'abc", 0, "text in quotes is never closed"),
    ("waits = 1", 6, "'=' is not a comparison"),
    ("waits === 1", 6, "'===' is not a comparison"),
    ("waits <> 1", 6, "'<>' is not a comparison"),
    ("waits => 1", 6, "'=>' is not a comparison"),
    ("waits =< 1", 6, "'=<' is not a comparison"),
    ("winter && s75_signed", 7, "'&&'"),
    ("winter || s75_signed", 7, "'||'"),
    ("!winter", 0, "'!'"),
    ("waits 10", 6, "side by side"),
    ("£2m £3m", 4, "'£2m' and '£3m' are side by side"),
    ("waits > 3months", 8, "number runs straight into letters"),
    ("waits > 2m", 8, "number runs straight into letters"),
    ("waits ≤ 3", 6, "unexpected character '≤'"),
    ("waits > “a”", 8, "unexpected character '“'"),
    ("waits $ 3", 6, "unexpected character '$'"),
    ("waits > 1 ;", 10, "';'"),
    ("if waits > 1", 0, "'if' is not part of the condition language"),
    ("waits > 1 if", 10, "'if' is not part of the condition language"),
    ("", 0, "empty"),
    ("   \n  ", 0, "empty"),
    ("waits > 1\x00", 9, "control character"),
    ('chosen("a\x07b") == "x"', 9, "control character"),
    ("waits > £", 8, "'£' must start an amount"),
    ("waits > £2mn", 8, "'£' must start an amount"),
    ("x£2m > 1", 1, "side by side"),
]


@pytest.mark.parametrize(("source", "offset", "words"), SYNTAX_ERRORS)
def test_syntax_error_message_and_position(source: str, offset: int, words: str) -> None:
    """Each malformed condition gives expr-syntax (or expr-forbidden for Python keywords), a message in the
    language's own terms, the offset of the offending character in the original text, and a hint."""
    error = compile_error(source)
    assert error.code in ("expr-syntax", "expr-forbidden")
    assert words in error.message
    assert error.offset == offset
    assert error.hint


@pytest.mark.parametrize(
    ("source", "hint_word"),
    [
        ("waits = 1", "=="),
        ("winter && s75_signed", "and"),
        ("winter || s75_signed", "or"),
        ("!winter", "not"),
        ("waits ≥ 3", ">="),
        ("waits > “a”", "straight quotes"),
        ("waits > 2m", "£2m"),
        ("(waits > 1", "')'"),
    ],
)
def test_syntax_error_hint_names_the_fix(source: str, hint_word: str) -> None:
    """Common slips (= for ==, && for and, curly quotes, money without £) get a hint naming the fix."""
    assert hint_word in compile_error(source).hint


def test_f_string_syntax_error_is_reported_as_forbidden() -> None:
    """A broken f-string is still an f-string: expr-forbidden, not a confusing parser message."""
    assert compile_error("f'{waits' == 'x'").code == "expr-forbidden"
