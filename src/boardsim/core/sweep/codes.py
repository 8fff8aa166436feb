"""The stable codes of balance findings (`boardsim sweep`), in the same style as `boardsim check`.

Kept here rather than in core/diagnostics.py because they describe a sweep's results, not a scenario file;
they share the `Finding` type and the formatter, so a designer reads both kinds the same way. Each code is
documented with how to fix it in facilitator_guide/balance.md.
"""

from __future__ import annotations

from boardsim.core.diagnostics import CheckCode, Finding, Level, YamlPath

SWEEP_CODES: dict[str, CheckCode] = {
    entry.code: entry
    for entry in (
        CheckCode("sweep-run-failed", "error", "Some playthroughs stopped with an engine error."),
        CheckCode("sweep-never-decided", "warning", "A dilemma that was never decided in any run."),
        CheckCode("sweep-dead-option", "warning", "An option no disposition ever chose."),
        CheckCode("sweep-dominant-option", "warning", "An option chosen in at least 90% of decided runs."),
        CheckCode("sweep-always-worst-budget", "warning", "A member ends worst off on budget in at least 90% of runs."),
        CheckCode("sweep-always-worst-trust", "warning", "A member ends least trusted in at least 90% of runs."),
        CheckCode("sweep-always-breached", "warning", "An accountability breached in at least 90% of runs."),
        CheckCode("sweep-red-line-never-bites", "info", "A red line that no run ever crossed."),
        CheckCode("sweep-pool-always-collapses", "warning", "A pool ends below its floor in 90% of runs."),
        CheckCode("sweep-commitment-always-broken", "warning", "A commitment broken in 90% of the runs that made it."),
        CheckCode("sweep-few-runs", "info", "Too few runs for the findings to mean much."),
    )
}

ALWAYS_SHARE = (9, 10)
"""'Always' and 'dominant' mean at least 9 runs in 10 (compared exactly, as integers)."""

FEW_RUNS = 100
"""Below this many played runs the report says its findings are weak."""


def at_least_share(part: int, whole: int, share: tuple[int, int] = ALWAYS_SHARE) -> bool:
    """part / whole >= numerator / denominator, exactly (False when whole is 0)."""
    numerator, denominator = share
    return whole > 0 and part * denominator >= whole * numerator


def sweep_finding(code: str, message: str, path: YamlPath = (), hint: str = "") -> Finding:
    """A finding at the registered level of a sweep code (unknown codes are errors, so typos show)."""
    entry = SWEEP_CODES.get(code)
    level: Level = entry.level if entry else "error"
    return Finding(code=code, message=message, path=path, hint=hint, level=level)
