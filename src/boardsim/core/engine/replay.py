"""Replaying a journal: re-apply its inputs at the same journal positions and check the rest comes out equal.

A live session only takes inputs between `advance` calls, and `advance` only returns at points the engine
chooses deterministically. So the replay drives a fresh session with the same loop — advance, then apply every
input whose recorded `seq` is the journal's current length — and the inputs land exactly where they did live.
The replay advances by decision (`until="decision"`), which stops at every point either way of advancing
stops at, so an input given after a facilitator stepped to a decision lands where it did too.
Bot decisions and every consequence are regenerated, then compared event by event with the journal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .errors import JournalMismatch, SessionError
from .events import (
    DecisionSubmitted,
    DilemmaCloseRequested,
    DilemmaExtended,
    Event,
    InjectSkipped,
    InjectTriggered,
    ManualInjectOpened,
    NoteAdded,
    Paused,
    Resumed,
    StateAdjusted,
)

if TYPE_CHECKING:
    from .session import Session


def replay_into(session: Session, recorded: Sequence[Event], upto: int) -> None:
    """Bring `session` to where `recorded[:upto]` leaves off; raise JournalMismatch if it cannot.

    The session may be fresh or already part-way: what it has produced so far must be a prefix of `recorded`.
    """
    produced = session.runtime.events
    start = len(produced)
    for seq in range(start):
        if seq >= len(recorded) or produced[seq] != recorded[seq]:
            _diverged(recorded, produced, seq)
    inputs = [event for event in recorded[start:upto] if event.INPUT]
    position = 0
    while True:
        while position < len(inputs) and inputs[position].seq == len(produced):
            _apply(session, inputs[position])
            position += 1
        if len(produced) >= upto:
            break
        if position < len(inputs) and inputs[position].seq < len(produced):
            _diverged(recorded, produced, inputs[position].seq)
        if session.ended:
            _diverged(recorded, produced, len(produced))
        stop = session.advance(until="decision")
        if stop.reason == "paused" and not (position < len(inputs) and inputs[position].seq == len(produced)):
            raise JournalMismatch(
                f"the journal is paused at event {len(produced)} but goes on without resuming: it is not a journal "
                "this engine wrote"
            )
    if len(produced) != upto:
        _diverged(recorded, produced, upto)
    for seq in range(start, upto):
        if produced[seq] != recorded[seq]:
            _diverged(recorded, produced, seq)


def _diverged(recorded: Sequence[Event], produced: Sequence[Event], seq: int) -> None:
    for index in range(min(len(recorded), len(produced), seq + 1)):
        if recorded[index] != produced[index]:
            seq = index
            break
    expected = recorded[seq].type if seq < len(recorded) else "the end of the journal"
    got = produced[seq].type if seq < len(produced) else "nothing more"
    raise JournalMismatch(
        f"the replay diverges from the journal at event {seq}: the journal has {expected}, the engine produced {got} "
        "(the journal was written by a different engine version, or edited)"
    )


def _apply(session: Session, event: Event) -> None:
    try:
        if isinstance(event, DecisionSubmitted):
            session.submit(event.member, event.dilemma, event.option, event.amount, event.rationale)
        elif isinstance(event, Paused):
            session.pause()
        elif isinstance(event, Resumed):
            session.resume()
        elif isinstance(event, InjectTriggered):
            session.trigger_inject(event.inject)
        elif isinstance(event, InjectSkipped):
            session.skip_inject(event.inject)
        elif isinstance(event, ManualInjectOpened):
            session.manual_inject(event.title, event.text, event.audience, event.effects)
        elif isinstance(event, DilemmaExtended):
            session.extend_dilemma(event.dilemma, event.by)
        elif isinstance(event, DilemmaCloseRequested):
            session.close_dilemma(event.dilemma)
        elif isinstance(event, StateAdjusted):
            session.adjust_state(event.name, event.value, event.note)
        elif isinstance(event, NoteAdded):
            session.add_note(event.text)
        else:  # pragma: no cover - every INPUT event type is handled above
            raise JournalMismatch(f"event {event.seq} ({event.type}) is not an input")
    except JournalMismatch:
        raise
    except SessionError as error:
        raise JournalMismatch(
            f"the journal's input at event {event.seq} ({event.type}) fails on replay: {error}"
        ) from None
