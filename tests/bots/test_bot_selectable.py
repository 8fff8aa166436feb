"""Bots only pick options the engine says are selectable, and fall back honestly when none is."""

from __future__ import annotations

from collections.abc import Callable
from random import Random
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boardsim.core.bots import PROFILES, decide
from boardsim.core.scenario.model import Scenario
from boardsim.core.scenario.types import Disposition

OPTION_IDS = ["keep-funds", "fund-discharge", "split", "wait"]


@pytest.fixture(scope="module")
def four_options(documents: SimpleNamespace, build_scenario: Callable[..., Scenario]) -> Callable[[str], Scenario]:
    """A four-option dilemma with money, delayed, chancy and trust effects, in individual or vote mode."""
    option = documents.option

    def build(mode: str) -> Scenario:
        options = [
            option("keep-funds", {"kind": "move", "from": "bcf-pool", "to": "chooser", "amount": "£2m"}),
            option(
                "fund-discharge",
                {"kind": "move", "from": "chooser", "to": "bcf-pool", "amount": "£2m"},
                {"kind": "change", "target": "delayed_discharges", "by": -40, "after": "3 months", "chance": 0.7},
                {"kind": "trust", "from": "all", "to": "chooser", "by": 1},
            ),
            option(
                "split",
                {"kind": "move", "from": "chooser", "to": "bcf-pool", "amount": "£1m"},
                {"kind": "change", "target": "delayed_discharges", "by": -20},
            ),
            option("wait", {"kind": "change", "target": "s75_signed", "to": True}),
        ]
        return build_scenario(documents.dilemma(options, mode={"kind": mode}))

    return build


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    disposition=st.sampled_from(list(PROFILES)),
    mode=st.sampled_from(["individual", "vote"]),
    unselectable=st.sets(st.sampled_from(OPTION_IDS), max_size=3),
    member=st.sampled_from(["council", "icb", "acute-trust", "healthwatch"]),
    trust=st.floats(0.0, 1.0),
    seed=st.integers(0, 2**32),
)
def test_never_picks_an_unselectable_option(
    four_options: Callable[[str], Scenario],
    situation: Callable[..., Any],
    disposition: Disposition,
    mode: str,
    unselectable: set[str],
    member: str,
    trust: float,
    seed: int,
) -> None:
    """Whatever is ruled out by `requires`, the bot's option is one the engine offered (or an abstention)."""
    seat = situation(four_options(mode), member, unselectable=frozenset(unselectable), default_trust=trust)
    decision = decide(seat, disposition, Random(seed))
    allowed = set(OPTION_IDS) - unselectable
    if mode == "individual":
        assert decision.option in allowed
    else:
        assert decision.option is None or decision.option in allowed
    assert decision.amount is None


@pytest.mark.parametrize("mode", ["individual", "vote"])
def test_with_nothing_selectable_it_falls_back_to_the_first_option_and_says_so(
    four_options: Callable[[str], Scenario], situation: Callable[..., Any], mode: str
) -> None:
    """No option meets its requirements: the bot takes the first option and its rationale explains why."""
    seat = situation(four_options(mode), "icb", unselectable=frozenset(OPTION_IDS))
    decision = decide(seat, "system-first", Random(0))
    assert decision.option == "keep-funds"
    assert "No option was open to it" in decision.rationale
    assert "'keep funds'" in decision.rationale


def test_with_no_options_at_all_it_takes_the_dilemmas_default(
    documents: SimpleNamespace, build_scenario: Callable[..., Scenario], situation: Callable[..., Any]
) -> None:
    """A dilemma written without options leaves only its default: the bot takes it rather than crash."""
    scenario = build_scenario(documents.dilemma([], default="wait"))
    decision = decide(situation(scenario, "icb"), "cautious", Random(0))
    assert decision.option == "wait"
    assert "default" in decision.rationale


def test_it_asks_the_engine_which_options_are_selectable(
    four_options: Callable[[str], Scenario], situation: Callable[..., Any]
) -> None:
    """The bot consults `selectable_options()` rather than reading `requires` itself."""
    seat = situation(four_options("individual"), "icb")
    decide(seat, "organisation-first", Random(0))
    assert seat.calls == ["selectable_options"]


def test_an_unknown_member_is_a_clear_error(
    four_options: Callable[[str], Scenario], situation: Callable[..., Any]
) -> None:
    """A seat that is not a member of the scenario is reported by name, not with a KeyError."""
    with pytest.raises(ValueError, match="'police', who is not a member of scenario 'bot-test'"):
        decide(situation(four_options("individual"), "police"), "cautious", Random(0))
