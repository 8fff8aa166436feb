"""Turn journal events into the rows the console shows: the timeline, the trust change log and the notes.

The digest reads each event once (`consume` takes only the new ones) into append-only histories, because a
large board produces thousands of events: forty members deciding once can change trust ~1,500 times. Every
row is kept, so the console can always scroll back to the first one; a Dashboard holds a `History`, a view
of how many rows there were when it was gathered, so handing the histories to the UI costs nothing however
long they grow. The trust log keeps the journal's own `TrustChanged` events (no copy): the change log widget
formats only the rows it draws. It runs on the engine's worker thread.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar, overload

from boardsim.core.engine import Event
from boardsim.core.engine import events as ev
from boardsim.core.scenario.model import NumberMeasure, Scenario

from . import palette
from .formatting import DateLabels, member_labels, money

Row = TypeVar("Row")


class History(Sequence[Row], Generic[Row]):
    """The first `len(self)` rows of a list that is only ever appended to (a snapshot that copies nothing).

    The digest appends on the engine's thread while the UI reads a History made earlier: the UI only reads
    rows below the length the History was made with, which never change.
    """

    __slots__ = ("_length", "_rows")

    def __init__(self, rows: list[Row], length: int | None = None) -> None:
        self._rows = rows
        self._length = len(rows) if length is None else length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        if isinstance(index, slice):
            return self._rows[: self._length][index]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        return self._rows[index]

    def __iter__(self) -> Iterator[Row]:
        rows = self._rows
        for index in range(self._length):
            yield rows[index]

    def extends(self, earlier: History[Row]) -> bool:
        """True if this History is `earlier` with rows added at the end (the same list, no shorter)."""
        return self._rows is earlier._rows and self._length >= earlier._length


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """Something that happened, in a line a facilitator can read out."""

    seq: int
    day: int
    date: str
    symbol: str
    colour: str
    text: str


@dataclass(frozen=True, slots=True)
class NoteRow:
    """An observer's note as journalled."""

    seq: int
    day: int
    date: str
    text: str


class JournalDigest:
    """Append-only, incrementally built histories of a run's events for display."""

    def __init__(self, scenario: Scenario) -> None:
        self._scenario = scenario
        self._names = {member.id: member.name for member in scenario.members}
        self._dilemmas = {dilemma.id: dilemma for dilemma in scenario.dilemmas}
        self._injects = {inject.id: inject.title for inject in scenario.timeline}
        self._date = DateLabels(scenario)
        self.labels = member_labels(scenario.members)
        """Member id -> short label for tables (the same for the whole run)."""
        self.consumed = 0
        self._timeline: list[TimelineEntry] = []
        self._trust: list[ev.TrustChanged] = []
        self.notes: list[NoteRow] = []
        self.debrief: list[str] = []

    def consume(self, events: Sequence[Event]) -> None:
        """Read the events not seen yet (`events` is the whole journal so far)."""
        for index in range(self.consumed, len(events)):
            self._read(events[index])
        self.consumed = len(events)

    @property
    def timeline(self) -> History[TimelineEntry]:
        """Everything that has happened so far, oldest first."""
        return History(self._timeline)

    @property
    def trust(self) -> History[ev.TrustChanged]:
        """Every trust change so far, oldest first."""
        return History(self._trust)

    # ------------------------------------------------------------------------------------------------------

    def _add(self, event: Event, status: palette.Status, text: str) -> None:
        self._timeline.append(
            TimelineEntry(event.seq, event.day, self._date(event.day), status.symbol, status.colour, text)
        )

    def name(self, member: str | None) -> str:
        return self._names.get(member or "", member or "the board")

    def dilemma_title(self, dilemma: str) -> str:
        found = self._dilemmas.get(dilemma)
        return found.title if found is not None else dilemma

    def option_label(self, dilemma: str, option: str | None) -> str:
        if option is None:
            return "no option"
        found = self._dilemmas.get(dilemma)
        for candidate in found.options if found is not None else []:
            if candidate.id == option:
                return candidate.label
        return option

    def _value(self, name: str, value: float | bool) -> str:
        declaration = self._scenario.state.get(name)
        if isinstance(value, bool):
            return "yes" if value else "no"
        shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
        unit = declaration.unit if isinstance(declaration, NumberMeasure) else ""
        return f"{shown} {unit}".strip() if unit and unit != "%" else f"{shown}{unit}"

    def _audience(self, audience: ev.Audience) -> str:
        if audience == "all":
            return "to everyone"
        if audience == "facilitator":
            return "facilitator only"
        return "to " + ", ".join(self.name(member) for member in audience)

    def _read(self, event: Event) -> None:
        if isinstance(event, ev.TrustChanged):
            self._trust.append(event)
        elif isinstance(event, ev.NoteAdded):
            self.notes.append(NoteRow(event.seq, event.day, self._date(event.day), event.text))
            self._add(event, palette.FACILITATOR, f"Observer note: {event.text}")
        elif isinstance(event, ev.RunStarted):
            self._add(event, palette.RUNNING, "The run starts")
        elif isinstance(event, ev.InjectLanded):
            how = " (triggered by the facilitator)" if event.cause == "facilitator" else ""
            self._add(event, palette.NEWS, f"News {self._audience(event.audience)}: {event.title}{how}")
        elif isinstance(event, ev.DilemmaOpened):
            deadline = self._date(event.deadline_day).strip()
            self._add(
                event,
                palette.PENDING,
                f"Decision opens: {event.title} ({event.mode}, {len(event.deciders)} deciders, closes {deadline})",
            )
        elif isinstance(event, ev.DecisionSubmitted):
            self._add(
                event, palette.DECIDED, f"{self.name(event.member)} decided on {self.dilemma_title(event.dilemma)}"
            )
        elif isinstance(event, ev.DecisionMade) and event.source == "default":
            self._add(
                event,
                palette.ABSTAIN,
                f"{self.name(event.member)} did not decide {self.dilemma_title(event.dilemma)} in time: "
                "the default applies",
            )
        elif isinstance(event, ev.DilemmaClosed):
            self._add(event, palette.ENDED, self._closed(event))
        elif isinstance(event, ev.ChoiceLapsed):
            self._add(event, palette.TENSION, f"{self.dilemma_title(event.dilemma)}: {event.reason}")
        elif isinstance(event, ev.Paused):
            self._add(event, palette.PAUSED, "The facilitator paused the run")
        elif isinstance(event, ev.Resumed):
            self._add(event, palette.RUNNING, "The facilitator resumed the run")
        elif isinstance(event, ev.InjectTriggered):
            self._add(
                event, palette.FACILITATOR, f"Facilitator triggered {self._injects.get(event.inject, event.inject)}"
            )
        elif isinstance(event, ev.InjectSkipped):
            self._add(event, palette.SKIPPED, f"Facilitator skipped {self._injects.get(event.inject, event.inject)}")
        elif isinstance(event, ev.ManualInjectOpened):
            self._add(event, palette.FACILITATOR, f"Facilitator's inject: {event.title}")
        elif isinstance(event, ev.DilemmaExtended):
            until = self._date(event.deadline_day).strip()
            self._add(
                event,
                palette.FACILITATOR,
                f"{self.dilemma_title(event.dilemma)} extended by {event.by} (now closes {until})",
            )
        elif isinstance(event, ev.DilemmaCloseRequested):
            self._add(event, palette.FACILITATOR, f"Facilitator closed {self.dilemma_title(event.dilemma)}")
        elif isinstance(event, ev.StateAdjusted):
            note = f" — {event.note}" if event.note else ""
            self._add(
                event,
                palette.FACILITATOR,
                f"Facilitator set {event.name} to {self._value(event.name, event.value)}{note}",
            )
        elif isinstance(event, ev.StateChanged) and event.site != "facilitator":
            note = f" — {event.note}" if event.note else ""
            change = f"{self._value(event.name, event.before)} → {self._value(event.name, event.after)}"
            self._add(event, palette.CHANGE, f"{event.name}: {change}{note}")
        elif isinstance(event, ev.MoneyMoved):
            note = f" — {event.note}" if event.note else ""
            self._add(
                event,
                palette.MONEY,
                f"{money(event.amount)} from {self._account(event.from_account)} "
                f"to {self._account(event.to_account)}{note}",
            )
        elif isinstance(event, ev.CommitmentMade):
            self._add(event, palette.PENDING, f"{self.name(event.maker)} promised: {event.promise}")
        elif isinstance(event, ev.CommitmentSettled):
            status = palette.KEPT if event.kept else palette.BROKEN
            self._add(event, status, f"Promise {status.word} by {self.name(event.maker)}: {event.promise}")
        elif isinstance(event, ev.BreachEntered):
            self._add(
                event,
                palette.BREACH,
                f"{self.name(event.member)} in breach ({event.severity}): {event.description} "
                f"— answers to {event.answers_to}",
            )
        elif isinstance(event, ev.BreachLeft):
            self._add(event, palette.OK, f"{self.name(event.member)} meets {event.accountability} again")
        elif isinstance(event, ev.TensionFlagged):
            self._add(event, palette.TENSION, event.sentence)
        elif isinstance(event, ev.DebriefPromptRaised):
            self.debrief.append(event.prompt)
            self._add(event, palette.FACILITATOR, f"Debrief question: {event.prompt}")
        elif isinstance(event, ev.RunEnded):
            self._add(event, palette.ENDED, "The run ends: the scenario's horizon is reached")

    def _account(self, account: str) -> str:
        if account == "external":
            return "outside the board"
        for pool in self._scenario.pools:
            if pool.id == account:
                return pool.name
        return self.name(account)

    def _closed(self, event: ev.DilemmaClosed) -> str:
        title = self.dilemma_title(event.dilemma)
        if event.defaulted:
            names = ", ".join(self.name(member) for member in event.defaulted)
            title = f"{title} [defaulted: {names}]"
        reason = {
            "all-decided": "everyone decided",
            "deadline": "deadline",
            "facilitator": "closed by the facilitator",
            "horizon": "the run ended",
        }[event.reason]
        if event.mode == "pledge":
            total = sum(event.pledges.values())
            return f"{title} closed ({reason}): {money(total)} pledged"
        outcome = self.option_label(event.dilemma, event.outcome)
        if event.mode == "vote":
            result = "carried" if event.carried else "did not carry — the default applies"
            dissent = f"; dissent: {len(event.dissent)}" if event.dissent else ""
            return f"{title} closed ({reason}): {outcome} {result}{dissent}"
        return f"{title} closed ({reason}): most chose {outcome}"
