"""The four bot dispositions: documented weight profiles, one per way of sitting at a board.

Every weight multiplies a term measured in *utility units* (see `boardsim.core.bots.utility`): one unit is a
change worth a tenth of a measure's range at full priority weight, or two per cent of the member's own budget,
or one ordinary piece of trust evidence from every other member. Accountability breaches count 0.5 / 1 / 2 / 4
units for low / medium / high / critical severity before the accountability weight is applied. So the weights
say what trades against what: organisation-first gives up a unit of shared purpose for a fifth of a unit of its
own money; system-first the other way round.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import get_args

from boardsim.core.scenario.types import Disposition, Severity

SEVERITY_UNITS: Mapping[Severity, float] = {"low": 0.5, "medium": 1.0, "high": 2.0, "critical": 4.0}
"""What one breach costs, in utility units, before the disposition's accountability weight."""


@dataclass(frozen=True, slots=True)
class DispositionProfile:
    """How a bot weighs what an option would do. All weights are in utility units (module docstring)."""

    name: Disposition
    """The disposition's name as scenarios write it, e.g. `system-first`."""
    plays_like: str
    """Who this bot plays like in a real board, in plain English (shown to facilitators)."""
    own_priorities: float
    """Weight on the member's own priorities: Σ priority × change / range of its measures."""
    shared_purpose: float
    """Weight on the board's shared purpose priorities, scored the same way."""
    own_money: float
    """Weight on the net money an option brings to (or takes from) the member's own budget."""
    accountability: float
    """Weight on breaches of the member's own accountabilities that the option would cause."""
    reputation: float
    """Weight on trust evidence the option earns the member from the others (trust effects towards it)."""
    reciprocity: float
    """How far trust swings the shared purpose weight: 0 ignores trust; 1 doubles it for trusted partners
    (trust ≥ 0.7) and drops it to nothing for distrusted ones (trust ≤ 0.3), while the money weight moves
    the other way by half as much, so a distrusting bot protects its own budget."""
    delay_discount: float
    """The share of the value of delayed effects the bot ignores: 0 patient .. 1 only the here and now."""
    uncertainty_aversion: float
    """Penalty per unit of spread (standard deviation) of the value that rides on `chance:` or `when:`."""
    exposure_aversion: float
    """Penalty per unit of money moved in or out of its own budget, whichever the direction (big bets)."""
    temperature: float
    """Scale of the seeded Gumbel noise added to each option's utility, so sweeps explore close calls."""
    abstain_below: float | None
    """In a vote, abstain when the best option's utility is below this (None: always votes)."""
    pledge_share: float
    """Where in its pledge range it starts: 0 = the minimum, 1 = the maximum."""
    pledge_own_gain_bonus: float
    """Added to `pledge_share` when what the pledge dilemma does serves the member's own priorities."""
    pledge_headroom_cap: float | None
    """The most of its headroom above the budget floor it will pledge (1 = down to the floor; None: no cap)."""
    pledge_jitter: float
    """Seeded spread of the pledge share, ± this much of the range, so sweeps explore amounts."""


ORGANISATION_FIRST = DispositionProfile(
    name="organisation-first",
    plays_like=(
        "The chief officer who is judged by their own organisation's numbers this year: protects its budget and "
        "its own targets, backs the shared purpose only when it costs nothing, and discounts savings that land "
        "next year or in someone else's budget."
    ),
    own_priorities=1.0,
    shared_purpose=0.2,
    own_money=1.0,
    accountability=1.0,
    reputation=0.2,
    reciprocity=0.0,
    delay_discount=0.6,
    uncertainty_aversion=0.1,
    exposure_aversion=0.0,
    temperature=0.1,
    abstain_below=None,
    pledge_share=0.0,
    pledge_own_gain_bonus=0.4,
    pledge_headroom_cap=1.0,
    pledge_jitter=0.05,
)
"""Money and own priorities weigh five times the shared purpose; myopic (60% of delayed value ignored)."""

SYSTEM_FIRST = DispositionProfile(
    name="system-first",
    plays_like=(
        "The system leader who asks what the place needs that only the board together can do: puts the shared "
        "purpose first, will spend its own money and accept a lesser breach for it, and takes the long view."
    ),
    own_priorities=0.4,
    shared_purpose=1.5,
    own_money=0.3,
    accountability=0.5,
    reputation=0.3,
    reciprocity=0.0,
    delay_discount=0.1,
    uncertainty_aversion=0.1,
    exposure_aversion=0.0,
    temperature=0.1,
    abstain_below=None,
    pledge_share=0.8,
    pledge_own_gain_bonus=0.2,
    pledge_headroom_cap=None,
    pledge_jitter=0.1,
)
"""Shared purpose weighs five times its own money; it halves the weight on its own breaches; patient."""

RECIPROCATOR = DispositionProfile(
    name="reciprocator",
    plays_like=(
        "The partner who remembers: cooperates generously with members it trusts and guards its own budget "
        "against those who have let it down; its behaviour mirrors how the board has treated it."
    ),
    own_priorities=0.8,
    shared_purpose=0.8,
    own_money=0.6,
    accountability=1.0,
    reputation=0.5,
    reciprocity=1.0,
    delay_discount=0.3,
    uncertainty_aversion=0.2,
    exposure_aversion=0.0,
    temperature=0.1,
    abstain_below=None,
    pledge_share=0.5,
    pledge_own_gain_bonus=0.1,
    pledge_headroom_cap=1.0,
    pledge_jitter=0.1,
)
"""Balanced at neutral trust (0.5); plays like system-first with trusted partners, organisation-first otherwise."""

CAUTIOUS = DispositionProfile(
    name="cautious",
    plays_like=(
        "The officer with a regulator or a section 151 officer at their shoulder: avoids anything that could "
        "breach a duty or red line, distrusts gambles and big money moves, and stands aside in a vote when no "
        "option is clearly good."
    ),
    own_priorities=0.8,
    shared_purpose=0.6,
    own_money=0.6,
    accountability=2.0,
    reputation=0.3,
    reciprocity=0.0,
    delay_discount=0.3,
    uncertainty_aversion=0.5,
    exposure_aversion=0.3,
    temperature=0.05,
    abstain_below=0.3,
    pledge_share=0.5,
    pledge_own_gain_bonus=0.0,
    pledge_headroom_cap=0.5,
    pledge_jitter=0.05,
)
"""Breaches weigh double; chancy value and money exposure are penalised; abstains below 0.3 units."""

PROFILES: Mapping[Disposition, DispositionProfile] = {
    "organisation-first": ORGANISATION_FIRST,
    "system-first": SYSTEM_FIRST,
    "reciprocator": RECIPROCATOR,
    "cautious": CAUTIOUS,
}
"""Every disposition a scenario can name, by name (tests pin that it covers the format's `Disposition`)."""

DISPOSITION_NAMES: tuple[Disposition, ...] = get_args(Disposition)
"""The dispositions the scenario format accepts, in the format's order."""

_BY_NAME: dict[str, DispositionProfile] = dict(PROFILES.items())


def profile_for(disposition: str | DispositionProfile) -> DispositionProfile:
    """The profile for a disposition name (or the profile itself); a clear ValueError for an unknown name."""
    if isinstance(disposition, DispositionProfile):
        return disposition
    profile = _BY_NAME.get(disposition)
    if profile is None:
        known = ", ".join(DISPOSITION_NAMES)
        raise ValueError(f"unknown bot disposition {disposition!r}: use one of {known}")
    return profile
