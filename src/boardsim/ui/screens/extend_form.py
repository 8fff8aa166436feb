"""Give an open dilemma more time: which dilemma, and by how long ('2 weeks', '1 month')."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic_core import PydanticCustomError
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Select, Static

from boardsim.core.scenario.quantities import parse_duration

from .form_base import FormScreen


@dataclass(frozen=True, slots=True)
class ExtendRequest:
    dilemma: str
    by: str


class ExtendForm(FormScreen[ExtendRequest]):
    """The open dilemmas to choose from and a duration, checked before it reaches the engine."""

    def __init__(self, dilemmas: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self._dilemmas = list(dilemmas)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("[b]Extend a dilemma's deadline[/b]", classes="title")
            yield Static("Dilemma", classes="field-label")
            first = self._dilemmas[0][0] if len(self._dilemmas) == 1 else Select.NULL
            yield Select([(title, key) for key, title in self._dilemmas], id="dilemma", value=first, prompt="Choose…")
            yield Static("By how long (e.g. 2 weeks, 1 month)", classes="field-label")
            yield Input("2 weeks", id="duration")
            yield from self.buttons("Extend")

    def on_mount(self) -> None:
        self.query_one("#duration", Input).focus()

    def collect(self) -> ExtendRequest | None:
        dilemma = self.query_one("#dilemma", Select).value
        if not isinstance(dilemma, str):
            self.show_error("Choose the dilemma to extend.")
            return None
        text = self.query_one("#duration", Input).value.strip()
        try:
            duration = parse_duration(text)
        except PydanticCustomError as error:
            self.show_error(str(error))
            return None
        if duration.count == 0:
            self.show_error("Extend by at least one day, week or month.")
            return None
        return ExtendRequest(dilemma, str(duration))
