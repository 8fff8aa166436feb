"""What a balance report needs to know about a scenario, in a compact form that travels with the sweep file.

A sweep file is summarised again later (`boardsim sweep --from FILE`), perhaps after the scenario has been
edited. So the header of the file carries this layout — ids, labels, kinds, starting budgets, floors and the
YAML path of every option, member, accountability and pool — and the aggregation and findings read only it,
never the scenario itself.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict

from boardsim.core.diagnostics import YamlPath
from boardsim.core.scenario.model import NumberMeasure, PledgeMode, Scenario, VoteMode


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class OptionLayout(_Frozen):
    id: str
    label: str
    path: YamlPath
    has_requires: bool = False


class DilemmaLayout(_Frozen):
    id: str
    title: str
    path: YamlPath
    mode: Literal["individual", "vote", "pledge"]
    deciders: list[str]
    options: list[OptionLayout]


class AccountabilityLayout(_Frozen):
    id: str
    kind: Literal["duty", "target", "red-line"]
    description: str
    path: YamlPath


class MemberLayout(_Frozen):
    id: str
    name: str
    path: YamlPath
    budget_start: int | None
    accountabilities: list[AccountabilityLayout]


class PoolLayout(_Frozen):
    id: str
    name: str
    path: YamlPath
    floor: int


class MeasureLayout(_Frozen):
    name: str
    kind: Literal["number", "flag"]
    unit: str = ""


class CommitmentLayout(_Frozen):
    id: str
    dilemma: str
    option: str
    promise: str
    path: YamlPath


class ScenarioLayout(_Frozen):
    """The parts of a scenario a balance report names, with their YAML paths for placing findings."""

    scenario_id: str
    title: str
    members: list[MemberLayout]
    dilemmas: list[DilemmaLayout]
    pools: list[PoolLayout]
    measures: list[MeasureLayout]
    commitments: list[CommitmentLayout]

    @property
    def deciding_members(self) -> list[str]:
        """Members that decide at least one dilemma, in member order: the seats whose disposition matters."""
        deciding = {member for dilemma in self.dilemmas for member in dilemma.deciders}
        return [member.id for member in self.members if member.id in deciding]


def transport_json(scenario: Scenario) -> str:
    """The scenario as JSON in its written order, for workers: it validates back to an identical scenario.

    Not sorted like the JSON the digest is taken of: the order of state, priorities and bounds is the
    designer's and the engine iterates in it, so a worker's run must see the same order as `boardsim run`.
    """
    return json.dumps(scenario.model_dump(mode="json", by_alias=True), separators=(",", ":"), ensure_ascii=False)


def scenario_layout(scenario: Scenario) -> ScenarioLayout:
    """Read the layout off a validated scenario."""
    member_ids = [member.id for member in scenario.members]
    members = [
        MemberLayout(
            id=member.id,
            name=member.name,
            path=("members", index),
            budget_start=member.budget.amount if member.budget else None,
            accountabilities=[
                AccountabilityLayout(
                    id=item.id,
                    kind=item.kind,
                    description=item.description,
                    path=("members", index, "accountabilities", position),
                )
                for position, item in enumerate(member.accountabilities)
            ],
        )
        for index, member in enumerate(scenario.members)
    ]
    dilemmas: list[DilemmaLayout] = []
    commitments: list[CommitmentLayout] = []
    for index, dilemma in enumerate(scenario.dilemmas):
        mode: Literal["individual", "vote", "pledge"] = (
            "vote"
            if isinstance(dilemma.mode, VoteMode)
            else "pledge"
            if isinstance(dilemma.mode, PledgeMode)
            else "individual"
        )
        options = [
            OptionLayout(
                id=option.id,
                label=option.label,
                path=("dilemmas", index, "options", position),
                has_requires=option.requires is not None,
            )
            for position, option in enumerate(dilemma.options)
        ]
        for position, option in enumerate(dilemma.options):
            commitments.extend(
                CommitmentLayout(
                    id=commitment.id,
                    dilemma=dilemma.id,
                    option=option.id,
                    promise=commitment.promise,
                    path=("dilemmas", index, "options", position, "commitments", slot),
                )
                for slot, commitment in enumerate(option.commitments)
            )
        deciders = member_ids if dilemma.deciders == "all" else list(dilemma.deciders)
        dilemmas.append(
            DilemmaLayout(
                id=dilemma.id,
                title=dilemma.title,
                path=("dilemmas", index),
                mode=mode,
                deciders=deciders,
                options=options,
            )
        )
    pools = [
        PoolLayout(id=pool.id, name=pool.name, path=("pools", index), floor=pool.floor)
        for index, pool in enumerate(scenario.pools)
    ]
    measures = [
        MeasureLayout(
            name=name,
            kind="number" if isinstance(declaration, NumberMeasure) else "flag",
            unit=declaration.unit if isinstance(declaration, NumberMeasure) else "",
        )
        for name, declaration in scenario.state.items()
    ]
    return ScenarioLayout(
        scenario_id=scenario.id,
        title=scenario.title,
        members=members,
        dilemmas=dilemmas,
        pools=pools,
        measures=measures,
        commitments=commitments,
    )
