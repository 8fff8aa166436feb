"""Did-you-mean hints for a name that is not known: stdlib only, cheap to import from anywhere (the command
line uses it before the engine, or anything heavy, is loaded)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(name: str, known: Iterable[str]) -> str | None:
    """The known name most like `name`, if one is close enough to be the likely intent."""
    matches = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest known name, or '' when nothing is close."""
    match = closest(name, known)
    return f" (did you mean {match!r}?)" if match is not None else ""
