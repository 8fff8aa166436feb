"""What the console's forms share: Save (ctrl+s or the button), Cancel (Escape), and an inline error line."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from boardsim.ui.formatting import escape

ResultT = TypeVar("ResultT")


class FormScreen(ModalScreen[ResultT | None], Generic[ResultT]):
    """A modal form: subclasses compose their fields and implement `collect` (None after showing an error)."""

    CSS_PATH = "modal.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]

    def buttons(self, save: str = "Save") -> ComposeResult:
        yield Static("", classes="error", id="form-error")
        with Horizontal(classes="buttons"):
            yield Button("Cancel (Esc)", id="cancel")
            yield Button(f"{save} (ctrl+s)", id="save", variant="primary")

    def show_error(self, message: str) -> None:
        """Show `message` under the fields (the form stays open)."""
        self.query_one("#form-error", Static).update(f"✗ {escape(message)}")

    def collect(self) -> ResultT | None:
        raise NotImplementedError

    def action_save(self) -> None:
        result = self.collect()
        if result is not None:
            self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()
