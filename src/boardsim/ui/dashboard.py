"""Everything the screens show, gathered on the engine's thread into one immutable `Dashboard`.

The controller builds a Dashboard after every engine command and posts it to the app; screens and widgets
only ever read it. Private things are kept apart by who reads what: the projector reads `board` (the
public view) only, a seat screen reads `members[its member]` only, and only the facilitator's console reads
the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from boardsim.core.engine import BoardView, FacilitatorView, MemberView, Stop
from boardsim.core.engine.events import TrustChanged
from boardsim.core.metrics import MetricsSnapshot
from boardsim.core.scenario.model import Scenario

from . import palette
from .digest import History, JournalDigest, NoteRow, TimelineEntry
from .formatting import date_of, short_date

if TYPE_CHECKING:
    from boardsim.core.engine import Session


@dataclass(frozen=True, slots=True)
class MetricSample:
    """The board-level metrics at one moment of the workshop (taken after a command that moved them)."""

    seq: int
    day: int
    board_trust: float
    goal_alignment: float | None
    vote_cohesion: float | None
    resource_alignment: float
    alignment_composite: float | None
    leadership_distribution: float | None

    def values(self) -> tuple[float | None, ...]:
        """The figures alone (a sample is only kept when they move)."""
        return (
            self.board_trust,
            self.goal_alignment,
            self.vote_cohesion,
            self.resource_alignment,
            self.alignment_composite,
            self.leadership_distribution,
        )

    @classmethod
    def of(cls, snapshot: MetricsSnapshot) -> MetricSample:
        return cls(
            snapshot.event_seq,
            snapshot.day,
            snapshot.board_trust,
            snapshot.goal_alignment,
            snapshot.vote_cohesion,
            snapshot.resource_alignment,
            snapshot.alignment_composite,
            snapshot.leadership_distribution,
        )


@dataclass(frozen=True, slots=True)
class UpcomingEntry:
    """Something scheduled (or waiting on a condition) that the facilitator should expect."""

    day: int | None
    date: str
    symbol: str
    colour: str
    text: str


@dataclass(frozen=True, slots=True)
class JournalStatus:
    """Where the journal is saved and whether the last save worked."""

    path: str
    saved_events: int
    error: str = ""


@dataclass(frozen=True, eq=False, slots=True)
class Dashboard:
    """One consistent picture of the run (compared by identity: a new one means something changed)."""

    revision: int
    scenario: Scenario
    facilitator: FacilitatorView
    members: dict[str, MemberView]
    """Member views of the human seats, for their seat screens."""
    stop: Stop | None
    command: str
    """The command that produced this picture ('start', 'advance', 'pause', ...)."""
    humans: dict[str, str]
    """Human seats: member id -> player name."""
    labels: dict[str, str]
    """Member id -> short label for tables."""
    timeline: History[TimelineEntry]
    """Everything that has happened, oldest first."""
    upcoming: tuple[UpcomingEntry, ...]
    trust_changes: History[TrustChanged]
    """Every trust change of the run, oldest first."""
    notes: tuple[NoteRow, ...]
    debrief: tuple[str, ...]
    samples: tuple[MetricSample, ...]
    journal: JournalStatus
    fork: int = 0
    """0 for the original run; n for the n-th fork made by rewinding."""
    waiting_humans: tuple[str, ...] = field(default=())
    """Human seats with a decision outstanding, in scenario order."""

    @property
    def board(self) -> BoardView:
        """The public view: the only part the projector reads."""
        return self.facilitator.board

    @property
    def metrics(self) -> MetricsSnapshot:
        return self.facilitator.metrics

    def seat_title(self, member: str) -> str:
        """'Director of Public Health' — the title shown on the privacy screen."""
        for summary in self.board.members:
            if summary.id == member:
                return summary.seat
        return member

    def member_name(self, member: str) -> str:
        for summary in self.board.members:
            if summary.id == member:
                return summary.name
        return member


def build_dashboard(
    session: Session,
    *,
    facilitator: FacilitatorView,
    revision: int,
    command: str,
    stop: Stop | None,
    digest: JournalDigest,
    samples: tuple[MetricSample, ...],
    journal: JournalStatus,
    fork: int,
) -> Dashboard:
    """Gather a Dashboard from the session and its facilitator view (call on the engine's thread only)."""
    scenario = session.scenario
    humans = {member: seat.name for member, seat in session.seats.items() if seat.kind == "human"}
    members = {member: session.member_view(member) for member in humans}
    waiting = {member for _, member in facilitator.waiting}
    return Dashboard(
        revision=revision,
        scenario=scenario,
        facilitator=facilitator,
        members=members,
        stop=stop,
        command=command,
        humans=humans,
        labels=digest.labels,
        timeline=digest.timeline,
        upcoming=upcoming(scenario, facilitator),
        trust_changes=digest.trust,
        notes=tuple(digest.notes),
        debrief=tuple(digest.debrief),
        samples=samples,
        journal=journal,
        fork=fork,
        waiting_humans=tuple(member.id for member in scenario.members if member.id in humans and member.id in waiting),
    )


def upcoming(scenario: Scenario, view: FacilitatorView) -> tuple[UpcomingEntry, ...]:
    """What is still to come: deadlines, scheduled decisions and news, delayed consequences, conditions."""
    board = view.board
    dated: list[UpcomingEntry] = []
    undated: list[UpcomingEntry] = []

    def on(day: int) -> str:
        return short_date(date_of(scenario, day))

    for decision in board.open_decisions:
        waiting = len(decision.deciders) - len(decision.decided)
        dated.append(
            UpcomingEntry(
                decision.deadline_day,
                on(decision.deadline_day),
                palette.WAITING.symbol,
                palette.WAITING.colour,
                f"Deadline: {decision.title} ({waiting} of {len(decision.deciders)} still to decide)",
            )
        )
    seen = {decision.dilemma for decision in board.open_decisions} | {result.dilemma for result in board.results}
    for dilemma in scenario.dilemmas:
        if dilemma.id in seen:
            continue
        if dilemma.at is not None:
            opens = dilemma.at.day(scenario.calendar.start)
            if opens <= board.horizon_day:
                dated.append(
                    UpcomingEntry(
                        opens,
                        on(opens),
                        palette.PENDING.symbol,
                        palette.PENDING.colour,
                        f"Decision opens: {dilemma.title}",
                    )
                )
        elif dilemma.when is not None:
            undated.append(
                UpcomingEntry(
                    None,
                    "if",
                    palette.PENDING.symbol,
                    palette.PENDING.colour,
                    f"Decision opens when {dilemma.when}: {dilemma.title}",
                )
            )
    for inject in view.injects:
        if inject.status != "pending":
            continue
        if inject.trigger.startswith("at "):
            model = next((item for item in scenario.timeline if item.id == inject.inject), None)
            day = model.at.day(scenario.calendar.start) if model is not None and model.at is not None else None
            if day is not None and day <= board.horizon_day:
                dated.append(
                    UpcomingEntry(day, on(day), palette.NEWS.symbol, palette.NEWS.colour, f"News: {inject.title}")
                )
        elif inject.trigger.startswith("when "):
            undated.append(
                UpcomingEntry(
                    None, "if", palette.NEWS.symbol, palette.NEWS.colour, f"News {inject.trigger}: {inject.title}"
                )
            )
    for effect in view.pending_effects:
        if effect.summary:
            dated.append(
                UpcomingEntry(
                    effect.due_day,
                    on(effect.due_day),
                    palette.PENDING.symbol,
                    palette.GREY,
                    f"Consequence: {effect.summary}",
                )
            )
    dated.sort(key=lambda entry: entry.day if entry.day is not None else 0)
    return tuple(dated + undated)
