"""The run-independent part of the metrics (`MetricsPlan`) and the hot path's trust rows change nothing.

A sweep shares one MetricsPlan (with its appraisal memo) between thousands of trackers, the engine takes
trust changes as plain rows, and an outcomes-only run asks for no sentences. Over arbitrary sequences of facts
each of these must give exactly what a fresh, explaining tracker gives.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from boardsim.core.metrics import Cause, MetricsPlan, MetricsTracker, TrustChange

from .factories import COUNCIL, ICB, make_scenario
from .test_metric_ranges import SCENARIO, Fact, facts, feed


def replay(tracker: MetricsTracker, sequence: list[Fact]) -> tuple[list[TrustChange], list[str]]:
    """Feed the facts to `tracker`; every trust change and every snapshot's JSON."""
    return feed(tracker, sequence, note="A note.")


SHARED = MetricsPlan(SCENARIO)
"""One plan for every example below, so its memo is warm with other sequences' states, as in a sweep."""


@settings(derandomize=True, max_examples=60, deadline=None)
@given(st.lists(facts, max_size=20))
def test_a_shared_plan_gives_what_a_fresh_tracker_gives(sequence: list[Fact]) -> None:
    """Trackers sharing one MetricsPlan produce the same trust changes and snapshots as one deriving its own."""
    assert replay(MetricsTracker(SCENARIO, plan=SHARED), sequence) == replay(MetricsTracker(SCENARIO), sequence)


@settings(derandomize=True, max_examples=60, deadline=None)
@given(st.lists(facts, max_size=20))
def test_trust_changes_from_rows_equal_validated_ones(sequence: list[Fact]) -> None:
    """Every TrustChange built from a row is the model validation would build: same fields, same JSON."""
    changes, _ = replay(MetricsTracker(SCENARIO, plan=SHARED), sequence)
    for change in changes:
        validated = TrustChange.model_validate(change.model_dump())
        assert validated == change
        assert validated.model_dump_json() == change.model_dump_json()


@settings(derandomize=True, max_examples=60, deadline=None)
@given(st.lists(facts, max_size=20))
def test_without_explanations_only_the_sentences_go(sequence: list[Fact]) -> None:
    """explain=False: the same changes with empty sentences, and the very same snapshots."""
    explained, explained_snapshots = replay(MetricsTracker(SCENARIO), sequence)
    quiet, quiet_snapshots = replay(MetricsTracker(SCENARIO, explain=False), sequence)
    assert quiet_snapshots == explained_snapshots
    assert [change.cause.sentence for change in quiet] == [""] * len(quiet)
    strip = [
        change.model_copy(update={"cause": Cause(change.cause.event_seq, change.cause.kind, "")})
        for change in explained
    ]
    assert quiet == strip


def test_a_plan_for_another_scenario_is_not_used() -> None:
    """A plan built for a different scenario object is ignored: the tracker derives its own."""
    other = make_scenario(trust=[{"from": COUNCIL, "to": ICB, "positive": 9}])
    tracker = MetricsTracker(other, plan=SHARED)
    assert (
        tracker.trust(COUNCIL, ICB)
        == MetricsTracker(other).trust(COUNCIL, ICB)
        != MetricsTracker(SCENARIO).trust(COUNCIL, ICB)
    )


def test_rows_are_the_models_without_day_and_cause_seq() -> None:
    """The row API and the model API record the same change."""
    by_rows = MetricsTracker(SCENARIO)
    by_models = MetricsTracker(SCENARIO)
    rows = by_rows.record_trust_evidence_rows(12, [COUNCIL], ICB, 2.0, 0.5, Cause(4, "effect", "A note."))
    change = by_models.record_trust_evidence(12, COUNCIL, ICB, 2.0, 0.5, Cause(4, "effect", "A note."))
    assert [TrustChange.from_row(12, 4, row) for row in rows] == [change]
