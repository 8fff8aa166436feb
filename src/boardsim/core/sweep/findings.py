"""Balance findings: what a designer should look at after a sweep, each with a code, a place and a hint.

The thresholds are deliberately plain: "dominant" and "always" mean at least 9 runs in 10, compared exactly
as integers. Findings name the YAML path of the option, member, accountability or pool they are about, so the
command line can place them at file:line:col like `boardsim check` does.
"""

from __future__ import annotations

from boardsim.core.diagnostics import Finding, YamlPath
from boardsim.core.scenario.quantities import format_money

from .codes import FEW_RUNS, at_least_share, sweep_finding
from .layout import MemberLayout, PoolLayout, ScenarioLayout
from .summary import BalanceReport, DilemmaSummary, MemberSummary

_LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}


def approx_money(pounds: float) -> str:
    """Pounds rounded for reading aloud: to £10k from £1m up, to £1k from £10k up."""
    whole = round(pounds)
    if abs(whole) >= 1_000_000:
        whole = round(whole / 10_000) * 10_000
    elif abs(whole) >= 10_000:
        whole = round(whole / 1_000) * 1_000
    return format_money(whole)


def percent(part: int, whole: int) -> str:
    """'93%' (rounded down, so 89.9% never reads as 90%)."""
    return f"{part * 100 // whole}%" if whole else "n/a"


def balance_findings(report: BalanceReport, layout: ScenarioLayout, scenario_path: str = "") -> list[Finding]:
    """Every finding of a balance report, errors first, then in scenario order.

    `scenario_path` goes into hints that are commands to run (default: the word SCENARIO).
    """
    findings: list[Finding] = []
    sweep = report.sweep
    if sweep.failed:
        failure = sweep.first_failure
        seats = " ".join(f"--seat {seat}={d}" for seat, d in sorted(failure.dispositions.items())) if failure else ""
        detail = f"; the first was run {failure.run} (seed {failure.seed}): {failure.error}" if failure else ""
        findings.append(
            sweep_finding(
                "sweep-run-failed",
                f"{sweep.failed} of {sweep.failed + sweep.played} playthroughs stopped with an engine error{detail}",
                hint=f"replay it with `boardsim run {scenario_path or 'SCENARIO'} --seed {failure.seed} {seats}` "
                "and report the error"
                if failure
                else "",
            )
        )
    if 0 < sweep.played < FEW_RUNS:
        findings.append(
            sweep_finding(
                "sweep-few-runs",
                f"only {sweep.played} playthroughs were played; shares below are rough",
                hint=f"run at least {FEW_RUNS} (`--runs {FEW_RUNS * 10}` is a good start)",
            )
        )
    if sweep.played:
        for dilemma in report.dilemmas:
            findings.extend(_dilemma_findings(dilemma, layout, sweep.mix, sweep.played))
        for member in report.members:
            findings.extend(_member_findings(member, layout, report))
        for pool in report.pools:
            if at_least_share(pool.collapsed_runs, sweep.played):
                findings.append(
                    sweep_finding(
                        "sweep-pool-always-collapses",
                        f"pool {pool.id!r} ended below its floor of {approx_money(pool.floor)} in "
                        f"{percent(pool.collapsed_runs, sweep.played)} of runs",
                        _path(layout, "pools", pool.id),
                        "whatever the bots do the pool runs dry: raise its `initial:`, lower what options draw "
                        "from it, or give a dilemma an option that tops it up",
                    )
                )
        for commitment in report.commitments:
            if at_least_share(commitment.broken, commitment.made):
                match = next((c for c in layout.commitments if c.id == commitment.id), None)
                findings.append(
                    sweep_finding(
                        "sweep-commitment-always-broken",
                        f"commitment {commitment.id!r} (option {commitment.option!r} of {commitment.dilemma!r}) was "
                        f"broken in {percent(commitment.broken, commitment.made)} of the "
                        f"{commitment.made} runs that made it",
                        match.path if match else (),
                        "its `kept_when:` almost never holds at `due:`: check the condition and the delay, or give "
                        "the member who promised a way to keep it",
                    )
                )
    return sorted(findings, key=lambda f: _LEVEL_ORDER[f.level])


def _path(layout: ScenarioLayout, kind: str, item_id: str) -> YamlPath:
    items: list[PoolLayout] | list[MemberLayout] = layout.pools if kind == "pools" else layout.members
    return next((item.path for item in items if item.id == item_id), ())


def _dilemma_findings(dilemma: DilemmaSummary, layout: ScenarioLayout, mix: list[str], played: int) -> list[Finding]:
    shape = next(d for d in layout.dilemmas if d.id == dilemma.id)
    if dilemma.decided == 0:
        return [
            sweep_finding(
                "sweep-never-decided",
                f"dilemma {dilemma.id!r} was never decided in {played} runs",
                shape.path,
                "its `at:` falls after the horizon or its `when:` never became true with bots at the table; "
                "bring it earlier or loosen the condition",
            )
        ]
    if dilemma.mode == "pledge" or len(dilemma.options) < 2:
        return []
    findings: list[Finding] = []
    tried = ", ".join(mix)
    decisions = sum(dilemma.decisions_by_disposition.values())
    for option, option_shape in zip(dilemma.options, shape.options, strict=True):
        chosen = option.carried if dilemma.mode == "vote" else option.picks
        if chosen == 0:
            reason = ""
            hint = (
                "make it a real choice for someone: give it a benefit a member's priorities or accountabilities "
                "reward, lower what it costs the chooser, or drop it if it is only a foil"
            )
            if option.selectable_runs == 0:
                reason = "; its `requires:` never held when the dilemma was open"
                hint = "relax its `requires:` or open the dilemma when the condition can hold"
            elif dilemma.mode == "vote" and option.picks:
                votes = f"{option.picks} vote{'' if option.picks == 1 else 's'}"
                reason = f"; it won {votes} but never carried"
            findings.append(
                sweep_finding(
                    "sweep-dead-option",
                    f"option {option.id!r} of dilemma {dilemma.id!r} was never chosen in {dilemma.decided} decided "
                    f"runs (dispositions tried: {tried}){reason}",
                    option_shape.path,
                    hint,
                )
            )
        whole = dilemma.decided if dilemma.mode == "vote" else decisions
        if at_least_share(chosen, whole):
            by_disposition = ", ".join(
                f"{d} {option.picks_by_disposition.get(d, 0) * 100 // n}%"
                for d, n in dilemma.decisions_by_disposition.items()
                if n
            )
            findings.append(
                sweep_finding(
                    "sweep-dominant-option",
                    f"option {option.id!r} of dilemma {dilemma.id!r} was chosen in {percent(chosen, whole)} of "
                    f"{'decided runs' if dilemma.mode == 'vote' else 'decisions'} (picked by {by_disposition})",
                    option_shape.path,
                    "a dilemma needs a rival: make this option cost someone (money, an accountability at risk, a "
                    "delayed consequence) or give another option a benefit some member cares about",
                )
            )
    return findings


def _member_findings(member: MemberSummary, layout: ScenarioLayout, report: BalanceReport) -> list[Finding]:
    findings: list[Finding] = []
    path = _path(layout, "members", member.id)
    compared = report.sweep.budget_compared_runs
    if at_least_share(member.worst_budget_runs, compared):
        change = member.budget_change.median
        median = f" (median change {approx_money(change)})" if change is not None else ""
        findings.append(
            sweep_finding(
                "sweep-always-worst-budget",
                f"member {member.id!r} ended with the largest budget fall relative to its start in "
                f"{percent(member.worst_budget_runs, compared)} of runs{median}",
                path,
                "whatever is decided this member pays: share the cost (risk-share moves, a pool), give it an "
                "option that protects its budget, or a commitment owed to it",
            )
        )
    compared = report.sweep.trust_compared_runs
    if at_least_share(member.worst_trust_runs, compared):
        findings.append(
            sweep_finding(
                "sweep-always-worst-trust",
                f"member {member.id!r} ended the least trusted member in {percent(member.worst_trust_runs, compared)} "
                f"of runs (median trust received {member.trust_received.median or 0:.2f})",
                path,
                "its starting history or its options always cost it trust: give it a commitment it can keep, or an "
                "option that benefits others at a cost to itself",
            )
        )
    played = report.sweep.played
    member_shape = next(m for m in layout.members if m.id == member.id)
    for accountability, shape in zip(member.accountabilities, member_shape.accountabilities, strict=True):
        if at_least_share(accountability.breached_runs, played):
            findings.append(
                sweep_finding(
                    "sweep-always-breached",
                    f"member {member.id!r} breached its {accountability.kind} {accountability.id!r} in "
                    f"{percent(accountability.breached_runs, played)} of runs",
                    shape.path,
                    "the breach happens whatever the board decides: check `holds_when:` against the starting "
                    "values, or give the board an option that keeps it",
                )
            )
        elif accountability.kind == "red-line" and accountability.breached_runs == 0:
            findings.append(
                sweep_finding(
                    "sweep-red-line-never-bites",
                    f"red line {accountability.id!r} of member {member.id!r} was never crossed in {played} runs",
                    shape.path,
                    "no option any disposition chose comes near it; if it should constrain the board, let an "
                    "attractive option cross it",
                )
            )
    return findings
