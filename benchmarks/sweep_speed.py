"""How fast and how lean is `boardsim sweep` on the shipped reference scenario?

Measures, in the same run:

- the baseline: one all-bot playthrough of the scenario in this process (ms per run);
- where a run's CPU goes, stage by stage (--stage-runs runs in this process): the engine's Session.start and
  advance, reading the record off the session, folding it into the aggregate, its JSON line, and pickling
  the chunk aggregates; everything but `advance` is the sweep's own cost;
- the parallel speed-up: the same sweep of --speedup-runs runs with 1 worker (in-process) and with 2 worker
  processes, as a ratio of wall times (and a check that both give the identical report), next to the
  speed-up a bare CPU loop gets from 2 processes just before (the ceiling when something else is busy);
- the goal (issue 4): --runs playthroughs (default 10,000) with 2 workers, wall time against 20 s;
- flat memory: the peak resident memory of the sweep's parent process for --small runs (default 1,000) and
  for --runs runs, each in a fresh interpreter, as a ratio (1.0 = independent of N), with the records streamed
  to a JSON Lines file as a real sweep with --out does;
- the parent's own CPU per run (merging chunk aggregates, writing the file) against the workers' CPU, and the
  cost per record of re-summarising the big sweep's file with --from.

With --profile it also prints where one playthrough's time goes (cProfile over 20 playthroughs).

    .venv/bin/python benchmarks/sweep_speed.py [--runs 10000] [--small 1000] [--speedup-runs 400] [--stage-runs 300]
                                               [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pickle
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from boardsim.adapters.scenario_loader import load_scenario
from boardsim.adapters.sweep_report import render_json
from boardsim.adapters.sweep_runner import run_sweep
from boardsim.adapters.sweep_store import SweepReader
from boardsim.core.engine import BotSeat, Session
from boardsim.core.scenario import Scenario
from boardsim.core.sweep import SweepAggregator, SweepPlan, scenario_layout
from boardsim.core.sweep.outcome import _plan_for, play_run, run_outcome
from boardsim.core.sweep.plan import ALL_DISPOSITIONS

SCENARIO = Path(__file__).resolve().parent.parent / "scenarios" / "eastmere-bcf-risk-share.yaml"
GOAL_SECONDS = 20.0
GOAL_RUNS = 10_000


def _scenario() -> Scenario:
    loaded = load_scenario(SCENARIO)
    if loaded.scenario is None:
        raise SystemExit(f"cannot load {SCENARIO}: {[f.message for f in loaded.findings]}")
    return loaded.scenario


def _plan(scenario: Scenario, runs: int) -> SweepPlan:
    layout = scenario_layout(scenario)
    deciding = tuple(layout.deciding_members)
    others = tuple(m.id for m in layout.members if m.id not in deciding)
    return SweepPlan(seed=1, runs=runs, mix=ALL_DISPOSITIONS, deciding_seats=deciding, other_seats=others)


def child(runs: int, out: str) -> None:
    """One sweep in a fresh interpreter: print its wall time and peak memory as JSON (run by the parent)."""
    scenario = _scenario()
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    result = run_sweep(scenario, runs=runs, seed=1, workers=2, out=out)
    wall = time.perf_counter() - started
    parent = resource.getrusage(resource.RUSAGE_SELF)
    parent_cpu = parent.ru_utime + parent.ru_stime - before.ru_utime - before.ru_stime
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures = {
        "wall": wall,
        "parent_kb": parent.ru_maxrss,
        "worker_kb": workers.ru_maxrss,
        "parent_cpu": parent_cpu,
        "worker_cpu": workers.ru_utime + workers.ru_stime,
        "failed": result.aggregate.failed,
    }
    print(json.dumps(figures))


def _sweep_in_child(runs: int, out: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", str(runs), "--child-out", str(out)]
    finished = subprocess.run(command, capture_output=True, text=True, check=True)
    figures: dict[str, float] = json.loads(finished.stdout.strip().splitlines()[-1])
    return figures


def baseline_ms(scenario: Scenario, count: int = 40) -> tuple[float, float]:
    """Wall and CPU milliseconds per playthrough in this process (CPU time is less disturbed by other load)."""
    specs = list(_plan(scenario, count + 1).specs())
    play_run(scenario, specs[0])  # warm up: the engine's plan is compiled once per process
    wall, cpu = time.perf_counter(), time.process_time()
    for spec in specs[1:]:
        play_run(scenario, spec)
    return (time.perf_counter() - wall) / count * 1000, (time.process_time() - cpu) / count * 1000


STAGES = ("Session.start", "advance", "record", "aggregate", "JSON line", "chunk pickle")


def stage_ms(scenario: Scenario, count: int, chunk: int = 64) -> dict[str, float]:
    """CPU milliseconds per run of each stage of a sweep worker's loop, run by run as `play_chunk` does them."""
    specs = list(_plan(scenario, count + 20).specs())
    for spec in specs[:20]:
        play_run(scenario, spec)  # warm up: plan, caches, lazily built validators
    plan, layout = _plan_for(scenario), scenario_layout(scenario)
    totals = dict.fromkeys(STAGES, 0.0)
    clock = time.process_time
    aggregate = SweepAggregator(layout)
    for number, spec in enumerate(specs[20:], start=1):
        seats = {member: BotSeat(disposition) for member, disposition in spec.dispositions}
        t0 = clock()
        session = Session.start(scenario, seed=spec.seed, seats=seats, plan=plan, detail="outcomes")
        t1 = clock()
        session.advance()
        t2 = clock()
        record = run_outcome(session, spec)
        t3 = clock()
        aggregate.add(record)
        t4 = clock()
        record.model_dump_json()
        t5 = clock()
        if number % chunk == 0 or number == count:
            pickle.dumps(aggregate)
            aggregate = SweepAggregator(layout)
        t6 = clock()
        marks = (t0, t1, t2, t3, t4, t5, t6)
        for index, stage in enumerate(STAGES):
            totals[stage] += marks[index + 1] - marks[index]
    return {stage: total / count * 1000 for stage, total in totals.items()}


def speedup(scenario: Scenario, runs: int) -> tuple[float, float, bool]:
    started = time.perf_counter()
    one = run_sweep(scenario, runs=runs, seed=1, workers=1)
    t1 = time.perf_counter() - started
    started = time.perf_counter()
    two = run_sweep(scenario, runs=runs, seed=1, workers=2)
    t2 = time.perf_counter() - started
    same = render_json(one.report, one.findings) == render_json(two.report, two.findings)
    return t1, t2, same


def _spin(count: int) -> int:
    total = 0
    for number in range(count):
        total += number * number
    return total


def spin_speedup(tasks: int = 8, size: int = 2_000_000) -> float:
    """The speed-up a bare CPU-bound loop gets from 2 processes over 1 right now: the most the machine can give
    (less than 2 when something else is using a core)."""
    walls = []
    for workers in (1, 2):
        started = time.perf_counter()
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_spin, [size] * tasks))
        walls.append(time.perf_counter() - started)
    return walls[0] / walls[1]


def profile(scenario: Scenario, count: int = 20) -> None:
    specs = list(_plan(scenario, count + 1).specs())
    play_run(scenario, specs[0])
    profiler = cProfile.Profile()
    profiler.enable()
    for spec in specs[1:]:
        play_run(scenario, spec)
    profiler.disable()
    stats = pstats.Stats(profiler)
    print(f"\nwhere the time goes ({count} playthroughs, cumulative):")
    stats.sort_stats("cumulative").print_stats(30)
    print("by own time:")
    stats.sort_stats("tottime").print_stats(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--speedup-runs", type=int, default=400)
    parser.add_argument("--stage-runs", type=int, default=300)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child-out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.child_out)
        return

    scenario = _scenario()
    print(f"scenario: {scenario.id} ({len(scenario.members)} members, {len(scenario.dilemmas)} dilemmas)")
    print(f"machine:  {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
    per_run, per_run_cpu = baseline_ms(scenario)
    print(f"baseline: one playthrough in-process                 {per_run:8.1f} ms wall, {per_run_cpu:.1f} ms CPU")
    stages = stage_ms(scenario, args.stage_runs)
    print(f"stages:   CPU per run over {args.stage_runs} runs in-process (a worker's loop)")
    for stage, ms in stages.items():
        print(f"          {stage:<44s}{ms:8.3f} ms")
    outside = sum(ms for stage, ms in stages.items() if stage != "advance")
    print(f"          {'all but advance (the sweep around the engine)':<44s}{outside:8.3f} ms")

    ceiling = spin_speedup()
    t1, t2, same = speedup(scenario, args.speedup_runs)
    print(f"speed-up: {args.speedup_runs} runs, 1 worker {t1:6.1f} s / 2 workers {t2:6.1f} s = {t1 / t2:4.2f}x"
          f"   (reports identical: {same})")  # fmt: skip
    print(f"          a bare CPU loop got {ceiling:4.2f}x from 2 processes just before (the machine's ceiling now)")

    with tempfile.TemporaryDirectory() as folder:
        small = _sweep_in_child(args.small, Path(folder) / "small.jsonl")
        big_file = Path(folder) / "big.jsonl"
        big = _sweep_in_child(args.runs, big_file)
        started = time.perf_counter()
        reader = SweepReader(big_file)
        aggregate = SweepAggregator(reader.header.layout)
        aggregate.add_all(reader.records())
        resummarise = time.perf_counter() - started

    projected = big["wall"] * GOAL_RUNS / args.runs
    # Wall time suffers from whatever else the machine runs; CPU time much less. On an idle machine the two
    # workers would share the CPU work evenly, so this is what the same sweep would take there.
    idle_estimate = (big["worker_cpu"] + big["parent_cpu"]) / 2 * GOAL_RUNS / args.runs
    status = "met" if projected <= GOAL_SECONDS else "NOT met"
    print(
        f"goal:     {args.runs:,} runs with 2 workers                 {big['wall']:8.1f} s"
        f"   ({args.runs / big['wall']:,.0f} runs/s; failed {big['failed']:.0f})"
    )
    print(
        f"          {GOAL_RUNS:,} runs projected {projected:6.1f} s against the goal of {GOAL_SECONDS:.0f} s: {status}"
    )
    print(f"          on an idle machine (CPU used / 2 cores)      {idle_estimate:8.1f} s for {GOAL_RUNS:,} runs")
    print(f"          {args.small:,} runs with 2 workers                  {small['wall']:8.1f} s")
    print(
        f"memory:   parent peak RSS {args.small:,} runs {small['parent_kb'] / 1024:6.1f} MB, "
        f"{args.runs:,} runs {big['parent_kb'] / 1024:6.1f} MB = {big['parent_kb'] / small['parent_kb']:4.2f}x"
    )
    print(
        f"          worker peak RSS {args.small:,} runs {small['worker_kb'] / 1024:6.1f} MB, "
        f"{args.runs:,} runs {big['worker_kb'] / 1024:6.1f} MB = {big['worker_kb'] / small['worker_kb']:4.2f}x"
    )
    share = big["parent_cpu"] / (big["parent_cpu"] + big["worker_cpu"])
    print(
        f"parent:   CPU per run in the sweep's parent process    {big['parent_cpu'] / args.runs * 1e6:8.0f} µs"
        f"   ({share:.1%} of all CPU; workers {big['worker_cpu'] / args.runs * 1000:.1f} ms per run)"
    )
    print(f"--from:   re-summarising the file, per record          {resummarise / args.runs * 1e6:8.0f} µs")
    if projected > GOAL_SECONDS:
        needed = GOAL_SECONDS * 2 / GOAL_RUNS * 1000
        print(
            f"note:     the goal needs {needed:.1f} ms per playthrough per core; the engine uses {per_run_cpu:.1f} ms"
        )
    if args.profile:
        profile(scenario)


if __name__ == "__main__":
    main()
