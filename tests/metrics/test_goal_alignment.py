"""Goal alignment: how far members' revealed priorities point the way of the shared purpose.

Measures are scaled by their ranges: discharges by 200 (0..200), wellbeing by 10 (0..10). The shared purpose
is {discharges: −1}, i.e. the vector (−1, 0). A member's alignment is (1 + cos(revealed, shared)) / 2 and the
board's is the mean over members whose choices point somewhere.
"""

from __future__ import annotations

from boardsim.core.metrics import MetricsTracker
from boardsim.core.scenario.model import Scenario

from .factories import COUNCIL, DPH, ICB, START_STATE, change, dilemma, make_scenario, option


def two_measure_scenario() -> Scenario:
    """A vote with three options over two measures."""
    return make_scenario(
        dilemmas=[
            dilemma(
                "plan",
                "The winter plan",
                {"kind": "vote"},
                option("beds-and-wellbeing", "Beds and wellbeing", change("discharges", -20), change("wellbeing", 1)),
                option("cut-beds", "Cut beds", change("discharges", 20)),
                option("cut-wellbeing", "Cut wellbeing work", change("wellbeing", -1)),
                option("do-nothing", "Do nothing"),
            )
        ]
    )


def test_goal_alignment_is_none_before_any_choice() -> None:
    """Nobody has revealed anything yet."""
    assert MetricsTracker(two_measure_scenario()).snapshot(0, 0).goal_alignment is None


def test_goal_alignment_by_hand_on_two_measures() -> None:
    """Council: (−20/200, +1/10) = (−0.1, 0.1); cos with (−1, 0) = 0.1 / 0.141421 = 0.707107 → 0.853553.

    ICB: (+20/200, 0) = (0.1, 0); cos = −1 → 0. Public Health abstains and is not counted.
    Board: (0.853553 + 0) / 2 = 0.426777.
    """
    scenario = two_measure_scenario()
    tracker = MetricsTracker(scenario)
    choices = {COUNCIL: "beds-and-wellbeing", ICB: "cut-beds", DPH: None}
    tracker.record_decisions(30, 1, scenario.dilemmas[0], choices, START_STATE)
    assert tracker.snapshot(30, 1).goal_alignment == 0.426777


def test_revealed_priorities_accumulate_over_choices() -> None:
    """The council then votes to cut wellbeing work, (0, −0.1): its revealed total is (−0.1, 0), cos = 1 → 1.

    Board: (1 + 0) / 2 = 0.5.
    """
    scenario = two_measure_scenario()
    tracker = MetricsTracker(scenario)
    tracker.record_decisions(30, 1, scenario.dilemmas[0], {COUNCIL: "beds-and-wellbeing", ICB: "cut-beds"}, START_STATE)
    tracker.record_decisions(60, 2, scenario.dilemmas[0], {COUNCIL: "cut-wellbeing"}, START_STATE)
    assert tracker.snapshot(60, 2).goal_alignment == 0.5


def test_choices_that_move_no_measure_reveal_nothing() -> None:
    """Voting for an option with no measure effects gives no direction: still None."""
    scenario = two_measure_scenario()
    tracker = MetricsTracker(scenario)
    tracker.record_decisions(30, 1, scenario.dilemmas[0], dict.fromkeys((COUNCIL, ICB, DPH), "do-nothing"), START_STATE)
    assert tracker.snapshot(30, 1).goal_alignment is None


def test_changes_are_clamped_to_the_measures_range() -> None:
    """With discharges already at 195, '+20' can only add 5: the direction is (5/200, 0) — still straight against."""
    scenario = two_measure_scenario()
    tracker = MetricsTracker(scenario)
    tracker.record_decisions(30, 1, scenario.dilemmas[0], {ICB: "cut-beds"}, {"discharges": 195.0, "wellbeing": 5.0})
    assert tracker.snapshot(30, 1).goal_alignment == 0.0
