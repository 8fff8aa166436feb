"""`boardsim test SCENARIO...`: run the playthroughs each scenario declares and report every expectation.

Each playthrough is played headless with its seed, bot dispositions, seats and forced choices; then every
`expect:` condition is evaluated at the end of the run. A failed expectation is shown with the actual value
of each state name and function call it reads, so the designer can see why.

Exit status: 0 when every expectation of every playthrough holds; 1 when any fails, a file has errors, or a
playthrough cannot be played; 2 for usage errors.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from boardsim.core.engine import Session
    from boardsim.core.scenario.model import Playthrough, Scenario

EXIT_PASSED = 0
EXIT_FAILED = 1


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="SCENARIO", help="scenario files whose playthroughs to run")
    parser.add_argument("--log-file", metavar="FILE", help="append operational logs to FILE as JSON lines")


def run(args: argparse.Namespace) -> int:
    import sys

    from boardsim.adapters.diagnostics_format import format_finding
    from boardsim.adapters.logging import configure_logging, get_logger
    from boardsim.adapters.scenario_loader import load_scenario

    configure_logging(log_file=args.log_file, level="info" if args.log_file else "warning")
    log = get_logger("boardsim.test")
    totals = {"playthroughs": 0, "failed": 0, "expectations": 0, "unmet": 0}
    broken_files = 0
    for path in args.files:
        result = load_scenario(path)
        if result.scenario is None or result.has_errors:
            broken_files += 1
            for item in result.findings:
                if item.level == "error":
                    print(format_finding(item), file=sys.stderr)
            print(f"{path}: cannot run its playthroughs until its errors are fixed")
            continue
        scenario = result.scenario
        if not scenario.playthroughs:
            print(f"{path}: no playthroughs declared")
            continue
        print(f"{path}")
        for playthrough in scenario.playthroughs:
            lines, met, unmet = _run_playthrough(scenario, playthrough)
            totals["playthroughs"] += 1
            totals["expectations"] += met + unmet
            totals["unmet"] += unmet
            if unmet or met == 0:
                totals["failed"] += 1
            print("\n".join(lines))
            log.info("playthrough", scenario=scenario.id, name=playthrough.name, met=met, unmet=unmet)
    failed = totals["failed"] + broken_files
    summary = (
        f"{totals['playthroughs']} playthrough{'s' if totals['playthroughs'] != 1 else ''}, "
        f"{totals['expectations']} expectation{'s' if totals['expectations'] != 1 else ''}: "
    )
    if failed:
        summary += f"{totals['failed']} playthrough(s) failed, {totals['unmet']} expectation(s) unmet"
        if broken_files:
            summary += f", {broken_files} file(s) with errors"
    else:
        summary += "all passed"
    print(summary)
    return EXIT_FAILED if failed else EXIT_PASSED


def _run_playthrough(scenario: Scenario, playthrough: Playthrough) -> tuple[list[str], int, int]:
    """Play one playthrough; returns its report lines and how many expectations held and did not."""
    from boardsim.core.engine import BotSeat, Session, SessionError

    heading = f"{playthrough.name} (seed {playthrough.seed}, bots {playthrough.bots})"
    try:
        session = Session.start(
            scenario,
            seed=playthrough.seed,
            seats={member: BotSeat(name) for member, name in playthrough.seats.items()},
            bots=playthrough.bots,
            forced=dict(playthrough.choices),
        )
        session.advance()
    except SessionError as error:
        return [f"  FAIL  {heading}", f"      cannot be played: {error}"], 0, len(playthrough.expect)
    lines: list[str] = []
    met = unmet = 0
    for expectation in playthrough.expect:
        try:
            holds = session.evaluate(expectation) is True
        except SessionError as error:
            lines.append(f"      FAIL  {expectation}\n            cannot be evaluated: {error}")
            unmet += 1
            continue
        if holds:
            met += 1
            lines.append(f"      pass  {expectation}")
        else:
            unmet += 1
            lines.append(f"      FAIL  {expectation}")
            lines.extend(f"            {reading}" for reading in actual_values(session, expectation))
    status = "FAIL" if unmet else "pass"
    return [f"  {status}  {heading}", *lines], met, unmet


def actual_values(session: Session, expectation: str) -> list[str]:
    """`name = value` for every state name and function call the expectation reads, at the end of the run."""
    from boardsim.core.expressions import ExpressionError, compile_condition
    from boardsim.core.scenario.quantities import format_money

    try:
        compiled = compile_condition(expectation, session.plan.state_kinds)
    except ExpressionError:
        return []
    readings: list[str] = []
    for name in sorted(compiled.names):
        readings.append(f"{name} = {_shown(session.evaluate(name))}")
    for call in compiled.calls:
        text = f"{call.function}({', '.join(_quoted(argument) for argument in call.arguments)})"
        value = session.evaluate(text)
        if call.function in ("budget", "pool", "pledged") and isinstance(value, float):
            readings.append(f"{text} = {format_money(int(value))}")
        else:
            readings.append(f"{text} = {_shown(value)}")
    return list(dict.fromkeys(readings))


def _quoted(argument: str) -> str:
    return '"' + argument + '"'


def _shown(value: float | bool | str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return f"{value:g}"
