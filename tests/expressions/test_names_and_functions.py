"""Names resolve against declared state and calls against the allow-listed functions, at compile time."""

from __future__ import annotations

import pytest

from boardsim.core.expressions import ValueKind, compile_expression

from .support import compile_error

UNKNOWN_NAMES = [
    # (source, offset, words the hint must contain)
    ("delayed_dischargs > 100", 0, "did you mean 'delayed_discharges'?"),
    ("waits > 1 and s75_sgned", 14, "did you mean 's75_signed'?"),
    ("Waits > 1", 0, "did you mean 'waits'?"),
    ("budget > £1m", 0, 'budget("icb")'),
    ("elapsed_months > 3", 0, "elapsed_months()"),
    ('chosen("risk-share") == fifty_fifty', 24, "quotes"),
    ("null == waits", 0, "no empty value"),
    ("zebra > 1", 0, "declared: beds, delayed_discharges, s75_signed, waits, winter"),
]


@pytest.mark.parametrize(("source", "offset", "hint"), UNKNOWN_NAMES)
def test_unknown_name_is_reported_with_a_hint(source: str, offset: int, hint: str) -> None:
    """An undeclared name gives expr-unknown-name at the name, with a did-you-mean (or what to do) hint."""
    error = compile_error(source)
    assert (error.code, error.offset) == ("expr-unknown-name", offset)
    assert hint in error.hint


def test_unknown_name_with_nothing_declared_says_to_declare_state() -> None:
    """With no state declared, the hint says where to declare it."""
    assert "state:" in compile_error("waits > 1", {}).hint


@pytest.mark.parametrize("word", ["true", "false"])
def test_lower_case_booleans_are_literals_not_names(word: str) -> None:
    """`true`/`false` are booleans even with no state declared (designers write YAML-style)."""
    compiled = compile_expression(f"{word} == winter", {"winter": ValueKind.FLAG})
    assert compiled.names == frozenset({"winter"})


UNKNOWN_FUNCTIONS = [
    ('choosen("risk-share") == "x"', 0, 'chosen("risk-share")'),
    ('budgets("icb") > 1', 0, 'budget("icb")'),
    ("len(waits) > 1", 0, "the functions are"),
    ("round(waits) > 1", 0, "the functions are"),
    ("waits > 1 and waits(2) > 1", 14, "without brackets"),
]


@pytest.mark.parametrize(("source", "offset", "hint"), UNKNOWN_FUNCTIONS)
def test_unknown_function_is_reported_with_a_hint(source: str, offset: int, hint: str) -> None:
    """A call of anything not allow-listed gives expr-unknown-function at the function name, with a hint."""
    error = compile_error(source)
    assert (error.code, error.offset) == ("expr-unknown-function", offset)
    assert hint in error.hint


BAD_ARGUMENTS = [
    # (source, offset, words the message must contain)
    ("chosen() == 'x'", 0, "takes 1 or 2 arguments, but was given 0"),
    ('chosen("a", "b", "c")', 0, "takes 1 or 2 arguments, but was given 3"),
    ('chosen_by("risk-share") == "x"', 0, "takes 2 arguments, but was given 1"),
    ('budget("icb", "council") > 1', 0, "takes 1 argument, but was given 2"),
    ("elapsed_months(1) > 1", 0, "takes no arguments"),
    ("min(waits) > 1", 0, "takes at least 2 arguments"),
    ("abs(waits, beds) > 1", 0, "takes 1 argument"),
    ("budget(icb) > 1", 7, "must be a member id in quotes"),
    ("pool(42) > 1", 5, "must be a pool id in quotes"),
    ('chosen("risk-share", waits)', 21, "must be an option id in quotes"),
    ('fired(chosen("d"))', 6, "must be an inject id in quotes"),
    ('breached("council", 1 + 1)', 20, "must be an accountability id in quotes"),
    ('kept("")', 5, "empty id"),
    ('broken("  ")', 7, "empty id"),
    ("closed(risk-share)", 7, "must be a dilemma id in quotes"),
]


@pytest.mark.parametrize(("source", "offset", "words"), BAD_ARGUMENTS)
def test_bad_arguments_are_reported_at_the_call_or_argument(source: str, offset: int, words: str) -> None:
    """Wrong arity (at the call) and non-literal ids (at the argument) give expr-bad-arguments."""
    error = compile_error(source)
    assert (error.code, error.offset) == ("expr-bad-arguments", offset)
    assert words in error.message
    assert error.hint


@pytest.mark.parametrize(("source", "hint"), [("budget(icb) > 1", '"icb"'), ("closed(risk-share)", '"risk-share"')])
def test_unquoted_id_hint_shows_it_quoted(source: str, hint: str) -> None:
    """An id written without quotes gets a hint with the same id in quotes."""
    assert hint in compile_error(source).hint


def test_arity_hint_shows_every_accepted_form() -> None:
    """The arity hint shows how to call the function, with each accepted number of arguments."""
    assert compile_error("chosen()").hint == 'write chosen("risk-share") or chosen("risk-share", "fifty-fifty")'
