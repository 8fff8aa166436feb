"""Every member's accountabilities outside the board, with breaches marked by symbol and colour."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import escape

from .panel import DashboardPanel


class AccountabilitiesPanel(DashboardPanel):
    """One row per accountability: met (✓) or in breach (✗), severity, and whom the member answers to."""

    DEFAULT_CSS = """
    AccountabilitiesPanel { height: 1fr; }
    AccountabilitiesPanel #breach-count { padding: 0 1; height: auto; }
    AccountabilitiesPanel DataTable { height: 1fr; }
    AccountabilitiesPanel #accountability-detail { padding: 0 1; height: 3; color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._details: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="breach-count")
        yield DataTable(id="accountabilities", cursor_type="row", zebra_stripes=True)
        yield Static("", id="accountability-detail")

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one("#accountabilities", DataTable)
        for label in ("", "member", "accountability", "kind", "severity"):
            table.add_column(label)

    def show_dashboard(self, dashboard: Dashboard) -> None:
        breaches = {(breach.member, breach.accountability) for breach in dashboard.board.breaches}
        if self.unchanged("breaches", breaches):
            return
        table = self.query_one("#accountabilities", DataTable)
        cursor = table.cursor_row
        table.clear()
        self._details = []
        for member in dashboard.scenario.members:
            for duty in member.accountabilities:
                broken = (member.id, duty.id) in breaches
                status = palette.BREACH if broken else palette.OK
                style = f"bold {palette.VERMILLION}" if broken else ""
                table.add_row(
                    Text(status.symbol, style=status.colour),
                    Text(dashboard.labels.get(member.id, member.id), style=style),
                    Text(duty.id, style=style),
                    Text(duty.kind),
                    Text(duty.severity),
                )
                self._details.append(
                    f"{status.markup()} — {escape(member.name)}: {escape(duty.description)} "
                    f"(answers to {escape(duty.answers_to)})"
                )
        count = len(breaches)
        self.query_one("#breach-count", Static).update(
            f"{palette.BREACH.markup(f'{count} in breach')}"
            if count
            else palette.OK.markup("Every accountability is met")
        )
        if self._details:
            table.move_cursor(row=min(max(cursor, 0), len(self._details) - 1), animate=False)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        detail = self._details[event.cursor_row] if 0 <= event.cursor_row < len(self._details) else ""
        self.set_static("#accountability-detail", detail, layout=False)
