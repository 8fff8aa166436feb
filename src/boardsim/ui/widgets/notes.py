"""Observer notes kept in the journal, and the debrief questions the run has raised."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import escape

from .line_list import LineList
from .panel import DashboardPanel


class NotesPanel(DashboardPanel):
    """The notes so far (newest last) and, once the run has ended, its debrief questions."""

    DEFAULT_CSS = """
    NotesPanel { height: 1fr; }
    NotesPanel #notes-hint { padding: 0 1; height: auto; color: $text-muted; }
    NotesPanel LineList { height: 1fr; overflow-y: scroll; }
    NotesPanel #note-detail { padding: 0 1; height: 2; }
    NotesPanel #debrief { padding: 0 1; height: auto; max-height: 12; }
    """

    def compose(self) -> ComposeResult:
        yield Static("Press [b]n[/b] to write an observer note; it is saved in the journal at once.", id="notes-hint")
        yield LineList((9,), ("date", "note"), id="notes-table")
        yield Static("", id="note-detail")
        yield Static("", id="debrief")

    def show_dashboard(self, dashboard: Dashboard) -> None:
        table = self.query_one("#notes-table", LineList)
        table.set_rows((((note.date, "dim"),), note.text) for note in dashboard.notes)
        if dashboard.debrief:
            questions = "\n".join(f"{palette.FACILITATOR.symbol} {escape(prompt)}" for prompt in dashboard.debrief)
            self.set_static("#debrief", f"[b]Debrief questions[/b]\n{questions}", layout=True)

    def on_line_list_highlighted(self, event: LineList.Highlighted) -> None:
        self.set_static("#note-detail", escape(event.line_list.sentence_at(event.index)), layout=False)
