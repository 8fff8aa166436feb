"""Snapshots and trust changes are frozen, rounded, ordered and byte-stable in JSON."""

from __future__ import annotations

import pydantic
import pytest

from boardsim.core.metrics import Cause, MetricsSnapshot, MetricsTracker, TrustChange

from .factories import COUNCIL, DPH, ICB, START_STATE, find_dilemma, make_scenario


def play(choice_order: list[str]) -> tuple[str, list[str]]:
    """A short run; `choice_order` is the order the engine happens to list the deciders in."""
    scenario = make_scenario(trust=[{"from": ICB, "to": COUNCIL, "positive": 2, "negative": 1}])
    tracker = MetricsTracker(scenario)
    options = {COUNCIL: "chip-in", ICB: "hold-back", DPH: "chip-in"}
    changes = tracker.record_decisions(
        17, 3, find_dilemma(scenario, "winter-money"), {m: options[m] for m in choice_order}, START_STATE
    )
    changes += tracker.record_commitment(95, 9, "c", COUNCIL, [DPH, ICB], True, "We will pool £2m")
    tracker.record_lead(100, ICB)
    tracker.record_money({COUNCIL: 98_000_000, DPH: 18_000_000}, {"bcf-pool": 4_000_000})
    return tracker.snapshot(101, 11).model_dump_json(), [change.model_dump_json() for change in changes]


def test_the_same_facts_give_byte_identical_json() -> None:
    """Two trackers fed the same facts produce the same JSON, whatever order the choices mapping is in."""
    assert play([COUNCIL, ICB, DPH]) == play([DPH, ICB, COUNCIL])


def test_snapshot_json_round_trips() -> None:
    """A snapshot read back from its JSON equals the original."""
    snapshot_json, change_jsons = play([COUNCIL, ICB, DPH])
    assert MetricsSnapshot.model_validate_json(snapshot_json).model_dump_json() == snapshot_json
    assert [TrustChange.model_validate_json(text).model_dump_json() for text in change_jsons] == change_jsons


def test_floats_are_rounded_to_six_decimals_and_never_negative_zero() -> None:
    """Stored floats are rounded so journals are byte-stable; −0.0 is written as 0.0."""
    change = TrustChange(
        day=1,
        truster=COUNCIL,
        trustee=ICB,
        before=1 / 3,
        after=0.66666666666,
        positive=-0.0,
        negative=0.0,
        cause=Cause(1, "trust-effect", "x"),
    )
    assert (change.before, change.after, change.positive) == (0.333333, 0.666667, 0.0)
    assert '"positive":0.0' in change.model_dump_json()


def test_members_are_listed_in_scenario_order() -> None:
    """Trust rows and say–do entries follow the scenario's member order."""
    snapshot = MetricsTracker(make_scenario()).snapshot(0, 0)
    assert list(snapshot.trust) == [COUNCIL, ICB, DPH]
    assert list(snapshot.trust[ICB]) == [COUNCIL, DPH]
    assert list(snapshot.say_do_gap) == [COUNCIL, ICB, DPH]


def test_snapshots_are_frozen_and_refuse_non_finite_numbers() -> None:
    """A snapshot cannot be changed after it is made, and NaN never gets into one."""
    snapshot = MetricsTracker(make_scenario()).snapshot(0, 0)
    with pytest.raises(pydantic.ValidationError):
        snapshot.board_trust = 0.9  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError, match="finite"):
        MetricsSnapshot.model_validate({**snapshot.model_dump(), "board_trust": float("nan")})
