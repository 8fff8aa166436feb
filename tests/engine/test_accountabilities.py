"""Accountabilities are monitored continuously: entering and leaving breach are events; decisions that push a
member into (or, once their delayed effects land, towards) breach are flagged as tension."""

from __future__ import annotations

from typing import Any

from boardsim.core.engine import HumanSeat, Session
from boardsim.core.engine.events import BreachEntered, BreachLeft, TensionFlagged

from .support import BASE, build, dilemma, of_type, play


def timeline_moves(*moves: tuple[str, str, str, str]) -> list[dict[str, Any]]:
    return [
        {
            "id": f"move-{index}",
            "at": at,
            "title": f"Move {index}",
            "text": "Money moves.",
            "effects": [{"kind": "move", "from": source, "to": target, "amount": amount}],
        }
        for index, (at, source, target, amount) in enumerate(moves)
    ]


def test_entering_and_leaving_breach_are_journalled_when_the_money_moves() -> None:
    """The icb falls below £15m at 1 month (breach of break-even) and recovers at 3 months."""
    timeline = timeline_moves(("1 month", "icb", "external", "£6m"), ("3 months", "external", "icb", "£6m"))
    session = play(build(timeline=timeline, dilemmas=[dilemma()]))
    (entered,) = of_type(session, BreachEntered)
    (left,) = of_type(session, BreachLeft)
    assert (entered.member, entered.accountability, entered.severity, entered.day) == ("icb", "break-even", "high", 30)
    assert (left.member, left.accountability, left.day) == ("icb", "break-even", 91)
    assert entered.cause_seq is not None
    assert session.runtime.events[entered.cause_seq].type == "inject-landed"


def test_a_member_starting_in_breach_is_journalled_on_day_zero() -> None:
    """An accountability that does not hold at the start is a breach from day 0, with no cause."""
    members = [dict(member) for member in BASE["members"]]
    members[1] = {**members[1], "budget": {"amount": "£10m"}}
    session = play(build(members=members, dilemmas=[dilemma()]))
    first = of_type(session, BreachEntered)[0]
    assert (first.member, first.day, first.cause_seq) == ("icb", 0, None)


def test_breached_reads_the_current_breach_state() -> None:
    """breached("icb") and breached("icb", "break-even") hold while in breach; other accountabilities do not."""
    session = Session.start(build(timeline=timeline_moves(("1 month", "icb", "external", "£6m")), dilemmas=[dilemma()]))
    while session.day < 31 and session.runtime.step():
        pass
    assert session.evaluate('breached("icb")') is True
    assert session.evaluate('breached("icb", "break-even")') is True
    assert session.evaluate('breached("council")') is False


def pooling_vote(option_effects: list[dict[str, Any]]) -> Session:
    options = [{"id": "pool", "label": "Pool", "effects": option_effects}, {"id": "hold", "label": "Hold"}]
    scenario = build(dilemmas=[dilemma(options=options, default="hold")])
    session = Session.start(scenario, forced={"d": "pool"})
    session.advance()
    return session


def test_a_decision_that_puts_a_member_in_breach_is_flagged_as_tension() -> None:
    """The board's choice moves £6m out of the icb at once: the breach and an into-breach tension follow."""
    session = pooling_vote([{"kind": "move", "from": "icb", "to": "fund", "amount": "£6m"}])
    (tension,) = of_type(session, TensionFlagged)
    assert (tension.member, tension.accountability, tension.kind) == ("icb", "break-even", "into-breach")
    assert "Testshire ICB" in tension.sentence
    assert "NHS England" in tension.sentence
    breach = of_type(session, BreachEntered)[0]
    assert breach.seq < tension.seq


def test_a_decision_whose_delayed_effects_will_breach_is_flagged_towards_breach() -> None:
    """A move due in 3 months will take the icb below £15m: tension 'towards-breach' at the decision."""
    session = pooling_vote([{"kind": "move", "from": "icb", "to": "fund", "amount": "£6m", "after": "3 months"}])
    (tension,) = of_type(session, TensionFlagged)
    assert tension.kind == "towards-breach"
    assert tension.day == 30
    assert "Once its delayed effects land" in tension.sentence
    (breach,) = of_type(session, BreachEntered)
    assert breach.day == 30 + 92  # the breach itself arrives with the money, three calendar months later


def test_a_decision_that_keeps_everyone_within_their_duties_raises_no_tension() -> None:
    """A small move leaves the icb above £15m: no tension, no breach."""
    session = pooling_vote([{"kind": "move", "from": "icb", "to": "fund", "amount": "£1m"}])
    assert of_type(session, TensionFlagged) == []
    assert of_type(session, BreachEntered) == []


def test_a_humans_decision_can_also_cause_tension() -> None:
    """Tension is about the decision's consequences, whoever took it: here a human-decided vote."""
    options = [
        {
            "id": "pool",
            "label": "Pool",
            "effects": [{"kind": "move", "from": "council", "to": "fund", "amount": "£11m"}],
        },
        {"id": "hold", "label": "Hold"},
    ]
    scenario = build(dilemmas=[dilemma(options=options, default="hold")])
    session = Session.start(scenario, seats={m: HumanSeat(m) for m in ("council", "icb", "trust")})
    session.advance()
    for member in ("council", "icb", "trust"):
        session.submit(member, "d", option="pool")
    (tension,) = of_type(session, TensionFlagged)
    assert (tension.member, tension.accountability) == ("council", "balanced-budget")
