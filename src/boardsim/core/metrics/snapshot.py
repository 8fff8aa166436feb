"""What the metrics hand out: a trust change with its cause, and a snapshot of every metric at one moment.

Both are frozen pydantic models that go into the journal, so their JSON must be byte-stable: every float is
rounded to six decimals when the model is built (and -0.0 becomes 0.0), and dictionaries follow the scenario's
member order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict

DECIMALS = 6
"""Floats in trust changes and snapshots are rounded to this many decimals so journals are byte-stable."""

TrustFace = Literal["ability", "benevolence", "integrity"]
"""Which face of trustworthiness a piece of evidence speaks to (Mayer, Davis & Schoorman, 1995)."""


def round_metric(value: float) -> float:
    """Round a metric for storage; refuses NaN and infinities, which would make a journal unreadable."""
    if not math.isfinite(value):
        raise ValueError(f"a metric must be a finite number, not {value!r}")
    # Adding 0.0 turns -0.0 into 0.0 so that the same value always prints the same way.
    return round(value, DECIMALS) + 0.0


Rounded = Annotated[float, AfterValidator(round_metric)]


@dataclass(frozen=True, slots=True)
class Cause:
    """Why something changed: the journal event behind it, its kind, and a sentence a facilitator can read out."""

    event_seq: int
    kind: str
    sentence: str


_CHANGE_FIELDS = ("day", "truster", "trustee", "before", "after", "positive", "negative", "cause", "face")

TrustRow = tuple[str, str, float, float, float, float, str, str, TrustFace | None]
"""A trust change as the engine's hot path carries it: (truster, trustee, before, after, positive, negative,
cause kind, sentence, face), every float already rounded. `TrustChange.from_row` makes the model of it."""

_new = object.__new__
_set = object.__setattr__


class MetricsRecord(BaseModel):
    """Base for the metrics' frozen output records."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class TrustChange(MetricsRecord):
    """One change in how far `truster` trusts `trustee`, with the evidence added and its cause.

    `before` and `after` are expected trust (0..1) just before and just after the evidence, both at `day`
    (forgetting up to `day` is already applied to `before`). `positive` and `negative` are the evidence this
    change added, not running totals. `face` says which face of trustworthiness it concerns, or None when
    the scenario did not say (explicit trust effects).
    """

    day: int
    truster: str
    trustee: str
    before: Rounded
    after: Rounded
    positive: Rounded
    negative: Rounded
    cause: Cause
    face: TrustFace | None = None

    @classmethod
    def from_row(cls, day: int, event_seq: int, row: TrustRow) -> Self:
        """The change a tracker worked out (`row`, its floats already rounded), without validating it again.

        Equal to `TrustChange(day=..., ..., cause=Cause(event_seq, kind, sentence), face=...)` field for field
        (tests/metrics/test_trust_rows.py pins that down).
        """
        truster, trustee, before, after, positive, negative, kind, sentence, face = row
        change = _new(cls)
        _set(
            change,
            "__dict__",
            {
                "day": day,
                "truster": truster,
                "trustee": trustee,
                "before": before,
                "after": after,
                "positive": positive,
                "negative": negative,
                "cause": Cause(event_seq, kind, sentence),
                "face": face,
            },
        )
        _set(change, "__pydantic_fields_set__", {*_CHANGE_FIELDS})
        _set(change, "__pydantic_extra__", None)
        _set(change, "__pydantic_private__", None)
        return change


class MetricsSnapshot(MetricsRecord):
    """Every metric at one moment of a run (after the event `event_seq`, on fictional `day`).

    None means "not measurable yet" (for example vote cohesion before the first vote). Snapshots are read-only,
    and the tracker shares unchanged rows of `trust` between successive snapshots: never change one in place.
    """

    day: int
    event_seq: int
    trust: dict[str, dict[str, Rounded]]
    """trust[a][b]: expected trust of a in b, 0..1 (0.5 = no evidence either way)."""
    board_trust: Rounded
    """Mean expected trust over every ordered pair of different members."""
    goal_alignment: Rounded | None
    """How far members' revealed priorities point the way of the shared purpose, 0..1."""
    vote_cohesion: Rounded | None
    """Mean Agreement Index over the votes so far, 0..1."""
    resource_alignment: Rounded
    """Share of the board's money that sits in pooled funds, 0..1."""
    alignment_composite: Rounded | None
    """Mean of the alignment measures available so far, 0..1."""
    leadership_distribution: Rounded | None
    """Normalised Shannon entropy of who has led: 1 = evenly shared, 0 = one member led everything."""
    say_do_gap: dict[str, Rounded | None]
    """Per member, 0 (its choices go the way its stated priorities say) .. 1 (the opposite way)."""
