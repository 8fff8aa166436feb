"""The trust change log: each change with who, how much, and the sentence that says why.

A single decision on a forty-member board can move trust ~1,500 times and a workshop tens of thousands of
times. Every change stays in the log (scroll back, or Home for the first); a row is only formatted when it is
drawn, so a new batch of changes costs the log a few visible lines, not the whole batch.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.widgets import Static

from boardsim.core.engine.events import TrustChanged
from boardsim.core.scenario.model import Scenario
from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.digest import History
from boardsim.ui.formatting import DateLabels, escape

from .line_list import LineList, LineRow, MappedRows
from .panel import DashboardPanel


def trust_row(change: TrustChanged, labels: Mapping[str, str], dates: DateLabels) -> LineRow:
    """One change as a line: date, who trusts whom, a rising/falling symbol, before → after, and why."""
    rising = change.after >= change.before
    status = palette.TRUST_UP if rising else palette.TRUST_DOWN
    who = f"{labels.get(change.truster, change.truster)}→{labels.get(change.trustee, change.trustee)}"
    moved = f"{round(change.before * 100):>2}→{round(change.after * 100):<2}"
    return ((dates(change.day), "dim"), (who, ""), (status.symbol, status.colour), (moved, "")), change.sentence


class TrustChangeLog(DashboardPanel):
    """Every trust change, newest last, with the highlighted change's cause in full."""

    DEFAULT_CSS = """
    TrustChangeLog { height: 1fr; }
    TrustChangeLog #trust-log-count { padding: 0 1; height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    TrustChangeLog LineList { height: 1fr; overflow-y: scroll; }
    TrustChangeLog #trust-cause { padding: 0 1; height: 3; color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._history: History[TrustChanged] | None = None
        self._dates: DateLabels | None = None
        self._scenario: Scenario | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="trust-log-count")
        yield LineList((9, 15, 1, 5), ("date", "who", "", "trust", "why"), sentence_width=12, id="trust-log")
        yield Static("", id="trust-cause")

    def show_dashboard(self, dashboard: Dashboard) -> None:
        if self._dates is None or self._scenario is not dashboard.scenario:
            self._dates, self._scenario = DateLabels(dashboard.scenario), dashboard.scenario
        changes = dashboard.trust_changes
        grown = self._history is not None and changes.extends(self._history)
        labels, dates = dashboard.labels, self._dates
        rows = MappedRows(changes, lambda change: trust_row(change, labels, dates))
        self.query_one("#trust-log", LineList).set_rows(rows, grown=grown)
        self._history = changes
        total = len(changes)
        if total:
            count = f"[b]{total:,} trust changes[/b] · newest last · Home: the first"
        else:
            count = "No trust has changed yet."
        self.set_static("#trust-log-count", count, layout=False)

    def on_line_list_highlighted(self, event: LineList.Highlighted) -> None:
        self.set_static("#trust-cause", escape(event.line_list.sentence_at(event.index)), layout=False)
