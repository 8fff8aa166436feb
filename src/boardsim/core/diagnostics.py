"""Findings about a scenario, and the registry of their stable codes.

A finding is produced by the pure checker (which knows YAML paths, not files) or by the YAML adapter
(which knows files, lines and columns). The adapter places every finding at `file:line:col` by looking its
path up in the position map it kept while parsing. Codes are stable: designers search for them, CI scripts
filter on them, and `facilitator_guide/authoring.md` documents each one with a snippet that triggers it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

Level = Literal["error", "warning", "info"]
PathElement = str | int
YamlPath = tuple[PathElement, ...]


@dataclass(frozen=True, slots=True)
class SourcePosition:
    """Where a value was written: a file and a 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem (or note) about a scenario.

    `path` is the YAML path of the offending value, e.g. ("members", 2, "budget", "amount").
    `offset` is a character offset inside that value's text, for errors inside a condition.
    """

    code: str
    message: str
    path: YamlPath = ()
    hint: str = ""
    offset: int | None = None
    position: SourcePosition | None = None
    level: Level = field(default="error")

    def placed(self, position: SourcePosition | None) -> Finding:
        """The same finding at a known source position."""
        return replace(self, position=position)

    @property
    def yaml_path(self) -> str:
        """The path written the way designers read it: members[2].budget.amount."""
        text = ""
        for element in self.path:
            text += f"[{element}]" if isinstance(element, int) else (f".{element}" if text else element)
        return text


@dataclass(frozen=True, slots=True)
class CheckCode:
    """A documented, stable finding code."""

    code: str
    level: Level
    summary: str


def _codes(*entries: tuple[str, Level, str]) -> dict[str, CheckCode]:
    return {code: CheckCode(code, level, summary) for code, level, summary in entries}


CHECK_CODES: dict[str, CheckCode] = _codes(
    # --- reading the file -------------------------------------------------------------------------------
    ("file-not-found", "error", "The file does not exist."),
    ("not-a-file", "error", "The path is a directory or device, not a scenario file."),
    ("unreadable-file", "error", "The file exists but cannot be read (permissions)."),
    ("file-too-large", "error", "The file is larger than a scenario can sensibly be (2 MiB)."),
    ("binary-file", "error", "The file holds binary data, not text."),
    ("not-utf8", "error", "The file is not UTF-8 text."),
    # --- YAML ---------------------------------------------------------------------------------------------
    ("yaml-syntax", "error", "The text is not valid YAML."),
    ("yaml-duplicate-key", "error", "A key appears twice in the same mapping; YAML would keep only one."),
    ("yaml-unsafe-tag", "error", "A tag such as !!python/object asks YAML to build program objects."),
    ("yaml-unknown-tag", "error", "A tag boardsim does not understand."),
    ("yaml-alias-limit", "error", "Too many aliases or anchors (a document that expands without bound)."),
    ("yaml-too-deep", "error", "Values nested deeper than any scenario needs."),
    ("yaml-not-mapping", "error", "The document is not a mapping of keys to values."),
    ("yaml-bool-word", "warning", "An unquoted yes/no/on/off, which YAML 1.1 tools read as true/false."),
    ("yaml-sexagesimal", "error", "A value like 1:30, which YAML 1.1 reads as a base-60 number."),
    ("yaml-leading-zero", "error", "A number with a leading zero, which YAML 1.1 reads as octal."),
    ("include-not-found", "error", "An included catalogue does not exist."),
    ("include-cycle", "error", "Catalogues include each other in a loop."),
    ("include-invalid", "error", "An included file is not a member catalogue."),
    ("unknown-catalogue-member", "error", "`extends:` names a member no included catalogue has."),
    # --- schema -------------------------------------------------------------------------------------------
    ("wrong-format", "error", "The `format:` line is missing or names another format version."),
    ("unknown-field", "error", "A key the format does not have (often a typo)."),
    ("missing-field", "error", "A required key is missing."),
    ("wrong-type", "error", "A value of the wrong kind (text where a number is expected, …)."),
    ("bad-value", "error", "A value outside what the field allows."),
    ("bad-duration", "error", "A duration without a unit, or in an unknown unit."),
    ("bad-amount", "error", "An amount of money not written as pounds, e.g. '£2.5m'."),
    ("bad-date", "error", "A date not written as YYYY-MM-DD."),
    ("bad-time", "error", "A time that is neither an offset ('3 months') nor a date."),
    # --- conditions ---------------------------------------------------------------------------------------
    ("expr-syntax", "error", "A condition that cannot be parsed."),
    ("expr-forbidden", "error", "A condition uses a construct the language does not allow."),
    ("expr-unknown-name", "error", "A condition names state that is not declared."),
    ("expr-unknown-function", "error", "A condition calls a function the language does not have."),
    ("expr-bad-arguments", "error", "A function is called with the wrong number or kind of arguments."),
    ("expr-too-long", "error", "A condition longer than 500 characters."),
    ("expr-too-deep", "error", "A condition nested more deeply than 20 levels."),
    ("expr-type", "error", "A condition mixes kinds that cannot be compared or added."),
    # --- references and meaning ---------------------------------------------------------------------------
    ("duplicate-id", "error", "Two things of the same kind share an id."),
    ("unknown-member", "error", "A reference to a member that is not at the table."),
    ("unknown-option", "error", "A reference to an option the dilemma does not have."),
    ("unknown-dilemma", "error", "A reference to a dilemma that does not exist."),
    ("unknown-inject", "error", "A reference to an inject that does not exist."),
    ("unknown-pool", "error", "A reference to a pool that does not exist."),
    ("unknown-account", "error", "Money moved from or to something that is neither a budget, a pool nor external."),
    ("unknown-state", "error", "A reference to state that is not declared."),
    ("unknown-commitment", "error", "A reference to a commitment that does not exist."),
    ("unknown-accountability", "error", "A reference to an accountability the member does not have."),
    ("role-out-of-context", "error", "`chooser` or `lead` used where there is no such member."),
    ("unused-state", "warning", "State that nothing reads or changes."),
    ("reserved-state-name", "error", "State named after a reserved word (true, and, ...): no condition can read it."),
    ("initial-out-of-range", "error", "A measure starts outside its declared range."),
    ("change-wrong-kind", "error", "A change sets a flag to a number or a measure to true/false."),
    ("requires-never-holds", "error", "An option's `requires` can never be true given the declared ranges."),
    ("condition-never-holds", "warning", "A `when` condition can never be true given the declared ranges."),
    ("no-selectable-option", "error", "A dilemma none of whose options could ever be chosen."),
    ("no-options", "error", "An individual or vote dilemma with no options."),
    ("bad-default", "error", "A dilemma's default is not one of its options (or not an amount, for pledges)."),
    ("no-trigger", "error", "A dilemma with neither `at` nor `when`: it never opens."),
    ("after-horizon", "warning", "Something scheduled after the scenario's horizon never happens."),
    ("never-fires", "warning", "An inject or dilemma that nothing can ever set off."),
    ("untouched-accountability", "warning", "An accountability whose condition no dilemma or inject can affect."),
    ("pledge-options", "error", "Options written on a pledge dilemma, where they are never applied."),
    ("pledge-bounds", "error", "Pledge limits where the minimum is above the maximum, or not a decider."),
    ("self-trust", "error", "Trust from a member to itself."),
    ("playthrough-unknown-choice", "error", "A playthrough forces a choice that does not exist."),
    ("todo", "info", "A TODO or FIXME marker left in the text."),
)


def code_level(code: str) -> Level:
    """The level of a registered code (unknown codes are errors, so a typo never hides a problem)."""
    entry = CHECK_CODES.get(code)
    return entry.level if entry else "error"


def finding(code: str, message: str, path: YamlPath = (), hint: str = "", offset: int | None = None) -> Finding:
    """A finding at the registered level of its code."""
    return Finding(code=code, message=message, path=path, hint=hint, offset=offset, level=code_level(code))
