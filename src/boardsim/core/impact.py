"""What an option would do, read statically from its effects: money per account and change per measure.

Bots weigh options with it (expected utility) and the metrics read members' revealed priorities from it
(goal alignment, say–do gap, whether a choice cost the chooser). It is deliberately simple and honest: it
reads the effects the designer wrote, weights each by its `chance`, and separates what lands at once from
what lands later; it does not guess whether a `when` condition will hold (that depends on the future).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from boardsim.core.scenario.model import (
    ChangeEffect,
    Effect,
    MoveEffect,
    NumberMeasure,
    Option,
    Scenario,
)

StateValue = float | bool


@dataclass(frozen=True, slots=True)
class OptionImpact:
    """The expected consequences of one option for one chooser.

    `money` maps account ids (member ids, pool ids, "external") to the expected net change in pounds.
    `measures` maps state names to the expected change, in the measure's own unit (flags: +1 / -1).
    `delayed_fraction` is the share of the effects' weight that lands after a delay (0 = all at once).
    """

    money: Mapping[str, float] = field(default_factory=dict)
    measures: Mapping[str, float] = field(default_factory=dict)
    delayed_fraction: float = 0.0

    def money_for(self, account: str) -> float:
        return self.money.get(account, 0.0)


def resolve_member_reference(reference: str, chooser: str | None, lead: str | None) -> str | None:
    """Turn `chooser` / `lead` into a member id; other references pass through unchanged."""
    if reference == "chooser":
        return chooser
    if reference == "lead":
        return lead
    return reference


def effects_impact(
    effects: list[Effect],
    state: Mapping[str, StateValue],
    scenario: Scenario,
    chooser: str | None = None,
    lead: str | None = None,
) -> OptionImpact:
    """The expected impact of a list of effects, given the current state values."""
    money: dict[str, float] = {}
    measures: dict[str, float] = {}
    total_weight = 0.0
    delayed_weight = 0.0
    for effect in effects:
        weight = 1.0 if effect.chance is None else effect.chance
        total_weight += weight
        if effect.after is not None:
            delayed_weight += weight
        if isinstance(effect, MoveEffect):
            source = resolve_member_reference(effect.from_, chooser, lead)
            target = resolve_member_reference(effect.to, chooser, lead)
            if source is not None:
                money[source] = money.get(source, 0.0) - weight * effect.amount
            if target is not None:
                money[target] = money.get(target, 0.0) + weight * effect.amount
        elif isinstance(effect, ChangeEffect):
            declaration = scenario.state.get(effect.target)
            if declaration is None:
                continue
            current = state.get(effect.target, declaration.initial)
            if isinstance(declaration, NumberMeasure):
                low, high = declaration.range
                base = float(current)
                if effect.by is not None:
                    new = min(max(base + effect.by, low), high)
                else:
                    new = min(max(float(effect.to or 0.0), low), high)
                delta = new - base
            else:
                new_flag = bool(effect.to) if effect.to is not None else bool(current)
                delta = float(new_flag) - float(bool(current))
            measures[effect.target] = measures.get(effect.target, 0.0) + weight * delta
    delayed = delayed_weight / total_weight if total_weight else 0.0
    return OptionImpact(money=money, measures=measures, delayed_fraction=delayed)


def option_impact(
    option: Option,
    state: Mapping[str, StateValue],
    scenario: Scenario,
    chooser: str | None = None,
) -> OptionImpact:
    """The expected impact of choosing `option` (as `chooser`, for individual and pledge modes)."""
    return effects_impact(option.effects, state, scenario, chooser=chooser, lead=option.lead)


def measure_span(scenario: Scenario, name: str) -> float:
    """The width of a measure's declared range (1 for flags), used to put measures on one scale."""
    declaration = scenario.state.get(name)
    if isinstance(declaration, NumberMeasure):
        low, high = declaration.range
        return max(high - low, 1e-9)
    return 1.0


def priority_score(priorities: Mapping[str, float], measures: Mapping[str, float], scenario: Scenario) -> float:
    """How far measure changes serve a set of priorities: Σ weight × change / span of the measure.

    Positive when the changes go the way the priorities want; each measure is scaled by its declared range
    so that "patients" and "%" can be added up.
    """
    return sum(weight * measures.get(name, 0.0) / measure_span(scenario, name) for name, weight in priorities.items())


def priority_vector(priorities: Mapping[str, float], names: list[str]) -> list[float]:
    """Priorities as a vector over `names` (missing names weigh 0)."""
    return [priorities.get(name, 0.0) for name in names]


def cosine_similarity(left: list[float], right: list[float]) -> float | None:
    """Cosine of the angle between two vectors, or None when either is all zeros (no direction)."""
    dot = sum(a * b for a, b in zip(left, right, strict=True))
    norm = math.sqrt(sum(a * a for a in left)) * math.sqrt(sum(b * b for b in right))
    if norm == 0.0:
        return None
    return max(-1.0, min(1.0, dot / norm))
