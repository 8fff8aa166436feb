"""A screen that is styled once, not twice, before its first paint."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.screen import Screen, ScreenResultType


class FreshScreen(Screen[ScreenResultType]):
    """A screen whose first showing does not restyle every widget on it.

    When a screen is shown (ScreenResume), Textual restyles it and everything on it, in case something changed
    while it was hidden. When it is shown for the first time that is redundant for its widgets: they have not
    been composed yet, and each is styled in full as it is mounted, with every stylesheet loaded. Only the
    screen itself may be stale (Textual styles it before it reads the screen's own stylesheet), so it alone is
    restyled then. On the set-up screen the full pass was a tenth of the time to its first paint. Later
    showings (coming back to the screen) still restyle everything.
    """

    _shown_before = False

    def post_message(self, message: Message) -> bool:
        if isinstance(message, events.ScreenResume) and not self._shown_before:
            self._shown_before = True
            if message.refresh_styles and not self.children:
                self.update_node_styles(animate=False)  # the screen alone: it has no widgets yet
                message = events.ScreenResume(refresh_styles=False)
        return super().post_message(message)
