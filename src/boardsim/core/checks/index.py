"""Lookup tables over a scenario, built once, that every family of checks reads.

A 5,000-line scenario must check in a fraction of a second, so nothing here or in the checks scans a list for
each element of another: ids go into dicts, every effect, commitment and condition is visited once with its
YAML path and its host, and every condition is compiled exactly once.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from boardsim.core.diagnostics import YamlPath
from boardsim.core.expressions import (
    CompiledExpression,
    ExpressionError,
    ValueKind,
    compile_condition,
    possible_truths,
)
from boardsim.core.scenario import (
    Accountability,
    Commitment,
    Dilemma,
    Effect,
    Inject,
    Member,
    NumberMeasure,
    Option,
    Pool,
    Scenario,
)
from boardsim.core.scenario.quantities import Duration, Moment, add_months

FAR_FUTURE_DAY = 10**7
"""A day after every horizon, for times beyond the last date the calendar can hold ('9999 years')."""

ConditionRole = Literal[
    "holds_when", "inject_when", "dilemma_when", "effect_when", "requires", "kept_when", "debrief_when", "expect"
]


@dataclass(frozen=True, slots=True)
class EffectSite:
    """An effect with where it was written and what carries it (an option, a dilemma's on_close, an inject)."""

    effect: Effect
    path: YamlPath
    dilemma: Dilemma | None = None
    option: Option | None = None
    inject: Inject | None = None

    @property
    def host_kind(self) -> Literal["option", "on_close", "inject"]:
        if self.option is not None:
            return "option"
        return "on_close" if self.dilemma is not None else "inject"


@dataclass(frozen=True, slots=True)
class CommitmentSite:
    """A commitment with its path and the option (of a dilemma) that creates it."""

    commitment: Commitment
    path: YamlPath
    dilemma: Dilemma
    option: Option


@dataclass(frozen=True, slots=True)
class ConditionSite:
    """A condition as written, compiled once: `compiled` or `error` is set, never both."""

    path: YamlPath
    source: str
    role: ConditionRole
    subject: str
    """What the condition belongs to, for messages: "option `x` of dilemma `y`"."""
    compiled: CompiledExpression | None
    error: ExpressionError | None

    @property
    def field(self) -> str:
        """The key the condition is written under: `when`, `requires`, `holds_when`, `kept_when` or `expect`."""
        return self.role if self.role in ("holds_when", "requires", "kept_when", "expect") else "when"


@dataclass(slots=True)
class ScenarioIndex:
    """Everything the checks look up, keyed by id. The first of two duplicates wins (duplicates are reported)."""

    scenario: Scenario
    start: _dt.date
    horizon_day: int
    horizon_months: int
    state_kinds: dict[str, ValueKind]
    state_ranges: dict[str, tuple[float, float] | None]
    members: dict[str, Member] = field(default_factory=dict)
    pools: dict[str, Pool] = field(default_factory=dict)
    injects: dict[str, Inject] = field(default_factory=dict)
    dilemmas: dict[str, Dilemma] = field(default_factory=dict)
    options: dict[str, dict[str, Option]] = field(default_factory=dict)
    """Per dilemma id: its options by id."""
    accountabilities: dict[str, dict[str, Accountability]] = field(default_factory=dict)
    """Per member id: its accountabilities by id."""
    commitments: dict[str, Commitment] = field(default_factory=dict)
    effects: list[EffectSite] = field(default_factory=list)
    commitment_sites: list[CommitmentSite] = field(default_factory=list)
    conditions: list[ConditionSite] = field(default_factory=list)
    condition_at: dict[YamlPath, ConditionSite] = field(default_factory=dict)
    _all_members: frozenset[str] = frozenset()
    _days: dict[Moment, int] = field(default_factory=dict)
    _spans: dict[tuple[Duration, int], int] = field(default_factory=dict)
    """Calendar arithmetic by (duration, offset): scenarios reuse a handful of delays many times."""
    _truths: dict[str, frozenset[bool]] = field(default_factory=dict)
    """Possible truth values by condition text: the same text means the same analysis."""

    def deciders(self, dilemma: Dilemma) -> frozenset[str]:
        """The member ids who decide a dilemma (`all` means every member at the table)."""
        if dilemma.deciders == "all":
            return self._all_members
        return frozenset(dilemma.deciders)

    def never_holds(self, site: ConditionSite) -> bool:
        """True when the condition compiled and can never be true given the declared ranges and the horizon."""
        if site.compiled is None:
            return False
        truths = self._truths.get(site.source)
        if truths is None:
            truths = possible_truths(site.compiled, self.state_ranges, horizon_months=self.horizon_months)
            self._truths[site.source] = truths
        return True not in truths

    def day_of(self, moment: Moment) -> int:
        """Days after the start at which a moment (`at:`) falls."""
        day = self._days.get(moment)
        if day is None:
            try:
                day = moment.day(self.start)
            except (ValueError, OverflowError):
                day = FAR_FUTURE_DAY
            self._days[moment] = day
        return day

    def span_days(self, duration: Duration, offset_day: int = 0) -> int:
        """How many days `duration` lasts when it starts `offset_day` days after the start."""
        key = (duration, offset_day)
        days = self._spans.get(key)
        if days is None:
            days = self._spans[key] = span_days(duration, self.start, offset_day)
        return days


def build_index(scenario: Scenario) -> ScenarioIndex:
    """Index a validated scenario and compile each of its conditions once."""
    start = scenario.calendar.start
    horizon_day = span_days(scenario.calendar.horizon, start)
    index = ScenarioIndex(
        scenario=scenario,
        start=start,
        horizon_day=horizon_day,
        horizon_months=_months_in(scenario.calendar.horizon, start, horizon_day),
        state_kinds={
            name: ValueKind.NUMBER if isinstance(measure, NumberMeasure) else ValueKind.FLAG
            for name, measure in scenario.state.items()
        },
        state_ranges={
            name: measure.range if isinstance(measure, NumberMeasure) else None
            for name, measure in scenario.state.items()
        },
    )
    _index_ids(index, scenario)
    index._all_members = frozenset(index.members)
    _index_effects_and_commitments(index, scenario)
    for site in _condition_sites(index, scenario):
        index.conditions.append(site)
        index.condition_at[site.path] = site
    return index


def span_days(duration: Duration, start: _dt.date, offset_day: int = 0) -> int:
    """`duration.days_from`, but a span that runs off the end of the calendar lasts until FAR_FUTURE_DAY."""
    try:
        return duration.days_from(start, offset_day)
    except (ValueError, OverflowError):
        return FAR_FUTURE_DAY


def _months_in(horizon: Duration, start: _dt.date, horizon_day: int) -> int:
    try:
        return whole_months_between(start, start + _dt.timedelta(days=horizon_day))
    except (ValueError, OverflowError):
        return horizon.count * {"month": 1, "quarter": 3, "year": 12}.get(horizon.unit, 1)


def whole_months_between(start: _dt.date, end: _dt.date) -> int:
    """Whole calendar months from `start` to `end` (what `elapsed_months()` reads at `end`)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    while months > 0 and add_months(start, months) > end:
        months -= 1
    return max(months, 0)


def _index_ids(index: ScenarioIndex, scenario: Scenario) -> None:
    for member in scenario.members:
        index.members.setdefault(member.id, member)
        accountabilities = index.accountabilities.setdefault(member.id, {})
        for accountability in member.accountabilities:
            accountabilities.setdefault(accountability.id, accountability)
    for pool in scenario.pools:
        index.pools.setdefault(pool.id, pool)
    for inject in scenario.timeline:
        index.injects.setdefault(inject.id, inject)
    for dilemma in scenario.dilemmas:
        index.dilemmas.setdefault(dilemma.id, dilemma)
        options = index.options.setdefault(dilemma.id, {})
        for option in dilemma.options:
            options.setdefault(option.id, option)
            for commitment in option.commitments:
                index.commitments.setdefault(commitment.id, commitment)


def _index_effects_and_commitments(index: ScenarioIndex, scenario: Scenario) -> None:
    for i, inject in enumerate(scenario.timeline):
        for k, effect in enumerate(inject.effects):
            index.effects.append(EffectSite(effect, ("timeline", i, "effects", k), inject=inject))
    for d, dilemma in enumerate(scenario.dilemmas):
        for o, option in enumerate(dilemma.options):
            base: YamlPath = ("dilemmas", d, "options", o)
            for k, effect in enumerate(option.effects):
                index.effects.append(EffectSite(effect, (*base, "effects", k), dilemma=dilemma, option=option))
            for k, commitment in enumerate(option.commitments):
                index.commitment_sites.append(CommitmentSite(commitment, (*base, "commitments", k), dilemma, option))
        for k, effect in enumerate(dilemma.on_close):
            index.effects.append(EffectSite(effect, ("dilemmas", d, "on_close", k), dilemma=dilemma))


def _written_conditions(index: ScenarioIndex, scenario: Scenario) -> Iterator[tuple[YamlPath, str, ConditionRole, str]]:
    for m, member in enumerate(scenario.members):
        for a, accountability in enumerate(member.accountabilities):
            yield (
                ("members", m, "accountabilities", a, "holds_when"),
                accountability.holds_when,
                "holds_when",
                f"accountability `{accountability.id}` of `{member.id}`",
            )
    for i, inject in enumerate(scenario.timeline):
        if inject.when is not None:
            yield ("timeline", i, "when"), inject.when, "inject_when", f"inject `{inject.id}`"
    for d, dilemma in enumerate(scenario.dilemmas):
        if dilemma.when is not None:
            yield ("dilemmas", d, "when"), dilemma.when, "dilemma_when", f"dilemma `{dilemma.id}`"
        for o, option in enumerate(dilemma.options):
            if option.requires is not None:
                yield (
                    ("dilemmas", d, "options", o, "requires"),
                    option.requires,
                    "requires",
                    f"option `{option.id}` of dilemma `{dilemma.id}`",
                )
    for site in index.effects:
        if site.effect.when is not None:
            yield (*site.path, "when"), site.effect.when, "effect_when", f"this {site.effect.kind} effect"
    for commitment_site in index.commitment_sites:
        commitment = commitment_site.commitment
        yield (*commitment_site.path, "kept_when"), commitment.kept_when, "kept_when", f"commitment `{commitment.id}`"
    for p, prompt in enumerate(scenario.debrief):
        if prompt.when is not None:
            yield ("debrief", p, "when"), prompt.when, "debrief_when", "this debrief prompt"
    for p, playthrough in enumerate(scenario.playthroughs):
        for e, expectation in enumerate(playthrough.expect):
            yield ("playthroughs", p, "expect", e), expectation, "expect", f"playthrough `{playthrough.name}`"


def _condition_sites(index: ScenarioIndex, scenario: Scenario) -> Iterator[ConditionSite]:
    # Designers repeat conditions (the same `when:` on several effects); each distinct text compiles once.
    compiled_texts: dict[str, CompiledExpression | ExpressionError] = {}
    for path, source, role, subject in _written_conditions(index, scenario):
        result = compiled_texts.get(source)
        if result is None:
            try:
                result = compile_condition(source, index.state_kinds)
            except ExpressionError as error:
                result = error
            compiled_texts[source] = result
        if isinstance(result, ExpressionError):
            yield ConditionSite(path, source, role, subject, None, result)
        else:
            yield ConditionSite(path, source, role, subject, result, None)
