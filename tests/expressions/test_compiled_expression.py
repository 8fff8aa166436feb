"""CompiledExpression and ExpressionError behave as values: comparable, picklable for process pools."""

from __future__ import annotations

import pickle

from boardsim.core.expressions import ExpressionError, compile_expression, evaluate

from .support import NAMES, compile_error, context


def test_compiling_twice_gives_equal_expressions() -> None:
    """Two compilations of the same text are equal and hash alike (the closures are not compared)."""
    first = compile_expression('waits > £1m and chosen("d") == "o"', NAMES)
    second = compile_expression('waits > £1m and chosen("d") == "o"', NAMES)
    assert first == second
    assert hash(first) == hash(second)


def test_compiled_expression_survives_pickling() -> None:
    """A pickled CompiledExpression (e.g. sent to a sweep worker) comes back equal and evaluates the same."""
    compiled = compile_expression('waits / beds + max(waits, 2) > 10 and chosen("risk-share") == "fifty-fifty"', NAMES)
    restored = pickle.loads(pickle.dumps(compiled))
    assert restored == compiled
    assert evaluate(restored, context()) == evaluate(compiled, context())


def test_expression_error_survives_pickling() -> None:
    """An ExpressionError keeps its code, message, offset and hint across processes."""
    error = compile_error("waits > nosuch")
    restored = pickle.loads(pickle.dumps(error))
    assert isinstance(restored, ExpressionError)
    assert (restored.code, restored.message, restored.offset, restored.hint) == (
        error.code,
        error.message,
        error.offset,
        error.hint,
    )


def test_expression_error_reads_as_its_message() -> None:
    """str(error) is the message a designer reads."""
    error = compile_error("waits >")
    assert str(error) == error.message == "expected a value after '>'"
