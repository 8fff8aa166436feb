"""Start-up does what the first screen needs and no more: no engine or logging library before the set-up screen,
logs started once it is up, and the first screen laid out for the terminal's width from the start."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.widgets import Button

from boardsim.cli import main
from boardsim.ui.app import BoardsimApp, build_app
from boardsim.ui.launch import SeatChoice
from boardsim.ui.logs import configure_file_logging
from boardsim.ui.screens.picker import PickerScreen
from boardsim.ui.screens.setup import SetupScreen

from .conftest import EASTMERE, REPO
from .support import run, settle


def test_the_setup_screen_needs_neither_the_engine_nor_structlog(tmp_path: Path) -> None:
    """`boardsim play SCENARIO` loads and checks the scenario and builds the app without importing the engine or
    structlog: both are loaded after the first paint (or when a run starts)."""
    program = (
        "import sys\n"
        "from boardsim.ui.app import BoardsimApp\n"
        "def run(self, *args, **kwargs):\n"
        "    print('boardsim.core.engine' in sys.modules, 'structlog' in sys.modules)\n"
        "    return 0\n"
        "BoardsimApp.run = run\n"
        "from boardsim.cli import main\n"
        f"sys.exit(main(['play', {str(EASTMERE)!r}, '--journal', 'j.jsonl']))\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert result.stdout.split() == ["False", "False"]


def test_an_unwritable_log_file_exits_1_before_the_ui(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Logging starts after the first paint, but a log file that cannot be written is still reported up front."""

    def must_not_run(self: BoardsimApp, *args: object, **kwargs: object) -> int:
        raise AssertionError("the UI must not start")

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(BoardsimApp, "run", must_not_run)
    monkeypatch.chdir(tmp_path)
    assert main(["play", str(EASTMERE), "--log-file", str(blocker / "play.log")]) == 1
    assert "cannot write the log file" in capsys.readouterr().err


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """A log file for the app; afterwards logs are dropped again, as the other UI tests expect."""
    yield tmp_path / "play.log"
    configure_file_logging(None)


def _events(log_file: Path) -> list[str]:
    return [json.loads(line)["event"] for line in log_file.read_text(encoding="utf-8").splitlines()]


def test_logging_starts_once_the_setup_screen_is_up(make_app: Callable[..., BoardsimApp], log_file: Path) -> None:
    """The set-up screen is shown before logging is set up; it starts just after, with a 'play started' line."""

    async def scenario() -> tuple[bool, list[str]]:
        app = make_app(seats={"icb": SeatChoice("human", "Ian")}, bots=None, log_file=log_file)
        async with app.run_test() as pilot:
            await settle(pilot)
            return isinstance(app.screen, SetupScreen), _events(log_file)

    on_setup, events = run(scenario())
    assert on_setup
    assert events == ["play started"]


def test_a_run_started_from_the_command_line_logs_before_the_engine(
    make_app: Callable[..., BoardsimApp], log_file: Path
) -> None:
    """With every seat given the run starts at once, and logging is set up before the session logs anything."""

    async def scenario() -> list[str]:
        app = make_app(seats={}, log_file=log_file)
        async with app.run_test() as pilot:
            await settle(pilot)
            return _events(log_file)

    events = run(scenario())
    assert events[:2] == ["play started", "session started"]
    assert events.count("play started") == 1


def test_the_setup_screen_opens_on_the_start_button(make_app: Callable[..., BoardsimApp]) -> None:
    """Enter on the first screen starts the run: the start button has the focus from the first paint."""

    async def scenario() -> str | None:
        app = make_app(seats={"icb": SeatChoice("human", "Ian")}, bots=None)
        async with app.run_test() as pilot:
            await pilot.pause()
            focused = app.screen.focused
            return focused.id if isinstance(focused, Button) else None

    assert run(scenario()) == "start"


@pytest.mark.parametrize("first_screen", ["setup", "picker"])
def test_the_first_screen_is_laid_out_for_the_terminal_width_and_follows_it(
    first_screen: str, make_app: Callable[..., BoardsimApp], tmp_path: Path
) -> None:
    """The first screen wears the narrow or wide class of the terminal it opens in, and changes it on a resize."""

    async def scenario() -> tuple[set[str], set[str]]:
        if first_screen == "setup":
            app = make_app(seats={"icb": SeatChoice("human", "Ian")}, bots=None)
        else:
            app = build_app(search_dirs=[REPO / "scenarios"], journal_path=tmp_path / "j.jsonl")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, SetupScreen | PickerScreen)
            narrow = set(app.screen.classes) & {"-narrow", "-wide"}
            await pilot.resize_terminal(160, 48)
            await pilot.pause()
            wide = set(app.screen.classes) & {"-narrow", "-wide"}
            await app.workers.wait_for_complete()
            return narrow, wide

    assert run(scenario()) == ({"-narrow"}, {"-wide"})
