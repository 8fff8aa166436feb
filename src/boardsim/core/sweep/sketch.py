"""Fixed-size, order-independent summaries of a stream of numbers: exact counts, sums, extremes, quantiles.

A sweep may run a million playthroughs, and the report must come out byte-identical whatever order the
workers finish in. So nothing here keeps the values themselves, and nothing adds floats in arrival order
(float addition is not associative): every value is quantised to a whole number of millionths and summed as a
Python int, which is exact; quantiles come from a relative-error bucket sketch (DDSketch, Masson, Rim & Lee,
VLDB 2019) whose buckets are plain counts, so merging two sketches is adding counts. The number of buckets is
bounded by the spread of magnitudes (a few thousand at most), never by how many values arrived.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

QUANTUM = 1_000_000
"""Values are kept as whole millionths: money in pounds is exact, trust and alignment to six decimals."""

RELATIVE_ACCURACY = 0.01
"""Quantiles are within 1% of a true value of the stream (relative to its magnitude)."""

_GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY)
_LOG_GAMMA = math.log(_GAMMA)
_LOG_QUANTUM = math.log(QUANTUM)

DISPLAY_BINS = 12
"""Bins in the histogram a report shows; derived from the sketch, so the same for any arrival order."""


def quantise(value: float) -> int:
    """`value` as a whole number of millionths (round half to even, deterministic for the same float)."""
    return round(value * QUANTUM)


def unquantise(value: int) -> float:
    return value / QUANTUM


class HistogramBin(BaseModel):
    """One bar of a histogram: values in [low, high] and how many runs had one."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    low: float
    high: float
    count: int


class Distribution(BaseModel):
    """How a figure was spread over the runs that had it.

    `count` runs had a value and `missing` did not (e.g. vote cohesion when nobody voted). `min`, `max` and
    `mean` are exact (to a millionth); `p10`, `median` and `p90` are within 1% of the true quantile.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    count: int
    missing: int = 0
    min: float | None = None
    p10: float | None = None
    median: float | None = None
    p90: float | None = None
    max: float | None = None
    mean: float | None = None
    histogram: list[HistogramBin] = []


class Sketch:
    """A mergeable summary of numbers: count, exact quantised sum, exact extremes and a quantile sketch."""

    __slots__ = ("_negative", "_positive", "count", "max_q", "min_q", "missing", "sum_q", "zeros")

    def __init__(self) -> None:
        self.count = 0
        self.missing = 0
        self.sum_q = 0
        self.min_q: int | None = None
        self.max_q: int | None = None
        self.zeros = 0
        self._positive: dict[int, int] = {}
        self._negative: dict[int, int] = {}

    def add(self, value: float | None) -> None:
        """Count one run's value (None: the run had no such figure)."""
        if value is None:
            self.missing += 1
            return
        try:
            q = round(value * QUANTUM)
        except (ValueError, OverflowError):
            raise ValueError(f"cannot summarise a non-finite value {value!r}") from None
        self.count += 1
        self.sum_q += q
        if self.min_q is None or q < self.min_q:
            self.min_q = q
        if self.max_q is None or q > self.max_q:
            self.max_q = q
        # bucket = ceil(log_gamma(|value|)), computed from the quantised value so equal values share a bucket
        if q > 0:
            key = math.ceil((math.log(q) - _LOG_QUANTUM) / _LOG_GAMMA)
            self._positive[key] = self._positive.get(key, 0) + 1
        elif q < 0:
            key = math.ceil((math.log(-q) - _LOG_QUANTUM) / _LOG_GAMMA)
            self._negative[key] = self._negative.get(key, 0) + 1
        else:
            self.zeros += 1

    def add_all(self, values: Iterable[float | None]) -> None:
        for value in values:
            self.add(value)

    def merge(self, other: Sketch) -> None:
        """Fold another sketch in: the result is the sketch of both streams, whichever is merged into which."""
        self.count += other.count
        self.missing += other.missing
        self.sum_q += other.sum_q
        self.zeros += other.zeros
        for mine, theirs in ((self._positive, other._positive), (self._negative, other._negative)):
            for key, count in theirs.items():
                mine[key] = mine.get(key, 0) + count
        if other.min_q is not None:
            self.min_q = other.min_q if self.min_q is None else min(self.min_q, other.min_q)
        if other.max_q is not None:
            self.max_q = other.max_q if self.max_q is None else max(self.max_q, other.max_q)

    @property
    def bucket_count(self) -> int:
        """How many buckets the sketch holds (bounded by the spread of magnitudes, not by `count`)."""
        return len(self._positive) + len(self._negative) + (1 if self.zeros else 0)

    def _ascending(self) -> list[tuple[float, int]]:
        """(representative value, count) per bucket, smallest value first, clamped to the exact extremes."""
        assert self.min_q is not None
        assert self.max_q is not None
        low, high = unquantise(self.min_q), unquantise(self.max_q)

        def representative(key: int, sign: int) -> float:
            value = sign * 2 * _GAMMA**key / (_GAMMA + 1)
            return min(max(value, low), high)

        buckets = [(representative(key, -1), count) for key, count in sorted(self._negative.items(), reverse=True)]
        if self.zeros:
            buckets.append((min(max(0.0, low), high), self.zeros))
        buckets.extend((representative(key, 1), count) for key, count in sorted(self._positive.items()))
        return buckets

    def quantile(self, fraction: float) -> float | None:
        """The value below which `fraction` of the runs fall (within 1%); None when there were no values."""
        if self.count == 0 or self.min_q is None or self.max_q is None:
            return None
        if fraction <= 0:
            return unquantise(self.min_q)
        if fraction >= 1:
            return unquantise(self.max_q)
        rank = fraction * (self.count - 1)
        seen = 0
        for value, count in self._ascending():
            seen += count
            if seen > rank:
                return value
        return unquantise(self.max_q)

    def histogram(self, bins: int = DISPLAY_BINS) -> list[HistogramBin]:
        """Equal-width bins from the exact minimum to the exact maximum, filled from the sketch's buckets."""
        if self.count == 0 or self.min_q is None or self.max_q is None:
            return []
        low, high = unquantise(self.min_q), unquantise(self.max_q)
        if self.min_q == self.max_q:
            return [HistogramBin(low=low, high=high, count=self.count)]
        width = (high - low) / bins
        counts = [0] * bins
        for value, count in self._ascending():
            index = min(int((value - low) / width), bins - 1)
            counts[index] += count
        return [
            HistogramBin(low=low + i * width, high=high if i == bins - 1 else low + (i + 1) * width, count=counts[i])
            for i in range(bins)
        ]

    def distribution(self) -> Distribution:
        """The summary a report shows."""
        if self.count == 0:
            return Distribution(count=0, missing=self.missing)
        assert self.min_q is not None
        assert self.max_q is not None
        return Distribution(
            count=self.count,
            missing=self.missing,
            min=unquantise(self.min_q),
            p10=self.quantile(0.1),
            median=self.quantile(0.5),
            p90=self.quantile(0.9),
            max=unquantise(self.max_q),
            # one division of two exact integers: the same float whatever order the values came in
            mean=self.sum_q / (self.count * QUANTUM),
            histogram=self.histogram(),
        )
