"""What a bot is told when it must decide (implemented by the engine), and what it answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from boardsim.core.scenario.model import Accountability, Dilemma, Option, Scenario


class DecisionSituation(Protocol):
    """One member facing one open dilemma, as the engine sees it at that moment.

    `scenario`, `member` and `dilemma` may be plain attributes or read-only properties. The bot never changes
    anything through this interface: every method is a question about the present or a hypothetical.
    """

    @property
    def scenario(self) -> Scenario:
        """The scenario being played."""
        ...

    @property
    def member(self) -> str:
        """The id of the member whose seat the bot holds."""
        ...

    @property
    def dilemma(self) -> Dilemma:
        """The dilemma it must decide now."""
        ...

    def state_values(self) -> Mapping[str, float | bool]:
        """Every declared state value now."""
        ...

    def budget(self, member: str) -> int:
        """A member's budget now, in pounds."""
        ...

    def trust(self, truster: str, trustee: str) -> float:
        """Expected trust 0..1 of `truster` in `trustee` now."""
        ...

    def selectable_options(self) -> list[Option]:
        """The dilemma's options whose `requires` holds now, in the dilemma's order."""
        ...

    def breaches_if(self, option: Option) -> list[Accountability]:
        """This member's accountabilities that would be in breach right after the option's immediate effects."""
        ...

    def pledge_bounds(self) -> tuple[int, int]:
        """The least and most this member may pledge (pledge mode only)."""
        ...


@dataclass(frozen=True, slots=True)
class BotDecision:
    """A bot's answer: an option id (None = abstain, votes only) or a pledge amount, and why, in a sentence."""

    option: str | None = None
    amount: int | None = None
    rationale: str = ""
