"""Run a sweep plan on any `concurrent.futures.Executor`, streaming records to the aggregate and to disk.

The work is cut into chunks of runs. Each task is a top-level function (`play_chunk`) that receives the
scenario as JSON (in its written order) and a chunk of run specs, and returns the chunk's aggregate (and, when a file is
being written, its records as JSON lines), so it pickles for a process pool, a Dask cluster
(`distributed.Client(...).get_executor()`) or anything else that implements `Executor.submit`. A worker
validates a scenario once and caches it by digest. At most two chunks per worker are in flight, and every
finished chunk is merged into the fixed-size aggregate and appended to the file at once, so memory stays flat
however many runs there are. Merging does not depend on completion order, so the report is the same for
1 worker, 2 workers or a cluster.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from boardsim.core.diagnostics import Finding
from boardsim.core.engine.journal import scenario_digest
from boardsim.core.scenario.model import Scenario
from boardsim.core.scenario.types import Disposition
from boardsim.core.sweep import (
    ALL_DISPOSITIONS,
    BalanceReport,
    RunOutcome,
    RunSpec,
    ScenarioLayout,
    SweepAggregator,
    SweepHeader,
    SweepPlan,
    balance_findings,
    chunked,
    plan_for,
    scenario_layout,
    summarise,
    transport_json,
)
from boardsim.core.sweep.outcome import play_run

from .sweep_store import SweepWriter

Progress = Callable[[int, int], None]
"""Called with (runs done, runs planned) after every chunk."""

Player = Callable[[Scenario, RunSpec], RunOutcome]
"""Plays one run and returns its record; must be a picklable top-level function for process pools."""

_CACHE_SIZE = 4
_scenario_cache: dict[str, tuple[Scenario, ScenarioLayout]] = {}


class SweepError(Exception):
    """A sweep that could not finish (a worker died, the executor refused work); the message says why."""


def cached_scenario(scenario_json: str, digest: str) -> Scenario:
    """The validated scenario for `digest`, validating `scenario_json` only the first time in this process."""
    return _cached(scenario_json, digest)[0]


def _cached(scenario_json: str, digest: str) -> tuple[Scenario, ScenarioLayout]:
    entry = _scenario_cache.get(digest)
    if entry is None:
        scenario = Scenario.model_validate_json(scenario_json)
        if len(_scenario_cache) >= _CACHE_SIZE:
            _scenario_cache.pop(next(iter(_scenario_cache)))
        entry = _scenario_cache[digest] = (scenario, scenario_layout(scenario))
    return entry


class ChunkResult(NamedTuple):
    """What a worker sends back for a chunk: its records as JSON lines (if asked for) and their aggregate."""

    lines: list[str]
    aggregate: SweepAggregator


def play_chunk(
    scenario_json: str, digest: str, specs: Sequence[RunSpec], player: Player | None = None, keep_lines: bool = True
) -> ChunkResult:
    """The task a worker runs: play every run of a chunk, aggregate them, and return the records as JSON lines.

    Aggregating here rather than in the parent keeps the parent's work per chunk tiny (a merge and a file
    write), so one parent can feed a cluster of many workers.
    """
    scenario, layout = _cached(scenario_json, digest)
    play = player or play_run
    aggregate = SweepAggregator(layout)
    lines = []
    for spec in specs:
        record = play(scenario, spec)
        aggregate.add(record)
        if keep_lines:
            lines.append(record.model_dump_json())
    return ChunkResult(lines, aggregate)


@dataclass
class SweepResult:
    """A finished sweep: its header (as written to the file), the aggregate, the report and the findings."""

    header: SweepHeader
    aggregate: SweepAggregator
    report: BalanceReport
    findings: list[Finding]


def sweep_header(scenario: Scenario, plan: SweepPlan, scenario_path: str = "") -> SweepHeader:
    """The header line of a sweep of `scenario` following `plan`."""
    return SweepHeader(
        scenario_id=scenario.id,
        scenario_digest=scenario_digest(scenario),
        scenario_path=scenario_path,
        seed=plan.seed,
        mix=list(plan.mix),
        runs=plan.runs,
        layout=scenario_layout(scenario),
    )


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def default_chunk_size(runs: int, workers: int) -> int:
    """Enough chunks for every worker to get several (even load), few enough that overhead stays small."""
    return max(1, min(64, runs // (workers * 4)))


def run_sweep(
    scenario: Scenario,
    *,
    runs: int,
    seed: int = 1,
    mix: Sequence[Disposition] = ALL_DISPOSITIONS,
    workers: int | None = None,
    executor: Executor | None = None,
    chunk_size: int | None = None,
    out: str | Path | None = None,
    scenario_path: str = "",
    progress: Progress | None = None,
    player: Player | None = None,
) -> SweepResult:
    """Play `runs` seeded all-bot playthroughs of `scenario` and summarise them.

    With `executor` the chunks go to it (it is not shut down: it is the caller's). Without one, `workers`
    processes are started (default: one per core); `workers=1` plays in this process, which is what a
    profiler or a debugger wants. With `out`, every record is appended to that JSON Lines file as soon as its
    chunk finishes.
    """
    layout = scenario_layout(scenario)
    plan = plan_for(seed, runs, mix, layout.deciding_members, [member.id for member in layout.members])
    header = sweep_header(scenario, plan, scenario_path)
    aggregate = SweepAggregator(layout)
    writer = SweepWriter(out, header) if out is not None else None
    worker_count = workers or default_workers()
    size = chunk_size or default_chunk_size(runs, worker_count)
    chunks = chunked(plan.specs(), size)
    scenario_json = transport_json(scenario)
    keep = writer is not None  # workers serialise records only when they go to a file

    def take(chunk: ChunkResult) -> None:
        aggregate.merge(chunk.aggregate)
        if writer is not None:
            writer.write_lines(chunk.lines)
            writer.flush()
        if progress is not None:
            progress(aggregate.runs, runs)

    try:
        if executor is None and worker_count == 1:
            for chunk in chunks:
                try:
                    result = play_chunk(scenario_json, header.scenario_digest, chunk, player, keep)
                except Exception as error:  # the same message whether the chunk ran here or in a worker
                    raise SweepError(f"a sweep worker failed: {type(error).__name__}: {error}") from error
                take(result)
        elif executor is None:
            with ProcessPoolExecutor(max_workers=worker_count) as pool:
                _drain(pool, chunks, (scenario_json, header.scenario_digest, player, keep), 2 * worker_count, take)
        else:
            _drain(executor, chunks, (scenario_json, header.scenario_digest, player, keep), 2 * worker_count, take)
    finally:
        if writer is not None:
            writer.close()
    report = summarise(header, aggregate)
    findings = balance_findings(report, layout, scenario_path)
    return SweepResult(header=header, aggregate=aggregate, report=report, findings=findings)


def _drain(
    executor: Executor,
    chunks: Iterator[list[RunSpec]],
    task: tuple[str, str, Player | None, bool],
    max_pending: int,
    take: Callable[[ChunkResult], None],
) -> None:
    """Keep up to `max_pending` chunks in flight and hand each finished one to `take` as it completes."""
    scenario_json, digest, player, keep = task
    pending: set[Future[ChunkResult]] = set()
    try:
        while True:
            for chunk in chunks:
                pending.add(executor.submit(play_chunk, scenario_json, digest, chunk, player, keep))
                if len(pending) >= max_pending:
                    break
            if not pending:
                return
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                try:
                    result = future.result()
                except Exception as error:  # a worker died or the executor failed: stop with a clear message
                    raise SweepError(f"a sweep worker failed: {type(error).__name__}: {error}") from error
                take(result)
    finally:
        for future in pending:
            future.cancel()
