"""Every key, on every screen, with the id a keymap can remap it by."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from boardsim.ui.formatting import escape
from boardsim.ui.widgets.line_list import LineList

KeySection = tuple[str, Sequence[BindingType]]


def binding_rows(sections: Sequence[KeySection], keymap: Mapping[str, str]) -> list[tuple[str, str, str, str]]:
    """(where, keys, what, id) for every Binding with a description, keymap overrides applied."""
    rows: list[tuple[str, str, str, str]] = []
    for where, bindings in sections:
        for binding in bindings:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            keys = keymap.get(binding.id or "", binding.key)
            shown = ", ".join(_key_name(key) for key in keys.split(","))
            rows.append((where, shown, binding.tooltip or binding.description, binding.id or ""))
    return rows


_NAMES = {
    "space": "Space",
    "escape": "Esc",
    "enter": "Enter",
    "question_mark": "?",
    "ctrl+s": "Ctrl+S",
    "ctrl+q": "Ctrl+Q",
}


def _key_name(key: str) -> str:
    key = key.strip()
    if key in _NAMES:
        return _NAMES[key]
    return key.replace("ctrl+", "Ctrl+").upper() if key.startswith(("ctrl+", "f")) and len(key) > 1 else key


class HelpScreen(ModalScreen[None]):
    """A table of keys by screen; Esc (or F1) closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,question_mark", "close", "Close help", id="help.close")]

    def __init__(self, sections: Sequence[KeySection], keymap: Mapping[str, str]) -> None:
        super().__init__()
        self._rows = binding_rows(sections, keymap)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(
                "[b]Keys[/b] — every command also has a button or a click, and Ctrl+P searches them all.",
                id="help-title",
            )
            yield LineList((11, 10, 22), ("screen", "keys", "id", "what it does"), id="help-table")
            yield Static("", id="help-detail")
            yield Static(
                "Esc closes this help. Keys can be remapped by id (see the facilitator guide).", id="help-foot"
            )

    @property
    def rows(self) -> list[tuple[str, str, str, str]]:
        """(screen, keys, what, id) as listed."""
        return list(self._rows)

    def on_mount(self) -> None:
        table = self.query_one("#help-table", LineList)
        lines = []
        previous = ""
        for where, keys, what, binding_id in self._rows:
            lines.append((((where if where != previous else "", "bold"), (keys, "bold"), (binding_id, "dim")), what))
            previous = where
        table.set_rows(lines, follow=False)
        table.cursor = 0
        table.focus()

    def on_line_list_highlighted(self, event: LineList.Highlighted) -> None:
        _, keys, what, binding_id = self._rows[event.index]
        detail = f"[b]{escape(keys)}[/b] ({escape(binding_id)}): {escape(what)}"
        self.query_one("#help-detail", Static).update(detail, layout=False)

    def action_close(self) -> None:
        self.dismiss()
