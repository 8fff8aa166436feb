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
from collections import Counter
from collections.abc import Callable, Iterable

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


_PENDING_LIMIT = 256
"""Values a sketch holds before folding them in: small, so memory stays fixed; big enough to fold in bulk."""


class Sketch:
    """A mergeable summary of numbers: count, exact quantised sum, exact extremes and a quantile sketch.

    `add` only checks the value and keeps it; the values are folded into the counts, sums and buckets in bulk
    (at most `_PENDING_LIMIT` at a time, and before anything reads, merges or pickles the sketch), which
    costs a sweep a fraction of folding each value as it comes. Folding commutes, so when it happens changes
    nothing.
    """

    __slots__ = ("_count", "_max_q", "_min_q", "_negative", "_pending", "_positive", "_sum_q", "_zeros", "missing")

    def __init__(self) -> None:
        self._count = 0
        self.missing = 0
        self._sum_q = 0
        self._min_q: int | None = None
        self._max_q: int | None = None
        self._zeros = 0
        self._positive: dict[int, int] = {}
        self._negative: dict[int, int] = {}
        self._pending: list[float] = []

    def add(self, value: float | None) -> None:
        """Count one run's value (None: the run had no such figure)."""
        if value is None:
            self.missing += 1
            return
        if value - value != 0:  # inf - inf and nan - nan are nan; every finite value gives 0
            raise ValueError(f"cannot summarise a non-finite value {value!r}")
        pending = self._pending
        pending.append(value)
        if len(pending) >= _PENDING_LIMIT:
            self._fold()

    def add_all(self, values: Iterable[float | None]) -> None:
        for value in values:
            self.add(value)

    def _fold(self) -> None:
        """Fold the pending values in: count, exact sum, extremes, and one bucket count per distinct value."""
        pending = self._pending
        if not pending:
            return
        try:
            quantised = [round(value * QUANTUM) for value in pending]
        except OverflowError:
            raise ValueError(f"cannot summarise {max(pending, key=abs)!r}: too large to count in millionths") from None
        pending.clear()
        self._count += len(quantised)
        self._sum_q += sum(quantised)
        low, high = min(quantised), max(quantised)
        self._min_q = low if self._min_q is None else min(self._min_q, low)
        self._max_q = high if self._max_q is None else max(self._max_q, high)
        positive, negative = self._positive, self._negative
        for q, count in Counter(quantised).items():
            # bucket = ceil(log_gamma(|value|)), computed from the quantised value so equal values share a bucket
            if q > 0:
                key = math.ceil((math.log(q) - _LOG_QUANTUM) / _LOG_GAMMA)
                positive[key] = positive.get(key, 0) + count
            elif q < 0:
                key = math.ceil((math.log(-q) - _LOG_QUANTUM) / _LOG_GAMMA)
                negative[key] = negative.get(key, 0) + count
            else:
                self._zeros += count

    @property
    def count(self) -> int:
        """How many values were added (None aside)."""
        self._fold()
        return self._count

    @property
    def sum_q(self) -> int:
        """The exact sum of the values, in millionths."""
        self._fold()
        return self._sum_q

    @property
    def min_q(self) -> int | None:
        """The smallest value in millionths (None before any)."""
        self._fold()
        return self._min_q

    @property
    def max_q(self) -> int | None:
        """The largest value in millionths (None before any)."""
        self._fold()
        return self._max_q

    @property
    def zeros(self) -> int:
        """How many values were zero (to the millionth)."""
        self._fold()
        return self._zeros

    def merge(self, other: Sketch) -> None:
        """Fold another sketch in: the result is the sketch of both streams, whichever is merged into which."""
        self._fold()
        other._fold()
        self._count += other._count
        self.missing += other.missing
        self._sum_q += other._sum_q
        self._zeros += other._zeros
        for mine, theirs in ((self._positive, other._positive), (self._negative, other._negative)):
            for key, count in theirs.items():
                mine[key] = mine.get(key, 0) + count
        if other._min_q is not None:
            self._min_q = other._min_q if self._min_q is None else min(self._min_q, other._min_q)
        if other._max_q is not None:
            self._max_q = other._max_q if self._max_q is None else max(self._max_q, other._max_q)

    def __reduce__(self) -> tuple[Callable[..., Sketch], tuple[object, ...]]:
        """Pickled folded, as one tuple: a chunk's aggregate of ~100 sketches travels back from every worker."""
        self._fold()
        state = (self._count, self.missing, self._sum_q, self._min_q, self._max_q, self._zeros)
        return _restored, (state, dict(self._positive), dict(self._negative))

    @property
    def bucket_count(self) -> int:
        """How many buckets the sketch holds (bounded by the spread of magnitudes, not by `count`)."""
        self._fold()
        return len(self._positive) + len(self._negative) + (1 if self._zeros else 0)

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


def _restored(
    state: tuple[int, int, int, int | None, int | None, int], positive: dict[int, int], negative: dict[int, int]
) -> Sketch:
    """The sketch `Sketch.__reduce__` pickled."""
    sketch = Sketch()
    sketch._count, sketch.missing, sketch._sum_q, sketch._min_q, sketch._max_q, sketch._zeros = state
    sketch._positive = positive
    sketch._negative = negative
    return sketch
