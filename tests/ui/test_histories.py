"""The digest keeps every row of a run (nothing scrolls off the console for good), and a Dashboard's history is
a snapshot that rows added later do not change."""

from __future__ import annotations

import pytest

from boardsim.core.engine import HumanSeat, Session
from boardsim.core.engine import events as ev
from boardsim.core.scenario.model import Scenario
from boardsim.ui.digest import History, JournalDigest


def test_a_history_is_the_rows_there_were_when_it_was_made() -> None:
    """Rows appended after a History was made are not in it; a later History of the same list extends it."""
    rows = ["a", "b"]
    earlier = History(rows)
    rows.append("c")
    later = History(rows)
    assert list(earlier) == ["a", "b"]
    assert len(earlier) == 2
    assert earlier[-1] == "b"
    assert list(earlier[0:5]) == ["a", "b"]
    with pytest.raises(IndexError):
        earlier[2]
    assert later.extends(earlier)
    assert not earlier.extends(later)
    assert not History(["a", "b", "c"]).extends(earlier)


def test_the_digest_keeps_every_trust_change_and_timeline_entry(eastmere: Scenario) -> None:
    """A whole run's trust changes are all in the digest, in journal order, and so is every timeline line."""
    session = Session.start(eastmere, seed=7, seats={"public-health": HumanSeat("Dee")}, bots="system-first")
    digest = JournalDigest(eastmere)
    while not session.ended:
        stop = session.advance()
        for dilemma, member in stop.waiting:
            decision = session.member_view(member).open_decisions[0]
            if decision.mode == "pledge":
                session.submit(member, dilemma, amount=0)
            else:
                session.submit(member, dilemma, option=decision.options[0].id)
        digest.consume(session.events)
    changes = [event for event in session.events if isinstance(event, ev.TrustChanged)]
    assert len(changes) > 0
    assert list(digest.trust) == changes
    timeline = digest.timeline
    assert timeline[0].text == "The run starts"
    assert timeline[-1].text == "The run ends: the scenario's horizon is reached"
    assert [entry.seq for entry in timeline] == sorted(entry.seq for entry in timeline)
