"""Leadership distribution: normalised Shannon entropy of how many options each member has led.

H = −Σ p·ln p over members who led, divided by ln(n) with n = the number of members (3 here).
"""

from __future__ import annotations

import math

import pytest

from boardsim.core.metrics import MetricsTracker
from boardsim.core.metrics.leadership import normalised_entropy

from .factories import COUNCIL, DPH, ICB, make_scenario


def leadership_after(*leaders: str) -> float | None:
    """The leadership distribution after the given members each led one option."""
    tracker = MetricsTracker(make_scenario())
    for day, member in enumerate(leaders):
        tracker.record_lead(day, member)
    return tracker.snapshot(len(leaders), 0).leadership_distribution


def test_no_leadership_yet_is_none() -> None:
    """Before anyone has led anything, the distribution is not defined."""
    assert leadership_after() is None


def test_one_member_leading_everything_is_zero() -> None:
    """All leads by the council: p = 1, H = 0."""
    assert leadership_after(COUNCIL, COUNCIL, COUNCIL) == 0.0


def test_leadership_shared_evenly_by_every_member_is_one() -> None:
    """Two leads each: p = 1/3 each, H = ln 3, H / ln 3 = 1."""
    assert leadership_after(COUNCIL, ICB, DPH, DPH, ICB, COUNCIL) == 1.0


def test_uneven_leadership_by_hand() -> None:
    """Council 2, ICB 1, Public Health 0: H = −(⅔ ln ⅔ + ⅓ ln ⅓) = 0.636514; / ln 3 (1.098612) = 0.579380."""
    assert leadership_after(COUNCIL, ICB, COUNCIL) == 0.57938


def test_two_of_three_sharing_evenly_is_not_fully_shared() -> None:
    """Members who never lead count: one lead each by two of three members gives ln 2 / ln 3 = 0.630930."""
    assert leadership_after(COUNCIL, ICB) == 0.63093


@pytest.mark.parametrize(
    ("counts", "categories", "expected"),
    [
        ([4, 0], 2, 0.0),
        ([1, 1], 2, 1.0),
        ([3, 1], 2, -(0.75 * math.log(0.75) + 0.25 * math.log(0.25)) / math.log(2)),  # 0.811278
        ([5], 1, None),  # one member: a spread of one thing is meaningless
    ],
)
def test_normalised_entropy(counts: list[int], categories: int, expected: float | None) -> None:
    """The entropy function itself on small counts."""
    assert normalised_entropy(counts, categories) == (pytest.approx(expected) if expected is not None else None)


def test_an_unknown_leader_is_refused() -> None:
    """Only the scenario's members can lead."""
    with pytest.raises(ValueError, match="unknown member 'police'"):
        MetricsTracker(make_scenario()).record_lead(0, "police")
