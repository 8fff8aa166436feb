"""Bots that hold a board seat: documented dispositions choosing by expected utility, deterministic per seed.

The engine implements `DecisionSituation` for a seat facing a dilemma and calls `decide` with the seat's
disposition and its own seeded generator; the answer is a `BotDecision` with a sentence for the debrief.
Facilitators' account of the dispositions: facilitator_guide/bots.md.
"""

from boardsim.core.bots.decision import decide
from boardsim.core.bots.dispositions import (
    CAUTIOUS,
    DISPOSITION_NAMES,
    ORGANISATION_FIRST,
    PROFILES,
    RECIPROCATOR,
    SEVERITY_UNITS,
    SYSTEM_FIRST,
    DispositionProfile,
    profile_for,
)
from boardsim.core.bots.situation import BotDecision, DecisionSituation

__all__ = [
    "CAUTIOUS",
    "DISPOSITION_NAMES",
    "ORGANISATION_FIRST",
    "PROFILES",
    "RECIPROCATOR",
    "SEVERITY_UNITS",
    "SYSTEM_FIRST",
    "BotDecision",
    "DecisionSituation",
    "DispositionProfile",
    "decide",
    "profile_for",
]
