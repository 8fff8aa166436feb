"""What never changes while one member faces one dilemma, prepared once and reused for every decision.

A sweep asks the same seat the same dilemma thousands of times. Priorities scaled by their measures' ranges;
the split of each option's effects (and of the closing effects its choice brings about) into immediate,
delayed and uncertain ones; who an option touches; how much money it moves through the member's budget: all
of that depends only on the (frozen) scenario, the member and the dilemma, so it is computed once here. The
memo is keyed on the scenario object itself (identity, checked on every hit), never on the scenario id, so
two different scenarios that share an id can never be confused.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from boardsim.core.bots.consequences import CONDITION_ODDS, attributed_effects
from boardsim.core.impact import measure_span, resolve_member_reference
from boardsim.core.scenario.model import (
    ChangeEffect,
    Dilemma,
    Effect,
    Member,
    MoveEffect,
    Option,
    PledgeMode,
    Scenario,
    TrustEffect,
    VoteMode,
)

MEASURE_SCALE = 10.0
"""A change of a tenth of a measure's range, at full priority weight, is worth one utility unit."""

MONEY_UNIT_SHARE = 0.02
"""Two per cent of a member's own budget is worth one utility unit."""

FALLBACK_MONEY_UNIT = 20_000.0
"""£20k per unit for a member when nobody at the table declares a budget (2% of £1m)."""

_SCENARIO_LIMIT = 8
"""Scenarios whose plans are remembered at once (a sweep plays one; tests build many small ones)."""

if TYPE_CHECKING:
    from boardsim.core.bots.utility import OptionTerms

Weighting = tuple[tuple[str, float], ...]
"""(measure name, priority weight × MEASURE_SCALE / measure range): a priority_score ready to multiply."""


@dataclass(frozen=True, slots=True)
class OptionPlan:
    """One option as this member sees it, before looking at the state."""

    option: Option
    chooser: str | None
    """The member the option's `chooser` references mean (None in a vote: the board, not one member, chose)."""
    immediate: list[Effect]
    delayed: list[Effect]
    uncertain: list[tuple[list[Effect], float]]
    """Each effect that lands only by chance or only if a condition holds then, with its spread factor
    √((1 − p) / p): its standard deviation as a multiple of its expected impact (see `spread_factor`)."""
    concerned: tuple[str, ...]
    """The other members it concerns: other deciders, members whose money it moves, pool hosts, its lead."""
    reputation: float
    """Trust evidence it earns this member, averaged over the other members (one unit = +1 from everyone)."""
    exposure: float
    """Money it moves in or out of this member's budget, gross and chance-weighted, in utility units."""
    targets: tuple[str, ...]
    """The state its effects change: the only state its assessment depends on (the memo key)."""
    memo: dict[tuple[float | bool | None, ...], OptionTerms] = field(default_factory=dict, compare=False)
    """Assessments already made, by the values of `targets` (see `utility.option_terms`)."""


@dataclass(frozen=True, slots=True)
class DilemmaPlan:
    """One member facing one dilemma: everything state-independent a decision needs."""

    scenario: Scenario
    dilemma: Dilemma
    member: Member
    own_priorities: Weighting
    shared_priorities: Weighting
    table: Table
    floor: int
    """The member's budget floor (0 without a budget)."""
    floor_is_accountable: bool
    """True when one of its accountabilities already reads its budget, so a floor breach is not counted twice."""
    options: dict[str, OptionPlan]
    consequences: dict[str, list[tuple[Effect, float]]]
    """Per option, the guarded closing effects its choice brings about (see `consequences`)."""
    closing: OptionPlan | None
    """Pledge mode: the dilemma's `on_close` effects planned as if they were an option (what the pot buys)."""
    abstention_allowed: bool
    """Votes only: abstaining is standing aside (majority, consensus), not a veto (unanimity)."""

    @property
    def money_unit(self) -> float:
        """Pounds per utility unit for this member's own money."""
        return self.table.money_unit

    @property
    def other_deciders(self) -> tuple[str, ...]:
        """The other members deciding this dilemma (and, for a pledge, the pool's host), in member order."""
        return self.table.other_deciders


def weighting(priorities: dict[str, float], scenario: Scenario) -> Weighting:
    """Priorities pre-divided by their measures' ranges, so scoring is one multiply-add per measure."""
    return tuple(
        (name, weight * MEASURE_SCALE / measure_span(scenario, name)) for name, weight in priorities.items() if weight
    )


def _money_unit(member: Member, scenario: Scenario) -> float:
    if member.budget is not None and member.budget.amount > 0:
        return member.budget.amount * MONEY_UNIT_SHARE
    # A member with no money of its own still feels money moved to or from it; measure it against a typical
    # budget at this table so the term stays on the same scale as everyone else's.
    amounts = [m.budget.amount for m in scenario.members if m.budget is not None and m.budget.amount > 0]
    return (sum(amounts) / len(amounts)) * MONEY_UNIT_SHARE if amounts else FALLBACK_MONEY_UNIT


def spread_factor(p: float) -> float:
    """How uncertain an effect landing with probability p is: its standard deviation over its expected value.

    A p-chance effect of size M is a Bernoulli bet: expected impact p × M, standard deviation M × √(p(1 − p)),
    so the ratio is √((1 − p) / p). 0 for a sure effect and for one that can never land (p = 0).
    """
    if p <= 0.0 or p >= 1.0:
        return 0.0
    return math.sqrt((1.0 - p) / p)


def landing_odds(effect: Effect, guard_odds: float) -> Effect:
    """The effect with `chance` = its own chance × the odds its guard holds, so that `effects_impact` (which
    weights by `chance` and does not judge `when`) gives its expected impact as the bot sees it."""
    if guard_odds == 1.0:
        return effect
    return effect.model_copy(update={"chance": _chance(effect) * guard_odds})


def _chance(effect: Effect) -> float:
    return 1.0 if effect.chance is None else effect.chance


def _plan_option(
    option: Option, member_id: str, table: Table, consequences: list[tuple[Effect, float]] | None = None
) -> OptionPlan:
    """Plan an option with the closing effects its choice brings about (`consequences.attributed_effects`).

    Every `when:` the bot cannot settle is a coin toss (`CONDITION_ODDS`), folded into the effect's chance.
    """
    chooser = table.chooser
    guarded = [(effect, CONDITION_ODDS if effect.when is not None else 1.0) for effect in option.effects]
    effects = [landing_odds(effect, odds) for effect, odds in guarded + (consequences or [])]
    concerned = set(table.other_deciders)
    reputation = 0.0
    gross_money = 0.0
    for effect in effects:
        if isinstance(effect, MoveEffect):
            for reference in (effect.from_, effect.to):
                account = resolve_member_reference(reference, chooser, option.lead)
                if account is None:
                    continue
                if account == member_id:
                    gross_money += _chance(effect) * effect.amount
                elif account in table.pool_hosts:
                    concerned.add(table.pool_hosts[account])
                elif account in table.member_ids:
                    concerned.add(account)
        elif isinstance(effect, TrustEffect):
            trustee = resolve_member_reference(effect.to, chooser, option.lead)
            if trustee != member_id:
                continue
            if effect.from_ == "all":
                trusters = len(table.member_ids) - 1
            else:
                truster = resolve_member_reference(effect.from_, chooser, option.lead)
                trusters = 0 if truster in (None, member_id) else 1
            reputation += _chance(effect) * effect.by * trusters / max(len(table.member_ids) - 1, 1)
    immediate = [effect for effect in effects if effect.after is None]
    delayed = [effect for effect in effects if effect.after is not None]
    uncertain = [([effect], spread) for effect in effects if (spread := spread_factor(_chance(effect)))]
    if option.lead is not None and option.lead in table.member_ids:
        concerned.add(option.lead)
    concerned.discard(member_id)
    return OptionPlan(
        option=option,
        chooser=chooser,
        immediate=immediate,
        delayed=delayed,
        uncertain=uncertain,
        concerned=tuple(sorted(concerned)),
        reputation=reputation,
        exposure=gross_money / table.money_unit,
        targets=tuple(sorted({effect.target for effect in effects if isinstance(effect, ChangeEffect)})),
    )


@dataclass(frozen=True, slots=True)
class Table:
    """Who else is at the table for this member and dilemma, as option planning needs it."""

    member_ids: frozenset[str]
    pool_hosts: dict[str, str]
    other_deciders: tuple[str, ...]
    money_unit: float
    chooser: str | None
    """The member `chooser` references mean: this member, except in a vote (the board chose, not one member)."""


def _build(scenario: Scenario, member_id: str, dilemma: Dilemma) -> DilemmaPlan:
    member = next((m for m in scenario.members if m.id == member_id), None)
    if member is None:
        raise ValueError(f"bot asked to decide for {member_id!r}, who is not a member of scenario {scenario.id!r}")
    member_ids = [m.id for m in scenario.members]
    deciders = member_ids if dilemma.deciders == "all" else list(dilemma.deciders)
    pool_hosts = {pool.id: pool.host for pool in scenario.pools}
    mode = dilemma.mode
    if isinstance(mode, PledgeMode) and mode.pool in pool_hosts:
        deciders = [*deciders, pool_hosts[mode.pool]]
    table = Table(
        member_ids=frozenset(member_ids),
        pool_hosts=pool_hosts,
        other_deciders=tuple(dict.fromkeys(d for d in deciders if d != member_id)),
        money_unit=_money_unit(member, scenario),
        chooser=None if isinstance(mode, VoteMode) else member_id,
    )
    consequences = attributed_effects(scenario, member_id, dilemma) if dilemma.options else {}
    budget_reference = re.compile(rf"""budget\(\s*["']{re.escape(member_id)}["']\s*\)""")
    return DilemmaPlan(
        scenario=scenario,
        dilemma=dilemma,
        member=member,
        own_priorities=weighting(member.priorities, scenario),
        shared_priorities=weighting(scenario.shared_purpose.priorities, scenario),
        table=table,
        floor=member.budget.floor if member.budget is not None else 0,
        floor_is_accountable=any(budget_reference.search(a.holds_when) for a in member.accountabilities),
        options={
            option.id: _plan_option(option, member_id, table, consequences[option.id]) for option in dilemma.options
        },
        consequences=consequences,
        closing=_plan_closing(dilemma, member_id, table) if isinstance(mode, PledgeMode) else None,
        abstention_allowed=isinstance(mode, VoteMode) and mode.rule != "unanimity",
    )


def _plan_closing(dilemma: Dilemma, member_id: str, table: Table) -> OptionPlan:
    # A pledge has no option to weigh, only what the pot pays for when it closes; planning that as an
    # option gives its terms the same memo, discounting and coin-toss treatment of `when:` as any option.
    # Every field with a default factory is given: pydantic's model_construct inspects a factory's signature
    # each time it calls one, which made planning a pledge for a 40-member board take milliseconds.
    closing = Option.model_construct(
        id=f"{dilemma.id}-on-close", label="what the pledge pays for", effects=[], commitments=[], private_notes={}
    )
    guarded = [(effect, CONDITION_ODDS if effect.when is not None else 1.0) for effect in dilemma.on_close]
    return _plan_option(closing, member_id, table, guarded)


_plans: dict[int, tuple[Scenario, dict[tuple[str, str], DilemmaPlan]]] = {}
"""Per scenario (by identity, the scenario kept alive beside its plans): every (member, dilemma) plan made."""


def plan_for(scenario: Scenario, member_id: str, dilemma: Dilemma) -> DilemmaPlan:
    """The (memoised) plan for `member_id` facing `dilemma` in `scenario`.

    The memo holds the scenario itself, so its `id()` cannot be reused by another object while the entry
    lives; a hit is only taken when the very same scenario and dilemma objects are passed. It keeps every plan
    of a scenario (members × dilemmas of them, however large the board: a sweep of a 40-member board asks for
    all of them over and over) and forgets whole scenarios, oldest first, beyond `_SCENARIO_LIMIT`.
    """
    entry = _plans.get(id(scenario))
    if entry is None or entry[0] is not scenario:
        if len(_plans) >= _SCENARIO_LIMIT:
            del _plans[next(iter(_plans))]
        entry = _plans[id(scenario)] = (scenario, {})
    plans = entry[1]
    key = (member_id, dilemma.id)
    plan = plans.get(key)
    if plan is not None and plan.dilemma is dilemma:
        return plan
    plan = plans[key] = _build(scenario, member_id, dilemma)
    return plan


def option_plan(plan: DilemmaPlan, option: Option) -> OptionPlan:
    """The plan for an option the engine offers; options the dilemma does not list are planned on the spot."""
    known = plan.options.get(option.id)
    if known is not None and (known.option is option or known.option == option):
        return known
    return _plan_option(option, plan.member.id, plan.table, plan.consequences.get(option.id))
