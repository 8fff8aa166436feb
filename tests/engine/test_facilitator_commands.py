"""Every facilitator command: journalled as an input, applied at once, refused with a clear message when it
cannot be carried out (and then leaving no trace in the journal)."""

from __future__ import annotations

from typing import Any

import pytest

from boardsim.core.engine import HumanSeat, Session, SessionError
from boardsim.core.engine.events import (
    DilemmaClosed,
    DilemmaCloseRequested,
    DilemmaExtended,
    InjectLanded,
    InjectSkipped,
    InjectTriggered,
    ManualInjectOpened,
    NoteAdded,
    Paused,
    Resumed,
    StateAdjusted,
    StateChanged,
    TrustChanged,
)

from .support import build, dilemma, of_type

TIMELINE = [
    {
        "id": "letter",
        "at": "6 months",
        "title": "Letter",
        "text": "A letter.",
        "effects": [{"kind": "change", "target": "waiting", "by": 7}],
    },
    {"id": "spare", "manual": True, "title": "Spare", "text": "Only by hand.", "audience": "facilitator"},
]


def humans_session(**overrides: Any) -> Session:
    scenario = build(timeline=TIMELINE, dilemmas=[dilemma(**overrides)])
    return Session.start(scenario, seats={m: HumanSeat(m) for m in ("council", "icb", "trust")})


def test_pause_stops_time_until_resume() -> None:
    """While paused, advance returns 'paused' without moving time; after resume it runs on."""
    session = humans_session()
    session.pause()
    stop = session.advance()
    assert (stop.reason, stop.day) == ("paused", 0)
    assert session.advance().day == 0
    session.resume()
    assert session.advance().reason == "awaiting-decisions"
    assert [type(event) for event in session.events if isinstance(event, Paused | Resumed)] == [Paused, Resumed]


def test_pause_twice_and_resume_without_pause_are_refused() -> None:
    """Pausing a paused run, or resuming a running one, is an error that journals nothing."""
    session = humans_session()
    with pytest.raises(SessionError, match="not paused"):
        session.resume()
    session.pause()
    with pytest.raises(SessionError, match="already paused"):
        session.pause()
    assert len(of_type(session, Paused)) == 1


def test_trigger_inject_lands_a_scheduled_inject_now_and_not_again_on_its_day() -> None:
    """Triggered on day 0, the 6-month letter lands at once with its effects, and not again at 6 months."""
    session = humans_session()
    session.trigger_inject("letter")
    (landed,) = of_type(session, InjectLanded)
    (triggered,) = of_type(session, InjectTriggered)
    assert (landed.day, landed.cause, landed.cause_seq) == (0, "facilitator", triggered.seq)
    assert session.state_values()["waiting"] == 107
    assert session.advance().reason == "awaiting-decisions"
    session.close_dilemma("d")
    assert session.advance().reason == "ended"
    assert len(of_type(session, InjectLanded)) == 1
    assert session.state_values()["waiting"] == 107


def test_trigger_inject_refuses_unknown_or_already_landed_injects() -> None:
    """An unknown id gets a did-you-mean; an inject that has landed cannot land again."""
    session = humans_session()
    with pytest.raises(SessionError, match="did you mean 'letter'"):
        session.trigger_inject("leter")
    session.trigger_inject("spare")
    with pytest.raises(SessionError, match="already landed"):
        session.trigger_inject("spare")


def test_skip_inject_strikes_it_from_the_run() -> None:
    """A skipped inject never lands, on schedule or by hand."""
    session = humans_session()
    session.skip_inject("letter")
    assert len(of_type(session, InjectSkipped)) == 1
    with pytest.raises(SessionError, match="was skipped"):
        session.trigger_inject("letter")
    session.advance()
    session.close_dilemma("d")
    session.advance()
    assert of_type(session, InjectLanded) == []
    assert session.state_values()["waiting"] == 100


def test_manual_inject_lands_with_its_effects_and_audience() -> None:
    """A facilitator's inject is journalled with its effects, lands at once, and reaches only its audience."""
    session = humans_session()
    inject_id = session.manual_inject(
        "Press story",
        "The local paper runs a story.",
        audience=["icb"],
        effects=[
            {"kind": "change", "target": "quality", "by": -5},
            {"kind": "trust", "from": "all", "to": "icb", "by": -1},
        ],
    )
    assert inject_id == "manual-1"
    (opened,) = of_type(session, ManualInjectOpened)
    assert len(opened.effects) == 2
    assert session.state_values()["quality"] == 45
    assert len(of_type(session, TrustChanged)) == 2
    assert [item.title for item in session.member_view("icb").inbox] == ["Press story"]
    assert session.member_view("council").inbox == []


@pytest.mark.parametrize(
    ("effects", "audience", "words"),
    [
        ([{"kind": "change", "target": "wating", "by": 1}], "all", "did you mean 'waiting'"),
        ([{"kind": "move", "from": "icb", "to": "nowhere", "amount": "£1m"}], "all", "no account 'nowhere'"),
        ([{"kind": "change", "target": "waiting"}], "all", "exactly one of"),
        ([], ["councill"], "did you mean 'council'"),
        ([], "everyone", "audience"),
    ],
)
def test_manual_inject_refuses_bad_effects_or_audience(
    effects: list[dict[str, Any]], audience: Any, words: str
) -> None:
    """A bad effect or audience is refused with a readable message, before anything is journalled."""
    session = humans_session()
    before = len(session.events)
    with pytest.raises(SessionError, match=words):
        session.manual_inject("Oops", "Bad.", audience=audience, effects=effects)
    assert len(session.events) == before


def test_extend_dilemma_moves_the_deadline_later() -> None:
    """Opened on day 30 with a 1 month deadline (day 61); extended by 2 weeks it closes on day 75."""
    session = humans_session()
    session.advance()
    session.extend_dilemma("d", "2 weeks")
    (extended,) = of_type(session, DilemmaExtended)
    assert extended.deadline_day == 75
    session.advance()
    (closed,) = of_type(session, DilemmaClosed)
    assert (closed.reason, closed.day) == ("deadline", 75)


def test_extend_and_close_refuse_a_dilemma_that_is_not_open() -> None:
    """Before it opens, a dilemma cannot be extended or closed; a bad duration is refused too."""
    session = humans_session()
    with pytest.raises(SessionError, match="not open"):
        session.extend_dilemma("d", "1 week")
    with pytest.raises(SessionError, match="not open"):
        session.close_dilemma("d")
    session.advance()
    with pytest.raises(SessionError, match="not a duration"):
        session.extend_dilemma("d", "soon")


def test_close_dilemma_closes_now_and_defaults_apply() -> None:
    """Closed by the facilitator on the day it opened, with the defaults for everyone who had not decided."""
    session = humans_session(mode={"kind": "individual"})
    session.advance()
    session.submit("council", "d", option="b")
    session.close_dilemma("d")
    (requested,) = of_type(session, DilemmaCloseRequested)
    (closed,) = of_type(session, DilemmaClosed)
    assert closed.seq > requested.seq
    assert (closed.reason, closed.day) == ("facilitator", 30)
    assert closed.choices == {"council": "b", "icb": "a", "trust": "a"}


def test_adjust_state_sets_a_value_with_a_note_and_clamps_numbers() -> None:
    """Adjusting is journalled with its note, then the change itself; numbers are clamped to the range."""
    session = humans_session()
    session.adjust_state("waiting", 999, "Winter surge")
    (adjusted,) = of_type(session, StateAdjusted)
    (changed,) = of_type(session, StateChanged)
    assert (adjusted.value, adjusted.note) == (999, "Winter surge")
    assert (changed.after, changed.site, changed.cause_seq) == (300, "facilitator", adjusted.seq)
    session.adjust_state("signed", True)
    assert session.state_values()["signed"] is True


@pytest.mark.parametrize(("name", "value", "words"), [("signed", 1, "is a flag"), ("waiting", True, "is a number")])
def test_adjust_state_refuses_the_wrong_kind_of_value(name: str, value: Any, words: str) -> None:
    """A flag takes true/false, a number takes a number."""
    session = humans_session()
    with pytest.raises(SessionError, match=words):
        session.adjust_state(name, value)


def test_add_note_is_kept_in_the_journal_even_after_the_end() -> None:
    """Observer notes are journalled; they are allowed after the run has ended, for the debrief."""
    session = humans_session()
    session.add_note("Council hesitated before voting.")
    session.advance()
    session.close_dilemma("d")
    assert session.advance().reason == "ended"
    session.add_note("Debrief: trust in the icb rose.")
    assert [note.text for note in of_type(session, NoteAdded)] == [
        "Council hesitated before voting.",
        "Debrief: trust in the icb rose.",
    ]
    with pytest.raises(SessionError, match="empty"):
        session.add_note("   ")


def test_commands_other_than_notes_are_refused_after_the_end() -> None:
    """Once the horizon is reached, the run's state is final."""
    session = Session.start(build())
    session.advance()
    with pytest.raises(SessionError, match="has ended"):
        session.adjust_state("waiting", 1)
