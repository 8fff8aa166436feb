"""Annotated field types shared by the scenario models: identifiers, conditions, money, durations, times.

Each type carries a JSON Schema fragment so editors show designers what to write (hover text and patterns).
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema

from .quantities import (
    DURATION_PATTERN,
    MONEY_PATTERN,
    Duration,
    Moment,
    parse_date,
    parse_duration,
    parse_moment,
    parse_money,
)


class AuthoredModel(BaseModel):
    """Base for everything a person writes: unknown keys are errors, never silently ignored."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        validate_default=False,
        # Build validators on first use, not at import: `boardsim play` starts visibly faster.
        defer_build=True,
        # No `use_attribute_docstrings`: it read and tokenized this package's source for every class at import.
        # The field docstrings are read only where they are shown: the JSON Schema and field hints
        # (boardsim.adapters.field_docs).
    )


Identifier = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$",
        max_length=64,
        description="An id: lower-case letters, digits, '-' or '_', starting with a letter, e.g. `risk-share`.",
    ),
]

StateName = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        max_length=64,
        description="A state name usable in conditions: lower-case letters, digits and '_', e.g. `delayed_discharges`.",
    ),
]

Condition = Annotated[
    str,
    Field(
        # No max_length here: the expression compiler bounds length itself and reports `expr-too-long`
        # with a hint, which is clearer to a designer than a generic "string too long".
        min_length=1,
        description=(
            "A condition in boardsim's expression language, e.g. "
            '`delayed_discharges > 120 and not chosen("risk-share", "icb-carries")`. '
            "Names are declared state; functions: chosen, chosen_by, closed, budget, pool, pledged, trust, "
            "breached, kept, broken, fired, elapsed_months, min, max, abs. Money literals such as £2m are allowed."
        ),
    ),
]

Money = Annotated[
    int,
    BeforeValidator(parse_money),
    PlainSerializer(lambda pounds: f"£{pounds:,}" if pounds >= 0 else f"-£{-pounds:,}", return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": MONEY_PATTERN,
            "description": "An amount in pounds with its sign: '£2.5m', '£350k', '£1,200,000', '-£4m'.",
            "examples": ["£2.5m", "£350k"],
        }
    ),
]

DurationText = Annotated[
    Duration,
    BeforeValidator(parse_duration),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": DURATION_PATTERN,
            "description": "A span of fictional time with its unit: '10 days', '6 weeks', '3 months', '1 year'.",
            "examples": ["3 months", "6 weeks"],
        }
    ),
]

MomentText = Annotated[
    Moment,
    BeforeValidator(parse_moment),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": "When: an offset from the scenario start ('3 months') or a date ('2027-07-01').",
            "examples": ["3 months", "2027-07-01"],
        }
    ),
]

DateText = Annotated[
    _dt.date,
    BeforeValidator(parse_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date", "description": "A date, YYYY-MM-DD."}),
]

Weight = Annotated[
    float,
    Field(
        ge=-1.0,
        le=1.0,
        description="How much this measure matters, from -1 (wants it lower) to 1 (wants it higher); 0 = indifferent.",
    ),
]

Probability = Annotated[float, Field(ge=0.0, le=1.0, description="A probability from 0 to 1.")]

Severity = Literal["low", "medium", "high", "critical"]

Disposition = Literal["organisation-first", "system-first", "reciprocator", "cautious"]

MEMBER_ROLE_WORDS = ("chooser", "lead")
"""Reserved member references inside option effects: the member who chose the option, and its lead."""

EXTERNAL_ACCOUNT = "external"
"""The account outside the board (NHS England, government grants, reserves) that money can come from or go to."""
