"""Alignment: goal alignment, vote cohesion (the Agreement Index), resource alignment and their composite.

Each measure is kept incrementally: recording a fact costs at most O(members) or O(measures), never a pass
over the history.
"""

from __future__ import annotations

import math
from bisect import insort
from collections.abc import Iterable, Sequence


def norm_of(vector: list[float]) -> float:
    """The Euclidean norm exactly as `cosine_similarity` computes it."""
    return math.sqrt(sum(b * b for b in vector))


def sparse(vector: Sequence[float]) -> tuple[tuple[int, float], ...]:
    """The non-zero (axis, value) pairs of `vector`, in axis order."""
    return tuple((axis, value) for axis, value in enumerate(vector) if value)


def agreement_index(yes: int, no: int, abstain: int) -> float | None:
    """Hix, Noury & Roland's (2005) Agreement Index of one vote; None when nobody took part.

    AI = (max(Y, N, A) − ½·(Y + N + A − max(Y, N, A))) / (Y + N + A): 1 when every decider did the same
    thing, 0 when they split evenly three ways.
    """
    total = yes + no + abstain
    if total <= 0:
        return None
    largest = max(yes, no, abstain)
    return (largest - 0.5 * (total - largest)) / total


def agreement_from_ballots(ballots: Iterable[str | None], carried: str | None) -> float | None:
    """The Agreement Index of a multi-option ballot.

    Y = votes for `carried` (the option that carried, or the most-voted one), N = votes for any other option,
    A = abstentions (None). With no option carried and nobody voting, everyone abstained alike: AI = 1.
    """
    yes = no = abstain = 0
    for ballot in ballots:
        if ballot is None:
            abstain += 1
        elif ballot == carried:
            yes += 1
        else:
            no += 1
    return agreement_index(yes, no, abstain)


class VoteCohesion:
    """The mean Agreement Index over the votes recorded so far."""

    def __init__(self) -> None:
        self._total = 0.0
        self._votes = 0

    def add(self, index: float | None) -> None:
        """Record one vote's Agreement Index (None, for a vote nobody took part in, is not counted)."""
        if index is not None:
            self._total += index
            self._votes += 1

    @property
    def value(self) -> float | None:
        """Mean Agreement Index, 0..1, or None before the first vote."""
        return self._total / self._votes if self._votes else None


class GoalAlignment:
    """How far members' revealed priorities point the way of the shared purpose.

    A member's revealed priorities are the sum of the (range-scaled) measure changes of every option it chose
    or voted for. Its alignment is (1 + cos(revealed, shared purpose)) / 2; the board's is the mean over the
    members whose choices point anywhere at all.
    """

    def __init__(self, members: Sequence[str], shared_purpose: list[float]) -> None:
        self._members = tuple(members)
        self._shared = shared_purpose
        self._shared_norm = norm_of(shared_purpose)
        self._revealed: dict[str, list[float]] = {}
        self._touched: dict[str, list[int]] = {}
        """Per member, the axes its choices have moved, in axis order (the rest of `_revealed` is zero)."""
        self._alignment: dict[str, float] = {}

    def add(self, member: str, direction: list[float]) -> None:
        """Add the range-scaled measure changes of an option `member` chose or voted for."""
        self.add_sparse(member, sparse(direction), len(direction))

    def add_sparse(self, member: str, changes: Sequence[tuple[int, float]], dimensions: int) -> None:
        """`add` for a direction given as its non-zero (axis, change) pairs, in axis order, out of `dimensions`.

        An option moves a few of the scenario's measures, so only those are visited; zeros add nothing to a
        sum, so the cosine is the very same float the dense vectors give.
        """
        revealed = self._revealed.get(member)
        if revealed is None:
            revealed = self._revealed[member] = [0.0] * dimensions
            touched = self._touched[member] = []
        else:
            touched = self._touched[member]
        for axis, change in changes:
            revealed[axis] += change
            if axis not in touched:
                insort(touched, axis)
        shared = self._shared
        dot: float = sum(revealed[axis] * shared[axis] for axis in touched)
        norm = math.sqrt(sum(revealed[axis] * revealed[axis] for axis in touched)) * self._shared_norm
        if norm == 0.0:
            self._alignment.pop(member, None)
        else:
            cosine = max(-1.0, min(1.0, dot / norm))
            self._alignment[member] = (1.0 + cosine) / 2.0

    def member(self, member: str) -> float | None:
        """One member's goal alignment, 0..1, or None while its choices point nowhere."""
        return self._alignment.get(member)

    @property
    def value(self) -> float | None:
        """Mean goal alignment over members with a revealed direction, or None if none has one yet."""
        values = [self._alignment[member] for member in self._members if member in self._alignment]
        return sum(values) / len(values) if values else None


def resource_alignment(budgets: Iterable[float], pools: Iterable[float]) -> float:
    """The share of the board's money held in pooled funds, 0..1.

    Each account counts for what it holds above zero: an overspent budget or pool holds nothing to align, and
    letting its debt shrink the denominator would flatter the pooled share. No money at all gives 0.
    """
    pooled = sum(max(0.0, balance) for balance in pools)
    held = sum(max(0.0, balance) for balance in budgets)
    total = pooled + held
    return pooled / total if total > 0 else 0.0


def alignment_composite(*components: float | None) -> float | None:
    """The mean of the alignment measures available so far (None ones are left out)."""
    available = [component for component in components if component is not None]
    return sum(available) / len(available) if available else None
