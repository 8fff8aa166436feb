"""Leadership distribution: how evenly the board's members share the leading of what it decides to do."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence


def normalised_entropy(counts: Iterable[int], categories: int) -> float | None:
    """Shannon entropy of `counts` divided by its largest possible value, ln(categories).

    1 when every category has the same count, 0 when one category has them all; None when there is nothing
    to count or fewer than two categories (the spread of one thing is meaningless).
    """
    positive = [count for count in counts if count > 0]
    total = sum(positive)
    if total == 0 or categories < 2:
        return None
    entropy = -sum(count / total * math.log(count / total) for count in positive)
    return min(1.0, max(0.0, entropy / math.log(categories)))


class LeadershipDistribution:
    """Counts of options led per member, and their normalised entropy over all the board's members."""

    def __init__(self, members: Sequence[str]) -> None:
        self._members = tuple(members)
        self._led = dict.fromkeys(self._members, 0)

    def add(self, member: str) -> None:
        """`member` led an option the board (or a member) took up."""
        if member not in self._led:
            raise ValueError(f"unknown member {member!r}: only the scenario's members can lead")
        self._led[member] += 1

    def led(self, member: str) -> int:
        """How many options `member` has led so far."""
        return self._led[member]

    @property
    def value(self) -> float | None:
        """Normalised entropy over every member (those who never led count as zeros), or None before any lead."""
        return normalised_entropy(self._led.values(), len(self._members))
