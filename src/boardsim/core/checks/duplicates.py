"""Duplicate ids: two members, pools, injects, dilemmas, options, commitments, accountabilities or playthroughs
sharing an id, and ids that collide with an account or a reserved word."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from boardsim.core.diagnostics import Finding, YamlPath, finding
from boardsim.core.scenario.types import EXTERNAL_ACCOUNT, MEMBER_ROLE_WORDS

from .common import readable_path
from .index import ScenarioIndex

RESERVED_MEMBER_WORDS = (*MEMBER_ROLE_WORDS, "all", EXTERNAL_ACCOUNT)
"""Words that mean something else where a member id is expected, so no member or pool may take them."""


def check_duplicates(index: ScenarioIndex) -> Iterator[Finding]:
    scenario = index.scenario
    yield from _repeated("members", ((m.id, ("members", i, "id")) for i, m in enumerate(scenario.members)))
    yield from _reserved("member", ((m.id, ("members", i, "id")) for i, m in enumerate(scenario.members)))
    for i, member in enumerate(scenario.members):
        yield from _repeated(
            f"accountabilities of `{member.id}`",
            ((a.id, ("members", i, "accountabilities", k, "id")) for k, a in enumerate(member.accountabilities)),
        )
    yield from _repeated("pools", ((p.id, ("pools", i, "id")) for i, p in enumerate(scenario.pools)))
    yield from _reserved("pool", ((p.id, ("pools", i, "id")) for i, p in enumerate(scenario.pools)))
    for i, pool in enumerate(scenario.pools):
        if pool.id in index.members:
            yield finding(
                "duplicate-id",
                f"pool `{pool.id}` has the same id as a member, so a money move to `{pool.id}` is ambiguous: "
                "rename the pool",
                ("pools", i, "id"),
                hint=f"e.g. `{pool.id}-pool`",
            )
    yield from _repeated("injects", ((e.id, ("timeline", i, "id")) for i, e in enumerate(scenario.timeline)))
    yield from _repeated("dilemmas", ((d.id, ("dilemmas", i, "id")) for i, d in enumerate(scenario.dilemmas)))
    for i, dilemma in enumerate(scenario.dilemmas):
        yield from _repeated(
            f"options of dilemma `{dilemma.id}`",
            ((o.id, ("dilemmas", i, "options", k, "id")) for k, o in enumerate(dilemma.options)),
        )
    yield from _repeated("commitments", ((site.commitment.id, (*site.path, "id")) for site in index.commitment_sites))
    yield from _repeated(
        "playthroughs", ((p.name, ("playthroughs", i, "name")) for i, p in enumerate(scenario.playthroughs))
    )


def _repeated(owners: str, ids: Iterable[tuple[str, YamlPath]]) -> Iterator[Finding]:
    """Every id after the first of its name; `owners` says whose ids they are, e.g. "options of dilemma `x`"."""
    first_seen: dict[str, YamlPath] = {}
    for name, path in ids:
        earlier = first_seen.get(name)
        if earlier is None:
            first_seen[name] = path
        else:
            yield finding(
                "duplicate-id",
                f"two {owners} have the {'name' if owners == 'playthroughs' else 'id'} `{name}`: give each its own",
                path,
                hint=f"the first `{name}` is at {readable_path(earlier)}",
            )


def _reserved(noun: str, ids: Iterable[tuple[str, YamlPath]]) -> Iterator[Finding]:
    for name, path in ids:
        if name in RESERVED_MEMBER_WORDS:
            yield finding(
                "duplicate-id",
                f"{noun} id `{name}` is a reserved word (it already means something in effects and deciders): "
                f"rename the {noun}",
                path,
                hint="`chooser`, `lead`, `all` and `external` are reserved",
            )
