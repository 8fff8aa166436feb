"""Helpers for driving the app in Pilot tests without sleeping: wait for the engine, read the screen."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Coroutine
from html import unescape
from typing import Any, TypeVar

from rich.text import Text
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static, Tab, TextArea

from boardsim.ui.app import BoardsimApp
from boardsim.ui.widgets.line_list import LineList

T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a Pilot scenario to completion from a plain (synchronous) test."""
    return asyncio.run(coroutine)


async def settle(pilot: Pilot[int]) -> None:
    """Wait until every engine command has finished and its message has been handled."""
    app = pilot.app
    assert isinstance(app, BoardsimApp)
    for _ in range(50):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not app.has_run or app.controller.pending == 0:
            return
    raise AssertionError("the engine did not settle")


def screen_text(app: BoardsimApp) -> str:
    """Everything visible on the terminal now, as plain text (from an SVG export of the screen)."""
    svg = app.export_screenshot()
    parts = re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)
    return unescape("".join(parts)).replace("\xa0", " ")


def widget_text(app: BoardsimApp) -> str:
    """The text held by every widget on the active screen, shown or not (scrolled away, on other tabs)."""
    texts: list[str] = []
    for widget in app.screen.walk_children(with_self=True):
        if isinstance(widget, Static):
            texts.append(_plain(widget.content))
        elif isinstance(widget, OptionList):
            texts.extend(_plain(option.prompt) for option in widget.options)
        elif isinstance(widget, DataTable):
            for index in range(widget.row_count):
                texts.extend(_plain(cell) for cell in widget.get_row_at(index))
        elif isinstance(widget, LineList):
            for index in range(widget.row_count):
                row = widget.row_at(index)
                if row is not None:
                    cells, _ = row
                    texts.extend([*(text for text, _ in cells), widget.sentence_at(index)])
        elif isinstance(widget, Input):
            texts.append(widget.value)
        elif isinstance(widget, TextArea):
            texts.append(widget.text)
        elif isinstance(widget, Tab):
            texts.append(_plain(widget.label))
    return "\n".join(texts)


def _plain(value: object) -> str:
    if isinstance(value, Content):
        return value.plain
    if isinstance(value, Text):
        return value.plain
    return str(value)


async def to_console(pilot: Pilot[int]) -> None:
    """Settle, then step back from the hot-seat rotation to the facilitator's console (Esc on privacy screens)."""
    from boardsim.ui.screens.console import ConsoleScreen
    from boardsim.ui.screens.privacy import PrivacyScreen

    await settle(pilot)
    for _ in range(10):
        if isinstance(pilot.app.screen, ConsoleScreen):
            return
        if isinstance(pilot.app.screen, PrivacyScreen):
            await pilot.press("escape")
        await settle(pilot)
    raise AssertionError(f"could not get back to the console from {pilot.app.screen!r}")


async def choose(pilot: Pilot[int], option_id: str) -> None:
    """On a ChooseScreen, move to the option with `option_id` using the arrow keys, then press Enter."""
    from textual.widgets import OptionList

    await pilot.pause()
    options = pilot.app.screen.query_one(OptionList)
    index = next(i for i, option in enumerate(options.options) if option.id == option_id)
    start = options.highlighted if options.highlighted is not None else -1
    await pilot.press(*(["down"] * (index - start)), "enter")
