"""Injects: news landing on the board — on schedule, when a condition first holds, by an effect, or by hand.

An inject lands at most once. Each inject with an `at` time is put on the calendar when the run starts, in
calendar order; condition-driven ones are watched by the reactions; the facilitator can make one land now,
strike one from the run, or write a new one on the spot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from simpy.events import Event as SimEvent

from boardsim.core.scenario.model import Effect

from .clock import PHASE_INJECT
from .events import Audience, InjectCause, InjectLanded

if TYPE_CHECKING:
    from .runtime import Runtime


@dataclass(frozen=True, slots=True)
class ManualInject:
    """An inject the facilitator wrote during the run."""

    id: str
    title: str
    text: str
    audience: Audience
    effects: list[Effect] = field(default_factory=list)


@dataclass(slots=True)
class LandedInject:
    """An inject that has landed: when, why, and the seq of its InjectLanded event."""

    id: str
    title: str
    text: str
    audience: Audience
    day: int
    seq: int
    cause: InjectCause


class InjectDesk:
    """Lands injects and remembers which have landed or been struck."""

    def __init__(self, runtime: Runtime) -> None:
        self._rt = runtime
        self.landed: dict[str, LandedInject] = {}
        self.skipped: dict[str, int] = {}
        """Injects the facilitator struck, with the day they were struck."""
        self.manual: dict[str, ManualInject] = {}

    def start(self) -> None:
        """Put every inject with an `at` time on the calendar: each lands on its day, in calendar order."""
        rt = self._rt
        for day, inject_id in rt.plan.timeline:
            rt.call_at(day, PHASE_INJECT, partial(self._scheduled, inject_id))

    def _scheduled(self, inject_id: str, _event: SimEvent) -> None:
        if inject_id not in self.landed and inject_id not in self.skipped:
            self.land(inject_id, "schedule", None)
            self._rt.reactions.settle(self.landed[inject_id].seq)

    def land(self, inject_id: str, cause: InjectCause, cause_seq: int | None) -> bool:
        """Land a scenario or manual inject now with its effects; False if there is no such inject.

        Callers check `landed` and `skipped` first; landing twice is refused silently (returns True).
        """
        rt = self._rt
        if inject_id in self.landed or inject_id in self.skipped:
            return True
        inject = rt.plan.injects.get(inject_id)
        manual = self.manual.get(inject_id)
        if inject is None and manual is None:
            return False
        if inject is not None:
            title, text, audience, effects, site = (
                inject.title,
                inject.text,
                inject.audience,
                inject.effects,
                f"inject:{inject_id}",
            )
        else:
            assert manual is not None
            title, text, audience, effects, site = (
                manual.title,
                manual.text,
                manual.audience,
                manual.effects,
                f"manual:{inject_id}",
            )
        event = rt.emit(
            InjectLanded, inject=inject_id, title=title, audience=audience, cause=cause, cause_seq=cause_seq
        )
        self.landed[inject_id] = LandedInject(inject_id, title, text, audience, rt.now, event.seq, cause)
        rt.touch(("inject", inject_id))
        if effects:
            rt.effects.apply(effects, site, cause_seq=event.seq, because=f"“{title}” landed")
        return True


def reaches(audience: Audience, member: str) -> bool:
    """Whether an inject with this audience is addressed to `member`."""
    if audience == "all":
        return True
    if audience == "facilitator":
        return False
    return member in audience
