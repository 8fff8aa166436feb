"""The trust change log: each change with who, how much, and the sentence that says why.

A single decision on a forty-member board can move trust ~1,500 times, so the log holds the latest changes
(the count says how many there were in all; the journal keeps every one).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.digest import TrustRow
from boardsim.ui.formatting import escape

from .line_list import LineList, LineRow
from .panel import DashboardPanel


def _row(change: TrustRow, labels: dict[str, str]) -> LineRow:
    rising = change.after >= change.before
    status = palette.TRUST_UP if rising else palette.TRUST_DOWN
    who = f"{labels.get(change.truster, change.truster)}→{labels.get(change.trustee, change.trustee)}"
    moved = f"{round(change.before * 100):>2}→{round(change.after * 100):<2}"
    return ((change.date, "dim"), (who, ""), (status.symbol, status.colour), (moved, "")), change.sentence


class TrustChangeLog(DashboardPanel):
    """The latest trust changes, newest last, with the highlighted change's cause in full."""

    DEFAULT_CSS = """
    TrustChangeLog { height: 1fr; }
    TrustChangeLog #trust-log-count { padding: 0 1; height: auto; }
    TrustChangeLog LineList { height: 1fr; }
    TrustChangeLog #trust-cause { padding: 0 1; height: 3; color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown_range: tuple[int, int] = (-1, -1)

    def compose(self) -> ComposeResult:
        yield Static("", id="trust-log-count")
        yield LineList((9, 15, 1, 5), ("date", "who", "", "trust", "why"), id="trust-log")
        yield Static("", id="trust-cause")

    def show_dashboard(self, dashboard: Dashboard) -> None:
        changes = dashboard.trust_changes
        shown = (changes[0].seq, changes[-1].seq) if changes else (-1, -1)
        if shown != self._shown_range:
            self.query_one("#trust-log", LineList).set_rows(_row(change, dashboard.labels) for change in changes)
            self._shown_range = shown
        total = dashboard.trust_change_total
        if total > len(changes):
            count = f"[b]{total:,} trust changes[/b] — the latest {len(changes)} shown; the journal keeps them all"
        else:
            count = f"[b]{total:,} trust changes[/b]" if total else "No trust has changed yet."
        self.set_static("#trust-log-count", count)

    def on_line_list_highlighted(self, event: LineList.Highlighted) -> None:
        self.set_static("#trust-cause", escape(event.line_list.sentence_at(event.index)), layout=False)
