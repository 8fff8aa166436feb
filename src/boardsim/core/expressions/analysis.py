"""Which truth values can a condition take, given the declared ranges? (abstract interpretation)

The checker uses this to report `requires` and `when` conditions that can never hold, e.g.
`delayed_discharges > 500` when the measure's range is [0, 300]. Each node is interpreted over abstract
values instead of concrete ones:

- numbers as Intervals (state from its declared range; trust in [0, 1]; elapsed_months in [0, horizon];
  budgets, pools and pledges unbounded), combined with interval arithmetic;
- flags as the set of truth values they can take ({True, False} for state and domain functions);
- text as the set of strings it can be (a literal) or unknown (an option id from the engine).

The result is SOUND: if some state within the ranges makes the condition true, True is in the answer (and
likewise for False), including division by zero and saturation at the largest float. It is not always
PRECISE: `x - x > 0` is reported as possibly true, because the analysis does not know the two `x` are the
same value.
"""

from __future__ import annotations

from collections.abc import Mapping

from .compiled import CompiledExpression
from .intervals import UNBOUNDED, Interval, compare_intervals, interval_max, interval_min
from .kinds import ValueKind
from .tree import Arithmetic, Comparison, DomainCall, Literal, Logic, Negate, Node, Not, NumericCall, StateRead

BOTH: frozenset[bool] = frozenset({True, False})
_TRUST_RANGE = Interval(0.0, 1.0)

Texts = frozenset[str] | None
"""The strings a text node can be, or None for "unknown"."""


def possible_truths(
    expression: CompiledExpression,
    ranges: Mapping[str, tuple[float, float] | None],
    *,
    horizon_months: float,
) -> frozenset[bool]:
    """The truth values `expression` can take while every number stays inside its declared range.

    `ranges` maps state names to their declared [low, high] (None for flags; a number missing from it is
    treated as unbounded). A number or text result is judged as `holds` would judge it (non-zero, non-empty).
    """
    analysis = _Analysis(ranges, horizon_months)
    return analysis.truths(expression.tree)


def possible_range(
    expression: CompiledExpression,
    ranges: Mapping[str, tuple[float, float] | None],
    *,
    horizon_months: float,
) -> tuple[float, float]:
    """The lowest and highest values a numeric expression can take inside the declared ranges (sound bounds).

    Unbounded sides are ±LARGEST (about 1.8e308). For a flag or text expression the answer is meaningless
    and (-LARGEST, LARGEST) is returned.
    """
    if expression.kind is not ValueKind.NUMBER:
        return (UNBOUNDED.low, UNBOUNDED.high)
    interval = _Analysis(ranges, horizon_months).number(expression.tree)
    return (interval.low, interval.high)


class _Analysis:
    def __init__(self, ranges: Mapping[str, tuple[float, float] | None], horizon_months: float) -> None:
        self.ranges = ranges
        self.elapsed = Interval.declared(0.0, max(0.0, float(horizon_months)))

    def truths(self, node: Node) -> frozenset[bool]:
        if node.kind is ValueKind.NUMBER:
            interval = self.number(node)
            return frozenset(
                value
                for value, possible in ((True, interval.low != 0 or interval.high != 0), (False, interval.contains(0)))
                if possible
            )
        if node.kind is ValueKind.TEXT:
            texts = self.texts(node)
            return BOTH if texts is None else frozenset(bool(text) for text in texts)
        if isinstance(node, Literal):
            return frozenset({bool(node.value)})
        if isinstance(node, Not):
            return frozenset(not value for value in self.truths(node.operand))
        if isinstance(node, Logic):
            return self.logic(node)
        if isinstance(node, Comparison):
            return self.comparison(node)
        return BOTH  # flag state and flag-valued domain functions can be either

    def logic(self, node: Logic) -> frozenset[bool]:
        operands = [self.truths(operand) for operand in node.operands]
        if node.operator == "and":
            true_possible = all(True in truths for truths in operands)
            false_possible = any(False in truths for truths in operands)
        else:
            true_possible = any(True in truths for truths in operands)
            false_possible = all(False in truths for truths in operands)
        return frozenset(value for value, possible in ((True, true_possible), (False, false_possible)) if possible)

    def comparison(self, node: Comparison) -> frozenset[bool]:
        # A chain holds when every adjacent pair does: an `and` of the pairs (sound, ignoring that the
        # shared middle value is the same on both sides).
        pairs: list[frozenset[bool]] = []
        left = node.first
        for symbol, right in node.rest:
            pairs.append(self.pair(symbol, left, right))
            left = right
        true_possible = all(True in truths for truths in pairs)
        false_possible = any(False in truths for truths in pairs)
        return frozenset(value for value, possible in ((True, true_possible), (False, false_possible)) if possible)

    def pair(self, symbol: str, left: Node, right: Node) -> frozenset[bool]:
        if left.kind is ValueKind.NUMBER:
            return compare_intervals(symbol, self.number(left), self.number(right))
        if left.kind is ValueKind.FLAG:
            equal = frozenset(a == b for a in self.truths(left) for b in self.truths(right))
        else:
            left_texts, right_texts = self.texts(left), self.texts(right)
            if left_texts is None or right_texts is None:
                return BOTH
            equal = frozenset(a == b for a in left_texts for b in right_texts)
        return equal if symbol == "==" else frozenset(not value for value in equal)

    def number(self, node: Node) -> Interval:
        if isinstance(node, Literal):
            return Interval.point(float(node.value))
        if isinstance(node, StateRead):
            declared = self.ranges.get(node.name)
            return UNBOUNDED if declared is None else Interval.declared(*declared)
        if isinstance(node, DomainCall):
            if node.call.function == "trust":
                return _TRUST_RANGE
            if node.call.function == "elapsed_months":
                return self.elapsed
            return UNBOUNDED
        if isinstance(node, Negate):
            return -self.number(node.operand)
        if isinstance(node, NumericCall):
            arguments = [self.number(argument) for argument in node.arguments]
            if node.function == "abs":
                return abs(arguments[0])
            return interval_min(arguments) if node.function == "min" else interval_max(arguments)
        if isinstance(node, Arithmetic):
            total = self.number(node.first)
            for symbol, operand in node.rest:
                value = self.number(operand)
                if symbol == "+":
                    total = total + value
                elif symbol == "-":
                    total = total - value
                elif symbol == "*":
                    total = total * value
                else:
                    total = total / value
            return total
        return UNBOUNDED

    def texts(self, node: Node) -> Texts:
        if isinstance(node, Literal) and isinstance(node.value, str):
            return frozenset({node.value})
        return None
