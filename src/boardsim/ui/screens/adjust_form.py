"""Set a state value by hand, with a note saying why (the note is read out in the debrief)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Select, Static

from boardsim.core.engine.views import MeasureView
from boardsim.ui.formatting import number

from .form_base import FormScreen

_TRUE = {"true", "yes", "y", "on", "1"}
_FALSE = {"false", "no", "n", "off", "0"}


@dataclass(frozen=True, slots=True)
class AdjustRequest:
    name: str
    value: float | bool
    note: str


class AdjustForm(FormScreen[AdjustRequest]):
    """Which value, its new value (a number, or yes/no for a flag) and a note; each checked here."""

    def __init__(self, measures: Sequence[MeasureView]) -> None:
        super().__init__()
        self._measures = {measure.name: measure for measure in measures}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("[b]Adjust a state value[/b]", classes="title")
            yield Static("Value", classes="field-label")
            options = [(f"{name} (now {number(m.value, m.unit)})", name) for name, m in self._measures.items()]
            yield Select(options, id="measure", prompt="Choose…")
            yield Static("", id="measure-range", classes="detail")
            yield Static("New value", classes="field-label")
            yield Input(id="value", placeholder="a number, or yes / no for a flag")
            yield Static("Why (a note for the journal)", classes="field-label")
            yield Input(id="note", placeholder="e.g. the council found £1m in reserves")
            yield from self.buttons("Adjust")

    def on_select_changed(self, event: Select.Changed) -> None:
        measure = self._measures.get(event.value) if isinstance(event.value, str) else None
        text = ""
        if measure is not None:
            if measure.range is not None:
                low, high = measure.range
                text = f"{measure.doc} Range {number(low)}–{number(high)}: values outside it are clamped."
            else:
                text = f"{measure.doc} A flag: yes or no."
        self.query_one("#measure-range", Static).update(text)

    def collect(self) -> AdjustRequest | None:
        name = self.query_one("#measure", Select).value
        if not isinstance(name, str):
            self.show_error("Choose the value to adjust.")
            return None
        measure = self._measures[name]
        raw = self.query_one("#value", Input).value.strip()
        value: float | bool
        if measure.kind == "flag":
            if raw.lower() in _TRUE:
                value = True
            elif raw.lower() in _FALSE:
                value = False
            else:
                self.show_error(f"{name} is a flag: type yes or no.")
                return None
        else:
            try:
                value = float(raw.replace(",", ""))
            except ValueError:
                self.show_error(f"{raw or 'Nothing'} is not a number: type the new value of {name}, e.g. 120.")
                return None
        note = self.query_one("#note", Input).value.strip()
        if not note:
            self.show_error("Say why in the note: it is read out in the debrief.")
            return None
        return AdjustRequest(name, value, note)
