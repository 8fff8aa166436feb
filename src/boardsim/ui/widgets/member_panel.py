"""The base of the seat screen's widgets: each is handed only its member's MemberView, never a Dashboard.

That is how a seat screen is kept from showing anything private to another member: the widgets below it
cannot reach anything but the one member's view.
"""

from __future__ import annotations

from textual.reactive import var
from textual.widget import Widget

from boardsim.core.engine import MemberView


class MemberPanel(Widget):
    """A widget that shows part of one member's view; subclasses implement `show_view`."""

    view: var[MemberView | None] = var(None, init=False, always_update=True)

    def watch_view(self, view: MemberView | None) -> None:
        if view is not None:
            self.show_view(view)

    def show_view(self, view: MemberView) -> None:
        raise NotImplementedError
