"""`detail="outcomes"`, the sweeps' fast path: the very same run, recording less.

It keeps no trust-changed, state-changed, money-moved, effect-scheduled or effect-skipped events (their seqs are
still taken, so every other event keeps its full-journal seq and causes), writes no explanations, keeps no
metrics series, and refuses what needs the full journal. Everything a sweep reads — the other events, the
state, the ledger, the final metrics — must be identical to a full run's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from boardsim.core.engine import HumanSeat, Session, SessionError
from boardsim.core.engine.events import (
    DecisionMade,
    EffectScheduled,
    EffectSkipped,
    Event,
    MoneyMoved,
    StateChanged,
    TrustChanged,
)
from boardsim.core.scenario.model import Scenario

from .support import build, dilemma, load_shipped, shipped_scenario_paths

MECHANICAL = (TrustChanged, StateChanged, MoneyMoved, EffectScheduled, EffectSkipped)
DISPOSITIONS = ("system-first", "organisation-first", "reciprocator", "cautious")


def without_explanations(event: Event) -> Event:
    """The event with the bots' rationale left out (an outcomes run does not write it)."""
    if isinstance(event, DecisionMade) and event.source == "bot":
        return event.model_copy(update={"rationale": ""})
    return event


def assert_same_outcomes(scenario: Scenario, seed: int, **options: Any) -> None:
    full = Session.start(scenario, seed=seed, **options)
    full.advance()
    light = Session.start(scenario, seed=seed, detail="outcomes", **options)
    light.advance()
    kept = [without_explanations(event) for event in full.events if not isinstance(event, MECHANICAL)]
    assert [without_explanations(event) for event in light.events] == kept
    assert light.metrics == full.metrics
    assert light.state_values() == full.state_values()
    assert light.accounts() == full.accounts()
    assert light.budgets() == full.budgets()
    assert light.pools() == full.pools()
    assert light.ledger_balanced()
    assert light.decision_points() == full.decision_points()
    assert (light.day, light.ended, full.ended) == (full.day, True, True)


@pytest.mark.parametrize("path", shipped_scenario_paths(), ids=lambda path: path.stem)
@pytest.mark.parametrize("disposition", DISPOSITIONS)
def test_an_outcomes_run_of_a_shipped_scenario_ends_exactly_like_the_full_run(path: Path, disposition: str) -> None:
    """Same seed, same bots: the same decisions, breaches, commitments, state, money and final metrics."""
    scenario = load_shipped(path)
    for seed in range(4):
        assert_same_outcomes(scenario, seed, bots=disposition)


def test_an_outcomes_run_with_trust_conditions_and_chance_ends_exactly_like_the_full_run() -> None:
    """Trust read by conditions, chance and conditional effects, delayed money and a pledge: still identical."""
    timeline = [
        {
            "id": "news",
            "at": "2 months",
            "title": "News",
            "text": "News.",
            "effects": [
                {"kind": "change", "target": "waiting", "by": 30, "chance": 0.5},
                {"kind": "trust", "from": "all", "to": "icb", "by": -2},
                {"kind": "move", "from": "external", "to": "fund", "amount": "£1m", "after": "1 month"},
                {"kind": "change", "target": "signed", "to": True, "when": "waiting > 500"},
            ],
        },
        {"id": "distrust", "when": 'trust("council", "icb") < 0.45', "title": "Distrust", "text": "Words."},
    ]
    pledge = dilemma(
        id="pledge", at="3 months", mode={"kind": "pledge", "pool": "fund", "max": "£3m"}, default="£0", options=[]
    )
    scenario = build(timeline=timeline, dilemmas=[dilemma(), pledge])
    for seed in range(6):
        assert_same_outcomes(scenario, seed)


def test_what_needs_the_full_journal_is_refused_with_a_reason() -> None:
    """No journal, series, rewind or follow from an outcomes run: a SessionError says why and what to do."""
    session = Session.start(build(), seed=1, detail="outcomes")
    session.advance()
    for read in (lambda: session.journal, lambda: session.metrics_series, lambda: session.rewind(0)):
        with pytest.raises(SessionError, match="detail='full'"):
            read()
    full = Session.start(build(), seed=1)
    full.advance()
    with pytest.raises(SessionError, match="detail='full'"):
        session.follow(full.journal)
    assert (session.detail, full.detail) == ("outcomes", "full")


def test_views_work_in_an_outcomes_run() -> None:
    """The board, member and facilitator views read an outcomes run as they read a full one (but for the
    journal's length and the metrics' event position, which count the events it did not keep)."""
    scenario = build(
        timeline=[
            {
                "id": "later",
                "at": "1 month",
                "title": "Later",
                "text": "Later.",
                "effects": [{"kind": "change", "target": "waiting", "by": 5, "after": "6 months"}],
            }
        ],
        dilemmas=[dilemma(at="2 months")],
    )
    seats = {"icb": HumanSeat("Sam")}
    full = Session.start(scenario, seed=2, seats=seats)
    light = Session.start(scenario, seed=2, seats=seats, detail="outcomes")
    assert full.advance() == light.advance()
    assert light.facilitator_view().pending_effects == full.facilitator_view().pending_effects
    assert light.facilitator_view().pending_effects, "the delayed change should still be in motion"
    for session in (full, light):
        session.submit("icb", "d", option="a")
    assert light.board_view().results == full.board_view().results
    assert light.member_view("icb").board.results == full.member_view("icb").board.results


def test_an_unknown_detail_is_refused() -> None:
    """Only "full" and "outcomes" exist."""
    with pytest.raises(SessionError, match="detail must be"):
        Session.start(build(), detail="some")  # type: ignore[arg-type]
