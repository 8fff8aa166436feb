"""The memoised per-seat preparation: reused for the very same scenario, never confused between scenarios."""

from __future__ import annotations

from collections.abc import Callable
from random import Random
from types import SimpleNamespace
from typing import Any

from boardsim.core.bots import decide
from boardsim.core.bots.plan import MONEY_UNIT_SHARE, plan_for
from boardsim.core.scenario.model import Scenario


def _scenario(documents: SimpleNamespace, build_scenario: Callable[..., Scenario], by: int) -> Scenario:
    return build_scenario(
        documents.dilemma(
            [
                documents.option("act", {"kind": "change", "target": "delayed_discharges", "by": by}),
                documents.option("hold"),
            ]
        )
    )


def test_the_same_scenario_reuses_its_plan(documents: SimpleNamespace, build_scenario: Callable[..., Scenario]) -> None:
    """A second decision for the same seat and dilemma does not rebuild the preparation."""
    scenario = _scenario(documents, build_scenario, -30)
    assert plan_for(scenario, "icb", scenario.dilemmas[0]) is plan_for(scenario, "icb", scenario.dilemmas[0])


def test_scenarios_sharing_an_id_are_never_confused(
    documents: SimpleNamespace, build_scenario: Callable[..., Scenario], situation: Callable[..., Any]
) -> None:
    """Two scenarios with the same id but opposite effects get their own plans and opposite choices."""
    helpful = _scenario(documents, build_scenario, -30)
    harmful = _scenario(documents, build_scenario, 30)
    assert helpful.id == harmful.id
    assert decide(situation(helpful, "icb"), "system-first", Random(0)).option == "act"
    assert decide(situation(harmful, "icb"), "system-first", Random(0)).option == "hold"
    assert decide(situation(helpful, "icb"), "system-first", Random(0)).option == "act"


def test_money_is_measured_against_the_members_own_budget(
    documents: SimpleNamespace, build_scenario: Callable[..., Scenario]
) -> None:
    """One money unit is 2% of the member's budget; a member without one uses the table's average budget."""
    scenario = _scenario(documents, build_scenario, -30)
    dilemma = scenario.dilemmas[0]
    assert plan_for(scenario, "acute-trust", dilemma).money_unit == 50_000_000 * MONEY_UNIT_SHARE
    average = (100_000_000 + 100_000_000 + 50_000_000) / 3
    assert plan_for(scenario, "healthwatch", dilemma).money_unit == average * MONEY_UNIT_SHARE


def test_the_other_deciders_exclude_the_member(
    documents: SimpleNamespace, build_scenario: Callable[..., Scenario]
) -> None:
    """`deciders: all` means every member; the seat's own id is not among the others it weighs trust in."""
    scenario = _scenario(documents, build_scenario, -30)
    assert plan_for(scenario, "icb", scenario.dilemmas[0]).other_deciders == ("council", "acute-trust", "healthwatch")


def test_every_plan_of_a_large_board_is_kept(
    documents: SimpleNamespace, build_scenario: Callable[..., Scenario]
) -> None:
    """However many seats × dilemmas a scenario has (here 4 × 80 = 320), asking again never rebuilds a plan:
    a sweep of a big board asks for every one of them in every run."""
    dilemmas = []
    for index in range(80):
        document = documents.dilemma([documents.option("act"), documents.option("hold")])
        document["id"] = f"dilemma-{index}"
        dilemmas.append(document)
    scenario = build_scenario(*dilemmas)
    members = [member.id for member in scenario.members]
    first = {(m, d.id): plan_for(scenario, m, d) for d in scenario.dilemmas for m in members}
    assert len(first) == 320
    assert all(plan_for(scenario, m, d) is first[(m, d.id)] for d in scenario.dilemmas for m in members)
