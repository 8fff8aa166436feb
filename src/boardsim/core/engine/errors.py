"""The errors the engine raises at its public edge: readable sentences, never tracebacks for users."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class SessionError(Exception):
    """A request the session cannot carry out, said in a sentence a facilitator can act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class JournalMismatch(SessionError):
    """Replaying a journal did not reproduce it: the scenario, the engine or the journal changed."""


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest known name, or '' when nothing is close."""
    matches = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f" (did you mean {matches[0]!r}?)" if matches else ""


def unknown(what: str, name: str, known: Iterable[str]) -> SessionError:
    """A SessionError for an unknown id, with a did-you-mean hint, or the list of ids when it is short."""
    names = list(known)
    hint = did_you_mean(name, names)
    if not hint and names and len(names) <= 12:
        hint = f" (known: {', '.join(names)})"
    return SessionError(f"there is no {what} {name!r}{hint}")
