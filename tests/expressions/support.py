"""Shared fixtures for expression tests: declared names and a dictionary-backed evaluation context."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pytest

from boardsim.core.expressions import ExpressionError, ValueKind, compile_expression

NUMBER, FLAG, TEXT = ValueKind.NUMBER, ValueKind.FLAG, ValueKind.TEXT

NAMES: dict[str, ValueKind] = {
    "delayed_discharges": NUMBER,
    "waits": NUMBER,
    "beds": NUMBER,
    "s75_signed": FLAG,
    "winter": FLAG,
}
"""The declared state every test compiles against."""


@dataclass
class DictContext:
    """An EvaluationContext answering from dictionaries, recording every call it receives."""

    values: Mapping[str, float | bool] = field(default_factory=dict)
    answers: Mapping[tuple[str, tuple[str, ...]], float | bool | str] = field(default_factory=dict)
    calls_seen: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    def state(self, name: str) -> float | bool:
        return self.values[name]

    def call(self, function: str, arguments: tuple[str, ...]) -> float | bool | str:
        self.calls_seen.append((function, arguments))
        return self.answers[(function, arguments)]


STATE: dict[str, float | bool] = {
    "delayed_discharges": 120.0,
    "waits": 30.0,
    "beds": 0.0,
    "s75_signed": True,
    "winter": False,
}

ANSWERS: dict[tuple[str, tuple[str, ...]], float | bool | str] = {
    ("chosen", ("risk-share",)): "fifty-fifty",
    ("chosen", ("risk-share", "fifty-fifty")): True,
    ("chosen", ("risk-share", "icb-carries")): False,
    ("chosen", ("open-question",)): "",
    ("chosen_by", ("risk-share", "icb")): "icb-carries",
    ("closed", ("risk-share",)): True,
    ("budget", ("council",)): 3_000_000,
    ("budget", ("icb",)): -250_000,
    ("pool", ("bcf-pool",)): 2_500_000,
    ("pledged", ("winter-pledge",)): 5_000_000,
    ("pledged", ("winter-pledge", "icb")): 3_000_000,
    ("trust", ("icb", "council")): 0.625,
    ("breached", ("council",)): False,
    ("breached", ("council", "balanced-budget")): False,
    ("kept", ("icb-d2a",)): True,
    ("broken", ("icb-d2a",)): False,
    ("fired", ("winter-letter",)): True,
    ("elapsed_months", ()): 7,
}


def context() -> DictContext:
    """A fresh context over STATE and ANSWERS."""
    return DictContext(dict(STATE), dict(ANSWERS))


def compile_error(source: str, names: Mapping[str, ValueKind] = NAMES) -> ExpressionError:
    """The ExpressionError compiling `source` raises (fails the test if it compiles)."""
    with pytest.raises(ExpressionError) as caught:
        compile_expression(source, names)
    return caught.value
