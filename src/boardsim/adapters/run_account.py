"""The account of a finished run that `boardsim run` prints: for a facilitator (text) or a program (JSON).

The text is what a facilitator reads before a debrief: the decisions in order with who chose what, the
outcomes and the money, who ended up in breach, the trust changes that mattered most and why, and how
alignment moved over the months. Everything is read from the session's journal, views and metrics.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from boardsim.core.engine import Session
from boardsim.core.engine.events import (
    BreachEntered,
    BreachLeft,
    CommitmentSettled,
    DebriefPromptRaised,
    DecisionMade,
    DilemmaClosed,
    InjectLanded,
    TensionFlagged,
    TrustChanged,
)
from boardsim.core.metrics import MetricsSnapshot
from boardsim.core.scenario.model import NumberMeasure, PledgeMode, VoteMode
from boardsim.core.scenario.quantities import format_money

SPARK = "▁▂▃▄▅▆▇█"
TOP_TRUST_CHANGES = 8


def sparkline(values: Sequence[float | None], low: float = 0.0, high: float = 1.0) -> str:
    """One block character per value on a fixed 0..1 scale ('·' where a value is not measurable yet)."""
    span = (high - low) or 1.0
    marks = []
    for value in values:
        if value is None:
            marks.append("·")
        else:
            level = round((min(max(value, low), high) - low) / span * (len(SPARK) - 1))
            marks.append(SPARK[level])
    return "".join(marks)


def monthly(session: Session, series: list[MetricsSnapshot]) -> list[MetricsSnapshot]:
    """The snapshot standing at the end of each month of the run (and at the very end)."""
    plan = session.plan
    boundaries = [*plan.month_days, plan.horizon_day + 1]
    picked: list[MetricsSnapshot] = []
    index = 0
    for boundary in boundaries:
        while index + 1 < len(series) and series[index + 1].day < boundary:
            index += 1
        if series and series[index].day < boundary:
            picked.append(series[index])
    return picked


def _name(session: Session, member: str) -> str:
    found = session.plan.members.get(member)
    return found.name if found is not None else member


def _date(session: Session, day: int) -> str:
    return session.plan.date_of(day).isoformat()


def _label(session: Session, dilemma_id: str, option: str | None) -> str:
    if option is None:
        return "nothing"
    dilemma = session.plan.dilemmas[dilemma_id]
    found = next((candidate for candidate in dilemma.options if candidate.id == option), None)
    return f"{option} (“{found.label}”)" if found is not None else option


def text_account(session: Session, seats_summary: str) -> str:
    """The readable account of a finished run."""
    scenario = session.scenario
    events = session.events
    lines = [
        f"{scenario.title} — seed {session.seed}",
        f"{_date(session, 0)} to {_date(session, session.plan.horizon_day)}. Seats: {seats_summary}.",
        "",
        "Decisions",
    ]
    decisions = [event for event in events if isinstance(event, DilemmaClosed)]
    if not decisions:
        lines.append("  (no dilemma opened)")
    for closed in decisions:
        lines.extend(_decision_lines(session, closed))
    news = [event for event in events if isinstance(event, InjectLanded)]
    if news:
        lines += ["", "News that landed"]
        lines += [f"  {_date(session, event.day)}  {event.title}{_audience(event.audience)}" for event in news]
    lines += ["", "Outcomes"]
    initial = {name: declaration.initial for name, declaration in scenario.state.items()}
    for name, value in session.state_values().items():
        declaration = scenario.state[name]
        unit = f" {declaration.unit}" if isinstance(declaration, NumberMeasure) and declaration.unit else ""
        lines.append(f"  {name}: {_value(initial[name])} → {_value(value)}{unit}")
    lines += ["", "Money"]
    budgets = session.budgets()
    for member in scenario.members:
        start = member.budget.amount if member.budget is not None else 0
        end = budgets[member.id]
        lines.append(f"  {member.name}: {format_money(start)} → {format_money(end)} ({_signed_money(end - start)})")
    for pool in scenario.pools:
        end = session.pools()[pool.id]
        lines.append(f"  {pool.name} (pool): {format_money(pool.initial)} → {format_money(end)}")
    lines.append(f"  ledger balanced: {'yes' if session.ledger_balanced() else 'NO'}")
    lines += _commitment_lines(session)
    lines += _breach_lines(session)
    lines += _trust_lines(session)
    lines += _alignment_lines(session)
    prompts = [event for event in events if isinstance(event, DebriefPromptRaised)]
    if prompts:
        lines += ["", "For the debrief"]
        lines += [f"  - {event.prompt}" for event in prompts]
    return "\n".join(lines)


def _audience(audience: str | list[str]) -> str:
    if audience == "all":
        return ""
    if audience == "facilitator":
        return "  [facilitator only]"
    return f"  [to {', '.join(audience)}]"


def _value(value: float | bool) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"{value:g}"


def _signed_money(amount: int) -> str:
    return ("+" if amount > 0 else "") + format_money(amount) if amount else "no change"


def _decision_lines(session: Session, closed: DilemmaClosed) -> list[str]:
    dilemma = session.plan.dilemmas[closed.dilemma]
    mode = dilemma.mode
    when = _date(session, closed.day)
    reason = {"all-decided": "", "deadline": " at the deadline", "facilitator": " by the facilitator"}.get(
        closed.reason, " at the end of the run"
    )
    lines: list[str] = []
    if isinstance(mode, VoteMode):
        tally = ", ".join(f"{option} {count}" for option, count in closed.tally.items())
        outcome = _label(session, dilemma.id, closed.outcome)
        verdict = f"{outcome} carried" if closed.carried else f"nothing carried, so the default applies: {outcome}"
        lines.append(f"  {when}  {dilemma.title} — vote ({mode.rule}, quorum {mode.quorum:g}){reason}: {verdict}")
        lines.append(f"      tally: {tally}; quorum {'met' if closed.quorum_met else 'NOT met'}")
        for option in closed.tally:
            voters = [_name(session, m) for m, ballot in closed.choices.items() if ballot == option]
            if voters:
                lines.append(f"      for {option}: {', '.join(voters)}")
        abstained = [_name(session, m) for m in closed.abstained]
        if abstained:
            lines.append(f"      abstained or absent: {', '.join(abstained)}")
        if closed.dissent:
            lines.append(f"      dissent: {', '.join(_name(session, m) for m in closed.dissent)}")
    elif isinstance(mode, PledgeMode):
        total = sum(closed.pledges.values())
        lines.append(f"  {when}  {dilemma.title} — pledges into {mode.pool}{reason}: {format_money(total)} in total")
        pledges = ", ".join(f"{_name(session, m)} {format_money(amount)}" for m, amount in closed.pledges.items())
        lines.append(f"      {pledges}")
    else:
        lines.append(
            f"  {when}  {dilemma.title} — individual choices{reason}; most chose "
            f"{_label(session, dilemma.id, closed.outcome)}"
        )
        forced = _forced(session, closed)
        for member, choice in closed.choices.items():
            note = " (forced)" if member in forced else ""
            lines.append(f"      {_name(session, member)}: {choice or 'nothing'}{note}")
    if closed.defaulted:
        lines.append(f"      did not decide (default applied): {', '.join(closed.defaulted)}")
    return lines


def _forced(session: Session, closed: DilemmaClosed) -> set[str]:
    return {
        event.member
        for event in session.events[: closed.seq]
        if isinstance(event, DecisionMade) and event.dilemma == closed.dilemma and event.source == "forced"
    }


def _commitment_lines(session: Session) -> list[str]:
    settled = [event for event in session.events if isinstance(event, CommitmentSettled)]
    if not settled:
        return []
    lines = ["", "Commitments"]
    for event in settled:
        verdict = "kept" if event.kept else "BROKEN"
        lines.append(f"  {_date(session, event.day)}  {_name(session, event.maker)} {verdict}: {event.promise}")
    return lines


def _breach_lines(session: Session) -> list[str]:
    events = session.events
    changes = [event for event in events if isinstance(event, BreachEntered | BreachLeft)]
    tensions = [event for event in events if isinstance(event, TensionFlagged)]
    lines = ["", "Accountability breaches"]
    if not changes:
        lines.append("  none")
    for event in changes:
        if isinstance(event, BreachEntered):
            lines.append(
                f"  {_date(session, event.day)}  {_name(session, event.member)} entered breach of "
                f"{event.accountability} ({event.severity}): {event.description}"
            )
        else:
            lines.append(
                f"  {_date(session, event.day)}  {_name(session, event.member)} left breach of {event.accountability}"
            )
    still = session.board_view().breaches
    if still:
        lines.append(
            "  in breach at the end: " + ", ".join(f"{_name(session, b.member)} ({b.accountability})" for b in still)
        )
    if tensions:
        lines += ["", "Tensions"]
        lines += [f"  {_date(session, event.day)}  {event.sentence}" for event in tensions]
    return lines


def largest_trust_changes(session: Session, count: int = TOP_TRUST_CHANGES) -> list[TrustChanged]:
    """The trust changes with the largest movement, biggest first (ties in journal order)."""
    changes = [event for event in session.events if isinstance(event, TrustChanged)]
    return sorted(changes, key=lambda event: (-abs(event.after - event.before), event.seq))[:count]


def _trust_lines(session: Session) -> list[str]:
    """The largest trust changes, one line per cause: members who moved alike for the same reason are counted."""
    changes = [event for event in session.events if isinstance(event, TrustChanged)]
    groups: dict[tuple[int, str, float], list[TrustChanged]] = {}
    for event in changes:
        groups.setdefault((event.cause_seq, event.trustee, round(event.after - event.before, 3)), []).append(event)
    ranked = sorted(groups.values(), key=lambda group: (-abs(group[0].after - group[0].before), group[0].seq))
    lines = ["", "Largest trust changes"]
    if not ranked:
        lines.append("  none")
    for group in ranked[:TOP_TRUST_CHANGES]:
        first = group[0]
        others = f" (and {len(group) - 1} other member{'s' if len(group) > 2 else ''} alike)" if len(group) > 1 else ""
        lines.append(f"  {_date(session, first.day)}  {first.before:.2f} → {first.after:.2f}  {first.sentence}{others}")
    return lines


def _alignment_lines(session: Session) -> list[str]:
    months = monthly(session, session.metrics_series)
    if not months:
        return []
    final = months[-1]
    rows: list[tuple[str, list[float | None], float | None]] = [
        ("board trust", [float(snapshot.board_trust) for snapshot in months], final.board_trust),
        ("alignment", [snapshot.alignment_composite for snapshot in months], final.alignment_composite),
        ("goal alignment", [snapshot.goal_alignment for snapshot in months], final.goal_alignment),
        ("vote cohesion", [snapshot.vote_cohesion for snapshot in months], final.vote_cohesion),
        ("resources pooled", [float(snapshot.resource_alignment) for snapshot in months], final.resource_alignment),
        ("shared leadership", [snapshot.leadership_distribution for snapshot in months], final.leadership_distribution),
    ]
    lines = ["", "Trust and alignment by month (0 to 1; · = not measurable yet)"]
    for label, values, last in rows:
        shown = "—" if last is None else f"{last:.2f}"
        lines.append(f"  {label:<18} {sparkline(values)}  {shown}")
    return lines


def json_account(session: Session, seats: dict[str, str]) -> dict[str, Any]:
    """The account as one JSON-ready document (includes the final trust matrix and alignment figures)."""
    events = session.events
    final = session.metrics
    months = monthly(session, session.metrics_series)
    return {
        "scenario": session.scenario.id,
        "seed": session.seed,
        "seats": seats,
        "days": session.plan.horizon_day,
        "decisions": [event.model_dump(mode="json") for event in events if isinstance(event, DilemmaClosed)],
        "injects": [event.model_dump(mode="json") for event in events if isinstance(event, InjectLanded)],
        "state": session.state_values(),
        "budgets": session.budgets(),
        "pools": session.pools(),
        "ledger_balanced": session.ledger_balanced(),
        "commitments": [event.model_dump(mode="json") for event in events if isinstance(event, CommitmentSettled)],
        "breaches": [
            event.model_dump(mode="json") for event in events if isinstance(event, BreachEntered | BreachLeft)
        ],
        "in_breach_at_end": [breach.model_dump(mode="json") for breach in session.board_view().breaches],
        "tensions": [event.model_dump(mode="json") for event in events if isinstance(event, TensionFlagged)],
        "largest_trust_changes": [event.model_dump(mode="json") for event in largest_trust_changes(session)],
        "metrics": final.model_dump(mode="json"),
        "alignment_by_month": [
            {
                "day": snapshot.day,
                "date": _date(session, snapshot.day),
                "board_trust": snapshot.board_trust,
                "alignment_composite": snapshot.alignment_composite,
                "goal_alignment": snapshot.goal_alignment,
                "vote_cohesion": snapshot.vote_cohesion,
                "resource_alignment": snapshot.resource_alignment,
                "leadership_distribution": snapshot.leadership_distribution,
            }
            for snapshot in months
        ],
        "debrief": [event.prompt for event in events if isinstance(event, DebriefPromptRaised)],
        "events": len(events),
    }
