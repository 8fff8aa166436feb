"""What a bot seat sees when a dilemma opens: the engine's implementation of `DecisionSituation`.

Bots ask `breaches_if` for every option they weigh, so it is kept cheap. What an option's immediate effects
can change (state values, account balances) is read from the scenario once per plan (`OptionReach`); only
this member's accountabilities that read one of those keys are evaluated in the hypothetical world, and the
others — whose answer cannot differ from today's — are evaluated once per decision against the live run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from boardsim.core.expressions import holds
from boardsim.core.scenario.model import (
    Accountability,
    ChangeEffect,
    Dilemma,
    Effect,
    IndividualMode,
    MoveEffect,
    Option,
    PledgeMode,
    Scenario,
)

from .effects import resolve_member
from .plan import AccountabilityEntry, Key, ScenarioPlan
from .voting import pledge_bounds
from .whatif import project

if TYPE_CHECKING:
    from .runtime import Runtime


@dataclass(frozen=True, slots=True)
class OptionReach:
    """One option's immediate effects for one chooser, and which of one member's accountabilities they can reach."""

    option: Option
    immediate: tuple[tuple[Effect, str | None, str | None], ...]
    """(effect, chooser, lead) for each effect that lands at once, in order (what `project` takes)."""
    reached: frozenset[int]
    """Indices of the member's accountabilities reading a state value or balance those effects may change."""


def option_reach(plan: ScenarioPlan, option: Option, chooser: str | None, member: str) -> OptionReach:
    """The (remembered) reach of `option` chosen by `chooser` (None: by the board) for `member`."""
    key = (id(option), chooser, member)
    found = plan.option_reach.get(key)
    if found is not None and found.option is option:
        return found
    immediate = tuple((effect, chooser, option.lead) for effect in option.effects if effect.after is None)
    keys: set[Key] = set()
    for effect, effect_chooser, lead in immediate:
        # A superset of what `whatif.project` may change: evaluating a few more conditions in the projected
        # world costs a little time, never a different answer.
        if isinstance(effect, ChangeEffect):
            keys.add(("state", effect.target))
        elif isinstance(effect, MoveEffect):
            for reference in (effect.from_, effect.to):
                account = resolve_member(reference, effect_chooser, lead)
                if account is not None:
                    keys.add(("account", account))
    reached = frozenset(
        index
        for index in plan.accountabilities_by_member.get(member, ())
        if not keys.isdisjoint(plan.accountabilities[index].keys)
    )
    reach = plan.option_reach[key] = OptionReach(option, immediate, reached)
    return reach


class BotSituation:
    """One member facing one open dilemma, answered from the live run (read-only)."""

    def __init__(self, runtime: Runtime, dilemma: Dilemma, member: str, selectable: list[Option] | None = None) -> None:
        """`selectable`, when given, is `selectable_options()` already worked out for this moment."""
        self._rt = runtime
        self.scenario: Scenario = runtime.scenario
        self.member = member
        self.dilemma = dilemma
        self._selectable = selectable
        self._chooser = member if isinstance(dilemma.mode, IndividualMode) else None
        self._entries: list[AccountabilityEntry] = runtime.accountabilities.of_member(member)
        self._live: dict[int, bool] | None = None
        self._live_breaches: list[Accountability] = []

    def state_values(self) -> Mapping[str, float | bool]:
        return self._rt.values

    def budget(self, member: str) -> int:
        return self._rt.ledger.budgets.get(member, 0)

    def trust(self, truster: str, trustee: str) -> float:
        return self._rt.metrics.trust(truster, trustee)

    def selectable_options(self) -> list[Option]:
        if self._selectable is not None:
            return list(self._selectable)
        rt = self._rt
        return [
            option
            for option in self.dilemma.options
            if option.requires is None or holds(rt.plan.condition(option.requires), rt.context)
        ]

    def breaches_if(self, option: Option) -> list[Accountability]:
        entries = self._entries
        if not entries:
            return []
        rt = self._rt
        live = self._live
        if live is None:  # today's answer for each of its accountabilities, the same for every option
            context = rt.context
            live = self._live = {entry.index: not holds(entry.condition, context) for entry in entries}
            self._live_breaches = [entry.accountability for entry in entries if live[entry.index]]
        reach = option_reach(rt.plan, option, self._chooser, self.member)
        if not reach.reached:
            return list(self._live_breaches)
        overlay, _ = project(rt, reach.immediate, check_when=True)
        reached = reach.reached
        return [
            entry.accountability
            for entry in entries
            if (not holds(entry.condition, overlay) if entry.index in reached else live[entry.index])
        ]

    def pledge_bounds(self) -> tuple[int, int]:
        mode = self.dilemma.mode
        if not isinstance(mode, PledgeMode):
            raise ValueError(f"dilemma {self.dilemma.id!r} does not take pledges")
        return pledge_bounds(mode, self.member)
