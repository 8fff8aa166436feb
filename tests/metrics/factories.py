"""Small hand-made scenarios for the metrics tests: three members, two measures, one pool, three dilemmas.

Members: Eastmere Council (£100m), Eastmere ICB (£200m), Eastmere Public Health (£20m).
Measures: `discharges` (range 0..200, start 100; the shared purpose wants it lower) and `wellbeing`
(range 0..10, start 5). Start date 2027-04-01, so day 30 is exactly one calendar month later.
"""

from __future__ import annotations

from typing import Any

from boardsim.core.scenario.model import Dilemma, Scenario

START_STATE: dict[str, float | bool] = {"discharges": 100.0, "wellbeing": 5.0}

COUNCIL, ICB, DPH = "council", "icb", "dph"
NAMES = {COUNCIL: "Eastmere Council", ICB: "Eastmere ICB", DPH: "Eastmere Public Health"}


def option(option_id: str, label: str, *effects: dict[str, Any], lead: str | None = None) -> dict[str, Any]:
    """An option document."""
    document: dict[str, Any] = {"id": option_id, "label": label, "effects": list(effects)}
    if lead is not None:
        document["lead"] = lead
    return document


def change(target: str, by: float) -> dict[str, Any]:
    """An immediate change effect."""
    return {"kind": "change", "target": target, "by": by}


def move(source: str, target: str, amount: str) -> dict[str, Any]:
    """An immediate money move."""
    return {"kind": "move", "from": source, "to": target, "amount": amount}


def dilemma(dilemma_id: str, title: str, mode: dict[str, Any], *options: dict[str, Any]) -> dict[str, Any]:
    """A dilemma document opening at 1 month with a 1 month deadline."""
    default = options[0]["id"] if options else "£0"
    return {
        "id": dilemma_id,
        "title": title,
        "prompt": "What will the board do?",
        "at": "1 month",
        "deadline": "1 month",
        "default": default,
        "mode": mode,
        "options": list(options),
    }


DEFAULT_DILEMMAS: list[dict[str, Any]] = [
    dilemma(
        "winter-money",
        "Winter money",
        {"kind": "individual"},
        option("chip-in", "Chip in", move("chooser", "bcf-pool", "£2m"), change("discharges", -10)),
        option("hold-back", "Hold back"),
    ),
    dilemma(
        "risk-share",
        "Who carries the overspend?",
        {"kind": "vote", "rule": "majority"},
        option("split", "Split it", move("council", "bcf-pool", "£1m"), move("icb", "bcf-pool", "£1m"), lead=ICB),
        option("council-carries", "The council carries it", move("council", "external", "£2m"), lead=COUNCIL),
        option("nobody", "Nobody: cut the service", change("discharges", 20)),
    ),
    dilemma(
        "pledge-round",
        "Pledges to the Better Care Fund",
        {"kind": "pledge", "pool": "bcf-pool", "min": "£0", "max": "£4m"},
    ),
]


def make_scenario(
    *,
    dilemmas: list[dict[str, Any]] | None = None,
    trust: list[dict[str, Any]] | None = None,
    priorities: dict[str, dict[str, float]] | None = None,
    shared: dict[str, float] | None = None,
) -> Scenario:
    """The three-member test scenario, with parts replaced as a test needs."""
    priorities = priorities or {}
    members = [
        {
            "id": member_id,
            "name": NAMES[member_id],
            "kind": kind,
            "seat": "Seat",
            "brief": "A brief.",
            "budget": {"amount": amount},
            "priorities": priorities.get(member_id, {}),
        }
        for member_id, kind, amount in (
            (COUNCIL, "council", "£100m"),
            (ICB, "icb", "£200m"),
            (DPH, "public-health", "£20m"),
        )
    ]
    document = {
        "format": "boardsim/1",
        "id": "metrics-test",
        "title": "Metrics test",
        "synopsis": "A board of three.",
        "place": "Eastmere",
        "calendar": {"start": "2027-04-01", "horizon": "18 months"},
        "state": {
            "discharges": {"type": "number", "initial": 100, "range": [0, 200]},
            "wellbeing": {"type": "number", "initial": 5, "range": [0, 10]},
        },
        "members": members,
        "shared_purpose": {"statement": "Fewer people stuck in hospital.", "priorities": shared or {"discharges": -1}},
        "trust": trust or [],
        "pools": [{"id": "bcf-pool", "name": "the Better Care Fund", "host": COUNCIL}],
        "dilemmas": dilemmas if dilemmas is not None else DEFAULT_DILEMMAS,
    }
    return Scenario.model_validate(document)


def find_dilemma(scenario: Scenario, dilemma_id: str) -> Dilemma:
    """The scenario's dilemma with this id."""
    return next(item for item in scenario.dilemmas if item.id == dilemma_id)
