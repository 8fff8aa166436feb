"""Dilemmas: opened on schedule or when a condition holds, decided by their seats, closed and resolved.

Each dilemma goes waiting -> open -> closed. When it opens, forced choices and bot seats decide at once; human
seats decide through `submit`. It closes as soon as every decider has decided, when its deadline passes, when
the facilitator closes it, or at the horizon — whichever comes first — and is then resolved (see
`resolution`). Its deadline is a calendar event that follows extensions.
"""

from __future__ import annotations

from functools import partial
from random import Random
from typing import TYPE_CHECKING, Literal

from pydantic_core import PydanticCustomError
from simpy.events import Event as SimEvent

from boardsim.core.bots import decide
from boardsim.core.scenario.model import Dilemma, IndividualMode, Option, PledgeMode, VoteMode
from boardsim.core.scenario.quantities import format_money, parse_money

from .bot_situation import BotSituation
from .clock import PHASE_DEADLINE, PHASE_OPEN
from .errors import SessionError, unknown
from .events import CloseReason, DecisionMade, DecisionSubmitted, DilemmaOpened
from .records import Decision, DilemmaRecord
from .resolution import resolve
from .seats import BotSeat
from .voting import pledge_bounds

if TYPE_CHECKING:
    from .runtime import Runtime


class DilemmaDesk:
    """Opens, collects, closes and answers questions about dilemmas."""

    def __init__(self, runtime: Runtime) -> None:
        self._rt = runtime
        deciders = runtime.plan.deciders
        self.records: dict[str, DilemmaRecord] = {
            dilemma.id: DilemmaRecord(dilemma, deciders[dilemma.id]) for dilemma in runtime.scenario.dilemmas
        }
        self.open_order: list[str] = []
        """Dilemmas in the order they opened."""
        self.attention = False
        """Set when the session's `advance` must look up: a dilemma opened that waits on a human seat, or (when
        stepping by decision) a dilemma closed. The session reads and clears it."""
        self.stop_on_close = False
        """Whether a dilemma closing sets `attention` (the session's `advance(until="decision")`)."""
        self.closed_since: list[str] = []
        """Dilemmas closed since the session last began to advance, in the order they closed."""

    def start(self) -> None:
        """Put the opening of every dilemma with an `at` time on the calendar."""
        rt = self._rt
        for day, dilemma_id in rt.plan.openings:
            rt.call_at(day, PHASE_OPEN, partial(self._opening, dilemma_id))

    def _opening(self, dilemma_id: str, _event: SimEvent) -> None:
        self.open(dilemma_id, "schedule")
        self._rt.reactions.settle(self.records[dilemma_id].opened_seq)

    # -- opening and deciding -----------------------------------------------------------------------------

    def open(self, dilemma_id: str, cause: Literal["schedule", "condition"]) -> None:
        """Put the dilemma to its deciders; bots and forced choices decide now."""
        rt = self._rt
        record = self.records[dilemma_id]
        if record.status != "waiting":
            return
        dilemma = record.dilemma
        record.status = "open"
        record.opened_day = rt.now
        record.deadline_day = rt.plan.day_after(rt.now, dilemma.deadline)
        selectable = [
            option
            for option in dilemma.options
            if option.requires is None or rt.plan.condition(option.requires).evaluator(rt.context)
        ]
        event = rt.emit(
            DilemmaOpened,
            dilemma=dilemma.id,
            title=dilemma.title,
            mode=dilemma.mode.kind,
            deciders=list(record.deciders),
            deadline_day=record.deadline_day,
            cause=cause,
            selectable=[option.id for option in selectable],
        )
        record.opened_seq = event.seq
        self.open_order.append(dilemma_id)
        # Deciding changes nothing in the world, so every seat deciding now sees the same selectable options.
        for member in record.deciders:
            forced = self.forced_decision(dilemma, member)
            if forced is not None:
                self._decide(record, member, forced)
            else:
                seat = rt.seats.get(member)
                if isinstance(seat, BotSeat):
                    self._decide(record, member, self._bot_decision(record, member, seat, selectable))
        if not record.undecided():
            self.close(record, "all-decided")
            return
        self._watch_deadline(record)
        self.attention = True  # whoever is still undecided holds a human seat

    def _decide(self, record: DilemmaRecord, member: str, decision: Decision) -> None:
        record.decisions[member] = decision
        self._rt.emit(
            DecisionMade,
            member=member,
            dilemma=record.dilemma.id,
            option=decision.option,
            amount=decision.amount,
            source=decision.source,
            rationale=decision.rationale,
        )

    def forced_decision(self, dilemma: Dilemma, member: str) -> Decision | None:
        """The forced decision for this member, if the run forces one (validated when the session started)."""
        forced = self._rt.forced.get(dilemma.id)
        value = forced if isinstance(forced, str) else (forced or {}).get(member)
        if value is None:
            return None
        if isinstance(dilemma.mode, PledgeMode):
            amount = parse_money(value)
            return Decision(None, amount, "forced", f"Forced to pledge {format_money(amount)}.")
        return Decision(value, None, "forced", f"Forced to choose {value}.")

    def _bot_decision(self, record: DilemmaRecord, member: str, seat: BotSeat, selectable: list[Option]) -> Decision:
        rt = self._rt
        dilemma = record.dilemma
        situation = BotSituation(rt, dilemma, member, selectable)
        answer = decide(situation, seat.disposition, Random(rt.bot_seed(member, dilemma.id)), explain=rt.explain)
        if isinstance(dilemma.mode, PledgeMode):
            low, high = pledge_bounds(dilemma.mode, member)
            amount = min(max(answer.amount if answer.amount is not None else low, low), high)
            return Decision(None, amount, "bot", answer.rationale)
        if answer.option is None and isinstance(dilemma.mode, VoteMode):
            return Decision(None, None, "bot", answer.rationale)
        if answer.option not in rt.plan.option_ids[dilemma.id]:
            return Decision(dilemma.default, None, "bot", f"{answer.rationale} (took the default)".strip())
        return Decision(answer.option, None, "bot", answer.rationale)

    def submit(
        self, member: str, dilemma_id: str, option: str | None, amount: int | str | None, rationale: str
    ) -> None:
        """A human seat's decision; raises SessionError (and journals nothing) when it cannot be accepted."""
        rt = self._rt
        record = self.records.get(dilemma_id)
        if record is None:
            raise unknown("dilemma", dilemma_id, self.records)
        if member not in rt.plan.members:
            raise unknown("member", member, rt.plan.members)
        dilemma = record.dilemma
        if record.status != "open":
            state = "has not opened yet" if record.status == "waiting" else "is already closed"
            raise SessionError(f"dilemma {dilemma_id!r} {state}")
        if member not in record.deciders:
            raise SessionError(
                f"{member!r} does not decide {dilemma_id!r} (its deciders: {', '.join(record.deciders)})"
            )
        if isinstance(rt.seats.get(member), BotSeat):
            raise SessionError(f"{member!r} is played by a bot and decides for itself")
        if self.forced_decision(dilemma, member) is not None:
            raise SessionError(f"{member!r}'s decision on {dilemma_id!r} is forced in this run")
        decision = self._validated(dilemma, member, option, amount, rationale)
        rt.emit(
            DecisionSubmitted,
            member=member,
            dilemma=dilemma_id,
            option=decision.option,
            amount=decision.amount,
            rationale=rationale,
        )
        record.decisions[member] = decision
        if not record.undecided():
            self.close(record, "all-decided")

    def _validated(
        self, dilemma: Dilemma, member: str, option: str | None, amount: int | str | None, rationale: str
    ) -> Decision:
        mode = dilemma.mode
        if isinstance(mode, PledgeMode):
            if option is not None:
                raise SessionError(f"{dilemma.id!r} takes a pledge: give an amount, not an option")
            if amount is None:
                raise SessionError(f"{dilemma.id!r} takes a pledge: give an amount such as '£2m'")
            pounds = _pounds(amount)
            low, high = pledge_bounds(mode, member)
            if not low <= pounds <= high:
                raise SessionError(
                    f"{member!r} may pledge between {format_money(low)} and {format_money(high)}, "
                    f"not {format_money(pounds)}"
                )
            return Decision(None, pounds, "human", rationale)
        if amount is not None:
            raise SessionError(f"{dilemma.id!r} is decided by choosing an option, not by pledging an amount")
        if option is None:
            if isinstance(mode, IndividualMode):
                raise SessionError(f"{dilemma.id!r} needs an option: {', '.join(o.id for o in dilemma.options)}")
            return Decision(None, None, "human", rationale)
        found = next((candidate for candidate in dilemma.options if candidate.id == option), None)
        if found is None:
            raise unknown(f"option of {dilemma.id!r} called", option, [o.id for o in dilemma.options])
        rt = self._rt
        if found.requires is not None and not rt.context.holds(rt.plan.condition(found.requires)):
            raise SessionError(f"option {option!r} cannot be chosen now: it requires {found.requires}")
        return Decision(option, None, "human", rationale)

    # -- closing ------------------------------------------------------------------------------------------

    def _watch_deadline(self, record: DilemmaRecord) -> None:
        target = record.deadline_day
        assert target is not None
        self._rt.call_at(target, PHASE_DEADLINE, partial(self._deadline, record, target))

    def _deadline(self, record: DilemmaRecord, target: int, _event: SimEvent) -> None:
        if record.status != "open":
            return
        if record.deadline_day != target:  # extended while we waited: wait for the new deadline
            self._watch_deadline(record)
            return
        self.close(record, "deadline")
        self._rt.reactions.settle(record.closed_seq)

    def close(self, record: DilemmaRecord, reason: CloseReason) -> None:
        """Close an open dilemma now and resolve it (defaults apply to deciders who had not decided)."""
        if record.status != "open":
            return
        record.status = "closed"
        record.closed_day = self._rt.now
        record.close_reason = reason
        resolve(self._rt, record, reason)
        self.closed_since.append(record.dilemma.id)
        if self.stop_on_close:
            self.attention = True

    def extend(self, record: DilemmaRecord, days: int) -> None:
        assert record.deadline_day is not None
        record.deadline_day += days

    # -- questions conditions ask ---------------------------------------------------------------------------

    def chosen(self, dilemma_id: str) -> str:
        record = self.records.get(dilemma_id)
        if record is None or record.status != "closed":
            return ""
        return record.outcome or ""

    def was_chosen(self, dilemma_id: str, option: str) -> bool:
        record = self.records.get(dilemma_id)
        return record is not None and record.status == "closed" and option in record.applied

    def chosen_by(self, dilemma_id: str, member: str) -> str:
        record = self.records.get(dilemma_id)
        if record is None or record.status != "closed":
            return ""
        return record.choices.get(member) or ""

    def is_closed(self, dilemma_id: str) -> bool:
        record = self.records.get(dilemma_id)
        return record is not None and record.status == "closed"

    def pledged(self, dilemma_id: str, member: str | None) -> int:
        record = self.records.get(dilemma_id)
        if record is None or record.status != "closed":
            return 0
        if member is None:
            return sum(record.pledges.values())
        return record.pledges.get(member, 0)

    def waiting(self) -> list[tuple[str, str]]:
        """(dilemma, member) pairs still waiting on a human decision, in the order the dilemmas opened."""
        pairs: list[tuple[str, str]] = []
        for dilemma_id in self.open_order:
            record = self.records[dilemma_id]
            if record.status == "open":
                pairs.extend((dilemma_id, member) for member in record.undecided())
        return pairs


def _pounds(amount: int | str) -> int:
    if isinstance(amount, bool):
        raise SessionError("a pledge is an amount of money such as '£2m'")
    if isinstance(amount, int):
        return amount
    try:
        return parse_money(amount)
    except PydanticCustomError as error:
        raise SessionError(str(error)) from None
