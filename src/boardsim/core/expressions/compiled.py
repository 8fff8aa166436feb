"""The result of compiling a condition: what it reads, what it calls, and how to evaluate it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .evaluation import Evaluator
from .kinds import ValueKind
from .tree import FunctionCall, Node, TextComparison


@dataclass(frozen=True, slots=True)
class CompiledExpression:
    """A checked condition, ready to evaluate many times.

    `names` are the state names it reads; `calls` every domain-function call (not min/max/abs) with its
    literal id arguments; `text_comparisons` every `chosen(...)`/`chosen_by(...)` compared with a literal
    option id. The checker validates ids from these; the engine evaluates with `evaluate`/`holds` (or
    calls `evaluator(context)` directly in its hot loop).
    """

    source: str
    kind: ValueKind
    names: frozenset[str]
    calls: tuple[FunctionCall, ...]
    text_comparisons: tuple[TextComparison, ...]
    tree: Node = field(repr=False)
    """The checked, typed tree (for analyses such as possible_truths)."""
    evaluator: Evaluator = field(repr=False, compare=False)
    """The compiled closure: evaluator(context) is the expression's current value."""
    declarations: tuple[tuple[str, ValueKind], ...] = field(default=(), repr=False, compare=False)
    """The declared kinds of `names`: all that is needed to compile the source again (pickling)."""

    def __reduce__(self) -> tuple[object, tuple[str, tuple[tuple[str, ValueKind], ...]]]:
        # Closures cannot be pickled; the source and the kinds of the names it reads recompile it exactly.
        return (_recompile, (self.source, self.declarations))


def _recompile(source: str, declarations: tuple[tuple[str, ValueKind], ...]) -> CompiledExpression:
    from .compiler import compile_expression  # deferred: the compiler imports this module

    return compile_expression(source, dict(declarations))
