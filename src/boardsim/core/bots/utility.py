"""Expected utility of an option for one member: its effects, its accountabilities and its trust in the others.

Each option is assessed into terms measured in utility units (see `plan.MEASURE_SCALE` and
`plan.MONEY_UNIT_SHARE`), then a disposition weighs the terms:

    utility = own_priorities × own + shared_purpose' × shared + own_money' × money
              − accountability × breaches + reputation × trust_earned
              − uncertainty_aversion × spread − exposure_aversion × money_moved

* own / shared: `priority_score` of the expected measure changes over the member's priorities / the shared
  purpose's, immediate effects in full and delayed effects × (1 − delay_discount);
* money: expected net pounds to its own budget (delayed money discounted the same way) per money unit;
* breaches: severity units of the accountabilities the option would put in breach that are not in breach
  whichever option is taken (those are not this choice's doing), plus a critical breach for pushing its
  budget below its floor when no accountability of its own already watches its budget;
* trust_earned: trust evidence the option's trust effects give the member, averaged over the others;
* spread: the standard deviation of the value riding on `chance:` or `when:` effects (`plan.spread_factor`);
* money_moved: money moved in or out of its own budget, gross, per money unit (how big a bet it is);
* reciprocity: shared_purpose' and own_money' move with the bot's average trust in the members the option
  concerns (see `trust_stance`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from boardsim.core.bots.dispositions import SEVERITY_UNITS, DispositionProfile
from boardsim.core.bots.plan import DilemmaPlan, OptionPlan, Weighting, option_plan
from boardsim.core.bots.situation import DecisionSituation
from boardsim.core.impact import OptionImpact, effects_impact
from boardsim.core.scenario.model import Accountability, Effect, Option

NO_IMPACT = OptionImpact()
NEUTRAL_TRUST = 0.5
TRUST_SWING = 0.2
"""Trust this far from neutral (0.3 or 0.7) moves a reciprocator all the way to distrust or full trust."""


@dataclass(frozen=True, slots=True)
class OptionTerms:
    """What an option does for the member in the current state, before any disposition weighs it.

    Scores are in utility units, split into what lands at once and what lands after a delay so that each
    disposition can apply its own discount. Depends only on the values of the option's target states, which is
    why it is memoised per option on those values.
    """

    own_now: float
    own_later: float
    shared_now: float
    shared_later: float
    money_now: float
    """Expected pounds to its own budget from immediate effects."""
    money_later: float
    uncertainty: float
    """Spread of the value riding on chance or conditions: Σ over uncertain effects of their standard
    deviation, |own| + |shared| + |money| of the effect's expected impact × `plan.spread_factor`, in units."""
    immediate: OptionImpact
    delayed: OptionImpact


@dataclass(slots=True)
class OptionAssessment:
    """One option weighed for one member by one disposition (built per decision; treat as read-only)."""

    option: Option
    planned: OptionPlan
    terms: OptionTerms
    own_priorities: float
    shared_purpose: float
    own_money: float
    """Net money to its own budget, in utility units (delayed money discounted)."""
    money_pounds: float
    """The same in expected pounds."""
    breaches: tuple[Accountability, ...]
    """Its accountabilities this option would put in breach (and not every other option would)."""
    floor_breach: bool
    """It would push the member's budget below its floor."""
    breach_units: float
    trust: float | None
    """Average trust in the members the option concerns (only looked up for dispositions that reciprocate)."""
    utility: float


def score(weights: Weighting, measures: Mapping[str, float]) -> float:
    """`impact.priority_score` with the ranges already divided in (one multiply-add per priority)."""
    return sum(factor * measures.get(name, 0.0) for name, factor in weights) if measures else 0.0


def trust_stance(trust: float) -> float:
    """-1 (distrust, trust ≤ 0.3) .. 0 (neutral 0.5, no history) .. +1 (trust, ≥ 0.7)."""
    return max(-1.0, min(1.0, (trust - NEUTRAL_TRUST) / TRUST_SWING))


def reciprocal_weights(profile: DispositionProfile, trust: float | None) -> tuple[float, float]:
    """The shared purpose and own money weights after reciprocity: trust raises the first and lowers the second."""
    shared_weight, money_weight = profile.shared_purpose, profile.own_money
    if profile.reciprocity and trust is not None:
        stance = profile.reciprocity * trust_stance(trust)
        shared_weight *= 1.0 + stance
        money_weight *= 1.0 - stance / 2.0
    return shared_weight, money_weight


def weighted_terms(profile: DispositionProfile, assessment: OptionAssessment) -> dict[str, float]:
    """Each term's signed contribution to the assessment's utility (they add up to it), for explanations."""
    shared_weight, money_weight = reciprocal_weights(profile, assessment.trust)
    return {
        "own": profile.own_priorities * assessment.own_priorities,
        "shared": shared_weight * assessment.shared_purpose,
        "money": money_weight * assessment.own_money,
        "breach": -profile.accountability * assessment.breach_units,
        "reputation": profile.reputation * assessment.planned.reputation,
        "uncertainty": -profile.uncertainty_aversion * assessment.terms.uncertainty,
        "exposure": -profile.exposure_aversion * assessment.planned.exposure,
    }


def average_trust(situation: DecisionSituation, truster: str, others: Sequence[str], memo: dict[str, float]) -> float:
    """Mean trust of `truster` in `others` (neutral when there is nobody), memoised across options."""
    if not others:
        return NEUTRAL_TRUST
    total = 0.0
    for other in others:
        value = memo.get(other)
        if value is None:
            value = memo[other] = situation.trust(truster, other)
        total += value
    return total / len(others)


_MEMO_LIMIT = 64


def option_terms(planned: OptionPlan, plan: DilemmaPlan, state: Mapping[str, float | bool]) -> OptionTerms:
    """The option's terms in `state`, memoised on the values of the states it changes.

    Money moves do not depend on the state and a measure change depends only on its own measure's value
    (clamping to the range, flags already set), so two states that agree on `planned.targets` give the same
    terms. A sweep meets the same few states at a dilemma over and over, so most calls are a lookup.
    """
    key = tuple(map(state.get, planned.targets))
    terms = planned.memo.get(key)
    if terms is None:
        terms = _compute_terms(planned, plan, state)
        if len(planned.memo) >= _MEMO_LIMIT:
            planned.memo.clear()
        planned.memo[key] = terms
    return terms


def _compute_terms(planned: OptionPlan, plan: DilemmaPlan, state: Mapping[str, float | bool]) -> OptionTerms:
    member_id = plan.member.id
    immediate = _impact(planned, planned.immediate, state, plan)
    delayed = _impact(planned, planned.delayed, state, plan)
    uncertainty = 0.0
    for effects, spread in planned.uncertain:
        chancy = _impact(planned, effects, state, plan)
        uncertainty += spread * (
            abs(score(plan.own_priorities, chancy.measures))
            + abs(score(plan.shared_priorities, chancy.measures))
            + abs(chancy.money_for(member_id)) / plan.money_unit
        )
    return OptionTerms(
        own_now=score(plan.own_priorities, immediate.measures),
        own_later=score(plan.own_priorities, delayed.measures),
        shared_now=score(plan.shared_priorities, immediate.measures),
        shared_later=score(plan.shared_priorities, delayed.measures),
        money_now=immediate.money_for(member_id),
        money_later=delayed.money_for(member_id),
        uncertainty=uncertainty,
        immediate=immediate,
        delayed=delayed,
    )


def _impact(
    planned: OptionPlan, effects: list[Effect], state: Mapping[str, float | bool], plan: DilemmaPlan
) -> OptionImpact:
    if not effects:
        return NO_IMPACT
    return effects_impact(effects, state, plan.scenario, chooser=planned.chooser, lead=planned.option.lead)


def assess_options(
    situation: DecisionSituation,
    profile: DispositionProfile,
    plan: DilemmaPlan,
    options: Sequence[Option],
) -> list[OptionAssessment]:
    """Assess every option in `options` (in order) for the situation's member under `profile`.

    This is the hot loop of a sweep, so the weights are read once and the sum is written out here;
    `weighted_terms` states the same sum term by term (a test pins that they agree).
    """
    state = situation.state_values()
    member_id = plan.member.id
    keep_delayed = 1.0 - profile.delay_discount
    breach_lists = [situation.breaches_if(option) for option in options]
    # An accountability in breach whatever is chosen is not this choice's doing: it must not count against
    # every option (that would only push a cautious bot to abstain for a reason its vote cannot change).
    unavoidable: set[str] = set()
    if len(options) > 1 and all(breach_lists):
        unavoidable = set.intersection(*({a.id for a in breaches} for breaches in breach_lists))
    watch_floor = not plan.floor_is_accountable and plan.member.budget is not None
    budget_now = situation.budget(member_id) if watch_floor else 0
    floor = plan.floor
    money_unit = plan.money_unit
    own_weight = profile.own_priorities
    accountability_weight = profile.accountability
    reputation_weight = profile.reputation
    uncertainty_weight = profile.uncertainty_aversion
    exposure_weight = profile.exposure_aversion
    shared_weight, money_weight = profile.shared_purpose, profile.own_money
    reciprocates = profile.reciprocity > 0
    trust: float | None = None
    trust_memo: dict[str, float] = {}
    assessments = []
    planned_options = plan.options
    for option, breaches_now in zip(options, breach_lists, strict=True):
        # `option_plan` and `option_terms` inlined for their common case (a known option, a state seen before).
        planned = planned_options.get(option.id)
        if planned is None or planned.option is not option:
            planned = option_plan(plan, option)
        terms = planned.memo.get(tuple(map(state.get, planned.targets)))
        if terms is None:
            terms = option_terms(planned, plan, state)
        own = terms.own_now + keep_delayed * terms.own_later
        shared = terms.shared_now + keep_delayed * terms.shared_later
        money_pounds = terms.money_now + keep_delayed * terms.money_later
        money = money_pounds / money_unit
        breach_units = 0.0
        caused: tuple[Accountability, ...] = ()
        if breaches_now:
            caused = tuple(a for a in breaches_now if a.id not in unavoidable)
            breach_units = sum(SEVERITY_UNITS[a.severity] for a in caused)
        floor_breach = watch_floor and budget_now >= floor > budget_now + terms.money_now
        if floor_breach:
            breach_units += SEVERITY_UNITS["critical"]
        if reciprocates:
            trust = average_trust(situation, member_id, planned.concerned, trust_memo)
            shared_weight, money_weight = reciprocal_weights(profile, trust)
        utility = (
            own_weight * own
            + shared_weight * shared
            + money_weight * money
            - accountability_weight * breach_units
            + reputation_weight * planned.reputation
            - uncertainty_weight * terms.uncertainty
            - exposure_weight * planned.exposure
        )
        assessments.append(
            OptionAssessment(
                option,
                planned,
                terms,
                own,
                shared,
                money,
                money_pounds,
                caused,
                floor_breach,
                breach_units,
                trust,
                utility,
            )
        )
    return assessments
