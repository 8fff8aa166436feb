"""The kinds of value a condition works with, and what the engine must offer to evaluate one.

Three kinds keep the language small enough to type-check at load time: numbers (measures, money, trust,
months), flags (true/false facts) and text (only ever an option id returned by `chosen` or `chosen_by`,
compared with a literal). The engine supplies values through `EvaluationContext`, so this package never
needs to know how the engine stores state.
"""

from __future__ import annotations

from enum import Enum
from typing import Protocol

Value = float | bool | str
"""What evaluating a condition (or part of one) produces."""


class ValueKind(Enum):
    """The static kind of an expression, known at load time."""

    NUMBER = "number"
    FLAG = "flag"
    TEXT = "text"

    @property
    def described(self) -> str:
        """The kind as a designer would read it in a message: 'a number', 'a flag (true/false)', 'text'."""
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    ValueKind.NUMBER: "a number",
    ValueKind.FLAG: "a flag (true/false)",
    ValueKind.TEXT: "text",
}


class EvaluationContext(Protocol):
    """What a compiled expression reads while it is evaluated (the engine implements this).

    `state(name)` returns the current value of declared state: a float (or int) for a number, a bool for a
    flag. `call(function, arguments)` answers a domain function such as `budget("icb")` with the function's
    name and its string-literal arguments, e.g. `call("budget", ("icb",))`; min, max and abs never reach it.
    Exceptions raised by the context propagate unchanged: they are the engine's bugs, not the designer's.
    """

    def state(self, name: str) -> float | bool:
        """The current value of a declared state name."""
        ...

    def call(self, function: str, arguments: tuple[str, ...]) -> Value:
        """The current value of a domain function call."""
        ...
