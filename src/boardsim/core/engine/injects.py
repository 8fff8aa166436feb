"""Injects: news landing on the board — on schedule, when a condition first holds, by an effect, or by hand.

An inject lands at most once. The timeline process walks the injects with an `at` time in calendar order;
condition-driven ones are watched by the reactions; the facilitator can make one land now, strike one from
the run, or write a new one on the spot.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

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

    def timeline(self) -> Generator[SimEvent, Any, None]:
        """The timeline process: each inject with an `at` time lands on its day, in calendar order."""
        rt = self._rt
        scheduled = sorted(
            (max(inject.at.day(rt.plan.start), 0), index, inject.id)
            for index, inject in enumerate(rt.scenario.timeline)
            if inject.at is not None
        )
        for day, _, inject_id in scheduled:
            if day > rt.plan.horizon_day:
                return
            yield rt.at(day, PHASE_INJECT)
            if inject_id not in self.landed and inject_id not in self.skipped:
                self.land(inject_id, "schedule", None)
                rt.reactions.settle(self.landed[inject_id].seq)

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
