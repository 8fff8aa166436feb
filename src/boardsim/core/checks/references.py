"""References between parts of a scenario: members, pools, injects and money accounts named by id, the role
words `chooser` and `lead` where they mean someone, and trust from a member to itself."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from boardsim.core.diagnostics import Finding, YamlPath, finding
from boardsim.core.scenario import Commitment, Dilemma, InjectEffect, MoveEffect, Option, PledgeMode, TrustEffect
from boardsim.core.scenario.types import EXTERNAL_ACCOUNT

from .common import did_you_mean
from .index import EffectSite, ScenarioIndex


@dataclass(frozen=True, slots=True)
class RoleContext:
    """Which role words mean a member where a reference is written, and why the others do not."""

    chooser: bool = False
    lead: bool = False
    where: str = "this field"

    @staticmethod
    def of_option(dilemma: Dilemma, option: Option) -> RoleContext:
        return RoleContext(
            chooser=dilemma.mode.kind != "vote",
            lead=option.lead is not None,
            where=f"option `{option.id}` of dilemma `{dilemma.id}`",
        )


_NO_ROLES = RoleContext()


def check_references(index: ScenarioIndex) -> Iterator[Finding]:
    scenario = index.scenario
    for i, dilemma in enumerate(scenario.dilemmas):
        yield from _dilemma(index, dilemma, ("dilemmas", i))
    for i, inject in enumerate(scenario.timeline):
        if isinstance(inject.audience, list):
            yield from _members(index, inject.audience, ("timeline", i, "audience"), "audience member")
    for i, history in enumerate(scenario.trust):
        yield from _member(index, history.from_, ("trust", i, "from"), "truster")
        yield from _member(index, history.to, ("trust", i, "to"), "trusted member")
        if history.from_ == history.to:
            yield _self_trust(history.from_, ("trust", i, "to"))
    for i, pool in enumerate(scenario.pools):
        yield from _member(index, pool.host, ("pools", i, "host"), "pool host")
    for site in index.effects:
        yield from _effect(index, site)
    for i, prompt in enumerate(scenario.debrief):
        for k, name in enumerate(prompt.about):
            if name not in index.dilemmas and name not in index.injects and name not in index.members:
                yield finding(
                    "unknown-dilemma",
                    f"debrief prompt is about `{name}`, which is neither a dilemma, an inject nor a member: "
                    "name one of those",
                    ("debrief", i, "about", k),
                    hint=did_you_mean(name, [*index.dilemmas, *index.injects, *index.members], "ids"),
                )


def _dilemma(index: ScenarioIndex, dilemma: Dilemma, base: YamlPath) -> Iterator[Finding]:
    if dilemma.deciders != "all":
        yield from _members(index, dilemma.deciders, (*base, "deciders"), "decider")
    if isinstance(dilemma.mode, PledgeMode) and dilemma.mode.pool not in index.pools:
        pool_id = dilemma.mode.pool
        yield finding(
            "unknown-pool",
            f"dilemma `{dilemma.id}` collects pledges into pool `{pool_id}`, which is not declared: "
            "declare it under `pools:` or name an existing pool",
            (*base, "mode", "pool"),
            hint=did_you_mean(pool_id, index.pools, "pools"),
        )
    yield from _note_keys(index, dilemma.private_notes, (*base, "private_notes"))
    for o, option in enumerate(dilemma.options):
        option_path: YamlPath = (*base, "options", o)
        if option.lead is not None:
            yield from _member(index, option.lead, (*option_path, "lead"), "lead")
        yield from _note_keys(index, option.private_notes, (*option_path, "private_notes"))
        for k, commitment in enumerate(option.commitments):
            yield from _commitment(
                index, commitment, (*option_path, "commitments", k), RoleContext.of_option(dilemma, option)
            )


def _effect(index: ScenarioIndex, site: EffectSite) -> Iterator[Finding]:
    effect = site.effect
    context = _context_of(site)
    if isinstance(effect, MoveEffect):
        yield from _account(index, effect.from_, (*site.path, "from"), context)
        yield from _account(index, effect.to, (*site.path, "to"), context)
    elif isinstance(effect, TrustEffect):
        if effect.from_ != "all":
            yield from _member(index, effect.from_, (*site.path, "from"), "truster", context)
        if effect.to == "all":
            yield finding(
                "role-out-of-context",
                "a trust effect's `to` must name one member: `all` only works in `from` (every other member)",
                (*site.path, "to"),
                hint="write one trust effect per member whose trustworthiness is judged",
            )
        else:
            yield from _member(index, effect.to, (*site.path, "to"), "trusted member", context)
        if effect.from_ == effect.to and effect.from_ != "all":
            yield _self_trust(effect.from_, (*site.path, "to"))
    elif isinstance(effect, InjectEffect) and effect.inject not in index.injects:
        yield finding(
            "unknown-inject",
            f"this effect fires inject `{effect.inject}`, which is not on the timeline: "
            "add it to `timeline:` or name an existing inject",
            (*site.path, "inject"),
            hint=did_you_mean(effect.inject, index.injects, "injects"),
        )


def _context_of(site: EffectSite) -> RoleContext:
    if site.dilemma is not None and site.option is not None:
        return RoleContext.of_option(site.dilemma, site.option)
    if site.dilemma is not None:
        return RoleContext(where=f"the `on_close` effects of dilemma `{site.dilemma.id}`")
    assert site.inject is not None
    return RoleContext(where=f"the effects of inject `{site.inject.id}`")


def _commitment(
    index: ScenarioIndex, commitment: Commitment, path: YamlPath, context: RoleContext
) -> Iterator[Finding]:
    yield from _member(index, commitment.by, (*path, "by"), "promiser", context)
    if commitment.owed_to != "all":
        for k, name in enumerate(commitment.owed_to):
            yield from _member(index, name, (*path, "owed_to", k), "member owed the promise", context)


def _members(index: ScenarioIndex, names: Iterable[str], path: YamlPath, role: str) -> Iterator[Finding]:
    for k, name in enumerate(names):
        yield from _member(index, name, (*path, k), role)


def _member(
    index: ScenarioIndex, name: str, path: YamlPath, role: str, context: RoleContext = _NO_ROLES
) -> Iterator[Finding]:
    """A reference to one member: a member id, or a role word where the context gives it a meaning."""
    if name in index.members:
        return
    if name in ("chooser", "lead"):
        problem = _role_problem(name, context)
        if problem is not None:
            yield finding("role-out-of-context", problem, path, hint=_role_hint(name))
        return
    yield finding(
        "unknown-member",
        f"{role} `{name}` is not a member of this board: add it under `members:` or name one that is",
        path,
        hint=did_you_mean(name, index.members, "members"),
    )


def _account(index: ScenarioIndex, name: str, path: YamlPath, context: RoleContext) -> Iterator[Finding]:
    """A money account: a member's budget, a pool, `external`, or a role word that names a member."""
    if name in index.members or name in index.pools or name == EXTERNAL_ACCOUNT:
        return
    if name in ("chooser", "lead"):
        problem = _role_problem(name, context)
        if problem is not None:
            yield finding("role-out-of-context", problem, path, hint=_role_hint(name))
        return
    yield finding(
        "unknown-account",
        f"money cannot move from or to `{name}`: it is neither a member (budget), a pool nor `external`",
        path,
        hint=did_you_mean(name, [*index.members, *index.pools, EXTERNAL_ACCOUNT], "accounts"),
    )


def _role_problem(word: str, context: RoleContext) -> str | None:
    if word == "chooser" and not context.chooser:
        if context.where.startswith("option"):
            return (
                f"`chooser` in {context.where} names nobody: in a vote the board decides together, so there is "
                "no single chooser; name the member, or give the option a `lead` and use `lead`"
            )
        return (
            f"`chooser` in {context.where} names nobody: it only means the member who chose, inside the "
            "options of an individual or pledge dilemma; name the member instead"
        )
    if word == "lead" and not context.lead:
        if context.where.startswith("option"):
            return (
                f"`lead` in {context.where} names nobody because the option has no `lead:`; add one or name the member"
            )
        return (
            f"`lead` in {context.where} names nobody: it only means an option's lead, inside that option; "
            "name the member instead"
        )
    return None


def _role_hint(word: str) -> str:
    if word == "chooser":
        return "`chooser` works in the effects and commitments of options in individual and pledge dilemmas"
    return "`lead` works in the effects and commitments of an option that has `lead: <member>`"


def _note_keys(index: ScenarioIndex, notes: dict[str, str], path: YamlPath) -> Iterator[Finding]:
    for name in notes:
        if name not in index.members:
            yield finding(
                "unknown-member",
                f"private note for `{name}`, who is not a member of this board: use a member id as the key",
                (*path, name),
                hint=did_you_mean(name, index.members, "members"),
            )


def _self_trust(member: str, path: YamlPath) -> Finding:
    return finding(
        "self-trust",
        f"trust from `{member}` to itself means nothing: trust is always between two different members",
        path,
        hint="change `from` or `to`, or remove the entry",
    )
