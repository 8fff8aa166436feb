"""Conditions: the small expression language of `when:`, `requires:`, `holds_when:`, `kept_when:`, `expect:`.

Language reference (for facilitator_guide/authoring.md)
=======================================================

A condition is a line of text that is true or false (it may wrap over several lines in YAML), e.g.::

    delayed_discharges > 150 and not chosen("risk-share", "icb-carries")
    budget("council") >= £0 or pool("bcf-pool") > £2.5m
    chosen("risk-share") == "fifty-fifty"
    0.4 <= trust("icb", "council") < 0.8

Values
    numbers        ``85``, ``0.5``, ``-20``
    money          ``£2m``, ``£350k``, ``£1.5bn``, ``£1,200,000``, ``£2.5m`` — whole pounds; write a negative
                   amount as ``-£4m``. Inside a function call put a space after a comma that separates
                   arguments (``max(£1, 200)``), since ``£1,200`` is one amount.
    flags          ``true`` / ``false`` (``True`` / ``False`` also work)
    text           ``"fifty-fifty"`` or ``'fifty-fifty'`` — only useful compared with ``chosen``/``chosen_by``
    state          any name declared under ``state:`` (numbers and flags)

Operators, loosest first
    ``or``, ``and``, ``not``
    ``==  !=  <  <=  >  >=`` (chains such as ``0 < x <= 10`` mean ``0 < x and x <= 10``)
    ``+  -``, then ``*  /``, then unary ``-``; round brackets ``( )`` group.
    Numbers compare with numbers; text and flags only with ``==`` and ``!=``. ``and``/``or``/``not`` take
    flags. Dividing by zero gives 0. Arithmetic never overflows: results stop at about ±1.8e308.

Functions (ids are written in quotes)
    ``chosen("dilemma")``               text: the option that carried (vote) or was chosen by most deciders
                                        (individual; ties go to the first option); "" until decided
    ``chosen("dilemma", "option")``     flag: that option carried / was chosen by at least one decider
    ``chosen_by("dilemma", "member")``  text: the option the member chose or voted for ("" if none)
    ``closed("dilemma")``               flag: the dilemma has been decided
    ``budget("member")``                number: the member's budget in pounds
    ``pool("pool")``                    number: the pool's balance in pounds
    ``pledged("dilemma")``              number: total pledged; ``pledged("dilemma", "member")``: one member's
    ``trust("from", "to")``             number: how far `from` trusts `to`, 0 to 1
    ``breached("member")``              flag: in breach of any accountability now;
                                        ``breached("member", "accountability")``: of that one
    ``kept("commitment")``              flag: fell due and was kept by everyone who made it
    ``broken("commitment")``            flag: fell due and was broken by someone who made it
    ``fired("inject")``                 flag: the inject has landed
    ``elapsed_months()``                number: whole months since the scenario started
    ``min(a, b, ...)``, ``max(a, b, ...)``, ``abs(a)``   numbers

Not allowed (``expr-forbidden``): attributes (``a.b``), indexing (``a[0]``), ``lambda``, comprehensions,
f-strings, lists/tuples/dicts, ``**``, ``%``, ``//``, ``&``, ``|``, ``^``, ``~``, ``<<``, ``>>``, ``in``,
``is``, ``... if ... else ...``, ``:=``, keyword arguments, calling anything but a listed function by name,
names starting with ``__``, and ``#`` comments. Limits: 500 characters; operators, ``not``, unary minus and
function calls nested at most 20 deep (a run of the same operator, like ``a + b + c``, counts once).

Error codes
    ``expr-syntax``            the text cannot be parsed (unbalanced brackets, a missing value, ``=`` for ``==``)
    ``expr-forbidden``         a construct the language does not have (list above)
    ``expr-unknown-name``      a name that is not declared state (with a "did you mean" hint)
    ``expr-unknown-function``  a function that is not in the list
    ``expr-bad-arguments``     wrong number of arguments, or an id not written in quotes
    ``expr-type``              kinds mixed: ``flag + 1``, ``chosen("d") > 2``, ``not 5``, a condition that
                               gives a number or text instead of true/false
    ``expr-too-long``          more than 500 characters
    ``expr-too-deep``          nested more than 20 levels
    ``bad-amount``             a money literal that is not whole pounds (``£2.5``) or implausibly large

A state declared with the name ``true`` or ``false`` cannot be read: those words are always booleans.

For maintainers
===============
``compile_expression``/``compile_condition`` (compiler.py) prepare the text (source.py: length bound, money
literals, offset map), parse it with ``ast.parse(mode="eval")`` (syntax.py rewords Python's errors), refuse
anything outside the allow-list (allow_list.py), then resolve, type-check and bound the nesting while
building a typed tree (tree.py), and finally a tree of closures (evaluation.py) that the engine calls in its
hot loop. Evaluation never raises for finite context values: x / 0 is 0 and arithmetic saturates.
``possible_truths``/``possible_range`` (analysis.py, intervals.py) are a sound interval analysis over the same
tree, used by the checker for conditions that can never hold. Every ``ExpressionError.offset`` points into
the original text, money literals and all. Nothing is ever passed to Python's eval or exec.
"""

from __future__ import annotations

from collections.abc import Mapping

from .analysis import possible_range, possible_truths
from .compiled import CompiledExpression
from .compiler import MAX_NESTING, compile_condition, compile_expression
from .errors import ExpressionError
from .functions import FUNCTIONS, REFERENCE_KINDS, ArgumentKind, FunctionSignature
from .kinds import EvaluationContext, Value, ValueKind
from .source import MAX_LENGTH
from .tree import FunctionCall, TextComparison


def evaluate(expression: CompiledExpression, context: EvaluationContext) -> Value:
    """The expression's current value: a float (or int), a bool or a str, according to `expression.kind`."""
    result: Value = expression.evaluator(context)
    return result


def holds(expression: CompiledExpression, context: EvaluationContext) -> bool:
    """Whether a condition is true now (a number holds when non-zero, text when non-empty)."""
    return bool(expression.evaluator(context))


def kinds_of_state(declarations: Mapping[str, str]) -> dict[str, ValueKind]:
    """Name → ValueKind from declared state types ("number"/"flag"), e.g. {n: d.type for n, d in state.items()}."""
    return {name: ValueKind.FLAG if kind == "flag" else ValueKind.NUMBER for name, kind in declarations.items()}


__all__ = [
    "FUNCTIONS",
    "MAX_LENGTH",
    "MAX_NESTING",
    "REFERENCE_KINDS",
    "ArgumentKind",
    "CompiledExpression",
    "EvaluationContext",
    "ExpressionError",
    "FunctionCall",
    "FunctionSignature",
    "TextComparison",
    "Value",
    "ValueKind",
    "compile_condition",
    "compile_expression",
    "evaluate",
    "holds",
    "kinds_of_state",
    "possible_range",
    "possible_truths",
]
