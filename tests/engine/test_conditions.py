"""Conditions read the live run through the domain functions, and `when` triggers fire the moment what they
read makes them true — re-checked only when something they read changes."""

from __future__ import annotations

from typing import Any

import pytest

from boardsim.core.engine import HumanSeat, Session, build_plan
from boardsim.core.engine.events import InjectLanded
from boardsim.core.engine.plan import dependency_keys

from .support import build, dilemma, of_type, play


def when_inject(condition: str) -> dict[str, Any]:
    return {"id": "alarm", "when": condition, "title": "Alarm", "text": "It happened."}


def test_an_inject_with_when_lands_the_day_its_condition_first_holds_and_only_once() -> None:
    """`when: waiting < 90` lands on the day the board's decision brings waiting to 80, and never again."""
    session = play(build(timeline=[when_inject("waiting < 90")]), forced={"share": "pool-it"})
    (landed,) = of_type(session, InjectLanded)
    assert (landed.day, landed.cause) == (30, "condition")
    assert session.evaluate('fired("alarm")') is True


def test_a_when_condition_true_at_the_start_fires_on_day_zero() -> None:
    """A condition that already holds at the start lands on day 0."""
    session = play(build(timeline=[when_inject("waiting >= 100")]))
    assert of_type(session, InjectLanded)[0].day == 0


def test_elapsed_months_counts_whole_calendar_months() -> None:
    """`elapsed_months() >= 3` lands on 2027-07-01, three calendar months after 2027-04-01 (day 91)."""
    session = play(build(timeline=[when_inject("elapsed_months() >= 3")]))
    assert of_type(session, InjectLanded)[0].day == 91


def test_trust_conditions_see_trust_effects() -> None:
    """A trust effect lowering everyone's trust in the icb sets off `when: trust("council", "icb") < 0.4`."""
    blow = {
        "id": "scandal",
        "at": "2 months",
        "title": "Scandal",
        "text": "Bad news.",
        "effects": [{"kind": "trust", "from": "all", "to": "icb", "by": -3}],
    }
    scenario = build(timeline=[blow, when_inject('trust("council", "icb") < 0.4')], dilemmas=[dilemma()])
    session = play(scenario)
    landed = {event.inject: event.day for event in of_type(session, InjectLanded)}
    assert landed == {"scandal": 61, "alarm": 61}
    assert session.evaluate('trust("council", "icb")') < 0.4


def test_dilemma_functions_read_nothing_until_the_dilemma_closes() -> None:
    """closed/chosen/chosen_by read '' / false before the close and the outcome after it."""
    session = Session.start(build(), seats={"council": HumanSeat("Alex")})
    session.advance()
    assert session.evaluate('closed("share")') is False
    assert session.evaluate('chosen("share")') == ""
    session.submit("council", "share", option="nobody")
    assert session.evaluate('closed("share")') is True
    assert session.evaluate('chosen_by("share", "council")') == "nobody"
    assert session.evaluate('budget("icb") + pool("fund")') == session.budgets()["icb"] + session.pools()["fund"]


@pytest.mark.parametrize(
    ("condition", "keys"),
    [
        ("waiting > 1 and signed", [("state", "signed"), ("state", "waiting")]),
        ('budget("icb") > £1m', [("account", "icb")]),
        ('chosen("share") == "nobody"', [("dilemma", "share")]),
        ('trust("council", "icb") > 0.5', [("trust", "council", "icb"), ("time",)]),
        ('breached("icb") or kept("c") or fired("x")', [("breach", "icb"), ("commitment", "c"), ("inject", "x")]),
        ("elapsed_months() > 2", [("time",)]),
    ],
)
def test_conditions_are_indexed_by_exactly_what_they_read(condition: str, keys: list[tuple[str, ...]]) -> None:
    """A condition is re-checked only when one of these keys changes, never on unrelated events."""
    plan = build_plan(build())
    assert list(dependency_keys(plan.condition(condition))) == keys


def test_a_trigger_reading_only_quality_is_not_re_evaluated_when_waiting_changes() -> None:
    """The reactions index: a change to `waiting` looks up no trigger that reads only `quality`."""
    session = Session.start(build(timeline=[when_inject("quality > 99")]))
    reactions = session.runtime.reactions
    assert reactions._triggers_by_key.get(("state", "waiting"), []) == []
    assert reactions._triggers_by_key[("state", "quality")] == [0]
