"""Semantic checks over a validated scenario: references, state usage, conditions, timing, dilemmas,
accountabilities, playthroughs and text markers.

`check_scenario` is pure: it takes a `Scenario` the models accepted and returns findings whose `path` is a
path into the INPUT document (aliases such as "from", list indices as ints, mapping keys as strings) and,
for problems inside a condition, an `offset` into the condition's text. The YAML adapter turns both into
file:line:col. Structural problems (unknown keys, wrong types, bad amounts) never reach here: the loader
reports them while validating, with the codes in `LOADER_CODES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from boardsim.core.diagnostics import CHECK_CODES, Finding
from boardsim.core.scenario import Scenario

from .accountabilities import check_accountabilities
from .conditions import check_conditions
from .dilemmas import check_dilemmas
from .duplicates import check_duplicates
from .index import ScenarioIndex, build_index
from .playthroughs import check_playthroughs
from .references import check_references
from .state_usage import check_state_usage
from .text_markers import check_text_markers
from .timing import check_timing

_LOADER_PREFIXES = ("file-", "yaml-", "include-")
_LOADER_ONLY = {
    "not-a-file",
    "unreadable-file",
    "binary-file",
    "not-utf8",
    "unknown-catalogue-member",
    "wrong-format",
    "unknown-field",
    "missing-field",
    "wrong-type",
    "bad-value",
    "bad-duration",
    "bad-amount",
    "bad-date",
    "bad-time",
}

LOADER_CODES: frozenset[str] = frozenset(
    code for code in CHECK_CODES if code in _LOADER_ONLY or code.startswith(_LOADER_PREFIXES)
)
"""Codes only the loader reports (reading files, YAML, includes, schema validation); the checker never does.

Every `file-*`, `yaml-*` and `include-*` code is the loader's, including any registered later.
`bad-amount` can also come out of a condition (a malformed money literal such as `£1.5.2m`), through the
expression compiler's error; it is documented with the loader's codes because it means the same thing.
"""

SEMANTIC_CODES: frozenset[str] = frozenset(code for code in CHECK_CODES if code not in LOADER_CODES)
"""Codes `check_scenario` reports: references and meaning, and the expression language (`expr-*`)."""

_CHECKS: tuple[Callable[[ScenarioIndex], Iterable[Finding]], ...] = (
    check_duplicates,
    check_references,
    check_state_usage,
    check_conditions,
    check_timing,
    check_dilemmas,
    check_accountabilities,
    check_playthroughs,
    check_text_markers,
)


def check_scenario(scenario: Scenario) -> list[Finding]:
    """Every semantic problem in a validated scenario, each with its registered code, level, path and hint."""
    index = build_index(scenario)
    findings: list[Finding] = []
    for check in _CHECKS:
        findings.extend(check(index))
    return findings


__all__ = ["LOADER_CODES", "SEMANTIC_CODES", "check_scenario"]
