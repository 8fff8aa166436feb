"""LineList, the console's fast list: it formats only the rows it draws, follows new rows only when the reader is
at the newest, and every row stays reachable from the keyboard."""

from __future__ import annotations

from textual.app import App, ComposeResult

from boardsim.ui.widgets.line_list import LineList, LineRow, MappedRows

from .support import run


def counting_rows(count: int, asked: set[int]) -> MappedRows[int]:
    """`count` rows made on demand, adding each index asked for to `asked`."""

    def make(index: int) -> LineRow:
        asked.add(index)
        return ((f"{index:05d}", "dim"),), f"row {index}"

    return MappedRows(range(count), make)


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield LineList((5,), ("n", "sentence"), id="list")


def test_only_the_rows_drawn_are_formatted() -> None:
    """Ten thousand rows in a list twenty lines high: only the rows on screen are ever built."""

    async def scenario() -> tuple[set[int], int]:
        app = ListApp()
        async with app.run_test(size=(60, 20)) as pilot:
            asked: set[int] = set()
            lines = app.query_one(LineList)
            lines.set_rows(counting_rows(10_000, asked))
            await pilot.pause()
            await pilot.pause()
            return asked, lines.cursor

    asked, cursor = run(scenario())
    assert cursor == 9_999
    assert asked
    assert len(asked) <= 40
    assert min(asked) > 9_900


def test_new_rows_are_followed_only_from_the_newest_row() -> None:
    """At the newest row, rows added at the end move the cursor to the new newest; a reader who has gone back to
    an older row stays there."""

    async def scenario() -> tuple[int, int]:
        app = ListApp()
        async with app.run_test(size=(60, 20)) as pilot:
            lines = app.query_one(LineList)
            lines.set_rows(counting_rows(100, set()))
            await pilot.pause()
            lines.set_rows(counting_rows(150, set()), grown=True)
            await pilot.pause()
            followed = lines.cursor
            lines.action_cursor(-10)
            lines.set_rows(counting_rows(200, set()), grown=True)
            await pilot.pause()
            return followed, lines.cursor

    followed, reading = run(scenario())
    assert followed == 149
    assert reading == 139


def test_home_reaches_the_first_row_of_a_long_history() -> None:
    """Home (on the focused list) moves to the very first row, however many there are."""

    async def scenario() -> tuple[int, str]:
        app = ListApp()
        async with app.run_test(size=(60, 20)) as pilot:
            lines = app.query_one(LineList)
            lines.set_rows(counting_rows(5_000, set()))
            lines.focus()
            await pilot.pause()
            await pilot.press("home")
            return lines.cursor, lines.sentence_at(lines.cursor)

    assert run(scenario()) == (0, "row 0")
