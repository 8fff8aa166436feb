"""`boardsim play [SCENARIO]`: run a workshop in the terminal — facilitator's console, hot-seat board members'
seats and a projector view.

    boardsim play                                            # pick one of the shipped scenarios
    boardsim play scenarios/eastmere-bcf-risk-share.yaml     # set up seats, seed, then start
    boardsim play SCENARIO --bots system-first --seat public-health=human:Dee --seat icb=human
    boardsim play SCENARIO --seed 7 --journal workshop.jsonl --log-file workshop.log
    boardsim play SCENARIO --key console.advance=n --key console.pause=f9      # remap keys by binding id
    boardsim play SCENARIO --key console.advance=n --key console.pause=f9      # remap keys by binding id

With every seat given (or --bots for the rest) the set-up screen is skipped. The journal is saved after
every change (default: a new timestamped file under ./journals/); logs go to --log-file (default: beside the
journal), never to the terminal.

Exit status: 0 after quitting; 1 when the scenario has errors (they are printed before the UI starts) or the
log file cannot be written; 2 for bad arguments (an unknown member or disposition), with a did-you-mean hint.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from boardsim.core.scenario.model import Scenario
    from boardsim.ui.launch import SeatChoice

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A bad command-line argument, said in one line."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", nargs="?", help="the scenario file (omit to pick one)")
    parser.add_argument("--seed", type=int, default=None, help="the random seed (default 1); same seed, same run")
    parser.add_argument(
        "--bots",
        default=None,
        metavar="DISPOSITION",
        help="disposition of every seat not given with --seat (organisation-first, system-first, reciprocator, "
        "cautious); giving it skips the set-up screen",
    )
    parser.add_argument(
        "--seat",
        action="append",
        default=[],
        metavar="MEMBER=DISPOSITION|human[:NAME]",
        help="who holds one member's seat: a bot disposition, or human (optionally with the player's name); repeatable",
    )
    parser.add_argument(
        "--key",
        action="append",
        default=[],
        metavar="BINDING_ID=KEY",
        help="remap a key by its binding id (see the help screen, F1), e.g. --key console.advance=n; repeatable",
    )
    parser.add_argument(
        "--journal", metavar="FILE", help="save the journal here (default: ./journals/<scenario>-<time>.jsonl)"
    )
    parser.add_argument("--log-file", metavar="FILE", help="append operational logs here (default: beside the journal)")


def run(args: argparse.Namespace) -> int:
    import sys

    from boardsim.adapters.diagnostics_format import format_finding, format_summary
    from boardsim.adapters.scenario_loader import load_scenario

    try:
        bots = _disposition(args.bots, "--bots") if args.bots is not None else None
        seats = parse_seats(args.seat)
        keymap = parse_keys(args.key)
    except UsageError as error:
        print(f"boardsim play: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.seed is not None and args.seed < 0:
        print("boardsim play: error: --seed must be 0 or more", file=sys.stderr)
        return EXIT_USAGE
    scenario: Scenario | None = None
    if args.scenario is not None:
        result = load_scenario(args.scenario)
        if result.scenario is None or result.has_errors:
            for item in result.findings:
                print(format_finding(item, colour=sys.stderr.isatty()), file=sys.stderr)
            print(format_summary(result.findings, 1), file=sys.stderr)
            print(f"boardsim play: {args.scenario} has errors; fix them and run again", file=sys.stderr)
            return EXIT_FAILED
        scenario = result.scenario
        try:
            seats = resolve_members(scenario, seats)
        except UsageError as error:
            print(f"boardsim play: error: {error}", file=sys.stderr)
            return EXIT_USAGE
    elif seats:
        print("boardsim play: error: --seat needs a SCENARIO (members differ between scenarios)", file=sys.stderr)
        return EXIT_USAGE
    return _play(args, scenario, bots, seats, keymap)


def _play(
    args: argparse.Namespace,
    scenario: Scenario | None,
    bots: str | None,
    seats: dict[str, SeatChoice],
    keymap: dict[str, str],
) -> int:
    import sys

    from boardsim.ui.app import build_app
    from boardsim.ui.launch import default_journal_path

    journal = Path(args.journal) if args.journal else None
    if journal is None and scenario is not None:
        journal = default_journal_path(Path("journals"), scenario.id)
    log_file = Path(args.log_file) if args.log_file else (journal or Path("journals") / "boardsim").with_suffix(".log")
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        log_file.open("a", encoding="utf-8").close()
    except OSError as error:
        print(f"boardsim play: cannot write the log file {log_file}: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    # The app sets up logging (structlog) itself, just after the first screen is painted or when a run starts,
    # whichever comes first: importing structlog was a twentieth of the time to the first screen.
    app = build_app(
        scenario,
        scenario_path=Path(args.scenario) if args.scenario else None,
        seed=args.seed,
        bots=bots,  # type: ignore[arg-type]  # checked by _disposition
        seats=seats,
        journal_path=journal,
        keymap=keymap,
        log_file=log_file,
    )
    code = app.run()
    return int(code or 0)


def parse_keys(values: list[str]) -> dict[str, str]:
    """--key BINDING_ID=KEY arguments as a Textual keymap (ids are those the help screen lists)."""
    keymap: dict[str, str] = {}
    for text in values:
        binding_id, sep, key = text.partition("=")
        if not sep or not binding_id.strip() or not key.strip():
            raise UsageError(f"--key {text!r}: write BINDING_ID=KEY, e.g. --key console.advance=n")
        keymap[binding_id.strip()] = key.strip()
    return keymap


def _disposition(text: str, option: str) -> str:
    from boardsim.commands.run import UsageError as RunUsageError
    from boardsim.commands.run import disposition

    try:
        return disposition(text, option)
    except RunUsageError as error:
        raise UsageError(str(error)) from None


def parse_seats(values: list[str]) -> dict[str, SeatChoice]:
    """--seat MEMBER=DISPOSITION or MEMBER=human[:NAME] (members are checked against the scenario later)."""
    from boardsim.ui.launch import SeatChoice

    seats: dict[str, SeatChoice] = {}
    for text in values:
        member, sep, value = text.partition("=")
        member, value = member.strip(), value.strip()
        if not sep or not member or not value:
            raise UsageError(f"--seat {text!r}: write MEMBER=DISPOSITION or MEMBER=human, e.g. --seat icb=human:Alex")
        kind, _, name = value.partition(":")
        if kind.strip().lower() == "human":
            seats[member] = SeatChoice("human", name.strip())
        else:
            seats[member] = SeatChoice("bot", disposition=_disposition(value, f"--seat {member}"))  # type: ignore[arg-type]
    return seats


_MINOR_WORDS = frozenset({"of", "the", "and", "for", "to", "a", "an", "at", "in"})


def seat_initials(seat: str) -> str:
    """'Director of Public Health' -> 'dph': the way people in the room name a seat."""
    words = [word for word in re.split(r"[^A-Za-z']+", seat) if word and word.lower() not in _MINOR_WORDS]
    return "".join(word[0] for word in words).lower()


def resolve_members(scenario: Scenario, seats: dict[str, SeatChoice]) -> dict[str, SeatChoice]:
    """Seats keyed by member id. A --seat may name a member by id or by its seat's initials (dph, dass) when
    those are unique; anything else is a UsageError with a did-you-mean hint."""
    from boardsim.core.suggestions import did_you_mean

    known = [member.id for member in scenario.members]
    initials: dict[str, list[str]] = {}
    for member in scenario.members:
        initials.setdefault(seat_initials(member.seat), []).append(member.id)
    resolved: dict[str, SeatChoice] = {}
    for name, choice in seats.items():
        if name in known:
            resolved[name] = choice
        elif len(initials.get(name.lower(), [])) == 1:
            resolved[initials[name.lower()][0]] = choice
        else:
            hint = did_you_mean(name, known) or f" (its members: {', '.join(known)})"
            raise UsageError(f"--seat {name}: {scenario.id} has no member {name!r}{hint}")
    return resolved
