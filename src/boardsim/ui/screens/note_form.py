"""Write an observer note; it goes into the journal for the debrief."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from .form_base import FormScreen


class NoteForm(FormScreen[str]):
    """A text box for the note; an empty note is refused with a message."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("[b]Observer note[/b]", classes="title")
            yield Static("What did you see? It is saved in the journal with today's fictional date.", classes="detail")
            yield TextArea(id="note-text")
            yield from self.buttons("Save note")

    def on_mount(self) -> None:
        self.query_one("#note-text", TextArea).focus()

    def collect(self) -> str | None:
        text = self.query_one("#note-text", TextArea).text.strip()
        if not text:
            self.show_error("The note is empty: write what you observed first.")
            return None
        return text
