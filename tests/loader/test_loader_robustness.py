"""The loader never raises: an unexpected failure becomes a finding asking for a bug report."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from boardsim.adapters import scenario_loader
from boardsim.adapters.scenario_loader import LoadResult
from boardsim.core.scenario import Scenario

from .conftest import VALID_SCENARIO, only


def test_a_failing_check_is_reported_and_the_rest_still_runs(
    load_text: Callable[..., LoadResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the semantic checker crashes, the load still returns the scenario and an `internal-error` finding."""

    def broken_checker(scenario: Scenario) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(scenario_loader, "_checker", lambda: broken_checker)
    result = load_text(VALID_SCENARIO.replace("title: A tiny board", "title: yes"))
    assert result.scenario is not None
    assert "boom" in only(result, "internal-error").message
    assert only(result, "yaml-bool-word").level == "warning"


def test_an_unexpected_exception_becomes_a_finding(
    load_text: Callable[..., LoadResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug anywhere in loading is an `internal-error` finding at file:1:1, never a traceback."""

    def broken_parser(text: str, file: str) -> object:
        raise ValueError("unexpected")

    monkeypatch.setattr(scenario_loader, "parse_yaml", broken_parser)
    result = load_text(VALID_SCENARIO)
    item = only(result, "internal-error")
    assert item.position is not None
    assert (item.position.line, item.position.column) == (1, 1)
    assert "report" in item.hint
    assert result.has_errors


def test_load_result_without_errors(load_text: Callable[..., LoadResult]) -> None:
    """`has_errors` is false when findings are only warnings or notes."""
    result = load_text(VALID_SCENARIO.replace("title: A tiny board", "title: yes"))
    assert result.findings
    assert not result.has_errors
