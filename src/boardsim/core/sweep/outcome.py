"""Play one sweep run and read its record off the finished Session — the only module that knows the engine.

Everything the balance report needs is read here, once, from the public Session API: the journal's events
(how each dilemma closed, breaches entered, commitments settled), the ledger (budgets, pools), the final
state values and the latest metrics snapshot. If the engine's API changes, this is the one file to change.

A sweep reads tens of thousands of runs of one scenario, so what depends only on the scenario (the engine's
compiled plan, member order, pool floors, the shared purpose's terms) is worked out once per scenario.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from boardsim.core.engine import BotSeat, Event, ScenarioPlan, Session, build_plan
from boardsim.core.engine.events import BreachEntered, CommitmentSettled, DilemmaClosed, DilemmaOpened
from boardsim.core.impact import measure_span
from boardsim.core.scenario.model import NumberMeasure, Scenario

from .plan import RunSpec
from .record import DilemmaOutcome, MemberOutcome, RunOutcome

_READ_KINDS = frozenset({"dilemma-opened", "dilemma-closed", "breach-entered", "commitment-settled"})
"""The journal events a record is made of; the other three quarters of a journal are skipped at once."""


@dataclass(frozen=True, slots=True)
class _PurposeTerm:
    """One priority of the shared purpose: `weight` × the measure's change / `span` (see core/impact.py)."""

    measure: str
    weight: float
    span: float
    initial: float | bool | None
    """The measure's declared starting value; None when the scenario declares no such measure (change 0)."""
    number: bool


@dataclass(frozen=True, slots=True)
class _ScenarioReading:
    """What reading a record needs from the scenario, worked out once per scenario and process."""

    scenario: Scenario
    members: tuple[str, ...]
    floors: dict[str, int]
    purpose: tuple[_PurposeTerm, ...]


_plans: dict[int, ScenarioPlan] = {}
_readings: dict[int, _ScenarioReading] = {}


def _plan_for(scenario: Scenario) -> ScenarioPlan:
    """The engine's compiled plan of `scenario`, built once per scenario object in this process."""
    plan = _plans.get(id(scenario))
    if plan is None or plan.scenario is not scenario:
        _plans.clear()  # a worker sweeps one scenario at a time; never keep stale plans alive
        plan = _plans[id(scenario)] = build_plan(scenario)
    return plan


def _reading_for(scenario: Scenario) -> _ScenarioReading:
    """What reading a record of `scenario` needs, worked out once per scenario object in this process."""
    reading = _readings.get(id(scenario))
    if reading is None or reading.scenario is not scenario:
        _readings.clear()
        reading = _readings[id(scenario)] = _ScenarioReading(
            scenario=scenario,
            members=tuple(member.id for member in scenario.members),
            floors={pool.id: pool.floor for pool in scenario.pools},
            purpose=_purpose_terms(scenario),
        )
    return reading


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
    reading = _reading_for(session.scenario)
    journal = _read_journal(session.events)
    snapshot = session.metrics
    # The ledger and state hold ints and floats already; the coercions only guard the record's declared types.
    values = {
        name: value if isinstance(value, bool) else float(value) for name, value in session.state_values().items()
    }
    pools = session.pools()
    floors = reading.floors
    settled = journal.settled
    return RunOutcome(
        run=spec.run,
        seed=spec.seed,
        dispositions=spec.disposition_map(),
        dilemmas=journal.dilemmas,
        members=_members(reading.members, session.budgets(), journal, snapshot.trust),
        board_trust=snapshot.board_trust,
        goal_alignment=snapshot.goal_alignment,
        vote_cohesion=snapshot.vote_cohesion,
        resource_alignment=snapshot.resource_alignment,
        alignment_composite=snapshot.alignment_composite,
        leadership_distribution=snapshot.leadership_distribution,
        purpose_score=round(_purpose_score(reading.purpose, values), 6),
        measures=values,
        pools=pools,
        collapsed_pools=[pool for pool, balance in pools.items() if balance < floors.get(pool, 0)],
        commitments_kept=[c for c, kept in settled.items() if kept],
        commitments_broken=[c for c, kept in settled.items() if not kept],
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
    # One pass; the `type` tag is looked up first, as it is cheaper than isinstance on ~80-300 events.
    facts = _JournalFacts()
    dilemmas, selectable, settled = facts.dilemmas, facts.selectable, facts.settled
    breach_entries, breached = facts.breach_entries, facts.breached
    for event in events:
        kind = event.type
        if kind not in _READ_KINDS:
            continue
        if kind == "commitment-settled" and isinstance(event, CommitmentSettled):
            settled[event.commitment] = settled.get(event.commitment, True) and event.kept
        elif kind == "breach-entered" and isinstance(event, BreachEntered):
            member = event.member
            breach_entries[member] = breach_entries.get(member, 0) + 1
            if member in breached:
                breached[member].add(event.accountability)
            else:
                breached[member] = {event.accountability}
        elif kind == "dilemma-opened" and isinstance(event, DilemmaOpened):
            selectable[event.dilemma] = list(event.selectable)
        elif kind == "dilemma-closed" and isinstance(event, DilemmaClosed):
            dilemmas[event.dilemma] = DilemmaOutcome(
                decided=True,
                carried=event.outcome or "",
                choices=dict(event.choices),
                pledges=dict(event.pledges),
                selectable=selectable.get(event.dilemma),
            )
    return facts


def _members(
    members: tuple[str, ...], budgets: dict[str, int], journal: _JournalFacts, trust: dict[str, dict[str, float]]
) -> dict[str, MemberOutcome]:
    rows = [(truster, trust[truster]) for truster in members if truster in trust]
    breached = journal.breached
    entries = journal.breach_entries
    outcomes = {}
    for member in members:
        # Trust received: the mean of every other member's trust in it, in member order of the trusters.
        others = [row[member] for truster, row in rows if truster != member and member in row]
        outcomes[member] = MemberOutcome(
            budget_end=budgets.get(member),
            breaches=sorted(breached[member]) if member in breached else [],
            breach_entries=entries.get(member, 0),
            trust_received=round(sum(others) / len(others), 6) if others else None,
        )
    return outcomes


def _purpose_terms(scenario: Scenario) -> tuple[_PurposeTerm, ...]:
    terms = []
    for name, weight in scenario.shared_purpose.priorities.items():
        declaration = scenario.state.get(name)
        terms.append(
            _PurposeTerm(
                measure=name,
                weight=weight,
                span=measure_span(scenario, name),
                initial=None if declaration is None else declaration.initial,
                number=isinstance(declaration, NumberMeasure),
            )
        )
    return tuple(terms)


def _purpose_score(terms: tuple[_PurposeTerm, ...], values: dict[str, float | bool]) -> float:
    """How far the measures moved the way the shared purpose wants, each scaled by its declared range.

    `priority_score` of core/impact.py with the scenario's part worked out in advance: the same terms, in the
    same order, summed by the same `sum` (tests/sweep/test_outcome_reading.py holds the two equal).
    """
    return sum(term.weight * _change(term, values) / term.span for term in terms)


def _change(term: _PurposeTerm, values: dict[str, float | bool]) -> float:
    if term.initial is None:
        return 0.0
    final = values.get(term.measure, term.initial)
    if term.number:
        return float(final) - term.initial
    return float(bool(final)) - float(term.initial)
