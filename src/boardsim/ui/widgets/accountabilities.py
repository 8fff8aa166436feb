"""Every member's accountabilities outside the board, with breaches marked by symbol and colour."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import escape

from .line_list import LineList, LineRow
from .panel import DashboardPanel


class AccountabilitiesPanel(DashboardPanel):
    """One row per accountability: met (✓) or in breach (✗), severity, and whom the member answers to."""

    DEFAULT_CSS = """
    AccountabilitiesPanel { height: 1fr; }
    AccountabilitiesPanel #breach-count { padding: 0 1; height: 1; }
    AccountabilitiesPanel LineList { height: 1fr; }
    AccountabilitiesPanel #accountability-detail { padding: 0 1; height: 3; color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._details: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="breach-count")
        yield LineList(
            (1, 7, 22, 10, 8), ("", "member", "accountability", "kind", "severity", "what"), id="accountabilities"
        )
        yield Static("", id="accountability-detail")

    def show_dashboard(self, dashboard: Dashboard) -> None:
        breaches = {(breach.member, breach.accountability) for breach in dashboard.board.breaches}
        if self.unchanged("breaches", breaches):
            return
        rows: list[LineRow] = []
        self._details = []
        for member in dashboard.scenario.members:
            for duty in member.accountabilities:
                broken = (member.id, duty.id) in breaches
                status = palette.BREACH if broken else palette.OK
                style = f"bold {palette.VERMILLION}" if broken else ""
                rows.append(
                    (
                        (
                            (status.symbol, status.colour),
                            (dashboard.labels.get(member.id, member.id), style),
                            (duty.id, style),
                            (duty.kind, ""),
                            (duty.severity, ""),
                        ),
                        duty.description,
                    )
                )
                self._details.append(
                    f"{status.markup()} — {escape(member.name)}: {escape(duty.description)} "
                    f"(answers to {escape(duty.answers_to)})"
                )
        count = len(breaches)
        self.set_static(
            "#breach-count",
            palette.BREACH.markup(f"{count} in breach") if count else palette.OK.markup("Every accountability is met"),
            layout=False,
        )
        table = self.query_one("#accountabilities", LineList)
        table.set_rows(rows, follow=False)
        if table.cursor < 0 and rows:
            table.cursor = 0
        elif 0 <= table.cursor < len(self._details):
            self.set_static("#accountability-detail", self._details[table.cursor], layout=False)

    def on_line_list_highlighted(self, event: LineList.Highlighted) -> None:
        detail = self._details[event.index] if 0 <= event.index < len(self._details) else ""
        self.set_static("#accountability-detail", detail, layout=False)
