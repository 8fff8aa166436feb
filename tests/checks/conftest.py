"""A minimal valid scenario, as the dict a YAML file would load to, for check tests to patch."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from boardsim.core.checks import check_scenario
from boardsim.core.diagnostics import Finding, YamlPath
from boardsim.core.scenario import Scenario

MINIMAL_SCENARIO: dict[str, Any] = {
    "format": "boardsim/1",
    "id": "mini",
    "title": "A minimal board",
    "synopsis": "Two members, a pooled fund and three decisions.",
    "place": "Testshire",
    "calendar": {"start": "2027-04-01", "unit": "month", "horizon": "12 months"},
    "state": {
        "waits": {"type": "number", "initial": 50, "range": [0, 100], "unit": "patients", "doc": "Delayed discharges."},
        "signed": {"type": "flag", "initial": False, "doc": "The section 75 agreement is signed."},
    },
    "members": [
        {
            "id": "council",
            "name": "Testshire Council",
            "kind": "council",
            "seat": "Leader of the Council",
            "brief": "Balance the books.",
            "budget": {"amount": "£10m", "floor": "£0"},
            "priorities": {"waits": -0.5},
            "accountabilities": [
                {
                    "id": "balanced",
                    "kind": "duty",
                    "description": "Set a balanced budget.",
                    "holds_when": 'budget("council") >= £0',
                    "answers_to": "Full council",
                }
            ],
        },
        {
            "id": "icb",
            "name": "Testshire ICB",
            "kind": "icb",
            "seat": "Chief Executive",
            "brief": "Break even.",
            "budget": {"amount": "£20m"},
        },
    ],
    "shared_purpose": {"statement": "Fewer people stuck in hospital.", "priorities": {"waits": -1}},
    "trust": [{"from": "icb", "to": "council", "positive": 2, "negative": 1}],
    "pools": [{"id": "fund", "name": "Pooled fund", "host": "council"}],
    "timeline": [
        {"id": "letter", "at": "1 month", "title": "A letter", "text": "Winter is coming."},
        {"id": "escalation", "when": "waits > 80", "audience": ["icb"], "title": "Escalation", "text": "Full."},
    ],
    "dilemmas": [
        {
            "id": "share",
            "title": "Share the risk?",
            "prompt": "Who carries the overspend?",
            "at": "2 months",
            "deadline": "1 month",
            "default": "split",
            "mode": {"kind": "individual"},
            "options": [
                {
                    "id": "split",
                    "label": "Split it",
                    "lead": "council",
                    "requires": 'budget("icb") > £1m',
                    "effects": [
                        {"kind": "move", "from": "chooser", "to": "fund", "amount": "£1m"},
                        {"kind": "change", "target": "waits", "by": -10, "after": "3 months", "chance": 0.7},
                        {"kind": "trust", "from": "all", "to": "chooser", "by": 1},
                        {"kind": "inject", "inject": "letter", "after": "1 month"},
                    ],
                    "commitments": [
                        {
                            "id": "pay-in",
                            "by": "lead",
                            "promise": "We will keep the fund solvent.",
                            "due": "3 months",
                            "kept_when": 'pool("fund") >= £0',
                        }
                    ],
                    "private_notes": {"icb": "The ICB knows the fund is short."},
                },
                {"id": "refuse", "label": "Refuse"},
            ],
        },
        {
            "id": "sign",
            "title": "Sign the agreement?",
            "prompt": "Does the board sign?",
            "when": 'closed("share")',
            "deadline": "1 month",
            "default": "no",
            "mode": {"kind": "vote", "rule": "majority"},
            "options": [
                {
                    "id": "yes",
                    "label": "Sign",
                    "lead": "icb",
                    "effects": [{"kind": "change", "target": "signed", "to": True, "note": "Signed."}],
                },
                {"id": "no", "label": "Do not sign"},
            ],
            "on_close": [
                {"kind": "trust", "from": "council", "to": "icb", "by": 0.5, "when": 'chosen("sign") == "yes"'}
            ],
        },
        {
            "id": "pledge",
            "title": "Winter money",
            "prompt": "How much will you put in?",
            "at": "4 months",
            "deadline": "2 weeks",
            "default": "£0",
            "deciders": ["council", "icb"],
            "mode": {"kind": "pledge", "pool": "fund", "max": "£5m", "bounds": {"icb": {"min": "£1m", "max": "£8m"}}},
        },
    ],
    "debrief": [{"prompt": "Was splitting fair?", "when": 'chosen("share") == "split"', "about": ["share", "icb"]}],
    "playthroughs": [
        {
            "name": "everyone-splits",
            "seed": 7,
            "seats": {"icb": "cautious"},
            "choices": {"share": "split", "pledge": {"council": "£2m", "icb": "£3m"}},
            "expect": ['pool("fund") >= £0', 'fired("letter")'],
        }
    ],
}


Document = dict[str, Any]


def at(document: Document, *path: str | int) -> Any:
    """The value at a path in a document (for patches that edit something nested)."""
    value: Any = document
    for element in path:
        value = value[element]
    return value


def put(*path: str | int, value: object) -> Callable[[Document], object]:
    """A patch that sets the value at `path` (a new key, a replaced value, or an item appended to a list)."""

    def patch(document: Document) -> None:
        container = at(document, *path[:-1])
        if isinstance(container, list) and path[-1] == len(container):
            container.append(value)
        else:
            container[path[-1]] = value

    return patch


def drop(*path: str | int) -> Callable[[Document], object]:
    """A patch that removes the key at `path`."""
    return lambda document: at(document, *path[:-1]).pop(path[-1])


def patches(*steps: Callable[[Document], object]) -> Callable[[Document], object]:
    """Several patches applied in order."""
    return lambda document: [step(document) for step in steps]


SPLIT = ("dilemmas", 0, "options", 0)
"""The first option of the first dilemma (individual mode, with a lead, effects and a commitment)."""


def set_requires(source: str) -> Callable[[Document], object]:
    return put(*SPLIT, "requires", value=source)


REQUIRES: YamlPath = ("dilemmas", 0, "options", 0, "requires")


@pytest.fixture
def scenario_dict() -> Callable[[], dict[str, Any]]:
    """A factory for fresh deep copies of the minimal scenario, so each case patches its own."""
    return lambda: copy.deepcopy(MINIMAL_SCENARIO)


def check_document(document: dict[str, Any]) -> list[Finding]:
    """Validate a scenario dict with the models, then run the semantic checks on it."""
    return check_scenario(Scenario.model_validate(document))
