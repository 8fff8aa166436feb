"""The sentence a bot gives for its decision: short, plain English, and true to what decided it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from random import Random
from types import SimpleNamespace
from typing import Any

import pytest

from boardsim.core.bots import PROFILES, SYSTEM_FIRST, decide
from boardsim.core.bots.rationale import accountability_phrase, joined
from boardsim.core.scenario.model import Accountability, Scenario
from boardsim.core.scenario.types import Disposition


@pytest.fixture(scope="module")
def risk_share(documents: SimpleNamespace, build_scenario: Callable[..., Scenario]) -> Scenario:
    """The ICB carries an overspend alone (breaching its duty) or the members split it by contribution."""
    option = documents.option
    return build_scenario(
        documents.dilemma(
            [
                option(
                    "icb-carries",
                    {"kind": "move", "from": "icb", "to": "external", "amount": "£4m"},
                    {"kind": "change", "target": "delayed_discharges", "by": -30},
                    label="ICB carries it",
                ),
                option(
                    "split-by-contribution",
                    {"kind": "move", "from": "icb", "to": "external", "amount": "£2m"},
                    {"kind": "move", "from": "council", "to": "external", "amount": "£2m"},
                    {"kind": "change", "target": "delayed_discharges", "by": -30},
                    label="split by contribution",
                ),
            ],
            mode={"kind": "vote"},
        )
    )


def test_a_choice_names_the_option_the_accountability_it_protects_and_the_runner_ups_breach(
    risk_share: Scenario, situation: Callable[..., Any]
) -> None:
    """'Chose 'split by contribution': it protects its break even duty …; 'ICB carries it' would breach …'."""
    seat = situation(risk_share, "icb", breaches={"icb-carries": ["break-even"]})
    decision = decide(seat, dataclasses.replace(SYSTEM_FIRST, temperature=0.0), Random(0))
    assert decision.option == "split-by-contribution"
    assert decision.rationale.startswith("Chose 'split by contribution': it protects its break even duty")
    assert "helps the shared purpose" in decision.rationale
    assert decision.rationale.endswith("; 'ICB carries it' would breach its break even duty.")


def test_a_choice_admits_what_it_cost(risk_share: Scenario, situation: Callable[..., Any]) -> None:
    """A system-first bot paying £2m says so: 'at a cost of £2m to its budget'."""
    seat = situation(risk_share, "icb", breaches={"icb-carries": ["break-even"]})
    decision = decide(seat, dataclasses.replace(SYSTEM_FIRST, temperature=0.0), Random(0))
    assert "at a cost of £2m to its budget" in decision.rationale


def test_a_reciprocator_says_when_trust_decided_it(
    documents: SimpleNamespace, build_scenario: Callable[..., Scenario], situation: Callable[..., Any]
) -> None:
    """Low trust in its partners shows in the reason it gives."""
    scenario = build_scenario(
        documents.dilemma(
            [
                documents.option("keep", {"kind": "move", "from": "bcf-pool", "to": "chooser", "amount": "£2m"}),
                documents.option("give", {"kind": "move", "from": "chooser", "to": "bcf-pool", "amount": "£2m"}),
            ]
        )
    )
    decision = decide(situation(scenario, "icb", default_trust=0.1), "reciprocator", Random(0))
    assert decision.option == "keep"
    assert "does not trust the partners involved" in decision.rationale


@pytest.mark.parametrize("disposition", list(PROFILES))
@pytest.mark.parametrize("member", ["council", "icb", "acute-trust", "healthwatch"])
def test_every_rationale_is_one_short_sentence(
    risk_share: Scenario, situation: Callable[..., Any], disposition: Disposition, member: str
) -> None:
    """Debrief-ready: one sentence, ending in a full stop, short enough to read out, naming an option."""
    for seed in range(5):
        rationale = decide(situation(risk_share, member), disposition, Random(seed)).rationale
        assert rationale.endswith(".")
        assert rationale.count(". ") == 0
        assert 20 <= len(rationale) <= 300
        assert "'" in rationale


def test_accountability_phrases_read_naturally() -> None:
    """An id and kind read aloud, without repeating the kind when the id already says it."""

    def accountability(identifier: str, kind: str) -> Accountability:
        return Accountability.model_validate(
            {"id": identifier, "kind": kind, "description": "d", "holds_when": "true", "answers_to": "x"}
        )

    assert accountability_phrase(accountability("balanced-budget", "duty")) == "its balanced budget duty"
    assert accountability_phrase(accountability("no-closures", "red-line")) == "its no closures red line"
    assert accountability_phrase(accountability("four-hour-target", "target")) == "its four hour target"


def test_joined_lists_read_as_english() -> None:
    """'a', 'a and b', 'a, b and c'."""
    assert joined(["a"]) == "a"
    assert joined(["a", "b"]) == "a and b"
    assert joined(["a", "b", "c"]) == "a, b and c"


def test_an_abstention_names_what_holds_back_the_best_option(
    risk_share: Scenario, situation: Callable[..., Any]
) -> None:
    """Cautious stands aside when the best option costs it £2m for a modest gain, and says exactly that."""
    seat = situation(risk_share, "icb", breaches={"icb-carries": ["break-even"]})
    decision = decide(seat, "cautious", Random(0))
    assert decision.option is None
    assert decision.rationale == (
        "Abstained: no option is clearly good for it; the best, 'split by contribution', "
        "would cost it £2m for too little in return."
    )
