"""Bad facts are refused with a clear message, before anything in the tracker changes."""

from __future__ import annotations

import pytest

from boardsim.core.metrics import Cause, MetricsTracker

from .factories import COUNCIL, ICB, START_STATE, find_dilemma, make_scenario


def test_an_unknown_option_is_refused_without_moving_the_clock() -> None:
    """A choice of an option the dilemma does not have is an error, and the tracker's day stays where it was."""
    scenario = make_scenario()
    tracker = MetricsTracker(scenario)
    with pytest.raises(ValueError, match="'fifty-fifty' is not an option of dilemma 'risk-share'"):
        tracker.record_decisions(30, 1, find_dilemma(scenario, "risk-share"), {COUNCIL: "fifty-fifty"}, START_STATE)
    assert tracker.day == 0
    assert tracker.snapshot(0, 0).goal_alignment is None


def test_an_unknown_carried_option_is_refused() -> None:
    """The carried option must be one of the dilemma's."""
    scenario = make_scenario()
    with pytest.raises(ValueError, match="'maybe' is not an option"):
        MetricsTracker(scenario).record_decisions(
            30, 1, find_dilemma(scenario, "risk-share"), {COUNCIL: "split"}, START_STATE, carried="maybe"
        )


def test_modes_are_recorded_with_their_own_method() -> None:
    """Pledges go to record_pledges and choices or votes to record_decisions."""
    scenario = make_scenario()
    tracker = MetricsTracker(scenario)
    with pytest.raises(ValueError, match="record_pledges"):
        tracker.record_decisions(30, 1, find_dilemma(scenario, "pledge-round"), {}, START_STATE)
    with pytest.raises(ValueError, match="record_decisions"):
        tracker.record_pledges(30, 1, find_dilemma(scenario, "risk-share"), {}, {})


@pytest.mark.parametrize(("positive", "negative"), [(-1.0, 0.0), (0.0, float("nan")), (float("inf"), 0.0)])
def test_evidence_must_be_finite_and_not_negative(positive: float, negative: float) -> None:
    """Bad experiences are negative evidence, not a negative count of good ones; NaN never gets in."""
    with pytest.raises(ValueError, match="finite and not negative"):
        MetricsTracker(make_scenario()).record_trust_evidence(0, COUNCIL, ICB, positive, negative, Cause(1, "x", ""))


def test_unknown_accounts_are_refused() -> None:
    """Money balances only for the scenario's members and pools."""
    tracker = MetricsTracker(make_scenario())
    with pytest.raises(ValueError, match="unknown pool 'rainy-day'"):
        tracker.record_money({}, {"rainy-day": 5})
    with pytest.raises(ValueError, match="unknown member 'police'"):
        tracker.record_money({"police": 5}, {})


def test_a_commitment_without_promise_text_is_named_by_its_id() -> None:
    """A blank promise does not stop the run: the sentence names the commitment by its id instead."""
    changes = MetricsTracker(make_scenario()).record_commitment(10, 1, "d2a-beds", ICB, [COUNCIL], True, "")
    assert changes[0].cause.sentence == "Eastmere ICB kept its promise “d2a-beds”, so Eastmere Council trusts it more."
