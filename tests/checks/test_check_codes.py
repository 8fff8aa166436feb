"""One row per semantic check code: a patch to the minimal scenario in, the code at its path (and offset) out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from boardsim.core.checks import LOADER_CODES, SEMANTIC_CODES, check_scenario
from boardsim.core.diagnostics import CHECK_CODES, Finding, YamlPath
from boardsim.core.scenario import Scenario

from .conftest import MINIMAL_SCENARIO, REQUIRES, SPLIT, Document, at, check_document, drop, patches, put, set_requires


@dataclass(frozen=True)
class Case:
    """A patch to the minimal scenario and where its finding must be reported."""

    code: str
    patch: Callable[[Document], object]
    path: YamlPath
    offset: int | None = None
    hint_contains: str = ""
    after_validation: Callable[[Scenario], Scenario] | None = field(default=None)


def long_condition(scenario: Scenario) -> Scenario:
    """Put a 600-character condition where the models would refuse one (they cap conditions at 500)."""
    dilemma = scenario.dilemmas[0]
    option = dilemma.options[0].model_copy(update={"requires": "waits > 1 and " * 42 + "waits > 1"})
    dilemma = dilemma.model_copy(update={"options": [option, *dilemma.options[1:]]})
    return scenario.model_copy(update={"dilemmas": [dilemma, *scenario.dilemmas[1:]]})


CASES: list[Case] = [
    # --- expressions -------------------------------------------------------------------------------------
    Case("expr-syntax", set_requires('budget("icb") >'), REQUIRES),
    Case("expr-forbidden", set_requires("waits ** 2 > 10"), REQUIRES),
    Case("expr-unknown-name", set_requires("wait > 10"), REQUIRES, offset=0, hint_contains="waits"),
    Case("expr-unknown-function", set_requires('budgett("icb") > 0'), REQUIRES, offset=0),
    Case("expr-bad-arguments", set_requires("budget() > 0"), REQUIRES),
    Case("expr-too-long", lambda d: None, REQUIRES, after_validation=long_condition),
    Case("expr-too-deep", set_requires("not " * 30 + "signed"), REQUIRES),
    Case("expr-type", set_requires("waits + signed > 1"), REQUIRES),
    # --- ids -----------------------------------------------------------------------------------------------
    Case("duplicate-id", put("members", 1, "id", value="council"), ("members", 1, "id")),
    Case("duplicate-id", put("members", 1, "id", value="all"), ("members", 1, "id")),
    Case("duplicate-id", put("pools", 0, "id", value="icb"), ("pools", 0, "id")),
    Case("duplicate-id", put("pools", 0, "id", value="external"), ("pools", 0, "id")),
    Case("duplicate-id", put("timeline", 1, "id", value="letter"), ("timeline", 1, "id")),
    Case("duplicate-id", put("dilemmas", 1, "id", value="share"), ("dilemmas", 1, "id")),
    Case("duplicate-id", put("dilemmas", 0, "options", 1, "id", value="split"), ("dilemmas", 0, "options", 1, "id")),
    Case(
        "duplicate-id",
        put("dilemmas", 1, "options", 0, "commitments", value=[at(MINIMAL_SCENARIO, *SPLIT, "commitments", 0)]),
        ("dilemmas", 1, "options", 0, "commitments", 0, "id"),
    ),
    Case(
        "duplicate-id",
        lambda d: at(d, "members", 0, "accountabilities").append(at(d, "members", 0, "accountabilities", 0)),
        ("members", 0, "accountabilities", 1, "id"),
    ),
    Case("duplicate-id", lambda d: d["playthroughs"].append(d["playthroughs"][0]), ("playthroughs", 1, "name")),
    # --- references ----------------------------------------------------------------------------------------
    Case(
        "unknown-member",
        put("dilemmas", 0, "deciders", value=["council", "icd"]),
        ("dilemmas", 0, "deciders", 1),
        hint_contains="did you mean `icb`?",
    ),
    Case("unknown-member", put("timeline", 1, "audience", value=["icd"]), ("timeline", 1, "audience", 0)),
    Case("unknown-member", put(*SPLIT, "lead", value="counsil"), (*SPLIT, "lead")),
    Case("unknown-member", put("trust", 0, "from", value="nhs"), ("trust", 0, "from")),
    Case("unknown-member", put("pools", 0, "host", value="nhs"), ("pools", 0, "host")),
    Case("unknown-member", put("dilemmas", 1, "on_close", 0, "to", value="icd"), ("dilemmas", 1, "on_close", 0, "to")),
    Case("unknown-member", put(*SPLIT, "commitments", 0, "by", value="icd"), (*SPLIT, "commitments", 0, "by")),
    Case("unknown-member", put(*SPLIT, "private_notes", value={"icd": "a secret"}), (*SPLIT, "private_notes", "icd")),
    Case(
        "unknown-member",
        put("dilemmas", 2, "mode", "bounds", "nhs", value={"max": "£1m"}),
        ("dilemmas", 2, "mode", "bounds", "nhs"),
    ),
    Case(
        "unknown-member",
        put("playthroughs", 0, "seats", value={"icd": "cautious"}),
        ("playthroughs", 0, "seats", "icd"),
    ),
    Case(
        "unknown-member",
        set_requires('budget("icd") > £1m'),
        REQUIRES,
        offset=len("budget("),
        hint_contains="did you mean `icb`?",
    ),
    Case(
        "unknown-option",
        set_requires('not chosen("sign", "yse")'),
        REQUIRES,
        offset=len('not chosen("sign", '),
        hint_contains="did you mean `yes`?",
    ),
    Case(
        "unknown-option",
        put("debrief", 0, "when", value='chosen("share") == "spilt"'),
        ("debrief", 0, "when"),
        offset=len('chosen("share") == '),
        hint_contains="did you mean `split`?",
    ),
    Case("unknown-dilemma", set_requires('closed("shar")'), REQUIRES, offset=len("closed("), hint_contains="`share`"),
    Case("unknown-dilemma", put("debrief", 0, "about", value=["nothing"]), ("debrief", 0, "about", 0)),
    Case(
        "unknown-inject",
        put(*SPLIT, "effects", 3, "inject", value="leter"),
        (*SPLIT, "effects", 3, "inject"),
        hint_contains="did you mean `letter`?",
    ),
    Case("unknown-inject", set_requires('fired("leter")'), REQUIRES, offset=len("fired(")),
    Case("unknown-pool", put("dilemmas", 2, "mode", "pool", value="fnd"), ("dilemmas", 2, "mode", "pool")),
    Case("unknown-pool", set_requires('pool("fnd") > 0'), REQUIRES, offset=len("pool("), hint_contains="`fund`"),
    Case(
        "unknown-account",
        put(*SPLIT, "effects", 0, "to", value="fnd"),
        (*SPLIT, "effects", 0, "to"),
        hint_contains="did you mean `fund`?",
    ),
    Case(
        "unknown-state",
        put(*SPLIT, "effects", 1, "target", value="wait"),
        (*SPLIT, "effects", 1, "target"),
        hint_contains="did you mean `waits`?",
    ),
    Case("unknown-state", put("members", 0, "priorities", "wait", value=1), ("members", 0, "priorities", "wait")),
    Case(
        "unknown-state", put("shared_purpose", "priorities", "wait", value=1), ("shared_purpose", "priorities", "wait")
    ),
    Case("unknown-commitment", set_requires('kept("pay")'), REQUIRES, offset=len("kept("), hint_contains="`pay-in`"),
    Case(
        "unknown-accountability",
        set_requires('breached("council", "balance")'),
        REQUIRES,
        offset=len('breached("council", '),
        hint_contains="did you mean `balanced`?",
    ),
    Case(
        "role-out-of-context",
        put(
            "dilemmas",
            1,
            "options",
            0,
            "effects",
            1,
            value={"kind": "move", "from": "chooser", "to": "fund", "amount": "£1m"},
        ),
        ("dilemmas", 1, "options", 0, "effects", 1, "from"),
    ),
    Case(
        "role-out-of-context",
        put("dilemmas", 0, "options", 1, "effects", value=[{"kind": "trust", "from": "lead", "to": "icb", "by": 1}]),
        ("dilemmas", 0, "options", 1, "effects", 0, "from"),
    ),
    Case(
        "role-out-of-context",
        put("timeline", 0, "effects", value=[{"kind": "move", "from": "external", "to": "chooser", "amount": "£1m"}]),
        ("timeline", 0, "effects", 0, "to"),
    ),
    Case(
        "role-out-of-context",
        put("dilemmas", 1, "on_close", 0, "from", value="lead"),
        ("dilemmas", 1, "on_close", 0, "from"),
    ),
    Case(
        "role-out-of-context",
        put("dilemmas", 1, "on_close", 0, "to", value="all"),
        ("dilemmas", 1, "on_close", 0, "to"),
    ),
    Case("self-trust", put("trust", 0, "to", value="icb"), ("trust", 0, "to")),
    Case("self-trust", put("dilemmas", 1, "on_close", 0, "to", value="council"), ("dilemmas", 1, "on_close", 0, "to")),
    # --- state -----------------------------------------------------------------------------------------------
    Case("unused-state", put("state", "spare", value={"type": "flag"}), ("state", "spare")),
    Case("reserved-state-name", put("state", "lambda", value={"type": "flag"}), ("state", "lambda")),
    Case("reserved-state-name", put("state", "true", value={"type": "flag"}), ("state", "true")),
    Case("initial-out-of-range", put("state", "waits", "initial", value=150), ("state", "waits", "initial")),
    Case(
        "change-wrong-kind",
        patches(
            drop("dilemmas", 1, "options", 0, "effects", 0, "to"),
            put("dilemmas", 1, "options", 0, "effects", 0, "by", value=1),
        ),
        ("dilemmas", 1, "options", 0, "effects", 0, "by"),
    ),
    Case(
        "change-wrong-kind",
        put("dilemmas", 1, "options", 0, "effects", 0, "to", value=1),
        ("dilemmas", 1, "options", 0, "effects", 0, "to"),
    ),
    Case(
        "change-wrong-kind",
        patches(drop(*SPLIT, "effects", 1, "by"), put(*SPLIT, "effects", 1, "to", value=True)),
        (*SPLIT, "effects", 1, "to"),
    ),
    # --- conditions that never hold ---------------------------------------------------------------------------
    Case("requires-never-holds", set_requires("waits > 200"), REQUIRES, hint_contains="[0, 100]"),
    Case("condition-never-holds", put("timeline", 1, "when", value="waits < -5"), ("timeline", 1, "when")),
    Case(
        "condition-never-holds",
        put(*SPLIT, "commitments", 0, "kept_when", value="elapsed_months() > 40"),
        (*SPLIT, "commitments", 0, "kept_when"),
    ),
    Case(
        "no-selectable-option",
        patches(set_requires("waits > 200"), put("dilemmas", 0, "options", 1, "requires", value="not (waits >= 0)")),
        ("dilemmas", 0, "options"),
    ),
    # --- dilemmas ------------------------------------------------------------------------------------------
    Case("no-options", put("dilemmas", 1, "options", value=[]), ("dilemmas", 1, "options")),
    Case("no-options", drop("dilemmas", 1, "options"), ("dilemmas", 1, "id")),
    Case(
        "bad-default",
        put("dilemmas", 0, "default", value="spilt"),
        ("dilemmas", 0, "default"),
        hint_contains="did you mean `split`?",
    ),
    Case("bad-default", put("dilemmas", 2, "default", value="nothing"), ("dilemmas", 2, "default")),
    Case("bad-default", put("dilemmas", 2, "default", value="£9m"), ("dilemmas", 2, "default")),
    Case("no-trigger", drop("dilemmas", 0, "at"), ("dilemmas", 0, "id")),
    Case("pledge-bounds", put("dilemmas", 2, "mode", "min", value="£6m"), ("dilemmas", 2, "mode", "min")),
    Case(
        "pledge-options",
        put("dilemmas", 2, "options", value=[{"id": "give", "label": "Give"}]),
        ("dilemmas", 2, "options"),
    ),
    Case(
        "pledge-bounds",
        put("dilemmas", 2, "mode", "bounds", "icb", "min", value="-£1m"),
        ("dilemmas", 2, "mode", "bounds", "icb", "min"),
    ),
    Case("pledge-bounds", put("dilemmas", 2, "deciders", value=["council"]), ("dilemmas", 2, "mode", "bounds", "icb")),
    # --- timing --------------------------------------------------------------------------------------------
    Case("after-horizon", put("timeline", 0, "at", value="13 months"), ("timeline", 0, "at")),
    Case("after-horizon", put("dilemmas", 0, "at", value="2028-05-01"), ("dilemmas", 0, "at")),
    Case(
        "after-horizon",
        patches(put("dilemmas", 0, "at", value="11 months"), put("dilemmas", 0, "deadline", value="6 weeks")),
        ("dilemmas", 0, "deadline"),
    ),
    Case("after-horizon", put(*SPLIT, "effects", 1, "after", value="11 months"), (*SPLIT, "effects", 1, "after")),
    Case("after-horizon", put(*SPLIT, "commitments", 0, "due", value="1 year"), (*SPLIT, "commitments", 0, "due")),
    Case("never-fires", drop("timeline", 1, "when"), ("timeline", 1, "id")),
    Case("never-fires", put("dilemmas", 1, "when", value="waits > 100"), ("dilemmas", 1, "when")),
    Case(
        "untouched-accountability",
        patches(
            put("state", "rating", value={"type": "number", "initial": 3, "range": [1, 4]}),
            put(
                "members",
                1,
                "accountabilities",
                value=[
                    {
                        "id": "rated",
                        "kind": "target",
                        "description": "Stay rated good.",
                        "holds_when": "rating >= 3",
                        "answers_to": "CQC",
                    }
                ],
            ),
        ),
        ("members", 1, "accountabilities", 0, "holds_when"),
    ),
    # --- playthroughs --------------------------------------------------------------------------------------
    Case(
        "playthrough-unknown-choice",
        put("playthroughs", 0, "choices", "shar", value="split"),
        ("playthroughs", 0, "choices", "shar"),
        hint_contains="did you mean `share`?",
    ),
    Case(
        "playthrough-unknown-choice",
        put("playthroughs", 0, "choices", "share", value="spilt"),
        ("playthroughs", 0, "choices", "share"),
    ),
    Case(
        "playthrough-unknown-choice",
        patches(
            put("dilemmas", 0, "deciders", value=["icb"]),
            put("playthroughs", 0, "choices", "share", value={"council": "split"}),
        ),
        ("playthroughs", 0, "choices", "share", "council"),
    ),
    Case(
        "playthrough-unknown-choice",
        put("playthroughs", 0, "choices", "pledge", "icb", value="£9m"),
        ("playthroughs", 0, "choices", "pledge", "icb"),
    ),
    Case(
        "playthrough-unknown-choice",
        put("playthroughs", 0, "choices", "pledge", "icb", value="lots"),
        ("playthroughs", 0, "choices", "pledge", "icb"),
    ),
    # --- text --------------------------------------------------------------------------------------------------
    Case("todo", put("members", 1, "brief", value="TODO: write the ICB's brief"), ("members", 1, "brief")),
    Case("todo", put(*SPLIT, "effects", 1, "note", value="FIXME pick a number"), (*SPLIT, "effects", 1, "note")),
]


def _case_id(case: Case) -> str:
    return f"{case.code}@{'.'.join(str(element) for element in case.path)}"


def _findings_for(case: Case, document: Document) -> list[Finding]:
    case.patch(document)
    if case.after_validation is None:
        return check_document(document)
    return check_scenario(case.after_validation(Scenario.model_validate(document)))


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_code_is_reported_at_its_path(case: Case, scenario_dict: Callable[[], Document]) -> None:
    """Each patch to the minimal scenario yields its code at its path and level (offset and hint where given)."""
    findings = _findings_for(case, scenario_dict())
    matching = [f for f in findings if f.code == case.code and f.path == case.path]
    assert matching, f"{case.code} not at {case.path}; got {[(f.code, f.path) for f in findings]}"
    reported = matching[0]
    assert reported.level == CHECK_CODES[case.code].level
    assert reported.message
    if case.offset is not None:
        assert reported.offset == case.offset
    if case.hint_contains:
        assert case.hint_contains in reported.hint


def test_minimal_scenario_is_clean() -> None:
    """The unpatched minimal scenario, which uses every kind of reference, produces no finding at all."""
    assert check_document(dict(MINIMAL_SCENARIO)) == []


def test_every_semantic_code_has_a_row() -> None:
    """The table covers every registered code except the loader's, so a new check cannot ship untested."""
    assert {case.code for case in CASES} == set(CHECK_CODES) - LOADER_CODES


def test_loader_and_semantic_codes_split_the_registry() -> None:
    """Every registered code is either the loader's or the checker's, and LOADER_CODES names only real codes."""
    assert set(CHECK_CODES) >= LOADER_CODES
    assert set(CHECK_CODES) - LOADER_CODES == SEMANTIC_CODES
