"""The sentence a bot gives for its choice, written for the debrief: what tipped it, what it gave up, and why
not the runner-up. Built from the same assessed terms the choice was made on, so it never invents a reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from boardsim.core.bots.dispositions import DispositionProfile
from boardsim.core.bots.plan import DilemmaPlan
from boardsim.core.bots.utility import OptionAssessment, trust_stance, weighted_terms
from boardsim.core.scenario.model import Accountability, FlagMeasure
from boardsim.core.scenario.quantities import format_money

NOTABLE = 0.05
"""Terms smaller than this (in weighted utility units) are not worth mentioning."""

_KIND_WORDS = {"duty": "duty", "target": "target", "red-line": "red line"}


def words(identifier: str) -> str:
    """An id read aloud: `balanced-budget` → 'balanced budget', `delayed_discharges` → 'delayed discharges'."""
    return identifier.replace("-", " ").replace("_", " ")


def accountability_phrase(accountability: Accountability) -> str:
    """'its balanced budget duty', 'its no closures red line'."""
    return _accountability_phrase(accountability.id, accountability.kind)


@lru_cache(maxsize=1024)
def _accountability_phrase(identifier: str, kind: str) -> str:
    name = words(identifier)
    kind_words = _KIND_WORDS[kind]
    return f"its {name}" if name.endswith(kind_words) else f"its {name} {kind_words}"


def joined(parts: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def _quoted(assessment: OptionAssessment) -> str:
    return f"'{assessment.option.label}'"


def _own_measure_phrase(plan: DilemmaPlan, profile: DispositionProfile, a: OptionAssessment) -> str:
    """'brings down delayed discharges': the measure that serves the member's own priorities most."""
    keep = 1.0 - profile.delay_discount
    best_name, best_value, best_change = "", 0.0, 0.0
    for name, factor in plan.own_priorities:
        change = a.terms.immediate.measures.get(name, 0.0) + keep * a.terms.delayed.measures.get(name, 0.0)
        if factor * change > best_value:
            best_name, best_value, best_change = name, factor * change, change
    if not best_name:
        return "serves its own priorities"
    if isinstance(plan.scenario.state.get(best_name), FlagMeasure):
        return f"{'brings about' if best_change > 0 else 'undoes'} {words(best_name)}"
    return f"{'raises' if best_change > 0 else 'brings down'} {words(best_name)}"


_REASON_TERMS = ("own", "shared", "money", "reputation")


def _reason(term: str, plan: DilemmaPlan, profile: DispositionProfile, chosen: OptionAssessment) -> str:
    if term == "own":
        return _own_measure_phrase(plan, profile, chosen)
    if term == "shared":
        return "helps the shared purpose"
    if term == "money":
        return f"brings {format_money(round(chosen.money_pounds))} to its budget"
    return "earns it the others' trust"


def _reasons(
    plan: DilemmaPlan,
    profile: DispositionProfile,
    chosen: OptionAssessment,
    terms: dict[str, float],
    breached_elsewhere: Accountability | None,
) -> list[str]:
    """Up to two verb phrases for what tipped it (after 'it'), most weighty first."""
    reasons: list[str] = []
    if not chosen.breaches and breached_elsewhere is not None:
        reasons.append(f"protects {accountability_phrase(breached_elsewhere)}")
    notable = sorted((-terms[term], term) for term in _REASON_TERMS if terms[term] >= NOTABLE)
    for _, term in notable[: 2 - len(reasons)]:
        reasons.append(_reason(term, plan, profile, chosen))
    return reasons


def _concessions(chosen: OptionAssessment, terms: dict[str, float]) -> list[str]:
    """What it accepted to get it."""
    concessions = [f"even though it breaches {accountability_phrase(a)}" for a in chosen.breaches[:1]]
    if chosen.floor_breach:
        concessions.append("even though it takes its budget below its floor")
    if chosen.money_pounds < 0 and terms["money"] <= -NOTABLE:
        concessions.append(f"at a cost of {format_money(round(-chosen.money_pounds))} to its budget")
    return concessions


_CONTRASTS = {
    "own": "does less for its own priorities",
    "shared": "does less for the shared purpose",
    "money": "is worse for its budget",
    "breach": "risks more of its accountabilities",
    "reputation": "earns it less trust",
    "uncertainty": "is more of a gamble",
    "exposure": "puts more of its money at stake",
}


def _contrast(
    profile: DispositionProfile, chosen: OptionAssessment, ours: dict[str, float], runner_up: OptionAssessment
) -> str:
    """Why not the runner-up, in one clause."""
    if runner_up.breaches:
        return f"{_quoted(runner_up)} would breach {accountability_phrase(runner_up.breaches[0])}"
    if runner_up.floor_breach:
        return f"{_quoted(runner_up)} would take its budget below its floor"
    if chosen.utility - runner_up.utility < 2 * profile.temperature:
        return f"{_quoted(runner_up)} was a close second"
    theirs = weighted_terms(profile, runner_up)
    worst, shortfall = "", 0.0
    for term, value in ours.items():
        if theirs[term] - value < shortfall or not worst:
            worst, shortfall = term, theirs[term] - value
    return f"{_quoted(runner_up)} {_CONTRASTS[worst]}"


def choice_rationale(
    plan: DilemmaPlan,
    profile: DispositionProfile,
    chosen: OptionAssessment,
    assessments: Sequence[OptionAssessment],
) -> str:
    """'Chose 'split by contribution': it protects its balanced budget duty and helps the shared purpose;
    'ICB carries it' would breach its balanced budget duty.'"""
    runner_up: OptionAssessment | None = None
    breaching: OptionAssessment | None = None  # the best alternative that would breach something
    for other in assessments:
        if other is chosen:
            continue
        if runner_up is None or other.utility > runner_up.utility:
            runner_up = other
        if other.breaches and (breaching is None or other.utility > breaching.utility):
            breaching = other
    terms = weighted_terms(profile, chosen)
    reasons = _reasons(plan, profile, chosen, terms, breaching.breaches[0] if breaching else None)
    if profile.reciprocity and chosen.trust is not None and abs(trust_stance(chosen.trust)) >= 0.25:
        trusting = trust_stance(chosen.trust) > 0
        reasons.append(f"{'trusts' if trusting else 'does not trust'} the partners involved")
    sentence = f"Chose {_quoted(chosen)}: " + (f"it {joined(reasons)}" if reasons else "it was the least bad option")
    concessions = _concessions(chosen, terms)
    if concessions:
        sentence += ", " + ", ".join(concessions)
    if runner_up is not None:
        sentence += "; " + _contrast(profile, chosen, terms, runner_up)
    return sentence + "."


_WEAKNESSES = {
    "own": "works against its own priorities",
    "shared": "works against the shared purpose",
    "breach": "risks its accountabilities",
    "reputation": "would cost it the others' trust",
    "uncertainty": "is too much of a gamble",
    "exposure": "puts too much of its money at stake",
}


def abstain_rationale(profile: DispositionProfile, best: OptionAssessment) -> str:
    """Why a cautious bot stood aside: what holds back even the best option."""
    if best.breaches:
        weakness = f"would breach {accountability_phrase(best.breaches[0])}"
    elif best.floor_breach:
        weakness = "would take its budget below its floor"
    else:
        terms = weighted_terms(profile, best)
        worst = min(terms, key=terms.__getitem__)
        if terms[worst] > -NOTABLE:
            weakness = "gains too little"
        elif worst == "money":
            weakness = f"would cost it {format_money(round(-best.money_pounds))} for too little in return"
        else:
            weakness = _WEAKNESSES[worst]
    return f"Abstained: no option is clearly good for it; the best, {_quoted(best)}, {weakness}."


def fallback_rationale(label: str) -> str:
    """What the bot says when nothing is selectable."""
    return f"No option was open to it (none met its requirements), so it fell back to the first option, '{label}'."
