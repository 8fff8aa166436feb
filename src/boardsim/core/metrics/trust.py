"""Directed pairwise trust as a beta reputation (Jøsang & Ismail, 2002) that forgets with fictional time.

Each ordered pair (truster, trustee) holds positive evidence r and negative evidence s. Expected trust is the
mean of the Beta(r + 1, s + 1) distribution, E = (r + 1) / (r + s + 2): 0.5 with no evidence, towards 1 with
good experiences, towards 0 with bad ones. Old evidence fades: after Δ months of fictional time both r and s
are multiplied by λ^Δ, so trust drifts back towards 0.5 unless it is renewed.

Forgetting is applied lazily: each pair remembers the month its evidence was last added to; reading decays a
copy, and only adding evidence writes the decayed totals back. The result therefore depends only on when
evidence arrived, not on how often anyone read trust or moved the clock, which keeps a replayed run
byte-identical to the live one.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from boardsim.core.scenario.quantities import add_months

DEFAULT_FORGETTING_PER_MONTH = 0.9
"""λ: the weight a month-old experience keeps. Half-life ≈ 6.6 months; a year-old experience keeps 28%."""

_AVERAGE_MONTH_DAYS = 365.2425 / 12


def beta_expectation(positive: float, negative: float) -> float:
    """Expected trust from r positive and s negative experiences: (r + 1) / (r + s + 2)."""
    return (positive + 1.0) / (positive + negative + 2.0)


class FictionalMonths:
    """Turns days since the scenario start into months on its calendar, with fractions.

    Day 0 is month 0; the day one calendar month after the start is month 1 (whether that month has 28 or 31
    days); a day in between is the fraction of that calendar month that has passed. A facilitator can then
    say "a month-old experience weighs 0.9" and it is exactly true.
    """

    def __init__(self, start: _dt.date) -> None:
        self._start = start

    def position(self, day: int) -> float:
        """Months elapsed from the start to `day` (negative days count back from the start)."""
        date = self._start + _dt.timedelta(days=day)
        whole = int(day // _AVERAGE_MONTH_DAYS)
        # The estimate is within one month of the truth; step until `date` sits in [boundary, next boundary).
        while add_months(self._start, whole) > date:
            whole -= 1
        while add_months(self._start, whole + 1) <= date:
            whole += 1
        begin = add_months(self._start, whole)
        length = (add_months(self._start, whole + 1) - begin).days
        return whole + (date - begin).days / length


@dataclass(frozen=True, slots=True)
class _PairEvidence:
    positive: float
    negative: float
    month: float  # the fictional month these totals were last added to


class TrustLedger:
    """Positive and negative evidence for every ordered pair of members, forgetting as time passes."""

    def __init__(self, members: Sequence[str], months: FictionalMonths, forgetting_per_month: float) -> None:
        if not 0.0 < forgetting_per_month <= 1.0:
            raise ValueError(f"the forgetting factor must be in (0, 1], not {forgetting_per_month}")
        self._members = tuple(members)
        self._known = frozenset(members)
        self._months = months
        self._forgetting = forgetting_per_month
        self._evidence: dict[tuple[str, str], _PairEvidence] = {}
        self._day = 0
        self._month = 0.0
        self._version = 0
        self._cached_version = -1
        self._cached_matrix: dict[str, dict[str, float]] = {}
        self._cached_mean = 0.5

    @property
    def day(self) -> int:
        """The fictional day the ledger has been brought up to."""
        return self._day

    @property
    def version(self) -> int:
        """A number that changes whenever any pair's expected trust may have changed (for caching)."""
        return self._version

    def advance(self, day: int) -> None:
        """Move the ledger's clock to `day`; time never runs backwards."""
        if day < self._day:
            raise ValueError(f"metrics time cannot run backwards: day {day} comes before day {self._day}")
        if day == self._day:
            return
        self._day = day
        self._month = self._months.position(day)
        if self._evidence:
            self._version += 1

    def add(self, truster: str, trustee: str, positive: float, negative: float) -> tuple[float, float]:
        """Add evidence now; returns expected trust (before, after)."""
        self._check_pair(truster, trustee)
        if not (math.isfinite(positive) and math.isfinite(negative)) or positive < 0 or negative < 0:
            raise ValueError(
                f"evidence counts must be finite and not negative (positive={positive}, negative={negative})"
            )
        held_positive, held_negative = self.evidence(truster, trustee)
        self._evidence[(truster, trustee)] = _PairEvidence(
            held_positive + positive, held_negative + negative, self._month
        )
        self._version += 1
        return beta_expectation(held_positive, held_negative), beta_expectation(
            held_positive + positive, held_negative + negative
        )

    def evidence(self, truster: str, trustee: str) -> tuple[float, float]:
        """The (positive, negative) evidence `truster` holds about `trustee` today, after forgetting."""
        self._check_pair(truster, trustee)
        pair = self._evidence.get((truster, trustee))
        if pair is None:
            return 0.0, 0.0
        elapsed = self._month - pair.month
        if elapsed <= 0.0:
            return pair.positive, pair.negative
        factor = self._forgetting**elapsed
        return pair.positive * factor, pair.negative * factor

    def expected(self, truster: str, trustee: str) -> float:
        """Expected trust of `truster` in `trustee` today, 0..1."""
        return beta_expectation(*self.evidence(truster, trustee))

    def matrix(self) -> dict[str, dict[str, float]]:
        """Expected trust for every ordered pair of different members, in member order (a fresh copy)."""
        self._refresh()
        return {truster: dict(row) for truster, row in self._cached_matrix.items()}

    def board_mean(self) -> float:
        """Mean expected trust over every ordered pair of different members."""
        self._refresh()
        return self._cached_mean

    def _refresh(self) -> None:
        if self._cached_version == self._version:
            return
        # Pairs last added to in the same month share a forgetting factor: compute each power once.
        factors: dict[float, float] = {}
        total = 0.0
        matrix: dict[str, dict[str, float]] = {}
        for truster in self._members:
            row: dict[str, float] = {}
            for trustee in self._members:
                if trustee == truster:
                    continue
                pair = self._evidence.get((truster, trustee))
                if pair is None:
                    value = 0.5
                else:
                    factor = factors.get(pair.month)
                    if factor is None:
                        factor = factors[pair.month] = self._forgetting ** max(0.0, self._month - pair.month)
                    value = beta_expectation(pair.positive * factor, pair.negative * factor)
                row[trustee] = value
                total += value
            matrix[truster] = row
        pairs = len(self._members) * (len(self._members) - 1)
        self._cached_matrix = matrix
        self._cached_mean = total / pairs if pairs else 0.5
        self._cached_version = self._version

    def _check_pair(self, truster: str, trustee: str) -> None:
        for member in (truster, trustee):
            if member not in self._known:
                raise ValueError(f"unknown member {member!r}: trust is only kept between the scenario's members")
        if truster == trustee:
            raise ValueError(f"a member does not rate its own trustworthiness ({truster!r} → {trustee!r})")
