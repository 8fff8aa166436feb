"""How one run is counted: each thing once per run, however often the record repeats it; unknown ids ignored."""

from engine_scenarios import choice_scenario
from sweep_helpers import record, tiny_layout

from boardsim.core.sweep import DilemmaOutcome, MemberOutcome, RunOutcome, SweepAggregator, scenario_layout


def _individual_run(choices: dict[str, str | None], *, purpose: float, composite: float) -> RunOutcome:
    """A run of the two-member individual-choice scenario (council and ICB choose for themselves)."""
    return RunOutcome(
        run=0,
        seed=1,
        dispositions={"council": "cautious", "icb": "reciprocator"},
        dilemmas={
            "spend": DilemmaOutcome(
                decided=True,
                carried="fix-waits",
                choices=choices,
                selectable=["fix-waits", "wait-and-see", "fix-waits", "no-such-option"],
            )
        },
        members={
            "council": MemberOutcome(budget_end=10_000_000, breaches=["solvent", "solvent"], breach_entries=2),
            "icb": MemberOutcome(budget_end=500_000, breaches=[], breach_entries=0),
            "nobody": MemberOutcome(budget_end=1, breaches=["solvent"], breach_entries=1),
        },
        alignment_composite=composite,
        purpose_score=purpose,
    )


def test_an_option_two_members_chose_is_one_run_with_two_picks_and_one_outcome() -> None:
    """Both members choosing fix-waits: 2 picks (one per disposition), 1 run picked, and the run's purpose
    and composite counted once for it; an option listed twice as selectable is selectable once."""
    aggregate = SweepAggregator(scenario_layout(choice_scenario()))
    aggregate.add(_individual_run({"council": "fix-waits", "icb": "fix-waits"}, purpose=0.4, composite=0.6))
    tally = aggregate.dilemmas["spend"].options["fix-waits"]
    assert (tally.picks, tally.picked_runs, tally.carried, tally.selectable_runs) == (2, 1, 1, 1)
    assert tally.picks_by_disposition == {"cautious": 1, "reciprocator": 1}
    assert (tally.purpose.count, tally.purpose.sum_q, tally.composite.sum_q) == (1, 400_000, 600_000)
    unpicked = aggregate.dilemmas["spend"].options["burn-money"]
    assert (unpicked.picks, unpicked.picked_runs, unpicked.purpose.count, unpicked.selectable_runs) == (0, 0, 0, 0)


def test_individual_choices_each_count_the_run_for_their_option() -> None:
    """Council fixing waits and the ICB burning money: each option has the run once; unknown options are
    ignored but still count as a decision by that disposition."""
    aggregate = SweepAggregator(scenario_layout(choice_scenario()))
    aggregate.add(_individual_run({"council": "fix-waits", "icb": "burn-money"}, purpose=-0.2, composite=0.1))
    aggregate.add(_individual_run({"council": "no-such-option", "icb": None}, purpose=0.0, composite=0.0))
    dilemma = aggregate.dilemmas["spend"]
    assert (dilemma.decided, dilemma.abstentions) == (2, 1)
    assert dilemma.decisions_by_disposition == {"cautious": 2, "reciprocator": 2}
    assert dilemma.options["burn-money"].purpose.sum_q == -200_000
    assert dilemma.options["fix-waits"].picked_runs == 1


def test_breaches_count_each_accountability_once_per_run_and_unknown_members_are_ignored() -> None:
    """A record naming the same breach twice counts one breached run of it; a member the layout does not
    know adds nothing; the ICB, lowest on budget, is the run's worst."""
    aggregate = SweepAggregator(scenario_layout(choice_scenario()))
    aggregate.add(_individual_run({"council": "fix-waits", "icb": "fix-waits"}, purpose=0.0, composite=0.0))
    council = aggregate.members["council"]
    assert (council.breached_runs, council.accountability_breached, council.breach_entries.sum_q) == (
        1,
        {"solvent": 1},
        2_000_000,
    )
    assert set(aggregate.members) == {"council", "icb"}
    assert (aggregate.budget_compared_runs, aggregate.members["icb"].worst_budget) == (1, 1)


def test_in_a_vote_only_the_option_that_carried_gets_the_runs_outcome() -> None:
    """Votes split between split and council-pays with split carried: split has the run's purpose score,
    council-pays was picked but did not carry, so it has none."""
    aggregate = SweepAggregator(tiny_layout())
    aggregate.add(record(0, carried="split", votes=("council-pays", "split"), purpose=0.3))
    options = aggregate.dilemmas["risk-share"].options
    assert (options["split"].carried, options["split"].purpose.sum_q) == (1, 300_000)
    assert (options["council-pays"].picked_runs, options["council-pays"].purpose.count) == (1, 0)


def test_repeated_pools_and_commitments_count_once_per_run() -> None:
    """A collapsed pool or a broken commitment listed twice in a record counts one run."""
    run = record(0, pool=-1, broken=["joint-plan", "joint-plan"]).model_copy(update={"collapsed_pools": ["bcf", "bcf"]})
    aggregate = SweepAggregator(tiny_layout())
    aggregate.add(run)
    assert (aggregate.pool_collapsed["bcf"], aggregate.runs_with_collapse) == (1, 1)
    assert (aggregate.commitments_broken["joint-plan"], aggregate.runs_with_broken_commitment) == (1, 1)


def test_ties_for_lowest_trust_are_nobodys_worst_and_a_unique_lowest_is() -> None:
    """Equal lowest trust received names nobody; a strictly lowest one names its member."""
    aggregate = SweepAggregator(tiny_layout())
    aggregate.add(record(0, trust=(0.4, 0.4)))
    aggregate.add(record(1, trust=(0.3, 0.4)))
    assert aggregate.trust_compared_runs == 2
    assert (aggregate.members["council"].worst_trust, aggregate.members["icb"].worst_trust) == (1, 0)
