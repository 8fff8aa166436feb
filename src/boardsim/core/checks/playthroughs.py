"""Playthroughs: the seats they configure and the choices they force must exist in the scenario."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic_core import PydanticCustomError

from boardsim.core.diagnostics import Finding, YamlPath, finding
from boardsim.core.scenario import Dilemma, Playthrough, PledgeMode
from boardsim.core.scenario.quantities import format_money, parse_money

from .common import did_you_mean
from .index import ScenarioIndex


def check_playthroughs(index: ScenarioIndex) -> Iterator[Finding]:
    for p, playthrough in enumerate(index.scenario.playthroughs):
        base: YamlPath = ("playthroughs", p)
        for member in playthrough.seats:
            if member not in index.members:
                yield finding(
                    "unknown-member",
                    f"playthrough `{playthrough.name}` seats `{member}`, who is not a member of this board",
                    (*base, "seats", member),
                    hint=did_you_mean(member, index.members, "members"),
                )
        for dilemma_id, choice in playthrough.choices.items():
            path: YamlPath = (*base, "choices", dilemma_id)
            dilemma = index.dilemmas.get(dilemma_id)
            if dilemma is None:
                yield finding(
                    "playthrough-unknown-choice",
                    f"playthrough `{playthrough.name}` forces a choice in `{dilemma_id}`, which is not a dilemma "
                    "of this scenario",
                    path,
                    hint=did_you_mean(dilemma_id, index.dilemmas, "dilemmas"),
                )
            elif isinstance(choice, str):
                yield from _board_choice(index, playthrough, dilemma, choice, path)
            else:
                for member, member_choice in choice.items():
                    yield from _member_choice(index, playthrough, dilemma, member, member_choice, (*path, member))


def _board_choice(
    index: ScenarioIndex, playthrough: Playthrough, dilemma: Dilemma, option: str, path: YamlPath
) -> Iterator[Finding]:
    if isinstance(dilemma.mode, PledgeMode):
        yield finding(
            "playthrough-unknown-choice",
            f"playthrough `{playthrough.name}` gives pledge dilemma `{dilemma.id}` the option `{option}`, but "
            "pledges are amounts: give each decider one, e.g. {council: '£2m', icb: '£3m'}",
            path,
        )
    elif option not in index.options[dilemma.id]:
        yield _unknown_option(index, playthrough, dilemma, option, path)


def _member_choice(
    index: ScenarioIndex, playthrough: Playthrough, dilemma: Dilemma, member: str, choice: str, path: YamlPath
) -> Iterator[Finding]:
    if member not in index.members:
        yield finding(
            "unknown-member",
            f"playthrough `{playthrough.name}` forces a choice for `{member}`, who is not a member of this board",
            path,
            hint=did_you_mean(member, index.members, "members"),
        )
        return
    deciders = index.deciders(dilemma)
    if member not in deciders:
        yield finding(
            "playthrough-unknown-choice",
            f"playthrough `{playthrough.name}` forces a choice for `{member}` in dilemma `{dilemma.id}`, "
            "but it is not one of that dilemma's deciders",
            path,
            hint=did_you_mean(member, deciders, "deciders"),
        )
        return
    mode = dilemma.mode
    if not isinstance(mode, PledgeMode):
        if choice not in index.options[dilemma.id]:
            yield _unknown_option(index, playthrough, dilemma, choice, path)
        return
    try:
        amount = parse_money(choice)
    except PydanticCustomError:
        yield finding(
            "playthrough-unknown-choice",
            f"playthrough `{playthrough.name}` pledges `{choice}` for `{member}` in `{dilemma.id}`, which is not "
            "an amount",
            path,
            hint="write pounds with a £ sign, e.g. '£2m'",
        )
        return
    bounds = mode.bounds.get(member)
    low, high = (bounds.min, bounds.max) if bounds is not None else (mode.min, mode.max)
    if not low <= amount <= high:
        yield finding(
            "playthrough-unknown-choice",
            f"playthrough `{playthrough.name}` pledges {format_money(amount)} for `{member}` in `{dilemma.id}`, "
            f"outside what it may pledge ({format_money(low)} to {format_money(high)})",
            path,
        )


def _unknown_option(
    index: ScenarioIndex, playthrough: Playthrough, dilemma: Dilemma, option: str, path: YamlPath
) -> Finding:
    return finding(
        "playthrough-unknown-choice",
        f"playthrough `{playthrough.name}` chooses `{option}` in dilemma `{dilemma.id}`, which has no such option",
        path,
        hint=did_you_mean(option, index.options[dilemma.id], "options"),
    )
