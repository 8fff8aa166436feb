"""A FreshScreen is styled once before its first paint, and still correctly: its own stylesheet applies to it
and its widgets, and coming back to it restyles it as Textual normally does."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.color import Color
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

from boardsim.ui.screens.fresh_screen import FreshScreen

from .support import run


class Probe(FreshScreen[None]):
    CSS = "Probe { background: #ff0000; } Probe #probe { color: #0000ff; }"

    def compose(self) -> ComposeResult:
        yield Static("probe", id="probe")


class PlainProbe(Screen[None]):
    CSS = "PlainProbe { background: #ff0000; } PlainProbe #probe { color: #0000ff; }"

    def compose(self) -> ComposeResult:
        yield Static("probe", id="probe")


class ProbeApp(App[None]):
    """Shows its default screen first, so the probe's stylesheet is read only when the probe is pushed."""

    def __init__(self, probe: type[Screen[None]]) -> None:
        super().__init__()
        self.probe = probe


@pytest.fixture
def styled(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each widget with an id has been styled."""
    counts: Counter[str] = Counter()
    original = Stylesheet.apply

    def apply(self: Stylesheet, node: DOMNode, *args: Any, **kwargs: Any) -> None:
        if node.id:
            counts[node.id] += 1
        original(self, node, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", apply)
    return counts


def _show(probe: type[Screen[None]], styled: Counter[str], come_back: bool = False) -> tuple[Color, Color, int]:
    async def scenario() -> tuple[Color, Color, int]:
        app = ProbeApp(probe)
        async with app.run_test() as pilot:
            await pilot.pause()
            app.install_screen(probe(), name="probe")  # installed: it stays alive when popped, to come back to
            app.push_screen("probe")
            await pilot.pause()
            if come_back:
                app.pop_screen()
                await pilot.pause()
                app.push_screen("probe")
                await pilot.pause()
            screen = app.screen
            text = screen.query_one("#probe", Static)
            return screen.styles.background, text.styles.color, styled["probe"]

    return run(scenario())


RED, BLUE = Color.parse("#ff0000"), Color.parse("#0000ff")


def test_a_fresh_screens_own_stylesheet_applies_to_it_and_its_widgets(styled: Counter[str]) -> None:
    """The screen's stylesheet, read only as it is pushed, styles the screen itself and what it composes."""
    background, colour, _ = _show(Probe, styled)
    assert (background, colour) == (RED, BLUE)


def test_widgets_on_a_fresh_screen_are_styled_once_before_the_first_paint(styled: Counter[str]) -> None:
    """Textual styles a widget as it mounts and again when its new screen is shown; a FreshScreen skips the
    second pass."""
    assert _show(PlainProbe, styled)[2] == 2
    styled.clear()
    assert _show(Probe, styled)[2] == 1


def test_coming_back_to_a_fresh_screen_restyles_it(styled: Counter[str]) -> None:
    """Only the first showing is spared: a screen pushed again is restyled in full, as any screen is."""
    background, colour, count = _show(Probe, styled, come_back=True)
    assert (background, colour) == (RED, BLUE)
    assert count == 2
