"""The console's status line: scenario, fictional date, running/paused/ended, who the run waits on, journal."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Static

from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import calendar_position, date_of, escape, long_date

from .panel import DashboardPanel


class RunStatus(DashboardPanel):
    """Two lines that tell the facilitator where the run is."""

    DEFAULT_CSS = """
    RunStatus { height: auto; }
    RunStatus Static { height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def compose(self) -> ComposeResult:
        yield Static("Starting the run…", id="status-where")
        yield Static("", id="status-waiting")

    def show_dashboard(self, dashboard: Dashboard) -> None:
        board = dashboard.board
        scenario = dashboard.scenario
        if board.ended:
            state = palette.ENDED
        elif board.paused:
            state = palette.PAUSED
        else:
            state = palette.RUNNING
        date = long_date(date_of(scenario, board.day))
        where = calendar_position(scenario, board.day, board.horizon_day)
        fork = f" · fork {dashboard.fork}" if dashboard.fork else ""
        journal = dashboard.journal
        if journal.error:
            saved = f"[{palette.VERMILLION}]{palette.BREACH.symbol} JOURNAL NOT SAVED: {escape(journal.error)}[/]"
        else:
            saved = f"{palette.OK.symbol} saved {escape(Path(journal.path).name)} ({journal.saved_events} events)"
        # One line each, so a change never needs a relayout.
        where_line = f"{state.markup()} · [b]{date}[/b] ({where}){fork} · {saved} · {escape(board.title)}"
        self.set_static("#status-where", where_line, layout=False)
        self.set_static("#status-waiting", self._waiting_line(dashboard), layout=False)

    def _waiting_line(self, dashboard: Dashboard) -> str:
        if dashboard.waiting_humans:
            count = len(dashboard.waiting_humans)
            names = ", ".join(escape(dashboard.seat_title(member)) for member in dashboard.waiting_humans)
            return f"{palette.WAITING.markup(f'{count} to decide')} — [b]h[/b] hands over to: {names}"
        if dashboard.board.ended:
            return f"{palette.ENDED.markup('The run has ended')}: write notes (n), rewind (r) or quit (ctrl+q)"
        if dashboard.board.paused:
            return f"{palette.PAUSED.markup('Paused')}: fictional time stands still — [b]p[/b] resumes"
        return f"{palette.DECIDED.markup('No seat is waiting')} — [b]space[/b] runs on to the next decision"
