"""A fast scrolling list of one-line rows (fixed columns, then a sentence cut with an ellipsis).

The timeline, the trust change log, the notes and the console's tables can hold thousands of rows that change
after every command; a DataTable re-renders its cells whenever it is refilled, shown again or resized, which
is far too slow on a forty-member board. This draws only the visible lines, each built once from plain text
and a style and kept until its row changes, with a keyboard and mouse cursor whose full sentence the owner can
show below. The rows may be any sequence, so a long history can format a row only when it is drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar, Generic, TypeVar, overload

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

Cell = tuple[str, str]
"""Text and a Rich style string (e.g. 'dim', 'bold #D55E00'); pad the text yourself to right-align it."""
Sentence = str | Cell
"""The rest of a row: plain text, or text and a style."""
LineRow = tuple[tuple[Cell, ...], Sentence]
"""The fixed cells of a row, then its sentence. A row with no cells is a heading: its sentence spans the line."""

Item = TypeVar("Item")


class MappedRows(Sequence[LineRow], Generic[Item]):
    """Rows made from `items` by `make`, each only when it is asked for (a LineList asks only for what it draws)."""

    def __init__(self, items: Sequence[Item], make: Callable[[Item], LineRow]) -> None:
        self._items = items
        self._make = make

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> LineRow: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[LineRow]: ...
    def __getitem__(self, index: int | slice) -> LineRow | Sequence[LineRow]:
        if isinstance(index, slice):
            return [self._make(item) for item in self._items[index]]
        return self._make(self._items[index])


_CURSOR = Style(bgcolor="#0072B2", color="#FFFFFF")
_CURSOR_UNFOCUSED = Style(bgcolor="#2A3A4A")
_CACHE_LIMIT = 4_000
"""Drawn lines kept at most (a screenful is a few dozen)."""


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

    # A list whose number of rows changes should keep its scrollbar (`overflow-y: scroll`): a scrollbar
    # appearing or going costs the whole screen two extra layouts, in the middle of a key press.
    DEFAULT_CSS = """
    LineList { height: 1fr; scrollbar-size-vertical: 1; scrollbar-size-horizontal: 1; }
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

    def __init__(
        self,
        widths: Sequence[int],
        header: Sequence[str] | None = None,
        *,
        sentence_width: int = 20,
        id: str | None = None,
    ) -> None:
        """`widths` of the fixed cells; `header` labels them (and the sentence); the sentence gets the rest of
        the line, at least `sentence_width` cells (beyond that the list scrolls sideways)."""
        super().__init__(id=id)
        self._widths = list(widths)
        self._header = list(header) if header else None
        self._sentence_width = sentence_width
        self._rows: Sequence[LineRow] = []
        self._cache: dict[tuple[int, int, int], Strip] = {}
        self._line_style = Style()
        """The widget's own style the cached lines were drawn with."""
        self._cursor_to_show = False

    # -- data ------------------------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def row_at(self, index: int) -> LineRow | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def set_rows(self, rows: Iterable[LineRow], *, follow: bool = True, grown: bool = False) -> None:
        """Show `rows`. A Sequence is kept as it is (it may build each row only when asked for it).

        `follow`: put the cursor on the last row (with `grown`, only if it was on the last row already, so a
        person reading older rows is not pulled away). `grown`: `rows` are the rows shown now, unchanged, plus
        new ones at the end, so the lines already drawn stay valid.
        """
        fresh = rows if isinstance(rows, Sequence) else list(rows)
        old_count = len(self._rows)
        if grown:
            if len(fresh) == old_count:
                self._rows = fresh
                return
            follow = follow and self.cursor >= old_count - 1
        elif isinstance(fresh, list) and isinstance(self._rows, list) and fresh == self._rows:
            return
        else:
            self._cache.clear()
        self._rows = fresh
        self._changed(follow or self.cursor >= len(fresh))

    def append_rows(self, rows: Iterable[LineRow]) -> None:
        """Add rows at the bottom; the cursor follows if it was on the last row."""
        fresh = list(rows)
        if fresh:
            self.set_rows([*self._rows, *fresh], grown=True)

    def sentence_at(self, index: int) -> str:
        if not 0 <= index < len(self._rows):
            return ""
        sentence = self._rows[index][1]
        return sentence if isinstance(sentence, str) else sentence[0]

    def _changed(self, to_end: bool) -> None:
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        relayout = self._update_virtual_size()
        if to_end or self.cursor >= len(self._rows):
            self.cursor = len(self._rows) - 1
            # Scroll in this frame if the list has a size; after a relayout (or while hidden: on a tab or a screen
            # not shown) the size is only final once the list is laid out again, so make sure again then.
            if self.scrollable_content_region.height:
                self._show_cursor()
            if relayout or not self.scrollable_content_region.height:
                self._cursor_to_show = True
        self.refresh()

    def _min_width(self) -> int:
        """The narrowest a line may be: the fixed cells and the sentence's minimum (wider scrolls sideways)."""
        return 1 + sum(width + 1 for width in self._widths) + self._sentence_width

    def _update_virtual_size(self) -> bool:
        """Set the scrollable size; True if that needs a relayout of the screen."""
        # The width is the narrowest line, not the view's width, so the scrollable size never changes with the
        # view's size (a list on a tab not shown yet has no size at all).
        size = Size(self._min_width(), len(self._rows) + self._top)
        if size == self.virtual_size:
            return False
        # Assigning `virtual_size` relayouts the whole screen (tens of milliseconds with a full console). When
        # no scrollbar appears or disappears (and the list's height does not follow its rows), only the
        # scrollbars' windows need to move.
        region = self.scrollable_content_region
        styles = self.styles
        same_scrollbars = (
            styles.overflow_y == "scroll" or (self.virtual_size.height > region.height) == (size.height > region.height)
        ) and (styles.overflow_x == "scroll" or (self.virtual_size.width > region.width) == (size.width > region.width))
        height = styles.height
        sized_by_content = height is not None and height.is_auto
        if self.virtual_size.width > 0 and same_scrollbars and not sized_by_content:
            self.set_reactive(LineList.virtual_size, size)
            self._scroll_update(size)
            return False
        self.virtual_size = size
        return True

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if self._cursor_to_show and self.scrollable_content_region.height:
            self._cursor_to_show = False
            self.call_later(self._show_cursor)
        return changed

    # -- drawing ---------------------------------------------------------------------------------------------

    @property
    def _top(self) -> int:
        return 1 if self._header else 0

    def render_lines(self, crop: Region) -> list[Strip]:
        style = self.rich_style  # worked out once per redraw, not per line: it walks up the DOM
        if style != self._line_style:
            self._cache.clear()
            self._line_style = style
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line_width = max(self._min_width(), width)
        scroll_x = int(self.scroll_offset.x)
        if self._header and y == 0:
            strip = self._strip(self._header_cells(), self._header_sentence(), line_width, None)
            return strip.crop(scroll_x, scroll_x + width).apply_style(Style(bold=True))
        index = int(self.scroll_offset.y) + y - self._top
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, self._line_style)
        state = 2 if index == self.cursor and self.has_focus else 1 if index == self.cursor else 0
        key = (index, line_width, state)
        cached = self._cache.get(key)
        if cached is None:
            cells, sentence = self._rows[index]
            highlight = _CURSOR if state == 2 else _CURSOR_UNFOCUSED if state == 1 else None
            cached = self._cache[key] = self._strip(cells, sentence, line_width, highlight)
        return cached.crop(scroll_x, scroll_x + width) if scroll_x or line_width > width else cached

    def _header_cells(self) -> tuple[Cell, ...]:
        assert self._header is not None
        return tuple((label, "") for label in self._header[: len(self._widths)])

    def _header_sentence(self) -> str:
        assert self._header is not None
        return self._header[len(self._widths)] if len(self._header) > len(self._widths) else ""

    def _strip(self, cells: tuple[Cell, ...], sentence: Sentence, width: int, highlight: Style | None) -> Strip:
        segments: list[Segment] = [Segment(" ")]
        used = 1
        for (text, style), cell_width in zip(cells, self._widths, strict=False):
            segments.append(Segment(_fit(text, cell_width), Style.parse(style) if style else None))
            segments.append(Segment(" "))
            used += cell_width + 1
        text, style = (sentence, "") if isinstance(sentence, str) else sentence
        segments.append(Segment(_fit(text, max(width - used, 0)), Style.parse(style) if style else None))
        strip = Strip(segments).adjust_cell_length(width)
        if highlight is not None:
            strip = strip.apply_style(highlight)
        return strip.apply_style(self._line_style)

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        if 0 <= new < len(self._rows):
            self.post_message(self.Highlighted(self, new))

    def _refresh_row(self, index: int) -> None:
        if 0 <= index < len(self._rows):
            self.refresh_line(index + self._top)

    def on_focus(self) -> None:
        self._refresh_row(self.cursor)

    def on_blur(self) -> None:
        self._refresh_row(self.cursor)

    # -- moving ----------------------------------------------------------------------------------------------

    def _show_cursor(self) -> None:
        visible = max(self.scrollable_content_region.height - self._top, 1)
        top = int(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, force=True, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, force=True, immediate=True)

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
