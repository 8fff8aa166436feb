"""Board votes: rules, quorum, the default when a vote fails, abstention, absence and recorded dissent."""

from __future__ import annotations

from typing import Any

import pytest

from boardsim.core.engine import HumanSeat, Session
from boardsim.core.engine.events import DilemmaClosed, OptionApplied
from boardsim.core.engine.voting import count_votes
from boardsim.core.scenario.model import VoteMode

from .support import build, dilemma, of_type

MEMBERS = ["council", "icb", "trust"]


def humans() -> dict[str, Any]:
    return {member: HumanSeat(member) for member in MEMBERS}


def vote(rule: str = "majority", quorum: float = 0.5, default: str = "b") -> Session:
    scenario = build(
        dilemmas=[
            dilemma(
                mode={"kind": "vote", "rule": rule, "quorum": quorum},
                default=default,
                options=[
                    {"id": "a", "label": "A", "effects": [{"kind": "change", "target": "waiting", "by": -10}]},
                    {"id": "b", "label": "B", "effects": [{"kind": "change", "target": "waiting", "by": 10}]},
                    {"id": "c", "label": "C"},
                ],
            )
        ]
    )
    session = Session.start(scenario, seats=humans())
    assert session.advance().reason == "awaiting-decisions"
    return session


def cast(session: Session, ballots: dict[str, str | None]) -> DilemmaClosed:
    for member, option in ballots.items():
        session.submit(member, "d", option=option)
    if not session.runtime.dilemmas.is_closed("d"):
        session.close_dilemma("d")
    (closed,) = of_type(session, DilemmaClosed)
    return closed


def test_majority_carries_with_more_than_half_of_votes_cast() -> None:
    """Two of three votes for A is a majority: A carries and its effects apply once, for the board."""
    session = vote()
    closed = cast(session, {"council": "a", "icb": "a", "trust": "b"})
    assert (closed.carried, closed.outcome, closed.tally) == (True, "a", {"a": 2, "b": 1, "c": 0})
    applied = of_type(session, OptionApplied)
    assert [(event.option, event.chooser) for event in applied] == [("a", None)]
    assert session.state_values()["waiting"] == 90


def test_majority_fails_on_a_split_and_the_default_applies() -> None:
    """One vote each for A, B and C is no majority: not carried, and the dilemma's default (B) applies."""
    session = vote()
    closed = cast(session, {"council": "a", "icb": "b", "trust": "c"})
    assert closed.carried is False
    assert closed.outcome == "b"
    assert session.evaluate('chosen("d")') == "b"
    assert session.state_values()["waiting"] == 110


def test_no_quorum_means_the_default_applies_even_if_everyone_who_voted_agreed() -> None:
    """With quorum 0.75, one vote for A and two abstentions is inquorate: A does not carry."""
    session = vote(quorum=0.75)
    closed = cast(session, {"council": "a", "icb": None, "trust": None})
    assert closed.quorum_met is False
    assert closed.carried is False
    assert closed.outcome == "b"
    assert closed.abstained == ["icb", "trust"]


def test_quorum_counts_only_ballots_cast_for_an_option() -> None:
    """Two of three voting (0.67) meets a 0.6 quorum; abstaining does not count towards it."""
    session = vote(quorum=0.6)
    closed = cast(session, {"council": "a", "icb": "a", "trust": None})
    assert closed.quorum_met is True
    assert closed.outcome == "a"


def test_consensus_lets_members_stand_aside_by_abstaining() -> None:
    """Consensus: A carries when nobody votes for anything else, even with an abstention."""
    session = vote(rule="consensus")
    closed = cast(session, {"council": "a", "icb": "a", "trust": None})
    assert closed.carried is True
    assert closed.outcome == "a"


def test_consensus_is_broken_by_a_single_vote_elsewhere() -> None:
    """Consensus: one vote for B among votes for A means no consensus, so the default applies."""
    session = vote(rule="consensus", default="c")
    closed = cast(session, {"council": "a", "icb": "a", "trust": "b"})
    assert closed.carried is False
    assert closed.outcome == "c"


def test_unanimity_needs_every_decider_to_vote_for_it() -> None:
    """Unanimity: an abstention blocks A, even though nobody voted against it."""
    session = vote(rule="unanimity", default="c")
    closed = cast(session, {"council": "a", "icb": "a", "trust": None})
    assert closed.carried is False
    assert closed.outcome == "c"


def test_unanimity_carries_when_all_vote_the_same() -> None:
    """Unanimity: three votes for A out of three deciders carries."""
    session = vote(rule="unanimity")
    closed = cast(session, {"council": "a", "icb": "a", "trust": "a"})
    assert closed.carried is True


def test_dissent_is_everyone_who_voted_for_something_other_than_the_outcome() -> None:
    """Dissent lists the members whose ballot was for another option (abstentions are not dissent)."""
    session = vote(quorum=0.3)
    closed = cast(session, {"council": "a", "icb": "a", "trust": "c"})
    assert closed.dissent == ["trust"]
    assert closed.choices == {"council": "a", "icb": "a", "trust": "c"}


def test_a_decider_who_never_votes_is_absent_and_listed_as_defaulted() -> None:
    """At the deadline, a seat that never voted is absent: it casts no ballot and is listed in `defaulted`."""
    session = vote(quorum=0.6)
    session.submit("council", "d", option="a")
    session.submit("icb", "d", option="a")
    assert session.advance().reason == "ended"
    (closed,) = of_type(session, DilemmaClosed)
    assert closed.reason == "deadline"
    assert closed.defaulted == ["trust"]
    assert closed.choices["trust"] is None
    assert closed.outcome == "a"


def test_ballots_stay_hidden_from_other_members_until_the_count() -> None:
    """Before the count, another member's view shows that council has voted, never how."""
    session = vote()
    session.submit("council", "d", option="a")
    view = session.member_view("icb")
    (open_decision,) = view.open_decisions
    assert open_decision.decided == ["council"]
    assert open_decision.your_choice is None
    assert '"your_choice":"a"' not in view.model_dump_json()


@pytest.mark.parametrize(
    ("rule", "ballots", "carried"),
    [
        ("majority", {"x": "a", "y": "a", "z": "b", "w": None}, "a"),  # 2 of 3 cast
        ("majority", {"x": "a", "y": "b", "z": None, "w": None}, None),  # 1 of 2 is not more than half
        ("consensus", {"x": "a", "y": None, "z": None, "w": None}, "a"),
        ("unanimity", {"x": "a", "y": "a", "z": "a", "w": "a"}, "a"),
        ("unanimity", {"x": "a", "y": "a", "z": "a"}, None),  # w absent
    ],
)
def test_count_votes_rules_table(rule: str, ballots: dict[str, str | None], carried: str | None) -> None:
    """The counting function on its own, for each rule (quorum 0.25 so only the rule decides)."""
    mode = VoteMode.model_validate({"kind": "vote", "rule": rule, "quorum": 0.25})
    count = count_votes(mode, ["a", "b"], ["x", "y", "z", "w"], ballots)
    assert count.carried == carried
