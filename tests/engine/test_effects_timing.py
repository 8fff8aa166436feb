"""Effects land now, later (on the calendar), only if their condition holds when they land, or by chance."""

from __future__ import annotations

from typing import Any

from boardsim.core.engine.events import EffectScheduled, EffectSkipped, InjectLanded, StateChanged
from boardsim.core.scenario.model import Scenario

from .support import build, dilemma, of_type, play


def quiet(timeline: list[dict[str, Any]]) -> Scenario:
    """A scenario whose only dilemma has no effects, so every change comes from the timeline."""
    return build(timeline=timeline, dilemmas=[dilemma()])


def inject(identifier: str, at: str, effects: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    return {"id": identifier, "at": at, "title": identifier.title(), "text": "News.", "effects": effects, **fields}


def test_an_immediate_effect_lands_on_the_day_of_its_cause() -> None:
    """An inject at 2 months changes `waiting` on that same day (2027-06-01 is day 61)."""
    session = play(quiet([inject("news", "2 months", [{"kind": "change", "target": "waiting", "by": 5}])]))
    (change,) = of_type(session, StateChanged)
    assert (change.day, change.before, change.after) == (61, 100.0, 105.0)


def test_a_delayed_effect_is_scheduled_then_lands_after_calendar_months() -> None:
    """`after: 3 months` from 2027-06-01 lands on 2027-09-01 (day 153), with the schedule journalled first."""
    effects = [{"kind": "change", "target": "waiting", "by": 5, "after": "3 months"}]
    session = play(quiet([inject("news", "2 months", effects)]))
    (scheduled,) = of_type(session, EffectScheduled)
    (change,) = of_type(session, StateChanged)
    assert (scheduled.day, scheduled.due_day) == (61, 153)
    assert change.day == 153
    assert change.cause_seq == scheduled.seq


def test_a_conditional_effect_is_checked_when_it_lands_not_when_scheduled() -> None:
    """The delayed effect's condition is false when scheduled but true when it lands, so it lands."""
    effects = [{"kind": "change", "target": "quality", "by": 10, "after": "3 months", "when": "signed"}]
    timeline = [
        inject("first", "1 month", effects),
        inject("signing", "2 months", [{"kind": "change", "target": "signed", "to": True}]),
    ]
    session = play(quiet(timeline))
    assert session.state_values()["quality"] == 60


def test_a_conditional_effect_that_fails_when_it_lands_is_skipped_with_the_reason() -> None:
    """An effect whose condition does not hold when due is journalled as skipped, condition-false."""
    effects = [{"kind": "change", "target": "quality", "by": 10, "when": "signed"}]
    session = play(quiet([inject("first", "1 month", effects)]))
    (skipped,) = of_type(session, EffectSkipped)
    assert skipped.reason == "condition-false"
    assert session.state_values()["quality"] == 50


def chance_outcomes(seed: int, extra_effects: int = 0) -> list[bool]:
    padding = [{"kind": "change", "target": "quality", "by": 1, "chance": 0.5} for _ in range(extra_effects)]
    effects = [{"kind": "change", "target": "waiting", "by": 1, "chance": 0.5} for _ in range(12)]
    session = play(quiet([inject("padding", "1 month", padding), inject("dice", "2 months", effects)]), seed)
    landed = {event.site for event in of_type(session, StateChanged) if event.name == "waiting"}
    return [f"inject:dice/effect:{index}" in landed for index in range(12)]


def test_chance_draws_are_fixed_by_the_seed() -> None:
    """The same seed lands the same probabilistic effects; a different seed lands a different set."""
    assert chance_outcomes(3) == chance_outcomes(3)
    assert chance_outcomes(3) != chance_outcomes(4)
    assert 0 < sum(chance_outcomes(3)) < 12


def test_adding_a_probabilistic_effect_elsewhere_does_not_shift_other_draws() -> None:
    """Each effect site has its own random stream: five more chance effects in another inject change nothing."""
    assert chance_outcomes(3, extra_effects=0) == chance_outcomes(3, extra_effects=5)


def test_changes_are_clamped_to_the_declared_range() -> None:
    """`waiting` is declared 0..300: adding 500 gives 300."""
    session = play(quiet([inject("surge", "1 month", [{"kind": "change", "target": "waiting", "by": 500}])]))
    assert session.state_values()["waiting"] == 300


def test_an_inject_effect_lands_another_inject_only_once() -> None:
    """An inject effect makes another inject land; a second inject effect for it is skipped as already landed."""
    follow = {"id": "follow", "title": "Follow-up", "text": "More news."}
    effects = [{"kind": "inject", "inject": "follow"}, {"kind": "inject", "inject": "follow", "after": "1 month"}]
    session = play(quiet([inject("first", "1 month", effects), follow]))
    assert [event.inject for event in of_type(session, InjectLanded)] == ["first", "follow"]
    assert [event.reason for event in of_type(session, EffectSkipped)] == ["already-landed"]


def test_effects_after_the_horizon_never_land() -> None:
    """A consequence due after the scenario's horizon stays scheduled and never lands."""
    effects = [{"kind": "change", "target": "waiting", "by": 5, "after": "2 years"}]
    session = play(quiet([inject("late", "1 month", effects)]))
    assert len(of_type(session, EffectScheduled)) == 1
    assert of_type(session, StateChanged) == []
    assert len(session.facilitator_view().pending_effects) == 1
