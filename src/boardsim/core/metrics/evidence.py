"""What counts as trust evidence: the rules that turn commitments, choices and pledges into experiences.

Every rule says who updates their trust (the observer), in whom (the member who acted), by how much positive
or negative evidence, which face of trustworthiness it concerns (Mayer, Davis & Schoorman, 1995) and the
sentence that explains it. The weights are deliberately small against the scenario's starting history, and
bad experiences weigh more than good ones (the asymmetry of trust: Slovic, 1993). The reasoning is in
facilitator_guide/metrics.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from boardsim.core.scenario.model import Dilemma, IndividualMode

from . import sentences
from .appraisal import Appraisal
from .snapshot import TrustFace

COMMITMENT_KEPT_WEIGHT = 1.0
"""Positive evidence from each member a kept commitment was owed to (integrity)."""
COMMITMENT_BROKEN_WEIGHT = 1.5
"""Negative evidence from each member a broken commitment was owed to (integrity)."""
COSTLY_COOPERATION_WEIGHT = 0.5
"""Positive evidence from every other member for a choice that cost the chooser and helped others (benevolence)."""
DEFECTION_WEIGHT = 0.75
"""Negative evidence from those who chose the majority option, for going one's own way at the place's expense."""
GENEROUS_PLEDGE_WEIGHT = 0.5
"""Positive evidence from every other member for pledging the most one could; scaled down to 0 at the midpoint."""
MINIMAL_PLEDGE_WEIGHT = 0.25
"""Negative evidence from every other member for pledging only the minimum when more was possible."""

COMMITMENT_KEPT = "commitment-kept"
COMMITMENT_BROKEN = "commitment-broken"
COSTLY_COOPERATION = "costly-cooperation"
DEFECTION = "defection"
GENEROUS_PLEDGE = "generous-pledge"
MINIMAL_PLEDGE = "minimal-pledge"

_MONEY_TOLERANCE = 0.5  # pounds: expected amounts are floats; differences under a pound are noise
_SCORE_TOLERANCE = 1e-9


TrustEvidence = tuple[str, str, float, float, TrustFace | None, str, str]
"""One experience: (truster, trustee, positive, negative, face, kind, sentence) — `truster` learns something
about `trustee`. A plain tuple: a board-wide decision makes members × (members − 1) of them."""


def commitment_evidence(
    names: Mapping[str, str], maker: str, owed_to: Sequence[str], *, kept: bool, promise: str, explain: bool = True
) -> list[TrustEvidence]:
    """A commitment fell due: everyone it was owed to learns whether the maker keeps its word.

    With `explain=False` the sentences are left empty (nobody will read them); the evidence is the same.
    """
    opening = sentences.commitment_opening(names[maker], promise, kept=kept) if explain else ""
    close = sentences.trusts_more if kept else sentences.trusts_less
    positive, negative = (COMMITMENT_KEPT_WEIGHT, 0.0) if kept else (0.0, COMMITMENT_BROKEN_WEIGHT)
    kind = COMMITMENT_KEPT if kept else COMMITMENT_BROKEN
    return [
        (truster, maker, positive, negative, "integrity", kind, close(opening, names[truster]) if explain else "")
        for truster in owed_to
        if truster != maker
    ]


def is_costly(appraisal: Appraisal) -> bool:
    """The option costs the member: money out of its own budget, or a move against its own priorities."""
    return appraisal.own_money < -_MONEY_TOLERANCE or appraisal.own_score < -_SCORE_TOLERANCE


def helps_others(appraisal: Appraisal) -> bool:
    """The option serves the shared purpose, or puts money into partners' budgets or pools."""
    return appraisal.shared_score > _SCORE_TOLERANCE or appraisal.to_others > _MONEY_TOLERANCE


def better_for_self(chosen: Appraisal, alternative: Appraisal) -> bool:
    """The chosen option leaves the member better off than the alternative.

    Money first, because that is what the rest of the board can see the member keeping; when the money is the
    same, its own stated priorities decide.
    """
    difference = chosen.own_money - alternative.own_money
    if abs(difference) > _MONEY_TOLERANCE:
        return difference > 0
    return chosen.own_score > alternative.own_score + _SCORE_TOLERANCE


def worse_for_place(chosen: Appraisal, alternative: Appraisal) -> bool:
    """The chosen option does less for the shared purpose than the alternative.

    Judged on the shared purpose's priorities; when those are equal, on the money left with partners and pools.
    """
    difference = chosen.shared_score - alternative.shared_score
    if abs(difference) > _SCORE_TOLERANCE:
        return difference < 0
    return chosen.to_others < alternative.to_others - _MONEY_TOLERANCE


def tally(ballots: Iterable[str | None]) -> dict[str, int]:
    """How many times each option was chosen (None, an abstention, is not an option)."""
    counts: dict[str, int] = {}
    for ballot in ballots:
        if ballot is not None:
            counts[ballot] = counts.get(ballot, 0) + 1
    return counts


def most_chosen(counts: Mapping[str, int], option_order: Sequence[str]) -> str | None:
    """The option with the most choices; ties go to the first in the dilemma's order; None if no choices."""
    best: str | None = None
    for option in option_order:
        if counts.get(option, 0) > 0 and (best is None or counts[option] > counts[best]):
            best = option
    return best


def decision_evidence(
    names: Mapping[str, str],
    dilemma: Dilemma,
    choices: Sequence[tuple[str, str | None]],
    appraise: Callable[[str, str], Appraisal],
    *,
    explain: bool = True,
) -> list[TrustEvidence]:
    """Evidence from a set of revealed choices or votes (`choices` in member order; None = abstained).

    Costly cooperation: a member whose option costs it while helping the place or its partners gains
    benevolence evidence from every other member. Defection (individual choices only): a member whose option
    is better for itself and worse for the place than the option most of the others chose loses benevolence
    evidence with those others. Each observer records at most one experience of each member per decision;
    when both rules apply, the defection is what those who chose otherwise remember. With `explain=False` the
    sentences are left empty.
    """
    individual = isinstance(dilemma.mode, IndividualMode)
    labels = {option.id: option.label for option in dilemma.options}
    order = [option.id for option in dilemma.options]
    counts = tally(option_id for _, option_id in choices)
    chosen = dict(choices)
    evidence: list[TrustEvidence] = []
    for member, option_id in choices:
        if option_id is None:
            continue
        own = appraise(member, option_id)
        majority = _majority_of_others(counts, order, option_id) if individual else None
        defection = False
        money_gain = 0.0
        if majority is not None and majority != option_id:
            alternative = appraise(member, majority)
            defection = better_for_self(own, alternative) and worse_for_place(own, alternative)
            difference = own.own_money - alternative.own_money
            money_gain = difference if difference > _MONEY_TOLERANCE else 0.0
        cooperation = is_costly(own) and helps_others(own)
        if not (defection or cooperation):
            continue
        defected = ""
        cooperated = ""
        if explain:
            if defection:
                defected = sentences.defection_opening(
                    names[member],
                    label=labels[option_id],
                    title=dilemma.title,
                    majority_label=labels[majority] if majority is not None else "",
                    money_gain=money_gain,
                )
            if cooperation:
                cooperated = sentences.cooperation_opening(
                    names[member],
                    voted=not individual,
                    label=labels[option_id],
                    title=dilemma.title,
                    money_cost=-own.own_money if own.own_money < -_MONEY_TOLERANCE else 0.0,
                    against_own_priorities=own.own_score < -_SCORE_TOLERANCE,
                    serves_shared_purpose=own.shared_score > _SCORE_TOLERANCE,
                )
        for observer in names:
            if observer == member:
                continue
            if defection and chosen.get(observer) == majority:
                sentence = sentences.trusts_less(defected, names[observer]) if explain else ""
                evidence.append((observer, member, 0.0, DEFECTION_WEIGHT, "benevolence", DEFECTION, sentence))
            elif cooperation:
                sentence = sentences.trusts_more(cooperated, names[observer]) if explain else ""
                evidence.append(
                    (observer, member, COSTLY_COOPERATION_WEIGHT, 0.0, "benevolence", COSTLY_COOPERATION, sentence)
                )
    return evidence


def _majority_of_others(counts: Mapping[str, int], order: Sequence[str], own_choice: str) -> str | None:
    others = dict(counts)
    others[own_choice] -= 1
    return most_chosen(others, order)


def pledge_evidence(
    names: Mapping[str, str],
    dilemma: Dilemma,
    pool_name: str,
    pledges: Sequence[tuple[str, int, int, int]],
    able_to_give_more: Callable[[str], bool],
    *,
    explain: bool = True,
) -> list[TrustEvidence]:
    """Evidence from pledges, each (member, amount, least it could pledge, most it could pledge).

    A pledge above the midpoint of the member's bounds earns benevolence evidence from every other member,
    growing linearly from 0 at the midpoint to GENEROUS_PLEDGE_WEIGHT at the maximum. Pledging the minimum
    when the bounds allowed more and the member was above its budget floor costs MINIMAL_PLEDGE_WEIGHT.
    Anything in between says nothing either way. With `explain=False` the sentences are left empty.
    """
    evidence: list[TrustEvidence] = []
    title = dilemma.title
    for member, amount, low, high in pledges:
        if high <= low:
            continue  # no freedom, no signal
        midpoint = (low + high) / 2
        if amount > midpoint:
            weight = GENEROUS_PLEDGE_WEIGHT * min(1.0, (amount - midpoint) / (high - midpoint))
            opening = (
                sentences.generous_pledge_opening(
                    names[member], amount=amount, pool=pool_name, title=title, low=low, high=high
                )
                if explain
                else ""
            )
            for observer in names:
                if observer != member:
                    sentence = sentences.trusts_more(opening, names[observer]) if explain else ""
                    evidence.append((observer, member, weight, 0.0, "benevolence", GENEROUS_PLEDGE, sentence))
        elif amount <= low and able_to_give_more(member):
            opening = (
                sentences.minimal_pledge_opening(names[member], amount=amount, pool=pool_name, title=title, high=high)
                if explain
                else ""
            )
            for observer in names:
                if observer != member:
                    sentence = sentences.trusts_a_little_less(opening, names[observer]) if explain else ""
                    evidence.append(
                        (observer, member, 0.0, MINIMAL_PLEDGE_WEIGHT, "benevolence", MINIMAL_PLEDGE, sentence)
                    )
    return evidence
