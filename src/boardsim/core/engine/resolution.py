"""Resolving a closed dilemma: defaults, the reveal, the count, the consequences, and the tensions they cause.

In order: deciders who did not decide get the default (individual and pledge modes; in a vote they are
absent); choices are revealed together in one DilemmaClosed event; the metrics hear the decisions; options'
`requires` are checked again (a choice that can no longer stand lapses to the default); the options' effects
and commitments are applied (once per chooser in individual mode, once for the board in a vote, a money
move per contributor for pledges); `on_close` effects follow; accountabilities are re-checked; and any member
pushed into breach — or set to be, once the decision's delayed effects land — is flagged as a tension.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic_core import PydanticCustomError

from boardsim.core.expressions import holds
from boardsim.core.scenario.model import Dilemma, Option, PledgeMode, VoteMode
from boardsim.core.scenario.quantities import format_money, parse_money

from .effects import PendingEffect
from .events import ChoiceLapsed, CloseReason, DecisionMade, DilemmaClosed, EffectSkipped, MoneyMoved, OptionApplied
from .events import TensionFlagged as Tension
from .records import Decision, DilemmaRecord
from .voting import count_votes, most_chosen, pledge_bounds
from .whatif import project

if TYPE_CHECKING:
    from .runtime import Runtime

DEFAULT_RATIONALE = "Did not decide before the dilemma closed, so the default applies."


def resolve(rt: Runtime, record: DilemmaRecord, reason: CloseReason) -> None:
    """Resolve `record`, which has just closed for `reason`."""
    breaches_before = set(rt.accountabilities.breaches())
    state_before = dict(rt.values)
    mode = record.dilemma.mode
    if isinstance(mode, PledgeMode):
        scheduled, closed_seq = _resolve_pledges(rt, record, reason, mode)
    elif isinstance(mode, VoteMode):
        scheduled, closed_seq = _resolve_vote(rt, record, reason, mode, state_before)
    else:
        scheduled, closed_seq = _resolve_individual(rt, record, reason, state_before)
    rt.touch(("dilemma", record.dilemma.id))
    rt.reactions.settle(closed_seq)
    _flag_tensions(rt, record, breaches_before, scheduled, closed_seq)


def _options(dilemma: Dilemma) -> dict[str, Option]:
    return {option.id: option for option in dilemma.options}


def _stands(rt: Runtime, option: Option) -> bool:
    return option.requires is None or holds(rt.plan.condition(option.requires), rt.context)


def _fallback(rt: Runtime, dilemma: Dilemma, lapsed: str) -> str | None:
    """The default option when `lapsed` cannot stand, if the default itself can."""
    default = _options(dilemma).get(dilemma.default)
    if default is None or default.id == lapsed or not _stands(rt, default):
        return None
    return default.id


def _resolve_individual(
    rt: Runtime, record: DilemmaRecord, reason: CloseReason, state_before: dict[str, float | bool]
) -> tuple[list[PendingEffect], int]:
    dilemma = record.dilemma
    options = _options(dilemma)
    defaulted = record.undecided()
    for member in defaulted:
        _default(rt, record, member, Decision(dilemma.default, None, "default", DEFAULT_RATIONALE))
    choices = {member: record.decisions[member].option for member in record.deciders}
    effective: dict[str, str | None] = {}
    lapses: list[tuple[str, str, str | None]] = []
    for member, choice in choices.items():
        option = options.get(choice or "")
        if option is None or not _stands(rt, option):
            replacement = _fallback(rt, dilemma, choice or "")
            if choice is not None:
                lapses.append((member, choice, replacement))
            effective[member] = replacement
        else:
            effective[member] = choice
    record.choices = dict(choices)
    record.outcome = most_chosen(list(options), effective)
    record.applied = {option: None for option in options if option in effective.values()}
    closed = rt.emit(
        DilemmaClosed,
        dilemma=dilemma.id,
        reason=reason,
        mode="individual",
        choices=choices,
        defaulted=defaulted,
        outcome=record.outcome,
    )
    record.closed_seq = closed.seq
    for member, lapsed, replacement in lapses:
        _lapse(rt, dilemma, member, lapsed, replacement, options)
    rt.record_trust_changes(closed.seq, rt.metrics.record_decisions(rt.now, dilemma, dict(choices), state_before, None))
    _record_leads(rt, [options[option] for option in record.applied])
    scheduled: list[PendingEffect] = []
    for member in record.deciders:
        choice = effective[member]
        if choice is not None:
            scheduled += _apply_option(rt, dilemma, options[choice], member, closed.seq)
    scheduled += _apply_on_close(rt, dilemma, closed.seq)
    return scheduled, closed.seq


def _resolve_vote(
    rt: Runtime, record: DilemmaRecord, reason: CloseReason, mode: VoteMode, state_before: dict[str, float | bool]
) -> tuple[list[PendingEffect], int]:
    dilemma = record.dilemma
    options = _options(dilemma)
    absent = record.undecided()
    ballots = {member: record.decisions[member].option for member in record.deciders if member in record.decisions}
    count = count_votes(mode, list(options), record.deciders, ballots)
    outcome = count.carried if count.carried is not None else (dilemma.default if dilemma.default in options else None)
    lapse: tuple[str, str | None] | None = None
    if outcome is not None and not _stands(rt, options[outcome]):
        lapse = (outcome, _fallback(rt, dilemma, outcome))
        outcome = lapse[1]
    choices = {member: ballots.get(member) for member in record.deciders}
    record.choices = choices
    record.outcome = outcome
    record.applied = {outcome: None} if outcome is not None else {}
    closed = rt.emit(
        DilemmaClosed,
        dilemma=dilemma.id,
        reason=reason,
        mode="vote",
        choices=choices,
        defaulted=absent,
        tally=count.tally,
        abstained=[member for member in record.deciders if ballots.get(member) is None],
        quorum_met=count.quorum_met,
        carried=count.carried is not None,
        outcome=outcome,
        dissent=[member for member, ballot in ballots.items() if ballot is not None and ballot != outcome],
    )
    record.closed_seq = closed.seq
    if lapse is not None:
        _lapse(rt, dilemma, None, lapse[0], lapse[1], options)
    rt.record_trust_changes(
        closed.seq, rt.metrics.record_decisions(rt.now, dilemma, dict(ballots), state_before, count.carried)
    )
    scheduled: list[PendingEffect] = []
    if outcome is not None:
        _record_leads(rt, [options[outcome]])
        scheduled += _apply_option(rt, dilemma, options[outcome], None, closed.seq)
    scheduled += _apply_on_close(rt, dilemma, closed.seq)
    return scheduled, closed.seq


def _resolve_pledges(
    rt: Runtime, record: DilemmaRecord, reason: CloseReason, mode: PledgeMode
) -> tuple[list[PendingEffect], int]:
    dilemma = record.dilemma
    defaulted = record.undecided()
    try:
        default_amount = parse_money(dilemma.default)
    except PydanticCustomError:  # the checker reports a bad default; the engine pledges nothing
        default_amount = 0
    for member in defaulted:
        low, high = pledge_bounds(mode, member)
        amount = min(max(default_amount, low), high)
        _default(rt, record, member, Decision(None, amount, "default", DEFAULT_RATIONALE))
    pledges = {member: record.decisions[member].amount or 0 for member in record.deciders}
    record.pledges = pledges
    closed = rt.emit(
        DilemmaClosed, dilemma=dilemma.id, reason=reason, mode="pledge", pledges=pledges, defaulted=defaulted
    )
    record.closed_seq = closed.seq
    bounds = {member: pledge_bounds(mode, member) for member in record.deciders}
    rt.record_trust_changes(closed.seq, rt.metrics.record_pledges(rt.now, dilemma, dict(pledges), bounds))
    for member, amount in pledges.items():
        site = f"dilemma:{dilemma.id}/pledge:{member}"
        if amount == 0:
            continue
        if mode.pool not in rt.ledger.pools:
            rt.record(
                EffectSkipped,
                site=site,
                reason="unresolved-reference",
                detail=f"no pool {mode.pool!r}",
                cause_seq=closed.seq,
            )
            continue
        rt.move_money(member, mode.pool, amount)
        rt.record(
            MoneyMoved,
            from_account=member,
            to_account=mode.pool,
            amount=amount,
            site=site,
            note=f"{rt.plan.member_name(member)} pledged {format_money(amount)} to {dilemma.title}",
            cause_seq=closed.seq,
        )
    return _apply_on_close(rt, dilemma, closed.seq), closed.seq


def _default(rt: Runtime, record: DilemmaRecord, member: str, decision: Decision) -> None:
    record.decisions[member] = decision
    rt.emit(
        DecisionMade,
        member=member,
        dilemma=record.dilemma.id,
        option=decision.option,
        amount=decision.amount,
        source="default",
        rationale=decision.rationale,
    )


def _lapse(
    rt: Runtime, dilemma: Dilemma, member: str | None, lapsed: str, replacement: str | None, options: dict[str, Option]
) -> None:
    requirement = options[lapsed].requires if lapsed in options else None
    reason = f"it requires {requirement}, which no longer holds" if requirement else "it is not an option here"
    rt.emit(ChoiceLapsed, dilemma=dilemma.id, member=member, option=lapsed, replaced_by=replacement, reason=reason)


def _record_leads(rt: Runtime, options: list[Option]) -> None:
    for option in options:
        if option.lead is not None and option.lead in rt.plan.members:
            rt.metrics.record_lead(rt.now, option.lead)


def _apply_option(
    rt: Runtime, dilemma: Dilemma, option: Option, chooser: str | None, cause_seq: int
) -> list[PendingEffect]:
    applied = rt.emit(
        OptionApplied, dilemma=dilemma.id, option=option.id, chooser=chooser, lead=option.lead, cause_seq=cause_seq
    )
    who = rt.plan.member_name(chooser) if chooser is not None else "The board"
    because = f"{who} chose “{option.label}” on “{dilemma.title}”"
    scheduled = rt.effects.apply(
        option.effects,
        f"dilemma:{dilemma.id}/option:{option.id}",
        cause_seq=applied.seq,
        because=because,
        chooser=chooser,
        lead=option.lead,
    )
    for commitment in option.commitments:
        rt.commitments.make(commitment, dilemma.id, option.id, chooser=chooser, lead=option.lead, cause_seq=applied.seq)
    return scheduled


def _apply_on_close(rt: Runtime, dilemma: Dilemma, cause_seq: int) -> list[PendingEffect]:
    return rt.effects.apply(
        dilemma.on_close, f"dilemma:{dilemma.id}/on_close", cause_seq=cause_seq, because=f"“{dilemma.title}” closed"
    )


def _flag_tensions(
    rt: Runtime, record: DilemmaRecord, before: set[int], scheduled: list[PendingEffect], cause_seq: int
) -> None:
    monitor = rt.accountabilities
    now_in_breach = monitor.breaches()
    title = record.dilemma.title
    for index in now_in_breach:
        if index not in before:
            _tension(rt, record, index, "into-breach", f"The decision on “{title}” put", cause_seq)
    if not scheduled:
        return
    current = set(now_in_breach)
    overlay, keys = project(rt, [(p.effect, p.chooser, p.lead) for p in scheduled], check_when=False)
    candidates = [entry for entry in monitor.entries if entry.index not in current and not keys.isdisjoint(entry.keys)]
    for entry in monitor.would_breach(overlay, candidates):
        _tension(
            rt,
            record,
            entry.index,
            "towards-breach",
            f"Once its delayed effects land, the decision on “{title}” will put",
            cause_seq,
        )


def _tension(
    rt: Runtime,
    record: DilemmaRecord,
    index: int,
    kind: Literal["into-breach", "towards-breach"],
    opening: str,
    cause_seq: int,
) -> None:
    entry = rt.accountabilities.entries[index]
    accountability = entry.accountability
    sentence = (
        f"{opening} {rt.plan.member_name(entry.member)} in breach of “{accountability.description}” "
        f"(answers to {accountability.answers_to})."
    )
    rt.emit(
        Tension,
        dilemma=record.dilemma.id,
        member=entry.member,
        accountability=accountability.id,
        severity=accountability.severity,
        kind=kind,
        sentence=sentence,
        cause_seq=cause_seq,
    )
