"""Sweeps played by the real engine: hand-checkable figures, dead and dominant options, workers don't matter."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from engine_scenarios import choice_scenario
from sweep_helpers import tiny_scenario

from boardsim.adapters.sweep_report import render_json
from boardsim.adapters.sweep_runner import SweepResult, run_sweep
from boardsim.adapters.sweep_store import SweepReader
from boardsim.core.engine import BotSeat, Session
from boardsim.core.sweep import RunSpec
from boardsim.core.sweep.outcome import run_outcome


@pytest.fixture(scope="module")
def choice_sweep() -> SweepResult:
    return run_sweep(choice_scenario(), runs=48, seed=3, workers=1)


def test_every_run_is_played_to_the_end(choice_sweep: SweepResult) -> None:
    """48 runs, none failed, and every seat met all four dispositions."""
    sweep = choice_sweep.report.sweep
    assert (sweep.played, sweep.failed) == (48, 0)
    assert sweep.seat_dispositions["council"] == {
        "cautious": 12,
        "organisation-first": 12,
        "reciprocator": 12,
        "system-first": 12,
    }


def test_figures_match_hand_arithmetic(choice_sweep: SweepResult) -> None:
    """Both members fix waits every run: waits 50 - 20 - 20 = 10; shared-purpose score -1 x (-40)/100 = 0.4;
    nobody's budget moves and nobody breaches."""
    report = choice_sweep.report
    waits = next(m for m in report.measures if m.name == "waits")
    assert waits.values is not None
    assert (waits.values.min, waits.values.max) == (10.0, 10.0)
    purpose = report.metrics["purpose_score"]
    assert (purpose.min, purpose.max, purpose.mean) == (0.4, 0.4, 0.4)
    for member in report.members:
        assert (member.budget_change.min, member.budget_change.max) == (0, 0)
        assert member.breached_runs == 0


def test_dominant_and_dead_options_are_reported(choice_sweep: SweepResult) -> None:
    """fix-waits is dominant, burn-money (and do-nothing wait-and-see) dead, each at its option's YAML path."""
    found = {(f.code, f.path) for f in choice_sweep.findings}
    assert ("sweep-dominant-option", ("dilemmas", 0, "options", 0)) in found
    assert ("sweep-dead-option", ("dilemmas", 0, "options", 2)) in found
    assert ("sweep-dead-option", ("dilemmas", 0, "options", 0)) not in found


def test_same_seed_same_report_with_one_or_two_worker_processes() -> None:
    """The tiny risk-share vote swept in-process and on a 2-process pool gives byte-identical JSON."""
    scenario = tiny_scenario()
    one = run_sweep(scenario, runs=40, seed=11, workers=1)
    two = run_sweep(scenario, runs=40, seed=11, workers=2, chunk_size=3)
    assert one.report.sweep.failed == 0
    assert render_json(one.report, one.findings) == render_json(two.report, two.findings)


def test_another_seed_plays_other_runs() -> None:
    """Changing the sweep seed changes the engine seeds, so the records differ (the seed is really used)."""
    scenario = tiny_scenario()
    first = run_sweep(scenario, runs=16, seed=1, workers=1)
    second = run_sweep(scenario, runs=16, seed=2, workers=1)
    assert first.report.sweep.seed != second.report.sweep.seed
    assert first.report.metrics != second.report.metrics or first.report.members != second.report.members


def test_a_sweep_run_is_the_playthrough_boardsim_run_replays(tmp_path: Path) -> None:
    """Run 5 of a sweep on a worker process equals the run started directly from the loaded scenario with its
    seed and seats (what `boardsim run --seed S --seat member=disposition ...` does), record for record."""
    scenario = choice_scenario()
    out = tmp_path / "sweep.jsonl"
    run_sweep(scenario, runs=8, seed=21, workers=2, chunk_size=2, out=out)
    recorded = next(r for r in SweepReader(out).records() if r.run == 5)
    spec = RunSpec(run=5, seed=recorded.seed, dispositions=tuple(recorded.dispositions.items()))
    session = Session.start(
        scenario, seed=recorded.seed, seats={m: BotSeat(d) for m, d in recorded.dispositions.items()}
    )
    assert session.advance().reason == "ended"
    assert run_outcome(session, spec) == recorded


def test_report_does_not_depend_on_the_interpreters_hash_seed() -> None:
    """Workers on other machines (Dask, Ray) run with other string-hash seeds; the report must not change.

    Sweeps the shipped reference scenario in two interpreters with different PYTHONHASHSEED values.
    """
    scenario = Path(__file__).parents[2] / "scenarios" / "eastmere-bcf-risk-share.yaml"
    command = [sys.executable, "-m", "boardsim", "sweep", str(scenario), "--runs", "24", "--workers", "1", "--json"]
    outputs = [
        subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    ]
    assert outputs[0]
    assert outputs[0] == outputs[1]
