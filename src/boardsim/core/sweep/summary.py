"""The balance report: what a sweep found, as a frozen, JSON-serialisable model built from an aggregate.

Every figure is computed from integer counts and exact sums (see aggregate.py), so the same sweep gives the
same report, byte for byte, however many workers played it and in whatever order they finished.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .aggregate import METRIC_NAMES, SweepAggregator
from .layout import CommitmentLayout
from .record import SweepHeader
from .sketch import Distribution


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def share(part: int, whole: int) -> float | None:
    """part / whole, or None when nothing was counted."""
    return part / whole if whole else None


class OptionSummary(_Frozen):
    """How often an option was chosen and how runs that chose it ended.

    `chosen_share`: for a vote, the share of decided runs it carried; for individual choices, the share of
    all decisions that picked it. `outcome_purpose` and `outcome_alignment` are the end-of-run shared-purpose
    score and composite alignment over the runs that chose it (vote: carried; individual: picked by anyone).
    """

    id: str
    label: str
    carried: int
    picks: int
    picked_runs: int
    chosen_share: float | None
    picks_by_disposition: dict[str, int]
    pick_share_by_disposition: dict[str, float | None]
    selectable_runs: int | None
    outcome_purpose: Distribution
    outcome_alignment: Distribution


class DilemmaSummary(_Frozen):
    id: str
    title: str
    mode: str
    decided: int
    no_outcome: int
    abstentions: int
    decisions_by_disposition: dict[str, int]
    options: list[OptionSummary]
    pledged_total: Distribution | None = None
    pledged_by_member: dict[str, Distribution] = {}


class AccountabilitySummary(_Frozen):
    id: str
    kind: str
    description: str
    breached_runs: int
    breached_share: float | None


class MemberSummary(_Frozen):
    """Where a member ended across the runs: budget, breaches, trust, and how often it ended worst."""

    id: str
    name: str
    budget_start: int | None
    budget_end: Distribution
    budget_change: Distribution
    breach_entries: Distribution
    breached_runs: int
    accountabilities: list[AccountabilitySummary]
    trust_received: Distribution
    worst_budget_runs: int
    worst_trust_runs: int


class PoolSummary(_Frozen):
    id: str
    name: str
    floor: int
    balance: Distribution
    collapsed_runs: int
    collapsed_share: float | None


class CommitmentSummary(_Frozen):
    id: str
    dilemma: str
    option: str
    promise: str
    made: int
    kept: int
    broken: int


class MeasureSummary(_Frozen):
    name: str
    kind: str
    unit: str
    values: Distribution | None = None
    true_runs: int | None = None


class FailureSummary(_Frozen):
    run: int
    seed: int
    dispositions: dict[str, str]
    error: str


class SweepSummary(_Frozen):
    """Which sweep this is: the scenario, the plan, and how many runs were played or failed."""

    scenario_id: str
    title: str
    scenario_digest: str
    seed: int
    mix: list[str]
    planned_runs: int
    played: int
    failed: int
    first_failure: FailureSummary | None
    seat_dispositions: dict[str, dict[str, int]]
    budget_compared_runs: int
    trust_compared_runs: int


class BalanceReport(_Frozen):
    """Everything `boardsim sweep` reports, except the findings (see findings.py)."""

    sweep: SweepSummary
    metrics: dict[str, Distribution]
    dilemmas: list[DilemmaSummary]
    members: list[MemberSummary]
    pools: list[PoolSummary]
    runs_with_collapse: int
    commitments: list[CommitmentSummary]
    runs_with_broken_commitment: int
    measures: list[MeasureSummary]


def summarise(header: SweepHeader, aggregate: SweepAggregator) -> BalanceReport:
    """The balance report of a sweep from its header and its aggregate."""
    layout = aggregate.layout
    failure = aggregate.first_failure
    sweep = SweepSummary(
        scenario_id=header.scenario_id,
        title=layout.title,
        scenario_digest=header.scenario_digest,
        seed=header.seed,
        mix=list(header.mix),
        planned_runs=header.runs,
        played=aggregate.played,
        failed=aggregate.failed,
        first_failure=None
        if failure is None
        else FailureSummary(
            run=failure.run, seed=failure.seed, dispositions=dict(failure.dispositions), error=failure.error
        ),
        seat_dispositions={
            seat: dict(sorted(counts.items())) for seat, counts in sorted(aggregate.seat_dispositions.items())
        },
        budget_compared_runs=aggregate.budget_compared_runs,
        trust_compared_runs=aggregate.trust_compared_runs,
    )
    return BalanceReport(
        sweep=sweep,
        metrics={name: aggregate.metrics[name].distribution() for name in METRIC_NAMES},
        dilemmas=[_dilemma_summary(aggregate, dilemma.id) for dilemma in layout.dilemmas],
        members=[_member_summary(aggregate, member.id) for member in layout.members],
        pools=[
            PoolSummary(
                id=pool.id,
                name=pool.name,
                floor=pool.floor,
                balance=aggregate.pool_balance[pool.id].distribution(),
                collapsed_runs=aggregate.pool_collapsed[pool.id],
                collapsed_share=share(aggregate.pool_collapsed[pool.id], aggregate.played),
            )
            for pool in layout.pools
        ],
        runs_with_collapse=aggregate.runs_with_collapse,
        commitments=[
            CommitmentSummary(
                id=c.id,
                dilemma=c.dilemma,
                option=c.option,
                promise=c.promise,
                made=aggregate.commitments_kept[c.id] + aggregate.commitments_broken[c.id],
                kept=aggregate.commitments_kept[c.id],
                broken=aggregate.commitments_broken[c.id],
            )
            for c in _unique_commitments(layout.commitments)
        ],
        runs_with_broken_commitment=aggregate.runs_with_broken_commitment,
        measures=[
            MeasureSummary(
                name=m.name,
                kind=m.kind,
                unit=m.unit,
                values=aggregate.measure_values[m.name].distribution() if m.kind == "number" else None,
                true_runs=aggregate.flag_true[m.name] if m.kind == "flag" else None,
            )
            for m in layout.measures
        ],
    )


def _unique_commitments(commitments: list[CommitmentLayout]) -> list[CommitmentLayout]:
    """Each commitment id once (the checker rejects duplicates, but a report must not double count)."""
    seen: set[str] = set()
    unique = []
    for commitment in commitments:
        if commitment.id not in seen:
            seen.add(commitment.id)
            unique.append(commitment)
    return unique


def _dilemma_summary(aggregate: SweepAggregator, dilemma_id: str) -> DilemmaSummary:
    tally = aggregate.dilemmas[dilemma_id]
    decisions = sum(tally.decisions_by_disposition.values())
    options = []
    for option in tally.layout.options:
        o = tally.options[option.id]
        chosen_share = share(o.carried, tally.decided) if tally.layout.mode == "vote" else share(o.picks, decisions)
        options.append(
            OptionSummary(
                id=option.id,
                label=option.label,
                carried=o.carried,
                picks=o.picks,
                picked_runs=o.picked_runs,
                chosen_share=chosen_share,
                picks_by_disposition=dict(sorted(o.picks_by_disposition.items())),
                pick_share_by_disposition={
                    disposition: share(o.picks_by_disposition.get(disposition, 0), count)
                    for disposition, count in sorted(tally.decisions_by_disposition.items())
                },
                selectable_runs=o.selectable_runs if tally.selectable_known else None,
                outcome_purpose=o.purpose.distribution(),
                outcome_alignment=o.composite.distribution(),
            )
        )
    pledges = tally.layout.mode == "pledge" or tally.pledged_total.count > 0
    return DilemmaSummary(
        id=tally.layout.id,
        title=tally.layout.title,
        mode=tally.layout.mode,
        decided=tally.decided,
        no_outcome=tally.no_outcome,
        abstentions=tally.abstentions,
        decisions_by_disposition=dict(sorted(tally.decisions_by_disposition.items())),
        options=options,
        pledged_total=tally.pledged_total.distribution() if pledges else None,
        pledged_by_member={
            member: tally.pledged_by_member[member].distribution()
            for member in tally.layout.deciders
            if member in tally.pledged_by_member
        },
    )


def _member_summary(aggregate: SweepAggregator, member_id: str) -> MemberSummary:
    tally = aggregate.members[member_id]
    return MemberSummary(
        id=member_id,
        name=tally.layout.name,
        budget_start=tally.layout.budget_start,
        budget_end=tally.budget_end.distribution(),
        budget_change=tally.budget_change.distribution(),
        breach_entries=tally.breach_entries.distribution(),
        breached_runs=tally.breached_runs,
        accountabilities=[
            AccountabilitySummary(
                id=a.id,
                kind=a.kind,
                description=a.description,
                breached_runs=tally.accountability_breached.get(a.id, 0),
                breached_share=share(tally.accountability_breached.get(a.id, 0), aggregate.played),
            )
            for a in tally.layout.accountabilities
        ],
        trust_received=tally.trust_received.distribution(),
        worst_budget_runs=tally.worst_budget,
        worst_trust_runs=tally.worst_trust,
    )
