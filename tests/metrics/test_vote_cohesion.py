"""Vote cohesion: the Agreement Index (Hix, Noury & Roland, 2005), averaged over the board's votes.

AI = (max(Y, N, A) − ½·(Y + N + A − max(Y, N, A))) / (Y + N + A), with Y = votes for the carried (or most
voted) option, N = votes for any other option, A = abstentions.
"""

from __future__ import annotations

import pytest

from boardsim.core.metrics import MetricsTracker
from boardsim.core.metrics.alignment import agreement_index

from .factories import COUNCIL, DPH, ICB, START_STATE, find_dilemma, make_scenario


@pytest.mark.parametrize(
    ("yes", "no", "abstain", "expected"),
    [
        (5, 0, 0, 1.0),  # unanimous: (5 − 0) / 5
        (0, 0, 4, 1.0),  # everyone abstained alike: (4 − 0) / 4
        (2, 2, 2, 0.0),  # evenly split three ways: (2 − ½·4) / 6
        (3, 3, 0, 0.25),  # evenly split yes/no: (3 − ½·3) / 6 — the index's floor is the three-way split
        (2, 1, 1, 0.25),  # with abstentions: (2 − ½·2) / 4
        (3, 1, 0, 0.625),  # (3 − ½·1) / 4
    ],
)
def test_agreement_index_matches_hand_values(yes: int, no: int, abstain: int, expected: float) -> None:
    """The Agreement Index formula on small ballots."""
    assert agreement_index(yes, no, abstain) == pytest.approx(expected)


def test_agreement_index_of_nobody_is_undefined() -> None:
    """A vote nobody took part in has no cohesion."""
    assert agreement_index(0, 0, 0) is None


def test_vote_cohesion_is_none_before_any_vote() -> None:
    """Individual choices are not votes: cohesion stays None until the board votes."""
    scenario = make_scenario()
    tracker = MetricsTracker(scenario)
    tracker.record_decisions(30, 1, find_dilemma(scenario, "winter-money"), {COUNCIL: "chip-in"}, START_STATE)
    assert tracker.snapshot(30, 1).vote_cohesion is None


def test_vote_cohesion_is_the_mean_over_votes() -> None:
    """Vote 1 unanimous (AI 1); vote 2 two for 'split', one abstains (Y=2, A=1: (2 − ½) / 3 = 0.5).

    Mean (1 + 0.5) / 2 = 0.75.
    """
    scenario = make_scenario()
    tracker = MetricsTracker(scenario)
    dilemma = find_dilemma(scenario, "risk-share")
    tracker.record_decisions(30, 1, dilemma, dict.fromkeys((COUNCIL, ICB, DPH), "nobody"), START_STATE)
    tracker.record_decisions(60, 2, dilemma, {COUNCIL: "split", ICB: "split", DPH: None}, START_STATE)
    assert tracker.snapshot(60, 2).vote_cohesion == 0.75


def test_a_three_way_split_of_options_counts_the_others_as_no() -> None:
    """One vote each for three options: Y = 1 (first in order wins the tie), N = 2: (2 − ½) / 3 = 0.5."""
    scenario = make_scenario()
    tracker = MetricsTracker(scenario)
    choices = {COUNCIL: "split", ICB: "council-carries", DPH: "nobody"}
    tracker.record_decisions(30, 1, find_dilemma(scenario, "risk-share"), choices, START_STATE)
    assert tracker.snapshot(30, 1).vote_cohesion == 0.5


def test_the_carried_option_can_be_given() -> None:
    """Council votes 'split', the ICB 'council-carries', Public Health abstains; the default 'nobody' applied.

    Told what carried: Y = 0, N = 2, A = 1 → (2 − ½·1) / 3 = 0.5. Left to find the most-voted option itself
    ('split', first of the tied): Y = 1, N = 1, A = 1 → (1 − ½·2) / 3 = 0.
    """
    scenario = make_scenario()
    dilemma = find_dilemma(scenario, "risk-share")
    choices = {COUNCIL: "split", ICB: "council-carries", DPH: None}
    told = MetricsTracker(scenario)
    told.record_decisions(30, 1, dilemma, choices, START_STATE, carried="nobody")
    found = MetricsTracker(scenario)
    found.record_decisions(30, 1, dilemma, choices, START_STATE)
    assert (told.snapshot(30, 1).vote_cohesion, found.snapshot(30, 1).vote_cohesion) == (0.5, 0.0)
