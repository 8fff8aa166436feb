"""Summary statistics of four hand-made runs of the tiny two-member scenario, checked against hand arithmetic.

The four runs (council disposition, ICB disposition; votes; carried option; budgets council/ICB):
  0  system-first / system-first   split, split          split      £9m / £20m    trust 0.4 / 0.6
  1  cautious / system-first       council-pays, split   split      £8m / £21m    trust 0.2 / 0.8
  2  cautious / cautious           icb-pays, icb-pays    icb-pays   £10m / £18m   trust 0.7 / 0.3
  3  organisation-first / cautious split, abstain        split      £7m / £20m    trust 0.1 / 0.9
Starting budgets are £10m (council) and £20m (ICB).
"""

import pytest
from sweep_helpers import record, tiny_header, tiny_layout

from boardsim.core.sweep import BalanceReport, RunOutcome, SweepAggregator, balance_findings, summarise

RUNS = [
    record(0, carried="split", votes=("split", "split"), dispositions=("system-first", "system-first"),
           budgets=(9_000_000, 20_000_000), trust=(0.4, 0.6), breaches=(["no-cuts"], []), composite=0.5,
           purpose=0.2, pool=1_000_000, kept=["joint-plan"]),
    record(1, carried="split", votes=("council-pays", "split"), dispositions=("cautious", "system-first"),
           budgets=(8_000_000, 21_000_000), trust=(0.2, 0.8), composite=0.3, purpose=-0.1, pool=-500_000,
           broken=["joint-plan"]),
    record(2, carried="icb-pays", votes=("icb-pays", "icb-pays"), dispositions=("cautious", "cautious"),
           budgets=(10_000_000, 18_000_000), trust=(0.7, 0.3), breaches=([], ["break-even"]), composite=0.9,
           purpose=0.5, pool=2_000_000),
    record(3, carried="split", votes=("split", None), dispositions=("organisation-first", "cautious"),
           budgets=(7_000_000, 20_000_000), trust=(0.1, 0.9), breaches=(["no-cuts"], []), composite=0.4,
           purpose=0.0, pool=1_000_000, kept=["joint-plan"]),
]  # fmt: skip


def _report(runs: list[RunOutcome]) -> BalanceReport:
    aggregate = SweepAggregator(tiny_layout())
    aggregate.add_all(runs)
    return summarise(tiny_header(len(runs)), aggregate)


@pytest.fixture(scope="module")
def report() -> BalanceReport:
    return _report(RUNS)


def test_how_often_each_option_carried(report: BalanceReport) -> None:
    """split carried 3 of 4 decided runs, icb-pays 1, council-pays none."""
    options = {o.id: o for o in report.dilemmas[0].options}
    assert report.dilemmas[0].decided == 4
    assert [(o.carried, o.chosen_share) for o in options.values()] == [(3, 0.75), (0, 0.0), (1, 0.25)]


def test_votes_by_disposition(report: BalanceReport) -> None:
    """Decisions: system-first 3, cautious 4 (one abstention), organisation-first 1; split won every
    system-first and organisation-first vote and no cautious one."""
    dilemma = report.dilemmas[0]
    assert dilemma.decisions_by_disposition == {"cautious": 4, "organisation-first": 1, "system-first": 3}
    assert dilemma.abstentions == 1
    split = dilemma.options[0]
    assert split.picks == 4
    assert split.picks_by_disposition == {"organisation-first": 1, "system-first": 3}
    assert split.pick_share_by_disposition == {"cautious": 0.0, "organisation-first": 1.0, "system-first": 1.0}


def test_outcome_spread_when_an_option_carried(report: BalanceReport) -> None:
    """Runs where split carried ended with purpose scores 0.2, -0.1, 0.0 and composite alignment 0.5, 0.3, 0.4."""
    split = report.dilemmas[0].options[0]
    assert (split.outcome_purpose.min, split.outcome_purpose.max) == (-0.1, 0.2)
    assert split.outcome_purpose.mean == pytest.approx(0.1 / 3, abs=1e-9)
    assert split.outcome_purpose.median == pytest.approx(0.0, abs=1e-6)
    assert split.outcome_alignment.mean == pytest.approx(0.4)
    assert split.outcome_alignment.median == pytest.approx(0.4, rel=0.01)


def test_budget_changes_per_member(report: BalanceReport) -> None:
    """Council changes -£1m, -£2m, 0, -£3m (mean -£1.5m); ICB 0, +£1m, -£2m, 0 (mean -£0.25m)."""
    council, icb = report.members
    assert (council.budget_change.min, council.budget_change.max, council.budget_change.mean) == (
        -3_000_000,
        0,
        -1_500_000,
    )
    assert icb.budget_change.mean == -250_000
    assert council.budget_end.mean == 8_500_000


def test_who_ended_worst(report: BalanceReport) -> None:
    """Relative to its start the council lost most in runs 0, 1 and 3, the ICB in run 2; trust likewise."""
    council, icb = report.members
    assert (council.worst_budget_runs, icb.worst_budget_runs) == (3, 1)
    assert (council.worst_trust_runs, icb.worst_trust_runs) == (3, 1)
    assert report.sweep.budget_compared_runs == 4


def test_breaches_and_red_lines(report: BalanceReport) -> None:
    """The council's red line was crossed in runs 0 and 3; the ICB's duty in run 2."""
    council, icb = report.members
    assert council.breached_runs == 2
    assert council.accountabilities[0].breached_share == 0.5
    assert icb.accountabilities[0].breached_runs == 1
    assert council.breach_entries.mean == 0.5


def test_trust_received_distribution(report: BalanceReport) -> None:
    """The ICB received trust 0.6, 0.8, 0.3, 0.9: min 0.3, max 0.9, mean 0.65."""
    icb = report.members[1]
    assert (icb.trust_received.min, icb.trust_received.max) == (0.3, 0.9)
    assert icb.trust_received.mean == pytest.approx(0.65)


def test_pool_collapse_and_commitments(report: BalanceReport) -> None:
    """The pool ended below its floor once; joint-plan was made 3 times, kept twice, broken once."""
    pool = report.pools[0]
    assert (pool.collapsed_runs, report.runs_with_collapse) == (1, 1)
    assert pool.balance.mean == 875_000
    commitment = report.commitments[0]
    assert (commitment.made, commitment.kept, commitment.broken) == (3, 2, 1)
    assert report.runs_with_broken_commitment == 1


def test_findings_of_the_four_runs(report: BalanceReport) -> None:
    """council-pays never carried (dead, though it won a vote); four runs are too few; nothing else."""
    findings = balance_findings(report, tiny_layout())
    assert [f.code for f in findings] == ["sweep-dead-option", "sweep-few-runs"]
    dead = findings[0]
    assert dead.path == ("dilemmas", 0, "options", 1)
    assert "won 1 vote but never carried" in dead.message
    assert dead.level == "warning"


def test_failed_runs_are_counted_and_the_first_is_named() -> None:
    """A run that failed is not averaged in; the lowest-numbered failure is reported with its seed."""
    runs = [*RUNS, record(9, error="boom"), record(5, error="first boom")]
    report = _report(runs)
    assert (report.sweep.played, report.sweep.failed) == (4, 2)
    assert report.sweep.first_failure is not None
    assert report.sweep.first_failure.run == 5
    findings = balance_findings(report, tiny_layout())
    assert findings[0].code == "sweep-run-failed"
    assert findings[0].level == "error"
    assert "--seed 1005" in findings[0].hint
