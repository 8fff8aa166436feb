"""The facilitator's console: the run's status, every facilitator command, and the dashboards in tabs.

Keys drive everything (the footer and the help screen list them; the command palette has them too); on a
wide terminal a column of buttons offers the same commands to the mouse. Commands that cannot be undone
(close a dilemma, skip an inject, rewind) ask first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, TabbedContent, TabPane

from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import escape
from boardsim.ui.widgets.accountabilities import AccountabilitiesPanel
from boardsim.ui.widgets.alignment import AlignmentPanel
from boardsim.ui.widgets.board_summary import BoardSummary
from boardsim.ui.widgets.footer import StableFooter
from boardsim.ui.widgets.money import MoneyPanel
from boardsim.ui.widgets.notes import NotesPanel
from boardsim.ui.widgets.open_decisions import OpenDecisionsPanel
from boardsim.ui.widgets.panel import DashboardPanel
from boardsim.ui.widgets.run_status import RunStatus
from boardsim.ui.widgets.seats import SeatsPanel
from boardsim.ui.widgets.timeline import TimelinePanel
from boardsim.ui.widgets.trust_heatmap import TrustHeatmap
from boardsim.ui.widgets.trust_log import TrustChangeLog

from .console_actions import FacilitatorActions
from .console_commands import COMMANDS, CONSOLE_BINDINGS, TABS, command_key

__all__ = ["COMMANDS", "TABS", "ConsoleScreen", "tab_content"]


def tab_content(tab: str) -> list[Widget]:
    """The panels of one console tab (made when the tab is first shown)."""
    if tab == "overview":
        return [
            Horizontal(
                Vertical(OpenDecisionsPanel(id="open-decisions"), TimelinePanel(id="timeline"), id="overview-main"),
                BoardSummary(id="overview-board"),
                id="overview-body",
            )
        ]
    if tab == "board":
        return [BoardSummary(id="board-summary")]
    if tab == "trust":
        return [Horizontal(TrustHeatmap(id="trust-heatmap"), TrustChangeLog(id="trust-changes"), id="trust-body")]
    panels: dict[str, Callable[[], Widget]] = {
        "alignment": lambda: AlignmentPanel(id="alignment-panel"),
        "money": lambda: MoneyPanel(id="money-panel"),
        "duties": lambda: AccountabilitiesPanel(id="accountabilities-panel"),
        "notes": lambda: NotesPanel(id="notes-panel"),
        "seats": lambda: SeatsPanel(id="seats-panel"),
    }
    return [panels[tab]()]


def _tab_of(widget: Widget) -> str | None:
    """The id of the console tab (TabPane) `widget` is on, if any."""
    for ancestor in widget.ancestors:
        if isinstance(ancestor, TabPane):
            return ancestor.id
    return None


class ConsoleScreen(FacilitatorActions):
    """The facilitator's home screen."""

    CSS_PATH = "console.tcss"
    BINDINGS: ClassVar[list[BindingType]] = CONSOLE_BINDINGS

    def __init__(self) -> None:
        super().__init__()
        self._filled: set[str] = set()
        self._panels: list[DashboardPanel] = []

    def compose(self) -> ComposeResult:
        yield RunStatus(id="run-status")
        with Horizontal(id="console-body"):
            with TabbedContent(id="console-tabs", initial="overview"):
                for tab, label in TABS:
                    with TabPane(label, id=tab):
                        if tab == "overview":
                            yield from tab_content(tab)
            with VerticalScroll(id="command-bar"):
                for action, label, help_text in COMMANDS:
                    key = command_key(action, self.boardsim.keymap_overrides)
                    button = Button(escape(f"{label} [{key}]"), id=f"command-{action}", classes="command", compact=True)
                    button.tooltip = help_text
                    yield button
        yield StableFooter()

    def on_mount(self) -> None:
        self._filled = {"overview"}
        # The panels that show the Dashboard, kept in a list: querying the whole console for them on every
        # change took a few milliseconds of each key press.
        self._panels = list(self.query(DashboardPanel))
        self.watch(self.app, "dashboard", self._take_dashboard)

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        # Tabs are filled the first time they are shown: a console that mounted every panel up front would
        # take noticeably longer to appear, and most workshops never open some tabs.
        pane = event.pane
        if pane.id is None or pane.id in self._filled:
            return
        self._filled.add(pane.id)
        await pane.mount(*tab_content(pane.id))
        panels = list(pane.query(DashboardPanel))
        self._panels.extend(panels)
        if self.dashboard is not None:
            for panel in panels:
                panel.dashboard = self.dashboard

    def prepare_tab(self, tab: str) -> None:
        for panel in self._panels:
            if panel.parent is not None and _tab_of(panel) == tab:
                panel.catch_up()

    def watch_dashboard(self, dashboard: Dashboard | None) -> None:
        if dashboard is None:
            return
        for panel in self._panels:
            panel.dashboard = dashboard

    def _take_dashboard(self, dashboard: Dashboard | None) -> None:
        # Taken on the next turn of the message loop rather than at once: the same change may hand the keyboard
        # to a seat, and behind the seat's opaque screen the console is not seen, so redrawing it then would
        # only delay the hand-over (Textual lays out and paints the screen just below the top one even when it
        # is covered). It catches up when it is shown again.
        if dashboard is not None:
            self.call_later(self._catch_up)

    def _catch_up(self) -> None:
        latest = self.boardsim.dashboard
        if latest is not None and latest is not self.dashboard and self._seen():
            self.dashboard = latest

    def _seen(self) -> bool:
        """True if the console can be seen: on top, or behind a see-through dialog."""
        top = self.app.screen
        return top is self or (top.styles.background.a < 1 and self in self.app._background_screens)

    def on_screen_resume(self) -> None:
        self._catch_up()

    def on_key(self) -> None:
        if self.boardsim.has_run:
            self.boardsim.controller.note_activity()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        if button_id.startswith("command-"):
            event.stop()
            await self.run_action(button_id.removeprefix("command-"))
