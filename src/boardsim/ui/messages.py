"""Messages the controller posts to the app ("messages up")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from .dashboard import Dashboard


class SessionChanged(Message):
    """The run changed (or started): here is a fresh Dashboard to show."""

    def __init__(self, dashboard: Dashboard) -> None:
        super().__init__()
        self.dashboard = dashboard


class CommandFailed(Message):
    """An engine command was refused: `message` says why, in a sentence for the facilitator."""

    def __init__(self, command: str, message: str) -> None:
        super().__init__()
        self.command = command
        self.message = message
