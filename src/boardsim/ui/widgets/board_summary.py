"""The board at a glance: the outcome measures and flags, and the headline trust and alignment figures."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from boardsim.core.engine.views import BoardView, MeasureView
from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import escape, number, share

from .panel import DashboardPanel


def headline(board: BoardView) -> str:
    """One line of headline metrics, with a level symbol beside each figure."""
    metrics = board.metrics
    parts = [
        ("trust", metrics.board_trust),
        ("alignment", metrics.alignment_composite),
        ("goal", metrics.goal_alignment),
        ("votes", metrics.vote_cohesion),
        ("pooled", metrics.resource_alignment),
    ]
    return "  ".join(f"{escape(name)} [b]{share(value)}[/b] {palette.level(value).markup('')}" for name, value in parts)


def measure_cells(measure: MeasureView) -> tuple[Text, Text, Text]:
    """Name, value and unit cells for a measure."""
    return (
        Text(measure.name, overflow="ellipsis", no_wrap=True),
        Text(number(measure.value), style="bold", justify="right"),
        Text(measure.unit, style="dim", overflow="ellipsis", no_wrap=True),
    )


def measure_doc(measure: MeasureView) -> str:
    """The doc line of a measure with its range."""
    if measure.range is not None:
        low, high = measure.range
        span = f" Range {number(low)}–{number(high)} {measure.unit}."
    else:
        span = " A yes/no flag."
    return f"{measure.name}: {measure.doc}{span}"


class BoardSummary(DashboardPanel):
    """Headline metrics over a table of every state value (the doc line of the highlighted one below)."""

    DEFAULT_CSS = """
    BoardSummary { height: 1fr; }
    BoardSummary #board-headline { padding: 0 1; height: auto; }
    BoardSummary DataTable { height: 1fr; }
    BoardSummary #measure-doc { height: 3; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._docs: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="board-headline")
        yield DataTable(id="measures", cursor_type="row", zebra_stripes=True)
        yield Static("", id="measure-doc")

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one("#measures", DataTable)
        table.add_column("measure", key="name", width=22)
        table.add_column("now", key="value", width=7)
        table.add_column("unit", key="unit", width=12)

    def show_dashboard(self, dashboard: Dashboard) -> None:
        board = dashboard.board
        self.set_static("#board-headline", headline(board))
        if self.unchanged("measures", [(measure.name, measure.value) for measure in board.state]):
            return
        table = self.query_one("#measures", DataTable)
        cursor = table.cursor_row
        table.clear()
        table.add_rows(measure_cells(measure) for measure in board.state)
        self._docs = [measure_doc(measure) for measure in board.state]
        if board.state:
            table.move_cursor(row=min(max(cursor, 0), len(board.state) - 1), animate=False)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        doc = self._docs[event.cursor_row] if 0 <= event.cursor_row < len(self._docs) else ""
        self.set_static("#measure-doc", escape(doc), layout=False)
