"""On one shared terminal nobody sees another member's private brief: not on the privacy screen, not on
another member's seat, not on the projector."""

from __future__ import annotations

from collections.abc import Callable

from boardsim.core.scenario.model import Scenario
from boardsim.ui.app import BoardsimApp
from boardsim.ui.screens.privacy import PrivacyScreen
from boardsim.ui.screens.projector import ProjectorScreen
from boardsim.ui.screens.seat import SeatScreen

from .support import run, screen_text, settle, to_console, widget_text


def private_texts(scenario: Scenario, except_member: str | None = None) -> dict[str, str]:
    """A distinctive slice of every member's private brief and every private note, keyed by where it is from."""
    found: dict[str, str] = {}
    for member in scenario.members:
        if member.id != except_member and member.private_brief:
            found[f"brief:{member.id}"] = member.private_brief[:60]
    for dilemma in scenario.dilemmas:
        for member, note in dilemma.private_notes.items():
            if member != except_member:
                found[f"note:{dilemma.id}:{member}"] = note[:60]
        for option in dilemma.options:
            for member, note in option.private_notes.items():
                if member != except_member:
                    found[f"note:{dilemma.id}/{option.id}:{member}"] = note[:60]
    return found


def leaks(text: str, secrets: dict[str, str]) -> list[str]:
    flat = " ".join(text.split())
    return [where for where, secret in secrets.items() if " ".join(secret.split()) in flat]


def test_privacy_screen_shows_nothing_private(make_app: Callable[..., BoardsimApp], eastmere: Scenario) -> None:
    """The 'pass to' screen names the next seat and shows no private brief or note of anyone."""

    async def scenario() -> tuple[str, str, str]:
        app = make_app()
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, PrivacyScreen)
            return screen_text(app), widget_text(app), app.screen.member or ""

    shown, held, member = run(scenario())
    assert member == "public-health"
    assert "Director of Public Health" in shown
    secrets = private_texts(eastmere)
    assert leaks(shown, secrets) == []
    assert leaks(held, secrets) == []


def test_a_seat_shows_its_own_private_brief_and_no_one_elses(
    make_app: Callable[..., BoardsimApp], eastmere: Scenario
) -> None:
    """The public health seat holds its own private brief and private notes, and nobody else's — in any tab."""

    async def scenario() -> tuple[str, str]:
        app = make_app()
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, SeatScreen)
            for key in ("f3", "f4", "f5", "f6"):  # every tab is filled the first time it is shown
                await pilot.press(key)
            await settle(pilot)
            return widget_text(app) + screen_text(app), app.screen.member

    text, member = run(scenario())
    assert member == "public-health"
    own = next(m for m in eastmere.members if m.id == "public-health").private_brief[:60]
    assert leaks(text, {"own": own}) == ["own"]
    assert leaks(text, private_texts(eastmere, except_member="public-health")) == []


def test_the_next_seat_after_a_submission_sees_nothing_of_the_previous_one(
    make_app: Callable[..., BoardsimApp], eastmere: Scenario
) -> None:
    """After public health submits, the screen clears to the privacy screen, then the ICB's seat shows none of
    public health's private brief (its own, yes)."""

    async def scenario() -> tuple[str, str, str]:
        app = make_app()
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("down", "enter", "ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, PrivacyScreen)
            between = screen_text(app) + widget_text(app)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, SeatScreen)
            return between, screen_text(app) + widget_text(app), app.screen.member

    between, icb_seat, member = run(scenario())
    assert member == "icb"
    assert leaks(between, private_texts(eastmere)) == []
    assert leaks(icb_seat, private_texts(eastmere, except_member="icb")) == []


def test_the_projector_shows_nothing_private(make_app: Callable[..., BoardsimApp], eastmere: Scenario) -> None:
    """The projector shows no private brief or note, no facilitator-only news, and no hidden choice."""

    async def scenario() -> tuple[str, list[str]]:
        app = make_app()
        async with app.run_test(size=(160, 48)) as pilot:
            await to_console(pilot)
            dashboard = app.dashboard
            assert dashboard is not None
            hidden = [
                f"{dashboard.member_name(d.member)}: "
                for decision in dashboard.facilitator.open_decisions
                for d in decision.decisions
            ]
            await pilot.press("v")
            await settle(pilot)
            assert isinstance(app.screen, ProjectorScreen)
            return screen_text(app) + widget_text(app), hidden

    text, hidden_choices = run(scenario())
    facilitator_only = {f"inject:{i.id}": i.title for i in eastmere.timeline if i.audience == "facilitator"}
    assert leaks(text, private_texts(eastmere)) == []
    assert leaks(text, facilitator_only) == []
    assert hidden_choices
    assert [choice for choice in hidden_choices if choice in text] == []
    assert "Now deciding" in text
