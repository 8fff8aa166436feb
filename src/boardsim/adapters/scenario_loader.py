"""Load a scenario file: read, include, extend, validate, check, and place every finding at file:line:col.

`load_scenario` is what `boardsim check`, `run`, `test`, `play` and `sweep` call. It never raises: whatever
the input (a missing file, binary junk, an alias bomb, a schema error, a bug in a check), the caller gets a
`LoadResult` whose findings say what is wrong and where. A member catalogue (`format: boardsim-catalogue/1`)
is validated as a catalogue, so `boardsim check` works on catalogues too.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from boardsim.core.diagnostics import Finding, SourcePosition, finding
from boardsim.core.scenario import CATALOGUE_FORMAT_VERSION, FORMAT_VERSION, Catalogue, Scenario

from .catalogue_includes import apply_extends, resolve_includes
from .pydantic_errors import validate_document
from .source_file import read_source
from .source_positions import PositionMap
from .yaml_source import YamlDocument, parse_yaml

# Problems the YAML reader already reported at a value; validation errors about the same value would only
# repeat them in other words.
_READER_VALUE_CODES = frozenset({"yaml-sexagesimal", "yaml-leading-zero", "yaml-unsafe-tag", "yaml-unknown-tag"})


@dataclass(slots=True)
class LoadResult:
    """What loading one file produced: the scenario (if it is valid) and every finding, placed and sorted."""

    path: str
    scenario: Scenario | None
    findings: list[Finding] = field(default_factory=list)
    catalogue: Catalogue | None = None
    """Set instead of `scenario` when the file is a valid member catalogue."""

    @property
    def has_errors(self) -> bool:
        """Whether any finding is at error level (warnings and notes do not stop a scenario being played)."""
        return any(item.level == "error" for item in self.findings)


def load_scenario(path: str | os.PathLike[str]) -> LoadResult:
    """Load and check the scenario (or member catalogue) at `path`. Never raises on any input."""
    file = os.fspath(path)
    try:
        return _load(file)
    except Exception as error:  # a bug in boardsim: still report it as a finding, never a traceback
        problem = Finding(
            code="internal-error",
            message=f"boardsim failed while checking this file ({type(error).__name__}: {error})",
            hint="this is a bug in boardsim, not in your file: please report it with the file attached",
            position=SourcePosition(file, 1, 1),
        )
        return LoadResult(file, None, [problem])


def _load(file: str) -> LoadResult:
    source = read_source(file)
    if isinstance(source, Finding):
        return LoadResult(file, None, [source])
    document = parse_yaml(source.text, file)
    if document.data is None:
        return LoadResult(file, None, _sorted(document.findings, file))
    written_format = document.data.get("format")
    if written_format == CATALOGUE_FORMAT_VERSION:
        return _load_catalogue(document)
    if written_format != FORMAT_VERSION:
        return LoadResult(file, None, _sorted([*document.findings, _wrong_format(document)], file))
    return _load_scenario(document)


def _load_scenario(document: YamlDocument) -> LoadResult:
    assert document.data is not None
    file = document.file
    positions = document.positions
    included = resolve_includes(document)
    data, extend_findings = apply_extends(document.data, positions, included)
    scenario, schema_findings = validate_document(Scenario, data, positions, file)
    findings = [
        *document.findings,
        *included.findings,
        *extend_findings,
        *_without_repeats(schema_findings, document.findings, extend_findings),
    ]
    if scenario is not None:
        findings.extend(_semantic_findings(scenario, positions, file))
    return LoadResult(file, scenario, _sorted(findings, file))


def _load_catalogue(document: YamlDocument) -> LoadResult:
    assert document.data is not None
    included = resolve_includes(document)
    catalogue, schema_findings = validate_document(Catalogue, document.data, document.positions, document.file)
    findings = [*document.findings, *included.findings, *_without_repeats(schema_findings, document.findings)]
    return LoadResult(document.file, None, _sorted(findings, document.file), catalogue=catalogue)


def _semantic_findings(scenario: Scenario, positions: PositionMap, file: str) -> list[Finding]:
    """The pure checker's findings, placed; an empty list while the checker is not installed."""
    check_scenario = _checker()
    if check_scenario is None:
        return []
    try:
        found = check_scenario(scenario)
    except Exception as error:  # a bug in a check must not hide the other findings
        return [
            Finding(
                code="internal-error",
                message=f"a semantic check failed ({type(error).__name__}: {error}); other checks still ran",
                hint="this is a bug in boardsim, not in your file: please report it with the file attached",
                position=SourcePosition(file, 1, 1),
            )
        ]
    return [positions.place(item, default_file=file) for item in found]


def _checker() -> Callable[[Scenario], list[Finding]] | None:
    try:
        from boardsim.core.checks import check_scenario
    except ImportError:
        return None
    return check_scenario


def _wrong_format(document: YamlDocument) -> Finding:
    assert document.data is not None
    written = document.data.get("format")
    if written is None:
        problem = finding(
            "wrong-format",
            "this file has no `format:` line, so boardsim cannot tell what it is",
            hint=f"a scenario starts with `format: {FORMAT_VERSION}`; a member catalogue with "
            f"`format: {CATALOGUE_FORMAT_VERSION}`",
        )
        return problem.placed(SourcePosition(document.file, 1, 1))
    hint = f"this version of boardsim reads scenarios in `format: {FORMAT_VERSION}`"
    if isinstance(written, str) and written.startswith("boardsim/"):
        hint += "; the file may be for a newer or older boardsim"
    problem = finding("wrong-format", f"`format: {written}` is not a format boardsim knows", ("format",), hint)
    return document.positions.place(problem, default_file=document.file)


def _without_repeats(
    schema_findings: list[Finding], reader_findings: list[Finding], extend_findings: Sequence[Finding] = ()
) -> list[Finding]:
    """Drop validation findings that only repeat an earlier one in other words: about a value the reader
    already reported (e.g. a `1:30` time), or fields missing from a member whose `extends:` names nothing."""
    reported = [item.path for item in reader_findings if item.code in _READER_VALUE_CODES and item.path]
    not_extended = {item.path[:-1] for item in extend_findings if item.code == "unknown-catalogue-member"}
    return [
        item
        for item in schema_findings
        if not any(item.path[: len(path)] == path for path in reported)
        and not (item.code == "missing-field" and item.path in not_extended)
    ]


def _sorted(findings: list[Finding], main_file: str) -> list[Finding]:
    """Findings in reading order (the file checked first, then included files; by line and column), each
    reported once: a bad value in a catalogue is found both in the catalogue and in members extending it."""

    def order(item: Finding) -> tuple[bool, str, int, int, str]:
        position = item.position or SourcePosition(main_file, 0, 0)
        return (position.file != main_file, position.file, position.line, position.column, item.code)

    unique = {(item.code, item.position, item.message): item for item in reversed(findings)}
    return sorted(unique.values(), key=order)
