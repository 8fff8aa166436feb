"""The four disposition profiles: complete, documented, and weighted the way their names promise."""

from __future__ import annotations

import dataclasses
from typing import get_args

import pytest

from boardsim.core.bots import (
    CAUTIOUS,
    ORGANISATION_FIRST,
    PROFILES,
    RECIPROCATOR,
    SYSTEM_FIRST,
    DispositionProfile,
    profile_for,
)
from boardsim.core.scenario.types import Disposition


def test_every_disposition_the_format_accepts_has_a_profile() -> None:
    """A scenario may name any `Disposition`; each name maps to a profile carrying that name."""
    assert set(PROFILES) == set(get_args(Disposition))
    for name, profile in PROFILES.items():
        assert profile.name == name


@pytest.mark.parametrize("profile", list(PROFILES.values()), ids=list(PROFILES))
def test_each_profile_says_who_it_plays_like(profile: DispositionProfile) -> None:
    """Facilitators are shown `plays_like`: a real sentence, not a placeholder."""
    assert len(profile.plays_like.split()) >= 15
    assert profile.plays_like.endswith(".")


@pytest.mark.parametrize("profile", list(PROFILES.values()), ids=list(PROFILES))
def test_weights_are_non_negative_and_shares_are_fractions(profile: DispositionProfile) -> None:
    """Weights are magnitudes (the sign lives in the utility formula); shares and discounts lie in 0..1."""
    for item in dataclasses.fields(profile):
        value = getattr(profile, item.name)
        if isinstance(value, float):
            assert value >= 0, item.name
    assert 0 <= profile.delay_discount <= 1
    assert 0 <= profile.pledge_share <= 1
    assert profile.pledge_headroom_cap is None or 0 < profile.pledge_headroom_cap <= 1


def test_organisation_first_values_its_money_over_the_shared_purpose_and_is_myopic() -> None:
    """Organisation-first: own money outweighs the shared purpose; it discounts delayed effects the most."""
    assert ORGANISATION_FIRST.own_money > ORGANISATION_FIRST.shared_purpose
    assert ORGANISATION_FIRST.delay_discount == max(p.delay_discount for p in PROFILES.values())
    assert ORGANISATION_FIRST.pledge_share == 0.0


def test_system_first_values_the_shared_purpose_over_its_money_and_is_patient() -> None:
    """System-first: the shared purpose outweighs its own money; it discounts delayed effects the least."""
    assert SYSTEM_FIRST.shared_purpose > SYSTEM_FIRST.own_money
    assert SYSTEM_FIRST.delay_discount == min(p.delay_discount for p in PROFILES.values())
    assert SYSTEM_FIRST.pledge_share == max(p.pledge_share for p in PROFILES.values())


def test_only_the_reciprocator_responds_to_trust() -> None:
    """Reciprocity is the reciprocator's defining weight; the others ignore trust."""
    assert RECIPROCATOR.reciprocity > 0
    assert [p.name for p in PROFILES.values() if p.reciprocity > 0] == ["reciprocator"]


def test_cautious_weighs_breaches_and_risk_most_and_alone_abstains() -> None:
    """Cautious: the heaviest accountability and risk weights, the only one with an abstention threshold."""
    for weight in ("accountability", "uncertainty_aversion", "exposure_aversion"):
        assert getattr(CAUTIOUS, weight) == max(getattr(p, weight) for p in PROFILES.values())
    assert [p.name for p in PROFILES.values() if p.abstain_below is not None] == ["cautious"]


def test_profile_for_accepts_names_and_profiles_and_rejects_unknown_names() -> None:
    """A name or a profile gives a profile; a typo gives a readable error listing the valid names."""
    assert profile_for("cautious") is CAUTIOUS
    custom = dataclasses.replace(SYSTEM_FIRST, temperature=0.0)
    assert profile_for(custom) is custom
    with pytest.raises(ValueError, match=r"unknown bot disposition 'sytem-first'.*system-first"):
        profile_for("sytem-first")
