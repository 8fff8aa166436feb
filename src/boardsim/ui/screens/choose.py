"""Pick one item from a list (an inject to trigger or skip, a dilemma, a decision point, a seat)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from boardsim.ui.formatting import escape


class ChooseScreen(ModalScreen[str | None]):
    """A list to choose from with the arrow keys and Enter (or a click); Escape cancels (dismisses None)."""

    CSS_PATH = "modal.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="choose.cancel")]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]], *, empty: str = "Nothing to choose.") -> None:
        super().__init__()
        self._title = title
        self._choices = list(choices)
        self._empty = empty

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"[b]{escape(self._title)}[/b]", classes="title")
            if self._choices:
                yield OptionList(*(Option(escape(label), id=key) for key, label in self._choices), id="choices")
                yield Static("↑↓ to move, Enter to choose, Esc to cancel", classes="detail")
            else:
                yield Static(escape(self._empty), classes="detail")
                yield Static("Esc to go back", classes="detail")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
