"""Memory stays flat however many runs a sweep has: the aggregate and the file reader keep no records.

Peak memory is measured as the peak resident set size (`ru_maxrss`) of a fresh interpreter per N, so the
figure covers everything the process ever held. (tracemalloc would do too, but it slows this
allocation-heavy loop about tenfold — 0.5 ms a record here — so a 100,000-run test would take minutes.)
If the aggregate kept its records, 100,000 of them would add about 200 MB (measured: 247 MB peak when kept,
against 33 MB streamed); the bound below is 12 MB.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
GROWTH_BOUND_KB = 12 * 1024

_AGGREGATE = """
import resource, sys
sys.path.insert(0, {here!r})
from sweep_helpers import light_records, tiny_layout
from boardsim.core.sweep import SweepAggregator
aggregate = SweepAggregator(tiny_layout())
aggregate.add_all(light_records({n}))
assert aggregate.runs == {n}
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

_FROM_FILE = """
import resource, sys
sys.path.insert(0, {here!r})
from sweep_helpers import light_records, tiny_header, tiny_layout
from boardsim.adapters.sweep_store import SweepReader, SweepWriter
from boardsim.core.sweep import SweepAggregator
template = next(light_records(1)).model_dump_json()
with SweepWriter({path!r}, tiny_header({n})) as writer:
    for run in range({n}):
        writer.write_line(template.replace('"run":0', '"run":%d' % run, 1))
aggregate = SweepAggregator(tiny_layout())
aggregate.add_all(SweepReader({path!r}).records())
assert aggregate.runs == {n}
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_kb(programs: list[str]) -> list[int]:
    """Run the programs side by side (two cores) and return each one's peak RSS in KB."""
    processes = [subprocess.Popen([sys.executable, "-c", p], stdout=subprocess.PIPE, text=True) for p in programs]
    peaks = []
    for process in processes:
        output, _ = process.communicate(timeout=300)
        assert process.returncode == 0
        peaks.append(int(output.strip()))
    return peaks


def test_aggregating_100k_runs_peaks_no_higher_than_10k() -> None:
    """Streaming 100,000 runs from a generator peaks within 12 MB of streaming 10,000."""
    small, large = _peak_kb([_AGGREGATE.format(here=str(HERE), n=n) for n in (10_000, 100_000)])
    assert large - small < GROWTH_BOUND_KB, f"peak grew from {small} KB to {large} KB"


def test_resummarising_a_file_peaks_the_same_for_10x_the_runs(tmp_path: Path) -> None:
    """Writing then reading back a sweep file of 40,000 runs peaks within 12 MB of one of 4,000 runs."""
    programs = [_FROM_FILE.format(here=str(HERE), n=n, path=str(tmp_path / f"{n}.jsonl")) for n in (4_000, 40_000)]
    small, large = _peak_kb(programs)
    assert large - small < GROWTH_BOUND_KB, f"peak grew from {small} KB to {large} KB"
