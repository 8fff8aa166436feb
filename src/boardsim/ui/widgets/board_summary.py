"""The board at a glance: the outcome measures and flags, and the headline trust and alignment figures."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from boardsim.core.engine.views import BoardView, MeasureView
from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import escape, number, share

from .line_list import LineList, LineRow
from .panel import DashboardPanel

NAME_WIDTH = 22
VALUE_WIDTH = 7


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


def measure_row(measure: MeasureView) -> LineRow:
    """Name and value (right-aligned, bold) cells for a measure, then its unit."""
    return ((measure.name, ""), (number(measure.value).rjust(VALUE_WIDTH), "bold")), measure.unit


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
    BoardSummary #board-headline { padding: 0 1; height: 2; }
    BoardSummary LineList { height: 1fr; }
    BoardSummary #measure-doc { height: 3; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._docs: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="board-headline")
        yield LineList((NAME_WIDTH, VALUE_WIDTH), ("measure", "now".rjust(VALUE_WIDTH), "unit"), id="measures")
        yield Static("", id="measure-doc")

    def show_dashboard(self, dashboard: Dashboard) -> None:
        board = dashboard.board
        self.set_static("#board-headline", headline(board), layout=False)
        if self.unchanged("measures", [(measure.name, measure.value) for measure in board.state]):
            return
        table = self.query_one("#measures", LineList)
        self._docs = [measure_doc(measure) for measure in board.state]
        table.set_rows([measure_row(measure) for measure in board.state], follow=False)
        if table.cursor < 0 and board.state:
            table.cursor = 0

    def on_line_list_highlighted(self, event: LineList.Highlighted) -> None:
        doc = self._docs[event.index] if 0 <= event.index < len(self._docs) else ""
        self.set_static("#measure-doc", escape(doc), layout=False)
