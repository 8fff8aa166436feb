"""What an option means for one member, read from its effects through `core.impact`.

The trust evidence rules (was the choice costly to the chooser? did it serve the shared purpose?) and the
alignment measures (which way do a member's choices point?) all read options the same way, so they share this.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from boardsim.core.impact import StateValue, measure_span, option_impact, priority_score, priority_vector
from boardsim.core.scenario.model import Member, Option, Scenario

EXTERNAL = "external"


@dataclass(frozen=True, slots=True)
class Appraisal:
    """One option as seen by one member.

    `own_money`: expected pounds into (+) or out of (−) the member's own budget.
    `own_score`: how far the option's measure changes serve the member's stated priorities (priority_score).
    `shared_score`: how far they serve the shared purpose's priorities.
    `to_others`: expected net pounds into other members' budgets and pools (money to or from outside the
    board is not counted).
    `measures`: expected change per measure, in the measure's own unit.
    """

    own_money: float
    own_score: float
    shared_score: float
    to_others: float
    measures: Mapping[str, float]


def appraise(
    option: Option,
    member: Member,
    scenario: Scenario,
    state: Mapping[str, StateValue],
    chooser: str | None,
) -> Appraisal:
    """Appraise `option` for `member`; `chooser` resolves `chooser` references (individual mode)."""
    impact = option_impact(option, state, scenario, chooser=chooser)
    to_others = sum(amount for account, amount in impact.money.items() if account not in (member.id, EXTERNAL))
    return Appraisal(
        own_money=impact.money_for(member.id),
        own_score=priority_score(member.priorities, impact.measures, scenario),
        shared_score=priority_score(scenario.shared_purpose.priorities, impact.measures, scenario),
        to_others=to_others,
        measures=impact.measures,
    )


class MeasureSpace:
    """The scenario's measures as axes of one vector space, each change scaled by its measure's range.

    Scaling by the declared range is what `priority_score` does, so the cosine between a priority vector and a
    direction here has the same sign as the priority score: "patients" and "%" become comparable.
    """

    def __init__(self, scenario: Scenario) -> None:
        self.names = list(scenario.state)
        self._spans = [measure_span(scenario, name) for name in self.names]

    def direction(self, measures: Mapping[str, float]) -> list[float]:
        """The range-scaled vector of expected measure changes."""
        return [measures.get(name, 0.0) / span for name, span in zip(self.names, self._spans, strict=True)]

    def priorities(self, weights: Mapping[str, float]) -> list[float]:
        """A set of priority weights as a vector on the same axes (weights are already unitless)."""
        return priority_vector(weights, self.names)
