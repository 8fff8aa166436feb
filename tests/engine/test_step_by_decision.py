"""`advance(until="decision")` lets a facilitator step an all-bot board through its decisions one at a time."""

from __future__ import annotations

from boardsim.adapters.scenario_loader import load_scenario
from boardsim.core.engine import HumanSeat, Session
from boardsim.core.engine.events import DilemmaClosed
from boardsim.core.scenario.model import Scenario

from .support import SCENARIOS, build, dilemma, of_type

SHIPPED = SCENARIOS / "eastmere-bcf-risk-share.yaml"


def _shipped() -> Scenario:
    result = load_scenario(SHIPPED)
    assert result.scenario is not None
    return result.scenario


def _step_to_the_end(session: Session) -> list[tuple[str, list[str]]]:
    stops = []
    while not session.ended:
        stop = session.advance(until="decision")
        stops.append((stop.reason, stop.decided))
    return stops


def test_an_all_bot_run_stops_once_after_each_dilemma_closes() -> None:
    """Two bot-decided dilemmas: two "decided" stops naming each in turn, then the end with nothing new."""
    scenario = build(dilemmas=[dilemma(id="first"), dilemma(id="second", at="4 months")])
    session = Session.start(scenario)
    assert _step_to_the_end(session) == [("decided", ["first"]), ("decided", ["second"]), ("ended", [])]


def test_a_decided_stop_comes_after_the_dilemma_and_its_consequences_settle() -> None:
    """At the stop the dilemma is closed on its opening day and its immediate effects have landed."""
    options = [
        {"id": "a", "label": "A", "effects": [{"kind": "change", "target": "waiting", "by": 10}]},
        {"id": "b", "label": "B", "effects": [{"kind": "change", "target": "waiting", "by": 10}]},
    ]
    session = Session.start(build(dilemmas=[dilemma(id="first", options=options)]))
    stop = session.advance(until="decision")
    (closed,) = of_type(session, DilemmaClosed)
    assert (stop.reason, stop.day, closed.day) == ("decided", 30, 30)
    assert session.state_values()["waiting"] == 110


def test_stepping_by_decision_plays_the_same_run_as_one_advance() -> None:
    """The shipped scenario stepped decision by decision gives a journal equal, event for event, to one advance."""
    scenario = _shipped()
    stepped = Session.start(scenario, seed=11)
    stops = _step_to_the_end(stepped)
    whole = Session.start(scenario, seed=11)
    whole.advance()
    assert [reason for reason, _ in stops].count("decided") == len(of_type(whole, DilemmaClosed))
    assert stepped.events == whole.events


def test_a_human_decision_closing_before_the_call_is_not_reported_again() -> None:
    """A dilemma closed by a seat's submit is old news: the next step runs on to the next dilemma."""
    scenario = build(dilemmas=[dilemma(id="first"), dilemma(id="second", at="4 months")])
    session = Session.start(scenario, seats={"icb": HumanSeat("Sam")})
    assert session.advance(until="decision").reason == "awaiting-decisions"
    session.submit("icb", "first", option="a")
    stop = session.advance(until="decision")
    assert (stop.reason, stop.waiting) == ("awaiting-decisions", [("second", "icb")])


def test_a_decided_stop_is_a_decision_point_a_fork_can_start_from() -> None:
    """Rewinding to a "decided" point and following the original journal reproduces the original run."""
    scenario = _shipped()
    session = Session.start(scenario, seed=5)
    session.advance(until="decision")
    session.add_note("The room argued about the risk-share for twenty minutes.")
    _step_to_the_end(session)
    (point, *_) = [point for point in session.decision_points() if point.reason == "decided"]
    assert (point.decided, point.label.endswith("decided risk-share")) == (["risk-share"], True)
    fork = session.rewind(point)
    fork.follow(session.journal)
    assert fork.events == session.events


def test_a_note_taken_at_a_decided_stop_replays_where_it_was_taken() -> None:
    """Replaying a journal with an input given at a "decided" stop rebuilds the identical journal."""
    scenario = _shipped()
    session = Session.start(scenario, seed=3)
    session.advance(until="decision")
    session.add_note("Council and ICB disagree openly.")
    session.advance(until="decision")
    session.add_note("The pledge round was quiet.")
    _step_to_the_end(session)
    assert Session.replay(scenario, session.journal).events == session.events
