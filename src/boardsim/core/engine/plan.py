"""What the engine reads from a scenario once, before a run: compiled conditions, indexes and the calendar.

A plan is immutable and shared by every session over the same scenario (a rewind or replay reuses its
parent's plan), so conditions are compiled once per scenario, not once per run.

Dependency keys say what a condition reads — `("state", name)`, `("account", id)`, `("dilemma", id)`,
`("trust", a, b)`, `("breach", member)`, `("commitment", id)`, `("inject", id)`, `("time",)` — so the engine
re-evaluates a condition only when something it reads has changed, instead of polling every condition
after every event.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from boardsim.core.expressions import CompiledExpression, ExpressionError, ValueKind, compile_condition
from boardsim.core.scenario.model import (
    Accountability,
    Dilemma,
    FlagMeasure,
    Inject,
    Member,
    NumberMeasure,
    Pool,
    Scenario,
)
from boardsim.core.scenario.quantities import Duration, add_months

from .errors import SessionError
from .journal import scenario_digest

Key = tuple[str, ...]
TIME: Key = ("time",)

_CALL_KEYS = {
    "chosen": "dilemma",
    "chosen_by": "dilemma",
    "closed": "dilemma",
    "pledged": "dilemma",
    "budget": "account",
    "pool": "account",
    "breached": "breach",
    "kept": "commitment",
    "broken": "commitment",
    "fired": "inject",
}


def dependency_keys(expression: CompiledExpression) -> tuple[Key, ...]:
    """The keys `expression` reads, in a stable order (time-dependent calls read `("time",)` as well)."""
    keys: dict[Key, None] = {("state", name): None for name in sorted(expression.names)}
    for call in expression.calls:
        prefix = _CALL_KEYS.get(call.function)
        if prefix is not None and call.arguments:
            keys[(prefix, call.arguments[0])] = None
        elif call.function == "trust" and len(call.arguments) == 2:
            keys[("trust", call.arguments[0], call.arguments[1])] = None
            keys[TIME] = None  # trust fades as fictional time passes
        elif call.function == "elapsed_months":
            keys[TIME] = None
    return tuple(keys)


@dataclass(frozen=True, slots=True)
class AccountabilityEntry:
    """One member's accountability with its compiled condition; `index` orders evaluation."""

    index: int
    member: str
    accountability: Accountability
    condition: CompiledExpression
    keys: tuple[Key, ...]


@dataclass(slots=True)
class ScenarioPlan:
    """Everything the engine derives from a scenario before playing it."""

    scenario: Scenario
    start: _dt.date
    horizon_day: int
    members: dict[str, Member]
    pools: dict[str, Pool]
    injects: dict[str, Inject]
    dilemmas: dict[str, Dilemma]
    state_kinds: dict[str, ValueKind]
    accountabilities: list[AccountabilityEntry]
    month_days: list[int]
    """Day of each month boundary after the start, up to the horizon (for `elapsed_months`)."""
    digest: str = ""
    """sha256 of the scenario's canonical JSON (see journal.scenario_digest), computed once."""
    _compiled: dict[str, CompiledExpression] = field(default_factory=dict)
    _spans: dict[tuple[int, Duration], int] = field(default_factory=dict)

    @property
    def member_ids(self) -> list[str]:
        return list(self.members)

    def condition(self, source: str) -> CompiledExpression:
        """The compiled condition for `source` (compiled once per plan)."""
        compiled = self._compiled.get(source)
        if compiled is None:
            try:
                compiled = compile_condition(source, self.state_kinds)
            except ExpressionError as error:
                raise SessionError(
                    f"the condition {source!r} cannot be used: {error.message} (run `boardsim check` on the scenario)"
                ) from None
            self._compiled[source] = compiled
        return compiled

    def day_after(self, day: int, duration: Duration) -> int:
        """The day `duration` after `day`, with calendar-exact month arithmetic (remembered per day and span)."""
        key = (day, duration)
        span = self._spans.get(key)
        if span is None:
            span = self._spans[key] = duration.days_from(self.start, day)
        return day + span

    def date_of(self, day: int) -> _dt.date:
        return self.start + _dt.timedelta(days=day)

    def elapsed_months(self, day: int) -> int:
        """Whole months since the start on `day`."""
        months = 0
        for boundary in self.month_days:
            if boundary > day:
                break
            months += 1
        if months == len(self.month_days):  # beyond the precomputed range (after the horizon)
            date = self.date_of(day)
            while add_months(self.start, months + 1) <= date:
                months += 1
        return months

    def member_name(self, member: str) -> str:
        found = self.members.get(member)
        return found.name if found is not None else member


def build_plan(scenario: Scenario) -> ScenarioPlan:
    """Compile every condition the run may need and index the scenario; raises SessionError if one is bad."""
    start = scenario.calendar.start
    horizon_day = scenario.calendar.horizon.days_from(start)
    state_kinds: dict[str, ValueKind] = {
        name: ValueKind.NUMBER if isinstance(declaration, NumberMeasure) else ValueKind.FLAG
        for name, declaration in scenario.state.items()
    }
    month_days: list[int] = []
    months = 1
    while True:
        day = (add_months(start, months) - start).days
        if day > horizon_day:
            break
        month_days.append(day)
        months += 1
    plan = ScenarioPlan(
        scenario=scenario,
        start=start,
        horizon_day=horizon_day,
        members={member.id: member for member in scenario.members},
        pools={pool.id: pool for pool in scenario.pools},
        injects={inject.id: inject for inject in scenario.timeline},
        dilemmas={dilemma.id: dilemma for dilemma in scenario.dilemmas},
        state_kinds=state_kinds,
        accountabilities=[],
        month_days=month_days,
        digest=scenario_digest(scenario),
    )
    for member in scenario.members:
        for accountability in member.accountabilities:
            condition = plan.condition(accountability.holds_when)
            plan.accountabilities.append(
                AccountabilityEntry(
                    len(plan.accountabilities), member.id, accountability, condition, dependency_keys(condition)
                )
            )
    for source in _every_condition(scenario):
        plan.condition(source)
    return plan


def _every_condition(scenario: Scenario) -> list[str]:
    sources: list[str] = []
    effect_lists = [inject.effects for inject in scenario.timeline]
    for inject in scenario.timeline:
        if inject.when:
            sources.append(inject.when)
    for dilemma in scenario.dilemmas:
        if dilemma.when:
            sources.append(dilemma.when)
        effect_lists.append(dilemma.on_close)
        for option in dilemma.options:
            if option.requires:
                sources.append(option.requires)
            effect_lists.append(option.effects)
            sources.extend(commitment.kept_when for commitment in option.commitments)
    for effects in effect_lists:
        sources.extend(effect.when for effect in effects if effect.when)
    sources.extend(prompt.when for prompt in scenario.debrief if prompt.when)
    return sources


def initial_values(scenario: Scenario) -> dict[str, float | bool]:
    """Every declared state value at the start (numbers as floats)."""
    values: dict[str, float | bool] = {}
    for name, declaration in scenario.state.items():
        if isinstance(declaration, FlagMeasure):
            values[name] = bool(declaration.initial)
        else:
            values[name] = float(declaration.initial)
    return values


def clamp_to_range(scenario: Scenario, name: str, value: float) -> float:
    """`value` clamped to the declared range of measure `name`."""
    declaration = scenario.state[name]
    assert isinstance(declaration, NumberMeasure)
    low, high = declaration.range
    return float(min(max(value, low), high))
