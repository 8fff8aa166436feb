"""Quantities a scenario designer writes as text: durations, money and calendar moments.

Designers write amounts and times with explicit units ("£2.5m", "3 months", "2027-07-01") because bare
numbers are ambiguous in a workshop script: is `3` three weeks or three months, is `2.5` pounds or millions?
The parsers here turn that text into exact values (whole days on a calendar, whole pounds) so the engine never
accumulates floating-point drift in a ledger that must balance.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import re
from dataclasses import dataclass
from typing import Literal

from pydantic_core import PydanticCustomError

DurationUnit = Literal["day", "week", "month", "quarter", "year"]

_UNIT_ALIASES: dict[str, DurationUnit] = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "quarter": "quarter",
    "quarters": "quarter",
    "year": "year",
    "years": "year",
}

# Longer spans than this would overflow the calendar (year 9999) and no board plans a century ahead.
_MAX_COUNT: dict[DurationUnit, int] = {"day": 36_500, "week": 5_200, "month": 1_200, "quarter": 400, "year": 100}

_DURATION_RE = re.compile(r"^\s*(\d{1,4})\s*([A-Za-z]+)\s*$")
DURATION_PATTERN = r"^\s*\d{1,4}\s*(days?|weeks?|months?|quarters?|years?)\s*$"

_MONEY_RE = re.compile(
    r"^\s*(?P<sign>[-−])?\s*£\s*(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?\s*(?P<scale>k|m|bn)?\s*$",
    re.IGNORECASE,
)
MONEY_PATTERN = r"^\s*-?\s*£\s*(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*(k|m|bn|K|M|BN|Bn)?\s*$"
_MONEY_SCALE = {None: 1, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}

MAX_MONEY = 10**13  # £10 trillion: far above any real budget, low enough to keep integer maths trivial


@dataclass(frozen=True, slots=True)
class Duration:
    """A span on the fictional calendar, kept in the unit the designer wrote."""

    count: int
    unit: DurationUnit

    def add_to(self, moment: _dt.date) -> _dt.date:
        """The calendar date `self` after `moment` (month arithmetic clamps to the month's last day)."""
        if self.unit == "day":
            return moment + _dt.timedelta(days=self.count)
        if self.unit == "week":
            return moment + _dt.timedelta(weeks=self.count)
        months = {"month": 1, "quarter": 3, "year": 12}[self.unit] * self.count
        return add_months(moment, months)

    def days_from(self, start: _dt.date, offset_days: int = 0) -> int:
        """How many days this span lasts when it starts `offset_days` after `start`."""
        begin = start + _dt.timedelta(days=offset_days)
        return (self.add_to(begin) - begin).days

    def __str__(self) -> str:
        plural = "" if self.count == 1 else "s"
        return f"{self.count} {self.unit}{plural}"


def add_months(moment: _dt.date, months: int) -> _dt.date:
    """Calendar month arithmetic without third-party libraries: 31 January + 1 month is 28/29 February."""
    index = moment.year * 12 + (moment.month - 1) + months
    year, month = divmod(index, 12)
    last_day = _calendar.monthrange(year, month + 1)[1]
    return _dt.date(year, month + 1, min(moment.day, last_day))


def parse_duration(value: object) -> Duration:
    """Parse "3 months", "1 week", "10 days"; refuse bare numbers, which hide their unit."""
    if isinstance(value, Duration):
        return value
    if isinstance(value, bool | int | float):
        raise PydanticCustomError(
            "bad_duration",
            "a duration needs a unit: write '{value} months' or '{value} weeks', not a bare number",
            {"value": value},
        )
    if not isinstance(value, str):
        raise PydanticCustomError("bad_duration", "a duration is text such as '3 months'", {})
    match = _DURATION_RE.match(value)
    if not match:
        raise PydanticCustomError(
            "bad_duration",
            "'{value}' is not a duration: write a whole number and a unit, e.g. '6 weeks' or '3 months'",
            {"value": value},
        )
    unit = _UNIT_ALIASES.get(match.group(2).lower())
    if unit is None:
        raise PydanticCustomError(
            "bad_duration",
            "'{unit}' is not a unit of time: use days, weeks, months, quarters or years",
            {"unit": match.group(2)},
        )
    count = int(match.group(1))
    if count > _MAX_COUNT[unit]:
        raise PydanticCustomError(
            "bad_duration",
            "'{value}' is longer than any scenario can run: keep durations within 100 years",
            {"value": value},
        )
    return Duration(count, unit)


def parse_money(value: object) -> int:
    """Parse "£2.5m", "£350k", "£1,200,000", "-£4m" into whole pounds; refuse bare numbers."""
    if isinstance(value, bool | int | float):
        raise PydanticCustomError(
            "bad_amount",
            "an amount needs its currency: write '£{value}', or use a scale such as '£2.5m' or '£350k'",
            {"value": value},
        )
    if not isinstance(value, str):
        raise PydanticCustomError("bad_amount", "an amount is text such as '£2.5m'", {})
    match = _MONEY_RE.match(value)
    if not match:
        raise PydanticCustomError(
            "bad_amount",
            "'{value}' is not an amount: write pounds with a £ sign, e.g. '£2.5m', '£350k' or '£1,200,000'",
            {"value": value},
        )
    return money_from_match(match, value)


def money_from_match(match: re.Match[str], original: str) -> int:
    """Whole pounds from a match of the money pattern (shared with the expression language)."""
    digits = match.group("number").replace(",", "")
    fraction = match.group("fraction") or ""
    scale = _MONEY_SCALE[(match.group("scale") or "").lower() or None]
    # Exact decimal arithmetic on the digit strings: "£1.15m" must be 1,150,000, never 1,149,999.
    numerator = int(digits + fraction[1:]) * scale
    denominator = 10 ** max(len(fraction) - 1, 0)
    pounds, remainder = divmod(numerator, denominator)
    if remainder:
        raise PydanticCustomError("bad_amount", "'{value}' is not a whole number of pounds", {"value": original})
    if pounds > MAX_MONEY:
        raise PydanticCustomError("bad_amount", "'{value}' is implausibly large", {"value": original})
    return int(-pounds if match.group("sign") else pounds)


MONEY_LITERAL_RE = re.compile(
    r"(?P<sign>)£\s*(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?(?P<scale>k|m|bn)?(?![A-Za-z0-9_])",
    re.IGNORECASE,
)
"""A money literal inside a condition, e.g. `budget("council") < £2m` (the sign is written as unary minus)."""


def format_money(pounds: int) -> str:
    """Readable, exact pounds for people in a room: £2.5m, £8.355m, £350k, £1,234."""
    sign = "-" if pounds < 0 else ""
    value = abs(pounds)
    if value >= 1_000_000 and value % 1_000 == 0:
        text = f"{value / 1_000_000:.3f}".rstrip("0").rstrip(".")
        return f"{sign}£{text}m"
    if value >= 10_000 and value % 1_000 == 0:
        return f"{sign}£{value // 1_000}k"
    return f"{sign}£{value:,}"


def parse_date(value: object) -> _dt.date:
    """Parse an ISO calendar date, '2027-04-01'."""
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError(
        "bad_date", "'{value}' is not a date: write it as YYYY-MM-DD, e.g. 2027-04-01", {"value": value}
    )


@dataclass(frozen=True, slots=True)
class Moment:
    """When something happens: an offset from the scenario's start, or a calendar date."""

    offset: Duration | None = None
    date: _dt.date | None = None

    def day(self, start: _dt.date) -> int:
        """Days after the scenario start at which this moment falls."""
        if self.date is not None:
            return (self.date - start).days
        assert self.offset is not None
        return self.offset.days_from(start)

    def __str__(self) -> str:
        return self.date.isoformat() if self.date is not None else str(self.offset)


def parse_moment(value: object) -> Moment:
    """Parse `at:` values: "3 months" (after the start) or "2027-07-01"."""
    if isinstance(value, Moment):
        return value
    if isinstance(value, _dt.date):
        return Moment(date=value)
    if isinstance(value, str) and re.match(r"^\s*\d{4}-\d{2}-\d{2}\s*$", value):
        return Moment(date=parse_date(value))
    try:
        return Moment(offset=parse_duration(value))
    except PydanticCustomError:
        raise PydanticCustomError(
            "bad_moment",
            "'{value}' is not a time: write an offset from the start ('3 months') or a date ('2027-07-01')",
            {"value": value},
        ) from None
