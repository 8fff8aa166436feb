"""The utility terms a bot computes for an option, checked against hand-worked values."""

from __future__ import annotations

import math
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest

from boardsim.core.bots import CAUTIOUS, ORGANISATION_FIRST, PROFILES, RECIPROCATOR, SYSTEM_FIRST
from boardsim.core.bots.plan import MEASURE_SCALE, plan_for, spread_factor
from boardsim.core.bots.utility import OptionAssessment, assess_options, option_terms, score, weighted_terms
from boardsim.core.impact import priority_score
from boardsim.core.scenario.model import Scenario


@pytest.fixture(scope="module")
def dilemma_scenario(documents: SimpleNamespace, build_scenario: Callable[..., Scenario]) -> Callable[..., Scenario]:
    """A scenario whose one dilemma has the given options, in individual mode unless told otherwise."""

    def build(*options: dict[str, Any], mode: str = "individual") -> Scenario:
        return build_scenario(documents.dilemma(list(options), mode={"kind": mode}))

    return build


def assess(seat: Any, profile: Any = SYSTEM_FIRST) -> dict[str, OptionAssessment]:
    """Every selectable option's assessment for the seat, by option id."""
    plan = plan_for(seat.scenario, seat.member, seat.dilemma)
    return {a.option.id: a for a in assess_options(seat, profile, plan, seat.selectable_options())}


def test_score_is_priority_score_in_utility_units(
    dilemma_scenario: Callable[..., Scenario], documents: SimpleNamespace
) -> None:
    """The pre-divided weighting gives exactly impact.priority_score × MEASURE_SCALE."""
    scenario = dilemma_scenario(documents.option("x"))
    plan = plan_for(scenario, "acute-trust", scenario.dilemmas[0])
    measures = {"delayed_discharges": -45.0, "s75_signed": 1.0}
    expected = priority_score(scenario.members[2].priorities, measures, scenario) * MEASURE_SCALE
    assert score(plan.own_priorities, measures) == pytest.approx(expected)
    assert score(plan.own_priorities, measures) == pytest.approx(0.8 * 45 / 300 * 10)


def test_terms_of_an_option_match_a_hand_computation(
    dilemma_scenario: Callable[..., Scenario], documents: SimpleNamespace, situation: Callable[..., Any]
) -> None:
    """£2m from the ICB (budget £100m: £2m is one unit) and 30 fewer delayed discharges, half of them later."""
    scenario = dilemma_scenario(
        documents.option(
            "fund",
            {"kind": "move", "from": "chooser", "to": "bcf-pool", "amount": "£2m"},
            {"kind": "change", "target": "delayed_discharges", "by": -15},
            {"kind": "change", "target": "delayed_discharges", "by": -15, "after": "6 months"},
        )
    )
    fund = assess(situation(scenario, "icb"), ORGANISATION_FIRST)["fund"]
    keep = 1 - ORGANISATION_FIRST.delay_discount
    assert fund.own_money == pytest.approx(-1.0)
    assert fund.own_priorities == pytest.approx(0.3 * 15 / 300 * 10 * (1 + keep))
    assert fund.shared_purpose == pytest.approx(1.0 * 15 / 300 * 10 * (1 + keep))
    assert fund.planned.exposure == pytest.approx(1.0)
    assert fund.utility == pytest.approx(1.0 * fund.own_priorities + 0.2 * fund.shared_purpose - 1.0 + 0.0 - 0.0)


@pytest.mark.parametrize("profile", list(PROFILES.values()), ids=list(PROFILES))
def test_weighted_terms_add_up_to_the_utility(
    dilemma_scenario: Callable[..., Scenario], documents: SimpleNamespace, situation: Callable[..., Any], profile: Any
) -> None:
    """The explanation's term-by-term contributions sum to the utility the choice was made on."""
    scenario = dilemma_scenario(
        documents.option(
            "mixed",
            {"kind": "move", "from": "external", "to": "chooser", "amount": "£1m"},
            {"kind": "change", "target": "delayed_discharges", "by": -25, "chance": 0.4},
            {"kind": "change", "target": "delayed_discharges", "by": 5, "after": "2 months"},
            {"kind": "trust", "from": "all", "to": "chooser", "by": -1},
        ),
        documents.option("other", {"kind": "move", "from": "chooser", "to": "external", "amount": "£1m"}),
    )
    seat = situation(scenario, "council", breaches={"other": ["balanced-budget"]}, default_trust=0.62)
    for assessment in assess(seat, profile).values():
        assert sum(weighted_terms(profile, assessment).values()) == pytest.approx(assessment.utility)


def test_a_breach_every_option_shares_is_not_held_against_any(
    dilemma_scenario: Callable[..., Scenario], documents: SimpleNamespace, situation: Callable[..., Any]
) -> None:
    """Already in breach whatever it chooses: no option is penalised; a breach only one option causes is."""
    scenario = dilemma_scenario(documents.option("a"), documents.option("b"))
    both = assess(situation(scenario, "acute-trust", breaches={"a": ["no-corridor-care"], "b": ["no-corridor-care"]}))
    assert [a.breaches for a in both.values()] == [(), ()]
    one = assess(situation(scenario, "acute-trust", breaches={"a": ["no-corridor-care"]}))
    assert [b.id for b in one["a"].breaches] == ["no-corridor-care"]
    assert one["a"].breach_units == 2.0  # high severity
    assert one["b"].breaches == ()


def test_a_lone_option_owns_its_breaches(
    dilemma_scenario: Callable[..., Scenario], documents: SimpleNamespace, situation: Callable[..., Any]
) -> None:
    """With one selectable option there is nothing to compare: its breaches count against it."""
    scenario = dilemma_scenario(documents.option("a"), documents.option("b"))
    seat = situation(scenario, "acute-trust", breaches={"a": ["no-corridor-care"]}, unselectable=frozenset({"b"}))
    assert assess(seat)["a"].breach_units == 2.0


def test_pushing_the_budget_below_its_floor_counts_as_a_critical_breach(
    dilemma_scenario: Callable[..., Scenario], documents: SimpleNamespace, situation: Callable[..., Any]
) -> None:
    """The trust has £1m left and no accountability watching its budget: paying £2m counts as critical."""
    scenario = dilemma_scenario(
        documents.option("pay", {"kind": "move", "from": "chooser", "to": "external", "amount": "£2m"}),
        documents.option("hold"),
    )
    pay = assess(situation(scenario, "acute-trust", budgets={"acute-trust": 1_000_000}))["pay"]
    assert pay.floor_breach
    assert pay.breach_units == 4.0


def test_the_floor_is_not_counted_twice_when_an_accountability_watches_the_budget(
    dilemma_scenario: Callable[..., Scenario], documents: SimpleNamespace, situation: Callable[..., Any]
) -> None:
    """The council's balanced-budget duty reads budget("council"): the engine's breach report covers it."""
    scenario = dilemma_scenario(
        documents.option("pay", {"kind": "move", "from": "chooser", "to": "external", "amount": "£2m"}),
        documents.option("hold"),
    )
    pay = assess(situation(scenario, "council", budgets={"council": 1_000_000}))["pay"]
    assert not pay.floor_breach
    assert pay.breach_units == 0.0


def test_trust_earned_is_averaged_over_the_other_members(
    dilemma_scenario: Callable[..., Scenario], documents: SimpleNamespace, situation: Callable[..., Any]
) -> None:
    """+1 from everyone is one unit; +3 from one of the three others is also one unit."""
    scenario = dilemma_scenario(
        documents.option("praised", {"kind": "trust", "from": "all", "to": "chooser", "by": 1}),
        documents.option("thanked", {"kind": "trust", "from": "council", "to": "chooser", "by": 3}),
        documents.option("others", {"kind": "trust", "from": "all", "to": "council", "by": 2}),
    )
    found = assess(situation(scenario, "icb"))
    assert found["praised"].planned.reputation == pytest.approx(1.0)
    assert found["thanked"].planned.reputation == pytest.approx(1.0)
    assert found["others"].planned.reputation == 0.0


@pytest.mark.parametrize(("p", "factor"), [(1.0, 0.0), (0.5, 1.0), (0.2, 2.0), (0.8, 0.5), (0.0, 0.0)])
def test_spread_factor_is_the_bernoulli_ratio(p: float, factor: float) -> None:
    """sd / mean of a p-chance effect is √((1 − p)/p); a sure or impossible effect has none."""
    assert spread_factor(p) == pytest.approx(factor)


def test_a_when_the_bot_cannot_settle_is_a_coin_toss(
    dilemma_scenario: Callable[..., Scenario], documents: SimpleNamespace, situation: Callable[..., Any]
) -> None:
    """A guarded 60-patient cut counts as 30 expected, with the spread of a 50% chance."""
    guarded = {"kind": "change", "target": "delayed_discharges", "by": -60, "when": "delayed_discharges > 50"}
    scenario = dilemma_scenario(documents.option("maybe", guarded), documents.option("nothing"))
    maybe = assess(situation(scenario, "acute-trust"), CAUTIOUS)["maybe"]
    expected_value = (0.8 + 1.0) * 30 / 300 * 10
    assert maybe.own_priorities + maybe.shared_purpose == pytest.approx(expected_value)
    assert maybe.terms.uncertainty == pytest.approx(1.0 * expected_value)


def test_uncertainty_is_the_spread_of_the_value_at_chance(
    dilemma_scenario: Callable[..., Scenario], documents: SimpleNamespace, situation: Callable[..., Any]
) -> None:
    """A 20% chance of 60 fewer delayed discharges: expected 12, spread 2 × the expected own+shared value."""
    scenario = dilemma_scenario(
        documents.option("long-shot", {"kind": "change", "target": "delayed_discharges", "by": -60, "chance": 0.2}),
        documents.option("nothing"),
    )
    found = assess(situation(scenario, "acute-trust"), CAUTIOUS)
    expected_value = (0.8 + 1.0) * 12 / 300 * 10
    assert found["long-shot"].terms.uncertainty == pytest.approx(2.0 * expected_value)
    assert found["nothing"].terms.uncertainty == 0.0


def test_terms_are_memoised_on_the_states_an_option_changes(
    dilemma_scenario: Callable[..., Scenario], documents: SimpleNamespace, situation: Callable[..., Any]
) -> None:
    """States that agree on what the option changes share terms; clamping near the range edge is respected."""
    scenario = dilemma_scenario(
        documents.option("cut", {"kind": "change", "target": "delayed_discharges", "by": -40}),
    )
    plan = plan_for(scenario, "icb", scenario.dilemmas[0])
    planned = plan.options["cut"]
    first = option_terms(planned, plan, {"delayed_discharges": 100.0, "s75_signed": False})
    assert option_terms(planned, plan, {"delayed_discharges": 100.0, "s75_signed": True}) is first
    near_floor = option_terms(planned, plan, {"delayed_discharges": 10.0, "s75_signed": False})
    assert near_floor.shared_now == pytest.approx(10 / 300 * 10)  # clamped at 0: only 10 can go
    assert first.shared_now == pytest.approx(40 / 300 * 10)


def test_in_a_vote_money_to_the_chooser_is_nobodys(
    dilemma_scenario: Callable[..., Scenario], documents: SimpleNamespace, situation: Callable[..., Any]
) -> None:
    """In a vote the board chooses, so `chooser` is no voter: it is not a bribe in each voter's utility."""
    paid = documents.option("paid", {"kind": "move", "from": "external", "to": "chooser", "amount": "£2m"})
    in_vote = assess(situation(dilemma_scenario(paid, mode="vote"), "icb"))["paid"]
    individually = assess(situation(dilemma_scenario(paid), "icb"))["paid"]
    assert in_vote.own_money == 0.0
    assert individually.own_money == pytest.approx(1.0)


def test_only_reciprocators_look_up_trust_and_in_the_members_concerned(
    dilemma_scenario: Callable[..., Scenario], documents: SimpleNamespace, situation: Callable[..., Any]
) -> None:
    """The reciprocator averages its trust over the other deciders, money counterparts, pool hosts and lead."""
    scenario = dilemma_scenario(
        documents.option(
            "to-pool", {"kind": "move", "from": "chooser", "to": "bcf-pool", "amount": "£1m"}, lead="acute-trust"
        )
    )
    trusts = {("icb", "council"): 0.9, ("icb", "acute-trust"): 0.3, ("icb", "healthwatch"): 0.6}
    seat = situation(scenario, "icb", trusts=trusts)
    assert assess(seat, SYSTEM_FIRST)["to-pool"].trust is None
    concerned = assess(seat, RECIPROCATOR)["to-pool"]
    assert concerned.planned.concerned == ("acute-trust", "council", "healthwatch")
    assert concerned.trust == pytest.approx((0.9 + 0.3 + 0.6) / 3)
    assert math.isfinite(concerned.utility)
