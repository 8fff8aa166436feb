"""TODO, FIXME and XXX markers left in any text of the scenario (a note to the designer, not an error)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from boardsim.core.diagnostics import Finding, YamlPath, finding

from .common import readable_path
from .index import ScenarioIndex

# Upper case only: "todo" in prose ("a to-do list") is not a marker; TODO/FIXME/XXX by convention are.
_MARKERS = ("TODO", "FIXME", "XXX")
_MARKER = re.compile(r"\b(TODO|FIXME|XXX)\b")


def check_text_markers(index: ScenarioIndex) -> Iterator[Finding]:
    # Most scenarios have no marker at all: plain substring searches over the serialised scenario settle that
    # in a millisecond, and only a scenario that may have one pays for the walk that finds where.
    serialised = index.scenario.model_dump_json()
    if not any(marker in serialised for marker in _MARKERS):
        return
    for path, text in _texts(index.scenario, ()):
        match = _MARKER.search(text)
        if match is not None:
            yield finding(
                "todo",
                f"{match.group(1)} marker left in {readable_path(path)}: finish the text before the exercise",
                path,
            )


def _texts(value: object, path: YamlPath) -> Iterator[tuple[YamlPath, str]]:
    """Every string in a model tree, with its path in the input document (aliases, list indices, dict keys)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from _texts(getattr(value, name), (*path, info.alias or name))
    elif isinstance(value, list | tuple):
        for k, item in enumerate(value):
            yield from _texts(item, (*path, k))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, str(key)))
