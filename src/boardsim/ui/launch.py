"""What `boardsim play` was asked to do: the scenario, the seed, who holds each seat, where the journal goes."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from boardsim.core.scenario.model import Scenario
from boardsim.core.scenario.types import Disposition

if TYPE_CHECKING:
    from boardsim.core.engine import Seat

DISPOSITIONS: tuple[Disposition, ...] = ("organisation-first", "system-first", "reciprocator", "cautious")
DEFAULT_BOTS: Disposition = "system-first"


def as_disposition(value: object) -> Disposition | None:
    """`value` as a disposition name, or None if it is not one."""
    for name in DISPOSITIONS:
        if value == name:
            return name
    return None


@dataclass(frozen=True, slots=True)
class SeatChoice:
    """A seat as set up: a person (with a name) or a bot (with a disposition, or None for the default one)."""

    kind: Literal["human", "bot"]
    name: str = ""
    disposition: Disposition | None = None

    def seat(self, bots: Disposition) -> Seat:
        """The engine's seat for this choice."""
        from boardsim.core.engine import BotSeat, HumanSeat  # the engine is imported once a run starts

        if self.kind == "human":
            return HumanSeat(self.name)
        return BotSeat(self.disposition or bots)


@dataclass(frozen=True, slots=True)
class LaunchOptions:
    """The choices given on the command line (or by a test); the set-up screen fills in the rest."""

    scenario: Scenario | None = None
    scenario_path: Path | None = None
    seed: int | None = None
    bots: Disposition | None = None
    seats: Mapping[str, SeatChoice] = field(default_factory=dict)
    journal_path: Path | None = None
    journal_dir: Path = Path("journals")
    search_dirs: Sequence[Path] = ()
    keymap: Mapping[str, str] = field(default_factory=dict)
    log_file: Path | None = None
    """Where the app sends its operational logs (JSON lines); None: the app leaves logging as it finds it."""

    def ready_to_start(self) -> bool:
        """Whether the set-up screen can be skipped: a scenario, and every seat given (or --bots)."""
        if self.scenario is None:
            return False
        if self.bots is not None:
            return True
        return all(member.id in self.seats for member in self.scenario.members)

    def engine_seats(self, bots: Disposition | None = None) -> dict[str, Seat]:
        """The seats as the engine takes them (members not listed get a bot of the default disposition)."""
        default = bots or self.bots or DEFAULT_BOTS
        return {member: choice.seat(default) for member, choice in self.seats.items()}


def default_journal_path(folder: Path, scenario_id: str, now: _dt.datetime | None = None) -> Path:
    """`journals/<scenario>-<YYYYmmdd-HHMMSS>.jsonl`: a new file for every workshop."""
    moment = now or _dt.datetime.now()
    return folder / f"{scenario_id}-{moment:%Y%m%d-%H%M%S}.jsonl"
