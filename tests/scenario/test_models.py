"""Structural rules of the boardsim/1 models that do not need the checker."""

from typing import Any

import pytest
from pydantic import ValidationError

from boardsim.core.scenario import ChangeEffect, Dilemma, MoveEffect, NumberMeasure, Scenario, TrustHistory


def _minimal() -> dict[str, Any]:
    return {
        "format": "boardsim/1",
        "id": "tiny",
        "title": "Tiny",
        "synopsis": "A two-member board.",
        "place": "Nowhere",
        "calendar": {"start": "2027-04-01", "horizon": "12 months"},
        "state": {"waits": {"type": "number", "initial": 10, "range": [0, 100]}},
        "members": [
            {"id": "council", "name": "Council", "kind": "council", "seat": "Leader", "brief": "b"},
            {"id": "icb", "name": "ICB", "kind": "icb", "seat": "Chief executive", "brief": "b"},
        ],
        "shared_purpose": {"statement": "s", "priorities": {"waits": -1}},
        "dilemmas": [
            {
                "id": "d",
                "title": "t",
                "prompt": "p",
                "at": "1 month",
                "deadline": "1 month",
                "default": "a",
                "mode": {"kind": "vote"},
                "options": [{"id": "a", "label": "A"}],
            }
        ],
    }


def test_minimal_scenario_is_valid() -> None:
    """The smallest complete scenario validates, with defaults filled in."""
    scenario = Scenario.model_validate(_minimal())
    assert scenario.calendar.unit == "month"
    assert scenario.dilemmas[0].deciders == "all"


def test_unknown_key_is_an_error_not_ignored() -> None:
    """A typo such as `membrs` is refused (extra='forbid'), never silently dropped."""
    data = _minimal() | {"membrs": []}
    with pytest.raises(ValidationError) as error:
        Scenario.model_validate(data)
    assert error.value.errors()[0]["type"] == "extra_forbidden"


def test_effects_are_told_apart_by_kind() -> None:
    """`kind` selects the effect model; `from` is accepted as written in YAML."""
    dilemma = Dilemma.model_validate(
        _minimal()["dilemmas"][0]
        | {
            "options": [
                {
                    "id": "a",
                    "label": "A",
                    "effects": [
                        {"kind": "change", "target": "waits", "by": -5},
                        {"kind": "move", "from": "icb", "to": "council", "amount": "£1m"},
                    ],
                }
            ]
        }
    )
    change, move = dilemma.options[0].effects
    assert isinstance(change, ChangeEffect)
    assert isinstance(move, MoveEffect)
    assert (move.from_, move.amount) == ("icb", 1_000_000)


def test_change_needs_exactly_one_of_by_and_to() -> None:
    """A change with both `by` and `to` (or neither) is refused with a message saying which to give."""
    with pytest.raises(ValidationError, match="exactly one of `by`"):
        ChangeEffect.model_validate({"kind": "change", "target": "waits", "by": 1, "to": 2})


def test_range_must_be_ordered() -> None:
    """A range written high-to-low is refused with a message saying to write the lowest first."""
    with pytest.raises(ValidationError, match="upside down"):
        NumberMeasure.model_validate({"type": "number", "initial": 1, "range": [10, 0]})


def test_flag_initial_must_be_a_real_boolean() -> None:
    """The text 'no' is not accepted as false for a flag: booleans are strict."""
    with pytest.raises(ValidationError):
        Scenario.model_validate(_minimal() | {"state": {"signed": {"type": "flag", "initial": "no"}}})


def test_trust_history_reads_from_alias() -> None:
    """Trust history is written with `from:` (a Python keyword) and read into `from_`."""
    history = TrustHistory.model_validate({"from": "icb", "to": "council", "positive": 2})
    assert history.from_ == "icb"


def test_scenario_dumps_in_the_form_designers_write() -> None:
    """Serialising a scenario gives money and durations back as text with units."""
    data = _minimal()
    data["members"][0]["budget"] = {"amount": "£2.5m"}
    dumped = Scenario.model_validate(data).model_dump(mode="json", by_alias=True, exclude_defaults=True)
    assert dumped["members"][0]["budget"]["amount"] == "£2,500,000"
    assert dumped["calendar"]["horizon"] == "12 months"
