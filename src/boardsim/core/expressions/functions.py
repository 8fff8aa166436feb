"""The allow-listed functions a condition may call, and what each argument refers to.

Domain functions take ids as string literals (`budget("icb")`, never `budget(x)`) so the checker can
validate every reference at load time from `FunctionCall.arguments` and the argument kinds below, without
knowing anything about the functions themselves. `min`, `max` and `abs` take numbers and are evaluated by
this package; every other function is answered by the engine through `EvaluationContext.call`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .kinds import ValueKind

ArgumentKind = Literal["dilemma", "option", "member", "pool", "commitment", "inject", "accountability", "number"]
"""What an argument refers to. "option" is an option of the dilemma in argument 0; "accountability" is an
accountability of the member in argument 0; "number" is any numeric expression (min, max, abs)."""

REFERENCE_KINDS: frozenset[ArgumentKind] = frozenset(
    {"dilemma", "option", "member", "pool", "commitment", "inject", "accountability"}
)
"""Argument kinds that must be written as an id in quotes."""

_EXAMPLE_IDS: dict[ArgumentKind, str] = {
    "dilemma": "risk-share",
    "option": "fifty-fifty",
    "member": "icb",
    "pool": "bcf-pool",
    "commitment": "icb-d2a",
    "inject": "winter-letter",
    "accountability": "balanced-budget",
    "number": "x",
}


@dataclass(frozen=True, slots=True)
class FunctionSignature:
    """One allow-listed function: its arguments by position, how many are required, and its result kind.

    Every function with optional arguments takes a prefix of `parameters` (e.g. `chosen("d")` and
    `chosen("d", "o")`), so `parameters[i]` is the kind of argument i whichever form is used.
    """

    name: str
    parameters: tuple[ArgumentKind, ...]
    """The kind of each argument position (for variadic functions the last kind repeats)."""
    required: int
    """How many leading parameters must be given."""
    result: ValueKind
    """The result kind when only the required arguments are given."""
    summary: str
    """What the function means, in a designer's words."""
    full_result: ValueKind | None = None
    """The result kind when every parameter is given, if different (`chosen("d", "o")` is a flag)."""
    variadic: bool = False
    """True if the last parameter may repeat (min, max)."""
    evaluated_by_context: bool = True
    """False for min, max and abs, which this package evaluates itself."""

    def argument_kind(self, position: int) -> ArgumentKind:
        """The kind of the argument at `position` (0-based); for variadic functions, the last kind repeats."""
        return self.parameters[min(position, len(self.parameters) - 1)]

    def accepts(self, count: int) -> bool:
        """Whether the function can be called with `count` arguments."""
        if self.variadic:
            return count >= self.required
        return self.required <= count <= len(self.parameters)

    def result_kind(self, count: int) -> ValueKind:
        """The result kind of a call with `count` arguments."""
        if self.full_result is not None and count == len(self.parameters):
            return self.full_result
        return self.result

    @property
    def usage(self) -> str:
        """How to call it, e.g. `chosen("risk-share")` or `chosen("risk-share", "fifty-fifty")`."""
        forms = []
        for count in range(self.required, len(self.parameters) + 1):
            arguments = [self._example(position) for position in range(count)]
            if self.variadic and count == len(self.parameters):
                arguments.append("...")
            forms.append(f"{self.name}({', '.join(arguments)})")
        return " or ".join(forms)

    def _example(self, position: int) -> str:
        kind = self.argument_kind(position)
        if kind == "number":
            return "a" if position == 0 else chr(ord("a") + position)
        return f'"{_EXAMPLE_IDS[kind]}"'


def _signature(
    name: str,
    parameters: tuple[ArgumentKind, ...],
    result: ValueKind,
    summary: str,
    *,
    required: int | None = None,
    full_result: ValueKind | None = None,
    variadic: bool = False,
    evaluated_by_context: bool = True,
) -> tuple[str, FunctionSignature]:
    signature = FunctionSignature(
        name=name,
        parameters=parameters,
        required=len(parameters) if required is None else required,
        result=result,
        summary=summary,
        full_result=full_result,
        variadic=variadic,
        evaluated_by_context=evaluated_by_context,
    )
    return name, signature


NUMBER, FLAG, TEXT = ValueKind.NUMBER, ValueKind.FLAG, ValueKind.TEXT

FUNCTIONS: dict[str, FunctionSignature] = dict(
    [
        _signature(
            "chosen",
            ("dilemma", "option"),
            TEXT,
            'the option that carried or was chosen most ("" if not decided); with an option: whether it was chosen',
            required=1,
            full_result=FLAG,
        ),
        _signature("chosen_by", ("dilemma", "member"), TEXT, 'the option the member chose or voted for ("" if none)'),
        _signature("closed", ("dilemma",), FLAG, "whether the dilemma has been decided"),
        _signature("budget", ("member",), NUMBER, "the member's budget in pounds"),
        _signature("pool", ("pool",), NUMBER, "the pool's balance in pounds"),
        _signature("pledged", ("dilemma", "member"), NUMBER, "pounds pledged in total, or by one member", required=1),
        _signature("trust", ("member", "member"), NUMBER, "how far the first member trusts the second, 0 to 1"),
        _signature(
            "breached",
            ("member", "accountability"),
            FLAG,
            "whether the member is in breach of any (or that) accountability now",
            required=1,
        ),
        _signature("kept", ("commitment",), FLAG, "the commitment fell due and everyone who made it kept it"),
        _signature("broken", ("commitment",), FLAG, "the commitment fell due and someone who made it broke it"),
        _signature("fired", ("inject",), FLAG, "whether the inject has landed"),
        _signature("elapsed_months", (), NUMBER, "whole months since the scenario started"),
        _signature(
            "min",
            ("number", "number"),
            NUMBER,
            "the smallest of two or more numbers",
            variadic=True,
            evaluated_by_context=False,
        ),
        _signature(
            "max",
            ("number", "number"),
            NUMBER,
            "the largest of two or more numbers",
            variadic=True,
            evaluated_by_context=False,
        ),
        _signature("abs", ("number",), NUMBER, "a number without its sign", evaluated_by_context=False),
    ]
)
"""The allow-listed functions, by name."""
