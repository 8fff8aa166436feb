"""Render a balance report: terminal tables with unicode block histograms, and the JSON document.

Plain text only (no terminal library): the report must read the same in a terminal, a CI log and a file.
Every figure comes from the frozen `BalanceReport`, so the rendering is as deterministic as the report.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from boardsim.adapters.diagnostics_format import findings_to_json
from boardsim.core.diagnostics import Finding
from boardsim.core.sweep import BalanceReport, Distribution
from boardsim.core.sweep.findings import approx_money, percent
from boardsim.core.sweep.summary import DilemmaSummary

REPORT_FORMAT = "boardsim-sweep-report/1"

_SPARKS = " ▁▂▃▄▅▆▇█"
_EIGHTHS = " ▏▎▍▌▋▊▉█"
_SHORT = {
    "organisation-first": "org-first",
    "system-first": "sys-first",
    "reciprocator": "reciproc",
    "cautious": "cautious",
}
_METRIC_LABELS = {
    "board_trust": "board trust",
    "goal_alignment": "goal alignment",
    "vote_cohesion": "vote cohesion",
    "resource_alignment": "resource alignment",
    "alignment_composite": "alignment (composite)",
    "leadership_distribution": "leadership spread",
    "purpose_score": "shared-purpose score",
}

Formatter = Callable[[Finding], str]


def spark(distribution: Distribution) -> str:
    """The histogram as one line of block characters, the tallest bar full height."""
    counts = [b.count for b in distribution.histogram]
    if not counts:
        return ""
    top = max(counts)
    return "".join(_SPARKS[0 if c == 0 else max(1, round(8 * c / top))] for c in counts)


def bar(fraction: float | None, width: int = 10) -> str:
    """A horizontal bar `width` characters long at full scale, in eighths of a character."""
    if fraction is None:
        return " " * width
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, rest = divmod(eighths, 8)
    return ("█" * full + (_EIGHTHS[rest] if rest else "")).ljust(width)


def _number(value: float | None, money: bool = False, signed: bool = False) -> str:
    if value is None:
        return "–"
    if money:
        text = approx_money(value)
        return f"+{text}" if signed and value > 0 else text
    return f"{value:+.2f}" if signed else f"{value:.2f}"


def spread(distribution: Distribution, money: bool = False, signed: bool = False) -> str:
    """'median [min .. max]', or '–' when no run had the figure."""
    if distribution.count == 0:
        return "–"
    median = _number(distribution.median, money, signed)
    return f"{median} [{_number(distribution.min, money, signed)} .. {_number(distribution.max, money, signed)}]"


def _share(part: float | None) -> str:
    return "   –" if part is None else f"{part * 100:3.0f}%"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int] | None = None) -> list[str]:
    right = right or set()
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        parts = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return "  " + "  ".join(parts).rstrip()

    return [line(headers), *(line(r) for r in rows)]


def _dilemma_lines(dilemma: DilemmaSummary, mix: list[str]) -> list[str]:
    mode = {"vote": "board vote", "individual": "individual choices", "pledge": "pledges"}[dilemma.mode]
    lines = [f"{dilemma.id} — {dilemma.title} ({mode}; decided in {dilemma.decided:,} runs)"]
    if dilemma.decided == 0:
        return [*lines, "  never decided: see the findings below"]
    if dilemma.options:
        headers = ["option", "chosen", "", *(_SHORT.get(d, d) for d in mix), "purpose at end", "alignment at end"]
        rows = [
            [
                option.id,
                _share(option.chosen_share),
                bar(option.chosen_share),
                *(_share(option.pick_share_by_disposition.get(d)) for d in mix),
                spread(option.outcome_purpose, signed=True),
                spread(option.outcome_alignment),
            ]
            for option in dilemma.options
        ]
        lines += _table(headers, rows, right={1, *range(3, 3 + len(mix))})
        note = (
            "share of runs it carried (or applied as the default)"
            if dilemma.mode == "vote"
            else "share of all decisions"
        )
        lines.append(f"  chosen = {note}; disposition columns = share of that disposition's choices")
    if dilemma.pledged_total is not None:
        lines.append(f"  total pledged: {spread(dilemma.pledged_total, money=True)}  {spark(dilemma.pledged_total)}")
        for member, pledged in dilemma.pledged_by_member.items():
            lines.append(f"    {member}: {spread(pledged, money=True)}  {spark(pledged)}")
    return lines


def render_text(report: BalanceReport, findings: Sequence[Finding], format_finding: Formatter) -> str:
    """The report as a terminal would show it."""
    s = report.sweep
    played = s.played
    out = [
        f"Balance sweep of {s.title} ({s.scenario_id}, digest {s.scenario_digest[:12]})",
        f"{played:,} playthroughs played, {s.failed:,} failed{_unfinished(s.played + s.failed, s.planned_runs)}"
        f" · seed {s.seed} · dispositions: {', '.join(s.mix)}",
    ]
    if played == 0:
        out += ["", "No playthrough finished, so there is nothing to summarise.", "", "Findings"]
        out += [format_finding(f) for f in findings]
        out.append(_tally(findings))
        return "\n".join(out) + "\n"
    out += ["", "Dilemmas"]
    for dilemma in report.dilemmas:
        out += ["", *(f"  {line}" for line in _dilemma_lines(dilemma, s.mix))]
    out += ["", "Members (at the end of the run)"]
    rows = [
        [
            m.id,
            approx_money(m.budget_start) if m.budget_start is not None else "–",
            spread(m.budget_change, money=True, signed=True),
            spark(m.budget_change),
            percent(m.breached_runs, played),
            spread(m.trust_received),
            spark(m.trust_received),
            percent(m.worst_budget_runs, s.budget_compared_runs),
            percent(m.worst_trust_runs, s.trust_compared_runs),
        ]
        for m in report.members
    ]
    headers = ["member", "budget", "change [min .. max]", "", "breach", "trust received", "", "worst £", "worst trust"]
    out += _table(headers, rows, right={1, 4, 7, 8})
    out.append("  breach = runs with any accountability breached; worst = runs it ended worst of all (ties: nobody)")
    accountabilities = [
        [f"{m.id}/{a.id}", a.kind, percent(a.breached_runs, played), bar(a.breached_share)]
        for m in report.members
        for a in m.accountabilities
    ]
    if accountabilities:
        out += ["", "Accountabilities (runs breached at some point)"]
        out += _table(["accountability", "kind", "breached", ""], accountabilities, right={2})
    if report.pools:
        out += ["", "Pools"]
        rows = [
            [
                p.id,
                approx_money(p.floor),
                spread(p.balance, money=True),
                spark(p.balance),
                percent(p.collapsed_runs, played),
            ]
            for p in report.pools
        ]
        out += _table(["pool", "floor", "balance at end", "", "collapsed"], rows, right={1, 4})
    if report.commitments:
        out += ["", "Commitments"]
        rows = [
            [c.id, f"{c.dilemma}/{c.option}", f"{c.made:,}", f"{c.kept:,}", f"{c.broken:,}"] for c in report.commitments
        ]
        out += _table(["commitment", "made by choosing", "made", "kept", "broken"], rows, right={2, 3, 4})
    out += [
        "",
        "Debrief events",
        f"  runs with a pool collapse: {report.runs_with_collapse:,} ({percent(report.runs_with_collapse, played)})",
        f"  runs with a broken commitment: {report.runs_with_broken_commitment:,} "
        f"({percent(report.runs_with_broken_commitment, played)})",
        "",
        "Trust and alignment at the end",
    ]
    rows = [
        [
            _METRIC_LABELS[name],
            spread(d, signed=name == "purpose_score"),
            spark(d),
            f"{d.missing:,}" if d.missing else "",
        ]
        for name, d in report.metrics.items()
    ]
    out += _table(["figure", "median [min .. max]", "histogram", "no value"], rows, right={3})
    numbers = [m for m in report.measures if m.values is not None and m.values.count]
    flags = [m for m in report.measures if m.true_runs is not None]
    if numbers or flags:
        out += ["", "Measures at the end"]
        rows = [
            [m.name, spread(m.values) + (f" {m.unit}" if m.unit else ""), spark(m.values)] for m in numbers if m.values
        ]
        rows += [[m.name, f"true in {percent(m.true_runs or 0, played)}", ""] for m in flags]
        out += _table(["measure", "median [min .. max]", ""], rows)
    out += ["", "Findings"]
    if findings:
        out += [format_finding(f) for f in findings]
    else:
        out.append("  none: no dead or dominant options, nobody always loses, no pool always collapses")
    out.append(_tally(findings))
    return "\n".join(out) + "\n"


def _unfinished(done: int, planned: int) -> str:
    """' (of 20,000 planned: the sweep was interrupted)' when the file holds fewer runs than planned."""
    return f" (of {planned:,} planned: the sweep was interrupted)" if done < planned else ""


def _tally(findings: Sequence[Finding]) -> str:
    counts = {level: sum(1 for f in findings if f.level == level) for level in ("error", "warning", "info")}
    words = {"error": "error", "warning": "warning", "info": "note"}
    parts = [f"{n} {words[level]}{'' if n == 1 else 's'}" for level, n in counts.items() if n]
    return ", ".join(parts) if parts else "no findings"


def render_json(report: BalanceReport, findings: Sequence[Finding]) -> str:
    """The report and its findings as one JSON document (stable key order, so runs can be diffed)."""
    document = {
        "format": REPORT_FORMAT,
        "report": report.model_dump(mode="json"),
        "findings": findings_to_json(findings),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
