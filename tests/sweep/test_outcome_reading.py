"""Reading a finished run into its record: the record, trust received and the purpose score."""

from pathlib import Path

import pytest
from engine_scenarios import choice_scenario
from hypothesis import given, settings
from hypothesis import strategies as st
from sweep_helpers import tiny_scenario

from boardsim.adapters.scenario_loader import load_scenario
from boardsim.core.engine import BotSeat, Session
from boardsim.core.impact import priority_score
from boardsim.core.scenario import Scenario
from boardsim.core.scenario.model import NumberMeasure
from boardsim.core.sweep import RunOutcome, SweepPlan, scenario_layout
from boardsim.core.sweep.outcome import _purpose_score, _reading_for, play_run, run_outcome

SHIPPED = Path(__file__).parents[2] / "scenarios" / "eastmere-bcf-risk-share.yaml"


def _shipped() -> Scenario:
    loaded = load_scenario(SHIPPED)
    assert loaded.scenario is not None
    return loaded.scenario


def _records(scenario: Scenario, runs: int) -> list[RunOutcome]:
    layout = scenario_layout(scenario)
    plan = SweepPlan(
        seed=4,
        runs=runs,
        mix=("organisation-first", "system-first", "reciprocator", "cautious"),
        deciding_seats=tuple(layout.deciding_members),
        other_seats=tuple(m.id for m in layout.members if m.id not in layout.deciding_members),
    )
    return [play_run(scenario, spec) for spec in plan.specs()]


@pytest.mark.parametrize("make", [tiny_scenario, choice_scenario, _shipped], ids=["vote", "individual", "shipped"])
def test_records_of_real_runs_survive_a_round_trip_through_json(make: object) -> None:
    """Every record of real runs (vote, individual and pledge dilemmas, breaches, commitments) equals the
    record read back from its own dump and from its JSON line, nested outcomes included."""
    assert callable(make)
    for record in _records(make(), 6):
        assert record.error is None
        validated = RunOutcome.model_validate(record.model_dump())
        assert validated == record
        assert validated.model_dump_json() == record.model_dump_json()
        assert RunOutcome.model_validate_json(record.model_dump_json()) == record


def test_trust_received_is_the_rounded_mean_of_the_others_trust_in_the_snapshot() -> None:
    """A member's trust received is the mean, in member order, of every other member's trust in it as the
    final metrics snapshot shows it, rounded to six decimals."""
    scenario = _shipped()
    spec = next(iter(SweepPlan(seed=2, runs=1, mix=("reciprocator",), deciding_seats=("icb",)).specs()))
    session = Session.start(scenario, seed=spec.seed, seats={"icb": BotSeat("reciprocator")}, detail="outcomes")
    assert session.advance().reason == "ended"
    record = run_outcome(session, spec)
    trust = session.metrics.trust
    members = [m.id for m in scenario.members]
    for member in members:
        others = [trust[other][member] for other in members if other != member]
        assert record.members[member].trust_received == round(sum(others) / len(others), 6)


_MEASURES = _shipped()


@settings(derandomize=True, max_examples=60, deadline=None)
@given(st.data())
def test_purpose_score_equals_the_impact_modules_priority_score(data: st.DataObject) -> None:
    """For any final state of the shipped scenario, the precomputed purpose score is exactly (to the last bit)
    the shared purpose's `priority_score` of the changes from the declared starting values."""
    scenario = _MEASURES
    values: dict[str, float | bool] = {}
    changes: dict[str, float] = {}
    for name, declaration in scenario.state.items():
        if isinstance(declaration, NumberMeasure):
            low, high = declaration.range
            final = data.draw(st.floats(min_value=low, max_value=high), label=name)
            values[name] = final
            changes[name] = final - declaration.initial
        else:
            flag = data.draw(st.booleans(), label=name)
            values[name] = flag
            changes[name] = float(flag) - float(declaration.initial)
    expected = priority_score(scenario.shared_purpose.priorities, changes, scenario)
    assert _purpose_score(_reading_for(scenario).purpose, values) == expected
