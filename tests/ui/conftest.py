"""Shared fixtures for the UI tests: the shipped scenario (loaded once), app builders and settling helpers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from boardsim.adapters.scenario_loader import load_scenario
from boardsim.core.scenario.model import Scenario
from boardsim.ui.app import BoardsimApp, build_app
from boardsim.ui.launch import SeatChoice
from boardsim.ui.logs import configure_file_logging

REPO = Path(__file__).resolve().parents[2]
EASTMERE = REPO / "scenarios" / "eastmere-bcf-risk-share.yaml"
HUMANS = {"public-health": SeatChoice("human", "Dee"), "icb": SeatChoice("human", "Ian")}


@pytest.fixture(scope="session", autouse=True)
def _quiet_logs() -> None:
    """The UI tests keep operational logs off the terminal (as `boardsim play` does)."""
    configure_file_logging(None)


@pytest.fixture(scope="session")
def eastmere() -> Scenario:
    result = load_scenario(EASTMERE)
    assert result.scenario is not None
    assert not result.has_errors
    return result.scenario


@pytest.fixture
def make_app(eastmere: Scenario, tmp_path: Path) -> Callable[..., BoardsimApp]:
    """An app on the Eastmere scenario, seed 7, two human seats (Dee, Ian), bots elsewhere, journal in tmp."""

    def make(seats: Mapping[str, SeatChoice] | None = None, **overrides: Any) -> BoardsimApp:
        options: dict[str, Any] = {
            "seed": 7,
            "bots": "system-first",
            "seats": HUMANS if seats is None else seats,
            "journal_path": tmp_path / "journal.jsonl",
        }
        options.update(overrides)
        return build_app(overrides.pop("scenario", eastmere), **{k: v for k, v in options.items() if k != "scenario"})

    return make
