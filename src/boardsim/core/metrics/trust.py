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
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

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
        return _position(self._start, day)


@lru_cache(maxsize=8192)
def _position(start: _dt.date, day: int) -> float:
    # Remembered: every run of a sweep asks the same few hundred days of the same calendar.
    date = start + _dt.timedelta(days=day)
    whole = int(day // _AVERAGE_MONTH_DAYS)
    # The estimate is within one month of the truth; step until `date` sits in [boundary, next boundary).
    while add_months(start, whole) > date:
        whole -= 1
    while add_months(start, whole + 1) <= date:
        whole += 1
    begin = add_months(start, whole)
    length = (add_months(start, whole + 1) - begin).days
    return whole + (date - begin).days / length


_Pair = tuple[float, float, float]
"""(positive, negative, the fictional month these totals were last added to)."""


class TrustLedger:
    """Positive and negative evidence for every ordered pair of members, forgetting as time passes."""

    def __init__(
        self,
        members: Sequence[str],
        months: FictionalMonths,
        forgetting_per_month: float,
        starting: Mapping[tuple[str, str], _Pair] | None = None,
    ) -> None:
        """`starting` is evidence held on day 0, as `raw()` of a ledger that was given it returns."""
        if not 0.0 < forgetting_per_month <= 1.0:
            raise ValueError(f"the forgetting factor must be in (0, 1], not {forgetting_per_month}")
        self._members = tuple(members)
        self._known = frozenset(members)
        self._months = months
        self._forgetting = forgetting_per_month
        self._evidence: dict[tuple[str, str], _Pair] = dict(starting) if starting else {}
        self._day = 0
        self._month = 0.0
        self._factors: dict[float, float] = {}
        """Forgetting factor today for evidence last added in a given month (many pairs share a month)."""
        self._version = len(self._evidence)
        self._cached_version = -1
        self._cached_matrix: dict[str, dict[str, float]] = {}
        self._cached_mean = 0.5
        self._stale: set[str] | None = None
        """Trusters whose row of the cached matrix is out of date; None when every row is (time has moved)."""

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
        self._factors = {}
        if self._evidence:
            self._version += 1
            self._stale = None  # forgetting moves every pair with evidence

    def add(self, truster: str, trustee: str, positive: float, negative: float) -> tuple[float, float]:
        """Add evidence now; returns expected trust (before, after)."""
        self._check_pair(truster, trustee)
        if not (math.isfinite(positive) and math.isfinite(negative)) or positive < 0 or negative < 0:
            raise ValueError(
                f"evidence counts must be finite and not negative (positive={positive}, negative={negative})"
            )
        return self.add_checked(truster, trustee, positive, negative)

    def add_checked(self, truster: str, trustee: str, positive: float, negative: float) -> tuple[float, float]:
        """`add` for evidence whose pair and counts the caller has already checked (the tracker's own rules)."""
        key = (truster, trustee)
        pair = self._evidence.get(key)
        if pair is None:
            held_positive = held_negative = 0.0
        else:
            held_positive, held_negative, month = pair
            if month < self._month:
                factor = self._factor(month)
                held_positive *= factor
                held_negative *= factor
        total_positive = held_positive + positive
        total_negative = held_negative + negative
        self._evidence[key] = (total_positive, total_negative, self._month)
        self._version += 1
        if self._stale is not None:
            self._stale.add(truster)
        return (held_positive + 1.0) / (held_positive + held_negative + 2.0), (total_positive + 1.0) / (
            total_positive + total_negative + 2.0
        )

    def raw(self) -> dict[tuple[str, str], _Pair]:
        """Every pair's evidence as stored (not forgotten), to start another ledger from (a copy)."""
        return dict(self._evidence)

    def add_each(self, evidence: Iterable[tuple[str, str, float, float]]) -> list[tuple[float, float]]:
        """`add_checked` each (truster, trustee, positive, negative) in turn; each one's (before, after).

        The metrics' hot loop (a board-wide decision gives members × (members − 1) pieces), written out.
        """
        store = self._evidence
        now = self._month
        factors = self._factors
        forgetting = self._forgetting
        changes: list[tuple[float, float]] = []
        stale = self._stale
        for truster, trustee, positive, negative in evidence:
            if stale is not None:
                stale.add(truster)
            key = (truster, trustee)
            pair = store.get(key)
            if pair is None:
                held_positive = held_negative = 0.0
            else:
                held_positive, held_negative, month = pair
                if month < now:
                    factor = factors.get(month)
                    if factor is None:
                        factor = factors[month] = forgetting ** (now - month)
                    held_positive *= factor
                    held_negative *= factor
            total_positive = held_positive + positive
            total_negative = held_negative + negative
            store[key] = (total_positive, total_negative, now)
            changes.append(
                (
                    (held_positive + 1.0) / (held_positive + held_negative + 2.0),
                    (total_positive + 1.0) / (total_positive + total_negative + 2.0),
                )
            )
        self._version += len(changes)
        return changes

    def _factor(self, month: float) -> float:
        """λ^(months since `month`), for evidence last added in `month` (before today)."""
        factor = self._factors.get(month)
        if factor is None:
            factor = self._factors[month] = self._forgetting ** (self._month - month)
        return factor

    def evidence(self, truster: str, trustee: str) -> tuple[float, float]:
        """The (positive, negative) evidence `truster` holds about `trustee` today, after forgetting."""
        self._check_pair(truster, trustee)
        pair = self._evidence.get((truster, trustee))
        if pair is None:
            return 0.0, 0.0
        positive, negative, month = pair
        if month < self._month:
            factor = self._factor(month)
            return positive * factor, negative * factor
        return positive, negative

    def expected(self, truster: str, trustee: str) -> float:
        """Expected trust of `truster` in `trustee` today, 0..1."""
        return beta_expectation(*self.evidence(truster, trustee))

    def matrix(self) -> dict[str, dict[str, float]]:
        """Expected trust for every ordered pair of different members, in member order (a fresh copy)."""
        self._refresh()
        return {truster: dict(row) for truster, row in self._cached_matrix.items()}

    def rows(self) -> dict[str, dict[str, float]]:
        """`matrix()` without the copy: read it, never change it.

        A row that has not changed since the last call is the very same dict object, so a caller can remember
        what it derived from a row (the tracker's rounded rows) and redo only the rows that changed.
        """
        self._refresh()
        return self._cached_matrix

    def board_mean(self) -> float:
        """Mean expected trust over every ordered pair of different members."""
        self._refresh()
        return self._cached_mean

    def _refresh(self) -> None:
        """Bring the cached matrix up to date, recomputing only the rows that changed.

        Between two moves of the clock only the trusters that gained evidence have new rows (a decision seen by
        the whole board touches them all; one trust effect, one row), so a time series with a snapshot after
        every event does not redo members² pairs per event. Changed rows are new dicts: the old ones may be
        held by earlier snapshots. The mean is summed in member order, as a full recomputation would.
        """
        if self._cached_version == self._version:
            return
        stale = self._stale
        previous = self._cached_matrix
        total = 0.0
        matrix: dict[str, dict[str, float]] = {}
        for truster in self._members:
            row = previous.get(truster)
            if row is None or stale is None or truster in stale:
                row = self._row(truster)
            for value in row.values():
                total += value
            matrix[truster] = row
        pairs = len(self._members) * (len(self._members) - 1)
        self._cached_matrix = matrix
        self._cached_mean = total / pairs if pairs else 0.5
        self._cached_version = self._version
        self._stale = set()

    def _row(self, truster: str) -> dict[str, float]:
        """Expected trust of `truster` in every other member today, in member order."""
        evidence = self._evidence
        row: dict[str, float] = {}
        for trustee in self._members:
            if trustee == truster:
                continue
            pair = evidence.get((truster, trustee))
            if pair is None:
                row[trustee] = 0.5
                continue
            positive, negative, month = pair
            if month < self._month:  # pairs last added to in the same month share a factor
                factor = self._factor(month)
                positive *= factor
                negative *= factor
            row[trustee] = (positive + 1.0) / (positive + negative + 2.0)
        return row

    def _check_pair(self, truster: str, trustee: str) -> None:
        for member in (truster, trustee):
            if member not in self._known:
                raise ValueError(f"unknown member {member!r}: trust is only kept between the scenario's members")
        if truster == trustee:
            raise ValueError(f"a member does not rate its own trustworthiness ({truster!r} → {trustee!r})")
