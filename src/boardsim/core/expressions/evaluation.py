"""Evaluate compiled conditions fast: the checked tree becomes a tree of Python closures, built once.

Conditions are evaluated in the engine's hot loop (every `when`, `requires` and accountability, after every
event), so evaluation does no dispatch on node types: each node became, at compile time, a closure that
calls its children's closures directly. The commonest shapes get specialised closures that read the value
themselves: `state > literal`, `call(...) == literal`, `not state`, `not call(...)`, two-operand and/or.

Semantics worth knowing (the interval analysis in intervals.py mirrors them exactly):
- Division by zero gives 0.0 (so does 0 / 0); it is never an error.
- Arithmetic saturates at ±LARGEST (the largest finite float, about 1.8e308) instead of overflowing to
  infinity, so every number is finite and NaN can never arise. Together these mean evaluating a compiled
  expression never raises, given finite values from the context.
- `and`/`or` short-circuit; chained comparisons (`0 < x <= 10`) read each value once.
- Domain functions go to `EvaluationContext.call`; min, max and abs are computed here.
"""

from __future__ import annotations

import operator
import sys
from collections.abc import Callable
from typing import Any

from .kinds import EvaluationContext, Value
from .tree import (
    Arithmetic,
    ArithmeticOperator,
    Comparison,
    ComparisonOperator,
    DomainCall,
    Literal,
    Logic,
    Negate,
    Node,
    Not,
    NumericCall,
    StateRead,
)

Evaluator = Callable[[EvaluationContext], Any]
"""A compiled node: give it the context, get the node's current value.

Typed `Any` inside the package on purpose: the compiler has already proved each node's kind, and
re-checking (or casting) in every closure would cost time in the hot loop for no safety.
"""


LARGEST = sys.float_info.max
"""Arithmetic results saturate at ±LARGEST."""


def saturate(value: float) -> float:
    """`value` clamped to [-LARGEST, LARGEST] (an overflowed infinity, or a huge int, becomes ±LARGEST)."""
    if value > LARGEST:
        return LARGEST
    if value < -LARGEST:
        return -LARGEST
    return value


def add(left: float, right: float) -> float:
    """`left + right`, saturating."""
    result = left + right
    return result if -LARGEST <= result <= LARGEST else saturate(result)


def subtract(left: float, right: float) -> float:
    """`left - right`, saturating."""
    result = left - right
    return result if -LARGEST <= result <= LARGEST else saturate(result)


def multiply(left: float, right: float) -> float:
    """`left * right`, saturating."""
    result = left * right
    return result if -LARGEST <= result <= LARGEST else saturate(result)


def divide(numerator: float, denominator: float) -> float:
    """Division as the language defines it: x / 0 is 0.0, never an error; saturating."""
    if not denominator:
        return 0.0
    try:
        result = numerator / denominator
    except OverflowError:  # int / int whose quotient no float can hold
        return LARGEST if (numerator > 0) == (denominator > 0) else -LARGEST
    return result if -LARGEST <= result <= LARGEST else saturate(result)


ARITHMETIC: dict[ArithmeticOperator, Callable[[float, float], float]] = {
    "+": add,
    "-": subtract,
    "*": multiply,
    "/": divide,
}

COMPARISONS: dict[ComparisonOperator, Callable[[Value, Value], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}

NUMERIC_FUNCTIONS: dict[str, Callable[..., float]] = {"min": min, "max": max, "abs": abs}


def build_evaluator(node: Node) -> Evaluator:
    """The closure that evaluates `node`."""
    if isinstance(node, Literal):
        return _constant(node.value)
    if isinstance(node, StateRead):
        return _state(node.name)
    if isinstance(node, DomainCall):
        return _domain_call(node.call.function, node.call.arguments)
    if isinstance(node, NumericCall):
        return _numeric_call(node.function, [build_evaluator(argument) for argument in node.arguments])
    if isinstance(node, Negate):
        return _negate(build_evaluator(node.operand))
    if isinstance(node, Not):
        return _not(node.operand)
    if isinstance(node, Arithmetic):
        return _arithmetic(node)
    if isinstance(node, Logic):
        return _logic(node.operator, [build_evaluator(operand) for operand in node.operands])
    return _comparison(node)


def _constant(value: Value) -> Evaluator:
    def constant(context: EvaluationContext) -> Any:
        return value

    return constant


def _state(name: str) -> Evaluator:
    def read_state(context: EvaluationContext) -> Any:
        return context.state(name)

    return read_state


def _domain_call(function: str, arguments: tuple[str, ...]) -> Evaluator:
    def call(context: EvaluationContext) -> Any:
        return context.call(function, arguments)

    return call


def _numeric_call(function: str, arguments: list[Evaluator]) -> Evaluator:
    if function == "abs":
        (operand,) = arguments

        def absolute(context: EvaluationContext) -> Any:
            return abs(operand(context))

        return absolute
    apply = NUMERIC_FUNCTIONS[function]
    if len(arguments) == 2:
        first, second = arguments

        def extreme_of_two(context: EvaluationContext) -> Any:
            return apply(first(context), second(context))

        return extreme_of_two

    def extreme(context: EvaluationContext) -> Any:
        return apply([argument(context) for argument in arguments])

    return extreme


def _negate(operand: Evaluator) -> Evaluator:
    def negate(context: EvaluationContext) -> Any:
        return -operand(context)

    return negate


def _not(operand_node: Node) -> Evaluator:
    if isinstance(operand_node, StateRead):
        name = operand_node.name

        def state_negation(context: EvaluationContext) -> Any:
            return not context.state(name)

        return state_negation
    if isinstance(operand_node, DomainCall):
        function, arguments = operand_node.call.function, operand_node.call.arguments

        def call_negation(context: EvaluationContext) -> Any:
            return not context.call(function, arguments)

        return call_negation
    operand = build_evaluator(operand_node)

    def negation(context: EvaluationContext) -> Any:
        return not operand(context)

    return negation


def _arithmetic(node: Arithmetic) -> Evaluator:
    first = build_evaluator(node.first)
    steps = [(ARITHMETIC[symbol], build_evaluator(operand)) for symbol, operand in node.rest]
    if len(steps) == 1:
        (apply, second) = steps[0]

        def binary(context: EvaluationContext) -> Any:
            return apply(first(context), second(context))

        return binary

    def fold(context: EvaluationContext) -> Any:
        total = first(context)
        for apply, operand in steps:
            total = apply(total, operand(context))
        return total

    return fold


def _logic(symbol: str, operands: list[Evaluator]) -> Evaluator:
    if len(operands) == 2:
        left, right = operands
        if symbol == "and":

            def both(context: EvaluationContext) -> Any:
                return left(context) and right(context)

            return both

        def either(context: EvaluationContext) -> Any:
            return left(context) or right(context)

        return either
    if symbol == "and":

        def every(context: EvaluationContext) -> Any:
            return all(operand(context) for operand in operands)

        return every

    def some(context: EvaluationContext) -> Any:
        return any(operand(context) for operand in operands)

    return some


def _comparison(node: Comparison) -> Evaluator:
    if len(node.rest) == 1:
        symbol, right = node.rest[0]
        if isinstance(right, Literal):
            return _compare_with_constant(node.first, COMPARISONS[symbol], right.value)
        return _compare_pair(build_evaluator(node.first), COMPARISONS[symbol], build_evaluator(right))
    return _compare_chain(node)


def _compare_with_constant(left: Node, compare: Callable[[Value, Value], bool], constant: Value) -> Evaluator:
    # `measure > 150` and `chosen("d") == "o"` are the commonest conditions: read the value directly
    # instead of through a child closure.
    if isinstance(left, StateRead):
        name = left.name

        def state_against_constant(context: EvaluationContext) -> Any:
            return compare(context.state(name), constant)

        return state_against_constant
    if isinstance(left, DomainCall):
        function, arguments = left.call.function, left.call.arguments

        def call_against_constant(context: EvaluationContext) -> Any:
            return compare(context.call(function, arguments), constant)

        return call_against_constant
    first = build_evaluator(left)

    def against_constant(context: EvaluationContext) -> Any:
        return compare(first(context), constant)

    return against_constant


def _compare_pair(first: Evaluator, compare: Callable[[Value, Value], bool], second: Evaluator) -> Evaluator:
    def pair(context: EvaluationContext) -> Any:
        return compare(first(context), second(context))

    return pair


def _compare_chain(node: Comparison) -> Evaluator:
    first = build_evaluator(node.first)
    steps = [(COMPARISONS[symbol], build_evaluator(operand)) for symbol, operand in node.rest]

    def chain(context: EvaluationContext) -> Any:
        left = first(context)
        for compare, operand in steps:
            right = operand(context)
            if not compare(left, right):
                return False
            left = right
        return True

    return chain
