"""What a bot seat sees when a dilemma opens: the engine's implementation of `DecisionSituation`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from boardsim.core.expressions import holds
from boardsim.core.scenario.model import Accountability, Dilemma, IndividualMode, Option, PledgeMode, Scenario

from .voting import pledge_bounds
from .whatif import project

if TYPE_CHECKING:
    from .runtime import Runtime


class BotSituation:
    """One member facing one open dilemma, answered from the live run (read-only)."""

    def __init__(self, runtime: Runtime, dilemma: Dilemma, member: str) -> None:
        self._rt = runtime
        self.scenario: Scenario = runtime.scenario
        self.member = member
        self.dilemma = dilemma

    def state_values(self) -> Mapping[str, float | bool]:
        return self._rt.values

    def budget(self, member: str) -> int:
        return self._rt.ledger.budgets.get(member, 0)

    def trust(self, truster: str, trustee: str) -> float:
        return self._rt.metrics.trust(truster, trustee)

    def selectable_options(self) -> list[Option]:
        rt = self._rt
        return [
            option
            for option in self.dilemma.options
            if option.requires is None or holds(rt.plan.condition(option.requires), rt.context)
        ]

    def breaches_if(self, option: Option) -> list[Accountability]:
        rt = self._rt
        chooser = self.member if isinstance(self.dilemma.mode, IndividualMode) else None
        immediate = [(effect, chooser, option.lead) for effect in option.effects if effect.after is None]
        overlay, _ = project(rt, immediate, check_when=True)
        entries = rt.accountabilities.of_member(self.member)
        return [entry.accountability for entry in rt.accountabilities.would_breach(overlay, entries)]

    def pledge_bounds(self) -> tuple[int, int]:
        mode = self.dilemma.mode
        if not isinstance(mode, PledgeMode):
            raise ValueError(f"dilemma {self.dilemma.id!r} does not take pledges")
        return pledge_bounds(mode, self.member)
