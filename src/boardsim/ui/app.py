"""The boardsim Textual app and `build_app`, the one factory used by `boardsim play` and by the tests.

The app owns the flow between screens — picker, set-up, console, and the hot-seat rotation through privacy
and seat screens — and holds the latest Dashboard as a reactive that screens watch ("attributes down").
The controller posts `SessionChanged` / `CommandFailed` to it ("messages up").
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.reactive import var
from textual.screen import Screen

from boardsim.core.scenario.model import Scenario
from boardsim.core.scenario.types import Disposition

from .commands_provider import FacilitatorCommands
from .launch import DEFAULT_BOTS, LaunchOptions, SeatChoice, default_journal_path
from .messages import CommandFailed, SessionChanged
from .screens.setup import SetupScreen

if TYPE_CHECKING:
    from .controller import SessionController
    from .dashboard import Dashboard
    from .screens.help import KeySection

ScreenT = TypeVar("ScreenT", bound=Screen[Any])

# The console, the seats and the engine behind them, the help and quit screens, and logging (structlog) are
# loaded when a run starts (or, in the background, just after the first screen is shown), so the set-up screen
# and the picker appear as soon as possible.


def _warm_up(app: BoardsimApp) -> None:
    """Start logging and import what a run needs, off the UI thread, while the facilitator is still on the first
    screen."""
    app.start_logging()
    from . import controller  # noqa: F401
    from .screens import confirm, console, help, privacy, projector, seat  # noqa: F401


class BoardsimApp(App[int]):
    """boardsim play: the facilitator's console, the members' seats and the projector, on one terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "boardsim"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "request_quit", "Quit", id="app.quit", priority=True),
        Binding("f1,question_mark", "help", "Help", id="app.help"),
        Binding("ctrl+c", "help_quit", show=False, system=True, id="app.help-quit"),
    ]
    COMMANDS: ClassVar = App.COMMANDS | {FacilitatorCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012 - Textual's own class attribute

    dashboard: var[Dashboard | None] = var(None, init=False, always_update=True)

    def __init__(self, options: LaunchOptions) -> None:
        # The first screen's stylesheet is read with the app's own. Read when the screen is pushed, it would make
        # Textual parse every stylesheet again, just before the first paint.
        first_screen = "screens/picker.tcss" if options.scenario is None else "screens/setup.tcss"
        super().__init__(css_path=[self.CSS_PATH, *([] if options.ready_to_start() else [first_screen])])
        self.options = options
        self.keymap_overrides: dict[str, str] = dict(options.keymap)
        self._controller: SessionController | None = None
        self._round_done: set[str] = set()
        self._logging_lock = threading.Lock()
        self._logging_started = False
        if self.keymap_overrides:
            self.set_keymap(self.keymap_overrides)

    @property
    def controller(self) -> SessionController:
        """The session's controller (exists once a run has been started)."""
        if self._controller is None:
            raise RuntimeError("no run has been started")
        return self._controller

    @property
    def has_run(self) -> bool:
        return self._controller is not None

    # -- the flow between screens ----------------------------------------------------------------------------

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        # Textual restyles a widget whenever one of its classes changes, even while the widget is still being
        # built and not yet in the DOM (a compact Input or Button sets several in __init__). That work is thrown
        # away: every widget is styled in full when it is mounted. Skipping it saves a few hundred style
        # applications before the set-up screen's first paint.
        if node is not self and not node.is_attached:
            return
        super().update_styles(node, animate)

    def on_mount(self) -> None:
        options = self.options
        if options.scenario is None:
            from .scenario_catalogue import default_search_dirs, scenario_files
            from .screens.picker import PickerScreen

            self.push_screen(self._sized(PickerScreen(scenario_files(options.search_dirs or default_search_dirs()))))
        elif options.ready_to_start():
            self.start_run(
                options.scenario,
                seed=options.seed if options.seed is not None else 1,
                bots=options.bots or DEFAULT_BOTS,
                seats=dict(options.seats),
            )
        else:
            self.push_screen(self._sized(SetupScreen(options.scenario, options)))

    def _sized(self, screen: ScreenT) -> ScreenT:
        """A new screen, already wearing the breakpoint classes (-narrow / -wide) of the terminal's size.

        Textual adds them on the screen's first resize, after its widgets have been styled, and so restyles every
        widget on it once more before it is first painted.
        """
        width, height = self.size
        for dimension, own, app_wide in (
            (width, screen.HORIZONTAL_BREAKPOINTS, self.HORIZONTAL_BREAKPOINTS),
            (height, screen.VERTICAL_BREAKPOINTS, self.VERTICAL_BREAKPOINTS),
        ):
            for threshold, class_name in sorted((app_wide if own is None else own) or [], reverse=True):
                if dimension >= threshold:
                    screen.add_class(class_name, update=False)
                    break
        return screen

    def scenario_chosen(self, scenario: Scenario, path: Path) -> None:
        """The picker chose a playable scenario: set it up (or start at once if the command line said it all)."""
        options = self.options
        if options.bots is not None:
            self.start_run(scenario, seed=options.seed or 1, bots=options.bots, seats=dict(options.seats))
        else:
            self.push_screen(self._sized(SetupScreen(scenario, options, can_go_back=True)))

    def on_ready(self) -> None:
        if self._controller is None:
            self.run_worker(partial(_warm_up, self), thread=True, group="warm-up", exit_on_error=False)

    def start_logging(self) -> None:
        """Send operational logs to the launch's log file (once; safe from any thread). Nothing is logged before
        this, so nothing reaches the terminal the UI owns."""
        log_file = self.options.log_file
        if log_file is None:
            return
        with self._logging_lock:
            if self._logging_started:
                return
            from .logs import configure_file_logging, get_logger

            configure_file_logging(log_file)
            options = self.options
            get_logger("boardsim.play").info(
                "play started",
                scenario=str(options.scenario_path) if options.scenario_path else None,
                seed=options.seed,
                bots=options.bots,
                seats=sorted(options.seats),
                journal=str(options.journal_path),
            )
            self._logging_started = True

    def start_run(self, scenario: Scenario, *, seed: int, bots: Disposition, seats: Mapping[str, SeatChoice]) -> None:
        """Start the session on the engine thread and show the console."""
        from .controller import SessionController
        from .screens.console import ConsoleScreen
        from .screens.picker import PickerScreen

        self.start_logging()
        journal = self.options.journal_path or default_journal_path(self.options.journal_dir, scenario.id)
        self._controller = SessionController(self, Path(journal))
        engine_seats = {member: choice.seat(bots) for member, choice in seats.items()}
        self._controller.start(scenario, seed=seed, seats=engine_seats, bots=bots)
        if isinstance(self.screen, SetupScreen | PickerScreen):
            self.switch_screen(self._sized(ConsoleScreen()))
        else:
            self.push_screen(self._sized(ConsoleScreen()))

    def on_session_changed(self, message: SessionChanged) -> None:
        dashboard = message.dashboard
        self.dashboard = dashboard
        stop = dashboard.stop
        if (
            dashboard.command in ("start", "advance")
            and stop is not None
            and stop.reason == "awaiting-decisions"
            and dashboard.waiting_humans
        ):
            self.hand_over()

    def on_command_failed(self, message: CommandFailed) -> None:
        from .screens.seat import SeatScreen

        screen = self.screen
        if message.command.startswith("submit:") and isinstance(screen, SeatScreen):
            screen.submit_failed(message.message)
            return
        self.notify(message.message, title="Not done", severity="error", timeout=8)

    # -- hot-seat --------------------------------------------------------------------------------------------

    def hand_over(self) -> None:
        """Pass the keyboard, seat by seat, to every human seat with a decision waiting."""
        self._round_done = set()
        self._next_seat()

    def open_seat(self, member: str) -> None:
        """Show one human seat (behind the privacy screen), then hand back to the facilitator."""
        dashboard = self.dashboard
        self._round_done = set(dashboard.humans) - {member} if dashboard is not None else set()
        self._show_privacy(member)

    def seat_finished(self, member: str) -> None:
        """A seat decided (or left): clear the screen and pass on to the next seat, or back to the facilitator."""
        self._round_done.add(member)
        self._next_seat()

    def privacy_ready(self, member: str | None) -> None:
        """The person named on the privacy screen pressed Enter (member None: the facilitator)."""
        from .screens.privacy import PrivacyScreen
        from .screens.seat import SeatScreen

        if member is None:
            while isinstance(self.screen, PrivacyScreen | SeatScreen):
                self.pop_screen()
            return
        self.switch_screen(self._sized(SeatScreen(member)))

    def _next_seat(self) -> None:
        dashboard = self.dashboard
        waiting = [m for m in (dashboard.waiting_humans if dashboard else ()) if m not in self._round_done]
        self._show_privacy(waiting[0] if waiting else None)

    def _show_privacy(self, member: str | None) -> None:
        from .screens.privacy import PrivacyScreen
        from .screens.seat import SeatScreen

        dashboard = self.dashboard
        if member is None:
            screen = PrivacyScreen(None, "the facilitator")
        else:
            assert dashboard is not None
            screen = PrivacyScreen(
                member, dashboard.seat_title(member), dashboard.member_name(member), dashboard.humans.get(member, "")
            )
        if isinstance(self.screen, PrivacyScreen | SeatScreen):
            self.switch_screen(self._sized(screen))
        else:
            self.push_screen(self._sized(screen))

    # -- app-wide actions ------------------------------------------------------------------------------------

    def show_projector(self) -> None:
        from .screens.projector import ProjectorScreen

        self.push_screen(self._sized(ProjectorScreen()))

    def key_sections(self) -> list[KeySection]:
        """Every screen's bindings, for the help screen."""
        from .screens.choose import ChooseScreen
        from .screens.confirm import ConfirmScreen
        from .screens.console import ConsoleScreen
        from .screens.form_base import FormScreen
        from .screens.picker import PickerScreen
        from .screens.privacy import PrivacyScreen
        from .screens.projector import ProjectorScreen
        from .screens.seat import SeatScreen
        from .widgets.line_list import LineList
        from .widgets.trust_grid import TrustGrid

        return [
            ("Everywhere", self.BINDINGS),
            ("Console", ConsoleScreen.BINDINGS),
            ("Seat", SeatScreen.BINDINGS),
            ("Privacy", PrivacyScreen.BINDINGS),
            ("Projector", ProjectorScreen.BINDINGS),
            ("Set-up", SetupScreen.BINDINGS),
            ("Picker", PickerScreen.BINDINGS),
            ("Questions", ConfirmScreen.BINDINGS),
            ("Lists", ChooseScreen.BINDINGS),
            ("Forms", FormScreen.BINDINGS),
            ("Timelines and logs", LineList.BINDINGS),
            ("Trust map", TrustGrid.BINDINGS),
        ]

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(self._sized(HelpScreen(self.key_sections(), self.keymap_overrides)))

    def action_request_quit(self) -> None:
        from .screens.confirm import ConfirmScreen

        if isinstance(self.screen, ConfirmScreen):
            return
        saved = f"The journal is saved in {self.controller.journal_path}." if self.has_run else "No run has started."

        def quit_now(answer: bool | None) -> None:
            if answer:
                self.exit(0)

        self.push_screen(self._sized(ConfirmScreen("Quit boardsim?", saved, yes="Quit", no="Stay")), quit_now)

    async def action_quit(self) -> None:
        # The command palette's "Quit" goes through the same confirmation.
        self.action_request_quit()

    def on_unmount(self) -> None:
        if self._controller is not None:
            self._controller.shutdown()


def build_app(
    scenario: Scenario | None = None,
    *,
    scenario_path: Path | None = None,
    seed: int | None = None,
    bots: Disposition | None = None,
    seats: Mapping[str, SeatChoice] | None = None,
    journal_path: Path | None = None,
    journal_dir: Path = Path("journals"),
    search_dirs: list[Path] | None = None,
    keymap: Mapping[str, str] | None = None,
    log_file: Path | None = None,
) -> BoardsimApp:
    """The app, configured like the command line would: no scenario opens the picker; a scenario with every
    seat given (or `bots`) starts at once; otherwise the set-up screen opens, pre-filled."""
    return BoardsimApp(
        LaunchOptions(
            scenario=scenario,
            scenario_path=scenario_path,
            seed=seed,
            bots=bots,
            seats=dict(seats or {}),
            journal_path=journal_path,
            journal_dir=journal_dir,
            search_dirs=list(search_dirs or []),
            keymap=dict(keymap or {}),
            log_file=log_file,
        )
    )
