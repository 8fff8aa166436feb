"""The alignment composite: the mean of whichever alignment measures are available."""

from __future__ import annotations

from boardsim.core.metrics import MetricsTracker
from boardsim.core.metrics.alignment import alignment_composite

from .factories import COUNCIL, DPH, ICB, START_STATE, find_dilemma, make_scenario


def test_composite_is_resource_alignment_alone_before_any_choice() -> None:
    """Only resource alignment exists before any choice: £80m pooled, £320m in budgets → 80 / 400 = 0.2."""
    tracker = MetricsTracker(make_scenario())
    tracker.record_money({}, {"bcf-pool": 80_000_000})
    snapshot = tracker.snapshot(0, 0)
    assert (snapshot.resource_alignment, snapshot.alignment_composite) == (0.2, 0.2)


def test_composite_averages_the_three_measures() -> None:
    """A unanimous vote for 'nobody' (+20 discharges, against the shared purpose): goal 0, cohesion 1, resources 0.

    Composite (0 + 1 + 0) / 3 = 0.333333.
    """
    scenario = make_scenario()
    tracker = MetricsTracker(scenario)
    choices = dict.fromkeys((COUNCIL, ICB, DPH), "nobody")
    tracker.record_decisions(30, 1, find_dilemma(scenario, "risk-share"), choices, START_STATE)
    snapshot = tracker.snapshot(30, 1)
    assert (snapshot.goal_alignment, snapshot.vote_cohesion, snapshot.resource_alignment) == (0.0, 1.0, 0.0)
    assert snapshot.alignment_composite == 0.333333


def test_composite_of_nothing_is_none() -> None:
    """With no measure available there is no composite."""
    assert alignment_composite(None, None) is None
