"""The trust heat map redraws only the rows whose trust moved, and what it draws reads without colour."""

from __future__ import annotations

from textual.app import App, ComposeResult

from boardsim.ui.widgets.trust_grid import TrustGrid, cell_text

from .support import run

MEMBERS = [f"m{index:02d}" for index in range(12)]


def matrix(value: float) -> dict[str, dict[str, float]]:
    return {a: {b: value for b in MEMBERS if b != a} for a in MEMBERS}


class GridApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TrustGrid(id="grid")


def test_only_rows_whose_trust_moved_are_redrawn() -> None:
    """Moving one member's trust in others redraws that member's row only; the other rows are drawn once."""

    async def scenario() -> tuple[list[int], list[int]]:
        app = GridApp()
        async with app.run_test(size=(80, 20)) as pilot:
            grid = app.query_one(TrustGrid)
            drawn: list[int] = []
            draw = grid._draw

            def counting_draw(row: int, scroll_x: int, width: int, cursor_column: int) -> object:
                drawn.append(row)
                return draw(row, scroll_x, width, cursor_column)

            grid._draw = counting_draw  # type: ignore[method-assign,assignment]
            first = matrix(0.5)
            grid.set_matrix(MEMBERS, {}, first)
            await pilot.pause()
            initially = sorted(drawn)
            drawn.clear()
            second = dict(first)  # every other row is the same object, as in successive metrics snapshots
            second["m03"] = {b: 0.8 for b in MEMBERS if b != "m03"}
            grid.set_matrix(MEMBERS, {}, second)
            await pilot.pause()
            return initially, sorted(drawn)

    initially, redrawn = run(scenario())
    assert initially == list(range(-1, len(MEMBERS)))
    assert redrawn == [3]


def test_a_cell_reads_without_colour() -> None:
    """Each cell carries a shade glyph and the trust as a number: low and high differ in both."""
    assert cell_text(0.3, 4).strip() == "░30"
    assert cell_text(0.62, 4).strip() == "▓62"
    assert cell_text(1.0, 4).strip() == "█99"
