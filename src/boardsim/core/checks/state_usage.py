"""How state is used: changes and priorities naming undeclared state, state nothing uses, state named after a
word of the condition language, measures that start outside their range, and changes that give a flag a number
or a measure true/false."""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator

from boardsim.core.diagnostics import Finding, YamlPath, finding
from boardsim.core.scenario import ChangeEffect, FlagMeasure, NumberMeasure

from .common import did_you_mean
from .index import ScenarioIndex

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
RESERVED_NAMES = frozenset({"true", "false", *(word for word in keyword.kwlist if word.islower())})
"""Names a condition can never read as state: the literals `true`/`false` and Python's lower-case keywords
(`and`, `or`, `not`, `in`, `if`, `lambda`, ...), which the parser takes for themselves."""


def check_state_usage(index: ScenarioIndex) -> Iterator[Finding]:
    scenario = index.scenario
    used: set[str] = set()
    for site in index.effects:
        effect = site.effect
        if not isinstance(effect, ChangeEffect):
            continue
        used.add(effect.target)
        if effect.target not in scenario.state:
            yield _unknown(index, effect.target, (*site.path, "target"), "this change")
        else:
            yield from _wrong_kind(effect, scenario.state[effect.target], site.path)
    for m, member in enumerate(scenario.members):
        for name in member.priorities:
            used.add(name)
            if name not in scenario.state:
                yield _unknown(index, name, ("members", m, "priorities", name), f"the priorities of `{member.id}`")
    for name in scenario.shared_purpose.priorities:
        used.add(name)
        if name not in scenario.state:
            yield _unknown(index, name, ("shared_purpose", "priorities", name), "the shared purpose's priorities")
    for condition in index.conditions:
        if condition.compiled is not None:
            used.update(condition.compiled.names)
        else:
            # A condition that failed to compile still shows which state it meant to read; counting its words
            # keeps one typo from also reporting every other name in it as unused.
            used.update(_WORD.findall(condition.source))
    for name, measure in scenario.state.items():
        if name in RESERVED_NAMES:
            yield finding(
                "reserved-state-name",
                f"state `{name}` is named after a word of the condition language, so no condition can read it",
                ("state", name),
                hint=f"rename it, e.g. `{name}_value` or a name that says what it measures",
            )
        if name not in used:
            yield finding(
                "unused-state",
                f"state `{name}` is declared but no condition reads it, no effect changes it and no priority "
                "weighs it: use it or remove it",
                ("state", name),
                hint="a measure only matters to players once an effect moves it or a priority weighs it",
            )
        if isinstance(measure, NumberMeasure):
            low, high = measure.range
            if not low <= measure.initial <= high:
                yield finding(
                    "initial-out-of-range",
                    f"state `{name}` starts at {measure.initial:g}, outside its range [{low:g}, {high:g}]: "
                    "change `initial` or widen `range`",
                    ("state", name, "initial"),
                )


def _unknown(index: ScenarioIndex, name: str, path: YamlPath, where: str) -> Finding:
    return finding(
        "unknown-state",
        f"state `{name}` in {where} is not declared: declare it under `state:` or fix the name",
        path,
        hint=did_you_mean(name, index.scenario.state, "state names"),
    )


def _wrong_kind(effect: ChangeEffect, measure: NumberMeasure | FlagMeasure, path: YamlPath) -> Iterator[Finding]:
    name = effect.target
    if isinstance(measure, FlagMeasure):
        if effect.by is not None:
            yield finding(
                "change-wrong-kind",
                f"`{name}` is a flag, so it cannot be changed `by` an amount: set it with `to: true` or `to: false`",
                (*path, "by"),
            )
        elif not isinstance(effect.to, bool):
            yield finding(
                "change-wrong-kind",
                f"`{name}` is a flag, so it can only be set `to: true` or `to: false`, not to a number",
                (*path, "to"),
            )
    elif isinstance(effect.to, bool):
        yield finding(
            "change-wrong-kind",
            f"`{name}` is a number, so it cannot be set to true/false: give a number, or `by:` to add to it",
            (*path, "to"),
        )
