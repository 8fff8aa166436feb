"""`boardsim check FILE...`: report every problem in scenario files (and member catalogues).

Exit status: 0 when no file has an error-level finding (warnings and notes are fine), 1 when any does,
2 for usage errors (argparse's own exit status).
"""

from __future__ import annotations

import argparse

EXIT_CLEAN = 0
EXIT_FINDINGS = 1


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="scenario or member catalogue files to check")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (file:line:col lines, the default) or json (a list of finding objects)",
    )


def run(args: argparse.Namespace) -> int:
    import json
    import os
    import sys

    from boardsim.adapters.diagnostics_format import findings_to_json, format_finding, format_summary
    from boardsim.adapters.scenario_loader import load_scenario

    results = [load_scenario(path) for path in args.files]
    findings = [item for result in results for item in result.findings]
    if args.format == "json":
        print(json.dumps(findings_to_json(findings), indent=2, ensure_ascii=False))
    else:
        colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        for item in findings:
            print(format_finding(item, colour=colour))
        print(format_summary(findings, len(results)))
    return EXIT_FINDINGS if any(result.has_errors for result in results) else EXIT_CLEAN
