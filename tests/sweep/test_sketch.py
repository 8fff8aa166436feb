"""The fixed-size summary of a stream of numbers: exact where promised, within 1% where not, order-free."""

import math
import pickle
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boardsim.core.sweep.sketch import Sketch


def test_count_extremes_and_mean_are_exact() -> None:
    """Min, max and mean are exact to the millionth, computed from integers (here 1, 2, 3, 10 → mean 4)."""
    sketch = Sketch()
    sketch.add_all([3.0, 1.0, 10.0, 2.0, None])
    summary = sketch.distribution()
    assert (summary.count, summary.missing) == (4, 1)
    assert (summary.min, summary.max, summary.mean) == (1.0, 10.0, 4.0)


def test_mean_of_tenths_has_no_float_drift() -> None:
    """Adding 0.1 ten thousand times gives a mean of exactly 0.1 (float summation would drift)."""
    sketch = Sketch()
    sketch.add_all([0.1] * 10_000)
    assert sketch.distribution().mean == 0.1


def test_median_is_within_one_percent() -> None:
    """The median of 1..1001 is 501; the sketch reports it within its 1% relative accuracy."""
    sketch = Sketch()
    sketch.add_all(float(n) for n in range(1, 1002))
    median = sketch.quantile(0.5)
    assert median is not None
    assert median == pytest.approx(501, rel=0.01)


def test_quantiles_handle_negative_zero_and_positive_values() -> None:
    """Quantiles walk negative buckets, zeros, then positive buckets in value order."""
    sketch = Sketch()
    sketch.add_all([-5.0, -1.0, 0.0, 0.0, 0.0, 2.0, 8.0])
    assert sketch.quantile(0.0) == -5.0
    assert sketch.quantile(0.5) == 0.0
    assert sketch.quantile(1.0) == 8.0


def test_order_of_arrival_does_not_change_anything() -> None:
    """The same values in a shuffled order give an identical distribution, histogram included."""
    rng = Random(3)
    values = [rng.uniform(-1e6, 1e6) for _ in range(2_000)]
    forward, shuffled = Sketch(), Sketch()
    forward.add_all(values)
    rng.shuffle(values)
    shuffled.add_all(values)
    assert forward.distribution() == shuffled.distribution()


def test_merging_equals_adding_everything_to_one_sketch() -> None:
    """Two half-stream sketches merged equal one sketch of the whole stream."""
    rng = Random(4)
    values = [rng.gauss(0, 100) for _ in range(1_000)]
    whole, left, right = Sketch(), Sketch(), Sketch()
    whole.add_all(values)
    left.add_all(values[:400])
    right.add_all(values[400:])
    left.merge(right)
    assert left.distribution() == whole.distribution()


def test_bucket_count_is_bounded_by_the_range_not_the_number_of_values() -> None:
    """Values from £1 to £1m need at most log(1e6)/log(γ) ≈ 700 buckets, for 10,000 values or 100,000."""
    bound = math.ceil(math.log(1e6) / math.log(1.01 / 0.99)) + 1
    rng = Random(5)
    for count in (10_000, 100_000):
        sketch = Sketch()
        sketch.add_all(rng.uniform(1, 1e6) for _ in range(count))
        assert sketch.bucket_count <= bound


def test_histogram_spans_min_to_max_and_counts_every_value() -> None:
    """Display bins run from the exact minimum to the exact maximum and hold every value."""
    sketch = Sketch()
    sketch.add_all([0.0, 0.25, 0.5, 0.75, 1.0])
    bins = sketch.histogram(bins=4)
    assert bins[0].low == 0.0
    assert bins[-1].high == 1.0
    assert sum(b.count for b in bins) == 5


def test_non_finite_values_are_refused_with_a_message() -> None:
    """NaN or infinity cannot be summarised: a ValueError names the value."""
    with pytest.raises(ValueError, match="non-finite"):
        Sketch().add(float("nan"))
    with pytest.raises(ValueError, match="non-finite"):
        Sketch().add(float("inf"))


def test_empty_sketch_has_no_figures() -> None:
    """With no values, the distribution says so rather than inventing zeros."""
    summary = Sketch().distribution()
    assert summary.count == 0
    assert summary.median is None
    assert summary.histogram == []


@settings(derandomize=True, max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), min_size=1, max_size=200))
def test_any_stream_summary_is_exact_where_promised_and_close_elsewhere(values: list[float]) -> None:
    """For any stream: extremes exact to the quantum, and the median within 1% (plus one quantum) of a value
    at the median's rank in the sorted stream."""
    sketch = Sketch()
    sketch.add_all(values)
    summary = sketch.distribution()
    assert summary.min == round(min(values) * 1e6) / 1e6
    assert summary.max == round(max(values) * 1e6) / 1e6
    median = sketch.quantile(0.5)
    assert median is not None
    true_median = sorted(values)[int(0.5 * (len(values) - 1))]
    assert abs(median - true_median) <= 0.0101 * abs(true_median) + 1e-6


@settings(derandomize=True, max_examples=40, deadline=None)
@given(
    st.lists(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), max_size=100), st.randoms(use_true_random=False)
)
def test_any_split_and_merge_equals_one_sketch(values: list[float], rng: Random) -> None:
    """Cutting a stream anywhere and merging the two sketches gives exactly the sketch of the whole."""
    cut = rng.randint(0, len(values))
    whole, left, right = Sketch(), Sketch(), Sketch()
    whole.add_all(values)
    left.add_all(values[:cut])
    right.add_all(values[cut:])
    right.merge(left)
    assert right.distribution() == whole.distribution()


def test_values_are_counted_as_soon_as_they_are_added() -> None:
    """Counts, sums and extremes read right after `add` include every value added so far (kept values are
    folded in before anything is read)."""
    sketch = Sketch()
    sketch.add(2.5)
    sketch.add(None)
    sketch.add(-1.0)
    assert (sketch.count, sketch.missing, sketch.sum_q, sketch.min_q, sketch.max_q) == (
        2,
        1,
        1_500_000,
        -1_000_000,
        2_500_000,
    )
    assert sketch.bucket_count == 2


def test_a_pickled_sketch_is_the_same_sketch() -> None:
    """A sketch sent to another process (pickled, values still pending) summarises and merges as the original."""
    rng = Random(6)
    values = [rng.uniform(-50, 50) for _ in range(700)] + [0.0, None]
    original = Sketch()
    original.add_all(values)
    copied = pickle.loads(pickle.dumps(original))
    assert copied.distribution() == original.distribution()
    copied.add(3.0)
    original.add(3.0)
    assert copied.distribution() == original.distribution()


def test_a_value_too_large_to_quantise_is_refused_with_a_message() -> None:
    """A finite value whose millionths overflow a float is refused as clearly as infinity."""
    sketch = Sketch()
    sketch.add(1e308)
    with pytest.raises(ValueError, match="too large"):
        sketch.distribution()
