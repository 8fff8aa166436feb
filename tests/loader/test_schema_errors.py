"""Validation errors become findings in a designer's words, with a code, the YAML path and the position."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from boardsim.adapters.scenario_loader import LoadResult

from .conftest import VALID_SCENARIO, column_of, line_of


@dataclass(frozen=True)
class Case:
    """Replace `old` with `new` in the valid scenario; expect one error with this code, path and position."""

    old: str
    new: str
    code: str
    path: str
    at: str
    """The text the finding points at: its first occurrence in the edited scenario, at the `^` if it has one."""
    words: str = ""
    """Something the message or hint must say."""


CASES = {
    "unknown-field-with-suggestion": Case(
        "members:\n", "memebrs:\n", "unknown-field", "memebrs", "memebrs:", "`members`"
    ),
    "unknown-field-in-effect": Case(
        "{kind: trust, from: all",
        "{kind: trust, form: all",
        "unknown-field",
        "dilemmas[0].options[1].effects[0].form",
        "form: all",
        "`from`",
    ),
    "missing-field": Case("    seat: Chief Executive\n", "", "missing-field", "members[1]", "id: icb", "`seat`"),
    "wrong-type-text-for-number": Case(
        "initial: 80,",
        "initial: lots,",
        "wrong-type",
        "state.delayed_discharges.initial",
        "lots",
        "expected a number, got the text 'lots'",
    ),
    "wrong-type-number-for-text": Case("title: A tiny board", "title: 2027", "wrong-type", "title", "2027", "'2027'"),
    "wrong-type-text-for-mapping": Case(
        'budget: {amount: "£300m"}', "budget: £300m", "wrong-type", "members[1].budget", "£300m", "amount, floor"
    ),
    "bad-amount": Case(
        'amount: "£300m"', "amount: 300", "bad-amount", "members[1].budget.amount", "amount: ^300}", "£"
    ),
    "bad-duration": Case(
        "horizon: 12 months", "horizon: 12", "bad-duration", "calendar.horizon", "horizon: ^12}", "unit"
    ),
    "bad-duration-unit": Case(
        "deadline: 1 month", "deadline: 1 fortnight", "bad-duration", "dilemmas[0].deadline", "1 fortnight", "unit"
    ),
    "bad-date": Case("start: 2027-04-01", "start: 1 April 2027", "bad-date", "calendar.start", "1 April", "YYYY-MM-DD"),
    "bad-time": Case("at: 3 months", "at: soon", "bad-time", "timeline[0].at", "soon", "'3 months'"),
    "effect-kind-typo": Case(
        "{kind: trust, from: all",
        "{kind: trsut, from: all",
        "bad-value",
        "dilemmas[0].options[1].effects[0].kind",
        "trsut",
        "did you mean `trust`?",
    ),
    "effect-kind-missing": Case(
        "{kind: trust, from: all",
        "{from: all",
        "missing-field",
        "dilemmas[0].options[1].effects[0]",
        "{from: all",
        "change, move, trust, inject",
    ),
    "mode-kind-missing": Case(
        "mode: {kind: vote, rule: majority, quorum: 0.5}",
        "mode: {rule: majority}",
        "missing-field",
        "dilemmas[0].mode",
        "mode:",
        "individual, vote, pledge",
    ),
    "mode-not-a-mapping": Case(
        "mode: {kind: vote, rule: majority, quorum: 0.5}",
        "mode: vote",
        "wrong-type",
        "dilemmas[0].mode",
        "mode: ^vote",
        "mapping",
    ),
    "duration-inside-inject-effect": Case(
        "inject: winter-letter, after: 1 month",
        "inject: winter-letter, after: 3",
        "bad-duration",
        "dilemmas[0].options[0].effects[2].after",
        "after: ^3}",
        "unit",
    ),
    "literal-value": Case("kind: council", "kind: counsil", "bad-value", "members[0].kind", "counsil", "`council`"),
    "plain-union-neither-branch": Case(
        "    at: 3 months\n",
        "    at: 3 months\n    audience: everyone\n",
        "bad-value",
        "timeline[0].audience",
        "everyone",
        "'all', 'facilitator' or a list",
    ),
    "plain-union-inner-error": Case(
        "    at: 3 months\n",
        "    at: 3 months\n    audience: [council, Big Council]\n",
        "bad-value",
        "timeline[0].audience[1]",
        "Big Council",
        "`big-council`",
    ),
    "number-or-flag": Case(
        "target: s75_signed, to: true",
        "target: s75_signed, to: maybe",
        "wrong-type",
        "dilemmas[0].options[0].effects[1].to",
        "maybe",
        "a number or true/false",
    ),
    "bad-id": Case("- id: icb\n", "- id: The ICB\n", "bad-value", "members[1].id", "The ICB", "`the-icb`"),
    "bad-state-name-key": Case(
        "  s75_signed: {type: flag",
        "  S75 Signed: {type: flag",
        "bad-value",
        "state.S75 Signed",
        "S75 Signed",
        "`s75_signed`",
    ),
    "below-minimum": Case(
        "quorum: 0.5", "quorum: 0", "bad-value", "dilemmas[0].mode.quorum", "quorum: ^0}", "more than 0"
    ),
    "above-maximum": Case(
        "priorities: {delayed_discharges: -0.5}",
        "priorities: {delayed_discharges: -5}",
        "bad-value",
        "members[0].priorities.delayed_discharges",
        "discharges: ^-5}",
        "at least -1",
    ),
    "model-rule": Case(
        "{kind: change, target: delayed_discharges, by: 20}",
        "{kind: change, target: delayed_discharges, by: 20, to: 5}",
        "bad-value",
        "timeline[0].effects[0]",
        "{kind: change, target: delayed_discharges, by: 20, to",
        "exactly one",
    ),
    "too-few-values": Case(
        "range: [0, 300]",
        "range: [0]",
        "missing-field",
        "state.delayed_discharges.range",
        "range: [0]",
        "value 2",
    ),
    "empty-condition": Case(
        "requires: 'budget(\"icb\") > £1m'",
        "requires: ''",
        "bad-value",
        "dilemmas[0].options[0].requires",
        "''",
        "empty",
    ),
    "missing-field-in-union-member": Case(
        "mode: {kind: vote, rule: majority, quorum: 0.5}",
        "mode: {kind: pledge, pool: bcf-pool}",
        "missing-field",
        "dilemmas[0].mode",
        "mode:",
        "`max`",
    ),
    "text-or-mapping": Case(
        "choices: {risk-share: fifty-fifty}",
        "choices: {risk-share: 5}",
        "wrong-type",
        "playthroughs[0].choices.risk-share",
        "risk-share: ^5}",
        "text or a mapping",
    ),
    "list-expected": Case(
        'expect: [\'chosen("risk-share") == "fifty-fifty"\']',
        "expect: everyone agrees",
        "wrong-type",
        "playthroughs[0].expect",
        "everyone agrees",
        "- item",
    ),
}


@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_schema_error_is_reported_in_designer_terms(load_text: Callable[..., LoadResult], case: Case) -> None:
    """Each validation problem is one finding with the expected code, path, position and wording."""
    assert case.old in VALID_SCENARIO
    text = VALID_SCENARIO.replace(case.old, case.new, 1)
    result = load_text(text)
    assert result.scenario is None
    problems = [item for item in result.findings if item.level == "error"]
    assert [(item.code, item.yaml_path) for item in problems] == [(case.code, case.path)]
    problem = problems[0]
    assert problem.position is not None
    fragment = case.at.replace("^", "")
    column = column_of(text, fragment) + max(case.at.find("^"), 0)
    assert (problem.position.line, problem.position.column) == (line_of(text, fragment), column)
    assert case.words in problem.message + " " + problem.hint
    assert "Input should" not in problem.message  # never pydantic's programmer wording


def test_several_errors_are_all_reported_in_file_order(load_text: Callable[..., LoadResult]) -> None:
    """Every schema problem in a file is reported, sorted by line."""
    text = VALID_SCENARIO.replace("horizon: 12 months", "horizon: 12").replace("kind: council", "kind: counsil")
    result = load_text(text)
    assert [item.code for item in result.findings] == ["bad-duration", "bad-value"]
    lines = [item.position.line for item in result.findings if item.position is not None]
    assert lines == sorted(lines)


def test_missing_top_level_field_points_at_the_start(load_text: Callable[..., LoadResult]) -> None:
    """A required top-level key that is missing is reported at the document's first line."""
    result = load_text(VALID_SCENARIO.replace("place: Testshire\n", ""))
    problem = result.findings[0]
    assert (problem.code, problem.yaml_path, problem.message) == (
        "missing-field",
        "",
        "this scenario has no `place`, which is required",
    )
    assert problem.position is not None
    assert (problem.position.line, problem.position.column) == (1, 1)


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("format: boardsim/1", "format: boardsim/2", "`format: boardsim/2`"),
        ("format: boardsim/1\n", "", "no `format:` line"),
        ("format: boardsim/1", "format: 1", "`format: 1`"),
    ],
    ids=["other-version", "missing", "not-text"],
)
def test_wrong_format_is_checked_first(load_text: Callable[..., LoadResult], old: str, new: str, words: str) -> None:
    """A missing or unknown `format:` is the only finding: nothing else can be judged without it."""
    result = load_text(VALID_SCENARIO.replace(old, new, 1).replace("kind: council", "kind: counsil"))
    assert [item.code for item in result.findings] == ["wrong-format"]
    assert words in result.findings[0].message
