"""The run itself: the SimPy environment, the world's state, the journal, and the parts that act on them.

`Runtime` owns what every part shares — fictional time, state values, the ledger, the metrics, the journal —
and wires the parts together: injects, dilemmas, effects, commitments, accountabilities and the reactions
that re-check conditions when what they read has changed. The `Session` drives it from outside; nothing in
here knows about seats at terminals, pausing or replaying.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from typing import Any, TypeVar

from simpy import Environment
from simpy.events import Event as SimEvent
from simpy.events import EventPriority

from boardsim.core.metrics import MetricsTracker, TrustChange
from boardsim.core.randomness import derive_seed

from .accountabilities import AccountabilityMonitor
from .clock import PHASE_TICK, DayEvent
from .commitments import CommitmentBook
from .context import WorldContext
from .dilemmas import DilemmaDesk
from .effects import EffectRunner
from .events import Event, RunStarted, TrustChanged
from .injects import InjectDesk
from .ledger import Ledger
from .metrics_feed import MetricsFeed
from .plan import TIME, Key, ScenarioPlan, initial_values
from .reactions import Reactions
from .seats import ForcedChoice, Seat

E = TypeVar("E", bound=Event)


class Runtime:
    """One run of one scenario: state, journal and the processes that move them on."""

    def __init__(
        self,
        plan: ScenarioPlan,
        seed: int,
        seats: Mapping[str, Seat],
        forced: Mapping[str, ForcedChoice],
    ) -> None:
        self.plan = plan
        self.scenario = plan.scenario
        self.seed = seed
        self.seats = dict(seats)
        self.forced = dict(forced)
        self.env = Environment()
        self.events: list[Event] = []
        self.values: dict[str, float | bool] = initial_values(self.scenario)
        self.ledger = Ledger(self.scenario)
        self.metrics = MetricsFeed(MetricsTracker(self.scenario), self)
        self.dirty: dict[Key, None] = {}
        """Keys changed since the last settle that some condition reads, in the order they changed."""
        self.watched: set[Key] = set()
        """Every key some accountability or trigger reads (filled in by the reactions)."""
        self.steps = 0
        """SimPy events processed so far (for the benchmarks)."""
        self.context = WorldContext(self)
        self.effects = EffectRunner(self)
        self.injects = InjectDesk(self)
        self.commitments = CommitmentBook(self)
        self.accountabilities = AccountabilityMonitor(self)
        self.dilemmas = DilemmaDesk(self)
        self.reactions = Reactions(self)

    # -- time ---------------------------------------------------------------------------------------------

    @property
    def now(self) -> int:
        """Today: whole fictional days since the start (the engine only ever schedules whole days)."""
        return self.env.now  # type: ignore[return-value]

    def at(self, day: int, phase: EventPriority) -> SimEvent:
        """An event on `day` (today or later) in `phase` of that day."""
        return DayEvent(self.env, max(day - self.now, 0), phase)

    def start(self) -> None:
        """Record the start, start the processes, and take stock of the world as it stands on day 0."""
        self.emit(
            RunStarted,
            scenario=self.scenario.id,
            start_date=self.plan.start.isoformat(),
            horizon_day=self.plan.horizon_day,
        )
        self.env.process(self.injects.timeline())
        self.dilemmas.start()
        if self.reactions.time_sensitive:
            self.env.process(self._month_ticks())
        self.reactions.start()

    def step(self) -> bool:
        """Process the next SimPy event on or before the horizon; False when there is none."""
        if self.env.peek() > self.plan.horizon_day:
            return False
        self.env.step()
        self.steps += 1
        if self.dirty:
            self.reactions.settle(None)
        return True

    def run_out_the_clock(self) -> None:
        """Move fictional time on to the horizon (after the last event before it)."""
        if self.now < self.plan.horizon_day:
            self.env.run(until=self.plan.horizon_day)

    def _month_ticks(self) -> Generator[SimEvent, Any, None]:
        for day in self.plan.month_days:
            yield self.at(day, PHASE_TICK)
            self.touch(TIME)
            self.reactions.settle(None)

    # -- journal ------------------------------------------------------------------------------------------

    def emit(self, event_type: type[E], /, **fields: Any) -> E:
        """Append an event of `event_type` to the journal, stamped with its seq and today's day."""
        fields["seq"] = len(self.events)
        fields["day"] = self.env.now
        # The model's validator directly: the same validation as the constructor, without its Python wrapper
        # (events are the engine's hottest allocation).
        event: E = event_type.__pydantic_validator__.validate_python(fields)
        self.events.append(event)
        return event

    @property
    def next_seq(self) -> int:
        return len(self.events)

    # -- change tracking ----------------------------------------------------------------------------------

    def touch(self, key: Key) -> None:
        """Something conditions may read has changed: re-check what depends on it at the next settle."""
        if key in self.watched:
            self.dirty[key] = None

    def set_value(self, name: str, value: float | bool) -> None:
        self.values[name] = value
        self.touch(("state", name))

    def move_money(self, source: str, target: str, amount: int) -> None:
        self.ledger.move(source, target, amount)
        self.touch(("account", source))
        self.touch(("account", target))
        self.metrics.money_moved(source, target)

    def record_trust_change(self, change: TrustChange) -> None:
        """Journal a trust change the metrics worked out, with its cause."""
        self.emit(
            TrustChanged,
            truster=change.truster,
            trustee=change.trustee,
            before=change.before,
            after=change.after,
            positive=change.positive,
            negative=change.negative,
            cause_seq=change.cause.event_seq,
            cause_kind=change.cause.kind,
            sentence=change.cause.sentence,
            face=change.face,
        )
        self.touch(("trust", change.truster, change.trustee))

    # -- seats --------------------------------------------------------------------------------------------

    def bot_seed(self, member: str, dilemma: str) -> int:
        return derive_seed(self.seed, f"bot:{member}:{dilemma}")
