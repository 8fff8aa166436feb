"""Feeding the metrics: the live tracker, a log of what it was told, and the time series built from that log.

The engine tells the tracker each fact as it happens (and reads trust from it for conditions and bots).
A snapshot of every metric after every event would cost O(members²) per event, which would make the engine
slower the bigger the board; instead the feed logs each fact with the journal position it arrived at, and
`series` rebuilds the snapshots on demand by feeding the same facts, in the same order, to a fresh tracker.
The tracker's results depend only on the facts and their days (its forgetting is applied lazily), so the
rebuilt series is exactly what snapshots taken live would have been.

Money is the exception: it moves far more often than anything else happens, so the live tracker is told the
balances of the accounts that moved only just before it is next asked or told anything, and the series reads
the balances from the journal's MoneyMoved events itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from boardsim.core.metrics import Cause, MetricsPlan, MetricsSnapshot, MetricsTracker, TrustRow
from boardsim.core.scenario.model import Dilemma, Scenario

from .events import Event, MoneyMoved
from .ledger import Ledger

if TYPE_CHECKING:
    from .runtime import Runtime

_Fact = tuple[int, str, tuple[Any, ...], dict[str, Any]]


class MetricsFeed:
    """The live `MetricsTracker`, with every fact it is told logged for `series`.

    Trust changes come back as `TrustRow`s (plain tuples), which the runtime journals as TrustChanged events
    directly: a board-wide decision makes members × (members − 1) of them, and building a TrustChange model
    for each on the way would only be thrown away.
    """

    def __init__(self, tracker: MetricsTracker, runtime: Runtime, *, log_facts: bool = True) -> None:
        self.tracker = tracker
        self._rt = runtime
        self.facts: list[_Fact] = []
        self._log_facts = log_facts
        self._moved: dict[str, None] = {}

    def _tell(self, method: str, *arguments: Any, **keywords: Any) -> Any:
        if self._moved:
            self._push_money()
        if self._log_facts:
            self.facts.append((self._rt.next_seq, method, arguments, keywords))
        return getattr(self.tracker, method)(*arguments, **keywords)

    def money_moved(self, source: str, target: str) -> None:
        """Two accounts' balances changed (told to the tracker before it is next used)."""
        self._moved[source] = None
        self._moved[target] = None

    def _push_money(self) -> None:
        ledger = self._rt.ledger
        budgets = {account: ledger.budgets[account] for account in self._moved if account in ledger.budgets}
        pools = {account: ledger.pools[account] for account in self._moved if account in ledger.pools}
        self._moved.clear()
        self.tracker.record_money(budgets, pools)

    def trust(self, truster: str, trustee: str) -> float:
        return self.tracker.trust(truster, trustee)

    def record_trust_evidence(
        self, day: int, trusters: list[str], trustee: str, positive: float, negative: float, cause: Cause
    ) -> list[TrustRow]:
        """Evidence from each of `trusters`, journalled by the caller as consecutive TrustChanged events."""
        if self._moved:
            self._push_money()
        if self._log_facts:
            # One fact per truster, at the journal position of its own TrustChanged event, so the series
            # after each of those events holds exactly the evidence journalled so far.
            first = self._rt.next_seq
            method = "record_trust_evidence_rows"
            self.facts.extend(
                (first + offset, method, (day, (truster,), trustee, positive, negative, cause), {})
                for offset, truster in enumerate(trusters)
            )
        return self.tracker.record_trust_evidence_rows(day, trusters, trustee, positive, negative, cause)

    def record_decisions(
        self,
        day: int,
        dilemma: Dilemma,
        choices: Mapping[str, str | None],
        state_before: Mapping[str, float | bool],
        carried: str | None,
    ) -> list[TrustRow]:
        """`choices` and `state_before` must be fresh (the log keeps them): the callers build them for this."""
        rows: list[TrustRow] = self._tell("record_decisions_rows", day, dilemma, choices, state_before, carried=carried)
        return rows

    def record_pledges(
        self, day: int, dilemma: Dilemma, pledges: Mapping[str, int], bounds: Mapping[str, tuple[int, int]]
    ) -> list[TrustRow]:
        """`pledges` and `bounds` must be fresh (the log keeps them)."""
        rows: list[TrustRow] = self._tell("record_pledges_rows", day, dilemma, pledges, bounds)
        return rows

    def record_commitment(
        self, day: int, commitment: str, maker: str, owed_to: list[str], kept: bool, promise: str
    ) -> list[TrustRow]:
        rows: list[TrustRow] = self._tell("record_commitment_rows", day, commitment, maker, owed_to, kept, promise)
        return rows

    def record_lead(self, day: int, member: str) -> None:
        self._tell("record_lead", day, member)

    def latest(self, day: int, event_seq: int) -> MetricsSnapshot:
        """Every metric as it stands now."""
        if self._moved:
            self._push_money()
        return self.tracker.snapshot(day, event_seq)


class MetricsSeries:
    """Snapshots after every event, rebuilt from a feed's log and extended as the journal grows."""

    def __init__(self, scenario: Scenario, plan: MetricsPlan | None = None) -> None:
        self._tracker = MetricsTracker(scenario, plan=plan)
        self._ledger = Ledger(scenario)
        self._snapshots: list[MetricsSnapshot] = []
        self._applied = 0

    def extend(self, feed: MetricsFeed, events: Sequence[Event]) -> list[MetricsSnapshot]:
        """Snapshots for every event so far (only the new ones are computed)."""
        facts = feed.facts
        ledger = self._ledger
        for event in events[len(self._snapshots) :]:
            while self._applied < len(facts) and facts[self._applied][0] <= event.seq:
                _, method, arguments, keywords = facts[self._applied]
                getattr(self._tracker, method)(*arguments, **keywords)
                self._applied += 1
            if isinstance(event, MoneyMoved):
                ledger.move(event.from_account, event.to_account, event.amount)
                accounts = (event.from_account, event.to_account)
                self._tracker.record_money(
                    {account: ledger.budgets[account] for account in accounts if account in ledger.budgets},
                    {account: ledger.pools[account] for account in accounts if account in ledger.pools},
                )
            self._snapshots.append(self._tracker.snapshot(event.day, event.seq))
        return list(self._snapshots)
