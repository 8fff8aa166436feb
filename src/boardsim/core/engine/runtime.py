"""The run itself: the SimPy environment, the world's state, the journal, and the parts that act on them.

`Runtime` owns what every part shares — fictional time, state values, the ledger, the metrics, the journal —
and wires the parts together: injects, dilemmas, effects, commitments, accountabilities and the reactions
that re-check conditions when what they read has changed. The `Session` drives it from outside; nothing in
here knows about seats at terminals, pausing or replaying.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any, Literal, TypeVar

from simpy import Environment
from simpy.events import Event as SimEvent
from simpy.events import EventPriority

from boardsim.core.metrics import MetricsTracker, TrustRow
from boardsim.core.randomness import derive_seed

from .accountabilities import AccountabilityMonitor
from .clock import PHASE_TICK, DayEvent
from .commitments import CommitmentBook
from .context import WorldContext
from .dilemmas import DilemmaDesk
from .effects import EffectRunner
from .events import Event, RunStarted, trust_changed_event, trusted_event
from .injects import InjectDesk
from .ledger import Ledger
from .metrics_feed import MetricsFeed
from .plan import TIME, Key, ScenarioPlan, initial_values
from .reactions import Reactions
from .seats import ForcedChoice, Seat

E = TypeVar("E", bound=Event)

Detail = Literal["full", "outcomes"]
"""How much a run records: "full" (the journal, explanations, the metrics series) or "outcomes" (for sweeps:
the same run and results, without the mechanical events — trust, state and money changes, schedules and
skips — explanatory sentences or the series)."""


def _seq_of(event: Event) -> int:
    return event.seq


class Runtime:
    """One run of one scenario: state, journal and the processes that move them on."""

    def __init__(
        self,
        plan: ScenarioPlan,
        seed: int,
        seats: Mapping[str, Seat],
        forced: Mapping[str, ForcedChoice],
        detail: Detail = "full",
    ) -> None:
        self.plan = plan
        self.scenario = plan.scenario
        self.seed = seed
        self.seats = dict(seats)
        self.forced = dict(forced)
        self.detail: Detail = detail
        full = detail == "full"
        self.explain = full
        """Whether bots and trust changes explain themselves in sentences (only read by people)."""
        self.env = Environment()
        self.events: list[Event] = []
        """The journal's events in order. With detail "outcomes" the mechanical ones (see `record` and
        `record_trust_changes`) are left out; their seqs are skipped, so every other event keeps the seq it
        has in the full journal."""
        self.next_seq = 0
        """The seq of the next event: the length of the full journal so far."""
        self.values: dict[str, float | bool] = initial_values(self.scenario)
        self.ledger = Ledger(self.scenario)
        tracker = MetricsTracker(self.scenario, plan=plan.metrics, explain=full)
        self.metrics = MetricsFeed(tracker, self, log_facts=full)
        self.dirty: dict[Key, None] = {}
        """Keys changed since the last settle that some condition reads, in the order they changed."""
        assert plan.reactions is not None
        self.watched: frozenset[Key] = plan.reactions.watched
        """Every key some accountability or trigger reads."""
        self.watches_trust = plan.reactions.watches_trust
        """Whether any condition reads trust (otherwise trust changes need not be tracked as touched keys)."""
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
        return DayEvent(self.env, max(day - self.env.now, 0), phase)

    def call_at(self, day: int, phase: EventPriority, callback: Callable[[SimEvent], None]) -> None:
        """Call `callback` (with the SimPy event) on `day` (today or later) in `phase` of that day."""
        DayEvent(self.env, max(day - self.env.now, 0), phase, None, callback)

    def start(self) -> None:
        """Record the start, start the processes, and take stock of the world as it stands on day 0."""
        self.emit(
            RunStarted,
            scenario=self.scenario.id,
            start_date=self.plan.start.isoformat(),
            horizon_day=self.plan.horizon_day,
        )
        self.injects.start()
        self.dilemmas.start()
        if self.reactions.time_sensitive:
            self._next_month(0)
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

    def run_until_awaiting(self) -> bool:
        """`step` until the dilemmas need the session's attention (see `DilemmaDesk.attention`): a dilemma opened
        that waits on a human seat, or one closed while stepping by decision. False when the calendar runs out first.

        The same as calling `step` in a loop and checking `dilemmas.attention` after each (which is
        what the session's `advance` needs), written out because it is the run's innermost loop.
        """
        env = self.env
        peek = env.peek
        step = env.step
        horizon = self.plan.horizon_day
        desk = self.dilemmas
        dirty = self.dirty
        settle = self.reactions.settle
        while not desk.attention:
            if peek() > horizon:
                return False
            step()
            self.steps += 1
            if dirty:
                settle(None)
        return True

    def run_out_the_clock(self) -> None:
        """Move fictional time on to the horizon (after the last event before it)."""
        if self.now < self.plan.horizon_day:
            self.env.run(until=self.plan.horizon_day)

    def _next_month(self, month: int) -> None:
        """Tick over at the end of fictional month `month` (0 = the first), and then at the next."""
        if month < len(self.plan.month_days):
            self.call_at(self.plan.month_days[month], PHASE_TICK, partial(self._month_tick, month))

    def _month_tick(self, month: int, _event: SimEvent) -> None:
        self.touch(TIME)
        self.reactions.settle(None)
        if self.reactions.time_sensitive:  # once nothing watched reads the time, further ticks change nothing
            self._next_month(month + 1)

    # -- journal ------------------------------------------------------------------------------------------

    def emit(self, event_type: type[E], /, **fields: Any) -> E:
        """Append an event of `event_type` to the journal, stamped with its seq and today's day."""
        seq = fields["seq"] = self.next_seq
        self.next_seq = seq + 1
        fields["day"] = self.env._now  # SimPy's `now` without its property call (this is the hottest path)
        event: E
        if event_type.INPUT:  # what people typed is validated like anything else from outside
            event = event_type.__pydantic_validator__.validate_python(fields)
        else:  # consequences carry values the engine worked out itself, already of the declared types
            event = trusted_event(event_type, fields)
        self.events.append(event)
        return event

    def record(self, event_type: type[Event], /, **fields: Any) -> int:
        """`emit` for the mechanical consequences (state changes, money moves, schedules, skips); returns the seq.

        With detail "outcomes" the event is not kept (its seq is still taken): what it records is in the state,
        the ledger and the pending effects, which is all a sweep reads.
        """
        if self.detail == "full":
            return self.emit(event_type, **fields).seq
        seq = self.next_seq
        self.next_seq = seq + 1
        return seq

    def event_at(self, seq: int) -> Event:
        """The event at journal position `seq` (which must be one this run keeps)."""
        events = self.events
        if self.detail == "full":
            return events[seq]
        index = bisect_left(events, seq, key=_seq_of)
        if index == len(events) or events[index].seq != seq:
            raise KeyError(seq)
        return events[index]

    # -- change tracking ----------------------------------------------------------------------------------

    def touch(self, key: Key) -> None:
        """Something conditions may read has changed: re-check what depends on it at the next settle."""
        if key in self.watched:
            self.dirty[key] = None

    def set_value(self, name: str, value: float | bool) -> None:
        self.values[name] = value
        key = ("state", name)
        if key in self.watched:
            self.dirty[key] = None

    def move_money(self, source: str, target: str, amount: int) -> None:
        self.ledger.move(source, target, amount)
        watched = self.watched
        key = ("account", source)
        if key in watched:
            self.dirty[key] = None
        key = ("account", target)
        if key in watched:
            self.dirty[key] = None
        self.metrics.money_moved(source, target)

    def record_trust_changes(self, cause_seq: int, rows: Sequence[TrustRow]) -> None:
        """Journal the trust changes the metrics worked out, each with its cause (the event `cause_seq`)."""
        if self.detail != "full":  # their seqs are still taken, so the rest of the journal is numbered alike
            self.next_seq += len(rows)
        else:
            events = self.events
            day = self.now
            seq = self.next_seq
            for truster, trustee, before, after, positive, negative, kind, sentence, face in rows:
                events.append(
                    trust_changed_event(
                        seq, day, cause_seq, truster, trustee, before, after, positive, negative, kind, sentence, face
                    )
                )
                seq += 1
            self.next_seq = seq
        if self.watches_trust:
            for row in rows:
                self.touch(("trust", row[0], row[1]))

    # -- seats --------------------------------------------------------------------------------------------

    def bot_seed(self, member: str, dilemma: str) -> int:
        return derive_seed(self.seed, f"bot:{member}:{dilemma}")
