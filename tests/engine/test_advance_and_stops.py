"""`advance` stops where a human is needed, lets time run on when asked to, and ends at the horizon."""

from __future__ import annotations

import pytest

from boardsim.core.engine import BotSeat, HumanSeat, Session, SessionError
from boardsim.core.engine.events import DecisionMade, DilemmaClosed, DilemmaOpened, RunEnded

from .support import build, dilemma, of_type


def test_an_all_bot_run_goes_straight_to_the_end() -> None:
    """With only bot seats nothing waits on a human: one advance reaches the horizon (day 366)."""
    session = Session.start(build())
    stop = session.advance()
    assert (stop.reason, stop.day, stop.waiting) == ("ended", 366, [])
    assert isinstance(session.events[-1], RunEnded)
    assert session.advance().reason == "ended"


def test_a_dilemma_waiting_on_a_human_stops_the_run_on_its_opening_day() -> None:
    """Bots decide as soon as the dilemma opens; the run stops for the human seat on the same day."""
    session = Session.start(build(), seats={"icb": HumanSeat("Sam")})
    stop = session.advance()
    assert (stop.reason, stop.day, stop.waiting) == ("awaiting-decisions", 30, [("share", "icb")])
    bots = [event.member for event in of_type(session, DecisionMade) if event.source == "bot"]
    assert bots == ["council", "trust"]


def test_the_last_human_decision_closes_the_dilemma_at_once() -> None:
    """When the last outstanding seat decides, the dilemma closes that day: reason all-decided."""
    session = Session.start(build(), seats={"icb": HumanSeat("Sam")})
    session.advance()
    session.submit("icb", "share", option="pool-it")
    (closed,) = of_type(session, DilemmaClosed)
    assert (closed.reason, closed.day) == ("all-decided", 30)


def test_advancing_with_decisions_outstanding_lets_time_run_to_the_deadline() -> None:
    """Calling advance again without deciding lets fictional time run: the deadline passes, defaults apply."""
    session = Session.start(build(), seats={"icb": HumanSeat("Sam")})
    session.advance()
    stop = session.advance()
    assert stop.reason == "ended"
    (closed,) = of_type(session, DilemmaClosed)
    assert (closed.reason, closed.day, closed.defaulted) == ("deadline", 61, ["icb"])


def test_a_when_dilemma_opens_the_moment_its_condition_holds() -> None:
    """A dilemma with `when: waiting > 150` opens on the day an inject pushes waiting over 150."""
    timeline = [
        {
            "id": "surge",
            "at": "2 months",
            "title": "Surge",
            "text": "Waiting rises.",
            "effects": [{"kind": "change", "target": "waiting", "by": 60}],
        }
    ]
    scenario = build(timeline=timeline, dilemmas=[dilemma(at=None, when="waiting > 150")])
    session = Session.start(scenario, seats={"council": HumanSeat("Alex")})
    stop = session.advance()
    (opened,) = of_type(session, DilemmaOpened)
    assert (opened.day, opened.cause) == (61, "condition")
    assert stop.reason == "awaiting-decisions"


def test_dilemmas_still_open_at_the_horizon_close_with_their_defaults() -> None:
    """A dilemma whose deadline is after the horizon closes at the horizon, reason 'horizon'."""
    scenario = build(dilemmas=[dilemma(at="11 months", deadline="3 months", mode={"kind": "individual"})])
    session = Session.start(scenario, seats={"council": HumanSeat("Alex")})
    session.advance()
    assert session.advance().reason == "ended"
    (closed,) = of_type(session, DilemmaClosed)
    assert (closed.reason, closed.day, closed.choices["council"]) == ("horizon", 366, "a")


def test_any_mix_of_human_and_bot_seats_with_dispositions() -> None:
    """Seats not given are bots of the default disposition; given ones keep theirs; the journal header says so."""
    session = Session.start(
        build(), seats={"council": HumanSeat("Alex"), "icb": BotSeat("cautious")}, bots="reciprocator"
    )
    header = session.journal.header
    assert header.seats == {"council": HumanSeat("Alex"), "icb": BotSeat("cautious"), "trust": BotSeat("reciprocator")}


def test_a_bot_seat_cannot_be_submitted_for() -> None:
    """Only human seats submit; a bot seat's decision is the bot's."""
    session = Session.start(build(), seats={"council": HumanSeat("Alex")})
    session.advance()
    with pytest.raises(SessionError, match="played by a bot"):
        session.submit("icb", "share", option="nobody")
