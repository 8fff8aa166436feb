"""Accountability monitoring: who is in breach of what they answer for outside the board, moment to moment.

Each accountability's `holds_when` is re-evaluated whenever something it reads changes (the reactions call
`evaluate` with just those). A member entering or leaving breach is journalled with the event that caused it.
`would_breach` answers the same question about a hypothetical world, for tension flags and for bots.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from boardsim.core.expressions import holds

from .context import OverlayContext
from .events import BreachEntered, BreachLeft
from .plan import AccountabilityEntry

if TYPE_CHECKING:
    from .runtime import Runtime


class AccountabilityMonitor:
    """Tracks which members are in breach of which accountabilities."""

    def __init__(self, runtime: Runtime) -> None:
        self._rt = runtime
        self.entries: list[AccountabilityEntry] = runtime.plan.accountabilities
        self.in_breach: list[bool] = [False] * len(self.entries)
        self._by_member: dict[str, list[int]] = runtime.plan.accountabilities_by_member
        self._entries_of: dict[str, list[AccountabilityEntry]] = runtime.plan.accountability_entries

    def evaluate(self, indices: Iterable[int], cause_seq: int | None) -> None:
        """Re-check these accountabilities now and journal every change of breach."""
        rt = self._rt
        context = rt.context
        for index in indices:
            entry = self.entries[index]
            breached = not entry.condition.evaluator(context)
            if breached == self.in_breach[index]:
                continue
            self.in_breach[index] = breached
            accountability = entry.accountability
            if breached:
                rt.emit(
                    BreachEntered,
                    member=entry.member,
                    accountability=accountability.id,
                    severity=accountability.severity,
                    description=accountability.description,
                    answers_to=accountability.answers_to,
                    cause_seq=cause_seq,
                )
            else:
                rt.emit(BreachLeft, member=entry.member, accountability=accountability.id, cause_seq=cause_seq)
            rt.touch(("breach", entry.member))

    def breached(self, member: str, accountability: str | None = None) -> bool:
        """Whether `member` is in breach of any (or the named) accountability now."""
        for index in self._by_member.get(member, ()):
            if self.in_breach[index] and (
                accountability is None or self.entries[index].accountability.id == accountability
            ):
                return True
        return False

    def breaches(self) -> list[int]:
        """Indices of the accountabilities in breach now, in scenario order."""
        return [index for index, breached in enumerate(self.in_breach) if breached]

    def of_member(self, member: str) -> list[AccountabilityEntry]:
        """The member's accountabilities in scenario order (a shared list: read it, do not change it)."""
        return self._entries_of.get(member, [])

    def would_breach(
        self, context: OverlayContext, entries: Iterable[AccountabilityEntry]
    ) -> list[AccountabilityEntry]:
        """Which of `entries` would be in breach in the hypothetical world `context`."""
        return [entry for entry in entries if not holds(entry.condition, context)]
