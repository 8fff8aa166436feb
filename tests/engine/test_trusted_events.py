"""Events the engine builds without validation are exactly the events validation would have built.

The engine constructs the consequences it works out itself (`events.trusted_event`) instead of running
pydantic's validation on values it produced; journal reading still validates. These tests play runs that
produce every kind of event — every decision mode, lapses, tensions, breaches, commitments, chance and
conditional effects, every facilitator command, all bot dispositions — and check each event against the
validated form of its own fields: same JSON bytes (with serializer warnings as errors, so an int where the
model says float cannot hide), the same field order, the same Python types, equality, and the same set
fields (all of them, as for an event read back from a journal).
"""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from boardsim.core.engine import HumanSeat, Session
from boardsim.core.engine.events import Event, trusted_event
from boardsim.core.engine.events import MoneyMoved as MoneyMovedEvent

from .support import build, dilemma, load_shipped, shipped_scenario_paths

DISPOSITIONS = ("system-first", "organisation-first", "reciprocator", "cautious")


def _same_types(built: Any, validated: Any, where: str) -> None:
    assert type(built) is type(validated), f"{where}: {type(built).__name__} is not {type(validated).__name__}"
    if isinstance(validated, dict):
        assert list(built) == list(validated), where
        for key in validated:
            _same_types(built[key], validated[key], f"{where}.{key}")
    elif isinstance(validated, list):
        assert len(built) == len(validated), where
        for index, (left, right) in enumerate(zip(built, validated, strict=True)):
            _same_types(left, right, f"{where}[{index}]")


def assert_as_validated(event: Event) -> None:
    """`event` is indistinguishable from validating its own fields, and from reading it back from a journal."""
    validated = type(event).model_validate(event.model_dump())
    assert type(event).model_validate_json(event.model_dump_json()) == event
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        built_json = event.model_dump_json()
    assert built_json == validated.model_dump_json(), built_json
    assert event == validated
    if not event.INPUT:  # inputs are validated from what was typed, so they only "set" what was given
        assert event.model_fields_set == validated.model_fields_set, type(event).__name__
    _same_types(dict(event.__dict__), dict(validated.__dict__), type(event).__name__)


def assert_session_events_as_validated(session: Session) -> None:
    kinds = set()
    for event in session.events:
        assert_as_validated(event)
        kinds.add(event.type)
    assert kinds, "the run produced no events"


@pytest.mark.parametrize("path", shipped_scenario_paths(), ids=lambda path: path.stem)
@pytest.mark.parametrize("disposition", DISPOSITIONS)
def test_shipped_runs_build_events_exactly_as_validation_would(path: Any, disposition: str) -> None:
    """All-bot runs of each shipped scenario, each disposition, a few seeds: every event equals its validated form."""
    scenario = load_shipped(path)
    for seed in range(3):
        session = Session.start(scenario, seed=seed, bots=disposition)  # type: ignore[arg-type]
        session.advance()
        assert_session_events_as_validated(session)


def test_every_mode_and_facilitator_command_builds_events_exactly_as_validation_would() -> None:
    """Votes, individual choices, pledges, lapses, commitments, chance/conditional effects, breaches, tensions
    and every facilitator command: every event equals its validated form."""
    timeline = [
        {
            "id": "letter",
            "at": "2 months",
            "title": "Letter",
            "text": "A letter.",
            "audience": ["council", "icb"],
            "effects": [
                {"kind": "change", "target": "waiting", "by": 7, "chance": 0.5},
                {"kind": "change", "target": "signed", "to": True, "when": "waiting > 50"},
                {"kind": "trust", "from": "all", "to": "icb", "by": -1, "note": "A leak."},
                {"kind": "move", "from": "external", "to": "fund", "amount": "£1m", "after": "1 month"},
            ],
        },
        {"id": "spare", "manual": True, "title": "Spare", "text": "Only by hand.", "audience": "facilitator"},
        {"id": "alarm", "when": "waiting > 120", "title": "Alarm", "text": "Too many."},
    ]
    dilemmas = [
        dilemma(
            id="vote",
            default="b",
            options=[
                {
                    "id": "a",
                    "label": "A",
                    "lead": "icb",
                    "requires": "waiting < 1000",
                    "effects": [
                        {"kind": "move", "from": "icb", "to": "fund", "amount": "£6m"},
                        {"kind": "move", "from": "council", "to": "fund", "amount": "£11m", "after": "2 months"},
                    ],
                    "commitments": [
                        {"id": "promise", "by": "lead", "promise": "Fix it.", "due": "2 months", "kept_when": "signed"}
                    ],
                },
                {"id": "b", "label": "B", "effects": [{"kind": "change", "target": "waiting", "by": 30}]},
            ],
        ),
        dilemma(
            id="each",
            at="3 months",
            mode={"kind": "individual"},
            default="stay",
            options=[
                {
                    "id": "give",
                    "label": "Give",
                    "requires": "not signed",
                    "effects": [{"kind": "move", "from": "chooser", "to": "fund", "amount": "£1m"}],
                    "commitments": [
                        {"id": "again", "by": "chooser", "promise": "", "due": "1 month", "kept_when": "waiting < 10"}
                    ],
                },
                {"id": "stay", "label": "Stay", "effects": [{"kind": "change", "target": "quality", "by": -5}]},
            ],
        ),
        dilemma(
            id="pledge",
            at="4 months",
            mode={"kind": "pledge", "pool": "fund", "max": "£3m"},
            default="£0",
            options=[],
            on_close=[{"kind": "change", "target": "quality", "by": 3}],
        ),
    ]
    scenario = build(timeline=timeline, dilemmas=dilemmas)
    for seed in range(3):
        bots = Session.start(scenario, seed=seed)
        bots.advance()
        assert_session_events_as_validated(bots)

    humans = Session.start(scenario, seed=1, seats={"council": HumanSeat("A"), "icb": HumanSeat("B")})
    humans.pause()
    humans.add_note("Starting.")
    humans.adjust_state("waiting", 130, "int on purpose")  # an int for a number measure
    humans.adjust_state("signed", True)
    humans.resume()
    humans.trigger_inject("spare")
    humans.manual_inject(
        "Surprise", "Money arrives.", ["icb"], [{"kind": "move", "from": "external", "to": "icb", "amount": "£1m"}]
    )
    stop = humans.advance()
    assert stop.reason == "awaiting-decisions"
    humans.extend_dilemma("vote", "2 weeks")
    humans.submit("council", "vote", option="a")
    humans.close_dilemma("vote")
    while not humans.ended:
        stop = humans.advance()
        for dilemma_id, member in stop.waiting:
            if dilemma_id == "pledge":
                humans.submit(member, dilemma_id, amount=2_500_000)
            elif dilemma_id == "each":
                humans.submit(member, dilemma_id, option="stay")
    humans.add_note("After the end.")
    assert_session_events_as_validated(humans)
    kinds = {event.type for event in [*bots.events, *humans.events]}
    expected = {
        "run-started",
        "inject-landed",
        "dilemma-opened",
        "decision-made",
        "decision-submitted",
        "dilemma-closed",
        "option-applied",
        "effect-scheduled",
        "effect-skipped",
        "state-changed",
        "money-moved",
        "trust-changed",
        "commitment-made",
        "commitment-settled",
        "breach-entered",
        "tension",
        "run-ended",
        "paused",
        "resumed",
        "note-added",
        "state-adjusted",
        "inject-triggered",
        "manual-inject",
        "dilemma-extended",
        "dilemma-close-requested",
    }
    assert expected <= kinds, expected - kinds


def test_a_trusted_event_refuses_fields_its_model_does_not_have() -> None:
    """A misspelt field is an error, not an extra key in the journal."""
    with pytest.raises(TypeError, match="amout"):
        trusted_event(
            MoneyMovedEvent,
            {"seq": 0, "day": 0, "from_account": "a", "to_account": "b", "amout": 1, "site": "s", "cause_seq": 0},
        )
