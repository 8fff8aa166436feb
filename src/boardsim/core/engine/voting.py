"""Counting decisions: board votes under a rule and quorum, and the most-chosen option of individual choices.

Pure functions over ballots, so each rule can be tested on its own:

* quorum — the share of deciders who cast a ballot for an option (abstaining or being absent does not count)
  must reach the mode's `quorum`;
* majority — an option with more than half of the ballots cast for options carries;
* consensus — every ballot cast is for the same option (abstaining is standing aside), at least one cast;
* unanimity — every decider voted, and for the same option.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from boardsim.core.scenario.model import PledgeMode, VoteMode


@dataclass(frozen=True, slots=True)
class VoteCount:
    """The result of counting a vote."""

    tally: dict[str, int]
    """Votes per option, in option order."""
    cast: int
    """Ballots cast for an option."""
    quorum_met: bool
    carried: str | None
    """The option that carried under the rule, or None."""


def count_votes(
    mode: VoteMode, options: Sequence[str], deciders: Sequence[str], ballots: Mapping[str, str | None]
) -> VoteCount:
    """Count `ballots` (member -> option id, None = abstained; absent members are missing)."""
    tally = dict.fromkeys(options, 0)
    for member in deciders:
        ballot = ballots.get(member)
        if ballot is not None and ballot in tally:
            tally[ballot] += 1
    cast = sum(tally.values())
    quorum_met = bool(deciders) and cast / len(deciders) >= mode.quorum
    carried: str | None = None
    if quorum_met and cast:
        leader = max(options, key=lambda option: tally[option])  # first in option order on a tie
        votes = tally[leader]
        if mode.rule == "majority":
            carried = leader if votes * 2 > cast else None
        elif mode.rule == "consensus":
            carried = leader if votes == cast else None
        else:  # unanimity
            carried = leader if votes == len(deciders) else None
    return VoteCount(tally=tally, cast=cast, quorum_met=quorum_met, carried=carried)


def most_chosen(options: Sequence[str], choices: Mapping[str, str | None]) -> str | None:
    """The option chosen by most members (ties go to the first in option order); None if nobody chose."""
    counts = dict.fromkeys(options, 0)
    for choice in choices.values():
        if choice is not None and choice in counts:
            counts[choice] += 1
    if not counts or max(counts.values()) == 0:
        return None
    return max(options, key=lambda option: counts[option])


def pledge_bounds(mode: PledgeMode, member: str) -> tuple[int, int]:
    """The least and most `member` may pledge under `mode`."""
    bounds = mode.bounds.get(member)
    if bounds is not None:
        return bounds.min, bounds.max
    return mode.min, mode.max
