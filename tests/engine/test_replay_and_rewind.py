"""Replay re-applies a journal's inputs and reproduces it exactly; rewind forks a new session at an earlier
decision point and leaves the original untouched."""

from __future__ import annotations

import pytest

from boardsim.core.engine import HumanSeat, Journal, JournalMismatch, Session, SessionError
from boardsim.core.engine.events import DecisionSubmitted, DilemmaClosed

from .support import build, dilemma

SEATS = {"council": HumanSeat("Alex"), "icb": HumanSeat("Sam")}


def two_dilemmas() -> Session:
    scenario = build(
        dilemmas=[
            dilemma(id="first", at="1 month", options=[{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]),
            dilemma(
                id="second",
                at="3 months",
                mode={"kind": "individual"},
                options=[
                    {"id": "a", "label": "A", "effects": [{"kind": "change", "target": "waiting", "by": -5}]},
                    {"id": "b", "label": "B", "effects": [{"kind": "change", "target": "waiting", "by": 5}]},
                ],
            ),
        ]
    )
    return Session.start(scenario, seed=4, seats=SEATS)


def played_with_inputs() -> Session:
    session = two_dilemmas()
    session.advance()
    session.submit("council", "first", option="b", rationale="r1")
    session.adjust_state("quality", 20, "inspection")
    session.submit("icb", "first", option="a")
    session.advance()
    session.pause()
    session.add_note("a break")
    session.advance()
    session.resume()
    session.submit("council", "second", option="a")
    session.extend_dilemma("second", "1 week")
    session.advance()
    return session


def test_replay_reproduces_a_journal_with_human_and_facilitator_inputs() -> None:
    """Replaying the journal gives the identical journal, state and metrics."""
    live = played_with_inputs()
    replayed = Session.replay(live.scenario, live.journal)
    assert replayed.journal.to_jsonl() == live.journal.to_jsonl()
    assert replayed.state_values() == live.state_values()
    assert replayed.accounts() == live.accounts()
    assert replayed.metrics == live.metrics
    assert replayed.ended


def test_replay_of_an_unfinished_journal_stops_where_it_stopped() -> None:
    """A journal saved mid-run replays to the same point, and the replayed session can play on."""
    live = two_dilemmas()
    live.advance()
    live.submit("council", "first", option="a")
    replayed = Session.replay(live.scenario, live.journal)
    assert replayed.journal == live.journal
    assert not replayed.ended
    replayed.submit("icb", "first", option="a")
    assert replayed.runtime.dilemmas.is_closed("first")


def test_replay_refuses_a_different_scenario() -> None:
    """A journal recorded with one scenario cannot be replayed against an edited one."""
    live = played_with_inputs()
    edited = build(title="Edited")
    with pytest.raises(SessionError, match="different version of scenario"):
        Session.replay(edited, live.journal)


def test_replay_detects_a_tampered_journal() -> None:
    """A consequence edited by hand no longer matches what the engine produces: JournalMismatch at that event."""
    live = played_with_inputs()
    events = list(live.journal.events)
    closed = next(event for event in events if isinstance(event, DilemmaClosed))
    events[closed.seq] = closed.model_copy(update={"outcome": "b"})
    tampered = Journal(header=live.journal.header, events=tuple(events))
    with pytest.raises(JournalMismatch, match=f"at event {closed.seq}"):
        Session.replay(live.scenario, tampered)


def test_replay_reports_an_input_that_no_longer_applies() -> None:
    """An input edited to something the engine refuses is reported, not raised as a traceback."""
    live = played_with_inputs()
    events = list(live.journal.events)
    submitted = next(event for event in events if isinstance(event, DecisionSubmitted))
    events[submitted.seq] = submitted.model_copy(update={"option": "zzz"})
    with pytest.raises(JournalMismatch, match="fails on replay"):
        Session.replay(live.scenario, Journal(header=live.journal.header, events=tuple(events)))


def test_decision_points_are_the_start_and_every_stop() -> None:
    """The start and each point advance stopped at are decision points, oldest first."""
    live = played_with_inputs()
    reasons = [point.reason for point in live.decision_points()]
    assert reasons == ["start", "awaiting-decisions", "awaiting-decisions", "paused"]


def test_rewind_forks_at_an_earlier_point_and_leaves_the_original_untouched() -> None:
    """The fork is the run as it stood at the point; playing it differently does not touch the original."""
    live = played_with_inputs()
    before = live.journal.to_jsonl()
    point = live.decision_points()[1]
    fork = live.rewind(point)
    assert fork.journal.events == live.journal.events[: point.seq]
    fork.submit("council", "first", option="a")
    fork.submit("icb", "first", option="a")
    fork.advance()
    assert fork.evaluate('chosen("first")') == "a"
    assert live.journal.to_jsonl() == before
    assert live.ended
    assert live.evaluate('closed("first")') is True


def test_rewind_then_replaying_the_later_inputs_gives_the_original_journal() -> None:
    """Fork at each point, then follow the original's later inputs: every fork ends as the original journal."""
    live = played_with_inputs()
    for point in live.decision_points():
        fork = live.rewind(point)
        fork.follow(live.journal)
        assert fork.journal.to_jsonl() == live.journal.to_jsonl()


def test_rewind_to_an_unknown_point_is_refused() -> None:
    """Only points this run actually reached can be forked from."""
    live = played_with_inputs()
    with pytest.raises(SessionError, match="no decision point"):
        live.rewind(live.decision_points()[1].seq + 1)


def test_a_fork_that_played_differently_cannot_follow_the_original() -> None:
    """Once a fork has taken another decision, following the original journal reports where they part."""
    live = played_with_inputs()
    fork = live.rewind(live.decision_points()[1])
    fork.submit("council", "first", option="a")  # the original chose "b" here
    with pytest.raises(JournalMismatch, match="diverges"):
        fork.follow(live.journal)
