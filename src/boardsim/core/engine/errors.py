"""The errors the engine raises at its public edge: readable sentences, never tracebacks for users."""

from __future__ import annotations

from collections.abc import Iterable

from boardsim.core.suggestions import did_you_mean


class SessionError(Exception):
    """A request the session cannot carry out, said in a sentence a facilitator can act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class JournalMismatch(SessionError):
    """Replaying a journal did not reproduce it: the scenario, the engine or the journal changed."""


def unknown(what: str, name: str, known: Iterable[str]) -> SessionError:
    """A SessionError for an unknown id, with a did-you-mean hint, or the list of ids when it is short."""
    names = list(known)
    hint = did_you_mean(name, names)
    if not hint and names and len(names) <= 12:
        hint = f" (known: {', '.join(names)})"
    return SessionError(f"there is no {what} {name!r}{hint}")
