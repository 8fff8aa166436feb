"""Conditions read the world through these contexts: the live one, and hypothetical overlays of it.

`WorldContext` answers every domain function of the expression language from the live run. `OverlayContext`
answers the same questions about a world that differs in some state values and balances: the engine uses
it to ask "would this member be in breach if this option's effects landed?" without touching the run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from boardsim.core.expressions import CompiledExpression, holds

if TYPE_CHECKING:
    from .runtime import Runtime

Value = float | bool | str


class WorldContext:
    """The expression language's view of the live run (implements `EvaluationContext`)."""

    def __init__(self, runtime: Runtime) -> None:
        self._rt = runtime
        self._values = runtime.values
        self._calls: dict[str, Callable[[tuple[str, ...]], Value]] = {
            "chosen": self._chosen,
            "chosen_by": self._chosen_by,
            "closed": self._closed,
            "pledged": self._pledged,
            "budget": self._budget,
            "pool": self._pool,
            "trust": self._trust,
            "breached": self._breached,
            "kept": self._kept,
            "broken": self._broken,
            "fired": self._fired,
            "elapsed_months": self._elapsed_months,
        }

    def state(self, name: str) -> float | bool:
        return self._values[name]

    def call(self, function: str, arguments: tuple[str, ...]) -> Value:
        return self._calls[function](arguments)

    def holds(self, condition: CompiledExpression) -> bool:
        return holds(condition, self)

    def _chosen(self, arguments: tuple[str, ...]) -> Value:
        desk = self._rt.dilemmas
        if len(arguments) == 2:
            return desk.was_chosen(arguments[0], arguments[1])
        return desk.chosen(arguments[0])

    def _chosen_by(self, arguments: tuple[str, ...]) -> Value:
        return self._rt.dilemmas.chosen_by(arguments[0], arguments[1])

    def _closed(self, arguments: tuple[str, ...]) -> Value:
        return self._rt.dilemmas.is_closed(arguments[0])

    def _pledged(self, arguments: tuple[str, ...]) -> Value:
        return float(self._rt.dilemmas.pledged(arguments[0], arguments[1] if len(arguments) > 1 else None))

    def _budget(self, arguments: tuple[str, ...]) -> Value:
        return float(self._rt.ledger.budgets.get(arguments[0], 0))

    def _pool(self, arguments: tuple[str, ...]) -> Value:
        return float(self._rt.ledger.pools.get(arguments[0], 0))

    def _trust(self, arguments: tuple[str, ...]) -> Value:
        return self._rt.metrics.trust(arguments[0], arguments[1])

    def _breached(self, arguments: tuple[str, ...]) -> Value:
        return self._rt.accountabilities.breached(arguments[0], arguments[1] if len(arguments) > 1 else None)

    def _kept(self, arguments: tuple[str, ...]) -> Value:
        return self._rt.commitments.kept(arguments[0])

    def _broken(self, arguments: tuple[str, ...]) -> Value:
        return self._rt.commitments.broken(arguments[0])

    def _fired(self, arguments: tuple[str, ...]) -> Value:
        return arguments[0] in self._rt.injects.landed

    def _elapsed_months(self, arguments: tuple[str, ...]) -> Value:
        return float(self._rt.plan.elapsed_months(self._rt.now))


class OverlayContext:
    """The live world with some state values and account balances replaced (a what-if)."""

    def __init__(self, base: WorldContext, values: Mapping[str, float | bool], balances: Mapping[str, int]) -> None:
        self._base = base
        self._values = values
        self._balances = balances

    def state(self, name: str) -> float | bool:
        value = self._values.get(name)
        return self._base.state(name) if value is None else value

    def call(self, function: str, arguments: tuple[str, ...]) -> Value:
        if (function == "budget" or function == "pool") and arguments[0] in self._balances:
            return float(self._balances[arguments[0]])
        return self._base.call(function, arguments)
