"""Play one sweep run and read its record off the finished Session — the only module that knows the engine.

Everything the balance report needs is read here, once, from the public Session API: the journal's events
(how each dilemma closed, breaches entered, commitments settled), the ledger (budgets, pools), the final
state values and the latest metrics snapshot. If the engine's API changes, this is the one file to change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from boardsim.core.engine import BotSeat, Event, ScenarioPlan, Session, build_plan
from boardsim.core.engine.events import BreachEntered, CommitmentSettled, DilemmaClosed, DilemmaOpened
from boardsim.core.impact import priority_score
from boardsim.core.scenario.model import NumberMeasure, Scenario

from .plan import RunSpec
from .record import DilemmaOutcome, MemberOutcome, RunOutcome

_plans: dict[int, ScenarioPlan] = {}


def _plan_for(scenario: Scenario) -> ScenarioPlan:
    """The engine's compiled plan of `scenario`, built once per scenario object in this process."""
    plan = _plans.get(id(scenario))
    if plan is None or plan.scenario is not scenario:
        _plans.clear()  # a worker sweeps one scenario at a time; never keep stale plans alive
        plan = build_plan(scenario)
        _plans[id(scenario)] = plan
    return plan


def play_run(scenario: Scenario, spec: RunSpec) -> RunOutcome:
    """Play one all-bot run to the end and return its record; an engine error becomes a record with `error`."""
    dispositions = spec.disposition_map()
    try:
        session = Session.start(
            scenario,
            seed=spec.seed,
            seats={member: BotSeat(disposition) for member, disposition in dispositions.items()},
            plan=_plan_for(scenario),
            # A sweep reads outcomes only: skipping the explanatory events and sentences plays the identical
            # run (tests/engine/test_outcomes_detail.py) at a fraction of the cost.
            detail="outcomes",
        )
        stop = session.advance()
        if stop.reason != "ended":
            raise RuntimeError(f"the run stopped early ({stop.reason}) although every seat is a bot")
        return run_outcome(session, spec)
    except Exception as error:  # one bad run must not sink a sweep of thousands: report it instead
        return RunOutcome(
            run=spec.run, seed=spec.seed, dispositions=dispositions, error=f"{type(error).__name__}: {error}"
        )


def run_outcome(session: Session, spec: RunSpec) -> RunOutcome:
    """The record of a finished run."""
    scenario = session.scenario
    journal = _read_journal(session.events)
    snapshot = session.metrics
    values = session.state_values()
    pools = session.pools()
    floors = {pool.id: pool.floor for pool in scenario.pools}
    return RunOutcome(
        run=spec.run,
        seed=spec.seed,
        dispositions=spec.disposition_map(),
        dilemmas=journal.dilemmas,
        members=_members(session, journal, snapshot.trust),
        board_trust=snapshot.board_trust,
        goal_alignment=snapshot.goal_alignment,
        vote_cohesion=snapshot.vote_cohesion,
        resource_alignment=snapshot.resource_alignment,
        alignment_composite=snapshot.alignment_composite,
        leadership_distribution=snapshot.leadership_distribution,
        purpose_score=round(_purpose_score(scenario, values), 6),
        measures=values,
        pools=pools,
        collapsed_pools=[pool for pool, balance in pools.items() if balance < floors.get(pool, 0)],
        commitments_kept=[c for c, kept in journal.settled.items() if kept],
        commitments_broken=[c for c, kept in journal.settled.items() if not kept],
    )


@dataclass
class _JournalFacts:
    """What one pass over the journal yields for the record."""

    dilemmas: dict[str, DilemmaOutcome] = field(default_factory=dict)
    breach_entries: dict[str, int] = field(default_factory=dict)
    breached: dict[str, set[str]] = field(default_factory=dict)
    settled: dict[str, bool] = field(default_factory=dict)
    """Commitment id -> kept by everyone who made it (False once anyone broke it), in journal order."""
    selectable: dict[str, list[str]] = field(default_factory=dict)
    """Dilemma id -> the options whose `requires` held when it opened."""


def _read_journal(events: Sequence[Event]) -> _JournalFacts:
    # One pass; the `type` tag is compared first, as it is cheaper than isinstance on ~300 events.
    facts = _JournalFacts()
    for event in events:
        kind = event.type
        if kind == "dilemma-opened" and isinstance(event, DilemmaOpened):
            facts.selectable[event.dilemma] = list(event.selectable)
        elif kind == "dilemma-closed" and isinstance(event, DilemmaClosed):
            facts.dilemmas[event.dilemma] = DilemmaOutcome(
                decided=True,
                carried=event.outcome or "",
                choices=dict(event.choices),
                pledges=dict(event.pledges),
                selectable=facts.selectable.get(event.dilemma),
            )
        elif kind == "breach-entered" and isinstance(event, BreachEntered):
            facts.breach_entries[event.member] = facts.breach_entries.get(event.member, 0) + 1
            facts.breached.setdefault(event.member, set()).add(event.accountability)
        elif kind == "commitment-settled" and isinstance(event, CommitmentSettled):
            facts.settled[event.commitment] = facts.settled.get(event.commitment, True) and event.kept
    return facts


def _members(session: Session, journal: _JournalFacts, trust: dict[str, dict[str, float]]) -> dict[str, MemberOutcome]:
    budgets = session.budgets()
    members = [member.id for member in session.scenario.members]
    outcomes = {}
    for member in members:
        others = [trust[other][member] for other in members if other != member and member in trust.get(other, {})]
        outcomes[member] = MemberOutcome(
            budget_end=budgets.get(member),
            breaches=sorted(journal.breached.get(member, ())),
            breach_entries=journal.breach_entries.get(member, 0),
            trust_received=round(sum(others) / len(others), 6) if others else None,
        )
    return outcomes


def _purpose_score(scenario: Scenario, values: dict[str, float | bool]) -> float:
    """How far the measures moved the way the shared purpose wants, each scaled by its declared range."""
    changes: dict[str, float] = {}
    for name, declaration in scenario.state.items():
        final = values.get(name, declaration.initial)
        if isinstance(declaration, NumberMeasure):
            changes[name] = float(final) - declaration.initial
        else:
            changes[name] = float(bool(final)) - float(declaration.initial)
    return priority_score(scenario.shared_purpose.priorities, changes, scenario)
