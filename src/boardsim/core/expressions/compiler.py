"""Compile a condition: parse with `ast`, check the allow-list, resolve names, infer kinds, build closures.

The pipeline: prepare the text (length bound, money literals, offset map: source.py) → `ast.parse(...,
mode="eval")` (Python's errors reworded by syntax.py) → the allow-list over the whole tree (allow_list.py)
→ one walk that resolves names and functions, checks arguments and kinds, bounds nesting, records calls,
and builds the typed tree (tree.py) → closures for evaluation (evaluation.py).

Every check happens here, once, at load time, so evaluation needs none.
"""

from __future__ import annotations

import ast
import math
import warnings
from collections.abc import Mapping
from typing import NoReturn

from .allow_list import check_allow_list, fail_forbidden
from .compiled import CompiledExpression
from .errors import ExpressionError
from .evaluation import ARITHMETIC, NUMERIC_FUNCTIONS, build_evaluator
from .functions import FUNCTIONS, REFERENCE_KINDS, FunctionSignature
from .hints import (
    arithmetic_hint,
    arity,
    comparison_hint,
    unknown_function_hint,
    unknown_name_hint,
    with_article,
)
from .kinds import ValueKind
from .source import PreparedSource, prepare_source
from .syntax import translate_syntax_error
from .tree import (
    Arithmetic,
    ArithmeticOperator,
    Comparison,
    ComparisonOperator,
    DomainCall,
    FunctionCall,
    Literal,
    Logic,
    Negate,
    Node,
    Not,
    NumericCall,
    NumericFunction,
    StateRead,
    TextComparison,
)

MAX_NESTING = 20
"""How deeply operators, `not`, unary minus and calls may nest (a run of one operator counts once)."""

NUMBER, FLAG, TEXT = ValueKind.NUMBER, ValueKind.FLAG, ValueKind.TEXT

_ADDITIVE: dict[type[ast.operator], ArithmeticOperator] = {ast.Add: "+", ast.Sub: "-"}
_MULTIPLICATIVE: dict[type[ast.operator], ArithmeticOperator] = {ast.Mult: "*", ast.Div: "/"}
_COMPARISONS: dict[type[ast.cmpop], ComparisonOperator] = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
}
_NUMERIC_FUNCTIONS: dict[str, NumericFunction] = {"min": "min", "max": "max", "abs": "abs"}
_BOOLEAN_WORDS = {"true": True, "false": False}
_DEPTH_HINT = "split it: give a sub-condition its own state flag, or remove brackets and operators"


def compile_expression(source: str, names: Mapping[str, ValueKind]) -> CompiledExpression:
    """Compile `source` against the declared state `names`; raise ExpressionError if it cannot be used."""
    try:
        return compile_unguarded(source, names)
    except ExpressionError:
        raise
    except Exception as error:  # a safety net only: the fuzz tests drive compile_unguarded without it
        raise ExpressionError(
            "expr-syntax",
            "this condition could not be read",
            0,
            f"simplify it; if it looks right, report this as a boardsim bug ({type(error).__name__})",
        ) from None


def compile_condition(source: str, names: Mapping[str, ValueKind]) -> CompiledExpression:
    """Compile `source` as a condition: like compile_expression, but the result must be a flag."""
    expression = compile_expression(source, names)
    if expression.kind is not FLAG:
        example = 'chosen("risk-share") == "fifty-fifty"' if expression.kind is TEXT else "x > 100"
        raise ExpressionError(
            "expr-type",
            f"a condition must be true or false, but this gives {expression.kind.described}",
            0,
            f"compare it with something, e.g. {example}",
        )
    return expression


def compile_unguarded(source: str, names: Mapping[str, ValueKind]) -> CompiledExpression:
    """compile_expression without the last-resort net: only ExpressionError should ever escape."""
    prepared = prepare_source(source)
    try:
        with warnings.catch_warnings():
            # Python warns about odd inputs (invalid escapes, `1 is 1`); a warning would print over the TUI.
            warnings.simplefilter("ignore")
            parsed = ast.parse(prepared.text, mode="eval")
    except SyntaxError as error:
        raise translate_syntax_error(error, prepared) from None
    except (RecursionError, MemoryError):
        raise ExpressionError("expr-too-deep", "this condition is nested too deeply to read", 0, _DEPTH_HINT) from None
    except (ValueError, OverflowError):
        raise ExpressionError("expr-syntax", "this condition cannot be read", 0, "retype it") from None
    check_allow_list(parsed.body, prepared)
    builder = _TreeBuilder(prepared, names)
    tree = builder.build(parsed.body, 0)
    read = frozenset(builder.names_read)
    return CompiledExpression(
        source=source,
        kind=tree.kind,
        names=read,
        calls=tuple(builder.calls),
        text_comparisons=tuple(builder.text_comparisons),
        tree=tree,
        evaluator=build_evaluator(tree),
        declarations=tuple(sorted((name, names[name]) for name in read)),
    )


class _TreeBuilder:
    """One walk over an allow-listed AST: names, functions, arguments, kinds, nesting, recorded calls."""

    def __init__(self, prepared: PreparedSource, names: Mapping[str, ValueKind]) -> None:
        self.prepared = prepared
        self.names = names
        self.names_read: set[str] = set()
        self.calls: list[FunctionCall] = []
        self.text_comparisons: list[TextComparison] = []

    def build(self, node: ast.expr, depth: int) -> Node:
        if isinstance(node, ast.Constant):
            return self.constant(node)
        if isinstance(node, ast.Name):
            return self.name(node)
        if isinstance(node, ast.UnaryOp):
            return self.unary(node, depth)
        if isinstance(node, ast.BinOp):
            return self.arithmetic(node, depth)
        if isinstance(node, ast.BoolOp):
            return self.logic(node, depth)
        if isinstance(node, ast.Compare):
            return self.comparison(node, depth)
        if isinstance(node, ast.Call):
            return self.call(node, depth)
        fail_forbidden(node, self.prepared.node_start(node))  # unreachable after check_allow_list

    # --- leaves --------------------------------------------------------------------------------------

    def constant(self, node: ast.Constant) -> Node:
        value = node.value
        if isinstance(value, bool):
            return Literal(value, FLAG)
        if isinstance(value, str):
            return Literal(value, TEXT)
        if not isinstance(value, int | float):
            fail_forbidden(node, self.prepared.node_start(node))  # unreachable after check_allow_list
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            self.fail("expr-syntax", "this number is too large", node, "write a smaller number")
        return Literal(number, NUMBER)

    def name(self, node: ast.Name) -> Node:
        if node.id in _BOOLEAN_WORDS:
            return Literal(_BOOLEAN_WORDS[node.id], FLAG)
        kind = self.names.get(node.id)
        if kind is None:
            self.fail(
                "expr-unknown-name",
                f"unknown name '{node.id}': no state of that name is declared",
                node,
                unknown_name_hint(node.id, self.names),
            )
        self.names_read.add(node.id)
        return StateRead(node.id, kind)

    # --- operators -----------------------------------------------------------------------------------

    def unary(self, node: ast.UnaryOp, depth: int) -> Node:
        operand = self.build(node.operand, self.deeper(node, depth))
        if isinstance(node.op, ast.Not):
            self.expect(operand, FLAG, node.operand, "'not' needs", "compare it first, e.g. not (x > 100)")
            return Literal(not operand.value, FLAG) if isinstance(operand, Literal) else Not(operand)
        sign = "-" if isinstance(node.op, ast.USub) else "+"
        self.expect(operand, NUMBER, node.operand, f"'{sign}' needs", "put a sign only in front of a number")
        if sign == "+":
            return operand
        return Literal(-float(operand.value), NUMBER) if isinstance(operand, Literal) else Negate(operand)

    def arithmetic(self, node: ast.BinOp, depth: int) -> Node:
        group = _ADDITIVE if type(node.op) in _ADDITIVE else _MULTIPLICATIVE
        # Walk the left spine of one precedence group iteratively: `a + b - c + ...` becomes one node, so a
        # long sum neither recurses deeply nor counts as deep nesting.
        spine: list[ast.BinOp] = []
        current: ast.expr = node
        while isinstance(current, ast.BinOp) and type(current.op) in group:
            spine.append(current)
            current = current.left
        if not spine:
            fail_forbidden(node.op, self.prepared.operator_offset(node.left, node.right))  # unreachable
        spine.reverse()
        inner = self.deeper(node, depth)
        first = self.build(current, inner)
        symbol = group[type(spine[0].op)]
        self.expect(first, NUMBER, current, f"'{symbol}' needs", arithmetic_hint(first.kind))
        rest: list[tuple[ArithmeticOperator, Node]] = []
        for link in spine:
            symbol = group[type(link.op)]
            operand = self.build(link.right, inner)
            self.expect(operand, NUMBER, link.right, f"'{symbol}' needs", arithmetic_hint(operand.kind))
            rest.append((symbol, operand))
        if isinstance(first, Literal) and all(isinstance(operand, Literal) for _, operand in rest):
            return Literal(_fold_arithmetic(first, rest), NUMBER)
        return Arithmetic(first, tuple(rest))

    def logic(self, node: ast.BoolOp, depth: int) -> Node:
        word: str = "and" if isinstance(node.op, ast.And) else "or"
        inner = self.deeper(node, depth)
        operands = []
        for value in node.values:
            operand = self.build(value, inner)
            self.expect(
                operand, FLAG, value, f"'{word}' joins flags; it needs", "compare it to make a flag, e.g. x > 0"
            )
            operands.append(operand)
        return Logic("and" if word == "and" else "or", tuple(operands))

    def comparison(self, node: ast.Compare, depth: int) -> Node:
        inner = self.deeper(node, depth)
        first = self.build(node.left, inner)
        left, left_ast = first, node.left
        rest: list[tuple[ComparisonOperator, Node]] = []
        for operator_node, right_ast in zip(node.ops, node.comparators, strict=True):
            symbol = _COMPARISONS.get(type(operator_node))
            if symbol is None:  # unreachable after check_allow_list
                fail_forbidden(operator_node, self.prepared.operator_offset(left_ast, right_ast))
            right = self.build(right_ast, inner)
            self.check_comparable(symbol, left, right, self.prepared.operator_offset(left_ast, right_ast))
            self.record_text_comparison(symbol, left, right, left_ast, right_ast)
            rest.append((symbol, right))
            left, left_ast = right, right_ast
        return Comparison(first, tuple(rest))

    def check_comparable(self, symbol: str, left: Node, right: Node, offset: int) -> None:
        if left.kind is not right.kind:
            raise ExpressionError(
                "expr-type",
                f"cannot compare {left.kind.described} with {right.kind.described}",
                offset,
                comparison_hint(left.kind, right.kind),
            )
        if left.kind is not NUMBER and symbol not in ("==", "!="):
            raise ExpressionError(
                "expr-type",
                f"{left.kind.described} can only be compared with == or !=",
                offset,
                "'<', '<=', '>' and '>=' compare numbers",
            )

    def record_text_comparison(
        self, symbol: str, left: Node, right: Node, left_ast: ast.expr, right_ast: ast.expr
    ) -> None:
        if symbol not in ("==", "!="):
            return
        for call_side, literal_side, literal_ast in ((left, right, right_ast), (right, left, left_ast)):
            if (
                isinstance(call_side, DomainCall)
                and call_side.kind is TEXT
                and isinstance(literal_side, Literal)
                and isinstance(literal_side.value, str)
            ):
                offset = self.prepared.node_start(literal_ast)
                self.text_comparisons.append(TextComparison(call_side.call, literal_side.value, offset))

    # --- calls ---------------------------------------------------------------------------------------

    def call(self, node: ast.Call, depth: int) -> Node:
        function = node.func
        if not isinstance(function, ast.Name):  # unreachable after check_allow_list
            fail_forbidden(node, self.prepared.node_start(node))
        signature = FUNCTIONS.get(function.id)
        if signature is None:
            self.fail(
                "expr-unknown-function",
                f"unknown function '{function.id}'",
                function,
                unknown_function_hint(function.id, self.names),
            )
        count = len(node.args)
        if not signature.accepts(count):
            self.fail(
                "expr-bad-arguments",
                f"{signature.name}() {arity(signature)}, but was given {count}",
                node,
                f"write {signature.usage}",
            )
        if not signature.evaluated_by_context:
            return self.numeric_call(node, signature, depth)
        call = FunctionCall(
            function=signature.name,
            arguments=tuple(self.id_argument(signature, position, arg) for position, arg in enumerate(node.args)),
            offset=self.prepared.node_start(node),
            argument_offsets=tuple(self.prepared.node_start(argument) for argument in node.args),
        )
        self.calls.append(call)
        return DomainCall(call, signature.result_kind(count))

    def id_argument(self, signature: FunctionSignature, position: int, argument: ast.expr) -> str:
        kind = signature.argument_kind(position)
        assert kind in REFERENCE_KINDS
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            if not argument.value.strip():
                self.fail(
                    "expr-bad-arguments",
                    f"argument {position + 1} of {signature.name}() is an empty id",
                    argument,
                    f"write {signature.usage}",
                )
            return argument.value
        written = self.prepared.node_text(argument)
        looks_like_id = bool(written) and written.replace("-", "").replace("_", "").isalnum()
        self.fail(
            "expr-bad-arguments",
            f"argument {position + 1} of {signature.name}() must be {with_article(kind)} id in quotes",
            argument,
            f'put the id in quotes: "{written}"' if looks_like_id else f"write {signature.usage}",
        )

    def numeric_call(self, node: ast.Call, signature: FunctionSignature, depth: int) -> Node:
        inner = self.deeper(node, depth)
        arguments = []
        for argument_ast in node.args:
            argument = self.build(argument_ast, inner)
            self.expect(argument, NUMBER, argument_ast, f"{signature.name}() takes", f"write {signature.usage}")
            arguments.append(argument)
        function = _NUMERIC_FUNCTIONS[signature.name]
        values = [float(argument.value) for argument in arguments if isinstance(argument, Literal)]
        if len(values) == len(arguments):
            folded = abs(values[0]) if function == "abs" else NUMERIC_FUNCTIONS[function](values)
            return Literal(float(folded), NUMBER)
        return NumericCall(function, tuple(arguments))

    # --- checks and failures -------------------------------------------------------------------------

    def deeper(self, node: ast.expr, depth: int) -> int:
        """The depth of `node`'s operands; refuse if they would nest beyond MAX_NESTING."""
        if depth >= MAX_NESTING:
            self.fail("expr-too-deep", f"this condition nests more than {MAX_NESTING} levels deep", node, _DEPTH_HINT)
        return depth + 1

    def expect(self, operand: Node, kind: ValueKind, where: ast.expr, needs: str, hint: str) -> None:
        """Refuse `operand` with `expr-type` unless it is of `kind`: "<needs> a number, but this is text"."""
        if operand.kind is not kind:
            message = f"{needs} {kind.described}, but this is {operand.kind.described}"
            self.fail("expr-type", message, where, hint)

    def fail(self, code: str, message: str, node: ast.AST, hint: str) -> NoReturn:
        raise ExpressionError(code, message, self.prepared.node_start(node), hint)


def _fold_arithmetic(first: Literal, rest: list[tuple[ArithmeticOperator, Node]]) -> float:
    """Compute an all-literal run at compile time with the evaluator's own operations."""
    total = float(first.value)
    for symbol, operand in rest:
        assert isinstance(operand, Literal)
        total = ARITHMETIC[symbol](total, float(operand.value))
    return total
