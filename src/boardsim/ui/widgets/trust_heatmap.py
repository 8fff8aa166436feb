"""Trust as a member-by-member heat map: each cell has a shade glyph and a number, so it reads without colour.

Row = the member who trusts; column = the member trusted. 50 means no evidence either way (the beta
reputation's prior), higher is more trust. Colour (vermillion low, blue high) only reinforces the glyph.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import escape, share

from .panel import DashboardPanel
from .trust_grid import TrustGrid

LEGEND = (
    f"Row trusts column · 50 = no evidence · {''.join(palette.SHADES[1:])} low→high · "
    f"{palette.TRUST_DOWN.markup('low')} {palette.TRUST_UP.markup('high')}"
)


class TrustHeatmap(DashboardPanel):
    """The trust matrix, with the most and least trusted members summarised above it."""

    DEFAULT_CSS = """
    TrustHeatmap { height: 1fr; }
    TrustHeatmap #trust-summary, TrustHeatmap #trust-legend, TrustHeatmap #trust-cell {
        padding: 0 1; height: 1; text-wrap: nowrap; text-overflow: ellipsis;
    }
    TrustHeatmap #trust-legend { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._names: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="trust-summary")
        yield TrustGrid(id="heatmap")
        yield Static("", id="trust-cell")
        yield Static(LEGEND, id="trust-legend")

    def show_dashboard(self, dashboard: Dashboard) -> None:
        members = [member.id for member in dashboard.board.members]
        self._names = {member.id: member.name for member in dashboard.board.members}
        self.query_one("#heatmap", TrustGrid).set_matrix(members, dashboard.labels, dashboard.metrics.trust)
        self.set_static("#trust-summary", self._summary(dashboard, members), layout=False)

    def on_trust_grid_cell_highlighted(self, event: TrustGrid.CellHighlighted) -> None:
        truster = escape(self._names.get(event.truster, event.truster))
        trustee = escape(self._names.get(event.trustee, event.trustee))
        self.set_static("#trust-cell", f"{truster} trusts {trustee}: [b]{share(event.value)}[/b]", layout=False)

    def _summary(self, dashboard: Dashboard, members: list[str]) -> str:
        trust = dashboard.metrics.trust
        received = {
            member: [trust[other][member] for other in members if other != member and member in trust.get(other, {})]
            for member in members
        }
        means = {member: sum(values) / len(values) for member, values in received.items() if values}
        text = f"[b]Board trust {share(dashboard.metrics.board_trust)}[/b]"
        if means:
            labels = dashboard.labels
            most = max(means, key=lambda member: means[member])
            least = min(means, key=lambda member: means[member])
            text += (
                f" · {palette.TRUST_UP.symbol} most trusted {escape(labels.get(most, most))} {share(means[most])}"
                f" · {palette.TRUST_DOWN.symbol} least trusted {escape(labels.get(least, least))} {share(means[least])}"
            )
        return text
