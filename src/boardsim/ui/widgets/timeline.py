"""The fictional calendar's timeline: what has happened (newest last) and what is scheduled next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, Static

from boardsim.ui.dashboard import Dashboard, UpcomingEntry
from boardsim.ui.digest import History, TimelineEntry
from boardsim.ui.formatting import escape

from .line_list import LineList, LineRow, MappedRows
from .panel import DashboardPanel

WIDTHS = (9, 1)


def _row(entry: TimelineEntry | UpcomingEntry) -> LineRow:
    return ((entry.date, "dim"), (entry.symbol, entry.colour)), entry.text


class TimelinePanel(DashboardPanel):
    """What has happened and what is scheduled next, with the highlighted line in full below."""

    DEFAULT_CSS = """
    TimelinePanel { height: 1fr; }
    TimelinePanel .heading { text-style: bold; padding: 0 1; }
    TimelinePanel #happened { height: 2fr; overflow-y: scroll; }
    TimelinePanel #next { height: 1fr; overflow-y: scroll; }
    TimelinePanel #timeline-detail { height: 3; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._history: History[TimelineEntry] | None = None

    def compose(self) -> ComposeResult:
        yield Label("What has happened", classes="heading")
        yield LineList(WIDTHS, id="happened")
        yield Static("", id="timeline-detail")
        yield Label("What is scheduled next", classes="heading")
        yield LineList(WIDTHS, id="next")

    def show_dashboard(self, dashboard: Dashboard) -> None:
        happened = self.query_one("#happened", LineList)
        entries = dashboard.timeline
        grown = self._history is not None and entries.extends(self._history)
        happened.set_rows(MappedRows(entries, _row), grown=grown)
        self._history = entries
        if entries and happened.cursor == happened.row_count - 1:
            # The cursor follows the newest line: show it in full now, in the same frame as the new row.
            self.set_static("#timeline-detail", escape(entries[-1].text), layout=False)
        if not self.unchanged("upcoming", dashboard.upcoming):
            self.query_one("#next", LineList).set_rows([_row(entry) for entry in dashboard.upcoming], follow=False)

    def on_line_list_highlighted(self, event: LineList.Highlighted) -> None:
        self.set_static("#timeline-detail", escape(event.line_list.sentence_at(event.index)), layout=False)
