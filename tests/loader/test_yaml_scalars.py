"""What unquoted values mean: YAML 1.2 core rules, with YAML 1.1's surprises reported instead of applied."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from boardsim.adapters.scenario_loader import LoadResult
from boardsim.adapters.yaml_source import parse_yaml

from .conftest import VALID_SCENARIO, only


def _value(written: str) -> tuple[object, list[str]]:
    document = parse_yaml(f"key: {written}\n", "values.yaml")
    assert document.data is not None
    return document.data["key"], [item.code for item in document.findings]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("", None),
        ("~", None),
        ("null", None),
        ("NULL", None),
        ("true", True),
        ("False", False),
        ("TRUE", True),
        ("12", 12),
        ("-3", -3),
        ("+4", 4),
        ("0", 0),
        ("1.5", 1.5),
        ("-0.25", -0.25),
        ("1e3", 1000.0),
        (".5", 0.5),
        ("2027-04-01", "2027-04-01"),
        ("£2m", "£2m"),
        ("3 months", "3 months"),
        ("1_000", "1_000"),
        ("0x1F", "0x1F"),
        ("'no'", "no"),
        ('"012"', "012"),
        ("'1:30'", "1:30"),
        ("'true'", "true"),
        ("'12'", "12"),
        ("!!str 12", "12"),
        ("!!float 3", 3.0),
        ("!!int 7", 7),
        ("!!bool true", True),
        ("!!null ~", None),
        ("9" * 5000, "9" * 5000),
    ],
)
def test_values_resolve_like_yaml_1_2(written: str, value: object) -> None:
    """Plain scalars follow YAML 1.2 core; quoted ones are always text; standard tags are honoured."""
    resolved, codes = _value(written)
    assert resolved == value
    assert type(resolved) is type(value)
    assert codes == []


def test_infinity_and_not_a_number() -> None:
    """`.inf` and `.nan` are the special floats (as in YAML 1.2)."""
    assert _value(".inf")[0] == math.inf
    assert _value("-.Inf")[0] == -math.inf
    value = _value(".nan")[0]
    assert isinstance(value, float)
    assert math.isnan(value)


@pytest.mark.parametrize("word", ["no", "No", "NO", "yes", "Yes", "on", "ON", "off", "Off"])
def test_yes_no_on_off_stay_text_with_a_warning(word: str) -> None:
    """Unquoted yes/no/on/off stay text (as YAML 1.2 says) with a `yaml-bool-word` warning."""
    assert _value(word) == (word, ["yaml-bool-word"])


@pytest.mark.parametrize("written", ["1:30", "12:00", "1:30:45", "-2:15", "190:20:30.15"])
def test_sexagesimal_numbers_are_errors(written: str) -> None:
    """`1:30` and similar (base-60 numbers to YAML 1.1) are `yaml-sexagesimal` errors, kept as text."""
    assert _value(written) == (written, ["yaml-sexagesimal"])


@pytest.mark.parametrize("written", ["012", "007", "-01", "0_1"])
def test_leading_zero_numbers_are_errors(written: str) -> None:
    """Numbers with a leading zero (octal to YAML 1.1) are `yaml-leading-zero` errors, kept as text."""
    assert _value(written) == (written, ["yaml-leading-zero"])


def test_wrong_standard_tag_is_reported() -> None:
    """`!!int` on something that is not a whole number is a `wrong-type` error."""
    assert _value("!!int lots") == ("lots", ["wrong-type"])


def test_bool_word_in_a_text_field_is_only_a_warning(load_text: Callable[..., LoadResult]) -> None:
    """`title: no` loads (the title is the word 'no') with a warning at the value."""
    result = load_text(VALID_SCENARIO.replace("title: A tiny board", "title: no"))
    assert not result.has_errors
    assert result.scenario is not None
    assert result.scenario.title == "no"
    item = only(result, "yaml-bool-word")
    assert item.position is not None
    assert (item.position.line, item.position.column, item.yaml_path) == (3, 8, "title")


def test_bool_word_in_a_flag_is_an_error_with_a_hint(load_text: Callable[..., LoadResult]) -> None:
    """`initial: no` on a flag is text, not false: a `wrong-type` error telling the designer to write false."""
    result = load_text(VALID_SCENARIO.replace("type: flag, initial: false", "type: flag, initial: no"))
    item = only(result, "wrong-type")
    assert item.yaml_path == "state.s75_signed.initial"
    assert "`true` or `false`" in item.hint


def test_clock_time_reported_once(load_text: Callable[..., LoadResult]) -> None:
    """`deadline: 1:30` is one `yaml-sexagesimal` error; the duration check does not repeat it."""
    result = load_text(VALID_SCENARIO.replace("deadline: 1 month", "deadline: 1:30"))
    item = only(result, "yaml-sexagesimal")
    assert item.position is not None
    assert (item.position.line, item.position.column) == (48, 15)
    assert [finding.code for finding in result.findings if finding.level == "error"] == ["yaml-sexagesimal"]


def test_leading_zero_in_a_number_field(load_text: Callable[..., LoadResult]) -> None:
    """`initial: 080` is a `yaml-leading-zero` error at the value, not silently 64 or 80."""
    result = load_text(VALID_SCENARIO.replace("initial: 80,", "initial: 080,"))
    item = only(result, "yaml-leading-zero")
    assert item.position is not None
    assert (item.position.line, item.position.column) == (8, 47)
