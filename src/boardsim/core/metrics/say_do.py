"""The say–do gap: how far a member's choices go against the priorities it states in its brief."""

from __future__ import annotations

import math
from collections.abc import Sequence

from .alignment import norm_of, sparse


class SayDoGap:
    """Per member, 1 − the mean agreement between its stated priorities and each option it chose.

    Agreement for one choice is (1 + cos(stated priorities, the option's range-scaled measure changes)) / 2:
    1 when the option moves the measures exactly the way the member says it wants, 0.5 when it moves only
    things the member says nothing about, 0 when it moves them exactly the opposite way. A choice whose option
    changes no measures, or a member that states no priorities, says nothing and is not counted.
    """

    def __init__(
        self, members: Sequence[str], stated: dict[str, list[float]], norms: dict[str, float] | None = None
    ) -> None:
        """`norms`, if given, is `norm_of` each stated vector (worked out once per scenario)."""
        self._members = tuple(members)
        self._stated = stated
        self._norms = norms if norms is not None else {member: norm_of(vector) for member, vector in stated.items()}
        self._agreement_total = dict.fromkeys(self._members, 0.0)
        self._choices = dict.fromkeys(self._members, 0)

    def add(self, member: str, direction: list[float]) -> None:
        """Record that `member` chose an option moving the measures along `direction`."""
        self.add_sparse(member, sparse(direction))

    def add_sparse(self, member: str, changes: Sequence[tuple[int, float]]) -> None:
        """`add` for a direction given as its non-zero (axis, change) pairs, in axis order.

        Zeros add nothing to a sum, so the cosine is the very same float the dense vectors give.
        """
        stated = self._stated[member]
        dot: float = sum(change * stated[axis] for axis, change in changes)
        norm = math.sqrt(sum(change * change for _, change in changes)) * self._norms[member]
        if norm == 0.0:
            return
        cosine = max(-1.0, min(1.0, dot / norm))
        self._agreement_total[member] += (1.0 + cosine) / 2.0
        self._choices[member] += 1

    def member(self, member: str) -> float | None:
        """The member's gap, 0..1, or None before any choice that says something."""
        count = self._choices[member]
        if count == 0:
            return None
        return min(1.0, max(0.0, 1.0 - self._agreement_total[member] / count))

    def by_member(self) -> dict[str, float | None]:
        """Every member's gap, in member order."""
        return {member: self.member(member) for member in self._members}
