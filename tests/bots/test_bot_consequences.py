"""Closing effects guarded by the choice itself count as consequences of the option that triggers them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from random import Random
from types import SimpleNamespace
from typing import Any

import pytest

from boardsim.core.bots import ORGANISATION_FIRST, decide
from boardsim.core.bots.consequences import attributed_effects
from boardsim.core.scenario.model import Scenario


def _closing(when: str | None, by: float = 60) -> dict[str, Any]:
    effect: dict[str, Any] = {"kind": "change", "target": "delayed_discharges", "by": by, "after": "2 months"}
    if when is not None:
        effect["when"] = when
    return effect


@pytest.fixture(scope="module")
def guarded(documents: SimpleNamespace, build_scenario: Callable[..., Scenario]) -> Callable[..., Scenario]:
    """A two-option dilemma ('lend' or 'keep') whose on_close has one effect guarded by `when`."""

    def build(when: str | None, mode: str = "individual") -> Scenario:
        options = [documents.option("lend"), documents.option("keep")]
        return build_scenario(documents.dilemma(options, mode={"kind": mode}, on_close=[_closing(when)]))

    return build


def attributed(scenario: Scenario, member: str) -> dict[str, list[float]]:
    """Per option, the odds of the guard of each closing effect attributed to it (1 = sure, 0.5 = maybe)."""
    found = attributed_effects(scenario, member, scenario.dilemmas[0])
    return {option: [odds for _, odds in effects] for option, effects in found.items()}


@pytest.mark.parametrize(
    ("when", "member", "expected"),
    [
        ('chosen_by("the-dilemma", "icb") == "lend"', "icb", {"lend": [1.0], "keep": []}),
        ('chosen_by("the-dilemma", "icb") != "lend"', "icb", {"lend": [], "keep": [1.0]}),
        ('not chosen_by("the-dilemma", "icb") == "lend"', "icb", {"lend": [], "keep": [1.0]}),
        ('chosen_by("the-dilemma", "council") == "lend"', "icb", {"lend": [], "keep": []}),
        (
            'chosen_by("the-dilemma", "icb") == "lend" and delayed_discharges < 100',
            "icb",
            {"lend": [0.5], "keep": []},
        ),
        (
            'chosen_by("the-dilemma", "icb") == "lend" or delayed_discharges < 100',
            "icb",
            {"lend": [1.0], "keep": [0.5]},
        ),
        ('chosen("the-dilemma", "lend")', "icb", {"lend": [1.0], "keep": [0.5]}),
        ('chosen("the-dilemma") == "lend"', "icb", {"lend": [], "keep": []}),
        ("delayed_discharges > 100", "icb", {"lend": [], "keep": []}),
        (None, "icb", {"lend": [], "keep": []}),
    ],
)
def test_individual_mode_attribution(
    guarded: Callable[..., Scenario], when: str | None, member: str, expected: dict[str, list[float]]
) -> None:
    """Only guards that the member's own choice decides (or helps decide) tie an effect to an option.

    What most deciders chose (`chosen(d)`) and other members' choices are unknown in individual mode (so
    `chosen(d, "lend")` is sure if it lends, a coin toss if it keeps), and an unguarded or state-only guard
    lands whatever is chosen, so it is tied to no option.
    """
    assert attributed(guarded(when), member) == expected


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ('chosen("the-dilemma") == "lend"', {"lend": [1.0], "keep": []}),
        ('chosen("the-dilemma", "keep")', {"lend": [], "keep": [1.0]}),
        ('closed("the-dilemma") and chosen("the-dilemma") != "keep"', {"lend": [1.0], "keep": []}),
        ('chosen("another-dilemma") == "lend"', {"lend": [], "keep": []}),
    ],
)
def test_vote_mode_attribution(guarded: Callable[..., Scenario], when: str, expected: dict[str, list[float]]) -> None:
    """In a vote each option is judged as if it carries: `chosen(d)` is that option."""
    assert attributed(guarded(when, mode="vote"), "council") == expected


def test_an_unreadable_guard_is_left_alone(guarded: Callable[..., Scenario]) -> None:
    """A guard that does not compile (the checker reports it) is skipped rather than crash the bot."""
    assert attributed(guarded("no_such_measure > 3"), "icb") == {"lend": [], "keep": []}


def test_a_private_cost_in_on_close_steers_an_organisation_first_bot(
    guarded: Callable[..., Scenario], situation: Callable[..., Any]
) -> None:
    """Lending costs the acute trust 60 more delayed discharges (its top priority): it keeps its staff,
    although the option itself lists no effects at all."""
    scenario = guarded('chosen_by("the-dilemma", "acute-trust") == "lend"')
    exact = dataclasses.replace(ORGANISATION_FIRST, temperature=0.0)
    decision = decide(situation(scenario, "acute-trust"), exact, Random(0))
    assert decision.option == "keep"
    assert "'lend' does less for its own priorities" in decision.rationale
    unguarded_for_council = decide(situation(scenario, "council"), exact, Random(0))
    assert unguarded_for_council.option == "lend"  # the council's choice does not trigger it: a tie, first wins
