"""Play the shipped scenario to its end through keys only: the facilitator at the console, two board members
taking turns at the same terminal (hot-seat), and bots in the other seats."""

from __future__ import annotations

from collections.abc import Callable

from boardsim.core.engine import Journal
from boardsim.core.engine.events import DecisionSubmitted
from boardsim.ui.app import BoardsimApp
from boardsim.ui.screens.confirm import ConfirmScreen
from boardsim.ui.screens.console import ConsoleScreen
from boardsim.ui.screens.privacy import PrivacyScreen
from boardsim.ui.screens.seat import SeatScreen, undecided

from .support import run, settle


def test_keys_alone_play_the_shipped_scenario_to_its_end(make_app: Callable[..., BoardsimApp]) -> None:
    """Space advances, Enter passes privacy screens, arrows/Enter choose, typing pledges and reasons, Ctrl+S
    submits: the run reaches its end, every human decision is journalled with its reason, and the journal file
    on disk is the session's journal byte for byte."""
    app = make_app()
    journal_text, session_text = run(play_to_the_end(app))
    assert journal_text == session_text
    journal = Journal.from_jsonl(journal_text)
    submitted = [event for event in journal.events if isinstance(event, DecisionSubmitted)]
    assert {event.member for event in submitted} == {"public-health", "icb"}
    assert len(submitted) >= 4
    assert all(event.rationale == "ok" for event in submitted)
    assert journal.events[-1].type == "run-ended"


async def play_to_the_end(app: BoardsimApp) -> tuple[str, str]:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        turns = 0
        for _ in range(200):
            dashboard = app.dashboard
            assert dashboard is not None
            screen = app.screen
            if isinstance(screen, ConsoleScreen) and dashboard.board.ended:
                break
            if isinstance(screen, PrivacyScreen):
                await pilot.press("enter")
            elif isinstance(screen, SeatScreen):
                view = dashboard.members[screen.member]
                decision = undecided(view)[0]
                if decision.mode == "pledge":
                    # The amount box sits in the bar below the question; the reasons box is just above it.
                    await pilot.press(*"£150k", "shift+tab", *"ok", "ctrl+s")
                else:
                    await pilot.press("down", "enter", "tab", *"ok", "ctrl+s")
                turns += 1
            elif isinstance(screen, ConfirmScreen):
                await pilot.press("y")
            else:
                await pilot.press("space")
            await settle(pilot)
        else:
            raise AssertionError("the run did not end")
        final = app.dashboard
        assert final is not None
        assert final.board.ended
        assert turns >= 4
        return app.controller.journal_path.read_text(encoding="utf-8"), app.controller.session_journal_text()
