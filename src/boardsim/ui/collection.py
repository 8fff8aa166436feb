"""Keep Python's cycle collector out of the way of key presses.

A forty-member run holds hundreds of thousands of long-lived objects (the journal, the metrics, the console's
widgets and the lines they have drawn). CPython's full collection walks every one of them — 100–250 ms on a
workshop laptop — whenever enough new objects have survived, which on a busy console means in the middle of
a key press. So after each engine command everything alive is frozen (`gc.freeze`): later collections only
look at what was made since. Anything that became garbage while frozen (a screen closed since, say) is
reclaimed by one full collection once the console has been left alone for a while (no command, no key).
"""

from __future__ import annotations

import gc
from typing import Any

from textual.app import App
from textual.timer import Timer

IDLE_SECONDS = 10.0
"""How long after the last engine command (and the last key on the console) the full collection runs."""


class CollectionPacer:
    """Freezes the heap after each command and collects it in full when the console is idle."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._idle_collection: Timer | None = None

    def command_done(self) -> None:
        """Call on the UI thread after each engine command has been applied."""
        gc.freeze()
        self._arm()

    def postpone(self) -> None:
        """Someone is using the console: put the pending full collection off until they have stopped."""
        if self._idle_collection is not None:
            self._arm()

    def _arm(self) -> None:
        if self._idle_collection is not None:
            self._idle_collection.stop()
        self._idle_collection = self._app.set_timer(IDLE_SECONDS, self._collect_everything)

    def stop(self) -> None:
        """Hand the collector back as it was (the run is over): nothing stays frozen."""
        if self._idle_collection is not None:
            self._idle_collection.stop()
            self._idle_collection = None
        gc.unfreeze()

    def _collect_everything(self) -> None:
        self._idle_collection = None
        gc.unfreeze()
        gc.collect()
        gc.freeze()
