"""Small text helpers shared by the screens: dates on the fictional calendar, money, shares, member labels."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from boardsim.core.scenario.model import Member, Scenario
from boardsim.core.scenario.quantities import format_money as _format_money


def money(pounds: int | None) -> str:
    """£2.5m, £350k, £1,234; an em dash for no money."""
    return "—" if pounds is None else _format_money(pounds)


def share(value: float | None) -> str:
    """A 0..1 measure as a whole percentage, or an em dash when not measured yet."""
    return "—" if value is None else f"{round(value * 100)}%"


def date_of(scenario: Scenario, day: int) -> _dt.date:
    """The calendar date `day` fictional days after the scenario's start."""
    return scenario.calendar.start + _dt.timedelta(days=day)


def long_date(date: _dt.date) -> str:
    """'10 June 2027'."""
    return f"{date.day} {date:%B %Y}"


def short_date(date: _dt.date) -> str:
    """'10 Jun 27'."""
    return f"{date.day:>2} {date:%b %y}"


class DateLabels:
    """`short_date` of a fictional day, remembered per day: a board-wide decision dates thousands of rows.

    One instance per thread that uses it (the digest's on the engine thread, widgets' on the UI thread).
    """

    def __init__(self, scenario: Scenario) -> None:
        self._start = scenario.calendar.start
        self._labels: dict[int, str] = {}

    def __call__(self, day: int) -> str:
        label = self._labels.get(day)
        if label is None:
            label = self._labels[day] = short_date(self._start + _dt.timedelta(days=day))
        return label


def calendar_position(scenario: Scenario, day: int, horizon_day: int) -> str:
    """'month 3 of 18' (in the scenario's calendar unit)."""
    unit = scenario.calendar.unit
    lengths = {"day": 1, "week": 7, "month": 30.44, "quarter": 91.31}
    size = lengths[unit]
    now = int(day / size) + 1
    total = max(round(horizon_day / size), 1)
    return f"{unit} {min(now, total)} of {total}"


def short_label(member_id: str, taken: Iterable[str] = ()) -> str:
    """A label of at most 7 characters for tables: the id if short, else its initials (adult-social-care → ASC)."""
    if len(member_id) <= 7:
        label = member_id
    else:
        parts = [part for part in member_id.replace("_", "-").split("-") if part]
        label = "".join(part[0] for part in parts).upper() if len(parts) > 1 else member_id[:7]
    used = set(taken)
    candidate, number = label, 2
    while candidate in used:
        candidate = f"{label[:5]}{number}"
        number += 1
    return candidate


def member_labels(members: Iterable[Member]) -> dict[str, str]:
    """A unique short label for every member, in scenario order."""
    labels: dict[str, str] = {}
    for member in members:
        labels[member.id] = short_label(member.id, labels.values())
    return labels


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 seat', '3 seats'."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def clip(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def escape(text: str) -> str:
    """`text` made safe to put inside Content markup."""
    from textual.markup import escape as _escape

    return _escape(text)


def number(value: float | bool, unit: str = "") -> str:
    """A state value for people: 92 patients, 77%, yes/no."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if not unit:
        return shown
    return f"{shown}{unit}" if unit == "%" else f"{shown} {unit}"
