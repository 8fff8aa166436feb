"""Error offsets and recorded offsets point into the ORIGINAL text, whatever was rewritten before parsing.

Money literals are rewritten to integers of a different length (`£2m` → `2000000`), leading whitespace is
dropped and line breaks become spaces; AST columns count UTF-8 bytes. None of that may shift an offset.
"""

from __future__ import annotations

import pytest

from boardsim.core.expressions import compile_expression

from .support import NAMES, compile_error

# (source, the text the error must point at)
AFTER_REWRITES = [
    ("£2m > nosuch", "nosuch"),
    ("£1,200,000 + £350k > nosuch", "nosuch"),
    ("£2.5m < waits and £1.5bn > nosuch", "nosuch"),
    ('budget("council") > £2m and budget(council) > 1', "council) > 1"),
    ("£2m > waits and winter + 1 > 0", "winter + 1"),
    ("£2m > waits and waits ** 2 > 0", "** 2"),
    ("£2m > waits and (waits > 1", "(waits > 1"),
    ("£2m > waits and", ""),
    ("£2m > waits 3", "3"),
    ("£2m > waits = 3", "= 3"),
    ('"café" == chosen("d") and nosuch', "nosuch"),
    ('"日本語" == chosen("d") and waits ** 2 > 1', "** 2"),
    ("   nosuch > 1", "nosuch > 1"),
    ("waits > 1 and\n   nosuch", "nosuch"),
    ("waits > 1 and\r\n\tnosuch", "nosuch"),
    ('"""multi\nline""" == chosen("d") and nosuch', "nosuch"),
    ('"""multi\nline""" == chosen("d") and waits 1', "1"),
    ("waits > £2m and abs(winter) > 1", "winter) > 1"),
]


@pytest.mark.parametrize(("source", "pointed_at"), AFTER_REWRITES)
def test_error_offset_points_into_the_original_text(source: str, pointed_at: str) -> None:
    """After money literals, non-ASCII text and line breaks, the error offset is where the problem is written."""
    expected = source.rindex(pointed_at) if pointed_at else len(source)
    assert compile_error(source).offset == expected


def test_money_literal_error_points_at_the_pound_sign() -> None:
    """A bad amount after another amount is reported at its own £ sign."""
    source = "£2m > waits and waits > £2.5"
    error = compile_error(source)
    assert (error.code, error.offset) == ("bad-amount", source.rindex("£"))


def test_function_call_offsets_point_at_the_call_and_its_arguments() -> None:
    """FunctionCall.offset is where the function name starts; argument_offsets where each id's quote is."""
    source = '£2.5m < pool("bcf-pool") and trust( "icb",  "council") > 0.5'
    compiled = compile_expression(source, NAMES)
    pool, trust = compiled.calls
    assert source[pool.offset :].startswith('pool("bcf-pool")')
    assert source[pool.argument_offsets[0] :].startswith('"bcf-pool"')
    assert source[trust.offset :].startswith("trust(")
    assert [
        source[offset : offset + len(text)]
        for offset, text in zip(trust.argument_offsets, ('"icb"', '"council"'), strict=True)
    ] == [
        '"icb"',
        '"council"',
    ]


def test_text_comparison_offset_points_at_the_literal() -> None:
    """TextComparison.offset is the opening quote of the compared option id, after any rewrites."""
    source = 'budget("icb") > £1m and chosen("risk-share") == "fifty-fifty"'
    (comparison,) = compile_expression(source, NAMES).text_comparisons
    assert source[comparison.offset :] == '"fifty-fifty"'


def test_offsets_after_non_ascii_text_count_characters_not_bytes() -> None:
    """AST columns are UTF-8 bytes; recorded offsets are characters of the original string."""
    source = 'chosen("d") == "équipe" and fired("winter-letter")'
    compiled = compile_expression(source, NAMES)
    fired = compiled.calls[1]
    assert source[fired.offset :].startswith("fired(")
