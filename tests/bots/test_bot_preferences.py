"""Each disposition prefers what its profile says on crafted dilemmas (checked over many seeds, noise on)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from random import Random
from types import SimpleNamespace
from typing import Any

import pytest

from boardsim.core.bots import PROFILES, BotDecision, DecisionSituation, decide
from boardsim.core.scenario.model import Scenario
from boardsim.core.scenario.types import Disposition

SEEDS = range(50)


def choices(situation: DecisionSituation, disposition: Disposition) -> Counter[str | None]:
    """How often each option is chosen over 50 seeds."""
    return Counter(decide(situation, disposition, Random(seed)).option for seed in SEEDS)


def noiseless(situation: DecisionSituation, disposition: Disposition) -> BotDecision:
    """The decision with the disposition's noise turned off: its pure preference."""
    return decide(situation, dataclasses.replace(PROFILES[disposition], temperature=0.0), Random(0))


@pytest.fixture(scope="module")
def winter_discharge(documents: SimpleNamespace, build_scenario: Callable[..., Scenario]) -> Scenario:
    """Keep £2m of pooled money for yourself (discharges worsen) or put £2m in to fund discharge (they fall)."""
    option, dilemma = documents.option, documents.dilemma
    return build_scenario(
        dilemma(
            [
                option(
                    "keep-funds",
                    {"kind": "move", "from": "bcf-pool", "to": "chooser", "amount": "£2m"},
                    {"kind": "change", "target": "delayed_discharges", "by": 10},
                ),
                option(
                    "fund-discharge",
                    {"kind": "move", "from": "chooser", "to": "bcf-pool", "amount": "£2m"},
                    {"kind": "change", "target": "delayed_discharges", "by": -40},
                ),
                option("wait"),
            ],
            deciders=["icb", "council"],
        )
    )


def test_organisation_first_takes_the_option_that_pays_itself(
    winter_discharge: Scenario, situation: Callable[..., Any]
) -> None:
    """Organisation-first keeps the pooled money for its own budget though discharges get worse."""
    seat = situation(winter_discharge, "icb")
    assert noiseless(seat, "organisation-first").option == "keep-funds"
    assert choices(seat, "organisation-first")["keep-funds"] >= 45


def test_system_first_serves_the_shared_purpose_at_its_own_cost(
    winter_discharge: Scenario, situation: Callable[..., Any]
) -> None:
    """System-first pays £2m out of its own budget because it cuts delayed discharges for the place."""
    seat = situation(winter_discharge, "icb")
    assert noiseless(seat, "system-first").option == "fund-discharge"
    assert choices(seat, "system-first")["fund-discharge"] >= 45


def test_reciprocator_cooperates_when_it_trusts_the_others(
    winter_discharge: Scenario, situation: Callable[..., Any]
) -> None:
    """With high trust in the council (the other decider and the pool's host) it funds discharge."""
    seat = situation(winter_discharge, "icb", trusts={("icb", "council"): 0.85})
    assert noiseless(seat, "reciprocator").option == "fund-discharge"
    assert choices(seat, "reciprocator")["fund-discharge"] >= 45


def test_reciprocator_protects_itself_when_it_distrusts_the_others(
    winter_discharge: Scenario, situation: Callable[..., Any]
) -> None:
    """With low trust in the council the same bot keeps the money: cooperation follows trust."""
    seat = situation(winter_discharge, "icb", trusts={("icb", "council"): 0.15})
    assert noiseless(seat, "reciprocator").option == "keep-funds"
    assert choices(seat, "reciprocator")["keep-funds"] >= 45


@pytest.fixture(scope="module")
def corridor(documents: SimpleNamespace, build_scenario: Callable[..., Scenario]) -> Scenario:
    """A bold option that helps most but breaches the trust's red line, and a modest one that does not."""
    option, dilemma = documents.option, documents.dilemma
    return build_scenario(
        dilemma(
            [
                option("bold", {"kind": "change", "target": "delayed_discharges", "by": -60}),
                option("modest", {"kind": "change", "target": "delayed_discharges", "by": -20}),
            ],
            deciders=["acute-trust", "icb"],
        )
    )


def test_cautious_avoids_the_option_that_breaches_its_red_line(
    corridor: Scenario, situation: Callable[..., Any]
) -> None:
    """Cautious gives up the bigger gain rather than breach its corridor-care red line."""
    seat = situation(corridor, "acute-trust", breaches={"bold": ["no-corridor-care"]})
    assert noiseless(seat, "cautious").option == "modest"
    assert choices(seat, "cautious")["modest"] >= 45


def test_system_first_accepts_a_lesser_breach_for_a_much_bigger_shared_gain(
    corridor: Scenario, situation: Callable[..., Any]
) -> None:
    """The contrast to cautious on the same dilemma: system-first takes the bold option despite the breach."""
    seat = situation(corridor, "acute-trust", breaches={"bold": ["no-corridor-care"]})
    assert noiseless(seat, "system-first").option == "bold"


def test_without_the_breach_cautious_takes_the_bigger_gain(corridor: Scenario, situation: Callable[..., Any]) -> None:
    """It is the breach, not the size of the change, that steers cautious away from the bold option."""
    seat = situation(corridor, "acute-trust")
    assert noiseless(seat, "cautious").option == "bold"


@pytest.fixture(scope="module")
def prevention(documents: SimpleNamespace, build_scenario: Callable[..., Scenario]) -> Callable[[bool], Scenario]:
    """Invest £2m now to cut delayed discharges by 90, either at once or only after a year."""
    option, dilemma = documents.option, documents.dilemma

    def build(delayed: bool) -> Scenario:
        saving: dict[str, Any] = {"kind": "change", "target": "delayed_discharges", "by": -90}
        if delayed:
            saving["after"] = "12 months"
        return build_scenario(
            dilemma(
                [
                    option("invest", {"kind": "move", "from": "chooser", "to": "external", "amount": "£2m"}, saving),
                    option("hold"),
                ]
            )
        )

    return build


def test_organisation_first_is_myopic_about_savings_that_land_later(
    prevention: Callable[[bool], Scenario], situation: Callable[..., Any]
) -> None:
    """Organisation-first invests when the saving lands at once, not when the same saving lands in a year."""
    assert noiseless(situation(prevention(False), "icb"), "organisation-first").option == "invest"
    assert noiseless(situation(prevention(True), "icb"), "organisation-first").option == "hold"


def test_system_first_invests_in_prevention_whose_savings_land_later(
    prevention: Callable[[bool], Scenario], situation: Callable[..., Any]
) -> None:
    """System-first takes the long view: a year's delay barely changes the value of the saving."""
    assert noiseless(situation(prevention(True), "icb"), "system-first").option == "invest"


@pytest.fixture(scope="module")
def gamble(documents: SimpleNamespace, build_scenario: Callable[..., Scenario]) -> Scenario:
    """A sure modest cut, or a 50% chance of a cut three times as big (a better expected value)."""
    option, dilemma = documents.option, documents.dilemma
    return build_scenario(
        dilemma(
            [
                option("sure-thing", {"kind": "change", "target": "delayed_discharges", "by": -20}),
                option("long-shot", {"kind": "change", "target": "delayed_discharges", "by": -60, "chance": 0.5}),
            ]
        )
    )


def test_cautious_prefers_the_sure_thing_to_a_better_gamble(gamble: Scenario, situation: Callable[..., Any]) -> None:
    """Risk aversion: cautious takes the certain cut although the gamble's expected cut is larger."""
    assert noiseless(situation(gamble, "acute-trust"), "cautious").option == "sure-thing"


def test_system_first_takes_the_better_expected_value(gamble: Scenario, situation: Callable[..., Any]) -> None:
    """Nearly risk-neutral, system-first takes the gamble with the larger expected cut."""
    assert noiseless(situation(gamble, "acute-trust"), "system-first").option == "long-shot"
