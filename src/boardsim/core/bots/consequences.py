"""Which of a dilemma's closing effects follow from choosing each option.

Designers often put a choice's private consequences in the dilemma's `on_close`, guarded by a condition on
the choice itself, e.g. `when: chosen_by("winter-front-line", "public-health") == "release-staff"`. A bot
that read only the options' own effects would think lending its staff costs nothing. So each guarded closing
effect is judged under the hypothesis "this member takes this option" with three-valued logic: a condition
is then true, false or still unknown (it also depends on the state, on other members' choices, ...). An
effect whose verdict is the same whatever the member chooses is not this choice's doing and is left out;
otherwise it counts for the options where it is true (as sure as its `chance`) or unknown (a coin toss,
`CONDITION_ODDS`, like any `when:` a bot cannot settle).

The hypothesis, per decision mode:
* vote: the option carries — `chosen(d)` is it, `chosen(d, x)` is x == it, and so is `chosen_by(d, me)`;
* individual: `chosen_by(d, me)` is it and `chosen(d, it)` is true (at least one decider chose it); what the
  others chose (`chosen(d)`, `chosen(d, other)`) stays unknown;
* both: `closed(d)` is true. Everything else (state, budgets, trust, other dilemmas) is unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from boardsim.core.expressions import ExpressionError, ValueKind, compile_condition
from boardsim.core.expressions.tree import (
    Arithmetic,
    Comparison,
    DomainCall,
    Literal,
    Logic,
    Negate,
    Node,
    Not,
    NumericCall,
    StateRead,
)
from boardsim.core.scenario.model import Dilemma, Effect, FlagMeasure, Scenario, VoteMode

Known = float | bool | str | None
"""A value under the hypothesis, or None when it cannot be known yet."""

CONDITION_ODDS = 0.5
"""The odds a bot gives a `when:` condition it cannot settle: a coin toss (it cannot see how the state, the
budgets or the other members will stand when the effect fires)."""


@dataclass(frozen=True, slots=True)
class Hypothesis:
    """'`member` takes `option` in `dilemma`', as the partial evaluator reads it."""

    dilemma: str
    member: str
    option: str
    vote: bool


def attributed_effects(scenario: Scenario, member: str, dilemma: Dilemma) -> dict[str, list[tuple[Effect, float]]]:
    """Per option id, the closing effects its choice brings about, each with the odds that its guard holds:
    1 when it holds whenever the member takes the option, `CONDITION_ODDS` when it also depends on the unknown.
    """
    names = {
        name: ValueKind.FLAG if isinstance(d, FlagMeasure) else ValueKind.NUMBER for name, d in scenario.state.items()
    }
    vote = isinstance(dilemma.mode, VoteMode)
    attributed: dict[str, list[tuple[Effect, float]]] = {option.id: [] for option in dilemma.options}
    for effect in dilemma.on_close:
        if effect.when is None:
            continue  # lands whatever is chosen
        try:
            tree = compile_condition(effect.when, names).tree
        except ExpressionError:
            continue  # the checker reports it; a bot just cannot read it
        verdicts = {
            option.id: _truth(tree, Hypothesis(dilemma.id, member, option.id, vote)) for option in dilemma.options
        }
        if len(set(verdicts.values())) <= 1:
            continue  # the choice makes no difference to whether it lands
        for option_id, verdict in verdicts.items():
            if verdict is not False:
                attributed[option_id].append((effect, 1.0 if verdict is True else CONDITION_ODDS))
    return attributed


def _truth(node: Node, hypothesis: Hypothesis) -> bool | None:
    value = _value(node, hypothesis)
    return None if value is None else bool(value)


def _value(node: Node, hypothesis: Hypothesis) -> Known:
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, StateRead):
        return None  # read when the effect fires, not now
    if isinstance(node, DomainCall):
        return _call(node, hypothesis)
    if isinstance(node, Not):
        inner = _value(node.operand, hypothesis)
        return None if inner is None else not inner
    if isinstance(node, Logic):
        return _logic(node, hypothesis)
    if isinstance(node, Comparison):
        return _comparison(node, hypothesis)
    if isinstance(node, Negate):
        operand = _value(node.operand, hypothesis)
        return None if operand is None else -float(operand)
    if isinstance(node, Arithmetic):
        return _arithmetic(node, hypothesis)
    if isinstance(node, NumericCall):
        arguments = [_value(argument, hypothesis) for argument in node.arguments]
        if any(argument is None for argument in arguments):
            return None
        numbers = [float(argument) for argument in arguments if argument is not None]
        return abs(numbers[0]) if node.function == "abs" else (min if node.function == "min" else max)(numbers)
    return None


def _call(node: DomainCall, hypothesis: Hypothesis) -> Known:
    function, arguments = node.call.function, node.call.arguments
    if not arguments or arguments[0] != hypothesis.dilemma:
        return None
    if function == "closed":
        return True
    if function == "chosen_by":
        return hypothesis.option if arguments[1:] == (hypothesis.member,) else None
    if function == "chosen" and len(arguments) == 1:
        return hypothesis.option if hypothesis.vote else None
    if function == "chosen" and len(arguments) == 2:
        if arguments[1] == hypothesis.option:
            return True
        return False if hypothesis.vote else None
    return None


def _logic(node: Logic, hypothesis: Hypothesis) -> Known:
    values = [_truth(operand, hypothesis) for operand in node.operands]
    decisive = node.operator == "or"  # True decides an `or`, False decides an `and`
    if decisive in values:
        return decisive
    return None if None in values else not decisive


_COMPARE: dict[str, Callable[[float | str, float | str], bool]] = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: float(a) < float(b),
    "<=": lambda a, b: float(a) <= float(b),
    ">": lambda a, b: float(a) > float(b),
    ">=": lambda a, b: float(a) >= float(b),
}


def _comparison(node: Comparison, hypothesis: Hypothesis) -> Known:
    left = _value(node.first, hypothesis)
    unknown = False
    for operator, right_node in node.rest:
        right = _value(right_node, hypothesis)
        if left is None or right is None:
            unknown = True
        elif not _COMPARE[operator](left, right):
            return False  # one failing link decides a chain, whatever the unknown links say
        left = right
    return None if unknown else True


def _arithmetic(node: Arithmetic, hypothesis: Hypothesis) -> Known:
    first = _value(node.first, hypothesis)
    if first is None:
        return None
    total = float(first)
    for operator, operand_node in node.rest:
        operand = _value(operand_node, hypothesis)
        if operand is None:
            return None
        value = float(operand)
        if operator == "+":
            total += value
        elif operator == "-":
            total -= value
        elif operator == "*":
            total *= value
        else:
            total = total / value if value else 0.0  # the language's rule: x / 0 is 0
    return total
