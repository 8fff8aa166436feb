"""possible_truths: which truth values a condition can take given declared ranges (sound interval analysis)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from boardsim.core.expressions import (
    ExpressionError,
    ValueKind,
    compile_expression,
    evaluate,
    holds,
    possible_range,
    possible_truths,
)

from .support import DictContext

NAMES = {"waits": ValueKind.NUMBER, "beds": ValueKind.NUMBER, "signed": ValueKind.FLAG}
RANGES: dict[str, tuple[float, float] | None] = {"waits": (0.0, 300.0), "beds": (10.0, 20.0), "signed": None}
HORIZON = 18.0
NEVER, ALWAYS, EITHER = frozenset({False}), frozenset({True}), frozenset({True, False})

CASES = [
    # ranges alone decide
    ("waits > 500", NEVER),
    ("waits > 300", NEVER),
    ("waits >= 300", EITHER),
    ("waits > 200", EITHER),
    ("waits >= 0", ALWAYS),
    ("waits < 0", NEVER),
    ("waits == 400", NEVER),
    ("waits != 400", ALWAYS),
    ("beds == beds", EITHER),  # imprecise but sound: the analysis does not correlate the two reads
    ("0 < waits < 0", NEVER),
    ("-waits > 0", NEVER),
    ("waits - beds > 290", NEVER),
    ("waits - beds >= 290", EITHER),
    ("waits + beds < 10", NEVER),
    ("waits * 2 > 600", NEVER),
    ("waits * -1 <= 0", ALWAYS),
    ("waits / beds > 30", NEVER),
    ("waits / beds >= 30", EITHER),
    ("waits / 0 == 0", ALWAYS),
    ("waits / (beds - beds) > 1e300", EITHER),  # beds - beds may be near zero: the quotient is unbounded
    ("beds / waits < 0", NEVER),  # waits may be 0 (giving 0) but never negative
    ("max(waits, beds) < 10", NEVER),
    ("min(waits, beds) > 20", NEVER),
    ("abs(waits - 400) < 100", NEVER),
    ("abs(beds - 15) <= 5", ALWAYS),
    # functions with known ranges
    ('trust("icb", "council") > 1', NEVER),
    ('trust("icb", "council") >= 0', ALWAYS),
    ('trust("icb", "council") > 0.5', EITHER),
    ("elapsed_months() > 18", NEVER),
    ("elapsed_months() >= 18", EITHER),
    ("elapsed_months() < 0", NEVER),
    ('budget("council") > £1bn', EITHER),
    ('pool("bcf-pool") < -£1bn', EITHER),
    ('pledged("d") > £5m', EITHER),
    # flags, logic and text
    ("signed", EITHER),
    ("true", ALWAYS),
    ("not true", NEVER),
    ("signed and waits > 500", NEVER),
    ("signed or waits > 500", EITHER),
    ("waits > 500 or waits < 0", NEVER),
    ("not waits > 500", ALWAYS),
    ("signed == true", EITHER),
    ("true == false", NEVER),
    ('fired("x") and closed("d")', EITHER),
    ('chosen("d") == "x"', EITHER),
    ('"a" == "b"', NEVER),
    ('"a" != "b"', ALWAYS),
    # numbers and text judged as holds() judges them
    ("waits", EITHER),
    ("beds", ALWAYS),
    ("waits - waits * 1", EITHER),
    ('chosen("d")', EITHER),
    ('"x"', ALWAYS),
    ('""', NEVER),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_possible_truths_of_a_condition(source: str, expected: frozenset[bool]) -> None:
    """The analysis gives the expected set: exact where ranges decide, both values where it cannot tell."""
    compiled = compile_expression(source, NAMES)
    assert possible_truths(compiled, RANGES, horizon_months=HORIZON) == expected


GRID = {"waits": [0.0, 0.5, 10.0, 150.0, 290.0, 300.0], "beds": [10.0, 10.5, 15.0, 20.0], "signed": [True, False]}
CALL_GRID = {
    ("trust", ("icb", "council")): [0.0, 0.5, 1.0],
    ("elapsed_months", ()): [0, 9, 18],
    ("budget", ("council",)): [-(10**10), 0, 10**10],
    ("pool", ("bcf-pool",)): [-(10**10), 0],
    ("pledged", ("d",)): [0, 10**7],
    ("fired", ("x",)): [True, False],
    ("closed", ("d",)): [True, False],
    ("chosen", ("d",)): ["", "x"],
}


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_every_concrete_truth_on_a_grid_is_possible(source: str, expected: frozenset[bool]) -> None:
    """Soundness on the table: for every combination of grid values inside the ranges, the concrete truth
    value is in possible_truths."""
    compiled = compile_expression(source, NAMES)
    possible = possible_truths(compiled, RANGES, horizon_months=HORIZON)
    calls = [(call.function, call.arguments) for call in compiled.calls]
    state_names = sorted(compiled.names)
    for state_values in itertools.product(*(GRID[name] for name in state_names)):
        for call_values in itertools.product(*(CALL_GRID[call] for call in calls)):
            context = DictContext(
                dict(zip(state_names, state_values, strict=True)), dict(zip(calls, call_values, strict=True))
            )
            assert holds(compiled, context) in possible, (state_values, call_values)


def test_a_number_missing_from_the_ranges_is_unbounded() -> None:
    """A number without a declared range can be anything (sound default)."""
    compiled = compile_expression("waits > 1e300", NAMES)
    assert possible_truths(compiled, {}, horizon_months=HORIZON) == EITHER


def test_infinite_and_nan_declared_bounds_are_handled_soundly() -> None:
    """A range written with .inf or .nan in YAML neither crashes the analysis nor makes it unsound."""
    compiled = compile_expression("waits > 1e300", NAMES)
    assert possible_truths(compiled, {"waits": (0.0, float("inf"))}, horizon_months=HORIZON) == EITHER
    assert possible_truths(compiled, {"waits": (float("nan"), 1.0)}, horizon_months=HORIZON) == EITHER


# --- property: soundness on random expressions ------------------------------------------------------------

PROPERTY_NAMES = {"a": ValueKind.NUMBER, "b": ValueKind.NUMBER}


NUMERIC_LEAVES = ["a", "b", "a", "b", "elapsed_months()", 'trust("x", "y")', "0", "1", "2", "-3", "0.5", "40", "1e300"]
COMPARATORS = ["==", "!=", "<", "<=", ">", ">="]


@st.composite
def numbers(draw: st.DrawFn, depth: int = 3) -> str:
    """A random numeric expression over a, b, elapsed_months(), trust(), literals and every numeric operator."""
    if depth == 0 or draw(st.integers(0, 2)) == 0:
        return draw(st.sampled_from(NUMERIC_LEAVES))
    shape = draw(st.sampled_from(["binary", "binary", "binary", "negate", "abs", "abs", "min", "max"]))
    if shape == "binary":
        operator = draw(st.sampled_from(["+", "-", "*", "/"]))
        return f"({draw(numbers(depth - 1))} {operator} {draw(numbers(depth - 1))})"
    if shape == "negate":
        return f"-{draw(numbers(depth - 1))}"
    if shape == "abs":
        return f"abs({draw(numbers(depth - 1))})"
    return f"{shape}({draw(numbers(depth - 1))}, {draw(numbers(depth - 1))})"


@st.composite
def conditions(draw: st.DrawFn, depth: int = 2) -> str:
    """A random condition: comparisons (possibly chained) of numeric expressions joined by and, or, not."""
    if depth == 0 or draw(st.integers(0, 1)) == 0:
        operands = [draw(numbers()) for _ in range(draw(st.integers(2, 3)))]
        comparison = operands[0]
        for operand in operands[1:]:
            comparison += f" {draw(st.sampled_from(COMPARATORS))} {operand}"
        return comparison
    shape = draw(st.sampled_from(["and", "or", "not"]))
    if shape == "not":
        return f"not ({draw(conditions(depth - 1))})"
    return f"({draw(conditions(depth - 1))} {shape} {draw(conditions(depth - 1))})"


@st.composite
def ranges_and_values(draw: st.DrawFn) -> tuple[dict[str, tuple[float, float]], dict[str, float], float, int]:
    """Declared ranges for a and b, concrete values inside them (endpoints included), trust and elapsed."""
    declared: dict[str, tuple[float, float]] = {}
    values: dict[str, float] = {}
    for name in ("a", "b"):
        # sampled_from spreads ranges over negative and positive values (integers() favours small ones).
        low = draw(st.sampled_from(range(-50, 51)))
        high = low + draw(st.sampled_from([0, 1, 5, 20, 60]))
        declared[name] = (float(low), float(high))
        quarter_steps = draw(st.integers(0, (high - low) * 4))
        values[name] = draw(
            st.sampled_from([float(low), float(high), low + quarter_steps / 4, draw(st.floats(low, high))])
        )
    trust = draw(st.floats(0.0, 1.0))
    elapsed = draw(st.integers(0, int(HORIZON)))
    return declared, values, trust, elapsed


@settings(max_examples=200, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=conditions(), scenario=ranges_and_values())
def test_concrete_truth_is_always_possible(
    source: str, scenario: tuple[dict[str, tuple[float, float]], dict[str, float], float, int]
) -> None:
    """For random conditions over two ranged numbers, and random values inside the ranges, the value the
    condition actually takes is always among possible_truths (the analysis never wrongly says "never")."""
    declared, values, trust, elapsed = scenario
    try:
        compiled = compile_expression(source, PROPERTY_NAMES)
    except ExpressionError:
        assume(False)  # beyond the nesting or length bound: not a condition to analyse
        raise
    answers: dict[tuple[str, tuple[str, ...]], float | bool | str] = {
        ("trust", ("x", "y")): trust,
        ("elapsed_months", ()): elapsed,
    }
    truth = holds(compiled, DictContext(values, answers))
    ranges: dict[str, tuple[float, float] | None] = dict(declared)
    assert truth in possible_truths(compiled, ranges, horizon_months=HORIZON)


@settings(max_examples=200, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=numbers(depth=4), scenario=ranges_and_values())
def test_concrete_number_is_always_within_the_possible_range(
    source: str, scenario: tuple[dict[str, tuple[float, float]], dict[str, float], float, int]
) -> None:
    """For random numeric expressions and random values inside the ranges, the value the expression takes
    always lies within possible_range: the interval arithmetic under every comparison is sound."""
    declared, values, trust, elapsed = scenario
    try:
        compiled = compile_expression(source, PROPERTY_NAMES)
    except ExpressionError:
        assume(False)
        raise
    answers: dict[tuple[str, tuple[str, ...]], float | bool | str] = {
        ("trust", ("x", "y")): trust,
        ("elapsed_months", ()): elapsed,
    }
    value = evaluate(compiled, DictContext(values, answers))
    ranges: dict[str, tuple[float, float] | None] = dict(declared)
    low, high = possible_range(compiled, ranges, horizon_months=HORIZON)
    assert isinstance(value, float | int)
    assert low <= value <= high
