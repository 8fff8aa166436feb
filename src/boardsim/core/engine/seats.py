"""Who holds each seat at the table: a person at a terminal, or a bot with a disposition."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field
from pydantic.dataclasses import dataclass

from boardsim.core.scenario.types import Disposition


@dataclass(frozen=True)
class HumanSeat:
    """A seat played by a person, who submits decisions through the session."""

    name: str = ""
    """The player's name, shown to the facilitator."""
    kind: Literal["human"] = "human"


@dataclass(frozen=True)
class BotSeat:
    """A seat played by a bot of the given disposition; it decides as soon as a dilemma opens."""

    disposition: Disposition = "system-first"
    kind: Literal["bot"] = "bot"


Seat = Annotated[HumanSeat | BotSeat, Field(discriminator="kind")]
"""A seat at the table."""

ForcedChoice = str | dict[str, str]
"""A forced decision for a dilemma: an option id (or a pledge amount such as '£2m') for every decider, or a
map from member id to option id or amount. Used by playthroughs and `boardsim run --choose`."""
