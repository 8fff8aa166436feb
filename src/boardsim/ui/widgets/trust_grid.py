"""The trust matrix drawn directly as lines: a header row and a label column that stay put while the cells
scroll, a shade glyph and a number in every cell, and a keyboard cursor.

Forty members make 1,600 cells. Each drawn line is kept until its row of trust, the cursor on it, the scroll
position or the width changes; each cell's look (glyph, number, colours) is worked out once per value. A
decision that moves trust redraws only the rows whose trust moved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from boardsim.ui import palette

LABEL_WIDTH = 9
_HEADER = Style(bold=True)
_LABEL = Style(bold=True)
_SELF = Style(dim=True)
_LINES_KEPT = 2_000


def cell_text(value: float, width: int) -> str:
    """'▓62' centred in `width` cells: the shade glyph says low/high without colour, the number says how much."""
    score = min(round(value * 100), 99)
    return f"{palette.shade(value)}{score:02d}".center(width)


@lru_cache(maxsize=8192)
def _cell(value: float, width: int, cursor: bool) -> Segment:
    """One cell, drawn once per value (trust is rounded, so a board has a few hundred distinct values)."""
    style = Style(color="#FFFFFF", bgcolor=palette.heat_colour(value), reverse=cursor)
    return Segment(cell_text(value, width), style)


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
        self._lines: dict[tuple[int, int, int, int], Strip] = {}
        """Drawn lines by (row, scroll x, width, cursor column on this row or -1); row -1 is the header."""
        self._line_style = Style()
        """The widget's own style the drawn lines were made with."""

    def set_matrix(
        self, members: Sequence[str], labels: Mapping[str, str], trust: Mapping[str, Mapping[str, float]]
    ) -> None:
        """Show `trust[a][b]` for every pair of `members`, redrawing only the rows that changed."""
        members = list(members)
        if members != self._members or labels != self._labels:
            self._members = members
            self._labels = dict(labels)
            longest = max((len(labels.get(member, member)) for member in members), default=3)
            self._cell_width = max(4, min(longest, 7) + 1)
            self._lines.clear()
            self._trust = trust
            self.virtual_size = Size(LABEL_WIDTH + self._cell_width * len(members), len(members) + 1)
            self.refresh()
            self._announce()
            return
        old = self._trust
        changed = [
            index
            for index, member in enumerate(members)
            if (row := trust.get(member)) is not (previous := old.get(member)) and row != previous
        ]
        self._trust = trust
        if not changed:
            return
        rows = set(changed)
        self._lines = {key: line for key, line in self._lines.items() if key[0] not in rows}
        top = int(self.scroll_offset.y)
        for index in changed:
            self.refresh(Region(0, index + 1 - top, self.size.width, 1))
        self._announce()

    def value(self, truster: str, trustee: str) -> float:
        return self._trust.get(truster, {}).get(trustee, 0.5)

    def render_lines(self, crop: Region) -> list[Strip]:
        style = self.rich_style  # worked out once per redraw, not per line
        if style != self._line_style or len(self._lines) > _LINES_KEPT:
            self._lines.clear()
            self._line_style = style
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_x, scroll_y = (int(offset) for offset in self.scroll_offset)
        row = -1 if y == 0 else scroll_y + y - 1
        if not -1 <= row < len(self._members):
            return Strip.blank(width, self._line_style)
        cursor_column = self.cursor[0] if row >= 0 and self.cursor[1] == row + 1 and self.has_focus else -1
        key = (row, scroll_x, width, cursor_column)
        line = self._lines.get(key)
        if line is None:
            line = self._lines[key] = self._draw(row, scroll_x, width, cursor_column)
        return line

    def _draw(self, row: int, scroll_x: int, width: int, cursor_column: int) -> Strip:
        width_of_cell = self._cell_width
        if row < 0:
            label = Segment("trusts →".ljust(LABEL_WIDTH), _HEADER)
            cells = [
                Segment(self._labels.get(member, member)[: width_of_cell - 1].center(width_of_cell), _HEADER)
                for member in self._members
            ]
        else:
            truster = self._members[row]
            label = Segment(self._labels.get(truster, truster)[: LABEL_WIDTH - 1].ljust(LABEL_WIDTH), _LABEL)
            trusts = self._trust.get(truster, {})
            cells = [
                Segment("·".center(width_of_cell), _SELF)
                if trustee == truster
                else _cell(trusts.get(trustee, 0.5), width_of_cell, column == cursor_column)
                for column, trustee in enumerate(self._members)
            ]
        visible = max(width - LABEL_WIDTH, 0)
        line = Strip.join([Strip([label]), Strip(cells).crop(scroll_x, scroll_x + visible)])
        return line.adjust_cell_length(width).apply_style(self._line_style)

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

    def watch_cursor(self, old: tuple[int, int], new: tuple[int, int]) -> None:
        # Only the rows the cursor left and entered look different.
        top = int(self.scroll_offset.y)
        for _, row in {old, new}:
            self.refresh(Region(0, row - top, self.size.width, 1))
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
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
