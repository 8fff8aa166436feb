"""How fast is the engine? Each figure against a baseline measured in the same run, with its goal.

(a) Full all-bot playthroughs of each shipped scenario (different seeds, one process), with the run recording
    everything (`detail="full"`: the journal a facilitator replays) and only what a sweep reads
    (`detail="outcomes"`), and what that makes 10,000 playthroughs on 2 cores (goal of issue 4: ≤ 20 s;
    the sweep's own overhead — process pool, records, report — is measured by benchmarks/sweep_speed.py).
    With `--baseline-src DIR` (the `src` folder of another checkout, e.g. `git worktree add /tmp/old HEAD~3`)
    the same playthroughs are timed with that code in a child process, alternating with this code, and the
    speed-up is printed against the goal of ≥ 4×.
(b) The engine's cost per processed event as a ratio to a bare SimPy loop processing the same number of
    events (timeouts with a no-op callback) in the same run. "Processed event" is reported both ways: per
    journal event (every input and consequence the engine works out) and per SimPy event (the engine's own
    steps). Measured on a generated scenario whose events are the engine's own work (injects landing with
    effects, accountabilities re-checked, conditions watched, money moved), and on each shipped scenario,
    where bots and metrics — other packages — dominate. Goal (issue 3): ≤ 5× per journal event.
(c) The engine's cost per journal event as generated scenarios grow from 5 to 40 members and from 10 to 1,000
    timeline items. Goal: flat within ±20% of the median (no quadratic work per event).

    .venv/bin/python benchmarks/engine_speed.py [--repeat 5] [--quick] [--baseline-src DIR]

Timings are this process's CPU time (so other work on the machine counts less), best of N.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable, Generator
from pathlib import Path
from random import Random
from typing import Any

import simpy

from boardsim.adapters.scenario_loader import load_scenario
from boardsim.core.engine import Detail, Session, build_plan
from boardsim.core.engine.plan import ScenarioPlan
from boardsim.core.scenario.model import Scenario

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
MIN_TIMED_EVENTS = 3000
"""Journal events per timing in (b) and (c): a run of 38 events is timed 79 times over."""
KINDS = ["council", "adult-social-care", "childrens-services", "public-health", "icb", "nhs-trust", "healthwatch"]


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of `repeat` timings of `work`, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        began = time.process_time()
        work()
        best = min(best, time.process_time() - began)
    return best


def bare_simpy(events: int) -> None:
    """A bare SimPy loop: one process that waits `events` times for a one-day timeout, and nothing else."""
    env = simpy.Environment()
    env.process(_bare_loop(env, events))
    env.run()


def _bare_loop(env: simpy.Environment, events: int) -> Generator[simpy.events.Event, Any, None]:
    for _ in range(events):
        yield env.timeout(1)


def generated_scenario(members: int, items: int, *, full_mix: bool = True, seed: int = 1) -> Scenario:
    """A valid scenario with `members` members and `items` timeline injects spread over two years.

    Each member has a budget and two accountabilities (its budget floor and a threshold on one measure); there
    is one measure per two members, so the number of accountabilities reading any one measure stays the same
    as the board grows. Injects change measures, move money, add trust evidence and land follow-ups; a few
    injects wait on conditions; one dilemma per 25 items (votes, individual choices and pledges in turn) is
    decided by bots, so the mix of events stays about the same as the scenario grows.

    With `full_mix=False` there are no trust effects and the one dilemma opens after the horizon: every event is
    the engine's own work (injects, effects, money, accountabilities, triggers), none the bots' or the metrics'.
    """
    rng = Random(seed)
    ids = [f"m{index}" for index in range(members)]
    measures = [f"measure_{index}" for index in range(max(2, members // 2))]
    state: dict[str, Any] = {name: {"type": "number", "initial": 100, "range": [0, 1000]} for name in measures}
    state["agreed"] = {"type": "flag", "initial": False}
    member_list = []
    for index, member in enumerate(ids):
        measure = measures[index % len(measures)]
        member_list.append(
            {
                "id": member,
                "name": f"Member {index}",
                "kind": KINDS[index % len(KINDS)],
                "seat": "Director",
                "brief": "A generated member.",
                "budget": {"amount": "£20m"},
                "priorities": {measure: -0.5, measures[(index + 1) % len(measures)]: 0.3},
                "accountabilities": [
                    {
                        "id": "budget",
                        "kind": "duty",
                        "description": "Stay within budget",
                        "holds_when": f'budget("{member}") >= £15m',
                        "answers_to": "Its board",
                    },
                    {
                        "id": "target",
                        "kind": "target",
                        "description": "Hold the measure",
                        "holds_when": f"{measure} < {110 + index % 7 * 10}",
                        "answers_to": "Its regulator",
                    },
                ],
            }
        )
    timeline: list[dict[str, Any]] = []
    for index in range(items):
        kind = index % 5
        if kind in (0, 1, 2):
            effects: list[dict[str, Any]] = [
                {"kind": "change", "target": rng.choice(measures), "by": rng.choice([-12, -6, 6, 12])},
                {"kind": "change", "target": rng.choice(measures), "by": rng.choice([-5, 5]), "after": "1 month"},
            ]
        elif kind == 3:
            source, target = rng.sample(ids, 2)
            effects = [
                {"kind": "move", "from": source, "to": "fund", "amount": "£1m"},
                {"kind": "move", "from": "fund", "to": target, "amount": "£1m", "after": "2 weeks"},
            ]
        elif full_mix:
            truster, trustee = rng.sample(ids, 2)
            effects = [{"kind": "trust", "from": truster, "to": trustee, "by": rng.choice([-1, 1])}]
        else:
            effects = [{"kind": "change", "target": rng.choice(measures), "by": rng.choice([-3, 3])}]
        timeline.append(
            {
                "id": f"item-{index}",
                "at": f"{1 + index * 700 // max(items, 1)} days",
                "title": f"Item {index}",
                "text": "Generated news.",
                "effects": effects,
            }
        )
    for index, measure in enumerate(measures[:3]):
        timeline.append({"id": f"alarm-{index}", "when": f"{measure} > 160", "title": "Alarm", "text": "Over 160."})
    dilemmas = [_generated_dilemma(index, ids, measures) for index in range(1 + items // 25 if full_mix else 1)]
    if not full_mix:  # the format needs a dilemma; this one opens after the horizon, so no bot ever decides
        dilemmas[0]["at"] = "3 years"
    return Scenario.model_validate(
        {
            "format": "boardsim/1",
            "id": f"generated-{members}-{items}",
            "title": "Generated",
            "synopsis": "Generated for the engine benchmark.",
            "place": "Benchmarkshire",
            "calendar": {"start": "2027-04-01", "unit": "month", "horizon": "2 years"},
            "state": state,
            "members": member_list,
            "shared_purpose": {"statement": "Lower measures.", "priorities": dict.fromkeys(measures, -1)},
            "pools": [{"id": "fund", "name": "Fund", "host": ids[0], "initial": "£5m"}],
            "timeline": timeline,
            "dilemmas": dilemmas,
        }
    )


def _generated_dilemma(index: int, ids: list[str], measures: list[str]) -> dict[str, Any]:
    """Dilemma `index` of a generated scenario: votes, individual choices and pledges in turn."""
    measure = measures[index % len(measures)]
    base: dict[str, Any] = {
        "id": f"dilemma-{index}",
        "title": f"Dilemma {index}",
        "prompt": "Decide.",
        "at": f"{20 + index * 23 % 680} days",
        "deadline": "1 month",
        "default": "hold",
    }
    pool = {
        "id": "pool",
        "label": "Pool",
        "lead": ids[index % len(ids)],
        "effects": [
            {"kind": "change", "target": measure, "by": -10},
            {"kind": "move", "from": ids[index % len(ids)], "to": "fund", "amount": "£500k", "after": "1 month"},
        ],
    }
    hold = {"id": "hold", "label": "Hold", "effects": [{"kind": "change", "target": measure, "by": 5}]}
    if index % 3 == 0:
        return {**base, "mode": {"kind": "vote"}, "options": [pool, hold]}
    if index % 3 == 1:
        give = {
            "id": "give",
            "label": "Give",
            "effects": [{"kind": "move", "from": "chooser", "to": "fund", "amount": "£200k"}],
        }
        return {**base, "mode": {"kind": "individual"}, "options": [give, hold]}
    return {**base, "default": "£0", "mode": {"kind": "pledge", "pool": "fund", "max": "£1m"}}


def play(scenario: Scenario, plan: ScenarioPlan, seed: int) -> Session:
    session = Session.start(scenario, seed=seed, plan=plan)
    session.advance()
    return session


def measure_run(scenario: Scenario, repeat: int) -> tuple[float, int, int]:
    """Best time to process one all-bot run's events (its `advance`, not the session's set-up), with its journal
    events and SimPy steps. Small scenarios are timed over several runs at once (at least `MIN_TIMED_EVENTS`
    events per timing), so their figure is not noise."""
    plan = build_plan(scenario)
    sample = play(scenario, plan, 1)
    batch = max(1, -(-MIN_TIMED_EVENTS // len(sample.events)))
    best = float("inf")
    for _ in range(repeat):
        sessions = [Session.start(scenario, seed=1, plan=plan) for _ in range(batch)]
        began = time.process_time()
        for session in sessions:
            session.advance()
        best = min(best, (time.process_time() - began) / batch)
    return best, len(sample.events), sample.steps


def ratio_line(label: str, elapsed: float, events: int, steps: int, repeat: int) -> tuple[float, float]:
    bare_events = best_of(repeat, lambda: bare_simpy(events))
    bare_steps = best_of(repeat, lambda: bare_simpy(steps))
    per_event = elapsed / events
    per_step = elapsed / steps
    ratio_event = per_event / (bare_events / events)
    ratio_step = per_step / (bare_steps / steps)
    print(
        f"  {label:<34} {events:>6} events {steps:>6} steps  {per_event * 1e6:8.1f} µs/event"
        f"  ×{ratio_event:6.1f} per journal event  ×{ratio_step:7.1f} per SimPy event"
    )
    return ratio_event, per_event


BASELINE_CHILD = """
import sys, time
from boardsim.adapters.scenario_loader import load_scenario
from boardsim.core.engine import Session, build_plan
scenario = load_scenario(sys.argv[1]).scenario
plan = build_plan(scenario)
runs, repeat = int(sys.argv[2]), int(sys.argv[3])
for seed in range(runs):
    Session.start(scenario, seed=seed, plan=plan).advance()
best = float("inf")
for _ in range(repeat):
    began = time.process_time()
    for seed in range(runs):
        Session.start(scenario, seed=seed, plan=plan).advance()
    best = min(best, time.process_time() - began)
print(best / runs)
"""


def playthrough_seconds(scenario: Scenario, plan: ScenarioPlan, runs: int, repeat: int, detail: Detail) -> float:
    """Best CPU seconds per all-bot playthrough (set-up included) over `runs` seeds."""

    def work() -> None:
        for seed in range(runs):
            Session.start(scenario, seed=seed, plan=plan, detail=detail).advance()

    work()  # warm: the plan's memos, the bots' plans
    return best_of(repeat, work) / runs


def baseline_seconds(source: Path, scenario_path: Path, runs: int, repeat: int) -> float:
    """The same measurement (detail "full") with the package in `source`, in a child process."""
    environment = dict(os.environ, PYTHONPATH=str(source))
    finished = subprocess.run(
        [sys.executable, "-c", BASELINE_CHILD, str(scenario_path), str(runs), str(repeat)],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(finished.stdout.strip().splitlines()[-1])


def playthroughs(paths: list[Path], shipped: list[Scenario], quick: bool, baseline: Path | None) -> None:
    print("(a) full all-bot playthroughs (set-up included)")
    runs, repeat, rounds = (10, 2, 1) if quick else (40, 3, 3)
    for path, scenario in zip(paths, shipped, strict=True):
        plan = build_plan(scenario)
        full = outcomes = old = float("inf")
        for _ in range(rounds):  # alternate with the baseline, so both see the same load on the machine
            if baseline is not None:
                old = min(old, baseline_seconds(baseline, path, runs, repeat))
            full = min(full, playthrough_seconds(scenario, plan, runs, repeat, "full"))
            outcomes = min(outcomes, playthrough_seconds(scenario, plan, runs, repeat, "outcomes"))
        print(f"  {scenario.id:<34} detail full     {full * 1000:7.2f} ms each ({1 / full:6.1f}/s)")
        print(f"  {'':<34} detail outcomes {outcomes * 1000:7.2f} ms each ({1 / outcomes:6.1f}/s)")
        sweep = outcomes * 10_000 / 2
        verdict = "meets" if sweep <= 20 else "misses"
        print(f"  {'':<34} 10,000 on 2 cores (engine time only): {sweep:5.1f} s — goal ≤ 20 s: {verdict}")
        if baseline is None:
            print(f"  {'':<34} (speed-up against another checkout: --baseline-src DIR, goal ≥ 4×)")
        else:
            for label, seconds in (("full", full), ("outcomes", outcomes)):
                speedup = old / seconds
                verdict = "meets" if speedup >= 4 else "misses"
                print(
                    f"  {'':<34} baseline {old * 1000:7.2f} ms → detail {label}: ×{speedup:4.2f} faster"
                    f" — goal ≥ 4×: {verdict}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="timings per figure; the best is kept (default 5)")
    parser.add_argument("--quick", action="store_true", help="fewer sizes and repetitions (for a smoke test)")
    parser.add_argument(
        "--baseline-src",
        type=Path,
        metavar="DIR",
        help="the src/ folder of another checkout: time the shipped playthroughs with it too, for the speed-up",
    )
    args = parser.parse_args()
    repeat = 2 if args.quick else args.repeat

    paths: list[Path] = []
    shipped: list[Scenario] = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        result = load_scenario(path)
        if result.scenario is not None and not result.has_errors:
            paths.append(path)
            shipped.append(result.scenario)

    playthroughs(paths, shipped, args.quick, args.baseline_src)

    print("\n(b) engine cost per processed event, as a multiple of a bare SimPy loop of the same length")
    own = measure_run(generated_scenario(8, 400, full_mix=False), repeat)
    own_ratio, _ = ratio_line("engine's own work (8 members, 400)", *own, repeat)
    ratio_line("full mix (8 members, 400 items)", *measure_run(generated_scenario(8, 400), repeat), repeat)
    for scenario in shipped:
        ratio_line(scenario.id, *measure_run(scenario, repeat), repeat)
    verdict = "meets" if own_ratio <= 5 else "misses"
    print(f"  goal ≤ 5× per journal event on the engine's own work: {verdict} (×{own_ratio:.1f})")

    member_sizes = [5, 40] if args.quick else [5, 10, 20, 40]
    item_sizes = [10, 1000] if args.quick else [10, 100, 1000]
    for full_mix, title in ((False, "engine's own work"), (True, "full mix: bots, metrics and trust evidence too")):
        print(f"\n(c) cost per journal event as generated scenarios grow — {title}")
        costs: dict[tuple[int, int], tuple[float, int]] = {}
        for members in member_sizes:
            for items in item_sizes:
                elapsed, events, _ = measure_run(generated_scenario(members, items, full_mix=full_mix), repeat)
                costs[(members, items)] = (elapsed / events, events)
        middle = sorted(cost for cost, _ in costs.values())[len(costs) // 2]
        for (members, items), (cost, events) in costs.items():
            print(
                f"  {members:>3} members {items:>5} items  {events:>7} events  {cost * 1e6:8.1f} µs/event"
                f"  {cost / middle - 1:+6.0%} of the median"
            )
        spread = max(cost for cost, _ in costs.values()) / min(cost for cost, _ in costs.values()) - 1
        verdict = "meets" if all(abs(cost / middle - 1) <= 0.2 for cost, _ in costs.values()) else "misses"
        print(f"  goal flat within ±20% of the median: {verdict} (fastest to slowest {spread:+.0%})")


if __name__ == "__main__":
    main()
