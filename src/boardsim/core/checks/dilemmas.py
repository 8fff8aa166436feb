"""Whether each dilemma can be decided: it has options, one of them can be chosen, its default is valid, and
its pledge limits make sense."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic_core import PydanticCustomError

from boardsim.core.diagnostics import Finding, YamlPath, finding
from boardsim.core.scenario import Dilemma, PledgeBounds, PledgeMode
from boardsim.core.scenario.quantities import format_money, parse_money

from .common import did_you_mean, field_path
from .index import ScenarioIndex


def check_dilemmas(index: ScenarioIndex) -> Iterator[Finding]:
    for i, dilemma in enumerate(index.scenario.dilemmas):
        base: YamlPath = ("dilemmas", i)
        mode = dilemma.mode
        if isinstance(mode, PledgeMode):
            yield from _pledge_limits(index, dilemma, mode, base)
            yield from _pledge_default(index, dilemma, mode, base)
            if dilemma.options:
                # Pledges are amounts, not options: options written here would never be applied.
                yield finding(
                    "pledge-options",
                    f"dilemma `{dilemma.id}` is a round of pledges, so its options are never chosen or applied",
                    field_path(dilemma, base, "options"),
                    hint="put consequences in `on_close:` with `when:` conditions such as "
                    f"'pledged(\"{dilemma.id}\") >= £3m'",
                )
            continue
        if not dilemma.options:
            yield finding(
                "no-options",
                f"dilemma `{dilemma.id}` is {_MODE_PHRASES[mode.kind]} but has no options: add `options:`",
                field_path(dilemma, base, "options"),
                hint="only pledge dilemmas can do without options",
            )
            continue
        yield from _selectable(index, dilemma, base)
        if dilemma.default not in index.options[dilemma.id]:
            yield finding(
                "bad-default",
                f"the default of dilemma `{dilemma.id}`, `{dilemma.default}`, is not one of its options: "
                "name the option that applies to deciders who do not decide",
                (*base, "default"),
                hint=did_you_mean(dilemma.default, index.options[dilemma.id], "options"),
            )


_MODE_PHRASES = {"vote": "a board vote", "individual": "an individual choice"}


def _selectable(index: ScenarioIndex, dilemma: Dilemma, base: YamlPath) -> Iterator[Finding]:
    for o in range(len(dilemma.options)):
        site = index.condition_at.get((*base, "options", o, "requires"))
        if site is None or not index.never_holds(site):
            return
    yield finding(
        "no-selectable-option",
        f"no option of dilemma `{dilemma.id}` can ever be chosen: every option's `requires` is impossible given "
        "the declared ranges; loosen at least one",
        (*base, "options"),
        hint="each option also has its own requires-never-holds finding",
    )


def _pledge_limits(index: ScenarioIndex, dilemma: Dilemma, mode: PledgeMode, base: YamlPath) -> Iterator[Finding]:
    mode_path: YamlPath = (*base, "mode")
    yield from _bounds(f"dilemma `{dilemma.id}`", mode, mode_path)
    deciders = index.deciders(dilemma)
    for member, bounds in mode.bounds.items():
        path: YamlPath = (*mode_path, "bounds", member)
        if member not in index.members:
            yield finding(
                "unknown-member",
                f"pledge limits for `{member}`, who is not a member of this board: use a member id as the key",
                path,
                hint=did_you_mean(member, index.members, "members"),
            )
        elif member not in deciders:
            yield finding(
                "pledge-bounds",
                f"pledge limits for `{member}`, who is not a decider of dilemma `{dilemma.id}`, never apply: "
                "add it to `deciders` or remove its limits",
                path,
            )
        yield from _bounds(f"`{member}`", bounds, path)


def _bounds(whose: str, limits: PledgeMode | PledgeBounds, path: YamlPath) -> Iterator[Finding]:
    low, high = limits.min, limits.max
    if low < 0:
        yield finding(
            "pledge-bounds",
            f"the least {whose} may pledge is negative ({format_money(low)}): a pledge gives money, so use £0 or more",
            (*path, "min"),
        )
    if low > high:
        yield finding(
            "pledge-bounds",
            f"the pledge limits of {whose} are upside down: min {format_money(low)} is above max {format_money(high)}",
            field_path(limits, path, "min", fallback="max"),
            hint="swap `min` and `max`" if "min" in limits.model_fields_set else "`min` is £0 unless you give one",
        )


def _pledge_default(index: ScenarioIndex, dilemma: Dilemma, mode: PledgeMode, base: YamlPath) -> Iterator[Finding]:
    path: YamlPath = (*base, "default")
    try:
        amount = parse_money(dilemma.default)
    except PydanticCustomError:
        yield finding(
            "bad-default",
            f"the default of pledge dilemma `{dilemma.id}` must be an amount, not `{dilemma.default}`",
            path,
            hint="write pounds with a £ sign, e.g. '£0' for deciders who pledge nothing",
        )
        return
    # Only the dilemma's own limits: a designer may well give the ICB its own £1m minimum and leave the default
    # at £0; how a default meets a member's own `bounds` is the engine's rule, not a mistake in the file.
    if not mode.min <= amount <= mode.max:
        yield finding(
            "bad-default",
            f"the default pledge {format_money(amount)} of dilemma `{dilemma.id}` is outside its limits "
            f"{format_money(mode.min)} to {format_money(mode.max)}: choose a default within `min` and `max`",
            path,
        )
