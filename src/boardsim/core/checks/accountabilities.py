"""Accountabilities nothing in the scenario can affect: a duty whose condition reads only state, budgets and
pools that no effect or pledge ever moves is met (or breached) for the whole run, whatever the board does.

The check errs towards silence: anything that can change during play (a decision, a pledge, trust, time,
another accountability's breach, a commitment, an inject) counts as touching the condition.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from boardsim.core.diagnostics import Finding, finding
from boardsim.core.expressions import FUNCTIONS
from boardsim.core.scenario import ChangeEffect, Dilemma, MoveEffect, PledgeMode

from .common import quoted
from .index import ScenarioIndex

_STATIC_UNLESS_MOVED = {"budget", "pool"}
"""Functions whose value changes only when money moves into or out of the account they name."""


@dataclass(slots=True)
class _Touched:
    """What effects and pledges anywhere in the scenario can change."""

    state: set[str] = field(default_factory=set)
    accounts: set[str] = field(default_factory=set)


def check_accountabilities(index: ScenarioIndex) -> Iterator[Finding]:
    touched = _what_can_change(index)
    for site in index.conditions:
        if site.role != "holds_when" or site.compiled is None:
            continue
        compiled = site.compiled
        if any(_changes_in_play(call.function, call.arguments, touched) for call in compiled.calls):
            continue
        if compiled.names & touched.state:
            continue
        read = sorted(compiled.names) + [
            call.function + "(" + ", ".join(f'"{argument}"' for argument in call.arguments) + ")"
            for call in compiled.calls
            if call.function in _STATIC_UNLESS_MOVED
        ]
        reads = f"reads only {quoted(read)}, which nothing changes" if read else "reads nothing that can change"
        yield finding(
            "untouched-accountability",
            f"no dilemma or inject can affect {site.subject}: its `holds_when` {reads}, so it stays as it starts "
            "for the whole run",
            site.path,
            hint="add an effect that changes what it reads, or drop the accountability if it is only background",
        )


def _changes_in_play(function: str, arguments: tuple[str, ...], touched: _Touched) -> bool:
    signature = FUNCTIONS.get(function)
    if signature is not None and not signature.evaluated_by_context:
        return False  # min, max, abs: their arguments' own calls and names are judged separately
    if function in _STATIC_UNLESS_MOVED and arguments:
        return arguments[0] in touched.accounts
    return True


def _what_can_change(index: ScenarioIndex) -> _Touched:
    touched = _Touched()
    # Dilemmas whose chooser moves money: any of their deciders' budgets may move (collected once per dilemma).
    chooser_moves: dict[str, Dilemma] = {}
    for site in index.effects:
        effect = site.effect
        if isinstance(effect, ChangeEffect):
            touched.state.add(effect.target)
        elif isinstance(effect, MoveEffect):
            for name in (effect.from_, effect.to):
                if name == "chooser" and site.dilemma is not None:
                    chooser_moves[site.dilemma.id] = site.dilemma
                elif name == "lead":
                    if site.option is not None and site.option.lead is not None:
                        touched.accounts.add(site.option.lead)
                else:
                    touched.accounts.add(name)
    for dilemma in chooser_moves.values():
        touched.accounts.update(index.deciders(dilemma))
    for dilemma in index.scenario.dilemmas:
        if isinstance(dilemma.mode, PledgeMode):
            touched.accounts.add(dilemma.mode.pool)
            touched.accounts.update(index.deciders(dilemma))
    return touched
