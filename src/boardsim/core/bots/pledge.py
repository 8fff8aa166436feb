"""How much a bot pledges into a pool: a share of its range set by its disposition, always within its bounds.

share = pledge_share
        + pledge_own_gain_bonus            if what the dilemma does on close serves its own priorities
        × (1 + reciprocity × trust stance) towards the other contributors and the pool's host
        ± pledge_jitter                    (one seeded uniform draw, so sweeps explore amounts)
amount = min + share × (max − min), capped at pledge_headroom_cap × (budget − floor), rounded to sensible
money (£1k, £10k, £100k or £1m steps: the largest step no bigger than a hundredth of the range) and finally
clamped into [min, max]: the bounds always win, even over the cap.
"""

from __future__ import annotations

from random import Random

from boardsim.core.bots.dispositions import DispositionProfile
from boardsim.core.bots.plan import DilemmaPlan
from boardsim.core.bots.rationale import joined
from boardsim.core.bots.situation import BotDecision, DecisionSituation
from boardsim.core.bots.utility import average_trust, option_terms, trust_stance
from boardsim.core.scenario.quantities import format_money

OWN_GAIN_THRESHOLD = 0.05
"""What the dilemma does on close must be worth this much (utility units, delayed effects discounted by the
disposition) to the member's own priorities for it to count as a gain."""

_STEPS = (1_000_000, 100_000, 10_000, 1_000)


def money_step(span: int) -> int:
    """The rounding step for a pledge range: the largest of £1m/£100k/£10k/£1k at most span/100, else £1."""
    return next((step for step in _STEPS if step * 100 <= span), 1)


def round_pledge(amount: float, low: int, high: int, cap: float | None) -> int:
    """Round to a sensible step without rounding up past the cap, then clamp into [low, high]."""
    step = money_step(high - low)
    rounded = round(amount / step) * step
    if cap is not None and rounded > cap:
        rounded = int(cap // step) * step
    return max(low, min(high, rounded))


def decide_pledge(
    situation: DecisionSituation, profile: DispositionProfile, plan: DilemmaPlan, rng: Random, *, explain: bool = True
) -> BotDecision:
    """The pledge for the situation's member: an amount within `situation.pledge_bounds()` and why."""
    low, high = situation.pledge_bounds()
    draw = rng.random()  # always exactly one draw, so the stream does not depend on the branch taken
    if high <= low:
        return BotDecision(amount=low, rationale=f"Pledged {format_money(low)}: the only amount it may pledge.")
    member_id = plan.member.id
    share = profile.pledge_share
    raising: list[str] = []  # what pushed the pledge up, and down, in words for the rationale
    lowering: list[str] = []

    own_gain = False
    if plan.closing is not None:
        closing = option_terms(plan.closing, plan, situation.state_values())
        own_gain = closing.own_now + (1.0 - profile.delay_discount) * closing.own_later >= OWN_GAIN_THRESHOLD
    if own_gain and profile.pledge_own_gain_bonus:
        share += profile.pledge_own_gain_bonus
        raising.append("its own priorities gain from what the pledge pays for")
    elif not own_gain and profile.pledge_share <= 0.1:
        lowering.append("the pledge does little for its own priorities")

    if profile.reciprocity:
        trust = average_trust(situation, member_id, plan.other_deciders, {})
        stance = trust_stance(trust)
        share *= 1.0 + profile.reciprocity * stance
        if abs(stance) >= 0.25:
            if stance > 0:
                raising.append(f"it trusts the other contributors (average trust {trust:.2f})")
            else:
                lowering.append(f"it does not trust the other contributors (average trust {trust:.2f})")

    share = max(0.0, min(1.0, share + (2.0 * draw - 1.0) * profile.pledge_jitter))
    wanted = low + share * (high - low)
    cap = _cap(situation, profile, plan)
    amount = round_pledge(wanted, low, high, cap)
    if not explain:
        return BotDecision(amount=amount)
    sentence = f"Pledged {format_money(amount)} of {format_money(low)}–{format_money(high)}: {_generosity(share)}"
    # Reasons that point the way the pledge went come after "because"; any pulling against it after "although".
    because, although = (lowering, raising) if share <= 0.1 else (raising, lowering)
    if because:
        sentence += f" because {joined(because)}"
    if although:
        sentence += f", although {joined(although)}"
    if cap is not None and wanted > cap:
        sentence += _capped(profile, plan, cap, low)
    return BotDecision(amount=amount, rationale=sentence + ".")


def _cap(situation: DecisionSituation, profile: DispositionProfile, plan: DilemmaPlan) -> float | None:
    """The most it is willing to pledge given its budget, or None for no cap."""
    if plan.member.budget is None:
        return 0.0  # no money of its own in play: it can only give what the bounds force
    if profile.pledge_headroom_cap is None:
        return None
    headroom = max(situation.budget(plan.member.id) - plan.floor, 0)
    return headroom * profile.pledge_headroom_cap


def _generosity(share: float) -> str:
    """How generous the share it settled on is (before any cap)."""
    if share >= 0.7:
        return "it gives generously to the shared pot"
    if share <= 0.1:
        return "it gives as little as it can"
    return "it gives a middling amount"


def _capped(profile: DispositionProfile, plan: DilemmaPlan, cap: float, low: int) -> str:
    """Why it gave less than it wanted to."""
    if plan.member.budget is None:
        return ", but it has no budget in play"
    if cap < low:
        return ", though even its minimum takes it close to its budget floor"
    if profile.pledge_headroom_cap is not None and profile.pledge_headroom_cap < 1.0:
        return ", capped to keep a safe margin above its budget floor"
    return ", capped to keep its budget above its floor"
