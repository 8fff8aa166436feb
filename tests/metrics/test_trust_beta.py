"""Trust as a beta reputation: expected trust from evidence, starting history, and forgetting with time.

Hand arithmetic: E = (r + 1) / (r + s + 2); after Δ calendar months both r and s are multiplied by 0.9^Δ.
The test scenario starts on 2027-04-01, so day 30 is 2027-05-01 (exactly one month) and day 61 is 2027-06-01.
"""

from __future__ import annotations

import datetime as dt

import pytest

from boardsim.core.metrics import Cause, MetricsTracker, beta_expectation
from boardsim.core.metrics.trust import FictionalMonths

from .factories import COUNCIL, DPH, ICB, make_scenario

HISTORY = [{"from": COUNCIL, "to": ICB, "positive": 4, "negative": 0}]


@pytest.mark.parametrize(
    ("positive", "negative", "expected"),
    [
        (0, 0, 0.5),  # (0 + 1) / (0 + 0 + 2): no evidence either way
        (3, 1, 4 / 6),  # (3 + 1) / (3 + 1 + 2)
        (0, 4, 1 / 6),  # (0 + 1) / (0 + 4 + 2)
        (2.5, 0.5, 3.5 / 5),  # fractional evidence: (2.5 + 1) / (2.5 + 0.5 + 2)
    ],
)
def test_beta_expectation_matches_the_formula(positive: float, negative: float, expected: float) -> None:
    """Expected trust is (r + 1) / (r + s + 2)."""
    assert beta_expectation(positive, negative) == pytest.approx(expected)


def test_starting_history_sets_trust_on_day_zero() -> None:
    """scenario.trust gives the pair its evidence: 4 good experiences → 5/6; pairs without history are 0.5."""
    tracker = MetricsTracker(make_scenario(trust=[*HISTORY, {"from": DPH, "to": COUNCIL, "negative": 2}]))
    assert tracker.trust(COUNCIL, ICB) == 0.833333  # (4 + 1) / (4 + 0 + 2) = 5/6
    assert tracker.trust(DPH, COUNCIL) == 0.25  # (0 + 1) / (0 + 2 + 2)
    assert tracker.trust(ICB, COUNCIL) == 0.5  # trust is directed: the ICB has no history with the council


def test_one_calendar_month_multiplies_evidence_by_lambda() -> None:
    """After one month r = 4 × 0.9 = 3.6, so E = 4.6 / 5.6 = 0.821429."""
    tracker = MetricsTracker(make_scenario(trust=HISTORY))
    tracker.advance_time(30)
    assert tracker.evidence(COUNCIL, ICB) == (3.6, 0.0)
    assert tracker.trust(COUNCIL, ICB) == 0.821429


def test_two_months_multiply_by_lambda_squared() -> None:
    """After two months (2027-06-01, day 61) r = 4 × 0.81 = 3.24, so E = 4.24 / 5.24 = 0.809160."""
    tracker = MetricsTracker(make_scenario(trust=HISTORY))
    tracker.advance_time(61)
    assert tracker.trust(COUNCIL, ICB) == 0.80916


def test_part_of_a_month_forgets_a_fractional_power() -> None:
    """Day 15 is half of April (30 days): r = 4 × 0.9^0.5 = 3.794733, E = 4.794733 / 5.794733 = 0.8274295."""
    tracker = MetricsTracker(make_scenario(trust=HISTORY))
    tracker.advance_time(15)
    assert tracker.trust(COUNCIL, ICB) == 0.82743


def test_without_forgetting_evidence_is_kept_for_ever() -> None:
    """With λ = 1 the same history still gives 5/6 two years later."""
    tracker = MetricsTracker(make_scenario(trust=HISTORY), forgetting_per_month=1.0)
    tracker.advance_time(731)
    assert tracker.trust(COUNCIL, ICB) == 0.833333


def test_new_evidence_adds_to_the_forgotten_total() -> None:
    """A month on, r = 3.6; one more good experience gives r = 4.6: before 4.6/5.6, after 5.6/6.6."""
    tracker = MetricsTracker(make_scenario(trust=HISTORY))
    change = tracker.record_trust_evidence(30, COUNCIL, ICB, 1.0, 0.0, Cause(9, "trust-effect", ""))
    assert (change.before, change.after) == (0.821429, 0.848485)
    assert (change.positive, change.negative, change.day) == (1.0, 0.0, 30)


def test_forgetting_does_not_depend_on_how_often_time_is_advanced() -> None:
    """Stepping the clock day by day or jumping straight to day 200 gives the same trust (replays stay equal)."""
    stepped = MetricsTracker(make_scenario(trust=HISTORY))
    for day in range(1, 201):
        stepped.advance_time(day)
        stepped.trust(COUNCIL, ICB)
    jumped = MetricsTracker(make_scenario(trust=HISTORY))
    jumped.advance_time(200)
    assert stepped.snapshot(200, 1) == jumped.snapshot(200, 1)


def test_board_trust_is_the_mean_over_ordered_pairs() -> None:
    """Six ordered pairs: one at 5/6, five at 1/2 → (5/6 + 5 × 0.5) / 6 = 0.555556."""
    snapshot = MetricsTracker(make_scenario(trust=HISTORY)).snapshot(0, 0)
    assert snapshot.board_trust == 0.555556
    assert snapshot.trust[COUNCIL] == {ICB: 0.833333, DPH: 0.5}


def test_time_cannot_run_backwards() -> None:
    """Going back in fictional time is a clear error, not silent nonsense."""
    tracker = MetricsTracker(make_scenario())
    tracker.advance_time(40)
    with pytest.raises(ValueError, match="cannot run backwards"):
        tracker.advance_time(10)


def test_unknown_members_and_self_trust_are_refused() -> None:
    """Evidence about a member that is not in the scenario, or about oneself, is a clear error."""
    tracker = MetricsTracker(make_scenario())
    with pytest.raises(ValueError, match="unknown member 'police'"):
        tracker.record_trust_evidence(0, "police", ICB, 1, 0, Cause(1, "trust-effect", ""))
    with pytest.raises(ValueError, match="own trustworthiness"):
        tracker.record_trust_evidence(0, ICB, ICB, 1, 0, Cause(1, "trust-effect", ""))


@pytest.mark.parametrize(
    ("start", "day", "months"),
    [
        ("2027-04-01", 30, 1.0),  # 1 May
        ("2027-04-01", 45, 1 + 15 / 31),  # 16 May: 15 of May's 31 days into the second month
        ("2027-01-31", 28, 1.0),  # 28 February 2027 is one calendar month after 31 January
        ("2027-01-31", 59, 2.0),  # 31 March
        ("2027-04-01", -1, -1 / 31),  # 31 March, one day before the start: back into March's 31 days
    ],
)
def test_fictional_months_follow_the_calendar(start: str, day: int, months: float) -> None:
    """Months are calendar months: one month after the start is month 1 whatever the month's length."""
    assert FictionalMonths(dt.date.fromisoformat(start)).position(day) == pytest.approx(months)
