"""Small helpers every family of checks shares: did-you-mean hints and paths to fields that may be absent."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from pydantic import BaseModel

from boardsim.core.diagnostics import Finding, YamlPath

_LISTED_AT_MOST = 8  # beyond this many names a list stops being a hint and becomes noise


def did_you_mean(name: str, candidates: Iterable[str], plural: str) -> str:
    """A hint for an unknown name: the closest known one, or the short list of what exists."""
    known = sorted(set(candidates))
    if not known:
        return f"there are no {plural}"
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f"did you mean `{close[0]}`?"
    if len(known) <= _LISTED_AT_MOST:
        return f"known {plural}: " + ", ".join(f"`{item}`" for item in known)
    return ""


def field_path(model: BaseModel, base: YamlPath, field: str, fallback: str = "id") -> YamlPath:
    """The path of `field` if the designer wrote it, else of `fallback` (a field that is always written).

    The YAML adapter places a finding by its path; a default the designer never wrote has no position.
    """
    if field in model.model_fields_set:
        return (*base, _alias(model, field))
    return (*base, _alias(model, fallback))


def _alias(model: BaseModel, field: str) -> str:
    info = type(model).model_fields.get(field)
    return (info.alias if info is not None and info.alias else None) or field


def quoted(names: Iterable[str]) -> str:
    """`a`, `b` and `c` — for messages."""
    items = [f"`{name}`" for name in names]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def readable_path(path: YamlPath) -> str:
    """A path the way designers read it, members[2].budget.amount (as `Finding.yaml_path` writes it)."""
    return Finding(code="", message="", path=path).yaml_path
