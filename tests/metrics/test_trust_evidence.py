"""What counts as trust evidence: commitments, costly cooperation, defection, pledges and explicit effects.

Every expected value is worked out by hand from E = (r + 1) / (r + s + 2), starting from no evidence (0.5).
"""

from __future__ import annotations

import pytest

from boardsim.core.metrics import Cause, MetricsTracker, TrustChange

from .factories import COUNCIL, DPH, ICB, NAMES, START_STATE, find_dilemma, make_scenario, option


def pairs(changes: list[TrustChange]) -> list[tuple[str, str, float, float]]:
    """(truster, trustee, after, evidence) for each change, evidence signed: + positive, − negative."""
    return [(c.truster, c.trustee, c.after, c.positive - c.negative) for c in changes]


def test_kept_commitment_gives_one_experience_to_each_member_it_was_owed_to() -> None:
    """Kept: +1 from each member owed (the maker itself is skipped): 0.5 → (1 + 1) / (1 + 2) = 0.666667."""
    tracker = MetricsTracker(make_scenario())
    changes = tracker.record_commitment(
        90, 12, "d2a-beds", ICB, [COUNCIL, ICB, DPH], True, "We will fund 40 discharge-to-assess beds."
    )
    assert pairs(changes) == [(COUNCIL, ICB, 0.666667, 1.0), (DPH, ICB, 0.666667, 1.0)]
    assert all(c.face == "integrity" and c.cause.kind == "commitment-kept" for c in changes)
    assert changes[0].cause == Cause(
        12,
        "commitment-kept",
        "Eastmere ICB kept its promise “We will fund 40 discharge-to-assess beds”, so Eastmere Council trusts it more.",
    )


def test_broken_commitment_weighs_one_and_a_half() -> None:
    """Broken: −1.5 from each member owed: 0.5 → (0 + 1) / (1.5 + 2) = 0.285714."""
    tracker = MetricsTracker(make_scenario())
    changes = tracker.record_commitment(90, 12, "d2a-beds", ICB, [COUNCIL], False, "We will fund 40 beds")
    assert pairs(changes) == [(COUNCIL, ICB, 0.285714, -1.5)]
    assert changes[0].cause.sentence == (
        "Eastmere ICB broke its promise “We will fund 40 beds”, so Eastmere Council trusts it less."
    )


def test_costly_cooperation_and_defection_in_individual_choices() -> None:
    """Council and ICB chip in £2m each; Public Health holds back.

    Chipping in costs the chooser £2m and lowers discharges (the shared purpose): +0.5 from both others,
    0.5 → 1.5 / 2.5 = 0.6. Holding back keeps £2m and does less for the shared purpose than the option most
    others chose: −0.75 from each of them, 0.5 → 1 / 2.75 = 0.363636.
    """
    scenario = make_scenario()
    tracker = MetricsTracker(scenario)
    changes = tracker.record_decisions(
        30,
        5,
        find_dilemma(scenario, "winter-money"),
        {DPH: "hold-back", COUNCIL: "chip-in", ICB: "chip-in"},
        START_STATE,
    )
    assert pairs(changes) == [
        (ICB, COUNCIL, 0.6, 0.5),
        (DPH, COUNCIL, 0.6, 0.5),
        (COUNCIL, ICB, 0.6, 0.5),
        (DPH, ICB, 0.6, 0.5),
        (COUNCIL, DPH, 0.363636, -0.75),
        (ICB, DPH, 0.363636, -0.75),
    ]
    assert {c.cause.kind for c in changes} == {"costly-cooperation", "defection"}
    assert all(c.face == "benevolence" for c in changes)
    assert changes[0].cause.sentence == (
        "Eastmere Council chose “Chip in” in “Winter money” at a cost of £2m to its own budget, for the good of "
        "the shared purpose, so Eastmere ICB trusts it more."
    )
    assert changes[-1].cause.sentence == (
        "Eastmere Public Health chose “Hold back” in “Winter money” while most of the board chose “Chip in”: it "
        "comes out £2m better off than with the others' choice, and the shared purpose is worse off, so Eastmere "
        "ICB trusts it less."
    )


def test_going_along_with_a_free_option_is_no_evidence() -> None:
    """Everyone holding back costs nobody anything and departs from nobody: no trust changes."""
    scenario = make_scenario()
    tracker = MetricsTracker(scenario)
    choices = dict.fromkeys((COUNCIL, ICB, DPH), "hold-back")
    assert tracker.record_decisions(30, 5, find_dilemma(scenario, "winter-money"), choices, START_STATE) == []


def test_a_vote_for_an_option_that_costs_the_voter_is_costly_cooperation() -> None:
    """Voting to split the overspend costs the council and the ICB £1m each (into the pool): +0.5 from the others.

    Public Health's vote for the same option costs it nothing, so it earns nothing; votes are never defections.
    """
    scenario = make_scenario()
    tracker = MetricsTracker(scenario)
    dilemma = find_dilemma(scenario, "risk-share")
    changes = tracker.record_decisions(60, 8, dilemma, {COUNCIL: "split", ICB: "split", DPH: "split"}, START_STATE)
    assert pairs(changes) == [
        (ICB, COUNCIL, 0.6, 0.5),
        (DPH, COUNCIL, 0.6, 0.5),
        (COUNCIL, ICB, 0.6, 0.5),
        (DPH, ICB, 0.6, 0.5),
    ]
    assert changes[0].cause.sentence.startswith("Eastmere Council voted for “Split it” in “Who carries the overspend?”")
    assert "to the benefit of its partners" in changes[0].cause.sentence


def test_a_choice_against_ones_own_priorities_for_the_place_is_costly_cooperation() -> None:
    """Public Health wants wellbeing up; an option that costs wellbeing but cuts discharges is a sacrifice."""
    dilemmas = [
        {
            "id": "beds",
            "title": "Beds or prevention",
            "prompt": "?",
            "at": "1 month",
            "deadline": "1 month",
            "default": "beds",
            "mode": {"kind": "individual"},
            "options": [
                option(
                    "beds",
                    "Fund beds",
                    {"kind": "change", "target": "discharges", "by": -20},
                    {"kind": "change", "target": "wellbeing", "by": -1},
                )
            ],
        }
    ]
    scenario = make_scenario(dilemmas=dilemmas, priorities={DPH: {"wellbeing": 1}})
    changes = MetricsTracker(scenario).record_decisions(30, 3, scenario.dilemmas[0], {DPH: "beds"}, START_STATE)
    assert pairs(changes) == [(COUNCIL, DPH, 0.6, 0.5), (ICB, DPH, 0.6, 0.5)]
    assert "against its own priorities" in changes[0].cause.sentence


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (3_000_000, [(ICB, COUNCIL, 0.555556, 0.25), (DPH, COUNCIL, 0.555556, 0.25)]),  # 0.5 × (3m − 2m)/(4m − 2m)
        (4_000_000, [(ICB, COUNCIL, 0.6, 0.5), (DPH, COUNCIL, 0.6, 0.5)]),  # the most it could: the full 0.5
        (2_000_000, []),  # exactly the midpoint: says nothing
        (0, [(ICB, COUNCIL, 0.444444, -0.25), (DPH, COUNCIL, 0.444444, -0.25)]),  # the minimum: 1 / 2.25
    ],
)
def test_pledges_are_judged_against_the_members_bounds(
    amount: int, expected: list[tuple[str, str, float, float]]
) -> None:
    """Bounds £0..£4m, midpoint £2m: above it earns up to +0.5; the bare minimum (council can afford more) −0.25."""
    scenario = make_scenario()
    tracker = MetricsTracker(scenario)
    dilemma = find_dilemma(scenario, "pledge-round")
    changes = tracker.record_pledges(45, 4, dilemma, {COUNCIL: amount}, {COUNCIL: (0, 4_000_000)})
    assert pairs(changes) == expected


def test_pledge_sentences_name_the_pool_and_the_bounds() -> None:
    """A generous pledge is explained with the amount, the pool's name and what the member could have given."""
    scenario = make_scenario()
    tracker = MetricsTracker(scenario)
    changes = tracker.record_pledges(45, 4, find_dilemma(scenario, "pledge-round"), {ICB: 4_000_000}, {})
    assert changes[0].cause.sentence == (
        "Eastmere ICB pledged £4m to the Better Care Fund in “Pledges to the Better Care Fund”, more than halfway "
        "between the least (£0) and the most (£4m) it could give, so Eastmere Council trusts it more."
    )


def test_minimum_pledge_from_a_member_at_its_floor_is_no_evidence() -> None:
    """A member whose budget is down to its floor could not give more: pledging the minimum is no signal."""
    scenario = make_scenario()
    tracker = MetricsTracker(scenario)
    tracker.record_money({DPH: 0}, {})
    assert tracker.record_pledges(45, 4, find_dilemma(scenario, "pledge-round"), {DPH: 0}, {DPH: (0, 4_000_000)}) == []


def test_explicit_evidence_completes_a_note_that_does_not_name_both_members() -> None:
    """A designer's note becomes '<note>, so <truster> trusts <trustee> more/less.'"""
    tracker = MetricsTracker(make_scenario())
    change = tracker.record_trust_evidence(
        20, COUNCIL, ICB, 0.0, 2.0, Cause(7, "trust-effect", "Home care providers hand back packages.")
    )
    assert change.cause == Cause(
        7, "trust-effect", "Home care providers hand back packages, so Eastmere Council trusts Eastmere ICB less."
    )
    assert change.after == 0.25  # (0 + 1) / (2 + 2)
    assert change.face is None


def test_explicit_evidence_keeps_a_note_that_names_both_members() -> None:
    """A note that already says who trusts whom is read out as written."""
    tracker = MetricsTracker(make_scenario())
    note = "Eastmere Council saw Eastmere ICB clear the backlog."
    change = tracker.record_trust_evidence(20, COUNCIL, ICB, 1.0, 0.0, Cause(7, "trust-effect", note), face="ability")
    assert change.cause.sentence == note
    assert change.face == "ability"


def test_every_trust_change_names_both_members() -> None:
    """Whatever produced it, every trust change's sentence names the truster and the trustee."""
    scenario = make_scenario()
    tracker = MetricsTracker(scenario)
    changes = [
        *tracker.record_decisions(
            30,
            1,
            find_dilemma(scenario, "winter-money"),
            {COUNCIL: "chip-in", ICB: "hold-back", DPH: "chip-in"},
            START_STATE,
        ),
        *tracker.record_decisions(
            31, 2, find_dilemma(scenario, "risk-share"), {COUNCIL: "split", ICB: "split", DPH: None}, START_STATE
        ),
        *tracker.record_pledges(40, 3, find_dilemma(scenario, "pledge-round"), {COUNCIL: 0, ICB: 4_000_000}, {}),
        *tracker.record_commitment(50, 4, "c", DPH, [COUNCIL, ICB], False, "We will publish the JSNA"),
        tracker.record_trust_evidence(60, ICB, DPH, 1, 0, Cause(5, "trust-effect", "")),
    ]
    assert len({c.cause.kind for c in changes}) == 6
    for change in changes:
        assert NAMES[change.truster] in change.cause.sentence
        assert NAMES[change.trustee] in change.cause.sentence


def test_explicit_sentence_follows_the_actual_move_of_trust() -> None:
    """Mixed evidence can lower a high trust: 3 good and 2 bad after 2 good gives 3/4 → 6/9, so 'less'."""
    tracker = MetricsTracker(make_scenario(trust=[{"from": COUNCIL, "to": ICB, "positive": 2}]))
    change = tracker.record_trust_evidence(0, COUNCIL, ICB, 3.0, 2.0, Cause(1, "trust-effect", "A mixed winter"))
    assert (change.before, change.after) == (0.75, 0.666667)  # (2 + 1) / 4, then (5 + 1) / (7 + 2)
    assert change.cause.sentence == "A mixed winter, so Eastmere Council trusts Eastmere ICB less."


@pytest.mark.parametrize(
    "note",
    ["", "   ", ".", "A leak to the press.", "a leak to the press", "Testshire ICB leaks.", "ICB and Council fall out"],
)
@pytest.mark.parametrize(("before", "after"), [(0.5, 0.6), (0.6, 0.5), (0.5, 0.5)])
def test_explicit_sentences_for_many_trusters_match_the_single_sentence(note: str, before: float, after: float) -> None:
    """The batch form used for `from: all` writes exactly the sentence `explicit_sentence` writes for each truster."""
    from boardsim.core.metrics.sentences import ExplicitSentences, explicit_sentence

    batch = ExplicitSentences("ICB", note)
    for truster in ("Council", "Testshire Council", "ICB partner"):
        assert batch(truster, before, after) == explicit_sentence(truster, "ICB", before, after, note)
