"""Write an inject on the spot: a headline, its text, and who receives it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Select, SelectionList, Static, TextArea

from boardsim.core.engine.events import Audience

from .form_base import FormScreen


@dataclass(frozen=True, slots=True)
class InjectRequest:
    title: str
    text: str
    audience: Audience = field(default="all")


class InjectForm(FormScreen[InjectRequest]):
    """Title, text and audience (everyone, the facilitator only, or chosen members)."""

    def __init__(self, members: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self._members = list(members)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("[b]A new inject[/b]", classes="title")
            yield Static("Headline", classes="field-label")
            yield Input(id="inject-title", placeholder="e.g. The Eastmere Mercury calls")
            yield Static("Text, as it arrives", classes="field-label")
            yield TextArea(id="inject-text")
            yield Static("Who receives it", classes="field-label")
            yield Select(
                [("Everyone", "all"), ("The facilitator only", "facilitator"), ("Chosen members…", "members")],
                value="all",
                id="audience",
                allow_blank=False,
            )
            yield SelectionList[str](*((name, key) for key, name in self._members), id="members")
            yield from self.buttons("Send inject")

    def on_mount(self) -> None:
        self.query_one("#members", SelectionList).display = False
        self.query_one("#inject-title", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.query_one("#members", SelectionList).display = event.value == "members"

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter in the headline moves on to the text rather than sending a half-written inject.
        event.stop()
        self.query_one("#inject-text", TextArea).focus()

    def collect(self) -> InjectRequest | None:
        title = self.query_one("#inject-title", Input).value.strip()
        text = self.query_one("#inject-text", TextArea).text.strip()
        if not title:
            self.show_error("Give the inject a headline.")
            return None
        if not text:
            self.show_error("Write the inject's text: what do the members receive?")
            return None
        choice = self.query_one("#audience", Select).value
        audience: Audience
        if choice == "members":
            chosen = list(self.query_one("#members", SelectionList).selected)
            if not chosen:
                self.show_error("Tick at least one member, or send it to everyone.")
                return None
            audience = [str(member) for member in chosen]
        else:
            audience = "facilitator" if choice == "facilitator" else "all"
        return InjectRequest(title, text, audience)
