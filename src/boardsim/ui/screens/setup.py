"""Set up a run: each seat a person (with a name) or a bot (with a disposition), the seed, then start."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, Static

from boardsim.core.scenario.model import Scenario
from boardsim.core.scenario.types import Disposition
from boardsim.ui.formatting import escape
from boardsim.ui.launch import DEFAULT_BOTS, DISPOSITIONS, LaunchOptions, SeatChoice, as_disposition

from .fresh_screen import FreshScreen

if TYPE_CHECKING:
    from boardsim.ui.app import BoardsimApp

HUMAN = "human"
DEFAULT = "default"
# One press turns the usual bot into a person; further presses step through the bot dispositions.
SEAT_KINDS: tuple[tuple[str, str], ...] = (
    (DEFAULT, "◇ bot (as the others)"),
    (HUMAN, "◆ person"),
    *((name, f"◇ bot: {name}") for name in DISPOSITIONS),
)


def _seat_kind(choice: SeatChoice | None) -> str:
    """The set-up choice a seat starts at: the default bot, a person, or a bot of one disposition."""
    if choice is None:
        return DEFAULT
    return HUMAN if choice.kind == "human" else choice.disposition or DEFAULT


class CycleButton(Button):
    """A one-line button that steps through its choices when pressed (Enter, Space or a click)."""

    DEFAULT_CSS = """
    CycleButton { min-width: 26; }
    """

    def __init__(self, choices: tuple[tuple[str, str], ...], value: str, *, id: str) -> None:
        self.choices = choices
        self.value = value if any(key == value for key, _ in choices) else choices[0][0]
        super().__init__(self._label(), id=id, compact=True)

    def _label(self) -> str:
        return escape(f"{dict(self.choices)[self.value]}  ⟳")

    def step(self) -> None:
        """Move to the next choice."""
        keys = [key for key, _ in self.choices]
        self.value = keys[(keys.index(self.value) + 1) % len(keys)]
        self.label = self._label()


class SetupScreen(FreshScreen[None]):
    """The set-up form, pre-filled from the command line."""

    CSS_PATH = "setup.tcss"
    # Focus the start button as the screen is composed. Textual's default focuses the first focusable widget
    # (the scrolling form) and on_mount then moved it: two restyles of the whole form before the first paint.
    AUTO_FOCUS = "#start"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", "Start the run", id="setup.start", priority=True),
        Binding("escape", "back", "Back", id="setup.back"),
    ]

    def __init__(self, scenario: Scenario, options: LaunchOptions, *, can_go_back: bool = False) -> None:
        super().__init__()
        self._scenario = scenario
        self._options = options
        self._can_go_back = can_go_back

    @property
    def boardsim(self) -> BoardsimApp:
        return cast("BoardsimApp", self.app)

    def compose(self) -> ComposeResult:
        scenario = self._scenario
        horizon = escape(str(scenario.calendar.horizon))
        yield Static(
            f"[b]{escape(scenario.title)}[/b]\n[dim]{escape(scenario.place.split(',')[0])} · "
            f"{len(scenario.members)} seats · {horizon} from {scenario.calendar.start:%B %Y}[/dim]",
            id="setup-title",
        )
        with VerticalScroll(id="setup-form"):
            with Horizontal(classes="setup-row"):
                yield Label("Seed (same seed, same run)", classes="setup-label")
                yield Input(
                    str(self._options.seed if self._options.seed is not None else 1),
                    id="seed",
                    type="integer",
                    compact=True,
                )
            with Horizontal(classes="setup-row"):
                yield Label("Bots play as", classes="setup-label")
                yield CycleButton(
                    tuple((name, name) for name in DISPOSITIONS), self._options.bots or DEFAULT_BOTS, id="bots"
                )
            yield Static(
                "[b]Seats[/b] — press a seat's button to switch person/bot; a person may type a name.",
                id="seats-heading",
            )
            # One grid row per seat (label, person/bot, name) rather than a row container each: the set-up screen
            # is the first thing `boardsim play` paints, and every widget on it costs start-up time.
            with Grid(id="seats"):
                for member in scenario.members:
                    choice = self._options.seats.get(member.id)
                    kind = _seat_kind(choice)
                    yield Label(
                        f"[b]{escape(member.seat)}[/b] [dim]{escape(member.name)}[/dim]",
                        classes="seat-label",
                    )
                    yield CycleButton(SEAT_KINDS, kind, id=f"kind-{member.id}")
                    yield Input(
                        choice.name if choice is not None else "",
                        placeholder="player's name",
                        id=f"name-{member.id}",
                        classes="seat-name",
                        disabled=kind != HUMAN,
                        compact=True,
                    )
        yield Static("", id="setup-error")
        with Horizontal(id="setup-buttons"):
            if self._can_go_back:
                yield Button("Back (Esc)", id="back")
            yield Button("Start the run (ctrl+s)", id="start", variant="primary")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button = event.button
        if isinstance(button, CycleButton):
            button.step()
            if (button.id or "").startswith("kind-"):
                self.query_one(f"#name-{(button.id or '').removeprefix('kind-')}", Input).disabled = (
                    button.value != HUMAN
                )
        elif button.id == "start":
            self.action_start()
        elif event.button.id == "back":
            self.action_back()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_back(self) -> None:
        if self._can_go_back:
            self.dismiss()

    def action_start(self) -> None:
        seed_text = self.query_one("#seed", Input).value.strip()
        if not seed_text.isdigit():
            self._error(f"The seed must be a whole number of 0 or more, not “{seed_text}”.")
            self.query_one("#seed", Input).focus()
            return
        bots: Disposition = as_disposition(self.query_one("#bots", CycleButton).value) or DEFAULT_BOTS
        seats: dict[str, SeatChoice] = {}
        for member in self._scenario.members:
            kind = self.query_one(f"#kind-{member.id}", CycleButton).value
            if kind == HUMAN:
                name = self.query_one(f"#name-{member.id}", Input).value.strip()
                seats[member.id] = SeatChoice("human", name)
            elif (disposition := as_disposition(kind)) is not None:
                seats[member.id] = SeatChoice("bot", disposition=disposition)
        self._error("")
        self.boardsim.start_run(self._scenario, seed=int(seed_text), bots=bots, seats=seats)

    def _error(self, message: str) -> None:
        self.query_one("#setup-error", Static).update(f"✗ {escape(message)}" if message else "")
