"""The checker never raises on a validated scenario, and every finding points at something in the document."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from boardsim.core.checks import SEMANTIC_CODES, check_scenario
from boardsim.core.diagnostics import CHECK_CODES, YamlPath
from boardsim.core.scenario import Scenario

from .conftest import MINIMAL_SCENARIO

# Words that are ids somewhere in the minimal scenario, near-misses of them, role words and other values
# designers write, so a mutation often turns one valid reference into another kind of reference.
VOCABULARY = [
    "council",
    "icb",
    "icd",
    "chooser",
    "lead",
    "all",
    "external",
    "fund",
    "share",
    "sign",
    "pledge",
    "letter",
    "escalation",
    "split",
    "refuse",
    "yes",
    "no",
    "pay-in",
    "balanced",
    "waits",
    "signed",
    "TODO later",
    "£0",
    "£9m",
    "-£1m",
    "1 month",
    "13 months",
    "2 years",
    "9999 years",
    "9999-12-31",
    "2027-01-01",
    "waits > 200",
    "waits < 50 and signed",
    'chosen("sign") == "maybe"',
    'chosen("share", "split") or closed("nope")',
    'budget("chooser") > £1m',
    'breached("icb", "balanced")',
    'kept("pay-in") and fired("letter")',
    "elapsed_months() > 20",
    "min(waits, 3) > abs(-2)",
    "waits +",
    "waits ** 2 > 1",
]


def _leaves(value: Any, path: YamlPath = ()) -> list[YamlPath]:
    """Paths of every string leaf in a document."""
    if isinstance(value, str):
        return [path]
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, (*path, key))]
    if isinstance(value, list):
        return [leaf for k, item in enumerate(value) for leaf in _leaves(item, (*path, k))]
    return []


LEAVES = _leaves(MINIMAL_SCENARIO)


def _set(document: Any, path: YamlPath, value: object) -> None:
    for element in path[:-1]:
        document = document[element]
    document[path[-1]] = value


def _resolves(document: Any, path: YamlPath) -> bool:
    value = document
    for element in path:
        if not _holds_key(value, element):
            return False
        value = value[element]
    return True


def _holds_key(container: Any, key: str | int) -> bool:
    if isinstance(container, dict):
        return key in container
    return isinstance(container, list) and isinstance(key, int) and 0 <= key < len(container)


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(LEAVES), st.sampled_from(VOCABULARY)),
        min_size=1,
        max_size=6,
    )
)
def test_checker_never_raises_and_every_finding_is_placed(mutations: list[tuple[YamlPath, str]]) -> None:
    """After any mix of reference swaps that the models accept, check_scenario returns registered findings
    whose paths exist in the input document and whose offsets fall inside their condition text."""
    document = copy.deepcopy(MINIMAL_SCENARIO)
    for path, value in mutations:
        _set(document, path, value)
    try:
        scenario = Scenario.model_validate(document)
    except ValidationError:
        return  # the loader's business, not the checker's
    for reported in check_scenario(scenario):
        assert reported.code in SEMANTIC_CODES or reported.code == "bad-amount"
        assert reported.level == CHECK_CODES[reported.code].level
        assert _resolves(document, reported.path), (reported.code, reported.path)
        if reported.offset is not None:
            text = document
            for element in reported.path:
                text = text[element]
            assert isinstance(text, str)
            assert 0 <= reported.offset <= len(text)
