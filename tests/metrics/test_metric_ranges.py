"""Properties over arbitrary sequences of facts: every metric stays in range, every change explains itself,
and replaying the same facts gives the same JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from boardsim.core.metrics import Cause, MetricsTracker, TrustChange

from .factories import COUNCIL, DPH, ICB, NAMES, find_dilemma, make_scenario

MEMBERS = [COUNCIL, ICB, DPH]
SCENARIO = make_scenario(
    trust=[{"from": COUNCIL, "to": ICB, "positive": 3, "negative": 1}, {"from": DPH, "to": ICB, "negative": 5}],
    priorities={COUNCIL: {"discharges": -0.6, "wellbeing": 0.3}, DPH: {"wellbeing": 1}},
)
VOTE_OPTIONS = [None, "split", "council-carries", "nobody"]
INDIVIDUAL_OPTIONS = [None, "chip-in", "hold-back"]


@dataclass(frozen=True)
class Fact:
    """One thing the engine could tell the tracker, after `gap` days."""

    kind: str
    gap: int
    data: Any


members = st.sampled_from(MEMBERS)
state = st.fixed_dictionaries(
    {"discharges": st.floats(0, 200, allow_nan=False), "wellbeing": st.floats(0, 10, allow_nan=False)}
)
facts = st.one_of(
    st.builds(
        Fact,
        st.just("evidence"),
        st.integers(0, 90),
        st.tuples(
            st.permutations(MEMBERS).map(lambda pair: pair[:2]),
            st.floats(0, 5, allow_nan=False),
            st.floats(0, 5, allow_nan=False),
        ),
    ),
    st.builds(
        Fact,
        st.just("vote"),
        st.integers(0, 90),
        st.tuples(st.dictionaries(members, st.sampled_from(VOTE_OPTIONS)), state),
    ),
    st.builds(
        Fact,
        st.just("individual"),
        st.integers(0, 90),
        st.tuples(st.dictionaries(members, st.sampled_from(INDIVIDUAL_OPTIONS)), state),
    ),
    st.builds(Fact, st.just("pledge"), st.integers(0, 90), st.dictionaries(members, st.integers(0, 4_000_000))),
    st.builds(
        Fact,
        st.just("commitment"),
        st.integers(0, 90),
        st.tuples(members, st.lists(members, unique=True), st.booleans()),
    ),
    st.builds(Fact, st.just("lead"), st.integers(0, 90), members),
    st.builds(
        Fact,
        st.just("money"),
        st.integers(0, 90),
        st.tuples(
            st.dictionaries(members, st.integers(-50_000_000, 300_000_000)), st.integers(-10_000_000, 100_000_000)
        ),
    ),
)


def feed(tracker: MetricsTracker, sequence: list[Fact], note: str = "") -> tuple[list[TrustChange], list[str]]:
    """Feed the facts to `tracker` (explicit evidence carries `note`); every trust change and snapshot JSON."""
    changes: list[TrustChange] = []
    snapshots: list[str] = []
    day = 0
    for seq, fact in enumerate(sequence):
        day += fact.gap
        if fact.kind == "evidence":
            (truster, trustee), positive, negative = fact.data
            changes.append(
                tracker.record_trust_evidence(day, truster, trustee, positive, negative, Cause(seq, "x", note))
            )
        elif fact.kind == "vote":
            changes += tracker.record_decisions(day, seq, find_dilemma(SCENARIO, "risk-share"), *fact.data)
        elif fact.kind == "individual":
            changes += tracker.record_decisions(day, seq, find_dilemma(SCENARIO, "winter-money"), *fact.data)
        elif fact.kind == "pledge":
            changes += tracker.record_pledges(day, seq, find_dilemma(SCENARIO, "pledge-round"), fact.data, {})
        elif fact.kind == "commitment":
            maker, owed_to, kept = fact.data
            changes += tracker.record_commitment(day, seq, "c", maker, owed_to, kept, "We will do it")
        elif fact.kind == "lead":
            tracker.record_lead(day, fact.data)
        else:
            budgets, pool = fact.data
            tracker.record_money(budgets, {"bcf-pool": pool})
        snapshots.append(tracker.snapshot(day, seq).model_dump_json())
    return changes, snapshots


def replay(sequence: list[Fact]) -> tuple[MetricsTracker, list[TrustChange], list[str]]:
    """Feed the facts to a fresh tracker; returns it, every trust change and every snapshot's JSON."""
    tracker = MetricsTracker(SCENARIO)
    changes, snapshots = feed(tracker, sequence)
    return tracker, changes, snapshots


def in_unit_range(value: float | None) -> bool:
    """None (not measurable yet) or within 0..1."""
    return value is None or 0.0 <= value <= 1.0


@settings(derandomize=True, max_examples=80, deadline=None)
@given(st.lists(facts, max_size=25))
def test_every_metric_stays_within_its_range(sequence: list[Fact]) -> None:
    """Whatever happens, trust, alignment, leadership and say–do gap stay within 0..1."""
    tracker, changes, _ = replay(sequence)
    snapshot = tracker.snapshot(tracker.day, len(sequence))
    assert all(0.0 <= value <= 1.0 for row in snapshot.trust.values() for value in row.values())
    assert 0.0 <= snapshot.board_trust <= 1.0
    assert 0.0 <= snapshot.resource_alignment <= 1.0
    for value in (
        snapshot.goal_alignment,
        snapshot.vote_cohesion,
        snapshot.alignment_composite,
        snapshot.leadership_distribution,
        *snapshot.say_do_gap.values(),
    ):
        assert in_unit_range(value)
    for change in changes:
        assert 0.0 <= change.before <= 1.0
        assert 0.0 <= change.after <= 1.0
        assert change.positive >= 0.0
        assert change.negative >= 0.0


@settings(derandomize=True, max_examples=40, deadline=None)
@given(st.lists(facts, max_size=25))
def test_every_change_explains_itself_in_the_right_direction(sequence: list[Fact]) -> None:
    """Each trust change has a sentence naming both members that says which way trust moved.

    Only good experiences never lower trust, only bad ones never raise it.
    """
    _, changes, _ = replay(sequence)
    for change in changes:
        sentence = change.cause.sentence
        assert NAMES[change.truster] in sentence
        assert NAMES[change.trustee] in sentence
        if change.after > change.before:
            assert "more" in sentence
        elif change.after < change.before:
            assert "less" in sentence
        if change.negative == 0.0:
            assert change.after >= change.before
        if change.positive == 0.0:
            assert change.after <= change.before


@settings(derandomize=True, max_examples=30, deadline=None)
@given(st.lists(facts, max_size=20))
def test_replaying_the_same_facts_gives_the_same_json(sequence: list[Fact]) -> None:
    """Two trackers fed the same facts agree byte for byte on every snapshot and change."""
    _, first_changes, first_snapshots = replay(sequence)
    _, second_changes, second_snapshots = replay(sequence)
    assert first_snapshots == second_snapshots
    assert [c.model_dump_json() for c in first_changes] == [c.model_dump_json() for c in second_changes]
