"""`boardsim sweep`: balance-test a scenario with many seeded all-bot playthroughs, or re-summarise a sweep file.

    boardsim sweep SCENARIO --runs N [--seed S] [--dispositions MIX] [--workers K] [--out FILE] [--json]
    boardsim sweep --from FILE [--json]

Exit codes: 0 the sweep ran (warnings and notes do not fail it); 1 the scenario has errors, a sweep file
cannot be read or written, or some playthroughs failed; 2 the command line is wrong.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

if TYPE_CHECKING:
    from boardsim.core.diagnostics import Finding
    from boardsim.core.scenario.types import Disposition
    from boardsim.core.sweep import BalanceReport

_EPILOG = """\
MIX is `all` (organisation-first, system-first, reciprocator, cautious) or a comma list of them.
Every seat that decides something gets a disposition from MIX in each run: all combinations in turn
when --runs covers them, a seeded sample of distinct combinations otherwise.

exit codes:
  0  the sweep ran; warning and note findings do not fail it
  1  the scenario has errors, a sweep file cannot be read or written, or playthroughs failed
  2  wrong command line

How to read the report and fix what it finds: facilitator_guide/balance.md
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = _EPILOG
    parser.add_argument("scenario", nargs="?", metavar="SCENARIO", help="the scenario file to sweep")
    parser.add_argument("--runs", type=int, metavar="N", help="how many playthroughs to play")
    parser.add_argument("--seed", type=int, metavar="S", help="the sweep's seed (default 1): same seed, same report")
    parser.add_argument("--dispositions", metavar="MIX", help="bot dispositions to mix over the seats (default all)")
    parser.add_argument(
        "--workers", type=int, metavar="K", help="worker processes (default: one per core; 1 plays in this process)"
    )
    parser.add_argument("--out", metavar="FILE", help="stream every run's record to FILE (JSON Lines)")
    parser.add_argument("--from", dest="from_file", metavar="FILE", help="re-summarise a sweep file written with --out")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON document")


def _usage(message: str) -> int:
    print(f"boardsim sweep: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _usage_problem(args: argparse.Namespace) -> str | None:
    from boardsim.core.sweep.plan import MAX_RUNS

    run_options = [
        flag
        for flag, value in (
            ("--runs", args.runs),
            ("--seed", args.seed),
            ("--dispositions", args.dispositions),
            ("--workers", args.workers),
            ("--out", args.out),
        )
        if value is not None
    ]
    if args.from_file is not None:
        if args.scenario is not None:
            return "give a SCENARIO to run or --from FILE to re-summarise, not both"
        if run_options:
            return f"{', '.join(run_options)} only apply when running a sweep, not with --from"
        return None
    if args.scenario is None:
        return "give a SCENARIO file to sweep (or --from FILE to re-summarise a sweep)"
    if args.runs is None:
        return "say how many playthroughs to play with --runs N (e.g. --runs 1000)"
    if not 1 <= args.runs <= MAX_RUNS:
        return f"--runs must be between 1 and {MAX_RUNS:,}"
    if args.seed is not None and args.seed < 0:
        return "--seed must be 0 or more"
    if args.workers is not None and args.workers < 1:
        return "--workers must be at least 1"
    if args.out is not None and Path(args.out).resolve() == Path(args.scenario).resolve():
        return "--out would overwrite the scenario itself; give another file"
    return None


def run(args: argparse.Namespace) -> int:
    from boardsim.core.sweep import MixError, parse_mix

    problem = _usage_problem(args)
    if problem is not None:
        return _usage(problem)
    if args.from_file is not None:
        return _resummarise(args)
    try:
        mix = parse_mix(args.dispositions or "all")
    except MixError as error:
        return _usage(f"--dispositions: {error}")
    return _sweep(args, mix)


def _sweep(args: argparse.Namespace, mix: tuple[Disposition, ...]) -> int:
    from boardsim.adapters.diagnostics_format import format_finding
    from boardsim.adapters.scenario_loader import load_scenario
    from boardsim.adapters.sweep_runner import SweepError, run_sweep

    loaded = load_scenario(args.scenario)
    if loaded.has_errors or loaded.scenario is None:
        for finding in loaded.findings:
            print(format_finding(finding), file=sys.stderr)
        print(f"boardsim sweep: {args.scenario} has errors; fix them (see `boardsim check`) first", file=sys.stderr)
        return EXIT_FAILED
    progress = _ProgressLine() if sys.stderr.isatty() else None
    try:
        result = run_sweep(
            loaded.scenario,
            runs=args.runs,
            seed=1 if args.seed is None else args.seed,
            mix=mix,
            workers=args.workers,
            out=args.out,
            scenario_path=str(args.scenario),
            progress=progress,
        )
    except OSError as error:
        _end(progress)
        what = f"cannot write {args.out}" if args.out is not None and error.filename == args.out else "stopped"
        print(f"boardsim sweep: {what}: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    except SweepError as error:
        _end(progress)
        print(f"boardsim sweep: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        _end(progress)
        if args.out is not None:
            print(f"the runs that finished are in {args.out}: `boardsim sweep --from {args.out}`", file=sys.stderr)
        raise
    _end(progress)
    findings = _placed(result.findings, str(args.scenario), at_lines=True)
    _print_report(result.report, findings, args.json)
    if args.out is not None:
        print(f"wrote {result.aggregate.runs:,} records to {args.out}", file=sys.stderr)
    return EXIT_FAILED if any(f.level == "error" for f in findings) else EXIT_OK


def _resummarise(args: argparse.Namespace) -> int:
    from boardsim.adapters.sweep_store import SweepFileError, SweepReader
    from boardsim.core.sweep import SweepAggregator, balance_findings, summarise

    try:
        reader = SweepReader(args.from_file)
        aggregate = SweepAggregator(reader.header.layout)
        aggregate.add_all(reader.records())
    except SweepFileError as error:
        print(f"boardsim sweep: {error}", file=sys.stderr)
        return EXIT_FAILED
    report = summarise(reader.header, aggregate)
    findings = balance_findings(report, reader.header.layout, reader.header.scenario_path)
    path = reader.header.scenario_path
    findings = _placed(findings, path, at_lines=_scenario_unchanged(path, reader.header.scenario_digest))
    _print_report(report, findings, args.json)
    return EXIT_FAILED if any(f.level == "error" for f in findings) else EXIT_OK


def _print_report(report: BalanceReport, findings: list[Finding], as_json: bool) -> None:
    import os

    from boardsim.adapters.diagnostics_format import format_finding
    from boardsim.adapters.sweep_report import render_json, render_text

    if as_json:
        sys.stdout.write(render_json(report, findings))
        return
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    sys.stdout.write(render_text(report, findings, lambda item: format_finding(item, colour=colour)))


def _placed(findings: list[Finding], scenario_path: str, *, at_lines: bool) -> list[Finding]:
    """Findings at file:line:col of the scenario (`at_lines`), or at its first line when the file changed."""
    from boardsim.adapters.source_file import read_source
    from boardsim.adapters.yaml_source import parse_yaml
    from boardsim.core.diagnostics import Finding, SourcePosition

    if not scenario_path:
        return findings
    positions = None
    if at_lines:
        source = read_source(scenario_path)
        if not isinstance(source, Finding):
            positions = parse_yaml(source.text, scenario_path).positions
    start = SourcePosition(scenario_path, 1, 1)
    return [
        positions.place(item, default_file=scenario_path) if positions is not None else item.placed(start)
        for item in findings
    ]


def _scenario_unchanged(path: str, digest: str) -> bool:
    """Whether the scenario file a sweep was run on still has the same content (so its lines still match)."""
    if not path or not Path(path).is_file():
        return False
    from boardsim.adapters.scenario_loader import load_scenario
    from boardsim.core.engine.journal import scenario_digest

    loaded = load_scenario(path)
    return loaded.scenario is not None and scenario_digest(loaded.scenario) == digest


class _ProgressLine:
    """A one-line progress bar on stderr, redrawn in place with a carriage return."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        filled = int(fraction * 30)
        elapsed = time.monotonic() - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        remaining = f", {(total - done) / rate:.0f}s left" if rate > 0 and done < total else ""
        line = f"\rsweep [{'█' * filled}{'·' * (30 - filled)}] {done:,}/{total:,} runs ({rate:,.0f}/s{remaining})"
        sys.stderr.write(line.ljust(79))
        sys.stderr.flush()
        self.drawn = True

    def finish(self) -> None:
        if self.drawn:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _end(progress: _ProgressLine | None) -> None:
    if progress is not None:
        progress.finish()
