"""Durations, money and calendar moments as designers write them."""

import datetime as dt

import pytest
from pydantic_core import PydanticCustomError

from boardsim.core.scenario.quantities import (
    Duration,
    Moment,
    add_months,
    format_money,
    parse_date,
    parse_duration,
    parse_moment,
    parse_money,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 months", Duration(3, "month")),
        ("1 month", Duration(1, "month")),
        ("6 weeks", Duration(6, "week")),
        ("10 days", Duration(10, "day")),
        ("2 quarters", Duration(2, "quarter")),
        ("1 year", Duration(1, "year")),
        ("  4 Months ", Duration(4, "month")),
    ],
)
def test_duration_text_parses_to_count_and_unit(text: str, expected: Duration) -> None:
    """A whole number and a unit of time, in any case and spacing, is a duration."""
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "bad", [3, 2.5, True, "3", "three months", "3 fortnights", "3.5 months", "", None, "9999 years", "1201 months"]
)
def test_duration_without_a_known_unit_is_refused(bad: object) -> None:
    """Bare numbers and unknown units are refused with the bad_duration error type."""
    with pytest.raises(PydanticCustomError) as error:
        parse_duration(bad)
    assert error.value.type == "bad_duration"


@pytest.mark.parametrize(
    ("text", "pounds"),
    [
        ("£2.5m", 2_500_000),
        ("£350k", 350_000),
        ("£1,200,000", 1_200_000),
        ("£0", 0),
        ("-£4m", -4_000_000),
        ("£1.15m", 1_150_000),
        ("£2bn", 2_000_000_000),
        ("£ 12M", 12_000_000),
    ],
)
def test_money_text_parses_to_whole_pounds(text: str, pounds: int) -> None:
    """Money with a £ sign and an optional k/m/bn scale is exact whole pounds (no float drift)."""
    assert parse_money(text) == pounds


@pytest.mark.parametrize("bad", [2500000, 2.5, "2.5m", "£", "£1.2345k5", "£0.5", "$3m", "£1,20,000", None])
def test_money_without_pound_sign_or_whole_pounds_is_refused(bad: object) -> None:
    """Bare numbers, other currencies and fractions of a pound are refused with bad_amount."""
    with pytest.raises(PydanticCustomError) as error:
        parse_money(bad)
    assert error.value.type == "bad_amount"


@pytest.mark.parametrize(
    ("pounds", "text"),
    [
        (2_500_000, "£2.5m"),
        (8_355_000, "£8.355m"),
        (1_000_000, "£1m"),
        (350_000, "£350k"),
        (3_165_000, "£3.165m"),
        (1_234, "£1,234"),
        (1_234_567, "£1,234,567"),
        (-4_000_000, "-£4m"),
        (0, "£0"),
    ],
)
def test_format_money_is_readable_in_a_room(pounds: int, text: str) -> None:
    """Amounts are shown the way people say them."""
    assert format_money(pounds) == text


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (dt.date(2027, 1, 31), 1, dt.date(2027, 2, 28)),
        (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),
        (dt.date(2027, 4, 1), 12, dt.date(2028, 4, 1)),
        (dt.date(2027, 11, 15), 3, dt.date(2028, 2, 15)),
    ],
)
def test_month_arithmetic_clamps_to_the_end_of_short_months(start: dt.date, months: int, expected: dt.date) -> None:
    """Adding months follows the calendar, clamping 31 January + 1 month to the end of February."""
    assert add_months(start, months) == expected


def test_duration_counts_calendar_days_from_an_offset() -> None:
    """Three months from 1 April 2027 is 91 days (April 30 + May 31 + June 30)."""
    assert Duration(3, "month").days_from(dt.date(2027, 4, 1)) == 91
    assert Duration(1, "month").days_from(dt.date(2027, 4, 1), offset_days=30) == 31  # May


@pytest.mark.parametrize(
    ("text", "day"),
    [("3 months", 91), ("2027-05-01", 30), ("2 weeks", 14), ("2027-04-01", 0)],
)
def test_moments_are_days_after_the_start(text: str, day: int) -> None:
    """`at:` values are offsets or dates, both turned into days after calendar.start."""
    assert parse_moment(text).day(dt.date(2027, 4, 1)) == day


def test_moment_that_is_neither_offset_nor_date_is_refused() -> None:
    """A time such as 'next spring' gets bad_moment with an example of both forms."""
    with pytest.raises(PydanticCustomError) as error:
        parse_moment("next spring")
    assert error.value.type == "bad_moment"


def test_dates_must_be_iso() -> None:
    """Dates are YYYY-MM-DD; 01/04/2027 is ambiguous across countries and refused."""
    assert parse_date("2027-04-01") == dt.date(2027, 4, 1)
    with pytest.raises(PydanticCustomError):
        parse_date("01/04/2027")


def test_moment_renders_as_written() -> None:
    """A moment prints the way the designer wrote it, for messages and the timeline."""
    assert str(Moment(offset=Duration(3, "month"))) == "3 months"
    assert str(Moment(date=dt.date(2027, 7, 1))) == "2027-07-01"
