"""Who holds each seat (a person or a bot) and, for the facilitator only, each seat's private brief."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import escape

from .line_list import LineList, LineRow
from .panel import DashboardPanel


class SeatsPanel(DashboardPanel):
    """The seats table; the highlighted seat's briefs below it (facilitator's console only)."""

    DEFAULT_CSS = """
    SeatsPanel { height: 1fr; }
    SeatsPanel LineList { height: auto; max-height: 50%; }
    SeatsPanel VerticalScroll { height: 1fr; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._members: list[str] = []

    def compose(self) -> ComposeResult:
        yield LineList((1, 7, 24, 11), ("", "member", "played by", "now", "seat"), id="seats-table")
        with VerticalScroll():
            yield Static("", id="seat-brief")

    def show_dashboard(self, dashboard: Dashboard) -> None:
        waiting = {member for _, member in dashboard.facilitator.waiting}
        if self.unchanged("seats", (waiting, dashboard.facilitator.seats)):
            return
        rows: list[LineRow] = []
        self._members = []
        for member in dashboard.board.members:
            seat = dashboard.facilitator.seats.get(member.id, "")
            kind = palette.HUMAN if member.id in dashboard.humans else palette.BOT
            now = (f"{palette.WAITING.symbol} to decide", palette.WAITING.colour) if member.id in waiting else ("", "")
            played_by = seat.replace("human: ", "").replace("bot: ", "bot, ") or "—"
            rows.append(
                (
                    (
                        (kind.symbol, kind.colour),
                        (dashboard.labels.get(member.id, member.id), "bold"),
                        (played_by, ""),
                        now,
                    ),
                    member.seat,
                )
            )
            self._members.append(member.id)
        table = self.query_one("#seats-table", LineList)
        table.set_rows(rows, follow=False)
        if table.cursor < 0 and rows:
            table.cursor = 0
        else:
            self._show_brief(table.cursor)

    def on_line_list_highlighted(self, event: LineList.Highlighted) -> None:
        self._show_brief(event.index)

    def _show_brief(self, index: int) -> None:
        dashboard = self.dashboard
        if dashboard is None or not 0 <= index < len(self._members):
            return
        member = self._members[index]
        public = next((item.brief for item in dashboard.board.members if item.id == member), "")
        private = dashboard.facilitator.private_briefs.get(member, "")
        self.set_static(
            "#seat-brief",
            f"[b]{escape(dashboard.member_name(member))}[/b] — {escape(dashboard.seat_title(member))}\n\n"
            f"[b]Public brief[/b]\n{escape(public)}\n\n[b]Private brief[/b] (facilitator only)\n{escape(private)}",
            layout=True,
        )
