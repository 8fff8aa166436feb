"""Who holds each seat (a person or a bot) and, for the facilitator only, each seat's private brief."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import escape

from .panel import DashboardPanel


class SeatsPanel(DashboardPanel):
    """The seats table; the highlighted seat's briefs below it (facilitator's console only)."""

    DEFAULT_CSS = """
    SeatsPanel { height: 1fr; }
    SeatsPanel DataTable { height: auto; max-height: 50%; }
    SeatsPanel VerticalScroll { height: 1fr; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._members: list[str] = []

    def compose(self) -> ComposeResult:
        yield DataTable(id="seats-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll():
            yield Static("", id="seat-brief")

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one("#seats-table", DataTable)
        for label in ("", "member", "seat", "played by", "now"):
            table.add_column(label)

    def show_dashboard(self, dashboard: Dashboard) -> None:
        waiting = {member for _, member in dashboard.facilitator.waiting}
        if self.unchanged("seats", (waiting, dashboard.facilitator.seats)):
            return
        table = self.query_one("#seats-table", DataTable)
        cursor = table.cursor_row
        table.clear()
        self._members = []
        for member in dashboard.board.members:
            seat = dashboard.facilitator.seats.get(member.id, "")
            human = member.id in dashboard.humans
            kind = palette.HUMAN if human else palette.BOT
            now = palette.WAITING.markup("to decide") if member.id in waiting else ""
            table.add_row(
                Text(kind.symbol, style=kind.colour),
                Text(dashboard.labels.get(member.id, member.id), style="bold"),
                Text(member.seat, overflow="ellipsis"),
                Text(seat.replace("human: ", "").replace("bot: ", "bot, ") or "—"),
                Text.from_markup(now),
            )
            self._members.append(member.id)
        if self._members:
            table.move_cursor(row=min(max(cursor, 0), len(self._members) - 1), animate=False)
        self._show_brief(table.cursor_row)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_brief(event.cursor_row)

    def _show_brief(self, index: int) -> None:
        dashboard = self.dashboard
        if dashboard is None or not 0 <= index < len(self._members):
            return
        member = self._members[index]
        public = next((item.brief for item in dashboard.board.members if item.id == member), "")
        private = dashboard.facilitator.private_briefs.get(member, "")
        self.query_one("#seat-brief", Static).update(
            f"[b]{escape(dashboard.member_name(member))}[/b] — {escape(dashboard.seat_title(member))}\n\n"
            f"[b]Public brief[/b]\n{escape(public)}\n\n[b]Private brief[/b] (facilitator only)\n{escape(private)}"
        )
