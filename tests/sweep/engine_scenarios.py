"""Tiny scenarios played by the real engine in the end-to-end sweep tests."""

from __future__ import annotations

from typing import Any

from boardsim.core.scenario import Scenario


def _member(member_id: str, kind: str, budget: str) -> dict[str, Any]:
    return {
        "id": member_id,
        "name": member_id.title(),
        "kind": kind,
        "seat": "Chief",
        "brief": "b",
        "budget": {"amount": budget, "floor": "£0"},
        "priorities": {"waits": -1},
        "accountabilities": [
            {
                "id": "solvent",
                "kind": "duty",
                "description": "Stay solvent",
                "holds_when": f'budget("{member_id}") >= £1m',
                "severity": "critical",
                "answers_to": "Its board",
            }
        ],
    }


def choice_scenario() -> Scenario:
    return Scenario.model_validate(choice_scenario_data())


def choice_scenario_data() -> dict[str, Any]:
    """Council and ICB each choose: `fix-waits` helps everyone and costs nothing (it should dominate);
    `burn-money` costs the chooser £9.5m, breaks its solvency duty and makes waits worse (it should be dead);
    `wait-and-see` does nothing. Waits start at 50; each member choosing `fix-waits` takes off 20."""
    return {
        "format": "boardsim/1",
        "id": "tiny-choice",
        "title": "Tiny choice",
        "synopsis": "Two members choose how to spend.",
        "place": "Nowhere",
        "calendar": {"start": "2027-04-01", "horizon": "6 months"},
        "state": {"waits": {"type": "number", "initial": 50, "range": [0, 100], "unit": "weeks"}},
        "members": [_member("council", "council", "£10m"), _member("icb", "icb", "£10m")],
        "shared_purpose": {"statement": "Shorter waits", "priorities": {"waits": -1}},
        "dilemmas": [
            {
                "id": "spend",
                "title": "How to spend",
                "prompt": "p",
                "at": "1 month",
                "deadline": "1 month",
                "default": "wait-and-see",
                "mode": {"kind": "individual"},
                "options": [
                    {
                        "id": "fix-waits",
                        "label": "Fix waits",
                        "effects": [{"kind": "change", "target": "waits", "by": -20}],
                    },
                    {"id": "wait-and-see", "label": "Wait and see"},
                    {
                        "id": "burn-money",
                        "label": "Burn money",
                        "effects": [
                            {"kind": "move", "from": "chooser", "to": "external", "amount": "£9.5m"},
                            {"kind": "change", "target": "waits", "by": 20},
                        ],
                    },
                ],
            }
        ],
    }
