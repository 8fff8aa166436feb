"""Where a run stops and can be forked from."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

StopReason = Literal["awaiting-decisions", "decided", "paused", "ended"]
PointReason = Literal["start", "awaiting-decisions", "decided", "paused"]
AdvanceUntil = Literal["human", "decision"]
"""How far `Session.advance` goes: until a human must decide ("human"), or also after every dilemma that closes
("decision": a facilitator stepping through an all-bot board one decision at a time)."""


class Stop(BaseModel):
    """Why `advance` returned, on which day, and which (dilemma, member) decisions are outstanding."""

    model_config = ConfigDict(frozen=True)

    reason: StopReason
    day: int
    waiting: list[tuple[str, str]] = []
    decided: list[str] = []
    """Dilemmas that closed during this `advance`, in the order they closed."""


class DecisionPoint(BaseModel):
    """A point the run stopped at (or started from), which `rewind` can fork from."""

    model_config = ConfigDict(frozen=True)

    seq: int
    """Journal length at the point: a fork replays the inputs before it."""
    day: int
    reason: PointReason
    waiting: list[tuple[str, str]] = []
    decided: list[str] = []
    """Dilemmas that closed in the `advance` that stopped here, in the order they closed."""
    label: str
