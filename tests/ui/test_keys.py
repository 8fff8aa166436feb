"""Keys: every binding has an id, ids remap keys, the help screen lists them all, the command palette runs the
facilitator's commands."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable

from textual.binding import Binding
from textual.dom import DOMNode

import boardsim.ui
from boardsim.ui.app import BoardsimApp
from boardsim.ui.launch import SeatChoice
from boardsim.ui.screens.console import ConsoleScreen
from boardsim.ui.screens.help import HelpScreen

from .support import run, screen_text, settle, to_console

ONE_HUMAN = {"public-health": SeatChoice("human", "Dee")}


def ui_classes_with_bindings() -> list[type[DOMNode]]:
    found: list[type[DOMNode]] = []
    for info in pkgutil.walk_packages(boardsim.ui.__path__, "boardsim.ui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, DOMNode) and cls.__module__ == info.name and "BINDINGS" in cls.__dict__:
                found.append(cls)
    return found


def test_every_binding_has_an_id() -> None:
    """Every key binding boardsim defines carries an id, so any key can be remapped."""
    classes = ui_classes_with_bindings()
    assert ConsoleScreen in classes
    missing = [
        f"{cls.__name__}:{binding.key}"
        for cls in classes
        for binding in cls.__dict__["BINDINGS"]
        if isinstance(binding, Binding) and not binding.id
    ]
    assert missing == []


def test_a_remapped_key_runs_its_command_and_the_help_shows_it(make_app: Callable[..., BoardsimApp]) -> None:
    """With console.pause mapped to F9, F9 pauses (p no longer does) and the help screen lists F9 for it."""

    async def scenario() -> tuple[bool, bool, list[str]]:
        app = make_app(seats=ONE_HUMAN, keymap={"console.pause": "f9"})
        async with app.run_test(size=(120, 40)) as pilot:
            await to_console(pilot)
            await pilot.press("p")
            await settle(pilot)
            assert app.dashboard is not None
            paused_by_p = app.dashboard.board.paused
            await pilot.press("f9")
            await settle(pilot)
            paused_by_f9 = app.dashboard.board.paused
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            shown = screen_text(app)
            row = next(row for row in app.screen.rows if row[3] == "console.pause")
            return paused_by_p, paused_by_f9, [*row, shown]

    paused_by_p, paused_by_f9, help_row = run(scenario())
    assert paused_by_p is False
    assert paused_by_f9 is True
    assert help_row[1] == "F9"
    assert "console.pause" in help_row[4]


def test_help_lists_every_console_key(make_app: Callable[..., BoardsimApp]) -> None:
    """F1 on the console lists every console binding by id."""

    async def scenario() -> set[str]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test(size=(120, 40)) as pilot:
            await to_console(pilot)
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            return {row[3] for row in app.screen.rows}

    listed = run(scenario())
    console_ids = {b.id for b in ConsoleScreen.BINDINGS if isinstance(b, Binding) and b.id}
    assert console_ids <= listed


def test_the_command_palette_runs_facilitator_commands(make_app: Callable[..., BoardsimApp]) -> None:
    """Ctrl+P, typing 'pause' and Enter pauses the run, exactly like the p key."""

    async def scenario() -> bool:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test(size=(120, 40)) as pilot:
            await to_console(pilot)
            await pilot.press("ctrl+p", *"pause", "enter")
            await settle(pilot)
            assert app.dashboard is not None
            return app.dashboard.board.paused

    assert run(scenario()) is True
