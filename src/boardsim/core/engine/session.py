"""The session: the one way the TUI, the network host, the commands, bots and tests drive a run.

    session = Session.start(scenario, seed=7, seats={"icb": BotSeat("cautious"), "council": HumanSeat("Alex")})
    stop = session.advance()          # runs until a human decision is needed, a pause, or the end
    session.submit("council", "risk-share", option="fifty-fifty", rationale="...")
    stop = session.advance(until="decision")   # ... or until the next dilemma closes, bots' included

`advance` stops when a dilemma opens that waits on a human seat ("awaiting-decisions"), when the run is
paused ("paused"), or at the horizon ("ended"); with `until="decision"` also after every dilemma that closes
("decided"), so a facilitator can step an all-bot board through its decisions one at a time. Calling
`advance` again while human decisions are still outstanding lets fictional time run on: the open dilemmas stay
open until their seats decide or their deadline passes (then the default applies). Every input — decisions,
facilitator commands, notes — is journalled, and `Session.replay` re-applies the inputs of a journal at the
same journal positions to rebuild the same run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from pydantic_core import PydanticCustomError

from boardsim.core.expressions import ExpressionError, compile_expression, evaluate
from boardsim.core.metrics import MetricsSnapshot
from boardsim.core.scenario.model import Effect, PledgeMode, Scenario
from boardsim.core.scenario.quantities import Duration, format_money, parse_money
from boardsim.core.scenario.types import Disposition

from . import facilitator, views
from .ending import finish
from .errors import SessionError, unknown
from .events import Audience, Event, Paused, Resumed
from .journal import Journal, JournalHeader, journal_of
from .metrics_feed import MetricsSeries
from .plan import ScenarioPlan, build_plan
from .records import deciders_of
from .runtime import Detail, Runtime
from .seats import BotSeat, ForcedChoice, HumanSeat, Seat
from .stops import AdvanceUntil, DecisionPoint, PointReason, Stop
from .view_models import BoardView, FacilitatorView, MemberView
from .voting import pledge_bounds


class Session:
    """One run of a scenario, driven from outside (see the module docstring)."""

    def __init__(self, plan: ScenarioPlan, header: JournalHeader, detail: Detail = "full") -> None:
        """Use `Session.start` or `Session.replay`."""
        self._plan = plan
        self._header = header
        self._rt = Runtime(plan, header.seed, header.seats, header.forced, detail)
        self._paused = False
        self._ended = False
        self._points: list[DecisionPoint] = []
        self._series: MetricsSeries | None = None
        self._rt.start()
        self._add_point("start", [])

    # -- starting -----------------------------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        scenario: Scenario,
        seed: int = 1,
        seats: Mapping[str, Seat] | None = None,
        *,
        bots: Disposition = "system-first",
        forced: Mapping[str, ForcedChoice] | None = None,
        plan: ScenarioPlan | None = None,
        detail: Detail = "full",
    ) -> Session:
        """A new run. Seats not given are bots of disposition `bots`; `forced` fixes decisions (tests, --choose).

        `plan` is the scenario's `build_plan(scenario)`, to share between runs of the same scenario (a sweep
        builds it once). `detail="outcomes"` is the sweeps' fast path: the very same run — every decision,
        every pound, state value, breach, commitment and final metric is identical — but it keeps no
        trust-changed events (the other events keep their full-journal `seq`), writes no explanations (bot
        rationales and trust sentences are empty) and keeps no metrics series, so `journal`, `metrics_series`,
        `rewind` and `follow` are refused. Raises SessionError for unknown members, dilemmas or options, or a
        scenario whose conditions do not compile (check it with `boardsim check` first).
        """
        if detail not in ("full", "outcomes"):
            raise SessionError(f"detail must be 'full' or 'outcomes', not {detail!r}")
        plan = plan if plan is not None and plan.scenario is scenario else build_plan(scenario)
        header = JournalHeader(
            scenario_id=scenario.id,
            scenario_digest=plan.digest,
            seed=seed,
            seats=_all_seats(plan, seats or {}, bots),
            forced=_checked_forced(plan, forced or {}),
        )
        return cls(plan, header, detail)

    @classmethod
    def replay(cls, scenario: Scenario, journal: Journal, *, plan: ScenarioPlan | None = None) -> Session:
        """Rebuild a run from its journal: re-apply its inputs and check every event comes out the same.

        Raises SessionError when the journal was recorded against a different scenario, and JournalMismatch
        when the replay does not reproduce the journal exactly.
        """
        from .replay import replay_into

        plan = plan if plan is not None and plan.scenario is scenario else build_plan(scenario)
        if journal.header.scenario_digest != plan.digest:
            raise SessionError(
                f"this journal was recorded with a different version of scenario {journal.header.scenario_id!r} "
                "(its digest does not match): replay it with the scenario file it was played with"
            )
        session = cls(plan, journal.header)
        replay_into(session, journal.events, len(journal.events))
        return session

    # -- driving ------------------------------------------------------------------------------------------

    def advance(self, until: AdvanceUntil = "human") -> Stop:
        """Run until a human decision is needed, the facilitator has paused, or the end.

        With `until="decision"`, also stop ("decided") once a dilemma has closed during this call — decided by
        bots, by its deadline or by the facilitator — after everything that closing set off has settled. The
        run is the same whichever way it is advanced: stopping changes nothing in the world.
        """
        rt = self._rt
        desk = rt.dilemmas
        desk.closed_since = []  # closed before this call (by a submit or a command) is old news
        desk.stop_on_close = until == "decision"
        while not self._ended:
            if self._paused:
                return self._stop("paused")
            if desk.attention:
                desk.attention = False
                if desk.waiting():
                    return self._stop("awaiting-decisions")
                if desk.stop_on_close and desk.closed_since:
                    return self._stop("decided")
            if not rt.run_until_awaiting():  # steps until the dilemmas need attention, or the calendar ends
                finish(rt)
                self._ended = True
        return Stop(reason="ended", day=rt.now, decided=list(desk.closed_since))

    def _stop(self, reason: Literal["awaiting-decisions", "decided", "paused"]) -> Stop:
        waiting = self._rt.dilemmas.waiting()
        decided = list(self._rt.dilemmas.closed_since)
        self._add_point(reason, waiting, decided)
        return Stop(reason=reason, day=self._rt.now, waiting=waiting, decided=decided)

    def _add_point(self, reason: PointReason, waiting: list[tuple[str, str]], decided: Sequence[str] = ()) -> None:
        seq = self._rt.next_seq
        if self._points and self._points[-1].seq == seq:
            return
        if reason == "start":
            label = "the start"
        elif reason == "paused":
            label = "paused"
        elif reason == "decided" and not waiting:
            label = "decided " + ", ".join(decided)
        else:
            dilemmas = list(dict.fromkeys(dilemma for dilemma, _ in waiting))
            label = "waiting on " + ", ".join(dilemmas)
        date = self._plan.date_of(self._rt.now).isoformat()
        self._points.append(
            DecisionPoint(
                seq=seq,
                day=self._rt.now,
                reason=reason,
                waiting=waiting,
                decided=list(decided),
                label=f"{date}: {label}",
            )
        )

    def submit(
        self,
        member: str,
        dilemma: str,
        option: str | None = None,
        amount: int | str | None = None,
        rationale: str = "",
    ) -> None:
        """A human seat's decision: an option (None = abstain in a vote) or a pledge amount (pounds or '£2m')."""
        self._require_running()
        self._rt.dilemmas.submit(member, dilemma, option, amount, rationale)
        self._rt.reactions.settle(None)

    # -- facilitator commands -------------------------------------------------------------------------------

    def pause(self) -> None:
        """Stop fictional time: `advance` returns "paused" until `resume`."""
        self._require_running()
        if self._paused:
            raise SessionError("the run is already paused")
        self._rt.emit(Paused)
        self._paused = True

    def resume(self) -> None:
        """Let fictional time run again."""
        self._require_running()
        if not self._paused:
            raise SessionError("the run is not paused")
        self._rt.emit(Resumed)
        self._paused = False

    def trigger_inject(self, inject: str) -> None:
        """Land a scheduled (or manual, or condition-driven) scenario inject now."""
        self._require_running()
        facilitator.trigger_inject(self._rt, inject)

    def skip_inject(self, inject: str) -> None:
        """Strike an inject from this run."""
        self._require_running()
        facilitator.skip_inject(self._rt, inject)

    def manual_inject(
        self,
        title: str,
        text: str,
        audience: Audience = "all",
        effects: Sequence[Effect | Mapping[str, Any]] = (),
    ) -> str:
        """Land an inject written on the spot (effects as models or as the YAML would write them); returns its id."""
        self._require_running()
        return facilitator.manual_inject(self._rt, title, text, audience, effects)

    def extend_dilemma(self, dilemma: str, by: Duration | str) -> None:
        """Move an open dilemma's deadline later by a duration such as '2 weeks'."""
        self._require_running()
        facilitator.extend_dilemma(self._rt, dilemma, by)

    def close_dilemma(self, dilemma: str) -> None:
        """Close an open dilemma now; the default applies to seats that have not decided."""
        self._require_running()
        facilitator.close_dilemma(self._rt, dilemma)

    def adjust_state(self, name: str, value: float | bool, note: str = "") -> None:
        """Set a state value by hand, with a note saying why."""
        self._require_running()
        facilitator.adjust_state(self._rt, name, value, note)

    def add_note(self, text: str) -> None:
        """Keep an observer's note in the journal (also allowed after the end, for the debrief)."""
        facilitator.add_note(self._rt, text)

    def _require_running(self) -> None:
        if self._ended:
            raise SessionError("the run has ended")

    def _require_journal(self, doing: str) -> None:
        if self._rt.detail != "full":
            raise SessionError(
                f"cannot {doing}: this run was started with detail={self._rt.detail!r}, which keeps no full journal "
                "(start it with detail='full')"
            )

    # -- forks --------------------------------------------------------------------------------------------

    def follow(self, journal: Journal) -> None:
        """Play on along `journal`, whose beginning must be this session's journal so far.

        Re-applies the journal's later inputs at their positions and checks every event matches (raises
        JournalMismatch if not). With `rewind`, this replays a fork back to the original run.
        """
        from .replay import replay_into

        self._require_journal("follow a journal")
        if journal.header != self._header:
            raise SessionError("that journal belongs to a different run (its header differs)")
        replay_into(self, journal.events, len(journal.events))

    def decision_points(self) -> list[DecisionPoint]:
        """The points this run started from or stopped at, oldest first."""
        return list(self._points)

    def rewind(self, point: DecisionPoint | int) -> Session:
        """A new session forked at an earlier decision point (by replaying the inputs before it)."""
        from .replay import replay_into

        self._require_journal("rewind")
        seq = point if isinstance(point, int) else point.seq
        if not any(known.seq == seq for known in self._points):
            raise SessionError(f"there is no decision point at journal position {seq} in this run")
        fork = Session(self._plan, self._header)
        replay_into(fork, self._rt.events, seq)
        return fork

    # -- reading ------------------------------------------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        return self._plan.scenario

    @property
    def plan(self) -> ScenarioPlan:
        return self._plan

    @property
    def seed(self) -> int:
        return self._header.seed

    @property
    def seats(self) -> dict[str, Seat]:
        return dict(self._header.seats)

    @property
    def day(self) -> int:
        """Today: fictional days since the start."""
        return self._rt.now

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def ended(self) -> bool:
        return self._ended

    @property
    def detail(self) -> Detail:
        """How much this run records: "full", or "outcomes" (see `start`)."""
        return self._rt.detail

    @property
    def events(self) -> Sequence[Event]:
        """The journal's events so far (read-only; with detail "outcomes", all but the trust changes)."""
        return tuple(self._rt.events)

    @property
    def journal(self) -> Journal:
        self._require_journal("write a journal")
        return journal_of(self._header, self._rt.events)

    @property
    def metrics(self) -> MetricsSnapshot:
        """Every metric as it stands now."""
        return self._rt.metrics.latest(self._rt.now, self._rt.next_seq - 1)

    @property
    def metrics_series(self) -> list[MetricsSnapshot]:
        """Every metric after every event of the journal so far."""
        self._require_journal("rebuild the metrics series")
        if self._series is None:
            self._series = MetricsSeries(self._plan.scenario, self._plan.metrics)
        return self._series.extend(self._rt.metrics, self._rt.events)

    @property
    def steps(self) -> int:
        """SimPy events processed so far."""
        return self._rt.steps

    def budgets(self) -> dict[str, int]:
        return dict(self._rt.ledger.budgets)

    def pools(self) -> dict[str, int]:
        return dict(self._rt.ledger.pools)

    def accounts(self) -> dict[str, int]:
        """Every account's balance: budgets, pools and external."""
        return dict(self._rt.ledger.snapshot())

    def ledger_balanced(self) -> bool:
        """True while no money has appeared or vanished."""
        return self._rt.ledger.is_balanced()

    def state_values(self) -> dict[str, float | bool]:
        return dict(self._rt.values)

    def evaluate(self, expression: str) -> float | bool | str:
        """Evaluate an expression of the condition language against the run now (for tests and debriefs)."""
        try:
            compiled = compile_expression(expression, self._plan.state_kinds)
        except ExpressionError as error:
            raise SessionError(f"cannot evaluate {expression!r}: {error.message}") from None
        value: float | bool | str = evaluate(compiled, self._rt.context)
        return value

    def board_view(self) -> BoardView:
        """What everyone in the room may see."""
        return views.board_view(self._rt, paused=self._paused, ended=self._ended)

    def member_view(self, member: str) -> MemberView:
        """What one member's seat sees: the board view plus its own private brief, inbox and decisions."""
        if member not in self._plan.members:
            raise unknown("member", member, self._plan.members)
        return views.member_view(self._rt, member, paused=self._paused, ended=self._ended)

    def facilitator_view(self) -> FacilitatorView:
        """Everything, including hidden choices and what is still to come."""
        return views.facilitator_view(
            self._rt, paused=self._paused, ended=self._ended, points=self._points, snapshot=self.metrics
        )

    @property
    def runtime(self) -> Runtime:
        """The engine's internals (tests and benchmarks only)."""
        return self._rt


def _all_seats(plan: ScenarioPlan, seats: Mapping[str, Seat], bots: Disposition) -> dict[str, Seat]:
    for member in seats:
        if member not in plan.members:
            raise unknown("member", member, plan.members)
    result: dict[str, Seat] = {}
    for member in plan.members:
        seat = seats.get(member)
        if seat is not None and not isinstance(seat, HumanSeat | BotSeat):
            raise SessionError(f"the seat for {member!r} must be a HumanSeat or a BotSeat")
        result[member] = seat if seat is not None else _bot_seat(bots)
    return result


_BOT_SEATS: dict[str, BotSeat] = {}


def _bot_seat(disposition: Disposition) -> BotSeat:
    """The (frozen, so shareable) seat of a bot with `disposition`: a sweep starts thousands of sessions."""
    seat = _BOT_SEATS.get(disposition)
    if seat is None:
        seat = _BOT_SEATS[disposition] = BotSeat(disposition)
    return seat


def _checked_forced(plan: ScenarioPlan, forced: Mapping[str, ForcedChoice]) -> dict[str, ForcedChoice]:
    checked: dict[str, ForcedChoice] = {}
    for dilemma_id, choice in forced.items():
        dilemma = plan.dilemmas.get(dilemma_id)
        if dilemma is None:
            raise unknown("dilemma", dilemma_id, plan.dilemmas)
        deciders = deciders_of(dilemma, plan.member_ids)
        per_member = dict.fromkeys(deciders, choice) if isinstance(choice, str) else dict(choice)
        for member, value in per_member.items():
            if member not in plan.members:
                raise unknown("member", member, plan.members)
            if member not in deciders:
                raise SessionError(f"{member!r} does not decide {dilemma_id!r} (its deciders: {', '.join(deciders)})")
            if isinstance(dilemma.mode, PledgeMode):
                _check_forced_amount(dilemma_id, member, value, pledge_bounds(dilemma.mode, member))
            elif value not in {option.id for option in dilemma.options}:
                raise unknown(f"option of {dilemma_id!r} called", value, [option.id for option in dilemma.options])
        checked[dilemma_id] = choice if isinstance(choice, str) else dict(choice)
    return checked


def _check_forced_amount(dilemma: str, member: str, value: str, bounds: tuple[int, int]) -> None:
    try:
        amount = parse_money(value)
    except PydanticCustomError as error:
        raise SessionError(f"the forced pledge of {member!r} on {dilemma!r}: {error}") from None
    low, high = bounds
    if not low <= amount <= high:
        raise SessionError(
            f"the forced pledge of {member!r} on {dilemma!r} must be between {format_money(low)} and "
            f"{format_money(high)}, not {format_money(amount)}"
        )
