"""Setting up a run: the set-up screen, the picker, and `boardsim play`'s command-line flags."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input

from boardsim.cli import main
from boardsim.commands import play
from boardsim.core.scenario.model import Scenario
from boardsim.ui.app import BoardsimApp, build_app
from boardsim.ui.launch import LaunchOptions, SeatChoice
from boardsim.ui.screens.console import ConsoleScreen
from boardsim.ui.screens.picker import PickerScreen, ProblemsScreen
from boardsim.ui.screens.setup import CycleButton, SetupScreen

from .conftest import EASTMERE, REPO
from .support import run, screen_text, settle


def test_setup_screen_is_prefilled_and_starts_the_run(make_app: Callable[..., BoardsimApp]) -> None:
    """Without --bots and with some seats missing, the set-up screen opens pre-filled from the flags; a bad seed
    is refused inline; a good one starts the run with those seats."""

    async def scenario() -> tuple[str, str, str, str, int, dict[str, str]]:
        app = make_app(seats={"icb": SeatChoice("human", "Ian")}, bots=None, seed=None)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, SetupScreen)
            kind = app.screen.query_one("#kind-icb", CycleButton).value
            name = app.screen.query_one("#name-icb", Input).value
            app.screen.query_one("#seed", Input).value = "soon"
            await pilot.press("ctrl+s")
            await pilot.pause()
            refused = screen_text(app)
            app.screen.query_one("#seed", Input).value = "11"
            await pilot.press("ctrl+s")
            await settle(pilot)
            screen = type(app.screen).__name__
            dashboard = app.dashboard
            assert dashboard is not None
            return kind, name, refused, screen, app.controller.session_seed(), dict(dashboard.humans)

    kind, name, refused, screen, seed, humans = run(scenario())
    assert (kind, name) == ("human", "Ian")
    assert "The seed must be a whole number" in refused
    assert screen in {"ConsoleScreen", "PrivacyScreen"}
    assert seed == 11
    assert humans == {"icb": "Ian"}


def test_picker_lists_shipped_scenarios_and_opens_set_up(tmp_path: Path) -> None:
    """With no scenario the picker lists the shipped ones by title and synopsis; Enter opens the set-up screen."""

    async def scenario() -> tuple[str, str]:
        app = build_app(search_dirs=[REPO / "scenarios"], journal_path=tmp_path / "j.jsonl")
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, PickerScreen)
            listed = screen_text(app)
            await pilot.press("enter")
            await settle(pilot)
            return listed, type(app.screen).__name__

    listed, screen = run(scenario())
    assert "Eastmere: who carries the overspend?" in listed
    assert "Two months into the 2027/28 financial year" in listed
    assert screen == "SetupScreen"


def test_picker_shows_why_a_broken_scenario_cannot_be_played(tmp_path: Path) -> None:
    """A scenario with errors is listed as unplayable and Enter shows its located findings."""
    (tmp_path / "broken.yaml").write_text("format: boardsim/1\nid: Not An Id\n", encoding="utf-8")

    async def scenario() -> tuple[str, str]:
        app = build_app(search_dirs=[tmp_path], journal_path=tmp_path / "j.jsonl")
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            listed = screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ProblemsScreen)
            return listed, screen_text(app)

    listed, problems = run(scenario())
    assert "cannot be played" in listed
    assert "broken.yaml:" in problems
    assert "error[" in problems


def test_every_seat_given_skips_the_setup_screen(eastmere: Scenario) -> None:
    """--bots (or a seat for every member) means the run starts at once."""
    assert LaunchOptions(scenario=eastmere, bots="cautious").ready_to_start()
    every = {member.id: SeatChoice("bot", disposition="cautious") for member in eastmere.members}
    assert LaunchOptions(scenario=eastmere, seats=every).ready_to_start()
    assert not LaunchOptions(scenario=eastmere, seats={"icb": SeatChoice("human")}).ready_to_start()


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (["--seat", "icb=human"], {"icb": SeatChoice("human", "")}),
        (["--seat", "icb=human:Alex Smith"], {"icb": SeatChoice("human", "Alex Smith")}),
        (["--seat", "icb=cautious"], {"icb": SeatChoice("bot", disposition="cautious")}),
        (["--seat", "dph=human"], {"public-health": SeatChoice("human", "")}),
        (["--seat", "DASS=reciprocator"], {"adult-social-care": SeatChoice("bot", disposition="reciprocator")}),
    ],
)
def test_seat_flags_name_members_by_id_or_seat_initials(
    flags: list[str], expected: dict[str, SeatChoice], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """--seat MEMBER=human[:NAME] or =DISPOSITION; a member may be named by id or its seat's initials (dph)."""
    launched = launch(monkeypatch, tmp_path, [str(EASTMERE), "--bots", "system-first", *flags])
    assert dict(launched.seats) == expected
    assert launched.ready_to_start()


def test_cli_flags_reach_the_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """--seed, --bots and --journal are handed to the app unchanged."""
    journal = tmp_path / "workshop.jsonl"
    launched = launch(
        monkeypatch, tmp_path, [str(EASTMERE), "--seed", "9", "--bots", "cautious", "--journal", str(journal)]
    )
    assert (launched.seed, launched.bots, launched.journal_path) == (9, "cautious", journal)


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--seat", "dpx=human"], "has no member 'dpx'"),
        (["--seat", "icb=greedy"], "there is no disposition 'greedy'"),
        (["--bots", "sytem-first"], "did you mean 'system-first'"),
        (["--seat", "icb"], "write MEMBER=DISPOSITION or MEMBER=human"),
    ],
)
def test_bad_flags_exit_2_with_a_clear_message_before_the_ui(
    flags: list[str], message: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unknown members or dispositions are usage errors (exit 2, one line) and the UI never starts."""
    monkeypatch.setattr(BoardsimApp, "run", _must_not_run)
    assert main(["play", str(EASTMERE), *flags]) == 2
    assert message in capsys.readouterr().err


def test_scenario_errors_are_printed_and_exit_1_before_the_ui(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scenario with errors prints its findings as file:line:col and exits 1 without starting the UI."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: boardsim/1\nid: ok-id\ntitle: 3\n", encoding="utf-8")
    monkeypatch.setattr(BoardsimApp, "run", _must_not_run)
    assert main(["play", str(broken)]) == 1
    err = capsys.readouterr().err
    assert f"{broken}:" in err
    assert "error[" in err


def _must_not_run(self: BoardsimApp, *args: object, **kwargs: object) -> int:
    raise AssertionError("the UI must not start")


def launch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str]) -> LaunchOptions:
    """Run `boardsim play ARGV` with the UI replaced by a recorder; returns the options the app got."""
    seen: list[LaunchOptions] = []

    def record(self: BoardsimApp, *args: object, **kwargs: object) -> int:
        seen.append(self.options)
        return 0

    monkeypatch.setattr(BoardsimApp, "run", record)
    monkeypatch.chdir(tmp_path)
    assert main(["play", *argv]) == 0
    assert len(seen) == 1
    return seen[0]


def test_console_is_the_first_screen_when_every_seat_is_given(make_app: Callable[..., BoardsimApp]) -> None:
    """With --bots and no human seats the console opens directly and the run plays to its end."""

    async def scenario() -> tuple[bool, bool]:
        app = make_app(seats={})
        async with app.run_test() as pilot:
            await settle(pilot)
            dashboard = app.dashboard
            assert dashboard is not None
            return isinstance(app.screen, ConsoleScreen), dashboard.board.ended

    assert run(scenario()) == (True, True)


def test_play_module_imports_no_textual_at_top_level() -> None:
    """`boardsim --help` imports every command module; play must not drag Textual in until it runs."""
    import subprocess
    import sys

    program = "import sys, boardsim.commands.play\nprint('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
    assert play.EXIT_USAGE == 2
