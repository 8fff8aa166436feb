"""Money: every member's budget against its floor, and each pooled fund with its ledger per contributor."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label

from boardsim.core.engine.views import BoardView
from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import money

from .line_list import Cell, LineList, LineRow
from .panel import DashboardPanel

AMOUNT_WIDTH = 9


def _status(balance: int, floor: int | None) -> Cell:
    below = floor is not None and balance < floor
    status = palette.BREACH if below else palette.OK
    return f"{status.symbol} {'below floor' if below else 'ok'}", status.colour


def _amount(pounds: int | None, style: str = "") -> Cell:
    return money(pounds).rjust(AMOUNT_WIDTH), style


def budget_rows(board: BoardView) -> list[LineRow]:
    """Budget, floor, whether it is above its floor, and how much it has put into pools; then the member."""
    pooled: dict[str, int] = {}
    for pool in board.pools:
        for account, amount in pool.contributions.items():
            pooled[account] = pooled.get(account, 0) + amount
    return [
        (
            (
                _amount(member.budget),
                _amount(member.budget_floor, "dim"),
                _status(member.budget, member.budget_floor),
                _amount(pooled.get(member.id, 0)),
            ),
            member.name,
        )
        for member in board.members
        if member.budget is not None
    ]


def pool_rows(board: BoardView) -> list[LineRow]:
    """Each fund (balance, status, host), then what each contributor has put in, largest first."""
    names = {member.id: member.name for member in board.members}
    names["external"] = "outside the board"
    rows: list[LineRow] = []
    for pool in board.pools:
        balance = _amount(pool.balance, "bold")
        rows.append(
            ((balance, _status(pool.balance, pool.floor)), f"{pool.name} (host: {names.get(pool.host, pool.host)})")
        )
        for account, amount in sorted(pool.contributions.items(), key=lambda item: -item[1]):
            rows.append(((_amount(amount), ("put in", "dim")), f"  {names.get(account, account)}"))
        if not pool.contributions:
            rows.append(((("", ""), ("", "")), "  nobody yet"))
    return rows


class MoneyPanel(DashboardPanel):
    """Budgets on the left (or above, when narrow) and the pooled fund ledger beside them."""

    DEFAULT_CSS = """
    MoneyPanel { height: 1fr; layout: vertical; }
    MoneyPanel Label { text-style: bold; padding: 0 1; }
    MoneyPanel Vertical { height: 1fr; }
    MoneyPanel LineList { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="budgets-box"):
            yield Label("Budgets", id="budgets-heading")
            yield LineList(
                (AMOUNT_WIDTH, AMOUNT_WIDTH, 13, AMOUNT_WIDTH),
                (
                    "budget".rjust(AMOUNT_WIDTH),
                    "floor".rjust(AMOUNT_WIDTH),
                    "status",
                    "in pools".rjust(AMOUNT_WIDTH),
                    "member",
                ),
                id="budgets",
            )
        with Vertical(id="pools-box"):
            yield Label("Pooled funds: who has put in what", id="pools-heading")
            yield LineList((AMOUNT_WIDTH, 13), ("amount".rjust(AMOUNT_WIDTH), "", "fund / contributor"), id="pools")

    def show_dashboard(self, dashboard: Dashboard) -> None:
        board = dashboard.board
        if self.unchanged("money", ([member.budget for member in board.members], board.pools)):
            return
        self.query_one("#budgets", LineList).set_rows(budget_rows(board), follow=False)
        self.query_one("#pools", LineList).set_rows(pool_rows(board), follow=False)
