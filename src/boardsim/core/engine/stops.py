"""Where a run stops and can be forked from."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

StopReason = Literal["awaiting-decisions", "paused", "ended"]


class Stop(BaseModel):
    """Why `advance` returned, on which day, and which (dilemma, member) decisions are outstanding."""

    model_config = ConfigDict(frozen=True)

    reason: StopReason
    day: int
    waiting: list[tuple[str, str]] = []


class DecisionPoint(BaseModel):
    """A point the run stopped at (or started from), which `rewind` can fork from."""

    model_config = ConfigDict(frozen=True)

    seq: int
    """Journal length at the point: a fork replays the inputs before it."""
    day: int
    reason: Literal["start", "awaiting-decisions", "paused"]
    waiting: list[tuple[str, str]] = []
    label: str
