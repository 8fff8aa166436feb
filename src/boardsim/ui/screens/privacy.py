"""The privacy screen between seats on one terminal: who the keyboard goes to next, and nothing else."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Static

from boardsim.ui.formatting import escape
from boardsim.ui.widgets.footer import StableFooter

from .fresh_screen import FreshScreen

if TYPE_CHECKING:
    from boardsim.ui.app import BoardsimApp


class PrivacyScreen(FreshScreen[None]):
    """'Pass to the Director of Public Health — press Enter when ready'. Shows no brief, no choice, no number."""

    CSS_PATH = "privacy.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "ready", "I'm ready", id="privacy.ready", priority=True),
        Binding("escape", "facilitator", "Back to the facilitator", id="privacy.facilitator"),
    ]

    def __init__(self, member: str | None, seat_title: str, organisation: str = "", player: str = "") -> None:
        """`member` None means the keyboard goes back to the facilitator."""
        super().__init__()
        self.member = member
        self._seat_title = seat_title
        self._organisation = organisation
        self._player = player

    @property
    def boardsim(self) -> BoardsimApp:
        return cast("BoardsimApp", self.app)

    def compose(self) -> ComposeResult:
        who = f"[b]{escape(self._seat_title)}[/b]"
        details = " · ".join(escape(part) for part in (self._organisation, self._player) if part)
        with Vertical(id="privacy-box"):
            yield Static(f"Pass the keyboard to\n\n{who}", id="privacy-to")
            if details:
                yield Static(details, id="privacy-details")
            yield Static("Press [b]Enter[/b] when ready", id="privacy-ready")
            yield Button("I'm ready (Enter)", id="ready", variant="primary")
        yield StableFooter()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_ready()

    def action_ready(self) -> None:
        self.boardsim.privacy_ready(self.member)

    def action_facilitator(self) -> None:
        self.boardsim.privacy_ready(None)
