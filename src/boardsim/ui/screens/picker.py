"""Choose a shipped scenario: each file's title and synopsis (or what is wrong with it)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from boardsim.ui import palette
from boardsim.ui.formatting import escape
from boardsim.ui.scenario_catalogue import ScenarioEntry, load_entry

from .fresh_screen import FreshScreen

if TYPE_CHECKING:
    from boardsim.ui.app import BoardsimApp


class ProblemsScreen(ModalScreen[None]):
    """The located findings of a scenario that cannot be played."""

    CSS_PATH = "modal.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "close", "Close", id="problems.close")]

    def __init__(self, entry: ScenarioEntry) -> None:
        super().__init__()
        self._entry = entry

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"[b]{escape(str(self._entry.path))} has errors[/b]", classes="title")
            with VerticalScroll():
                yield Static(escape("\n".join(self._entry.problems)))
            yield Static("Fix them (see `boardsim check`) and start again. Esc closes.", classes="detail")

    def action_close(self) -> None:
        self.dismiss()


class PickerScreen(FreshScreen[None]):
    """The shipped scenarios, loaded and checked in the background."""

    CSS_PATH = "picker.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Play this scenario", id="picker.choose", show=True)
    ]

    class EntryLoaded(Message):
        """One scenario file has been loaded and checked."""

        def __init__(self, entry: ScenarioEntry | None, remaining: int) -> None:
            super().__init__()
            self.entry = entry
            self.remaining = remaining

    def __init__(self, files: Sequence[Path]) -> None:
        super().__init__()
        self._files = list(files)
        self._entries: dict[str, ScenarioEntry] = {}

    @property
    def boardsim(self) -> BoardsimApp:
        return cast("BoardsimApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(
            "[b]boardsim[/b] — rehearse a health and wellbeing board's dilemmas\n"
            "Choose a scenario with ↑↓ and press Enter (or click it).",
            id="picker-title",
        )
        yield OptionList(id="scenarios")
        yield LoadingIndicator(id="picker-loading")
        yield Static("", id="picker-status")
        yield Footer()

    def on_mount(self) -> None:
        if not self._files:
            self.query_one("#picker-loading").display = False
            self.query_one("#picker-status", Static).update(
                "No scenarios found: run `boardsim play FILE.yaml`, or start from a folder with a scenarios/ folder."
            )
            return
        self.query_one("#scenarios", OptionList).focus()
        # Load once the picker is on screen: a thread started now would share the interpreter with the first
        # paint (one thread runs Python at a time) and delay it.
        self.call_after_refresh(self._load_all)

    @work(thread=True, exclusive=True, group="picker")
    def _load_all(self) -> None:
        # A thread worker: it only loads files and posts messages; the UI thread updates the widgets. It stops
        # between files once cancelled (the app is quitting), instead of holding the exit up until all are read.
        worker = get_current_worker()
        for index, path in enumerate(self._files):
            if worker.is_cancelled:
                return
            self.post_message(self.EntryLoaded(load_entry(path), len(self._files) - index - 1))

    def on_picker_screen_entry_loaded(self, message: EntryLoaded) -> None:
        entry = message.entry
        if entry is not None:
            key = str(len(self._entries))
            self._entries[key] = entry
            options = self.query_one("#scenarios", OptionList)
            options.add_option(Option(self._prompt(entry), id=key))
            if options.highlighted is None:
                options.highlighted = 0  # so Enter plays the first scenario straight away
        if message.remaining == 0:
            self.query_one("#picker-loading").display = False
            count = len(self._entries)
            self.query_one("#picker-status", Static).update(f"{count} scenario{'s' if count != 1 else ''} found.")

    def _prompt(self, entry: ScenarioEntry) -> Content:
        if entry.playable:
            return Content.from_markup(
                f"[b]{escape(entry.title)}[/b]  [dim]{escape(entry.path.name)}[/dim]\n{escape(entry.synopsis)}\n"
            )
        return Content.from_markup(
            f"{palette.BREACH.symbol} [b]{escape(entry.title)}[/b] — cannot be played: "
            f"{len(entry.problems)} error(s); Enter shows them\n"
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option.id)

    def action_choose(self) -> None:
        options = self.query_one("#scenarios", OptionList)
        if options.highlighted is not None:
            self._choose(options.get_option_at_index(options.highlighted).id)

    def _choose(self, key: str | None) -> None:
        entry = self._entries.get(key or "")
        if entry is None:
            return
        if entry.scenario is None or not entry.playable:
            self.app.push_screen(ProblemsScreen(entry))
            return
        self.boardsim.scenario_chosen(entry.scenario, entry.path)
