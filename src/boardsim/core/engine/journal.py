"""The journal: a versioned header and the ordered events of one run, as text that round-trips exactly.

The text form is JSON lines: the header on the first line, then one event per line, each a compact JSON
object with fields in a fixed order. Same scenario, seed and inputs give the same bytes, so journals can be
compared with `cmp`, diffed line by line, and committed as golden files.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from boardsim.core.scenario.model import Scenario

from .events import EVENT_ADAPTER, Event
from .seats import ForcedChoice, Seat

JOURNAL_FORMAT = "boardsim-journal/1"


class JournalFormatError(ValueError):
    """A journal's text cannot be read: `line` is the 1-based line at fault (0 when the text is empty)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class JournalHeader(BaseModel):
    """What a journal was recorded against: the format version, the scenario, the seed and the seats."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal["boardsim-journal/1"] = "boardsim-journal/1"
    scenario_id: str
    scenario_digest: str
    """sha256 of the scenario's canonical JSON: a replay refuses a scenario that differs in any way."""
    seed: int
    seats: dict[str, Seat]
    forced: dict[str, ForcedChoice] = Field(default_factory=dict)
    """Forced decisions per dilemma (playthroughs, `boardsim run --choose`)."""


class Journal(BaseModel):
    """A run's header and events, in journal order."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    header: JournalHeader
    events: tuple[Event, ...] = ()

    def to_jsonl(self) -> str:
        """The journal as JSON lines: the header, then one event per line (ends with a newline)."""
        lines = [self.header.model_dump_json()]
        lines.extend(event.model_dump_json() for event in self.events)
        return "\n".join(lines) + "\n"

    @classmethod
    def from_jsonl(cls, text: str) -> Journal:
        """Read a journal written by `to_jsonl`; raises JournalFormatError with the line at fault."""
        lines = text.splitlines()
        if not lines or not lines[0].strip():
            raise JournalFormatError("the journal is empty: expected a header line first", 0)
        header = _read_header(lines[0])
        events: list[Event] = []
        for number, line in enumerate(lines[1:], start=2):
            if not line.strip():
                continue
            try:
                event = EVENT_ADAPTER.validate_json(line)
            except ValidationError as error:
                raise JournalFormatError(f"not a journal event: {_first_error(error)}", number) from None
            if event.seq != len(events):
                raise JournalFormatError(
                    f"events are out of order: expected seq {len(events)}, found seq {event.seq}", number
                )
            events.append(event)
        return cls(header=header, events=tuple(events))

    def inputs(self) -> list[Event]:
        """The events a person caused (what a replay re-applies)."""
        return [event for event in self.events if event.INPUT]


def _read_header(line: str) -> JournalHeader:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as error:
        raise JournalFormatError(f"the header is not JSON ({error.msg})", 1) from None
    if not isinstance(raw, dict) or "format" not in raw:
        raise JournalFormatError("this is not a boardsim journal: the first line has no `format`", 1)
    if raw["format"] != JOURNAL_FORMAT:
        raise JournalFormatError(
            f"journal format {raw['format']!r} is not supported: this boardsim reads {JOURNAL_FORMAT!r}", 1
        )
    try:
        return JournalHeader.model_validate(raw)
    except ValidationError as error:
        raise JournalFormatError(f"the header is not valid: {_first_error(error)}", 1) from None


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])


def scenario_digest(scenario: Scenario) -> str:
    """sha256 of the scenario's canonical JSON (sorted keys, no whitespace), as hex."""
    canonical = json.dumps(
        scenario.model_dump(mode="json", by_alias=True),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def journal_of(header: JournalHeader, events: Sequence[Event]) -> Journal:
    """A Journal over events already validated by the engine (no second validation pass)."""
    return Journal.model_construct(header=header, events=tuple(events))
