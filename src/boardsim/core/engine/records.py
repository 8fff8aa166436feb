"""What the engine keeps about each dilemma as it runs: its deciders, their decisions, and how it closed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from boardsim.core.scenario.model import Dilemma

from .events import CloseReason, DecisionSource


@dataclass(frozen=True, slots=True)
class Decision:
    """What one decider decided (an option, an abstention, or a pledge) and how the decision was taken."""

    option: str | None
    amount: int | None
    source: DecisionSource
    rationale: str = ""


@dataclass(slots=True)
class DilemmaRecord:
    """A dilemma's progress through the run."""

    dilemma: Dilemma
    deciders: list[str]
    status: Literal["waiting", "open", "closed"] = "waiting"
    opened_day: int | None = None
    opened_seq: int | None = None
    deadline_day: int | None = None
    decisions: dict[str, Decision] = field(default_factory=dict)
    closed_day: int | None = None
    closed_seq: int | None = None
    close_reason: CloseReason | None = None
    outcome: str | None = None
    """chosen(): the option the board got (vote) or most chosen (individual)."""
    choices: dict[str, str | None] = field(default_factory=dict)
    """Revealed per-decider choices or ballots (after close)."""
    applied: dict[str, None] = field(default_factory=dict)
    """Options applied at least once (after close), in order."""
    pledges: dict[str, int] = field(default_factory=dict)

    def undecided(self) -> list[str]:
        return [member for member in self.deciders if member not in self.decisions]


def deciders_of(dilemma: Dilemma, members: list[str]) -> list[str]:
    """The dilemma's deciders, in the scenario's member order."""
    if dilemma.deciders == "all":
        return list(members)
    named = set(dilemma.deciders)
    return [member for member in members if member in named]
