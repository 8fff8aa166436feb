"""How the console takes each new Dashboard: not while a seat's screen covers it (it catches up when shown), a
tab's panels up to date in the tab's first frame, every trust change reachable in the change log, and a footer
that is not rebuilt when its keys have not changed."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets._footer import FooterKey

from boardsim.core.engine import Journal
from boardsim.core.engine import events as ev
from boardsim.ui.app import BoardsimApp
from boardsim.ui.launch import SeatChoice
from boardsim.ui.screens.console import ConsoleScreen
from boardsim.ui.screens.privacy import PrivacyScreen
from boardsim.ui.widgets.board_summary import BoardSummary
from boardsim.ui.widgets.footer import StableFooter
from boardsim.ui.widgets.line_list import LineList

from .support import run, settle, to_console

ONE_HUMAN = {"public-health": SeatChoice("human", "Dee")}


def console_of(app: BoardsimApp) -> ConsoleScreen:
    console = next(screen for screen in app.screen_stack if isinstance(screen, ConsoleScreen))
    return console


def test_a_covered_console_catches_up_when_shown_again(make_app: Callable[..., BoardsimApp]) -> None:
    """While the privacy screen covers it the console keeps the Dashboard it last showed (the hand-over is drawn
    first, and nothing behind it); Esc back to it shows the latest one."""

    async def scenario() -> tuple[bool, bool, bool]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test(size=(160, 48)) as pilot:
            await to_console(pilot)
            await pilot.press("h")
            await settle(pilot)
            assert isinstance(app.screen, PrivacyScreen)
            app.controller.pause()
            await settle(pilot)
            console = console_of(app)
            behind = console.dashboard is not app.dashboard
            paused_in_app = app.dashboard is not None and app.dashboard.board.paused
            await to_console(pilot)
            return behind, paused_in_app, console.dashboard is app.dashboard

    behind, paused_in_app, shown = run(scenario())
    assert paused_in_app
    assert behind
    assert shown


def test_a_tab_is_up_to_date_before_it_is_first_drawn(make_app: Callable[..., BoardsimApp]) -> None:
    """A panel on a hidden tab misses Dashboards; the key that shows its tab brings it up to date before the
    screen is laid out and drawn, not in a second pass afterwards."""

    async def scenario() -> tuple[bool, bool]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test(size=(160, 48)) as pilot:
            await to_console(pilot)
            await pilot.press("2")
            await settle(pilot)
            await pilot.press("1")
            await pilot.press("p")
            await settle(pilot)
            console = console_of(app)
            summary = console.query_one("#board-summary", BoardSummary)
            stale_while_hidden = summary.dashboard is app.dashboard and summary._stale
            console.action_show_tab("board")  # what the key does, without letting the screen refresh yet
            return stale_while_hidden, not summary._stale

    stale_while_hidden, fresh = run(scenario())
    assert stale_while_hidden
    assert fresh


def test_the_trust_log_reaches_every_change(make_app: Callable[..., BoardsimApp]) -> None:
    """After a vote the change log holds every trust change in the journal, and Home on it shows the first."""

    async def scenario() -> tuple[int, int, str, str]:
        app = make_app()
        async with app.run_test(size=(160, 48)) as pilot:
            await to_console(pilot)
            app.controller.submit("public-health", "risk-share", option="split-by-contribution")
            app.controller.submit("icb", "risk-share", option="council-carries")
            await to_console(pilot)
            await pilot.press("3")
            await settle(pilot)
            log = app.screen.query_one("#trust-log", LineList)
            log.focus()
            await pilot.press("home")
            await pilot.pause()
            journal = Journal.from_jsonl(app.controller.session_journal_text())
            changes = [event for event in journal.events if isinstance(event, ev.TrustChanged)]
            return log.row_count, len(changes), log.sentence_at(log.cursor), changes[0].sentence if changes else ""

    rows, changes, first_shown, first_change = run(scenario())
    assert changes > 0
    assert rows == changes
    assert first_shown == first_change


def test_the_footer_is_not_rebuilt_when_its_keys_are_the_same(make_app: Callable[..., BoardsimApp]) -> None:
    """Moving between tabs and coming back from a seat leave the console's footer keys as they were (the same
    widgets), and they list the console's commands."""

    async def scenario() -> tuple[bool, list[str]]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test(size=(160, 48)) as pilot:
            await to_console(pilot)
            footer = app.screen.query_one(StableFooter)
            before = list(footer.query(FooterKey))
            await pilot.press("3", "1")
            await pilot.press("h")
            await to_console(pilot)
            after = list(footer.query(FooterKey))
            same = len(before) == len(after) and all(a is b for a, b in zip(before, after, strict=True))
            return same, [key.key for key in after]

    same, keys = run(scenario())
    assert same
    assert {"space", "p", "h"} <= set(keys)
