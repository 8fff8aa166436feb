"""`boardsim run SCENARIO`: play a scenario headless with every seat a bot and print what happened.

    boardsim run scenarios/eastmere-bcf-risk-share.yaml --seed 7
    boardsim run SCENARIO --bots cautious --seat icb=organisation-first
    boardsim run SCENARIO --choose risk-share=split-by-contribution        # every decider picks that option
    boardsim run SCENARIO --choose winter-front-line=icb:release-money     # one member's choice (repeatable)
    boardsim run SCENARIO --choose winter-pledge=icb:£2.5m                 # one member's pledge (repeatable)
    boardsim run SCENARIO --choose winter-pledge=£1m                       # every decider pledges £1m
    boardsim run SCENARIO --json --journal run.jsonl --log-file run.log

Exit status: 0 after a complete run; 1 when the scenario has errors or the journal cannot be written;
2 for bad arguments (an unknown dilemma, option, member or disposition), with a did-you-mean hint.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from boardsim.core.engine import ForcedChoice
    from boardsim.core.scenario.types import Disposition

DISPOSITIONS: tuple[Disposition, ...] = ("organisation-first", "system-first", "reciprocator", "cautious")
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A bad command-line argument, said in one line."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", help="the scenario file to play")
    parser.add_argument("--seed", type=int, default=1, help="the random seed (default 1); same seed, same run")
    parser.add_argument(
        "--choose",
        action="append",
        default=[],
        metavar="DILEMMA=CHOICE",
        help=(
            "force a decision: DILEMMA=OPTION (every decider), DILEMMA=MEMBER:OPTION (one member), "
            "DILEMMA=£AMOUNT or DILEMMA=MEMBER:£AMOUNT for pledges; repeatable"
        ),
    )
    parser.add_argument(
        "--bots",
        default="system-first",
        metavar="DISPOSITION",
        help=f"disposition of every bot seat: {', '.join(DISPOSITIONS)} (default system-first)",
    )
    parser.add_argument(
        "--seat",
        action="append",
        default=[],
        metavar="MEMBER=DISPOSITION",
        help="a different disposition for one member's seat; repeatable",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of the account")
    parser.add_argument("--journal", metavar="FILE", help="write the run's journal (JSON lines) to FILE")
    parser.add_argument("--log-file", metavar="FILE", help="append operational logs to FILE as JSON lines")


def run(args: argparse.Namespace) -> int:
    import json
    import sys
    import time

    from boardsim.adapters.diagnostics_format import format_finding
    from boardsim.adapters.journal_file import JournalFileError, write_journal
    from boardsim.adapters.logging import configure_logging, get_logger
    from boardsim.adapters.run_account import json_account, text_account
    from boardsim.adapters.scenario_loader import load_scenario
    from boardsim.core.engine import BotSeat, Session, SessionError

    configure_logging(log_file=args.log_file, level="info" if args.log_file else "warning")
    log = get_logger("boardsim.run")
    try:
        bots = disposition(args.bots, "--bots")
        seats = parse_seats(args.seat)
        forced = parse_choices(args.choose)
    except UsageError as error:
        print(f"boardsim run: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    result = load_scenario(args.scenario)
    if result.scenario is None or result.has_errors:
        for item in result.findings:
            print(format_finding(item), file=sys.stderr)
        print(
            f"boardsim run: {args.scenario} has errors; fix them (see `boardsim check`) and run again", file=sys.stderr
        )
        return EXIT_FAILED
    scenario = result.scenario
    began = time.perf_counter()
    try:
        session = Session.start(
            scenario, seed=args.seed, seats={m: BotSeat(d) for m, d in seats.items()}, bots=bots, forced=forced
        )
    except SessionError as error:
        print(f"boardsim run: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    log.info("run started", scenario=scenario.id, seed=args.seed, bots=bots, seats=seats, forced=forced)
    session.advance()
    log.info(
        "run finished",
        scenario=scenario.id,
        seed=args.seed,
        events=len(session.events),
        seconds=round(time.perf_counter() - began, 3),
    )
    if args.journal:
        try:
            write_journal(session.journal, args.journal)
        except JournalFileError as error:
            print(f"boardsim run: {error}", file=sys.stderr)
            return EXIT_FAILED
        log.info("journal written", path=args.journal, events=len(session.events))
    seat_names = {member: f"bot:{seat.disposition}" for member, seat in session.seats.items() if seat.kind == "bot"}
    if args.json:
        print(json.dumps(json_account(session, seat_names), indent=2, ensure_ascii=False))
    else:
        print(text_account(session, _seats_summary(bots, seats, forced)))
    return EXIT_OK


def disposition(text: str, option: str) -> Disposition:
    """A disposition name, or a UsageError with a did-you-mean hint."""
    from boardsim.core.suggestions import did_you_mean

    for known in DISPOSITIONS:
        if text == known:
            return known
    hint = did_you_mean(text, DISPOSITIONS) or f" (choose from {', '.join(DISPOSITIONS)})"
    raise UsageError(f"{option}: there is no disposition {text!r}{hint}")


def parse_seats(values: list[str]) -> dict[str, Disposition]:
    """--seat MEMBER=DISPOSITION arguments (members are checked against the scenario later)."""
    seats: dict[str, Disposition] = {}
    for text in values:
        member, sep, name = text.partition("=")
        if not sep or not member or not name:
            raise UsageError(f"--seat {text!r}: write MEMBER=DISPOSITION, e.g. --seat icb=cautious")
        seats[member.strip()] = disposition(name.strip(), f"--seat {member}")
    return seats


def parse_choices(values: list[str]) -> dict[str, ForcedChoice]:
    """--choose arguments as the forced-choice map the session takes (ids are checked against the scenario later)."""
    forced: dict[str, ForcedChoice] = {}
    for text in values:
        dilemma, sep, choice = text.partition("=")
        dilemma, choice = dilemma.strip(), choice.strip()
        if not sep or not dilemma or not choice:
            raise UsageError(
                f"--choose {text!r}: write DILEMMA=OPTION, DILEMMA=MEMBER:OPTION, "
                "DILEMMA=£AMOUNT or DILEMMA=MEMBER:£AMOUNT"
            )
        member, colon, value = choice.partition(":")
        existing = forced.get(dilemma)
        if colon:
            if isinstance(existing, str):
                raise UsageError(f"--choose {text!r}: {dilemma} is already forced for every decider")
            per_member = dict(existing or {})
            per_member[member.strip()] = value.strip()
            forced[dilemma] = per_member
        else:
            if existing is not None:
                raise UsageError(f"--choose {text!r}: {dilemma} is forced twice")
            forced[dilemma] = choice
    return forced


def _seats_summary(bots: str, seats: dict[str, Disposition], forced: dict[str, ForcedChoice]) -> str:
    text = f"all bots ({bots}"
    if seats:
        text += "; " + ", ".join(f"{member} {name}" for member, name in seats.items())
    text += ")"
    if forced:
        text += f"; forced: {', '.join(forced)}"
    return text
