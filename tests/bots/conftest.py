"""A fake engine for bot tests: small scenarios built with Scenario.model_validate and a DecisionSituation that
answers from plain dictionaries, so each test states exactly what the bot is told."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pytest

from boardsim.core.bots import DecisionSituation
from boardsim.core.scenario.model import Accountability, Dilemma, Option, PledgeMode, Scenario


def base_scenario_document(dilemmas: list[dict[str, Any]], **overrides: Any) -> dict[str, Any]:
    """A four-member board (council, ICB, acute trust, Healthwatch) around delayed discharges."""
    document: dict[str, Any] = {
        "format": "boardsim/1",
        "id": "bot-test",
        "title": "Bot test board",
        "synopsis": "A small board for testing bots.",
        "place": "Testshire",
        "calendar": {"start": "2027-04-01", "unit": "month", "horizon": "18 months"},
        "state": {
            "delayed_discharges": {"type": "number", "initial": 100, "range": [0, 300], "unit": "patients"},
            "s75_signed": {"type": "flag", "initial": False},
        },
        "members": [
            {
                "id": "council",
                "name": "Testshire Council",
                "kind": "council",
                "seat": "Leader",
                "brief": "Runs social care.",
                "budget": {"amount": "£100m", "floor": "£0"},
                "priorities": {"delayed_discharges": -0.3},
                "accountabilities": [
                    {
                        "id": "balanced-budget",
                        "kind": "duty",
                        "description": "Set a balanced budget.",
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
                "brief": "Commissions NHS care.",
                "budget": {"amount": "£100m", "floor": "£0"},
                "priorities": {"delayed_discharges": -0.3},
                "accountabilities": [
                    {
                        "id": "break-even",
                        "kind": "duty",
                        "description": "Break even.",
                        "holds_when": "delayed_discharges < 290",
                        "severity": "critical",
                        "answers_to": "NHS England",
                    }
                ],
            },
            {
                "id": "acute-trust",
                "name": "Testshire Hospitals",
                "kind": "nhs-trust",
                "seat": "Chief Executive",
                "brief": "Runs the hospital.",
                "budget": {"amount": "£50m", "floor": "£0"},
                "priorities": {"delayed_discharges": -0.8},
                "accountabilities": [
                    {
                        "id": "no-corridor-care",
                        "kind": "red-line",
                        "description": "No patients cared for in corridors.",
                        "holds_when": "delayed_discharges < 250",
                        "severity": "high",
                        "answers_to": "CQC",
                    }
                ],
            },
            {
                "id": "healthwatch",
                "name": "Healthwatch Testshire",
                "kind": "healthwatch",
                "seat": "Chair",
                "brief": "The residents' voice.",
                "priorities": {"delayed_discharges": -0.5},
            },
        ],
        "shared_purpose": {"statement": "Get people home.", "priorities": {"delayed_discharges": -1}},
        "pools": [{"id": "bcf-pool", "name": "Better Care Fund", "host": "council", "initial": "£10m"}],
        "dilemmas": dilemmas,
    }
    document.update(overrides)
    return document


def option(option_id: str, *effects: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """An option document with a label derived from its id."""
    return {"id": option_id, "label": option_id.replace("-", " "), "effects": list(effects), **fields}


def dilemma(options: list[dict[str, Any]], mode: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
    """A dilemma document (individual mode unless told otherwise)."""
    default = options[0]["id"] if options else "£0"
    return {
        "id": "the-dilemma",
        "title": "The dilemma",
        "prompt": "What should the board do?",
        "at": "1 month",
        "deadline": "1 month",
        "default": default,
        "mode": mode or {"kind": "individual"},
        "options": options,
        **fields,
    }


@dataclass
class FakeSituation:
    """A DecisionSituation answering from dictionaries; breaches are listed per option id by the test."""

    scenario: Scenario
    member: str
    dilemma: Dilemma
    state: dict[str, float | bool] = field(default_factory=dict)
    budgets: dict[str, int] = field(default_factory=dict)
    trusts: dict[tuple[str, str], float] = field(default_factory=dict)
    default_trust: float = 0.5
    unselectable: frozenset[str] = frozenset()
    breaches: Mapping[str, list[str]] = field(default_factory=dict)
    bounds: tuple[int, int] | None = None
    calls: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        for name, declaration in self.scenario.state.items():
            self.state.setdefault(name, declaration.initial)
        for member in self.scenario.members:
            if member.budget is not None:
                self.budgets.setdefault(member.id, member.budget.amount)

    def state_values(self) -> Mapping[str, float | bool]:
        return self.state

    def budget(self, member: str) -> int:
        return self.budgets.get(member, 0)

    def trust(self, truster: str, trustee: str) -> float:
        return self.trusts.get((truster, trustee), self.default_trust)

    def selectable_options(self) -> list[Option]:
        self.calls.append("selectable_options")
        return [o for o in self.dilemma.options if o.id not in self.unselectable]

    def breaches_if(self, option: Option) -> list[Accountability]:
        ids = self.breaches.get(option.id, [])
        member = next(m for m in self.scenario.members if m.id == self.member)
        return [a for a in member.accountabilities if a.id in ids]

    def pledge_bounds(self) -> tuple[int, int]:
        if self.bounds is not None:
            return self.bounds
        mode = self.dilemma.mode
        assert isinstance(mode, PledgeMode)
        own = mode.bounds.get(self.member)
        return (own.min, own.max) if own else (mode.min, mode.max)


SituationFactory = Callable[..., FakeSituation]


def _fake_is_a_decision_situation(fake: FakeSituation) -> DecisionSituation:
    """Type-level check (mypy): the fake satisfies the engine-facing protocol with plain attributes."""
    return fake


@pytest.fixture(scope="session")
def build_scenario() -> Callable[..., Scenario]:
    """Build a validated scenario around the given dilemma documents."""

    def build(*dilemmas: dict[str, Any], **overrides: Any) -> Scenario:
        return Scenario.model_validate(base_scenario_document(list(dilemmas), **overrides))

    return build


@pytest.fixture(scope="session")
def situation() -> SituationFactory:
    """A FakeSituation for `member` facing the scenario's first dilemma (or the one named `dilemma_id`)."""

    def make(scenario: Scenario, member: str, dilemma_id: str | None = None, **fields: Any) -> FakeSituation:
        chosen = next(d for d in scenario.dilemmas if dilemma_id in (None, d.id))
        return FakeSituation(scenario=scenario, member=member, dilemma=chosen, **fields)

    return make


@pytest.fixture(scope="session")
def documents() -> SimpleNamespace:
    """The document helpers (`option`, `dilemma`) for tests that craft their own dilemmas."""

    return SimpleNamespace(option=option, dilemma=dilemma)
