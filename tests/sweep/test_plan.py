"""Which runs a sweep plays: seeds and disposition mixes per seat, exhaustive or sampled, always lazy."""

import itertools
from collections import Counter

import pytest

from boardsim.core.sweep import MixError, SweepPlan, chunked, parse_mix
from boardsim.core.sweep.plan import ALL_DISPOSITIONS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("all", ALL_DISPOSITIONS),
        ("cautious", ("cautious",)),
        ("system-first, cautious", ("system-first", "cautious")),
    ],
)
def test_mix_is_all_or_a_comma_list(text: str, expected: tuple[str, ...]) -> None:
    """`all` means the four dispositions; a comma list keeps the order written."""
    assert parse_mix(text) == expected


@pytest.mark.parametrize("text", ["greedy", "cautious,cautious", "", "all,cautious"])
def test_bad_mix_is_refused_with_a_message(text: str) -> None:
    """Unknown or repeated dispositions raise MixError saying what to write."""
    with pytest.raises(MixError):
        parse_mix(text)


def test_exhaustive_plan_plays_every_mix_equally_often() -> None:
    """2 seats x 2 dispositions = 4 mixes; 8 runs play each mix exactly twice."""
    plan = SweepPlan(seed=1, runs=8, mix=("system-first", "cautious"), deciding_seats=("a", "b"))
    assert plan.exhaustive
    mixes = Counter(spec.dispositions for spec in plan.specs())
    assert len(mixes) == 4
    assert set(mixes.values()) == {2}


def test_sampled_plan_plays_distinct_mixes_and_balances_each_seat() -> None:
    """6 seats x 4 dispositions = 4,096 mixes; 400 runs get 400 distinct mixes, each seat near 100 per disposition."""
    seats = tuple(f"s{i}" for i in range(6))
    plan = SweepPlan(seed=9, runs=400, mix=ALL_DISPOSITIONS, deciding_seats=seats)
    assert not plan.exhaustive
    specs = list(plan.specs())
    assert len({spec.dispositions for spec in specs}) == 400
    for index in range(len(seats)):
        per_disposition = Counter(spec.dispositions[index][1] for spec in specs)
        assert min(per_disposition.values()) >= 70


def test_same_seed_same_plan_and_other_seed_other_runs() -> None:
    """A plan is a pure function of its seed: repeatable, and another seed gives other engine seeds."""
    make = lambda seed: list(SweepPlan(seed=seed, runs=50, mix=ALL_DISPOSITIONS, deciding_seats=("a", "b")).specs())  # noqa: E731
    assert make(1) == make(1)
    assert {s.seed for s in make(1)}.isdisjoint({s.seed for s in make(2)})


def test_run_seeds_do_not_depend_on_the_number_of_runs() -> None:
    """Run 7 has the same engine seed in a sweep of 10 runs and in one of 1,000."""
    short = SweepPlan(seed=3, runs=10, mix=("cautious",), deciding_seats=("a",))
    long = SweepPlan(seed=3, runs=1_000, mix=("cautious",), deciding_seats=("a",))
    assert next(itertools.islice(short.specs(), 7, None)).seed == next(itertools.islice(long.specs(), 7, None)).seed


def test_seats_that_never_decide_get_the_first_disposition() -> None:
    """Members who decide nothing do not multiply the mixes; they take the mix's first disposition."""
    plan = SweepPlan(seed=1, runs=4, mix=("cautious", "reciprocator"), deciding_seats=("a",), other_seats=("b",))
    assert plan.combinations == 2
    assert all(spec.disposition_map()["b"] == "cautious" for spec in plan.specs())


def test_plan_is_lazy_for_huge_sweeps() -> None:
    """A ten-million-run plan yields its first run at once: nothing is listed in advance."""
    plan = SweepPlan(seed=1, runs=10_000_000, mix=ALL_DISPOSITIONS, deciding_seats=tuple("abcdefghij"))
    first = next(plan.specs())
    assert first.run == 0


def test_chunks_cover_every_run_once_in_order() -> None:
    """Chunks of 4 over 10 runs are 4, 4 and 2 runs, in run order."""
    plan = SweepPlan(seed=1, runs=10, mix=("cautious",), deciding_seats=("a",))
    chunks = list(chunked(plan.specs(), 4))
    assert [len(c) for c in chunks] == [4, 4, 2]
    assert [spec.run for chunk in chunks for spec in chunk] == list(range(10))


@pytest.mark.parametrize("runs", [0, -1, 10_000_001])
def test_run_count_out_of_bounds_is_refused(runs: int) -> None:
    """A sweep has between 1 and ten million runs."""
    with pytest.raises(ValueError, match="between 1 and"):
        SweepPlan(seed=1, runs=runs, mix=("cautious",), deciding_seats=("a",))
