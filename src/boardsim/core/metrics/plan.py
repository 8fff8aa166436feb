"""What the metrics read from a scenario once, shared by every tracker of that scenario.

A sweep plays the same scenario thousands of times. The member order and names, the measure space and the
priority vectors on it, the starting money and the starting trust history do not change from run to run, and
neither does what an option means for a member in a given state (its appraisal depends only on the values of
the measures the option changes). `MetricsPlan` holds all of that; `MetricsTracker(scenario, plan=...)` takes
it instead of deriving it again. The engine builds one per scenario with its own plan.
"""

from __future__ import annotations

from collections.abc import Mapping

from boardsim.core.impact import StateValue
from boardsim.core.scenario.model import ChangeEffect, Member, Option, Scenario

from .alignment import norm_of, sparse
from .appraisal import Appraisal, MeasureSpace, appraise
from .trust import FictionalMonths, TrustLedger

_MEMO_LIMIT = 4096
"""Appraisals remembered before the memo is simply cleared (a sweep meets a handful of states per option)."""

_AppraisalKey = tuple[int, str, str | None, tuple[StateValue | None, ...]]


class MetricsPlan:
    """The scenario-derived, run-independent part of the metrics (treat as read-only outside this module)."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.members: dict[str, Member] = {member.id: member for member in scenario.members}
        self.order: tuple[str, ...] = tuple(self.members)
        self.names: dict[str, str] = {member.id: member.name for member in scenario.members}
        self.space = MeasureSpace(scenario)
        self.shared_vector = self.space.priorities(scenario.shared_purpose.priorities)
        self.stated: dict[str, list[float]] = {
            member.id: self.space.priorities(member.priorities) for member in scenario.members
        }
        self.stated_norms: dict[str, float] = {member: norm_of(vector) for member, vector in self.stated.items()}
        self.budgets: dict[str, float] = {
            member.id: float(member.budget.amount) for member in scenario.members if member.budget is not None
        }
        self.pools: dict[str, float] = {pool.id: float(pool.initial) for pool in scenario.pools}
        self.pool_names: dict[str, str] = {pool.id: pool.name for pool in scenario.pools}
        self.history: tuple[tuple[str, str, float, float], ...] = tuple(
            (history.from_, history.to, history.positive, history.negative)
            for history in scenario.trust
            if history.from_ != history.to and {history.from_, history.to} <= self.members.keys()
        )
        """The scenario's starting trust history, as evidence to add on day 0 (pairs between members only)."""
        ledger = TrustLedger(self.order, FictionalMonths(scenario.calendar.start), 1.0)
        for truster, trustee, positive, negative in self.history:
            ledger.add(truster, trustee, positive, negative)
        self.starting_trust = ledger.raw()
        """The evidence every run starts from (the history added on day 0, before any forgetting)."""
        self._targets: dict[int, tuple[Option, tuple[str, ...]]] = {}
        self._appraisals: dict[_AppraisalKey, tuple[Option, Appraisal, tuple[tuple[int, float], ...]]] = {}

    def appraisal(
        self, option: Option, member: str, state: Mapping[str, StateValue], chooser: str | None
    ) -> tuple[Appraisal, tuple[tuple[int, float], ...]]:
        """`appraise(option, member, ...)` and its range-scaled direction (non-zero (axis, change) pairs, in axis
        order), remembered per state of its targets.

        An appraisal reads the state only through the measures the option changes (for clamping to their
        ranges), so two states that agree on those give the same appraisal. The memo holds the option itself
        and a hit requires the very same object, so an option of another scenario can never be confused.
        """
        known = self._targets.get(id(option))
        if known is None or known[0] is not option:
            targets = tuple(sorted({effect.target for effect in option.effects if isinstance(effect, ChangeEffect)}))
            known = self._targets[id(option)] = (option, targets)
        key = (id(option), member, chooser, tuple(map(state.get, known[1])))
        found = self._appraisals.get(key)
        if found is not None and found[0] is option:
            return found[1], found[2]
        appraisal = appraise(option, self.members[member], self.scenario, state, chooser=chooser)
        direction = sparse(self.space.direction(appraisal.measures))
        if len(self._appraisals) >= _MEMO_LIMIT:
            self._appraisals.clear()
        self._appraisals[key] = (option, appraisal, direction)
        return appraisal, direction
