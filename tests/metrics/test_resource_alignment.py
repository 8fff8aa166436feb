"""Resource alignment: the share of the board's money held in pooled funds.

pooled / (pooled + budgets), each account counted for what it holds above zero.
The test board starts with budgets £100m + £200m + £20m = £320m and an empty pool.
"""

from __future__ import annotations

from boardsim.core.metrics import MetricsTracker
from boardsim.core.metrics.alignment import resource_alignment

from .factories import COUNCIL, DPH, ICB, make_scenario


def test_nothing_pooled_at_the_start_is_zero() -> None:
    """An empty pool and £320m in budgets: 0 / 320 = 0."""
    assert MetricsTracker(make_scenario()).snapshot(0, 0).resource_alignment == 0.0


def test_money_moved_into_the_pool_is_the_pooled_share() -> None:
    """Council and ICB move £15m each into the pool: 30 / (30 + 85 + 185 + 20) = 30 / 320 = 0.09375."""
    tracker = MetricsTracker(make_scenario())
    tracker.record_money({COUNCIL: 85_000_000, ICB: 185_000_000, DPH: 20_000_000}, {"bcf-pool": 30_000_000})
    assert tracker.snapshot(10, 1).resource_alignment == 0.09375


def test_accounts_not_reported_keep_their_last_balance() -> None:
    """Only the pool is reported (£80m): 80 / (80 + 320) = 0.2."""
    tracker = MetricsTracker(make_scenario())
    tracker.record_money({}, {"bcf-pool": 80_000_000})
    assert tracker.snapshot(10, 1).resource_alignment == 0.2


def test_overspent_accounts_count_as_holding_nothing() -> None:
    """A budget at −£50m holds nothing: 10 / (10 + 0 + 30) = 0.25, not 10 / (10 − 50 + 30)."""
    assert resource_alignment([-50.0, 30.0], [10.0]) == 0.25


def test_no_money_anywhere_is_zero() -> None:
    """With nothing held anywhere there is nothing pooled."""
    assert resource_alignment([0.0, -5.0], [0.0]) == 0.0
