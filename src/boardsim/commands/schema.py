"""`boardsim schema`: print (or write) the JSON Schema of the scenario format, for editor completion.

Point an editor at it with the modeline `# yaml-language-server: $schema=./boardsim.schema.json` at the top of
a scenario. After changing the format models, refresh the committed copies with
`boardsim schema --output scenarios/boardsim.schema.json` and
`boardsim schema --catalogue --output scenarios/catalogues/boardsim-catalogue.schema.json`.
"""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--catalogue",
        action="store_true",
        help="the schema of member catalogue files (boardsim-catalogue/1) instead of scenarios",
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write the schema to FILE (UTF-8, 2-space indent) instead of printing it",
    )


def run(args: argparse.Namespace) -> int:
    from boardsim.adapters.field_docs import field_docstring
    from boardsim.core.scenario.schema import catalogue_json_schema, scenario_json_schema, schema_text

    generate = catalogue_json_schema if args.catalogue else scenario_json_schema
    schema = generate(field_docstring)
    text = schema_text(schema)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"boardsim schema: cannot write {args.output}: {reason}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}", file=sys.stderr)
    return 0
