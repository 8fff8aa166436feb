"""Votes: bots vote for their best option; only a cautious bot abstains, only in votes, only when it may."""

from __future__ import annotations

from collections.abc import Callable
from random import Random
from types import SimpleNamespace
from typing import Any

import pytest

from boardsim.core.bots import PROFILES, decide
from boardsim.core.scenario.model import Scenario
from boardsim.core.scenario.types import Disposition

MARGINAL = [
    {"id": "tweak-a", "target_by": -1},
    {"id": "tweak-b", "target_by": 1},
]


def _marginal_options(documents: SimpleNamespace) -> list[dict[str, Any]]:
    return [
        documents.option(o["id"], {"kind": "change", "target": "delayed_discharges", "by": o["target_by"]})
        for o in MARGINAL
    ]


@pytest.fixture(scope="module")
def marginal_vote(documents: SimpleNamespace, build_scenario: Callable[..., Scenario]) -> Callable[[str], Scenario]:
    """A vote between two options that barely move anything, under a given rule."""

    def build(rule: str) -> Scenario:
        return build_scenario(documents.dilemma(_marginal_options(documents), mode={"kind": "vote", "rule": rule}))

    return build


@pytest.mark.parametrize("rule", ["majority", "consensus"])
def test_cautious_abstains_when_no_option_is_clearly_good(
    marginal_vote: Callable[[str], Scenario], situation: Callable[..., Any], rule: str
) -> None:
    """Where abstaining is standing aside, a cautious bot abstains on a vote with nothing clearly good."""
    for seed in range(10):
        decision = decide(situation(marginal_vote(rule), "acute-trust"), "cautious", Random(seed))
        assert decision.option is None
        assert decision.rationale.startswith("Abstained: no option is clearly good for it")


def test_cautious_votes_under_unanimity_where_abstaining_would_block(
    marginal_vote: Callable[[str], Scenario], situation: Callable[..., Any]
) -> None:
    """Under unanimity an abstention is a veto, not standing aside, so cautious votes even when unsure."""
    for seed in range(10):
        decision = decide(situation(marginal_vote("unanimity"), "acute-trust"), "cautious", Random(seed))
        assert decision.option in {"tweak-a", "tweak-b"}


@pytest.mark.parametrize("disposition", ["organisation-first", "system-first", "reciprocator"])
def test_other_dispositions_always_vote(
    marginal_vote: Callable[[str], Scenario], situation: Callable[..., Any], disposition: Disposition
) -> None:
    """Only the cautious profile has an abstention threshold; the others vote even on marginal choices."""
    for seed in range(10):
        decision = decide(situation(marginal_vote("majority"), "acute-trust"), disposition, Random(seed))
        assert decision.option in {"tweak-a", "tweak-b"}


def test_cautious_votes_for_a_clearly_good_option(
    documents: SimpleNamespace, build_scenario: Callable[..., Scenario], situation: Callable[..., Any]
) -> None:
    """Abstention is for doubtful votes: with a clearly good option on the table, cautious votes for it."""
    scenario = build_scenario(
        documents.dilemma(
            [
                documents.option("clear-win", {"kind": "change", "target": "delayed_discharges", "by": -40}),
                documents.option("status-quo"),
            ],
            mode={"kind": "vote"},
        )
    )
    decision = decide(situation(scenario, "acute-trust"), "cautious", Random(3))
    assert decision.option == "clear-win"


@pytest.mark.parametrize("disposition", list(PROFILES))
def test_no_disposition_abstains_outside_a_vote(
    documents: SimpleNamespace,
    build_scenario: Callable[..., Scenario],
    situation: Callable[..., Any],
    disposition: Disposition,
) -> None:
    """In individual mode every bot must pick an option, even between marginal ones."""
    scenario = build_scenario(documents.dilemma(_marginal_options(documents)))
    for seed in range(10):
        assert decide(situation(scenario, "acute-trust"), disposition, Random(seed)).option is not None
