"""Fictional time on a SimPy environment: whole days since the start, and a fixed order within a day.

SimPy orders events at the same time by (priority, creation order). The engine gives each kind of thing that
happens on a day its own priority, so a day always unfolds in the same readable order whatever was scheduled
first: consequences already in motion land, then the news, then promises fall due, then dilemmas past their
deadline close, then new dilemmas open (so they are put to a board that knows everything that happened that
day), then the month ticks over.
"""

from __future__ import annotations

from collections.abc import Callable
from heapq import heappush
from typing import Any

from simpy import Environment
from simpy.core import SimTime
from simpy.events import Event, EventPriority

PHASE_EFFECT = EventPriority(2)
"""Delayed effects land."""
PHASE_INJECT = EventPriority(3)
"""Scheduled injects land."""
PHASE_COMMITMENT = EventPriority(4)
"""Commitments fall due and are checked."""
PHASE_DEADLINE = EventPriority(5)
"""Open dilemmas past their deadline close."""
PHASE_OPEN = EventPriority(6)
"""Scheduled dilemmas open."""
PHASE_TICK = EventPriority(7)
"""Month boundaries: conditions on elapsed time and fading trust are re-checked."""


class DayEvent(Event):
    """An event that happens `delay` days from now in `phase` (SimPy's Timeout, with a chosen priority).

    `callback`, if given, is called with the event when it is processed (the engine's parts are driven by
    such callbacks rather than by generator processes: the same order of events, less machinery per event).
    """

    def __init__(
        self,
        env: Environment,
        delay: SimTime,
        phase: EventPriority,
        value: Any = None,
        callback: Callable[[Event], None] | None = None,
    ) -> None:
        # The same inlined initialisation as simpy.Timeout, with our priority instead of NORMAL, and
        # Environment.schedule inlined too (this is the engine's most frequent allocation after events).
        self.env = env
        self.callbacks = [] if callback is None else [callback]
        self._value = value
        self._ok = True
        heappush(env._queue, (env._now + delay, phase, next(env._eid), self))
