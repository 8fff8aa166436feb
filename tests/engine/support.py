"""Small scenarios for engine tests, written as Python dicts and validated by the real scenario model.

`build(**overrides)` returns a valid three-member scenario (council, icb, trust) with one pool, two measures,
a flag and one vote dilemma; tests replace or add the top-level parts they are about.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, TypeVar

from boardsim.core.engine import Session
from boardsim.core.scenario.model import Scenario

BASE: dict[str, Any] = {
    "format": "boardsim/1",
    "id": "test-board",
    "title": "Test board",
    "synopsis": "A small board for engine tests.",
    "place": "Testshire",
    "calendar": {"start": "2027-04-01", "unit": "month", "horizon": "12 months"},
    "state": {
        "waiting": {"type": "number", "initial": 100, "range": [0, 300], "unit": "patients"},
        "quality": {"type": "number", "initial": 50, "range": [0, 100]},
        "signed": {"type": "flag", "initial": False},
    },
    "members": [
        {
            "id": "council",
            "name": "Testshire Council",
            "kind": "council",
            "seat": "Leader",
            "brief": "Public brief of the council.",
            "private_brief": "SECRET-COUNCIL-BRIEF",
            "budget": {"amount": "£10m"},
            "priorities": {"waiting": -0.5, "quality": 0.5},
            "accountabilities": [
                {
                    "id": "balanced-budget",
                    "kind": "duty",
                    "description": "Set a balanced budget",
                    "holds_when": 'budget("council") >= £0',
                    "severity": "critical",
                    "answers_to": "Full council",
                }
            ],
        },
        {
            "id": "icb",
            "name": "Testshire ICB",
            "kind": "icb",
            "seat": "Chief Executive",
            "brief": "Public brief of the ICB.",
            "private_brief": "SECRET-ICB-BRIEF",
            "budget": {"amount": "£20m"},
            "priorities": {"waiting": -1},
            "accountabilities": [
                {
                    "id": "break-even",
                    "kind": "duty",
                    "description": "Break even",
                    "holds_when": 'budget("icb") >= £15m',
                    "severity": "high",
                    "answers_to": "NHS England",
                }
            ],
        },
        {
            "id": "trust",
            "name": "Testshire Hospitals",
            "kind": "nhs-trust",
            "seat": "Chief Executive",
            "brief": "Public brief of the trust.",
            "private_brief": "SECRET-TRUST-BRIEF",
            "budget": {"amount": "£5m"},
            "priorities": {"waiting": -0.8},
        },
    ],
    "shared_purpose": {"statement": "Fewer people waiting.", "priorities": {"waiting": -1, "quality": 0.5}},
    "pools": [{"id": "fund", "name": "The fund", "host": "council", "initial": "£1m"}],
    "timeline": [],
    "dilemmas": [
        {
            "id": "share",
            "title": "Share the risk",
            "prompt": "Who carries the overspend?",
            "at": "1 month",
            "deadline": "1 month",
            "default": "nobody",
            "mode": {"kind": "vote", "rule": "majority", "quorum": 0.5},
            "options": [
                {
                    "id": "pool-it",
                    "label": "Pool it",
                    "lead": "icb",
                    "effects": [
                        {"kind": "move", "from": "icb", "to": "fund", "amount": "£2m"},
                        {"kind": "change", "target": "waiting", "by": -20},
                    ],
                },
                {"id": "nobody", "label": "Nobody", "effects": [{"kind": "change", "target": "waiting", "by": 10}]},
            ],
        }
    ],
}


def build(**overrides: Any) -> Scenario:
    """A scenario from BASE with top-level keys replaced: build(dilemmas=[...])."""
    data = copy.deepcopy(BASE)
    for key, value in overrides.items():
        data[key] = value
    return Scenario.model_validate(data)


def dilemma(**fields: Any) -> dict[str, Any]:
    """A dilemma dict with sensible defaults (vote, opens at 1 month, 1 month deadline)."""
    base: dict[str, Any] = {
        "id": "d",
        "title": "A dilemma",
        "prompt": "Decide.",
        "at": "1 month",
        "deadline": "1 month",
        "default": "a",
        "mode": {"kind": "vote"},
        "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
    }
    base.update(fields)
    return base


def play(scenario: Scenario, seed: int = 1, **options: Any) -> Session:
    """Start a session (all bots unless `seats` says otherwise) and advance it to the end."""
    session = Session.start(scenario, seed=seed, **options)
    stop = session.advance()
    assert stop.reason == "ended", stop
    return session


E = TypeVar("E")


def of_type(session: Session, event_type: type[E]) -> list[E]:
    """The session's journal events of one type, in order."""
    return [event for event in session.events if isinstance(event, event_type)]


REPOSITORY = Path(__file__).resolve().parents[2]
SCENARIOS = REPOSITORY / "scenarios"


def shipped_scenario_paths() -> list[Path]:
    """Every shipped scenario file (not the catalogues)."""
    return sorted(SCENARIOS.glob("*.yaml"))


def load_shipped(path: Path) -> Scenario:
    """A shipped scenario, loaded and checked by the real loader (it must have no errors)."""
    from boardsim.adapters.scenario_loader import load_scenario

    result = load_scenario(path)
    assert result.scenario is not None
    assert not result.has_errors, [finding.message for finding in result.findings]
    return result.scenario
