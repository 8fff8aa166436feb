"""A bot takes one decision: choose an option, vote (or abstain), or pledge an amount, with a reason.

Choosing is argmax of utility plus seeded Gumbel noise scaled by the disposition's temperature. That is the
Gumbel-max trick: it picks each option with exactly the softmax probability exp(u/T) / Σ exp(u/T), so options
closer than about T are explored across seeds while clearly better ones win almost always. Exactly one draw is
taken per selectable option, in the dilemma's order (none at temperature 0 or when nothing is selectable; a
pledge takes one); exact ties go to the first option in that order.
"""

from __future__ import annotations

from math import inf, log
from random import Random

from boardsim.core.bots.dispositions import DispositionProfile, profile_for
from boardsim.core.bots.plan import DilemmaPlan, plan_for
from boardsim.core.bots.pledge import decide_pledge
from boardsim.core.bots.rationale import abstain_rationale, choice_rationale, fallback_rationale
from boardsim.core.bots.situation import BotDecision, DecisionSituation
from boardsim.core.bots.utility import OptionAssessment, assess_options
from boardsim.core.scenario.model import PledgeMode, VoteMode
from boardsim.core.scenario.types import Disposition

_SMALLEST_UNIFORM = 1e-300


def gumbel(uniform: float) -> float:
    """A standard Gumbel draw (location 0, scale 1) from a uniform draw in [0, 1)."""
    return -log(-log(max(uniform, _SMALLEST_UNIFORM)))


def pick(assessments: list[OptionAssessment], temperature: float, rng: Random) -> OptionAssessment:
    """The assessment with the highest noisy utility (first in order on an exact tie)."""
    if temperature <= 0:
        return max(assessments, key=_utility)  # max keeps the first of equal keys
    draw = rng.random
    best = assessments[0]
    best_key = -inf
    for assessment in assessments:
        # gumbel(draw()) written out: this runs for every option of every decision of a sweep
        key = assessment.utility + temperature * -log(-log(max(draw(), _SMALLEST_UNIFORM)))
        if key > best_key:
            best, best_key = assessment, key
    return best


def _utility(assessment: OptionAssessment) -> float:
    return assessment.utility


def decide(
    situation: DecisionSituation,
    disposition: Disposition | DispositionProfile,
    rng: Random,
    *,
    explain: bool = True,
) -> BotDecision:
    """The decision of a bot holding `situation.member`'s seat, with a sentence the debrief can show.

    * individual mode: always an option id among `selectable_options()`;
    * vote mode: an option id, or None (abstain) when the disposition abstains (`abstain_below`), the rule lets
      abstaining mean standing aside (majority, consensus; not unanimity) and no option reaches the threshold;
    * pledge mode: an amount within `pledge_bounds()` (see `boardsim.core.bots.pledge`);
    * nothing selectable (individual or vote): the dilemma's first option (its default if it has none), said so.
    Deterministic for a given situation and generator state; `rng` is only ever the bot's own seeded stream.
    `explain=False` skips writing the rationale (left empty) for callers that never show it, such as a sweep
    that keeps no journal: the decision and the draws taken are the same either way.
    """
    profile = profile_for(disposition)
    plan = plan_for(situation.scenario, situation.member, situation.dilemma)
    if isinstance(plan.dilemma.mode, PledgeMode):
        return decide_pledge(situation, profile, plan, rng, explain=explain)
    options = situation.selectable_options()
    if not options:
        return _fall_back(plan)
    assessments = assess_options(situation, profile, plan, options)
    chosen = pick(assessments, profile.temperature, rng)
    if isinstance(plan.dilemma.mode, VoteMode) and plan.abstention_allowed and profile.abstain_below is not None:
        best = max(assessments, key=_utility)
        if best.utility < profile.abstain_below:
            return BotDecision(option=None, rationale=abstain_rationale(profile, best) if explain else "")
    if not explain:
        return BotDecision(option=chosen.option.id)
    return BotDecision(option=chosen.option.id, rationale=choice_rationale(plan, profile, chosen, assessments))


def _fall_back(plan: DilemmaPlan) -> BotDecision:
    if plan.dilemma.options:
        first = plan.dilemma.options[0]
        return BotDecision(option=first.id, rationale=fallback_rationale(first.label))
    return BotDecision(
        option=plan.dilemma.default,
        rationale=f"The dilemma offers no options, so it took the default, '{plan.dilemma.default}'.",
    )
