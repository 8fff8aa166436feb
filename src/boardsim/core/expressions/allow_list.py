"""The allow-list: which Python constructs a condition may use, and what to write instead of the rest.

`check_allow_list` walks the whole parsed tree before any name or type is looked at, so a forbidden
construct is always reported as `expr-forbidden` (not as, say, an unknown name inside it), and the earliest
one in the text is reported first. Only the node types in `_ALLOWED` pass; the tables below exist to
explain refusals well — a construct missing from them is still refused, with a generic message.
"""

from __future__ import annotations

import ast
from typing import NoReturn

from .errors import ExpressionError
from .source import PreparedSource

_ALLOWED: tuple[type[ast.AST], ...] = (
    ast.Constant,
    ast.Name,
    ast.UnaryOp,
    ast.BinOp,
    ast.BoolOp,
    ast.Compare,
    ast.Call,
)
_ALLOWED_UNARY = (ast.Not, ast.USub, ast.UAdd)
_ALLOWED_BINARY = (ast.Add, ast.Sub, ast.Mult, ast.Div)
_ALLOWED_COMPARISONS = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE)
_ALLOWED_CONSTANTS = (bool, int, float, str)

_IDS_IN_QUOTES = 'read state by its name and call the listed functions with ids in quotes, e.g. budget("icb")'
_COMBINE = "combine conditions with and, or and not"

FORBIDDEN_NODES: dict[type[ast.AST], tuple[str, str]] = {
    ast.Attribute: ("attribute access (a '.' after a value)", _IDS_IN_QUOTES),
    ast.Subscript: ("indexing with [ ]", _IDS_IN_QUOTES),
    ast.Slice: ("slicing with [ : ]", _IDS_IN_QUOTES),
    ast.Lambda: ("lambda", "write the condition itself"),
    ast.ListComp: ("a comprehension", _COMBINE),
    ast.SetComp: ("a comprehension", _COMBINE),
    ast.DictComp: ("a comprehension", _COMBINE),
    ast.GeneratorExp: ("a comprehension", _COMBINE),
    ast.JoinedStr: ("an f-string", "write plain text in quotes"),
    ast.FormattedValue: ("an f-string", "write plain text in quotes"),
    ast.NamedExpr: ("assignment with ':='", "compare with '=='"),
    ast.IfExp: ("'... if ... else ...'", _COMBINE),
    ast.List: ("a list", _COMBINE),
    ast.Set: ("a set", _COMBINE),
    ast.Dict: ("a dictionary", _COMBINE),
    ast.Tuple: (
        "a tuple (values separated by commas)",
        "write amounts with thousands separators as money (£1,200,000) or without commas; " + _COMBINE,
    ),
    ast.Starred: ("'*' unpacking", "pass each argument separately"),
    ast.Await: ("await", _COMBINE),
    ast.Yield: ("yield", _COMBINE),
    ast.YieldFrom: ("yield", _COMBINE),
}

FORBIDDEN_OPERATORS: dict[type[ast.AST], tuple[str, str]] = {
    ast.Pow: ("'**' (power)", "multiply the value by itself instead, e.g. x * x"),
    ast.Mod: ("'%' (remainder)", "for a percentage divide and multiply, e.g. x / y * 100"),
    ast.FloorDiv: ("'//' (whole-number division)", "write '/'; division gives a decimal"),
    ast.MatMult: ("'@'", "multiply with '*'"),
    ast.BitAnd: ("'&'", "write 'and'"),
    ast.BitOr: ("'|'", "write 'or'"),
    ast.BitXor: ("'^'", "for 'one or the other but not both' of two flags write a != b"),
    ast.LShift: ("'<<'", "multiply with '*'"),
    ast.RShift: ("'>>'", "divide with '/'"),
    ast.Invert: ("'~'", "write 'not' before a flag"),
    ast.In: ("'in'", 'compare with == for each value and join them with or: x == "a" or x == "b"'),
    ast.NotIn: ("'not in'", 'compare with != for each value and join them with and: x != "a" and x != "b"'),
    ast.Is: ("'is'", "write '=='"),
    ast.IsNot: ("'is not'", "write '!='"),
}


_CONSTANTS: dict[type[object], tuple[str, str]] = {
    type(None): ("None", 'there is no empty value; to ask whether a decision was taken write closed("dilemma")'),
    bytes: ("a bytes literal", "write plain text in quotes"),
    complex: ("an imaginary number", "write an ordinary number"),
    type(...): ("'...'", "write a value"),
}


def check_allow_list(root: ast.expr, prepared: PreparedSource) -> None:
    """Raise `expr-forbidden` for the earliest construct in the text that the language does not allow."""
    refusals: list[tuple[int, str, str]] = []
    pending: list[ast.expr] = [root]
    while pending:  # iterative: a long chain of operators must not exhaust the Python stack
        node = pending.pop()
        refusal = _refusal(node, prepared)
        if refusal is not None:
            refusals.append(refusal)
            continue
        pending.extend(_children(node))
    if refusals:
        offset, construct, hint = min(refusals)
        raise ExpressionError("expr-forbidden", f"{construct} is not allowed in a condition", offset, hint)


def _refusal(node: ast.expr, prepared: PreparedSource) -> tuple[int, str, str] | None:
    """(offset, construct, hint) if `node` itself is not allowed, else None."""
    if not isinstance(node, _ALLOWED):
        return (prepared.node_start(node), *describe_forbidden(node))
    if isinstance(node, ast.Constant) and not isinstance(node.value, _ALLOWED_CONSTANTS):
        construct, hint = _CONSTANTS.get(type(node.value), (f"a {type(node.value).__name__} value", "write a value"))
        return (prepared.node_start(node), construct, hint)
    if isinstance(node, ast.Name) and node.id.startswith("__"):
        return (prepared.node_start(node), f"a name starting with '__' ({node.id})", _NAMES_HINT)
    if isinstance(node, ast.UnaryOp) and not isinstance(node.op, _ALLOWED_UNARY):
        return (prepared.node_start(node), *describe_forbidden(node.op))
    if isinstance(node, ast.BinOp) and not isinstance(node.op, _ALLOWED_BINARY):
        return (prepared.operator_offset(node.left, node.right), *describe_forbidden(node.op))
    if isinstance(node, ast.Compare):
        left = node.left
        for operator, right in zip(node.ops, node.comparators, strict=True):
            if not isinstance(operator, _ALLOWED_COMPARISONS):
                return (prepared.operator_offset(left, right), *describe_forbidden(operator))
            left = right
    if isinstance(node, ast.Call):
        return _call_refusal(node, prepared)
    return None


def _call_refusal(node: ast.Call, prepared: PreparedSource) -> tuple[int, str, str] | None:
    if not isinstance(node.func, ast.Name):
        return (prepared.node_start(node), "calling anything but a listed function by name", _CALL_HINT)
    if node.func.id.startswith("__"):
        return (prepared.node_start(node), f"a name starting with '__' ({node.func.id})", _NAMES_HINT)
    if node.keywords:
        return (prepared.node_start(node.keywords[0]), "a keyword argument (name=value)", _KEYWORD_HINT)
    return None


def _children(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.UnaryOp):
        return [node.operand]
    if isinstance(node, ast.BinOp):
        return [node.left, node.right]
    if isinstance(node, ast.BoolOp):
        return list(node.values)
    if isinstance(node, ast.Compare):
        return [node.left, *node.comparators]
    if isinstance(node, ast.Call):
        return list(node.args)
    return []


_NAMES_HINT = "use the declared state names and the listed functions"
_CALL_HINT = 'call a listed function by its name, e.g. budget("icb")'
_KEYWORD_HINT = 'write the arguments in order, without names, e.g. budget("icb")'


def fail_forbidden(node: ast.AST, offset: int) -> NoReturn:
    """Raise `expr-forbidden` for `node` at `offset` (the compiler's last line of defence)."""
    construct, hint = describe_forbidden(node)
    raise ExpressionError("expr-forbidden", f"{construct} is not allowed in a condition", offset, hint)


def describe_forbidden(node: ast.AST) -> tuple[str, str]:
    """A construct's name as a designer would say it, and what to write instead."""
    entry = FORBIDDEN_NODES.get(type(node)) or FORBIDDEN_OPERATORS.get(type(node))
    if entry is not None:
        return entry
    return (f"this construct ({type(node).__name__})", _COMBINE)
