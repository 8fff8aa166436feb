"""Bots are deterministic per seed, yet different seeds explore close calls (the noise term works)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from random import Random
from types import SimpleNamespace
from typing import Any

import pytest

from boardsim.core.bots import PROFILES, SYSTEM_FIRST, decide
from boardsim.core.scenario.model import Scenario
from boardsim.core.scenario.types import Disposition

MODES: dict[str, dict[str, Any]] = {
    "individual": {"kind": "individual"},
    "vote": {"kind": "vote"},
    "pledge": {"kind": "pledge", "pool": "bcf-pool", "min": "£0", "max": "£5m"},
}


@pytest.fixture(scope="module")
def close_call(documents: SimpleNamespace, build_scenario: Callable[..., Scenario]) -> Callable[[str], Scenario]:
    """Three options of which two are identical in every effect: only the noise can separate them."""
    option = documents.option

    def build(mode: str) -> Scenario:
        options = [
            option("twin-a", {"kind": "change", "target": "delayed_discharges", "by": -30}),
            option("twin-b", {"kind": "change", "target": "delayed_discharges", "by": -30}),
            option("worse", {"kind": "change", "target": "delayed_discharges", "by": 30}),
        ]
        return build_scenario(documents.dilemma(options if mode != "pledge" else [], mode=MODES[mode]))

    return build


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("disposition", list(PROFILES))
def test_the_same_seed_gives_the_same_decision(
    close_call: Callable[[str], Scenario], situation: Callable[..., Any], mode: str, disposition: Disposition
) -> None:
    """Two runs with the same seed and situation give identical decisions, rationale included."""
    for seed in (0, 7, 12345):
        first = decide(situation(close_call(mode), "icb"), disposition, Random(seed))
        second = decide(situation(close_call(mode), "icb"), disposition, Random(seed))
        assert first == second


@pytest.mark.parametrize("disposition", list(PROFILES))
def test_different_seeds_explore_options_that_are_equally_good(
    close_call: Callable[[str], Scenario], situation: Callable[..., Any], disposition: Disposition
) -> None:
    """Over 60 seeds each disposition picks both identical twins, each a fair share of the time."""
    counts = Counter(
        decide(situation(close_call("individual"), "icb"), disposition, Random(s)).option for s in range(60)
    )
    assert counts["twin-a"] >= 15
    assert counts["twin-b"] >= 15


@pytest.mark.parametrize("disposition", list(PROFILES))
def test_noise_does_not_overturn_a_clearly_worse_option(
    close_call: Callable[[str], Scenario], situation: Callable[..., Any], disposition: Disposition
) -> None:
    """The option that raises delayed discharges by 30 is never chosen over 200 seeds: the noise is small."""
    counts = Counter(
        decide(situation(close_call("individual"), "icb"), disposition, Random(s)).option for s in range(200)
    )
    assert counts["worse"] == 0


def test_without_noise_an_exact_tie_goes_to_the_first_option(
    close_call: Callable[[str], Scenario], situation: Callable[..., Any]
) -> None:
    """At temperature 0 the twins tie exactly and the first in the dilemma's order wins, whatever the seed."""
    exact = dataclasses.replace(SYSTEM_FIRST, temperature=0.0)
    assert {decide(situation(close_call("individual"), "icb"), exact, Random(s)).option for s in range(20)} == {
        "twin-a"
    }


def test_a_choice_takes_exactly_one_draw_per_selectable_option(
    close_call: Callable[[str], Scenario], situation: Callable[..., Any]
) -> None:
    """The bot's stream advances by one uniform draw per selectable option (documented for the engine)."""
    rng = Random(99)
    decide(situation(close_call("individual"), "icb", unselectable=frozenset({"worse"})), "cautious", rng)
    expected = Random(99)
    for _ in range(2):
        expected.random()
    assert rng.getstate() == expected.getstate()


def test_a_pledge_takes_exactly_one_draw(close_call: Callable[[str], Scenario], situation: Callable[..., Any]) -> None:
    """A pledge consumes one uniform draw whichever branch it takes."""
    rng = Random(5)
    decide(situation(close_call("pledge"), "icb"), "reciprocator", rng)
    expected = Random(5)
    expected.random()
    assert rng.getstate() == expected.getstate()


def test_a_rebuilt_scenario_gives_the_same_decisions(
    close_call: Callable[[str], Scenario], situation: Callable[..., Any]
) -> None:
    """Memoised preparation never changes an answer: a fresh copy of the scenario decides identically."""
    original = [decide(situation(close_call("vote"), "council"), "reciprocator", Random(s)) for s in range(20)]
    rebuilt = Scenario.model_validate(close_call("vote").model_dump(by_alias=True))
    again = [decide(situation(rebuilt, "council"), "reciprocator", Random(s)) for s in range(20)]
    assert original == again


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("disposition", list(PROFILES))
def test_skipping_the_explanation_changes_nothing_but_the_rationale(
    close_call: Callable[[str], Scenario], situation: Callable[..., Any], mode: str, disposition: Disposition
) -> None:
    """`explain=False` gives the same option or amount and takes the same draws, with an empty rationale."""
    for seed in range(10):
        explained_rng, silent_rng = Random(seed), Random(seed)
        explained = decide(situation(close_call(mode), "icb"), disposition, explained_rng)
        silent = decide(situation(close_call(mode), "icb"), disposition, silent_rng, explain=False)
        assert (silent.option, silent.amount, silent.rationale) == (explained.option, explained.amount, "")
        assert silent_rng.getstate() == explained_rng.getstate()
