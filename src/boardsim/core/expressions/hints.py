"""Wording for the compiler's messages: "did you mean", how to call a function, what kinds mix."""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from .functions import FUNCTIONS, FunctionSignature
from .kinds import ValueKind

_MAX_LISTED = 8


def unknown_name_hint(name: str, names: Mapping[str, ValueKind]) -> str:
    """A hint for a name that is not declared state."""
    if name in FUNCTIONS:
        return f"'{name}' is a function: write {FUNCTIONS[name].usage}"
    by_lower = {declared.lower(): declared for declared in names}
    if name.lower() in by_lower:
        return f"did you mean '{by_lower[name.lower()]}'? (names are lower-case)"
    close = difflib.get_close_matches(name, list(names), n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    if name.lower() in ("none", "null"):
        return 'there is no empty value; to ask whether a decision was taken write closed("dilemma")'
    if not names:
        return "declare it under `state:` first; if it is an id, put it in quotes"
    listed = sorted(names)
    more = ", …" if len(listed) > _MAX_LISTED else ""
    return f"declare it under `state:`, or put an id in quotes; declared: {', '.join(listed[:_MAX_LISTED])}{more}"


def unknown_function_hint(name: str, names: Mapping[str, ValueKind]) -> str:
    """A hint for a call of a function that is not allow-listed."""
    if name in names:
        return f"'{name}' is declared state, not a function: write it without brackets"
    close = difflib.get_close_matches(name, list(FUNCTIONS), n=1)
    if close:
        return f"did you mean {FUNCTIONS[close[0]].usage}?"
    return "the functions are: " + ", ".join(FUNCTIONS)


def arity(signature: FunctionSignature) -> str:
    """'takes 2 arguments', 'takes 1 or 2 arguments', 'takes at least 2 arguments', 'takes no arguments'."""
    most = len(signature.parameters)
    if signature.variadic:
        return f"takes at least {signature.required} arguments"
    if signature.required != most:
        return f"takes {signature.required} or {most} arguments"
    if most == 0:
        return "takes no arguments"
    return f"takes {most} argument{'s' if most != 1 else ''}"


def with_article(word: str) -> str:
    """'a member', 'an inject'."""
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def arithmetic_hint(kind: ValueKind) -> str:
    """What to do instead of arithmetic on a flag or on text."""
    if kind is ValueKind.FLAG:
        return "arithmetic works on numbers; combine flags with and, or and not"
    return "arithmetic works on numbers; compare text with == or !="


def comparison_hint(left: ValueKind, right: ValueKind) -> str:
    """What to do instead of comparing two different kinds."""
    if ValueKind.TEXT in (left, right):
        return 'compare an option id with text in quotes, e.g. chosen("risk-share") == "fifty-fifty"'
    return "compare numbers with numbers and flags with flags (true/false)"
