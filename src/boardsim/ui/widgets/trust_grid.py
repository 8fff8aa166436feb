"""The trust matrix drawn directly as lines: a header row and a label column that stay put while the cells
scroll, a shade glyph and a number in every cell, and a keyboard cursor. Forty members make 1,600 cells;
drawing them as a DataTable took about a second per change, this takes a few milliseconds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from boardsim.ui import palette

LABEL_WIDTH = 9
_HEADER = Style(bold=True)
_LABEL = Style(bold=True)
_SELF = Style(dim=True)


def cell_text(value: float, width: int) -> str:
    """'▓62' centred in `width` cells: the shade glyph says low/high without colour, the number says how much."""
    score = min(round(value * 100), 99)
    return f"{palette.shade(value)}{score:02d}".center(width)


class TrustGrid(ScrollView, can_focus=True):
    """Row trusts column. Arrow keys move a cursor; `CellHighlighted` says which pair it is on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(0, -1)", "Up", show=False, id="trust-grid.up"),
        Binding("down", "move(0, 1)", "Down", show=False, id="trust-grid.down"),
        Binding("left", "move(-1, 0)", "Left", show=False, id="trust-grid.left"),
        Binding("right", "move(1, 0)", "Right", show=False, id="trust-grid.right"),
    ]

    DEFAULT_CSS = """
    TrustGrid { height: 1fr; scrollbar-size-vertical: 1; scrollbar-size-horizontal: 1; }
    """

    cursor: var[tuple[int, int]] = var((0, 1), init=False)

    class CellHighlighted(Message):
        """The cursor is on how far `truster` trusts `trustee`."""

        def __init__(self, truster: str, trustee: str, value: float) -> None:
            super().__init__()
            self.truster = truster
            self.trustee = trustee
            self.value = value

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._members: list[str] = []
        self._labels: dict[str, str] = {}
        self._trust: Mapping[str, Mapping[str, float]] = {}
        self._cell_width = 4
        self._rows: dict[int, Strip] = {}

    def set_matrix(
        self, members: Sequence[str], labels: Mapping[str, str], trust: Mapping[str, Mapping[str, float]]
    ) -> None:
        """Show `trust[a][b]` for every pair of `members` (does nothing if nothing changed)."""
        if list(members) == self._members and trust == self._trust:
            return
        self._members = list(members)
        self._labels = dict(labels)
        self._trust = trust
        longest = max((len(labels.get(member, member)) for member in members), default=3)
        self._cell_width = max(4, min(longest, 7) + 1)
        self._rows.clear()
        self.virtual_size = Size(LABEL_WIDTH + self._cell_width * len(members), len(members) + 1)
        self.refresh()
        self._announce()

    def value(self, truster: str, trustee: str) -> float:
        return self._trust.get(truster, {}).get(trustee, 0.5)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_x, scroll_y = (int(offset) for offset in self.scroll_offset)
        if y == 0:
            label = Strip([Segment("trusts →".ljust(LABEL_WIDTH), _HEADER)])
            cells = Strip(
                [
                    Segment(self._labels.get(member, member)[: self._cell_width - 1].center(self._cell_width), _HEADER)
                    for member in self._members
                ]
            )
        else:
            row = scroll_y + y - 1
            if not 0 <= row < len(self._members):
                return Strip.blank(width, self.rich_style)
            truster = self._members[row]
            label = Strip([Segment(self._labels.get(truster, truster)[: LABEL_WIDTH - 1].ljust(LABEL_WIDTH), _LABEL)])
            cells = self._row_strip(row)
        visible = max(width - LABEL_WIDTH, 0)
        line = Strip.join([label, cells.crop(scroll_x, scroll_x + visible)])
        return line.adjust_cell_length(width).apply_style(self.rich_style)

    def _row_strip(self, row: int) -> Strip:
        focus_col = self.cursor[0] if self.cursor[1] == row + 1 and self.has_focus else -1
        key = row * 10_000 + focus_col + 1
        cached = self._rows.get(key)
        if cached is not None:
            return cached
        truster = self._members[row]
        segments = []
        for column, trustee in enumerate(self._members):
            if trustee == truster:
                segments.append(Segment("·".center(self._cell_width), _SELF))
                continue
            value = self.value(truster, trustee)
            style = Style(color="#FFFFFF", bgcolor=palette.heat_colour(value), reverse=column == focus_col)
            segments.append(Segment(cell_text(value, self._cell_width), style))
        strip = Strip(segments)
        self._rows[key] = strip
        return strip

    # -- the cursor ------------------------------------------------------------------------------------------

    def action_move(self, dx: int, dy: int) -> None:
        if not self._members:
            return
        column, row = self.cursor
        column = min(max(column + dx, 0), len(self._members) - 1)
        row = min(max(row + dy, 1), len(self._members))
        self.cursor = (column, row)
        self.scroll_to_region_of_cursor()

    def scroll_to_region_of_cursor(self) -> None:
        column, row = self.cursor
        height = self.scrollable_content_region.height
        width = max(self.scrollable_content_region.width - LABEL_WIDTH, self._cell_width)
        x, y = (int(offset) for offset in self.scroll_offset)
        left = column * self._cell_width
        if left < x:
            x = left
        elif left + self._cell_width > x + width:
            x = left + self._cell_width - width
        if row - 1 < y:
            y = row - 1
        elif row > y + height - 1:
            y = row - height + 1
        self.scroll_to(x=x, y=y, animate=False)

    def watch_cursor(self) -> None:
        self._rows.clear()
        self.refresh()
        self._announce()

    def _announce(self) -> None:
        column, row = self.cursor
        if 0 <= column < len(self._members) and 1 <= row <= len(self._members):
            truster, trustee = self._members[row - 1], self._members[column]
            if truster != trustee:
                self.post_message(self.CellHighlighted(truster, trustee, self.value(truster, trustee)))

    def on_click(self, event: events.Click) -> None:
        x, y = (int(offset) for offset in self.scroll_offset)
        if event.x >= LABEL_WIDTH and event.y >= 1:
            self.cursor = ((event.x - LABEL_WIDTH + x) // self._cell_width, event.y + y)

    def on_focus(self) -> None:
        self._rows.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._rows.clear()
        self.refresh()
