"""What the engine reads from a scenario once, before a run: compiled conditions, indexes and the calendar.

A plan is shared by every session over the same scenario (a rewind or replay reuses its parent's plan, a sweep
passes one plan to every run), so conditions are compiled once per scenario, not once per run. It never
changes once built, except for its memos (compiled conditions, calendar spans, effect sites and summaries,
options' reach), which only ever remember answers that depend on the scenario alone.

Dependency keys say what a condition reads — `("state", name)`, `("account", id)`, `("dilemma", id)`,
`("trust", a, b)`, `("breach", member)`, `("commitment", id)`, `("inject", id)`, `("time",)` — so the engine
re-evaluates a condition only when something it reads has changed, instead of polling every condition
after every event.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from boardsim.core.expressions import CompiledExpression, ExpressionError, ValueKind, compile_condition
from boardsim.core.metrics import MetricsPlan
from boardsim.core.scenario.model import (
    Accountability,
    Dilemma,
    Effect,
    FlagMeasure,
    Inject,
    Member,
    NumberMeasure,
    Pool,
    Scenario,
)
from boardsim.core.scenario.quantities import Duration, add_months

from .effects import summarise
from .errors import SessionError
from .journal import scenario_digest
from .records import deciders_of

if TYPE_CHECKING:
    from .bot_situation import OptionReach

_MEMO_LIMIT = 4096
"""Entries a memo of the plan keeps before it is simply cleared (they are cheap to work out again)."""

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


@dataclass(frozen=True, slots=True)
class Trigger:
    """An inject or dilemma waiting for its `when` condition to become true."""

    index: int
    kind: Literal["inject", "dilemma"]
    target: str
    condition: CompiledExpression


@dataclass(slots=True)
class ReactionIndex:
    """Which accountabilities and `when` triggers read which keys (see `reactions`), built once per scenario."""

    accountabilities_by_key: dict[Key, list[int]]
    triggers: list[Trigger]
    triggers_by_key: dict[Key, list[int]]
    watched: frozenset[Key]
    """Every key some accountability or trigger reads: changing anything else needs no re-check."""
    time_sensitive: bool
    """Whether any condition reads elapsed months or fading trust (then the month ticks are needed)."""
    watches_trust: bool
    """Whether any condition reads trust (otherwise a trust change touches nothing)."""


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
    timeline: list[tuple[int, str]] = field(default_factory=list)
    """(day, inject) for every inject with an `at` time up to the horizon, in calendar then scenario order."""
    openings: list[tuple[int, str]] = field(default_factory=list)
    """(day, dilemma) for every dilemma with an `at` time up to the horizon, in scenario order."""
    deciders: dict[str, list[str]] = field(default_factory=dict)
    """Each dilemma's deciders, in member order (treat as read-only)."""
    option_ids: dict[str, frozenset[str]] = field(default_factory=dict)
    """Each dilemma's option ids."""
    accountabilities_by_member: dict[str, list[int]] = field(default_factory=dict)
    accountability_entries: dict[str, list[AccountabilityEntry]] = field(default_factory=dict)
    """Each member's accountabilities in scenario order (treat as read-only)."""
    reactions: ReactionIndex | None = None
    metrics: MetricsPlan | None = None
    """What the metrics derive from the scenario once (shared by every run's tracker)."""
    option_reach: dict[tuple[int, str | None, str], OptionReach] = field(default_factory=dict)
    """What options' immediate effects can reach, per chooser and member (see `bot_situation.option_reach`)."""
    _compiled: dict[str, CompiledExpression] = field(default_factory=dict)
    _spans: dict[tuple[int, int, str], int] = field(default_factory=dict)
    _sites: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _summaries: dict[int, tuple[Effect, str]] = field(default_factory=dict)

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
        key = (day, duration.count, duration.unit)
        span = self._spans.get(key)
        if span is None:
            span = self._spans[key] = duration.days_from(self.start, day)
        return day + span

    def effect_sites(self, site: str, count: int) -> tuple[str, ...]:
        """`site/effect:0`, `site/effect:1`, ... for the first `count` effects written at `site` (remembered)."""
        sites = self._sites.get(site)
        if sites is None or len(sites) < count:
            sites = self._sites[site] = tuple(f"{site}/effect:{index}" for index in range(count))
        return sites

    def summary(self, effect: Effect) -> str:
        """`effects.summarise(effect)`, remembered per effect (the memo keeps the effect, so its id stays its own)."""
        found = self._summaries.get(id(effect))
        if found is not None and found[0] is effect:
            return found[1]
        text = summarise(effect)
        if len(self._summaries) >= _MEMO_LIMIT:  # manual injects' effects are new objects every run
            self._summaries.clear()
        self._summaries[id(effect)] = (effect, text)
        return text

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
    scheduled = sorted(
        (max(inject.at.day(start), 0), index, inject.id)
        for index, inject in enumerate(scenario.timeline)
        if inject.at is not None
    )
    plan.timeline = [(day, inject_id) for day, _, inject_id in scheduled if day <= horizon_day]
    for dilemma in scenario.dilemmas:
        if dilemma.at is not None:
            day = max(dilemma.at.day(start), 0)
            if day <= horizon_day:
                plan.openings.append((day, dilemma.id))
    plan.deciders = {dilemma.id: deciders_of(dilemma, plan.member_ids) for dilemma in scenario.dilemmas}
    plan.option_ids = {dilemma.id: frozenset(option.id for option in dilemma.options) for dilemma in scenario.dilemmas}
    for entry in plan.accountabilities:
        plan.accountabilities_by_member.setdefault(entry.member, []).append(entry.index)
        plan.accountability_entries.setdefault(entry.member, []).append(entry)
    plan.reactions = _reaction_index(plan)
    plan.metrics = MetricsPlan(scenario)
    return plan


def _reaction_index(plan: ScenarioPlan) -> ReactionIndex:
    accountabilities_by_key: dict[Key, list[int]] = {}
    for entry in plan.accountabilities:
        for key in entry.keys:
            accountabilities_by_key.setdefault(key, []).append(entry.index)
    triggers: list[Trigger] = []
    for inject in plan.scenario.timeline:
        if inject.when is not None:
            triggers.append(Trigger(len(triggers), "inject", inject.id, plan.condition(inject.when)))
    for dilemma in plan.scenario.dilemmas:
        if dilemma.when is not None:
            triggers.append(Trigger(len(triggers), "dilemma", dilemma.id, plan.condition(dilemma.when)))
    triggers_by_key: dict[Key, list[int]] = {}
    for trigger in triggers:
        for key in dependency_keys(trigger.condition):
            triggers_by_key.setdefault(key, []).append(trigger.index)
    watched = frozenset((*accountabilities_by_key, *triggers_by_key))
    return ReactionIndex(
        accountabilities_by_key=accountabilities_by_key,
        triggers=triggers,
        triggers_by_key=triggers_by_key,
        watched=watched,
        time_sensitive=TIME in watched,
        watches_trust=any(key[0] == "trust" for key in watched),
    )


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
