"""Commitments: promises members make by choosing options, checked automatically when they fall due.

A promise is made by the option's chooser, its lead, or a named member; it is owed to every other member or
to a list. On its due date its `kept_when` condition is evaluated once: kept or broken is journalled, and the
members it was owed to update their trust in the maker. Promises due after the horizon stay outstanding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from boardsim.core.scenario.model import Commitment

from .clock import PHASE_COMMITMENT
from .effects import resolve_member
from .events import CommitmentMade, CommitmentSettled, EffectSkipped

if TYPE_CHECKING:
    from .runtime import Runtime


@dataclass(slots=True)
class CommitmentRecord:
    """One member's promise: pending until it falls due, then kept or broken."""

    commitment: Commitment
    maker: str
    owed_to: list[str]
    due_day: int
    made_seq: int
    dilemma: str
    option: str
    kept: bool | None = None
    """None while pending."""


class CommitmentBook:
    """Every promise made in the run."""

    def __init__(self, runtime: Runtime) -> None:
        self._rt = runtime
        self.records: list[CommitmentRecord] = []
        self._by_id: dict[str, list[CommitmentRecord]] = {}

    def make(
        self,
        commitment: Commitment,
        dilemma: str,
        option: str,
        *,
        chooser: str | None,
        lead: str | None,
        cause_seq: int,
    ) -> None:
        """Record the promise and put its due date on the calendar."""
        rt = self._rt
        maker = resolve_member(commitment.by, chooser, lead)
        if maker is None or maker not in rt.plan.members:
            rt.record(
                EffectSkipped,
                site=f"dilemma:{dilemma}/option:{option}/commitment:{commitment.id}",
                reason="unresolved-reference",
                detail=f"{commitment.by!r} names no member here, so nobody made this promise",
                cause_seq=cause_seq,
            )
            return
        if commitment.owed_to == "all":
            owed_to = [member for member in rt.plan.members if member != maker]
        else:
            owed_to = [member for member in commitment.owed_to if member != maker and member in rt.plan.members]
        due = rt.plan.day_after(rt.now, commitment.due)
        event = rt.emit(
            CommitmentMade,
            commitment=commitment.id,
            maker=maker,
            promise=commitment.promise,
            owed_to=owed_to,
            due_day=due,
            dilemma=dilemma,
            option=option,
            cause_seq=cause_seq,
        )
        record = CommitmentRecord(commitment, maker, owed_to, due, event.seq, dilemma, option)
        self.records.append(record)
        self._by_id.setdefault(commitment.id, []).append(record)
        rt.at(due, PHASE_COMMITMENT).callbacks.append(lambda _: self._fall_due(record))

    def _fall_due(self, record: CommitmentRecord) -> None:
        rt = self._rt
        kept = rt.context.holds(rt.plan.condition(record.commitment.kept_when))
        record.kept = kept
        event = rt.emit(
            CommitmentSettled,
            commitment=record.commitment.id,
            maker=record.maker,
            kept=kept,
            promise=record.commitment.promise,
            cause_seq=record.made_seq,
        )
        rt.touch(("commitment", record.commitment.id))
        if record.owed_to:
            rows = rt.metrics.record_commitment(
                rt.now, record.commitment.id, record.maker, record.owed_to, kept, record.commitment.promise
            )
            rt.record_trust_changes(event.seq, rows)
        rt.reactions.settle(event.seq)

    def kept(self, commitment: str) -> bool:
        """Every member who made this promise has reached its due date and kept it."""
        records = self._by_id.get(commitment)
        return records is not None and all(record.kept is True for record in records)

    def broken(self, commitment: str) -> bool:
        """Someone who made this promise broke it."""
        return any(record.kept is False for record in self._by_id.get(commitment, ()))
