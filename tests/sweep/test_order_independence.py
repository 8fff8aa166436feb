"""The report does not depend on the order runs finish in or on how many workers played them."""

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from random import Random

from sweep_helpers import random_records, synthetic_player, tiny_header, tiny_layout, tiny_scenario

from boardsim.adapters.sweep_report import render_json
from boardsim.adapters.sweep_runner import run_sweep
from boardsim.core.sweep import RunOutcome, SweepAggregator, balance_findings, summarise


def _report_json(records: list[RunOutcome]) -> str:
    aggregate = SweepAggregator(tiny_layout())
    aggregate.add_all(records)
    report = summarise(tiny_header(len(records)), aggregate)
    return render_json(report, balance_findings(report, tiny_layout()))


def test_shuffled_records_give_a_byte_identical_report() -> None:
    """3,000 varied runs in three different orders give the same JSON report, byte for byte."""
    records = list(random_records(3_000))
    expected = _report_json(records)
    for seed in (1, 2):
        shuffled = records[:]
        Random(seed).shuffle(shuffled)
        assert _report_json(shuffled) == expected
    assert _report_json(records[::-1]) == expected


def test_one_worker_and_two_processes_give_the_same_report() -> None:
    """The same sweep (seed 5, 400 runs) played in-process and by a 2-process pool reports identically."""
    scenario = tiny_scenario()
    one = run_sweep(scenario, runs=400, seed=5, workers=1, player=synthetic_player)
    two = run_sweep(scenario, runs=400, seed=5, workers=2, chunk_size=7, player=synthetic_player)
    assert render_json(one.report, one.findings) == render_json(two.report, two.findings)
    assert one.report.sweep.played == 400


def test_any_executor_can_play_the_chunks() -> None:
    """A caller's executor (here a thread pool, as a Dask or Ray executor would be) gives the same report."""
    scenario = tiny_scenario()
    inline = run_sweep(scenario, runs=120, seed=2, workers=1, player=synthetic_player)
    with ThreadPoolExecutor(max_workers=3) as pool:
        threaded = run_sweep(scenario, runs=120, seed=2, executor=pool, chunk_size=5, player=synthetic_player)
    with ProcessPoolExecutor(max_workers=2) as pool:
        processes = run_sweep(scenario, runs=120, seed=2, executor=pool, chunk_size=11, player=synthetic_player)
    assert inline.report == threaded.report == processes.report


def test_merging_chunk_aggregates_in_any_order_equals_adding_every_run() -> None:
    """Aggregates of 7 chunks merged in two different orders equal one aggregate of all the runs, exactly."""
    records = list(random_records(700, seed=9))
    chunks = []
    for start in range(0, 700, 100):
        chunk = SweepAggregator(tiny_layout())
        chunk.add_all(records[start : start + 100])
        chunks.append(chunk)
    for order in (chunks, chunks[::-1]):
        merged = SweepAggregator(tiny_layout())
        for chunk in order:
            merged.merge(chunk)
        report = summarise(tiny_header(700), merged)
        assert render_json(report, balance_findings(report, tiny_layout())) == _report_json(records)
