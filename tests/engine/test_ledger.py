"""Money only moves between declared budgets, pools and `external`, in whole pounds, and the ledger balances."""

from __future__ import annotations

from typing import Any

from boardsim.core.engine.events import EffectSkipped, MoneyMoved
from boardsim.core.engine.ledger import Ledger

from .support import build, dilemma, of_type, play


def moving(effects: list[dict[str, Any]]) -> Any:
    timeline = [{"id": "money", "at": "1 month", "title": "Money", "text": "Money moves.", "effects": effects}]
    return play(build(timeline=timeline, dilemmas=[dilemma()]))


def test_money_from_external_arrives_and_external_goes_negative() -> None:
    """A grant from `external` raises the budget and lowers the external account by the same amount."""
    session = moving([{"kind": "move", "from": "external", "to": "council", "amount": "£3m"}])
    accounts = session.accounts()
    assert accounts["council"] == 13_000_000
    assert accounts["external"] == -3_000_000
    assert session.ledger_balanced()


def test_budgets_may_go_below_zero_and_the_ledger_still_balances() -> None:
    """Moving more than a member holds leaves it negative (a breach to watch), never creates money."""
    session = moving([{"kind": "move", "from": "trust", "to": "fund", "amount": "£8m"}])
    assert session.budgets()["trust"] == -3_000_000
    assert session.pools()["fund"] == 9_000_000
    assert session.ledger_balanced()


def test_a_move_naming_no_account_is_skipped_and_moves_nothing() -> None:
    """`chooser` has no meaning in an inject: the move is skipped as an unresolved reference."""
    session = moving([{"kind": "move", "from": "chooser", "to": "fund", "amount": "£1m"}])
    (skipped,) = of_type(session, EffectSkipped)
    assert skipped.reason == "unresolved-reference"
    assert of_type(session, MoneyMoved) == []
    assert session.pools()["fund"] == 1_000_000


def test_the_sum_of_every_account_is_constant_through_a_run() -> None:
    """Replaying every money move from the starting balances keeps the total fixed at every step."""
    scenario = build()
    session = play(scenario, seed=4)
    ledger = Ledger(scenario)
    total = ledger.balance_sum()
    for move in of_type(session, MoneyMoved):
        ledger.move(move.from_account, move.to_account, move.amount)
        assert ledger.balance_sum() == total
    assert dict(ledger.snapshot()) == session.accounts()


def test_moves_into_a_pool_are_recorded_per_contributor_net_of_withdrawals() -> None:
    """Contributions are net: £2m in from the icb, £500k back out to it, leaves £1.5m against its name."""
    session = moving(
        [
            {"kind": "move", "from": "icb", "to": "fund", "amount": "£2m"},
            {"kind": "move", "from": "fund", "to": "icb", "amount": "£500k"},
        ]
    )
    assert session.board_view().pools[0].contributions == {"icb": 1_500_000}
