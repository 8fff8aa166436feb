"""Bad input in forms gets a clear inline message and never reaches the engine."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from boardsim.core.engine import Journal
from boardsim.core.engine import events as ev
from boardsim.ui.amounts import AmountError, read_amount
from boardsim.ui.app import BoardsimApp
from boardsim.ui.launch import SeatChoice
from boardsim.ui.screens.note_form import NoteForm
from boardsim.ui.screens.seat import SeatScreen

from .support import run, screen_text, settle, to_console

ONE_HUMAN = {"public-health": SeatChoice("human", "Dee")}


@pytest.mark.parametrize(
    ("typed", "low", "high", "pounds"),
    [
        ("£2.5m", 0, 8_000_000, 2_500_000),
        ("2.5m", 0, 8_000_000, 2_500_000),
        ("£350k", 0, 8_000_000, 350_000),
        ("1,200,000", 0, 8_000_000, 1_200_000),
        (" £8m ", 0, 8_000_000, 8_000_000),
    ],
)
def test_pledges_are_read_in_the_ways_people_type_money(typed: str, low: int, high: int, pounds: int) -> None:
    """With or without the £ sign, with k/m suffixes or thousands separators."""
    assert read_amount(typed, low, high) == pounds


@pytest.mark.parametrize(
    ("typed", "low", "high", "message"),
    [
        ("£12m", 0, 8_000_000, "£12m is above your limit of £8m."),
        ("£100k", 1_000_000, 8_000_000, "£100k is below your minimum of £1m."),
        ("lots", 0, 8_000_000, "“lots” is not an amount"),
        ("", 0, 8_000_000, "Type an amount"),
    ],
)
def test_bad_pledges_are_refused_with_a_sentence(typed: str, low: int, high: int, message: str) -> None:
    """Out of bounds, unreadable or empty amounts are refused with a message saying why."""
    with pytest.raises(AmountError, match=message.replace("(", r"\(")):
        read_amount(typed, low, high)


def test_a_pledge_above_the_limit_is_refused_on_the_seat(make_app: Callable[..., BoardsimApp]) -> None:
    """On the pledge form, '£12m' for public health (limit £500k) shows 'above your limit' and submits nothing;
    a valid amount then goes through."""

    async def scenario() -> tuple[str, list[ev.Event]]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test(size=(100, 30)) as pilot:
            await to_console(pilot)
            app.controller.submit("public-health", "risk-share", option="split-by-contribution")
            await settle(pilot)
            await pilot.press("space")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, SeatScreen)
            await pilot.press(*"£12m", "ctrl+s")
            await settle(pilot)
            refused = screen_text(app)
            submitted_before = [
                e
                for e in Journal.from_jsonl(app.controller.session_journal_text()).events
                if isinstance(e, ev.DecisionSubmitted) and e.dilemma == "winter-pledge"
            ]
            assert submitted_before == []
            app.screen.query_one("#amount").value = "£200k"  # type: ignore[attr-defined]
            await pilot.press("ctrl+s")
            await settle(pilot)
            return refused, list(Journal.from_jsonl(app.controller.session_journal_text()).events)

    refused, events = run(scenario())
    assert "£12m is above your limit of £500k." in refused
    pledges = [e for e in events if isinstance(e, ev.DecisionSubmitted) and e.dilemma == "winter-pledge"]
    assert [(e.member, e.amount) for e in pledges] == [("public-health", 200_000)]


def test_submitting_a_vote_without_choosing_asks_for_a_choice(make_app: Callable[..., BoardsimApp]) -> None:
    """Ctrl+S before choosing an option says to choose one first, and nothing is submitted."""

    async def scenario() -> tuple[str, bool]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            text = screen_text(app)
            submitted = '"decision-submitted"' in app.controller.session_journal_text()
            return text, submitted

    text, submitted = run(scenario())
    assert "Choose an option or Abstain first" in text
    assert submitted is False


def test_an_empty_observer_note_is_refused(make_app: Callable[..., BoardsimApp]) -> None:
    """Ctrl+S on an empty note says it is empty; the form stays open and nothing is journalled."""

    async def scenario() -> tuple[str, bool, bool]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test(size=(100, 30)) as pilot:
            await to_console(pilot)
            await pilot.press("n", *"   ", "ctrl+s")
            await settle(pilot)
            return (
                screen_text(app),
                isinstance(app.screen, NoteForm),
                '"note-added"' in app.controller.session_journal_text(),
            )

    text, still_open, journalled = run(scenario())
    assert "The note is empty" in text
    assert still_open is True
    assert journalled is False


def test_adjusting_a_value_needs_a_number_and_a_note(make_app: Callable[..., BoardsimApp]) -> None:
    """A non-number is refused, then a missing note is refused; nothing reaches the journal."""

    async def scenario() -> tuple[str, str, bool]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test(size=(100, 30)) as pilot:
            await to_console(pilot)
            await pilot.press("a", "enter", "down", "enter", "tab", *"lots", "ctrl+s")
            await pilot.pause()
            not_number = screen_text(app)
            await pilot.press(*["backspace"] * 4, *"120", "ctrl+s")
            await pilot.pause()
            no_note = screen_text(app)
            return not_number, no_note, '"state-adjusted"' in app.controller.session_journal_text()

    not_number, no_note, journalled = run(scenario())
    assert "lots is not a number" in not_number
    assert "Say why in the note" in no_note
    assert journalled is False


def test_extending_by_a_duration_without_a_unit_is_refused(make_app: Callable[..., BoardsimApp]) -> None:
    """'3' (no unit) is refused with the format's own message; nothing is journalled."""

    async def scenario() -> tuple[str, bool]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test(size=(100, 30)) as pilot:
            await to_console(pilot)
            await pilot.press("e")
            await pilot.pause()
            app.screen.query_one("#duration").value = "3"  # type: ignore[attr-defined]
            await pilot.press("ctrl+s")
            await pilot.pause()
            return screen_text(app), '"dilemma-extended"' in app.controller.session_journal_text()

    text, journalled = run(scenario())
    assert "is not a duration" in text
    assert journalled is False
