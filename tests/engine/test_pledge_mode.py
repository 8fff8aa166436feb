"""Pledges: amounts within each member's bounds move from its budget into the pool, with a ledger per contributor."""

from __future__ import annotations

import pytest

from boardsim.core.engine import HumanSeat, Session, SessionError
from boardsim.core.engine.events import DecisionMade, DilemmaClosed, MoneyMoved

from .support import build, dilemma, of_type


def pledging(default: str = "£0") -> Session:
    scenario = build(
        dilemmas=[
            dilemma(
                mode={
                    "kind": "pledge",
                    "pool": "fund",
                    "min": "£0",
                    "max": "£3m",
                    "bounds": {"icb": {"min": "£1m", "max": "£5m"}},
                },
                default=default,
                options=[],
            )
        ]
    )
    session = Session.start(scenario, seats={m: HumanSeat(m) for m in ("council", "icb", "trust")})
    assert session.advance().reason == "awaiting-decisions"
    return session


def test_pledges_move_from_each_budget_into_the_pool_when_the_dilemma_closes() -> None:
    """Each pledge is a money move from the member's budget to the pool; nothing moves before the close."""
    session = pledging()
    session.submit("council", "d", amount="£2m")
    session.submit("icb", "d", amount=4_000_000)
    assert of_type(session, MoneyMoved) == []
    session.submit("trust", "d", amount="£500k")
    assert session.budgets() == {"council": 8_000_000, "icb": 16_000_000, "trust": 4_500_000}
    assert session.pools() == {"fund": 7_500_000}
    assert [(e.from_account, e.amount) for e in of_type(session, MoneyMoved)] == [
        ("council", 2_000_000),
        ("icb", 4_000_000),
        ("trust", 500_000),
    ]


def test_the_pool_keeps_a_ledger_of_what_each_contributor_put_in() -> None:
    """The board view's pool shows each contributor's net contribution."""
    session = pledging()
    session.submit("council", "d", amount="£2m")
    session.submit("icb", "d", amount="£1m")
    session.submit("trust", "d", amount="£0")
    (pool,) = session.board_view().pools
    assert pool.contributions == {"council": 2_000_000, "icb": 1_000_000}


def test_pledged_reads_the_total_and_each_members_pledge() -> None:
    """pledged("d") is the total and pledged("d", "m") one member's, once the dilemma has closed."""
    session = pledging()
    session.submit("council", "d", amount="£2m")
    assert session.evaluate('pledged("d")') == 0
    session.submit("icb", "d", amount="£1.5m")
    session.submit("trust", "d", amount="£0")
    assert session.evaluate('pledged("d")') == 3_500_000
    assert session.evaluate('pledged("d", "icb")') == 1_500_000


@pytest.mark.parametrize(
    ("member", "amount", "words"),
    [
        ("council", "£4m", "between £0 and £3m"),
        ("icb", "£500k", "between £1m and £5m"),
        ("trust", "lots", "not an amount"),
    ],
)
def test_pledges_outside_a_members_bounds_are_refused(member: str, amount: str, words: str) -> None:
    """Per-member bounds replace the mode's; an amount outside them (or not money) is refused, unjournalled."""
    session = pledging()
    before = len(session.events)
    with pytest.raises(SessionError, match=words):
        session.submit(member, "d", amount=amount)
    assert len(session.events) == before


def test_the_default_amount_is_pledged_for_the_silent_clamped_to_their_bounds() -> None:
    """At the deadline the default (£0) applies, raised to the icb's own minimum of £1m."""
    session = pledging(default="£0")
    session.submit("council", "d", amount="£1m")
    session.advance()
    defaults = {e.member: e.amount for e in of_type(session, DecisionMade) if e.source == "default"}
    assert defaults == {"icb": 1_000_000, "trust": 0}
    (closed,) = of_type(session, DilemmaClosed)
    assert closed.pledges == {"council": 1_000_000, "icb": 1_000_000, "trust": 0}


def test_a_pledge_needs_an_amount_not_an_option() -> None:
    """Choosing an option in a pledge dilemma is refused with a message saying what to give."""
    session = pledging()
    with pytest.raises(SessionError, match="give an amount"):
        session.submit("council", "d", option="a")
