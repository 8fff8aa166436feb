"""A fast scrolling list of one-line rows (fixed columns, then a sentence cut with an ellipsis).

The timeline, the trust change log and the notes can hold hundreds of rows that change after every command;
a DataTable re-renders every cell whenever it is refilled, which is far too slow on a forty-member board.
This draws only the visible lines, each built once from plain text and a style, with a keyboard and mouse
cursor whose full sentence the owner can show below.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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

Cell = tuple[str, str]
"""Text and a Rich style string (e.g. 'dim', '#D55E00')."""
LineRow = tuple[tuple[Cell, ...], str]
"""The fixed cells of a row, then its sentence."""

_HEADER = Style(bold=True)
_CURSOR = Style(bgcolor="#0072B2", color="#FFFFFF")
_CURSOR_UNFOCUSED = Style(bgcolor="#2A3A4A")


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` cells with an ellipsis, or padded to it."""
    if len(text) > width:
        return text[: max(width - 1, 0)] + "…" if width > 0 else ""
    return text.ljust(width)


class LineList(ScrollView, can_focus=True):
    """Rows of fixed-width cells plus a sentence; ↑↓ PgUp PgDn Home End or a click move the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False, id="lines.up"),
        Binding("down", "cursor(1)", "Down", show=False, id="lines.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="lines.page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="lines.page-down"),
        Binding("home", "jump(0)", "First", show=False, id="lines.first"),
        Binding("end", "jump(-1)", "Last", show=False, id="lines.last"),
    ]

    DEFAULT_CSS = """
    LineList { height: 1fr; scrollbar-size-vertical: 1; }
    """

    cursor: var[int] = var(-1, init=False)

    class Highlighted(Message):
        """The cursor moved to row `index`."""

        def __init__(self, line_list: LineList, index: int) -> None:
            super().__init__()
            self.line_list = line_list
            self.index = index

        @property
        def control(self) -> LineList:
            return self.line_list

    def __init__(self, widths: Sequence[int], header: Sequence[str] | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._widths = list(widths)
        self._header = list(header) if header else None
        self._rows: list[LineRow] = []
        self._cache: dict[tuple[int, int, int], Strip] = {}

    # -- data ------------------------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def set_rows(self, rows: Iterable[LineRow], *, follow: bool = True) -> None:
        """Show exactly `rows`; with `follow`, the cursor goes to the last row."""
        fresh = list(rows)
        if fresh == self._rows:
            return
        self._rows = fresh
        self._cache.clear()
        self._changed(follow or self.cursor >= len(fresh))

    def append_rows(self, rows: Iterable[LineRow]) -> None:
        """Add rows at the bottom; the cursor follows if it was on the last row."""
        fresh = list(rows)
        if not fresh:
            return
        following = self.cursor >= len(self._rows) - 1
        self._rows.extend(fresh)
        self._changed(following)

    def sentence_at(self, index: int) -> str:
        return self._rows[index][1] if 0 <= index < len(self._rows) else ""

    def _changed(self, to_end: bool) -> None:
        # Cached lines stay valid when rows are only appended: each is keyed by its row, width and state.
        if len(self._cache) > 4_000:
            self._cache.clear()
        relayout = self._set_virtual_size(Size(self._total_width(), len(self._rows) + self._top))
        if to_end or self.cursor >= len(self._rows):
            self.cursor = len(self._rows) - 1
            # After a relayout the new size is only known on the next refresh; otherwise scroll in this frame.
            if relayout:
                self.call_after_refresh(self._show_cursor)
            else:
                self._show_cursor()
        self.refresh()

    def _set_virtual_size(self, size: Size) -> bool:
        """Set the scrollable size; True if that needs a relayout of the screen."""
        # Assigning `virtual_size` relayouts the whole screen (tens of milliseconds with a full console). When
        # the scrollbar neither appears nor disappears, only the scrollbar's window needs to move.
        height = self.scrollable_content_region.height
        same_scrollbar = (self.virtual_size.height > height) == (size.height > height)
        scroll_update = getattr(self, "_scroll_update", None)
        mounted = self.virtual_size.width > 0
        if mounted and same_scrollbar and size.width == self.virtual_size.width and callable(scroll_update):
            self.set_reactive(LineList.virtual_size, size)
            scroll_update(size)
            return False
        self.virtual_size = size
        return True

    # -- drawing ---------------------------------------------------------------------------------------------

    @property
    def _top(self) -> int:
        return 1 if self._header else 0

    def _total_width(self) -> int:
        return sum(width + 1 for width in self._widths) + 20

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self._header and y == 0:
            return self._strip(self._header_cells(), "", width, _HEADER)
        index = int(self.scroll_offset.y) + y - self._top
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, self.rich_style)
        state = 2 if index == self.cursor and self.has_focus else 1 if index == self.cursor else 0
        key = (index, width, state)
        cached = self._cache.get(key)
        if cached is None:
            cells, sentence = self._rows[index]
            highlight = _CURSOR if state == 2 else _CURSOR_UNFOCUSED if state == 1 else None
            cached = self._strip(cells, sentence, width, highlight)
            self._cache[key] = cached
        return cached

    def _header_cells(self) -> tuple[Cell, ...]:
        assert self._header is not None
        return tuple((label, "bold") for label in self._header[: len(self._widths)])

    def _strip(self, cells: tuple[Cell, ...], sentence: str, width: int, highlight: Style | None) -> Strip:
        segments: list[Segment] = [Segment(" ")]
        used = 1
        for (text, style), cell_width in zip(cells, self._widths, strict=False):
            segments.append(Segment(_fit(text, cell_width), Style.parse(style) if style else None))
            segments.append(Segment(" "))
            used += cell_width + 1
        if self._header and sentence == "" and len(self._header) > len(self._widths):
            sentence = self._header[len(self._widths)]
        segments.append(Segment(_fit(sentence, max(width - used, 0))))
        strip = Strip(segments).adjust_cell_length(width)
        if highlight is not None:
            strip = strip.apply_style(highlight)
        return strip.apply_style(self.rich_style)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        if 0 <= new < len(self._rows):
            self.post_message(self.Highlighted(self, new))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- moving ----------------------------------------------------------------------------------------------

    def _show_cursor(self) -> None:
        visible = max(self.scrollable_content_region.height - self._top, 1)
        top = int(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def _move_to(self, index: int) -> None:
        if self._rows:
            self.cursor = min(max(index, 0), len(self._rows) - 1)
            self._show_cursor()

    def action_cursor(self, step: int) -> None:
        self._move_to(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self._move_to(self.cursor + direction * max(self.scrollable_content_region.height - self._top - 1, 1))

    def action_jump(self, where: int) -> None:
        self._move_to(where if where >= 0 else len(self._rows) - 1)

    def on_click(self, event: events.Click) -> None:
        if self._header and event.y == 0:
            return
        self._move_to(int(self.scroll_offset.y) + event.y - self._top)
