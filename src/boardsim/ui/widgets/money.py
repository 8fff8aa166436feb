"""Money: every member's budget against its floor, and each pooled fund with its ledger per contributor."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Label

from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import money

from .panel import DashboardPanel


def _status(balance: int, floor: int | None) -> Text:
    status = palette.BREACH if floor is not None and balance < floor else palette.OK
    word = "below floor" if status is palette.BREACH else "ok"
    return Text(f"{status.symbol} {word}", style=status.colour)


class MoneyPanel(DashboardPanel):
    """Budgets on the left (or above, when narrow) and the pooled fund ledger beside them."""

    DEFAULT_CSS = """
    MoneyPanel { height: 1fr; layout: vertical; }
    MoneyPanel Label { text-style: bold; padding: 0 1; }
    MoneyPanel Vertical { height: 1fr; }
    MoneyPanel DataTable { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="budgets-box"):
            yield Label("Budgets", id="budgets-heading")
            yield DataTable(id="budgets", cursor_type="row", zebra_stripes=True)
        with Vertical(id="pools-box"):
            yield Label("Pooled funds: who has put in what", id="pools-heading")
            yield DataTable(id="pools", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        super().on_mount()
        budgets = self.query_one("#budgets", DataTable)
        for label, width in (("member", 26), ("budget", 9), ("floor", 7), ("status", 13), ("in pools", 9)):
            budgets.add_column(label, width=width)
        pools = self.query_one("#pools", DataTable)
        for label, width in (("fund", 20), ("contributor", 22), ("net in", 9), ("balance", 18)):
            pools.add_column(label, width=width)

    def show_dashboard(self, dashboard: Dashboard) -> None:
        board = dashboard.board
        if self.unchanged("money", ([member.budget for member in board.members], board.pools)):
            return
        pooled: dict[str, int] = {}
        for pool in board.pools:
            for account, amount in pool.contributions.items():
                pooled[account] = pooled.get(account, 0) + amount
        budgets = self.query_one("#budgets", DataTable)
        budgets.clear()
        for member in board.members:
            if member.budget is None:
                continue
            budgets.add_row(
                Text(member.name, overflow="ellipsis", no_wrap=True),
                Text(money(member.budget), justify="right"),
                Text(money(member.budget_floor), justify="right", style="dim"),
                _status(member.budget, member.budget_floor),
                Text(money(pooled.get(member.id, 0)), justify="right"),
            )
        pools = self.query_one("#pools", DataTable)
        pools.clear()
        names = {member.id: member.name for member in board.members}
        names["external"] = "outside the board"
        for pool in board.pools:
            status = _status(pool.balance, pool.floor)
            pools.add_row(
                Text(pool.name, style="bold", overflow="ellipsis", no_wrap=True),
                Text(f"host: {names.get(pool.host, pool.host)}", style="dim", overflow="ellipsis", no_wrap=True),
                Text(""),
                Text.assemble((money(pool.balance), "bold"), " ", status),
            )
            for account, amount in sorted(pool.contributions.items(), key=lambda item: -item[1]):
                pools.add_row(
                    Text(""), Text(names.get(account, account)), Text(money(amount), justify="right"), Text("")
                )
            if not pool.contributions:
                pools.add_row(Text(""), Text("nobody yet", style="dim"), Text(""), Text(""))
