"""Commitments: made by choosing an option, checked automatically when due, kept or broken, moving trust."""

from __future__ import annotations

from typing import Any

from boardsim.core.engine import Session
from boardsim.core.engine.events import CommitmentMade, CommitmentSettled, TrustChanged

from .support import build, dilemma, of_type, play


def promising(kept_when: str, *, by: str = "lead", due: str = "2 months", mode: str = "vote", **extra: Any) -> Session:
    options = [
        {
            "id": "promise",
            "label": "Promise",
            "lead": "icb",
            "commitments": [
                {
                    "id": "hold-waits",
                    "by": by,
                    "promise": "We will keep waiting under 120.",
                    "due": due,
                    "kept_when": kept_when,
                }
            ],
        },
        {"id": "no", "label": "No"},
    ]
    scenario = build(dilemmas=[dilemma(options=options, default="no", mode={"kind": mode})], **extra)
    return play(scenario, forced={"d": "promise"})


def test_a_kept_commitment_is_settled_on_its_due_date_and_raises_trust_in_the_maker() -> None:
    """Due 2 months after the decision (day 30 -> day 91): kept, and every other member trusts the icb more."""
    session = promising("waiting < 120")
    (made,) = of_type(session, CommitmentMade)
    (settled,) = of_type(session, CommitmentSettled)
    assert (made.maker, made.owed_to, made.due_day) == ("icb", ["council", "trust"], 91)
    assert (settled.kept, settled.day, settled.cause_seq) == (True, 91, made.seq)
    changes = [event for event in of_type(session, TrustChanged) if event.cause_seq == settled.seq]
    assert {(event.truster, event.trustee) for event in changes} == {("council", "icb"), ("trust", "icb")}
    assert all(event.after > event.before for event in changes)
    assert session.evaluate('kept("hold-waits")') is True
    assert session.evaluate('broken("hold-waits")') is False


def test_a_broken_commitment_lowers_trust_in_the_maker() -> None:
    """kept_when fails on the due date: broken, and trust in the icb falls."""
    session = promising("waiting < 50")
    (settled,) = of_type(session, CommitmentSettled)
    assert settled.kept is False
    changes = [event for event in of_type(session, TrustChanged) if event.cause_seq == settled.seq]
    assert changes
    assert all(event.after < event.before for event in changes)
    assert session.evaluate('broken("hold-waits")') is True
    assert session.evaluate('kept("hold-waits")') is False


def test_each_chooser_makes_its_own_promise_in_individual_mode() -> None:
    """With `by: chooser`, every member who chose the option promises; kept() needs all of them kept."""
    session = promising("waiting < 120", by="chooser", mode="individual")
    makers = [event.maker for event in of_type(session, CommitmentMade)]
    assert makers == ["council", "icb", "trust"]
    assert len(of_type(session, CommitmentSettled)) == 3
    assert session.evaluate('kept("hold-waits")') is True


def test_a_commitment_due_after_the_horizon_stays_outstanding() -> None:
    """Due in 2 years, the promise never falls due: neither kept nor broken at the end."""
    session = promising("waiting < 120", due="2 years")
    assert len(of_type(session, CommitmentMade)) == 1
    assert of_type(session, CommitmentSettled) == []
    assert session.evaluate('kept("hold-waits") or broken("hold-waits")') is False
    assert [view.status for view in session.board_view().commitments] == ["pending"]
