"""Views of a run: what the whole room sees, what one seat sees, and what the facilitator sees.

Views are frozen pydantic models built fresh on request, so the TUI renders them and the network layer
serialises them without reaching into the engine. Privacy is decided here and only here:

* the board view holds only public things — public briefs, news addressed to everyone, who has decided (never
  what) on open dilemmas, revealed results, commitments, breaches and board-level metrics;
* a member view adds that member's own private brief, its inbox (news addressed to everyone or to it), its
  private notes on open dilemmas and options, and its own pending decision — never another member's;
* the facilitator view holds everything, including hidden choices and facilitator-only injects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from boardsim.core.expressions import holds
from boardsim.core.metrics import MetricsSnapshot
from boardsim.core.scenario.model import NumberMeasure, PledgeMode

from .events import DilemmaClosed
from .injects import reaches
from .stops import DecisionPoint
from .view_models import (
    AccountabilityView,
    BoardMetrics,
    BoardView,
    BreachView,
    CommitmentView,
    DecisionResult,
    FacilitatorDecision,
    FacilitatorView,
    HiddenDecision,
    InjectStatus,
    MeasureView,
    MemberSummary,
    MemberView,
    NewsItem,
    OpenDecision,
    OptionView,
    PendingEffectView,
    PoolView,
)
from .voting import pledge_bounds

if TYPE_CHECKING:
    from .records import DilemmaRecord
    from .runtime import Runtime

# The view models are re-exported: callers import them from here with the builders.
__all__ = [
    "AccountabilityView",
    "BoardMetrics",
    "BoardView",
    "BreachView",
    "CommitmentView",
    "DecisionResult",
    "FacilitatorDecision",
    "FacilitatorView",
    "HiddenDecision",
    "InjectStatus",
    "MeasureView",
    "MemberSummary",
    "MemberView",
    "NewsItem",
    "OpenDecision",
    "OptionView",
    "PendingEffectView",
    "PoolView",
    "board_view",
    "facilitator_view",
    "member_view",
]


def board_view(rt: Runtime, *, paused: bool, ended: bool, snapshot: MetricsSnapshot | None = None) -> BoardView:
    plan = rt.plan
    scenario = rt.scenario
    snapshot = snapshot if snapshot is not None else rt.metrics.latest(rt.now, rt.next_seq - 1)
    measures = []
    for name, declaration in scenario.state.items():
        number = isinstance(declaration, NumberMeasure)
        measures.append(
            MeasureView(
                name=name,
                kind="number" if number else "flag",
                value=rt.values[name],
                unit=declaration.unit if isinstance(declaration, NumberMeasure) else "",
                doc=declaration.doc,
                range=declaration.range if isinstance(declaration, NumberMeasure) else None,
            )
        )
    members = [
        MemberSummary(
            id=member.id,
            name=member.name,
            kind=member.kind,
            seat=member.seat,
            brief=member.brief,
            budget=rt.ledger.budgets[member.id] if member.budget is not None else None,
            budget_floor=member.budget.floor if member.budget is not None else None,
        )
        for member in scenario.members
    ]
    pools = [
        PoolView(
            id=pool.id,
            name=pool.name,
            host=pool.host,
            balance=rt.ledger.pools[pool.id],
            floor=pool.floor,
            contributions=dict(rt.ledger.contributions[pool.id]),
        )
        for pool in scenario.pools
    ]
    return BoardView(
        scenario=scenario.id,
        title=scenario.title,
        place=scenario.place,
        day=rt.now,
        date=plan.date_of(rt.now).isoformat(),
        horizon_day=plan.horizon_day,
        calendar_unit=scenario.calendar.unit,
        paused=paused,
        ended=ended,
        state=measures,
        members=members,
        pools=pools,
        news=[item for item in _news(rt) if item.audience == "all"],
        open_decisions=[_open_decision(rt, record, None) for record in _open_records(rt)],
        results=[_result(rt, record) for record in _closed_records(rt)],
        commitments=_commitments(rt, None),
        breaches=_breaches(rt),
        metrics=BoardMetrics(
            board_trust=snapshot.board_trust,
            goal_alignment=snapshot.goal_alignment,
            vote_cohesion=snapshot.vote_cohesion,
            resource_alignment=snapshot.resource_alignment,
            alignment_composite=snapshot.alignment_composite,
            leadership_distribution=snapshot.leadership_distribution,
        ),
    )


def member_view(rt: Runtime, member_id: str, *, paused: bool, ended: bool) -> MemberView:
    member = rt.plan.members[member_id]
    return MemberView(
        member=member.id,
        name=member.name,
        seat=member.seat,
        brief=member.brief,
        private_brief=member.private_brief,
        accountabilities=[
            AccountabilityView(
                id=entry.accountability.id,
                kind=entry.accountability.kind,
                description=entry.accountability.description,
                severity=entry.accountability.severity,
                answers_to=entry.accountability.answers_to,
                in_breach=rt.accountabilities.in_breach[entry.index],
            )
            for entry in rt.accountabilities.of_member(member_id)
        ],
        inbox=[item for item in _news(rt) if reaches(item.audience, member_id)],
        open_decisions=[
            _open_decision(rt, record, member_id) for record in _open_records(rt) if member_id in record.deciders
        ],
        commitments=_commitments(rt, member_id),
        board=board_view(rt, paused=paused, ended=ended),
    )


def facilitator_view(
    rt: Runtime, *, paused: bool, ended: bool, points: list[DecisionPoint], snapshot: MetricsSnapshot
) -> FacilitatorView:
    scenario = rt.scenario
    injects: list[InjectStatus] = []
    for inject in scenario.timeline:
        landed = rt.injects.landed.get(inject.id)
        if inject.at is not None:
            trigger = f"at {rt.plan.date_of(max(inject.at.day(rt.plan.start), 0)).isoformat()}"
        elif inject.when is not None:
            trigger = f"when {inject.when}"
        else:
            trigger = "manual" if inject.manual else "by effect"
        status: Literal["pending", "landed", "skipped"] = (
            "landed" if landed is not None else "skipped" if inject.id in rt.injects.skipped else "pending"
        )
        injects.append(
            InjectStatus(
                inject=inject.id,
                title=inject.title,
                audience=inject.audience,
                trigger=trigger,
                status=status,
                day=landed.day if landed is not None else rt.injects.skipped.get(inject.id),
            )
        )
    open_decisions = [
        FacilitatorDecision(
            open=_open_decision(rt, record, None),
            decisions=[
                HiddenDecision(
                    member=member,
                    option=decision.option,
                    amount=decision.amount,
                    source=decision.source,
                    rationale=decision.rationale,
                )
                for member, decision in record.decisions.items()
            ],
            waiting_on=record.undecided(),
        )
        for record in _open_records(rt)
    ]
    return FacilitatorView(
        board=board_view(rt, paused=paused, ended=ended, snapshot=snapshot),
        seats={
            member: (f"human: {seat.name}" if seat.kind == "human" else f"bot: {seat.disposition}")
            for member, seat in rt.seats.items()
        },
        private_briefs={member.id: member.private_brief for member in scenario.members},
        open_decisions=open_decisions,
        waiting=rt.dilemmas.waiting(),
        injects=injects,
        manual_injects=[item for item in _news(rt) if item.inject in rt.injects.manual],
        pending_effects=[
            PendingEffectView(site=pending.site, due_day=pending.due_day, summary=rt.plan.summary(pending.effect))
            for pending in rt.effects.pending.values()
        ],
        accounts=dict(rt.ledger.snapshot()),
        ledger_balanced=rt.ledger.is_balanced(),
        decision_points=list(points),
        journal_length=rt.next_seq,
        metrics=snapshot,
    )


def _news(rt: Runtime) -> list[NewsItem]:
    return [
        NewsItem(
            inject=landed.id,
            title=landed.title,
            text=landed.text,
            day=landed.day,
            date=rt.plan.date_of(landed.day).isoformat(),
            audience=landed.audience,
        )
        for landed in rt.injects.landed.values()
    ]


def _open_records(rt: Runtime) -> list[DilemmaRecord]:
    desk = rt.dilemmas
    return [desk.records[d] for d in desk.open_order if desk.records[d].status == "open"]


def _closed_records(rt: Runtime) -> list[DilemmaRecord]:
    desk = rt.dilemmas
    closed = [desk.records[d] for d in desk.open_order if desk.records[d].status == "closed"]
    return sorted(closed, key=lambda record: record.closed_seq or 0)


def _open_decision(rt: Runtime, record: DilemmaRecord, viewer: str | None) -> OpenDecision:
    dilemma = record.dilemma
    options = [
        OptionView(
            id=option.id,
            label=option.label,
            description=option.description,
            lead=option.lead,
            requires=option.requires,
            selectable=option.requires is None or holds(rt.plan.condition(option.requires), rt.context),
            private_note=option.private_notes.get(viewer, "") if viewer is not None else "",
        )
        for option in dilemma.options
    ]
    low: int | None = None
    high: int | None = None
    if viewer is not None and isinstance(dilemma.mode, PledgeMode):
        low, high = pledge_bounds(dilemma.mode, viewer)
    own = record.decisions.get(viewer) if viewer is not None else None
    assert record.opened_day is not None
    assert record.deadline_day is not None
    return OpenDecision(
        dilemma=dilemma.id,
        title=dilemma.title,
        prompt=dilemma.prompt,
        mode=dilemma.mode.kind,
        rule=getattr(dilemma.mode, "rule", None),
        opened_day=record.opened_day,
        deadline_day=record.deadline_day,
        deciders=list(record.deciders),
        decided=[member for member in record.deciders if member in record.decisions],
        options=options,
        pledge_min=low,
        pledge_max=high,
        private_note=dilemma.private_notes.get(viewer, "") if viewer is not None else "",
        your_choice=own.option if own is not None else None,
        your_amount=own.amount if own is not None else None,
        you_have_decided=own is not None,
    )


def _result(rt: Runtime, record: DilemmaRecord) -> DecisionResult:
    assert record.closed_seq is not None
    assert record.closed_day is not None
    closed = rt.event_at(record.closed_seq)
    assert isinstance(closed, DilemmaClosed)
    return DecisionResult(
        dilemma=record.dilemma.id,
        title=record.dilemma.title,
        mode=closed.mode,
        closed_day=record.closed_day,
        reason=closed.reason,
        outcome=closed.outcome,
        choices=dict(closed.choices),
        pledges=dict(closed.pledges),
        tally=dict(closed.tally),
        carried=closed.carried,
        quorum_met=closed.quorum_met,
        dissent=list(closed.dissent),
    )


def _commitments(rt: Runtime, maker: str | None) -> list[CommitmentView]:
    views: list[CommitmentView] = []
    for record in rt.commitments.records:
        if maker is not None and record.maker != maker:
            continue
        status: Literal["pending", "kept", "broken"] = (
            "pending" if record.kept is None else "kept" if record.kept else "broken"
        )
        views.append(
            CommitmentView(
                commitment=record.commitment.id,
                maker=record.maker,
                promise=record.commitment.promise,
                owed_to=list(record.owed_to),
                due_day=record.due_day,
                dilemma=record.dilemma,
                option=record.option,
                status=status,
            )
        )
    return views


def _breaches(rt: Runtime) -> list[BreachView]:
    monitor = rt.accountabilities
    return [
        BreachView(
            member=monitor.entries[index].member,
            accountability=monitor.entries[index].accountability.id,
            description=monitor.entries[index].accountability.description,
            severity=monitor.entries[index].accountability.severity,
            answers_to=monitor.entries[index].accountability.answers_to,
        )
        for index in monitor.breaches()
    ]
