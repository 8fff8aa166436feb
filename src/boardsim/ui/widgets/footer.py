"""A footer that rebuilds its keys only when the keys it shows change.

Textual's Footer removes and mounts all its key widgets whenever the screen's bindings *might* have changed:
on every focus change, every screen push or resume. On the console (fourteen keys) that cost well over a
hundred milliseconds each time the facilitator came back from a seat or a dialog, for a footer that looks
exactly the same as before.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def shown_keys(screen: Screen[Any]) -> tuple[Hashable, ...]:
    """Everything the footer draws from `screen`'s active bindings (two equal results draw the same footer)."""
    app = screen.app
    palette_key = app.COMMAND_PALETTE_BINDING
    return tuple(
        (
            key,
            binding.key,
            binding.action,
            binding.description,
            enabled,
            tooltip,
            app.get_key_display(binding),
            repr(binding.group),
        )
        for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show or key == palette_key
    )


class StableFooter(Footer):
    """A Footer that recomposes only when the keys, labels or enabled states it shows change."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._drawn: tuple[Hashable, ...] | None = None

    def compose(self) -> ComposeResult:
        # Draw the keys with the screen's first paint (Textual's Footer starts empty and fills itself in a
        # second pass, after the first refresh).
        self.set_reactive(Footer._bindings_ready, True)
        self._drawn = shown_keys(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # A FooterKey starts compact and is then bound to the footer's (not compact) style: two full
                # restyles of every key as it mounts. Starting it in the footer's style skips both. (The
                # command palette's key is not bound: it stays compact.)
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            keys = shown_keys(screen)
            if keys == self._drawn:
                return
            self._drawn = keys
        super().bindings_changed(screen)
