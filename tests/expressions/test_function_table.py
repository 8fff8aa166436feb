"""FUNCTIONS describes each allow-listed function generically enough for the checker to validate ids."""

from __future__ import annotations

import pytest

import boardsim.core.expressions as expressions
from boardsim.core.expressions import FUNCTIONS, REFERENCE_KINDS, ValueKind

CONTRACT = [
    "ValueKind",
    "ExpressionError",
    "CompiledExpression",
    "FunctionCall",
    "TextComparison",
    "compile_expression",
    "compile_condition",
    "EvaluationContext",
    "evaluate",
    "holds",
    "possible_truths",
    "FUNCTIONS",
]


@pytest.mark.parametrize("name", CONTRACT)
def test_contract_name_is_exported(name: str) -> None:
    """Every name in the brief's contract is importable from boardsim.core.expressions."""
    assert hasattr(expressions, name)


SIGNATURES = [
    # (function, argument count, kinds of those arguments, result kind)
    ("chosen", 1, ("dilemma",), ValueKind.TEXT),
    ("chosen", 2, ("dilemma", "option"), ValueKind.FLAG),
    ("chosen_by", 2, ("dilemma", "member"), ValueKind.TEXT),
    ("closed", 1, ("dilemma",), ValueKind.FLAG),
    ("budget", 1, ("member",), ValueKind.NUMBER),
    ("pool", 1, ("pool",), ValueKind.NUMBER),
    ("pledged", 1, ("dilemma",), ValueKind.NUMBER),
    ("pledged", 2, ("dilemma", "member"), ValueKind.NUMBER),
    ("trust", 2, ("member", "member"), ValueKind.NUMBER),
    ("breached", 1, ("member",), ValueKind.FLAG),
    ("breached", 2, ("member", "accountability"), ValueKind.FLAG),
    ("kept", 1, ("commitment",), ValueKind.FLAG),
    ("broken", 1, ("commitment",), ValueKind.FLAG),
    ("fired", 1, ("inject",), ValueKind.FLAG),
    ("elapsed_months", 0, (), ValueKind.NUMBER),
    ("min", 3, ("number", "number", "number"), ValueKind.NUMBER),
    ("max", 2, ("number", "number"), ValueKind.NUMBER),
    ("abs", 1, ("number",), ValueKind.NUMBER),
]


@pytest.mark.parametrize(("function", "count", "kinds", "result"), SIGNATURES)
def test_signature_gives_argument_kinds_and_result(
    function: str, count: int, kinds: tuple[str, ...], result: ValueKind
) -> None:
    """Per argument position, the signature says what the argument refers to, and the result kind."""
    signature = FUNCTIONS[function]
    assert signature.accepts(count)
    assert tuple(signature.argument_kind(position) for position in range(count)) == kinds
    assert signature.result_kind(count) is result


def test_the_allow_list_is_exactly_the_documented_functions() -> None:
    """No function is callable beyond the documented ones."""
    assert set(FUNCTIONS) == {function for function, *_ in SIGNATURES}


def test_only_min_max_and_abs_are_evaluated_internally() -> None:
    """Every other function is answered by the engine through EvaluationContext.call."""
    internal = {name for name, signature in FUNCTIONS.items() if not signature.evaluated_by_context}
    assert internal == {"min", "max", "abs"}


def test_reference_kinds_are_every_kind_but_number() -> None:
    """Each argument kind other than "number" is an id the checker must find."""
    kinds = {kind for signature in FUNCTIONS.values() for kind in signature.parameters}
    assert kinds - {"number"} == REFERENCE_KINDS


@pytest.mark.parametrize(("function", "count"), [("chosen", 3), ("closed", 0), ("elapsed_months", 1), ("min", 1)])
def test_signature_refuses_other_argument_counts(function: str, count: int) -> None:
    """accepts() is false for argument counts the function does not take."""
    assert not FUNCTIONS[function].accepts(count)
