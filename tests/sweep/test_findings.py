"""Balance findings over synthetic sweeps: each code fires on the pattern it names, and only then."""

from sweep_helpers import record, tiny_header, tiny_layout

from boardsim.core.diagnostics import Finding
from boardsim.core.sweep import SWEEP_CODES, DilemmaOutcome, RunOutcome, SweepAggregator, balance_findings, summarise

DISPOSITIONS = [("system-first", "cautious"), ("cautious", "organisation-first"), ("reciprocator", "reciprocator")]


def _findings(runs: list[RunOutcome]) -> list[Finding]:
    aggregate = SweepAggregator(tiny_layout())
    aggregate.add_all(runs)
    return balance_findings(summarise(tiny_header(len(runs)), aggregate), tiny_layout())


def _codes(runs: list[RunOutcome]) -> list[str]:
    return [f.code for f in _findings(runs)]


def _balanced(run: int) -> RunOutcome:
    """A run where options rotate, budgets and trust are tied, nothing is breached or broken."""
    option = ("split", "council-pays", "icb-pays")[run % 3]
    return record(
        run,
        carried=option,
        votes=(option, option),
        dispositions=DISPOSITIONS[run % 3],
        breaches=(["no-cuts"], []) if run % 5 == 0 else ([], []),
    )


def test_a_balanced_sweep_has_no_findings() -> None:
    """Rotating options, tied members, a red line that sometimes bites: nothing to report."""
    assert _codes([_balanced(run) for run in range(120)]) == []


def test_dominant_option_needs_nine_runs_in_ten() -> None:
    """An option carrying 90% of decided runs is dominant; at 89% it is not."""

    def runs(dominant: int) -> list[RunOutcome]:
        out = []
        for run in range(100):
            option = "split" if run < dominant else ("council-pays" if run % 2 else "icb-pays")
            out.append(record(run, carried=option, votes=(option, option), dispositions=DISPOSITIONS[run % 3],
                              breaches=(["no-cuts"], []) if run % 5 == 0 else ([], [])))  # fmt: skip
        return out

    assert "sweep-dominant-option" in _codes(runs(90))
    assert "sweep-dominant-option" not in _codes(runs(89))
    finding = next(f for f in _findings(runs(95)) if f.code == "sweep-dominant-option")
    assert finding.path == ("dilemmas", 0, "options", 0)
    assert "cautious" in finding.message


def test_dead_option_that_was_never_selectable_says_so() -> None:
    """An option whose `requires` never held is dead, and the hint points at `requires:`."""
    runs = []
    for run in range(100):
        base = _balanced(run)
        option = "split" if run % 2 else "council-pays"
        outcome = DilemmaOutcome(decided=True, carried=option, choices={"council": option, "icb": option},
                                 selectable=["split", "council-pays"])  # fmt: skip
        runs.append(base.model_copy(update={"dilemmas": {"risk-share": outcome}}))
    dead = [f for f in _findings(runs) if f.code == "sweep-dead-option"]
    assert len(dead) == 1
    assert "icb-pays" in dead[0].message
    assert "requires" in dead[0].hint


def test_member_that_always_ends_worst_on_budget_and_trust() -> None:
    """The council ends with the bigger budget fall and the lower trust in every run: both findings name it."""
    runs = [
        _balanced(run).model_copy(
            update={"members": record(run, budgets=(9_000_000, 20_000_000), trust=(0.2, 0.7)).members}
        )
        for run in range(100)
    ]
    findings = {f.code: f for f in _findings(runs)}
    assert findings["sweep-always-worst-budget"].path == ("members", 0)
    assert "'council'" in findings["sweep-always-worst-trust"].message


def test_ties_are_nobodys_worst() -> None:
    """Equal budget changes and equal trust never make anyone 'always worst'."""
    codes = _codes([_balanced(run) for run in range(100)])
    assert "sweep-always-worst-budget" not in codes
    assert "sweep-always-worst-trust" not in codes


def test_red_line_that_never_bites_and_duty_always_breached() -> None:
    """A red line never crossed is a note; a duty breached in every run is a warning."""
    runs = [_balanced(run).model_copy(update={"members": record(run, breaches=([], ["break-even"])).members})
            for run in range(100)]  # fmt: skip
    findings = {f.code: f for f in _findings(runs)}
    assert findings["sweep-red-line-never-bites"].level == "info"
    assert findings["sweep-red-line-never-bites"].path == ("members", 0, "accountabilities", 0)
    assert findings["sweep-always-breached"].path == ("members", 1, "accountabilities", 0)


def test_pool_that_always_collapses() -> None:
    """A pool below its floor at the end of every run is reported at the pool."""
    runs = [_balanced(run).model_copy(update={"pools": {"bcf": -1}, "collapsed_pools": ["bcf"]}) for run in range(100)]
    finding = next(f for f in _findings(runs) if f.code == "sweep-pool-always-collapses")
    assert finding.path == ("pools", 0)


def test_commitment_that_is_always_broken() -> None:
    """joint-plan broken every time it was made is reported at the commitment."""
    runs = [_balanced(run).model_copy(update={"commitments_broken": ["joint-plan"]}) for run in range(100)]
    finding = next(f for f in _findings(runs) if f.code == "sweep-commitment-always-broken")
    assert finding.path == ("dilemmas", 0, "options", 0, "commitments", 0)


def test_dilemma_never_decided() -> None:
    """A dilemma that never closed is reported once, with no dead-option noise about its options."""
    runs = [_balanced(run).model_copy(update={"dilemmas": {}}) for run in range(100)]
    assert [c for c in _codes(runs) if c != "sweep-red-line-never-bites"] == ["sweep-never-decided"]


def test_every_code_used_is_registered_with_its_level() -> None:
    """Findings carry the level their code is registered with."""
    runs = [record(run, error="boom") for run in range(3)] + [_balanced(run) for run in range(3)]
    for finding in _findings(runs):
        assert finding.level == SWEEP_CODES[finding.code].level
