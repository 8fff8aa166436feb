"""The ledger: every pound in play, in whole pounds, in members' budgets, pools and the outside world.

Money is never created or destroyed inside the board: it only moves between accounts, and money from
government or NHS England arrives from the `external` account (which goes negative as it pays out). So the
sum of every account, external included, is the same at every moment of a run — the invariant the tests
check after every event.
"""

from __future__ import annotations

from collections.abc import Mapping

from boardsim.core.scenario.model import Scenario
from boardsim.core.scenario.types import EXTERNAL_ACCOUNT


class Ledger:
    """Balances of every account, and what each account has put into each pool."""

    def __init__(self, scenario: Scenario) -> None:
        self.budgets: dict[str, int] = {
            member.id: (member.budget.amount if member.budget is not None else 0) for member in scenario.members
        }
        self.pools: dict[str, int] = {pool.id: pool.initial for pool in scenario.pools}
        self.external = 0
        self.contributions: dict[str, dict[str, int]] = {pool.id: {} for pool in scenario.pools}
        """contributions[pool][account]: net pounds `account` has moved into `pool` during the run."""
        self.total = self.balance_sum()

    def has_account(self, account: str) -> bool:
        return account == EXTERNAL_ACCOUNT or account in self.budgets or account in self.pools

    def balance(self, account: str) -> int:
        """The balance of a member's budget, a pool, or external."""
        if account in self.budgets:
            return self.budgets[account]
        if account in self.pools:
            return self.pools[account]
        if account == EXTERNAL_ACCOUNT:
            return self.external
        raise KeyError(account)

    def move(self, source: str, target: str, amount: int) -> None:
        """Move `amount` pounds from `source` to `target` (both must be accounts; balances may go negative)."""
        self._add(source, -amount)
        self._add(target, amount)
        if target in self.contributions:
            record = self.contributions[target]
            record[source] = record.get(source, 0) + amount
        if source in self.contributions:
            record = self.contributions[source]
            record[target] = record.get(target, 0) - amount

    def _add(self, account: str, amount: int) -> None:
        if account in self.budgets:
            self.budgets[account] += amount
        elif account in self.pools:
            self.pools[account] += amount
        elif account == EXTERNAL_ACCOUNT:
            self.external += amount
        else:
            raise KeyError(account)

    def balance_sum(self) -> int:
        """The sum of every account, external included."""
        return sum(self.budgets.values()) + sum(self.pools.values()) + self.external

    def is_balanced(self) -> bool:
        """True while no money has appeared or vanished (the sum of every account is unchanged)."""
        return self.balance_sum() == self.total

    def snapshot(self) -> Mapping[str, int]:
        """Every account and its balance: budgets, then pools, then external."""
        return {**self.budgets, **self.pools, EXTERNAL_ACCOUNT: self.external}
