"""Interval arithmetic for the "can this condition ever hold?" analysis.

An Interval [low, high] stands for every number between its bounds. Each operation returns an interval
containing every result the concrete operation, as evaluation.py defines it, can give for operands inside
its operands' intervals — including x / 0 == 0 and saturation at ±LARGEST. That is what makes the analysis
sound: it may say "could be true" when a condition never is, never the reverse. Bounds are computed with the
evaluator's own saturating operations; rounding and saturation are both monotone, so the bounds stay sound
in floating point. As no value is ever infinite, NaN never arises.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .evaluation import LARGEST, add, divide, multiply, saturate, subtract


@dataclass(frozen=True, slots=True)
class Interval:
    """Every number from `low` to `high` inclusive."""

    low: float
    high: float

    @staticmethod
    def point(value: float) -> Interval:
        return Interval(value, value)

    @property
    def is_point(self) -> bool:
        return self.low == self.high

    @staticmethod
    def declared(low: float, high: float) -> Interval:
        """The interval of a declared range, made safe: NaN means unknown, infinities saturate."""
        if math.isnan(low) or math.isnan(high):
            return UNBOUNDED
        return Interval(saturate(min(low, high)), saturate(max(low, high)))

    def __add__(self, other: Interval) -> Interval:
        return Interval(add(self.low, other.low), add(self.high, other.high))

    def __sub__(self, other: Interval) -> Interval:
        return Interval(subtract(self.low, other.high), subtract(self.high, other.low))

    def __mul__(self, other: Interval) -> Interval:
        products = [multiply(a, b) for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        return _quotient(self, other)

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)

    def __abs__(self) -> Interval:
        if self.low >= 0:
            return self
        if self.high <= 0:
            return -self
        return Interval(0.0, max(-self.low, self.high))

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high


UNBOUNDED = Interval(-LARGEST, LARGEST)
ZERO = Interval(0.0, 0.0)


def _quotient(numerator: Interval, denominator: Interval) -> Interval:
    if numerator == ZERO or denominator == ZERO:
        return ZERO  # 0 / y is 0, and x / 0 is 0 by definition
    if denominator.low > 0 or denominator.high < 0:
        quotients = [divide(a, b) for a in (numerator.low, numerator.high) for b in (denominator.low, denominator.high)]
        return Interval(min(quotients), max(quotients))
    # The denominator can be 0 (giving 0) or arbitrarily close to it (giving arbitrarily large results).
    return _sign_only(numerator, denominator)


def _sign_only(numerator: Interval, denominator: Interval) -> Interval:
    """What the signs alone say about x / y, including the x / 0 == 0 case."""
    numerator_signs = _signs(numerator)
    denominator_signs = _signs(denominator) - {0}
    signs = {0} | {a * b for a in numerator_signs for b in denominator_signs}
    return Interval(-LARGEST if -1 in signs else 0.0, LARGEST if 1 in signs else 0.0)


def _signs(interval: Interval) -> set[int]:
    signs = set()
    if interval.low < 0:
        signs.add(-1)
    if interval.low <= 0 <= interval.high:
        signs.add(0)
    if interval.high > 0:
        signs.add(1)
    return signs


def interval_min(intervals: list[Interval]) -> Interval:
    return Interval(min(i.low for i in intervals), min(i.high for i in intervals))


def interval_max(intervals: list[Interval]) -> Interval:
    return Interval(max(i.low for i in intervals), max(i.high for i in intervals))


def compare_intervals(symbol: str, left: Interval, right: Interval) -> frozenset[bool]:
    """The truth values `x symbol y` can take for x in `left` and y in `right`."""
    some_less = left.low < right.high
    some_greater = left.high > right.low
    some_equal = max(left.low, right.low) <= min(left.high, right.high)
    always_equal = left.is_point and right.is_point and left.low == right.low
    true_possible, false_possible = {
        "<": (some_less, some_equal or some_greater),
        "<=": (some_less or some_equal, some_greater),
        ">": (some_greater, some_less or some_equal),
        ">=": (some_greater or some_equal, some_less),
        "==": (some_equal, not always_equal),
        "!=": (not always_equal, some_equal),
    }[symbol]
    return frozenset(value for value, possible in ((True, true_possible), (False, false_possible)) if possible)
