"""Bot seats decide when a dilemma opens, from what the engine tells them (its DecisionSituation), each from
its own seeded stream."""

from __future__ import annotations

import pytest

from boardsim.core.engine import BotSeat, HumanSeat, Session
from boardsim.core.engine.bot_situation import BotSituation
from boardsim.core.engine.events import DecisionMade

from .support import build, dilemma, of_type, play


def test_bot_decisions_are_journalled_with_their_rationale() -> None:
    """Each bot's decision is a DecisionMade (source bot) with a sentence saying why."""
    session = play(build(), seed=2)
    decisions = of_type(session, DecisionMade)
    assert [event.member for event in decisions] == ["council", "icb", "trust"]
    assert all(event.source == "bot" and event.rationale for event in decisions)


def test_a_bots_decision_does_not_depend_on_who_holds_the_other_seats() -> None:
    """The icb bot draws from its own stream: making the council a human seat does not change its choice."""
    all_bots = play(build(), seed=8)
    with_human = Session.start(build(), seed=8, seats={"council": HumanSeat("Alex")})
    with_human.advance()

    def icb_choice(session: Session) -> str | None:
        return next(event.option for event in of_type(session, DecisionMade) if event.member == "icb")

    assert icb_choice(all_bots) == icb_choice(with_human)


def situation(member: str = "icb", **dilemma_fields: object) -> BotSituation:
    scenario = build(dilemmas=[dilemma(**dilemma_fields)])
    session = Session.start(scenario, seats={member: BotSeat("cautious")})
    return BotSituation(session.runtime, scenario.dilemmas[0], member)


def test_selectable_options_are_those_whose_requires_holds_now() -> None:
    """An option requiring `waiting > 200` is not offered while waiting is 100."""
    options = [{"id": "a", "label": "A", "requires": "waiting > 200"}, {"id": "b", "label": "B"}]
    assert [option.id for option in situation(options=options).selectable_options()] == ["b"]


def test_breaches_if_reports_the_members_own_accountabilities_an_option_would_breach() -> None:
    """Moving £6m out of the icb at once would breach its break-even duty; a delayed move is not counted."""
    options = [
        {"id": "now", "label": "Now", "effects": [{"kind": "move", "from": "icb", "to": "fund", "amount": "£6m"}]},
        {
            "id": "later",
            "label": "Later",
            "effects": [{"kind": "move", "from": "icb", "to": "fund", "amount": "£6m", "after": "1 month"}],
        },
    ]
    bot = situation(options=options)
    assert [item.id for item in bot.breaches_if(bot.dilemma.options[0])] == ["break-even"]
    assert bot.breaches_if(bot.dilemma.options[1]) == []


def test_breaches_if_binds_chooser_in_individual_mode() -> None:
    """In individual mode `chooser` is the bot's own member: giving £11m from the chooser breaches council."""
    options = [
        {
            "id": "give",
            "label": "Give",
            "effects": [{"kind": "move", "from": "chooser", "to": "fund", "amount": "£11m"}],
        }
    ]
    bot = situation("council", options=options, mode={"kind": "individual"}, default="give")
    assert [item.id for item in bot.breaches_if(bot.dilemma.options[0])] == ["balanced-budget"]


def test_pledge_bounds_follow_the_members_own_bounds() -> None:
    """Per-member bounds replace the mode's; a non-pledge dilemma has none."""
    mode = {"kind": "pledge", "pool": "fund", "max": "£2m", "bounds": {"icb": {"min": "£1m", "max": "£4m"}}}
    assert situation(mode=mode, options=[], default="£0").pledge_bounds() == (1_000_000, 4_000_000)
    assert situation("trust", mode=mode, options=[], default="£0").pledge_bounds() == (0, 2_000_000)
    with pytest.raises(ValueError, match="does not take pledges"):
        situation().pledge_bounds()


def test_the_situation_reports_live_state_budgets_and_trust() -> None:
    """State values, budgets and trust are the run's own, now."""
    bot = situation()
    assert bot.state_values()["waiting"] == 100
    assert bot.budget("icb") == 20_000_000
    assert bot.trust("council", "icb") == 0.5
