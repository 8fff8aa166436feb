"""The journal is saved after every change; when it cannot be, the console says so and play goes on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from boardsim.core.engine import Journal
from boardsim.ui.app import BoardsimApp
from boardsim.ui.launch import SeatChoice

from .support import run, screen_text, settle, to_console

ONE_HUMAN = {"public-health": SeatChoice("human", "Dee")}


def test_every_change_is_on_disk_before_the_next_key(make_app: Callable[..., BoardsimApp]) -> None:
    """After each command the file holds exactly the session's journal so far (nothing waits for quitting)."""

    async def scenario() -> list[tuple[str, str]]:
        app = make_app(seats=ONE_HUMAN)
        pairs: list[tuple[str, str]] = []
        async with app.run_test() as pilot:
            await to_console(pilot)
            for keys in (("p",), ("p",), ("n", *"a note", "ctrl+s")):
                await pilot.press(*keys)
                await settle(pilot)
                pairs.append(
                    (app.controller.journal_path.read_text(encoding="utf-8"), app.controller.session_journal_text())
                )
        return pairs

    pairs = run(scenario())
    assert all(saved == session for saved, session in pairs)
    lengths = [len(Journal.from_jsonl(saved).events) for saved, _ in pairs]
    assert lengths[0] < lengths[1] < lengths[2]


def test_a_journal_that_cannot_be_saved_is_reported_on_the_console(
    make_app: Callable[..., BoardsimApp], tmp_path: Path
) -> None:
    """A journal path inside a file (not a folder) cannot be written: the status line says so, in words."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")

    async def scenario() -> tuple[str, bool]:
        app = make_app(seats=ONE_HUMAN, journal_path=blocker / "journal.jsonl")
        async with app.run_test(size=(160, 48)) as pilot:
            await to_console(pilot)
            await pilot.press("p")
            await settle(pilot)
            assert app.dashboard is not None
            return screen_text(app), app.dashboard.board.paused

    text, paused = run(scenario())
    assert "JOURNAL NOT SAVED" in text
    assert paused is True
