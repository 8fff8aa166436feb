"""Scenarios that look suspicious but are fine: each patch must NOT produce its code (no false alarms)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import SPLIT, Document, check_document, drop, patches, put

RATED = {
    "id": "rated",
    "kind": "target",
    "description": "Keep the rating.",
    "holds_when": "rating >= 3",
    "answers_to": "CQC",
}


def icb_accountability(holds_when: str) -> Callable[[Document], object]:
    return put("members", 1, "accountabilities", value=[{**RATED, "holds_when": holds_when}])


QUIET: list[tuple[str, Callable[[Document], object], str]] = [
    (
        "untouched-accountability",
        patches(
            icb_accountability('budget("icb") >= £0'),
            put(*SPLIT, "lead", value="icb"),
            put(*SPLIT, "effects", 0, "from", value="lead"),
            put("dilemmas", 0, "deciders", value=["council"]),
            put("dilemmas", 2, "deciders", value=["council"]),
            drop("dilemmas", 2, "mode", "bounds"),
            drop("playthroughs", 0, "choices", "pledge", "icb"),
        ),
        "a budget moved only through `lead` counts as touched",
    ),
    (
        "untouched-accountability",
        icb_accountability('trust("council", "icb") > 0.2'),
        "trust changes during play",
    ),
    (
        "untouched-accountability",
        icb_accountability('pool("fund") >= £0'),
        "a pool that receives pledges is touched",
    ),
    (
        "untouched-accountability",
        icb_accountability("elapsed_months() < 6"),
        "time passing touches a condition",
    ),
    (
        "unused-state",
        patches(
            put("state", "rating", value={"type": "number", "initial": 3, "range": [1, 4]}),
            icb_accountability("rating >="),
        ),
        "state read by a condition with a syntax error still counts as read",
    ),
    (
        "role-out-of-context",
        put(
            "dilemmas",
            2,
            "options",
            value=[
                {"id": "give", "label": "Give", "effects": [{"kind": "trust", "from": "all", "to": "chooser", "by": 1}]}
            ],
        ),
        "`chooser` means the pledger in a pledge dilemma's options",
    ),
    (
        "never-fires",
        patches(drop("timeline", 1, "when"), put("timeline", 1, "manual", value=True)),
        "a manual inject is the facilitator's to drop in",
    ),
    (
        "condition-never-holds",
        put(*SPLIT, "effects", 1, "when", value="elapsed_months() >= 12"),
        "elapsed_months reaches the horizon's whole months",
    ),
    (
        "unknown-option",
        put("debrief", 0, "when", value='chosen("share") == ""'),
        'comparing with "" asks whether the dilemma is still undecided',
    ),
    (
        "after-horizon",
        put(*SPLIT, "effects", 1, "after", value="10 months"),
        "an effect 10 months after a dilemma opening at month 2 lands on the horizon's last day",
    ),
    (
        "self-trust",
        put("dilemmas", 1, "on_close", 0, "from", value="all"),
        "`all` means every other member, never the trusted one",
    ),
    (
        "bad-default",
        put("dilemmas", 2, "default", value="£500k"),
        "a default below one member's own minimum is the engine's to reconcile",
    ),
]


@pytest.mark.parametrize(("code", "patch", "why"), QUIET, ids=[f"{code}:{why}" for code, _, why in QUIET])
def test_fine_scenario_does_not_report(
    code: str, patch: Callable[[Document], object], why: str, scenario_dict: Callable[[], Document]
) -> None:
    """A scenario that is fine for the reason given produces no finding with the code."""
    document = scenario_dict()
    patch(document)
    reported = [(f.code, f.yaml_path, f.message) for f in check_document(document) if f.code == code]
    assert reported == [], why


def test_condition_never_holds_just_past_the_horizon(scenario_dict: Callable[[], Document]) -> None:
    """The same effect condition one month past the horizon's whole months is reported as never holding."""
    document = scenario_dict()
    put(*SPLIT, "effects", 1, "when", value="elapsed_months() > 12")(document)
    codes = {(f.code, f.path) for f in check_document(document)}
    assert ("condition-never-holds", (*SPLIT, "effects", 1, "when")) in codes
