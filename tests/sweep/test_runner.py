"""The sweep runner: chunks on any executor, progress as chunks finish, failures reported, never swallowed."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sweep_helpers import synthetic_player, tiny_scenario

from boardsim.adapters.scenario_loader import load_scenario
from boardsim.adapters.sweep_runner import SweepError, cached_scenario, default_chunk_size, play_chunk, run_sweep
from boardsim.core.engine.journal import scenario_digest
from boardsim.core.scenario import Scenario
from boardsim.core.sweep import RunOutcome, RunSpec, SweepPlan, transport_json
from boardsim.core.sweep import outcome as outcome_module


def _failing_player(scenario: Scenario, spec: RunSpec) -> RunOutcome:
    raise RuntimeError("worker exploded")


def test_progress_is_reported_after_every_chunk_up_to_the_total() -> None:
    """With chunks of 10 over 35 runs, progress reads 10, 20, 30, 35 of 35."""
    seen: list[tuple[int, int]] = []
    run_sweep(tiny_scenario(), runs=35, workers=1, chunk_size=10, player=synthetic_player,
              progress=lambda done, total: seen.append((done, total)))  # fmt: skip
    assert seen == [(10, 35), (20, 35), (30, 35), (35, 35)]


def test_a_crashing_worker_stops_the_sweep_with_a_clear_error() -> None:
    """An exception escaping a chunk becomes a SweepError naming it, in-process or on an executor."""
    with pytest.raises(SweepError, match="worker exploded"):
        run_sweep(tiny_scenario(), runs=5, workers=1, player=_failing_player)
    with ThreadPoolExecutor(2) as pool, pytest.raises(SweepError, match="worker exploded"):
        run_sweep(tiny_scenario(), runs=5, executor=pool, player=_failing_player)


def test_the_callers_executor_is_left_running() -> None:
    """run_sweep does not shut down an executor it was given: the caller can keep using it."""
    with ThreadPoolExecutor(2) as pool:
        run_sweep(tiny_scenario(), runs=6, executor=pool, player=synthetic_player)
        assert pool.submit(lambda: 42).result() == 42


def test_workers_validate_a_scenario_once_per_digest() -> None:
    """The second chunk of the same scenario reuses the validated object instead of validating again."""
    scenario = tiny_scenario()
    text, digest = transport_json(scenario), scenario_digest(scenario)
    assert cached_scenario(text, digest) is cached_scenario(text, digest)


def test_transport_json_round_trips_to_an_identical_scenario() -> None:
    """What workers receive validates back to the same scenario (money, durations and dates included), with
    state in the order written, since the engine iterates in that order."""
    scenario = tiny_scenario()
    received = Scenario.model_validate_json(transport_json(scenario))
    assert received == scenario
    assert list(received.state) == list(scenario.state) == ["waits", "s75_signed"]


def test_play_chunk_returns_the_records_and_their_aggregate() -> None:
    """A chunk of three runs comes back as three JSON records in run order, and an aggregate of three runs."""
    scenario = tiny_scenario()
    text, digest = transport_json(scenario), scenario_digest(scenario)
    plan = SweepPlan(seed=1, runs=3, mix=("cautious",), deciding_seats=("council", "icb"))
    result = play_chunk(text, digest, list(plan.specs()), synthetic_player)
    assert [RunOutcome.model_validate_json(line).run for line in result.lines] == [0, 1, 2]
    assert result.aggregate.runs == 3
    assert play_chunk(text, digest, list(plan.specs()), synthetic_player, keep_lines=False).lines == []


def test_an_engine_error_in_one_run_becomes_a_failed_record(monkeypatch: pytest.MonkeyPatch) -> None:
    """play_run turns an engine exception into a record with `error`, so the sweep goes on and reports it."""

    def broken_start(*args: object, **kwargs: object) -> None:
        raise ValueError("engine bug")

    monkeypatch.setattr(outcome_module.Session, "start", broken_start)
    spec = next(SweepPlan(seed=1, runs=1, mix=("cautious",), deciding_seats=("council",)).specs())
    record = outcome_module.play_run(tiny_scenario(), spec)
    assert record.error == "ValueError: engine bug"
    assert record.dispositions == {"council": "cautious"}


@pytest.mark.parametrize(("runs", "workers", "expected"), [(10_000, 2, 64), (40, 2, 5), (3, 4, 1)])
def test_default_chunk_size_gives_each_worker_several_chunks(runs: int, workers: int, expected: int) -> None:
    """Chunks are a quarter of each worker's share, at most 64 runs and at least 1."""
    assert default_chunk_size(runs, workers) == expected


SHIPPED = sorted((Path(__file__).parents[2] / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_shipped_scenarios_survive_the_trip_to_a_worker(path: Path) -> None:
    """Every shipped scenario validates back from its canonical JSON to an equal scenario."""
    scenario = load_scenario(path).scenario
    assert scenario is not None
    received = Scenario.model_validate_json(transport_json(scenario))
    assert received == scenario
    assert received.model_dump() == scenario.model_dump()
    assert list(received.model_dump()["state"]) == list(scenario.state)
