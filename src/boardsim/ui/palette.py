"""A colour-blind-safe palette (Okabe & Ito, 2008) and a symbol for every status.

Colour is never the only signal: every status has a symbol (and usually a word) that reads the same on a
monochrome projector, in a screenshot printed in grey, or to someone who cannot tell red from green.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

# The eight Okabe–Ito colours.
BLACK: Final = "#000000"
ORANGE: Final = "#E69F00"
SKY_BLUE: Final = "#56B4E9"
BLUISH_GREEN: Final = "#009E73"
YELLOW: Final = "#F0E442"
BLUE: Final = "#0072B2"
VERMILLION: Final = "#D55E00"
REDDISH_PURPLE: Final = "#CC79A7"
GREY: Final = "#8A8A8A"


@dataclass(frozen=True, slots=True)
class Status:
    """How one status looks: a symbol that carries the meaning, a word, and a colour that reinforces it."""

    symbol: str
    word: str
    colour: str

    def markup(self, text: str | None = None) -> str:
        """Content markup: the coloured symbol followed by `text` (the status word by default)."""
        label = self.word if text is None else text
        return f"[{self.colour}]{self.symbol}[/] {label}" if label else f"[{self.colour}]{self.symbol}[/]"


OK: Final = Status("✓", "met", BLUISH_GREEN)
BREACH: Final = Status("✗", "in breach", VERMILLION)
KEPT: Final = Status("✓", "kept", BLUISH_GREEN)
BROKEN: Final = Status("✗", "broken", VERMILLION)
PENDING: Final = Status("◷", "pending", SKY_BLUE)
TENSION: Final = Status("⚠", "tension", ORANGE)
RUNNING: Final = Status("▶", "running", BLUISH_GREEN)
PAUSED: Final = Status("‖", "paused", ORANGE)
ENDED: Final = Status("■", "ended", GREY)
DECIDED: Final = Status("●", "decided", BLUE)
WAITING: Final = Status("○", "waiting", ORANGE)
HUMAN: Final = Status("◆", "human", REDDISH_PURPLE)
BOT: Final = Status("◇", "bot", GREY)
TRUST_UP: Final = Status("▲", "up", BLUE)
TRUST_DOWN: Final = Status("▼", "down", VERMILLION)
NEWS: Final = Status("✉", "news", SKY_BLUE)
CHANGE: Final = Status("Δ", "changed", ORANGE)
MONEY: Final = Status("£", "money", BLUISH_GREEN)
SKIPPED: Final = Status("⤼", "skipped", GREY)
FACILITATOR: Final = Status("✎", "facilitator", REDDISH_PURPLE)
DISSENT: Final = Status("✗", "dissent", VERMILLION)
ABSTAIN: Final = Status("–", "abstained", GREY)
DISABLED: Final = Status("⊘", "not available", GREY)

SHADES: Final = (" ", "░", "▒", "▓", "█")
"""Glyphs from low to high, so a heat map reads without colour."""


def shade(value: float) -> str:
    """The shade glyph for a value in 0..1."""
    index = min(int(max(value, 0.0) * len(SHADES)), len(SHADES) - 1)
    return SHADES[index]


def _mix(low: str, high: str, weight: float) -> str:
    a = [int(low[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(high[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(x + (y - x) * weight) for x, y in zip(a, b, strict=True)]
    return "#" + "".join(f"{channel:02X}" for channel in mixed)


_NEUTRAL = "#3A3A3A"


def heat_colour(value: float) -> str:
    """A diverging background for trust 0..1: vermillion (low), dark grey (0.5, no evidence), blue (high)."""
    value = min(max(value, 0.0), 1.0)
    if value < 0.5:
        return _mix(VERMILLION, _NEUTRAL, value / 0.5)
    return _mix(_NEUTRAL, BLUE, (value - 0.5) / 0.5)


def level(value: float | None) -> Status:
    """A three-level reading of a 0..1 measure: low, middling or high (with symbols, not just colour)."""
    if value is None:
        return Status("·", "not yet measured", GREY)
    if value < 0.4:
        return Status("▽", "low", VERMILLION)
    if value < 0.65:
        return Status("◇", "middling", ORANGE)
    return Status("△", "high", BLUE)
