"""What each main screen looks like at 80×24 and 160×48, compared with approved SVG snapshots.

Every snapshot is deterministic: the shipped scenario at seed 7, two human seats, a fixed journal file name,
and no wall-clock text on any screen. Update them with `pytest tests/ui --snapshot-update` after checking
the report shows an intended change.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from boardsim.ui.app import BoardsimApp, build_app
from boardsim.ui.launch import SeatChoice

from .conftest import REPO
from .support import settle, to_console

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
SnapCompare = Callable[..., bool]


def steps(*keys: str, console: bool = False) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """A run_before that settles, optionally steps back to the console, then presses `keys`, settling after each."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        if console:
            await to_console(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_picker(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    """The scenario picker: each shipped scenario's title and synopsis."""
    app = build_app(search_dirs=[REPO / "scenarios"], journal_path=tmp_path / "journal.jsonl")
    assert snap_compare(app, terminal_size=size, run_before=steps())


@pytest.mark.parametrize("size", SIZES)
def test_setup(snap_compare: SnapCompare, make_app: Callable[..., BoardsimApp], size: tuple[int, int]) -> None:
    """The set-up screen, pre-filled with two human seats."""
    app = make_app(bots=None, seats={"public-health": SeatChoice("human", "Dee"), "icb": SeatChoice("human", "Ian")})
    assert snap_compare(app, terminal_size=size, run_before=steps())


@pytest.mark.parametrize("size", SIZES)
def test_privacy(snap_compare: SnapCompare, make_app: Callable[..., BoardsimApp], size: tuple[int, int]) -> None:
    """The privacy screen that passes the keyboard to the Director of Public Health."""
    assert snap_compare(make_app(), terminal_size=size, run_before=steps())


@pytest.mark.parametrize("size", SIZES)
def test_seat(snap_compare: SnapCompare, make_app: Callable[..., BoardsimApp], size: tuple[int, int]) -> None:
    """The Director of Public Health's seat with the risk-share vote open."""
    assert snap_compare(make_app(), terminal_size=size, run_before=steps("enter"))


@pytest.mark.parametrize("size", SIZES)
def test_console(snap_compare: SnapCompare, make_app: Callable[..., BoardsimApp], size: tuple[int, int]) -> None:
    """The facilitator's console while the risk-share vote waits on two human seats."""
    assert snap_compare(make_app(), terminal_size=size, run_before=steps(console=True))


@pytest.mark.parametrize("size", SIZES)
def test_console_trust(snap_compare: SnapCompare, make_app: Callable[..., BoardsimApp], size: tuple[int, int]) -> None:
    """The console's trust tab after the first vote: heat map and change log with causes."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await to_console(pilot)
        app = pilot.app
        assert isinstance(app, BoardsimApp)
        app.controller.submit("public-health", "risk-share", option="split-by-contribution")
        app.controller.submit("icb", "risk-share", option="council-carries")
        await to_console(pilot)
        await pilot.press("3")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_projector(snap_compare: SnapCompare, make_app: Callable[..., BoardsimApp], size: tuple[int, int]) -> None:
    """The projector after the first vote: the tally, rule, quorum and dissent, every choice revealed."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await to_console(pilot)
        app = pilot.app
        assert isinstance(app, BoardsimApp)
        app.controller.submit("public-health", "risk-share", option="split-by-contribution")
        app.controller.submit("icb", "risk-share", option="council-carries")
        await to_console(pilot)
        await pilot.press("v")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: SnapCompare, make_app: Callable[..., BoardsimApp], size: tuple[int, int]) -> None:
    """The help screen listing every key."""
    assert snap_compare(make_app(), terminal_size=size, run_before=steps("f1", console=True))
