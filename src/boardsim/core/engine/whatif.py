"""What-ifs: the world as it would be if some effects landed now, without touching the run.

Used to flag tension (a decision whose delayed effects will push a member into breach) and to tell bots which
of their accountabilities an option would breach. Only changes to state and money are projected: they are
what accountabilities are written over. A `when` condition is honoured for effects that would land now and
ignored for delayed ones (it is re-checked when they land, and nobody knows that future yet); a `chance` is
treated as coming up, because a facilitator wants to hear about the risk.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from boardsim.core.expressions import holds
from boardsim.core.scenario.model import ChangeEffect, Effect, MoveEffect, NumberMeasure

from .context import OverlayContext
from .effects import resolve_member
from .plan import Key

if TYPE_CHECKING:
    from .runtime import Runtime


def project(
    rt: Runtime, effects: Iterable[tuple[Effect, str | None, str | None]], *, check_when: bool
) -> tuple[OverlayContext, set[Key]]:
    """The world after `effects` (each with its chooser and lead) and the keys they changed."""
    values: dict[str, float | bool] = {}
    balances: dict[str, int] = {}
    overlay = OverlayContext(rt.context, values, balances)
    keys: set[Key] = set()
    for effect, chooser, lead in effects:
        if check_when and effect.when is not None and not holds(rt.plan.condition(effect.when), overlay):
            continue
        if isinstance(effect, ChangeEffect):
            declaration = rt.scenario.state.get(effect.target)
            if declaration is None:
                continue
            if isinstance(declaration, NumberMeasure):
                if isinstance(effect.to, bool):
                    continue
                current = float(overlay.state(effect.target))
                target = current + effect.by if effect.by is not None else float(effect.to or 0.0)
                low, high = declaration.range
                values[effect.target] = float(min(max(target, low), high))
            elif isinstance(effect.to, bool):
                values[effect.target] = effect.to
            keys.add(("state", effect.target))
        elif isinstance(effect, MoveEffect):
            source = resolve_member(effect.from_, chooser, lead)
            target_account = resolve_member(effect.to, chooser, lead)
            if source is None or target_account is None:
                continue
            if not (rt.ledger.has_account(source) and rt.ledger.has_account(target_account)):
                continue
            for account, delta in ((source, -effect.amount), (target_account, effect.amount)):
                balances[account] = balances.get(account, rt.ledger.balance(account)) + delta
                keys.add(("account", account))
    return overlay, keys
