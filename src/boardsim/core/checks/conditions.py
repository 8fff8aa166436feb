"""Conditions: errors compiling them, the ids their function calls name, the option ids they compare with, and
conditions that can never be true given the declared ranges."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from boardsim.core.diagnostics import Finding, finding
from boardsim.core.expressions import FUNCTIONS, CompiledExpression, FunctionCall, ValueKind
from boardsim.core.expressions.functions import REFERENCE_KINDS, ArgumentKind
from boardsim.core.scenario import InjectEffect
from boardsim.core.scenario.types import MEMBER_ROLE_WORDS

from .common import did_you_mean
from .index import ConditionSite, ScenarioIndex

_UNKNOWN_CODES: dict[ArgumentKind, str] = {
    "dilemma": "unknown-dilemma",
    "option": "unknown-option",
    "member": "unknown-member",
    "pool": "unknown-pool",
    "commitment": "unknown-commitment",
    "inject": "unknown-inject",
    "accountability": "unknown-accountability",
}


def check_conditions(index: ScenarioIndex) -> Iterator[Finding]:
    fired_by_effects = {site.effect.inject for site in index.effects if isinstance(site.effect, InjectEffect)}
    for site in index.conditions:
        if site.error is not None:
            error = site.error
            yield finding(error.code, error.message, site.path, hint=error.hint, offset=error.offset)
            continue
        assert site.compiled is not None
        yield from _call_references(index, site, site.compiled)
        yield from _text_comparisons(index, site, site.compiled)
        if site.role != "dilemma_when" and index.never_holds(site):
            # A dilemma whose `when` never holds never opens: timing reports that as never-fires.
            yield _never_holds(index, site, site.compiled, fired_by_effects)


def _call_references(index: ScenarioIndex, site: ConditionSite, compiled: CompiledExpression) -> Iterator[Finding]:
    for call in compiled.calls:
        signature = FUNCTIONS.get(call.function)
        if signature is None:
            continue
        for position, argument in enumerate(call.arguments):
            kind = signature.argument_kind(position)
            if kind not in REFERENCE_KINDS:
                continue
            known = _known_ids(index, kind, call)
            if known is None or argument in known:
                continue
            offset = call.argument_offsets[position] if position < len(call.argument_offsets) else call.offset
            yield finding(
                _UNKNOWN_CODES[kind],
                f"in the `{site.field}` of {site.subject}, `{call.function}(...)` names `{argument}`, which is not "
                f"{_noun(kind, call)}: fix the id",
                site.path,
                hint=_reference_hint(argument, kind, call, known),
                offset=offset,
            )


def _known_ids(index: ScenarioIndex, kind: ArgumentKind, call: FunctionCall) -> Mapping[str, object] | None:
    """The ids an argument of `kind` may name; None when that depends on an argument that is itself unknown."""
    if kind == "dilemma":
        return index.dilemmas
    if kind == "option":
        return index.options.get(call.arguments[0])
    if kind == "member":
        return index.members
    if kind == "pool":
        return index.pools
    if kind == "commitment":
        return index.commitments
    if kind == "inject":
        return index.injects
    if kind == "accountability":
        return index.accountabilities.get(call.arguments[0])
    return None


def _noun(kind: ArgumentKind, call: FunctionCall) -> str:
    """What the argument should have been, e.g. "an option of dilemma `risk-share`"."""
    if kind == "option":
        return f"an option of dilemma `{call.arguments[0]}`"
    if kind == "accountability":
        return f"an accountability of `{call.arguments[0]}`"
    if kind == "member":
        return "a member of this board"
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} of this scenario"


def _reference_hint(argument: str, kind: ArgumentKind, call: FunctionCall, known: Mapping[str, object]) -> str:
    if kind == "member" and argument in MEMBER_ROLE_WORDS:
        return f"conditions name members by id; `{argument}` only works in an option's effects and commitments"
    plural = "accountabilities" if kind == "accountability" else f"{kind}s"
    if kind in ("option", "accountability"):
        plural += f" of `{call.arguments[0]}`"
    return did_you_mean(argument, known, plural)


def _text_comparisons(index: ScenarioIndex, site: ConditionSite, compiled: CompiledExpression) -> Iterator[Finding]:
    """`chosen("d") == "x"`: `x` must be an option of `d` ("" means not decided yet, and is allowed)."""
    for comparison in compiled.text_comparisons:
        call = comparison.call
        signature = FUNCTIONS.get(call.function)
        if signature is None or not call.arguments or signature.argument_kind(0) != "dilemma":
            continue
        if signature.result_kind(len(call.arguments)) is not ValueKind.TEXT:
            continue
        options = index.options.get(call.arguments[0])
        if options is None or comparison.literal == "" or comparison.literal in options:
            continue
        yield finding(
            "unknown-option",
            f"in the `{site.field}` of {site.subject}, `{call.function}(...)` is compared with "
            f"`{comparison.literal}`, which is not an option of dilemma `{call.arguments[0]}`, so the comparison "
            "never matches: fix the option id",
            site.path,
            hint=did_you_mean(comparison.literal, options, f"options of `{call.arguments[0]}`"),
            offset=comparison.offset,
        )


def _never_holds(
    index: ScenarioIndex, site: ConditionSite, compiled: CompiledExpression, fired_by_effects: set[str]
) -> Finding:
    hint = _ranges_hint(index, compiled)
    if site.role == "requires":
        return finding(
            "requires-never-holds",
            f"{site.subject} can never be chosen: its `requires` can never be true given the declared ranges",
            site.path,
            hint=hint,
        )
    consequence = {
        "holds_when": "so the member is in breach from the start, whatever the board does",
        "inject_when": "so it never lands by itself",
        "effect_when": "so the effect never lands",
        "kept_when": "so the commitment is always broken",
        "debrief_when": "so the prompt is never asked",
        "expect": "so the playthrough always fails",
    }.get(site.role, "")
    if site.role == "inject_when":
        inject_id = index.scenario.timeline[int(site.path[1])].id
        if inject_id not in fired_by_effects:
            consequence = "and no effect fires it, so it never lands"
    return finding(
        "condition-never-holds",
        f"the `{site.field}` of {site.subject} can never be true given the declared ranges, {consequence}",
        site.path,
        hint=hint,
    )


def _ranges_hint(index: ScenarioIndex, compiled: CompiledExpression) -> str:
    ranges = [
        f"`{name}` ranges over [{bounds[0]:g}, {bounds[1]:g}]"
        for name in sorted(compiled.names)
        if (bounds := index.state_ranges.get(name)) is not None
    ]
    if ranges:
        return "; ".join(ranges)
    return f"the scenario runs {index.horizon_months} whole months; check each comparison"
