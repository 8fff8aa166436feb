"""Pledges: always within bounds, round money, and sized by disposition, trust and the member's budget."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from random import Random
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boardsim.core.bots import PROFILES, decide
from boardsim.core.bots.pledge import money_step, round_pledge
from boardsim.core.scenario.model import Scenario
from boardsim.core.scenario.types import Disposition

PLEDGE_MODE = {"kind": "pledge", "pool": "bcf-pool", "min": "£0", "max": "£5m"}


@pytest.fixture(scope="module")
def pledge(documents: SimpleNamespace, build_scenario: Callable[..., Scenario]) -> Callable[[bool], Scenario]:
    """A pledge into the BCF pool, £0–£5m each; with `pays_off`, a full pot cuts delayed discharges."""

    def build(pays_off: bool) -> Scenario:
        on_close = []
        if pays_off:
            on_close = [
                {
                    "kind": "change",
                    "target": "delayed_discharges",
                    "by": -60,
                    "when": 'pledged("the-dilemma") >= £8m',
                }
            ]
        return build_scenario(documents.dilemma([], mode=PLEDGE_MODE, on_close=on_close, deciders=["council", "icb"]))

    return build


def median_pledge(scenario: Scenario, situation: Callable[..., Any], disposition: Disposition, **fields: Any) -> float:
    """The median amount over 30 seeds (the pledge jitters a little by seed)."""
    amounts = []
    for seed in range(30):
        amount = decide(situation(scenario, "icb", **fields), disposition, Random(seed)).amount
        assert amount is not None
        amounts.append(amount)
    return statistics.median(amounts)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    disposition=st.sampled_from(list(PROFILES)),
    low=st.integers(0, 20_000_000),
    width=st.integers(0, 20_000_000),
    budget=st.integers(-5_000_000, 200_000_000),
    trust=st.floats(0.0, 1.0),
    seed=st.integers(0, 2**32),
    pays_off=st.booleans(),
    member=st.sampled_from(["icb", "council", "healthwatch"]),
)
def test_pledges_always_fall_within_the_members_bounds(
    pledge: Callable[[bool], Scenario],
    situation: Callable[..., Any],
    disposition: Disposition,
    low: int,
    width: int,
    budget: int,
    trust: float,
    seed: int,
    pays_off: bool,
    member: str,
) -> None:
    """Whatever the disposition, budget (even below its floor), trust and seed, min ≤ amount ≤ max."""
    seat = situation(pledge(pays_off), member, bounds=(low, low + width), budgets={member: budget}, default_trust=trust)
    decision = decide(seat, disposition, Random(seed))
    assert decision.option is None
    assert decision.amount is not None
    assert low <= decision.amount <= low + width
    assert decision.rationale.startswith("Pledged ")


def test_dispositions_pledge_in_their_documented_order(
    pledge: Callable[[bool], Scenario], situation: Callable[..., Any]
) -> None:
    """System-first gives generously, cautious and reciprocator (at neutral trust) a middling amount,
    organisation-first the minimum when the pledge does nothing for its own priorities."""
    scenario = pledge(False)
    generous = median_pledge(scenario, situation, "system-first")
    middling = median_pledge(scenario, situation, "cautious")
    reciprocal = median_pledge(scenario, situation, "reciprocator")
    least = median_pledge(scenario, situation, "organisation-first")
    assert generous >= 3_500_000
    assert 1_500_000 <= middling <= 3_500_000
    assert 1_500_000 <= reciprocal <= 3_500_000
    assert least <= 250_000


def test_organisation_first_gives_more_when_its_own_priorities_gain(
    pledge: Callable[[bool], Scenario], situation: Callable[..., Any]
) -> None:
    """When the pot pays for what the ICB itself wants (fewer delayed discharges), it gives above the minimum."""
    assert median_pledge(pledge(True), situation, "organisation-first") >= 1_500_000


def test_reciprocator_pledges_more_to_partners_it_trusts(
    pledge: Callable[[bool], Scenario], situation: Callable[..., Any]
) -> None:
    """High trust in the other contributors raises its pledge; low trust lowers it."""
    scenario = pledge(False)
    trusting = median_pledge(scenario, situation, "reciprocator", default_trust=0.85)
    wary = median_pledge(scenario, situation, "reciprocator", default_trust=0.15)
    assert trusting >= 4_000_000
    assert wary <= 500_000


def test_cautious_keeps_its_budget_above_its_floor(
    pledge: Callable[[bool], Scenario], situation: Callable[..., Any]
) -> None:
    """With £3m left above a £0 floor, cautious puts at most half of that headroom at risk."""
    for seed in range(30):
        seat = situation(pledge(False), "icb", budgets={"icb": 3_000_000})
        amount = decide(seat, "cautious", Random(seed)).amount
        assert amount is not None
        assert amount <= 1_500_000


def test_a_member_without_a_budget_pledges_its_minimum(
    pledge: Callable[[bool], Scenario], situation: Callable[..., Any]
) -> None:
    """Healthwatch has no money in play, so even system-first pledges only what its bounds force."""
    seat = situation(pledge(False), "healthwatch", bounds=(100_000, 5_000_000))
    decision = decide(seat, "system-first", Random(0))
    assert decision.amount == 100_000
    assert "no budget in play" in decision.rationale


def test_a_fixed_pledge_is_taken_as_it_is(pledge: Callable[[bool], Scenario], situation: Callable[..., Any]) -> None:
    """When min equals max there is nothing to decide: the bot pledges that amount."""
    seat = situation(pledge(False), "icb", bounds=(2_000_000, 2_000_000))
    assert decide(seat, "organisation-first", Random(0)).amount == 2_000_000


@pytest.mark.parametrize(
    ("span", "step"), [(5_000_000, 10_000), (50_000_000, 100_000), (500_000_000, 1_000_000), (200_000, 1_000), (50, 1)]
)
def test_pledge_rounding_step_suits_the_range(span: int, step: int) -> None:
    """Steps are £1k, £10k, £100k or £1m: the largest no bigger than a hundredth of the range (else £1)."""
    assert money_step(span) == step


def test_rounding_never_rounds_up_past_the_cap_and_the_bounds_win() -> None:
    """A cap of £1,234,567 rounds down to £1.23m; a cap below the minimum still gives the minimum."""
    assert round_pledge(1_234_567, 0, 5_000_000, cap=1_234_567) == 1_230_000
    assert round_pledge(2_000_000, 500_000, 5_000_000, cap=100_000) == 500_000
    assert round_pledge(4_999_999, 0, 5_000_000, cap=None) == 5_000_000


def test_pledges_inside_the_bounds_are_round_money(
    pledge: Callable[[bool], Scenario], situation: Callable[..., Any]
) -> None:
    """Bots pledge sensible sums (multiples of £10k on a £5m range), not £2,347,112."""
    for disposition in PROFILES:
        for seed in range(10):
            amount = decide(situation(pledge(False), "icb"), disposition, Random(seed)).amount
            assert amount is not None
            assert amount % 10_000 == 0


def test_a_pledge_rationale_gives_the_reasons_that_moved_it(
    pledge: Callable[[bool], Scenario], situation: Callable[..., Any]
) -> None:
    """Reasons pointing the way the pledge went follow 'because'; those pulling against it follow 'although'."""
    seat = situation(pledge(True), "icb", default_trust=0.2)
    decision = decide(seat, "reciprocator", Random(1))
    assert decision.amount == 0
    assert decision.rationale == (
        "Pledged £0 of £0–£5m: it gives as little as it can because it does not trust the other contributors "
        "(average trust 0.20), although its own priorities gain from what the pledge pays for."
    )


def test_a_capped_pledge_says_it_was_capped(pledge: Callable[[bool], Scenario], situation: Callable[..., Any]) -> None:
    """Cautious with £3m above its floor explains that it held back to keep a margin."""
    decision = decide(situation(pledge(False), "icb", budgets={"icb": 3_000_000}), "cautious", Random(1))
    assert decision.amount == 1_500_000
    assert decision.rationale.endswith(", capped to keep a safe margin above its budget floor.")
