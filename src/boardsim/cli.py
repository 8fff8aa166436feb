"""The `boardsim` command line: parses arguments and hands each subcommand to its module.

Each subcommand lives in `boardsim.commands.<name>` with two functions, `configure(parser)` and
`run(args) -> int`. Modules are imported only when their subcommand runs, so `boardsim check` never pays for
importing Textual.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from boardsim import __version__

# name -> one-line help. Order is the order `boardsim --help` lists them.
SUBCOMMANDS: dict[str, str] = {
    "play": "run a workshop in the terminal (facilitator console, seats, projector view)",
    "run": "play a scenario headless with bots and print what happened",
    "check": "check scenario files and report every problem as file:line:col",
    "test": "run the playthroughs a scenario declares and report pass/fail",
    "sweep": "balance-test a scenario with many seeded all-bot playthroughs",
    "schema": "print the JSON Schema of the scenario format (for editor completion)",
}

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with a one-line message on usage errors (its default), never a traceback."""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="boardsim",
        description="Rehearse health and wellbeing board dilemmas: write, check, play and debrief scenarios.",
    )
    parser.add_argument("--version", action="version", version=f"boardsim {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in SUBCOMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        module = _command_module(name)
        if module is not None:
            module.configure(sub)
        sub.set_defaults(command=name)
    return parser


def _command_module(name: str):  # type: ignore[no-untyped-def]
    try:
        return importlib.import_module(f"boardsim.commands.{name}")
    except ModuleNotFoundError as error:
        if error.name == f"boardsim.commands.{name}":
            return None
        raise


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    module = _command_module(args.command)
    if module is None:
        print(f"boardsim {args.command}: not available in this version", file=sys.stderr)
        return EXIT_USAGE
    try:
        return int(module.run(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
