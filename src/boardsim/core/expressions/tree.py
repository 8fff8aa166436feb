"""The checked, typed tree a condition compiles to, and the records the checker reads from it.

The compiler turns Python's AST into these few node types after every check has passed, so the evaluator
and the interval analysis each handle nine node types whose kinds are already known, and never see
anything the language does not allow. Runs of the same operator (`a + b - c`, `a * b / c`) are flattened
into one node: that keeps recursion shallow however long the condition, and is what "nesting" counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal as TypingLiteral

from .kinds import Value, ValueKind

ArithmeticOperator = TypingLiteral["+", "-", "*", "/"]
ComparisonOperator = TypingLiteral["==", "!=", "<", "<=", ">", ">="]
NumericFunction = TypingLiteral["min", "max", "abs"]


@dataclass(frozen=True, slots=True)
class FunctionCall:
    """A call of a domain function, e.g. `chosen("risk-share", "fifty-fifty")`, for the checker to validate.

    `arguments` are the string-literal ids as written; `offset` is where the call starts in the original
    text and `argument_offsets[i]` where argument i's opening quote is.
    """

    function: str
    arguments: tuple[str, ...]
    offset: int
    argument_offsets: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class TextComparison:
    """`call` (which gives an option id) compared with `==` or `!=` to the string `literal`.

    `offset` is where the literal's opening quote is in the original text, so an unknown option id can be
    pointed at exactly.
    """

    call: FunctionCall
    literal: str
    offset: int


@dataclass(frozen=True, slots=True)
class Literal:
    """A number, flag or text written in the condition (numbers are floats)."""

    value: Value
    kind: ValueKind


@dataclass(frozen=True, slots=True)
class StateRead:
    """A declared state name."""

    name: str
    kind: ValueKind


@dataclass(frozen=True, slots=True)
class DomainCall:
    """A function the engine answers (everything but min, max and abs)."""

    call: FunctionCall
    kind: ValueKind


@dataclass(frozen=True, slots=True)
class NumericCall:
    """min, max or abs, evaluated here."""

    function: NumericFunction
    arguments: tuple[Node, ...]

    @property
    def kind(self) -> ValueKind:
        return ValueKind.NUMBER


@dataclass(frozen=True, slots=True)
class Negate:
    """Unary minus."""

    operand: Node

    @property
    def kind(self) -> ValueKind:
        return ValueKind.NUMBER


@dataclass(frozen=True, slots=True)
class Arithmetic:
    """`first op1 x1 op2 x2 ...`, folded from the left: either all of + and -, or all of * and /."""

    first: Node
    rest: tuple[tuple[ArithmeticOperator, Node], ...]

    @property
    def kind(self) -> ValueKind:
        return ValueKind.NUMBER


@dataclass(frozen=True, slots=True)
class Not:
    """`not flag`."""

    operand: Node

    @property
    def kind(self) -> ValueKind:
        return ValueKind.FLAG


@dataclass(frozen=True, slots=True)
class Logic:
    """`a and b and ...` or `a or b or ...` over flags."""

    operator: TypingLiteral["and", "or"]
    operands: tuple[Node, ...]

    @property
    def kind(self) -> ValueKind:
        return ValueKind.FLAG


@dataclass(frozen=True, slots=True)
class Comparison:
    """`first op1 x1 op2 x2 ...`, chained as in Python: each adjacent pair must hold."""

    first: Node
    rest: tuple[tuple[ComparisonOperator, Node], ...]

    @property
    def kind(self) -> ValueKind:
        return ValueKind.FLAG


Node = Literal | StateRead | DomainCall | NumericCall | Negate | Arithmetic | Not | Logic | Comparison
