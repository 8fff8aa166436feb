"""Fuzzing: no text, however malformed, makes compiling raise anything but ExpressionError, and anything
that does compile evaluates and analyses without raising."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardsim.core.diagnostics import CHECK_CODES
from boardsim.core.expressions import FUNCTIONS, ExpressionError, ValueKind, evaluate, holds, possible_truths
from boardsim.core.expressions.compiler import compile_unguarded

NAMES = {"waits": ValueKind.NUMBER, "beds": ValueKind.NUMBER, "signed": ValueKind.FLAG}
RANGES: dict[str, tuple[float, float] | None] = {"waits": (0.0, 300.0), "beds": (-5.0, 5.0), "signed": None}

VOCABULARY = [
    *NAMES,
    *(f"{name}(" for name in FUNCTIONS),
    '"risk-share"',
    "'icb'",
    '""',
    "true",
    "false",
    "True",
    "None",
    "nosuch",
    "__import__",
    "lambda",
    "if",
    "for",
    "£2m",
    "£350k",
    "£1,200,000",
    "£2.5m",
    "£2.5",
    "£",
    "£x",
    "0",
    "1",
    "-3",
    "0.5",
    "1e400",
    "1_000",
    "and",
    "or",
    "not",
    "in",
    "is",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "=",
    "+",
    "-",
    "*",
    "/",
    "**",
    "%",
    "//",
    "&",
    "|",
    "^",
    "~",
    "@",
    ":=",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ".",
    ":",
    ";",
    "#",
    "\\",
    "\n",
    "\t",
    " ",
    "“",
    "”",
    "≤",
    "−",
    "é",
    "\x00",
    '"""',
    "'''",
    "f'",
    "b'",
    "'",
]

SETTINGS = settings(max_examples=200, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class AnyContext:
    """Answers every state read and call with a plausible value of the right kind."""

    def state(self, name: str) -> float | bool:
        return {"waits": 150.0, "beds": 0.0, "signed": True}[name]

    def call(self, function: str, arguments: tuple[str, ...]) -> float | bool | str:
        kind = FUNCTIONS[function].result_kind(len(arguments))
        return {ValueKind.NUMBER: 0.5, ValueKind.FLAG: False, ValueKind.TEXT: "risk-share"}[kind]


def exercise(source: str) -> None:
    """Compile `source`; if it compiles, evaluate it and analyse it (each must not raise)."""
    try:
        compiled = compile_unguarded(source, NAMES)
    except ExpressionError as error:
        refusal: ExpressionError | None = error
    else:
        refusal = None
    if refusal is not None:
        assert refusal.code in CHECK_CODES
        assert 0 <= refusal.offset <= len(source)
        return
    evaluate(compiled, AnyContext())
    truth = holds(compiled, AnyContext())
    if compiled.kind is ValueKind.FLAG and not compiled.calls:
        assert truth in possible_truths(compiled, RANGES, horizon_months=12)


@SETTINGS
@given(st.text(max_size=120))
def test_arbitrary_text_only_ever_raises_expression_error(source: str) -> None:
    """Any Unicode text gives a compiled expression or an ExpressionError with an offset inside the text."""
    exercise(source)


@SETTINGS
@given(st.lists(st.sampled_from(VOCABULARY), max_size=25).map(" ".join))
def test_token_soup_only_ever_raises_expression_error(source: str) -> None:
    """Random sequences of the language's own tokens (and hostile ones) compile or fail cleanly, and what
    compiles evaluates without raising."""
    exercise(source)


@SETTINGS
@given(st.lists(st.sampled_from(VOCABULARY), max_size=40).map("".join))
def test_glued_tokens_only_ever_raise_expression_error(source: str) -> None:
    """Tokens glued together without spaces (`£2mand(`, `x£2m`) compile or fail cleanly."""
    exercise(source)
