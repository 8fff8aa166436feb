"""The base of every dashboard widget: it is handed a Dashboard ("attributes down") and redraws lazily.

A panel on a hidden tab only notes that it is stale and redraws when it is shown, so a change on a large
board costs only the panels a person can actually see.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Static

from boardsim.ui.dashboard import Dashboard


class DashboardPanel(Widget):
    """A widget that shows part of a Dashboard; subclasses implement `show_dashboard`."""

    dashboard: var[Dashboard | None] = var(None, init=False, always_update=True)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._stale = False
        self._shown: dict[str, Any] = {}

    def unchanged(self, part: str, value: Any) -> bool:
        """True if `part` already shows `value` (so redrawing it can be skipped); records `value` otherwise."""
        if part in self._shown and self._shown[part] == value:
            return True
        self._shown[part] = value
        return False

    def set_static(self, selector: str, markup: str, *, layout: bool | None = None) -> None:
        """Update a Static only when its text changes (every update costs a repaint, or a relayout).

        `layout` None: relayout only when the number of lines changes, which is right for a Static that does
        not wrap (a relayout of the console costs far more than a repaint). True or False: always, never.
        """
        previous = self._shown.get(selector)
        if previous == markup:
            return
        self._shown[selector] = markup
        if layout is None:
            layout = not isinstance(previous, str) or previous.count("\n") != markup.count("\n")
        self.query_one(selector, Static).update(markup, layout=layout)

    def watch_dashboard(self, dashboard: Dashboard | None) -> None:
        if dashboard is None:
            return
        if self.is_on_screen:
            self._stale = False
            self.show_dashboard(dashboard)
        else:
            self._stale = True

    def on_show(self, event: events.Show) -> None:
        self.catch_up()

    def catch_up(self) -> None:
        """Redraw now if a Dashboard arrived while this panel was hidden.

        The console calls it just before showing a tab, so the tab appears up to date in its first frame
        instead of being drawn once stale and again when it is shown.
        """
        if self._stale and self.dashboard is not None:
            self._stale = False
            self.show_dashboard(self.dashboard)

    def on_mount(self) -> None:
        if self.dashboard is not None:
            self._stale = True

    def show_dashboard(self, dashboard: Dashboard) -> None:
        """Redraw from `dashboard` (only called while on screen)."""
        raise NotImplementedError
