"""Streaming aggregation of sweep records into fixed-size, order-independent state.

`SweepAggregator.add(record)` folds one run in. Its state is counts, exact integer sums and bucket sketches
(see sketch.py), sized by the scenario (members, options, measures), never by the number of runs, and every
update commutes with every other: the summary is identical whatever order the runs finish in and however many
workers played them. Comparisons between members inside one run (who ended worst) are exact integer ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, is_dataclass

from .layout import DilemmaLayout, MemberLayout, ScenarioLayout
from .record import RunOutcome
from .sketch import Sketch

METRIC_NAMES = (
    "board_trust",
    "goal_alignment",
    "vote_cohesion",
    "resource_alignment",
    "alignment_composite",
    "leadership_distribution",
    "purpose_score",
)
"""The end-of-run figures every record carries, in the order the report lists them."""


def _bump(counts: dict[str, int], key: str, by: int = 1) -> None:
    counts[key] = counts.get(key, 0) + by


def _merge_value(mine: object, theirs: object) -> object:
    """`theirs` folded into `mine`: counts add, sketches merge, dicts merge key by key (a new value if needed)."""
    if isinstance(mine, Sketch) and isinstance(theirs, Sketch):
        mine.merge(theirs)
        return mine
    if isinstance(mine, int) and isinstance(theirs, int):
        return mine + theirs
    if isinstance(mine, dict) and isinstance(theirs, dict):
        for key, value in theirs.items():
            if key in mine:
                mine[key] = _merge_value(mine[key], value)
            elif isinstance(value, int):
                mine[key] = value
            else:
                mine[key] = _merge_value(type(value)(), value)  # a fresh tally, never shared with `theirs`
        return mine
    if is_dataclass(mine) and not isinstance(mine, type):
        for item in fields(mine):
            if item.name != "layout":
                setattr(mine, item.name, _merge_value(getattr(mine, item.name), getattr(theirs, item.name)))
        return mine
    raise TypeError(f"cannot merge {type(mine).__name__}")


@dataclass
class OptionTally:
    """How often one option was chosen, by whom, and what the runs that chose it ended like."""

    carried: int = 0
    picked_runs: int = 0
    picks: int = 0
    picks_by_disposition: dict[str, int] = field(default_factory=dict)
    selectable_runs: int = 0
    purpose: Sketch = field(default_factory=Sketch)
    composite: Sketch = field(default_factory=Sketch)


@dataclass
class DilemmaTally:
    layout: DilemmaLayout
    decided: int = 0
    no_outcome: int = 0
    selectable_known: int = 0
    decisions_by_disposition: dict[str, int] = field(default_factory=dict)
    abstentions: int = 0
    options: dict[str, OptionTally] = field(default_factory=dict)
    pledged_total: Sketch = field(default_factory=Sketch)
    pledged_by_member: dict[str, Sketch] = field(default_factory=dict)


@dataclass
class MemberTally:
    layout: MemberLayout
    budget_end: Sketch = field(default_factory=Sketch)
    budget_change: Sketch = field(default_factory=Sketch)
    breach_entries: Sketch = field(default_factory=Sketch)
    breached_runs: int = 0
    accountability_breached: dict[str, int] = field(default_factory=dict)
    trust_received: Sketch = field(default_factory=Sketch)
    worst_budget: int = 0
    worst_trust: int = 0


@dataclass(frozen=True, slots=True)
class FailureNote:
    """The lowest-numbered run that could not be played (kept so the report can say how to reproduce it)."""

    run: int
    seed: int
    dispositions: tuple[tuple[str, str], ...]
    error: str


_COUNTERS = (
    "played",
    "failed",
    "runs_with_collapse",
    "runs_with_broken_commitment",
    "budget_compared_runs",
    "trust_compared_runs",
)
_MERGED = (
    "seat_dispositions",
    "metrics",
    "dilemmas",
    "members",
    "pool_balance",
    "pool_collapsed",
    "commitments_kept",
    "commitments_broken",
    "measure_values",
    "flag_true",
)


class SweepAggregator:
    """Fold sweep records into the state a balance report is computed from."""

    def __init__(self, layout: ScenarioLayout) -> None:
        self.layout = layout
        self.played = 0
        self.failed = 0
        self.first_failure: FailureNote | None = None
        self.seat_dispositions: dict[str, dict[str, int]] = {}
        self.metrics: dict[str, Sketch] = {name: Sketch() for name in METRIC_NAMES}
        self.dilemmas = {
            d.id: DilemmaTally(layout=d, options={o.id: OptionTally() for o in d.options}) for d in layout.dilemmas
        }
        self.members = {m.id: MemberTally(layout=m) for m in layout.members}
        self.pool_balance = {p.id: Sketch() for p in layout.pools}
        self.pool_collapsed = {p.id: 0 for p in layout.pools}
        self.commitments_kept = {c.id: 0 for c in layout.commitments}
        self.commitments_broken = {c.id: 0 for c in layout.commitments}
        self.runs_with_collapse = 0
        self.runs_with_broken_commitment = 0
        self.budget_compared_runs = 0
        self.trust_compared_runs = 0
        self.measure_values = {m.name: Sketch() for m in layout.measures if m.kind == "number"}
        self.flag_true = {m.name: 0 for m in layout.measures if m.kind == "flag"}

    @property
    def runs(self) -> int:
        """Runs folded in, played or failed."""
        return self.played + self.failed

    def add_all(self, records: Iterable[RunOutcome]) -> None:
        """Fold in every record of an iterable (a generator is read one record at a time)."""
        for record in records:
            self.add(record)

    def merge(self, other: SweepAggregator) -> None:
        """Fold in another aggregate of the same scenario (e.g. one worker's chunk).

        Every part adds or merges, so merging chunk aggregates in any order and any grouping gives exactly the
        aggregate of all their runs added one by one.
        """
        if other.layout != self.layout:
            raise ValueError("cannot merge aggregates of different scenarios")
        for name in _COUNTERS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in _MERGED:
            _merge_value(getattr(self, name), getattr(other, name))
        theirs = other.first_failure
        if theirs is not None and (self.first_failure is None or theirs.run < self.first_failure.run):
            self.first_failure = theirs

    def add(self, record: RunOutcome) -> None:
        """Fold one run in."""
        for seat, disposition in record.dispositions.items():
            _bump(self.seat_dispositions.setdefault(seat, {}), disposition)
        if record.error is not None:
            self._add_failure(record)
            return
        self.played += 1
        for name in METRIC_NAMES:
            self.metrics[name].add(getattr(record, name))
        self._add_dilemmas(record)
        self._add_members(record)
        self._add_pools(record)
        self._add_commitments(record)
        for name, sketch in self.measure_values.items():
            value = record.measures.get(name)
            sketch.add(None if value is None or isinstance(value, bool) else value)
        for name in self.flag_true:
            if record.measures.get(name) is True:
                self.flag_true[name] += 1

    def _add_failure(self, record: RunOutcome) -> None:
        self.failed += 1
        if self.first_failure is None or record.run < self.first_failure.run:
            self.first_failure = FailureNote(
                run=record.run,
                seed=record.seed,
                dispositions=tuple(sorted(record.dispositions.items())),
                error=record.error or "",
            )

    def _add_dilemmas(self, record: RunOutcome) -> None:
        for dilemma_id, outcome in record.dilemmas.items():
            tally = self.dilemmas.get(dilemma_id)
            if tally is None or not outcome.decided:
                continue
            tally.decided += 1
            for member, option in outcome.choices.items():
                disposition = record.dispositions.get(member, "?")
                _bump(tally.decisions_by_disposition, disposition)
                if option is None:
                    tally.abstentions += 1
                elif option in tally.options:
                    option_tally = tally.options[option]
                    option_tally.picks += 1
                    _bump(option_tally.picks_by_disposition, disposition)
            picked = {option for option in outcome.choices.values() if option is not None}
            if outcome.carried == "":
                tally.no_outcome += 1
            if outcome.selectable is not None:
                tally.selectable_known += 1
            for option_id, option_tally in tally.options.items():
                if outcome.selectable is not None and option_id in outcome.selectable:
                    option_tally.selectable_runs += 1
                carried = option_id == outcome.carried
                option_tally.carried += carried
                option_tally.picked_runs += option_id in picked
                # "Chosen" in a run: it carried a vote, or someone chose it for itself.
                chosen = carried if tally.layout.mode == "vote" else option_id in picked
                if chosen:
                    option_tally.purpose.add(record.purpose_score)
                    option_tally.composite.add(record.alignment_composite)
            if tally.layout.mode == "pledge" or outcome.pledges:
                tally.pledged_total.add(sum(outcome.pledges.values()))
                for member, amount in outcome.pledges.items():
                    tally.pledged_by_member.setdefault(member, Sketch()).add(amount)

    def _add_members(self, record: RunOutcome) -> None:
        relative_budget: dict[str, tuple[int, int]] = {}
        trust: dict[str, float] = {}
        for member_id, outcome in record.members.items():
            tally = self.members.get(member_id)
            if tally is None:
                continue
            start = tally.layout.budget_start
            tally.budget_end.add(outcome.budget_end)
            if start is not None and outcome.budget_end is not None:
                tally.budget_change.add(outcome.budget_end - start)
                if start > 0:
                    relative_budget[member_id] = (outcome.budget_end - start, start)
            tally.breach_entries.add(outcome.breach_entries)
            if outcome.breaches:
                tally.breached_runs += 1
            for accountability in set(outcome.breaches):
                _bump(tally.accountability_breached, accountability)
            tally.trust_received.add(outcome.trust_received)
            if outcome.trust_received is not None:
                trust[member_id] = outcome.trust_received
        worst = _unique_lowest_ratio(relative_budget)
        if len(relative_budget) >= 2:
            self.budget_compared_runs += 1
        if worst is not None:
            self.members[worst].worst_budget += 1
        worst = _unique_minimum(trust)
        if len(trust) >= 2:
            self.trust_compared_runs += 1
        if worst is not None:
            self.members[worst].worst_trust += 1

    def _add_pools(self, record: RunOutcome) -> None:
        collapsed = set(record.collapsed_pools)
        for pool_id, balance in record.pools.items():
            if pool_id in self.pool_balance:
                self.pool_balance[pool_id].add(balance)
        for pool_id in collapsed:
            if pool_id in self.pool_collapsed:
                self.pool_collapsed[pool_id] += 1
        if collapsed:
            self.runs_with_collapse += 1

    def _add_commitments(self, record: RunOutcome) -> None:
        for commitment_id in set(record.commitments_kept):
            if commitment_id in self.commitments_kept:
                self.commitments_kept[commitment_id] += 1
        for commitment_id in set(record.commitments_broken):
            if commitment_id in self.commitments_broken:
                self.commitments_broken[commitment_id] += 1
        if record.commitments_broken:
            self.runs_with_broken_commitment += 1


def _unique_lowest_ratio(ratios: dict[str, tuple[int, int]]) -> str | None:
    """The key whose numerator/denominator (denominator > 0) is strictly lowest, compared exactly as integers.

    None when fewer than two compete or the lowest is shared: a tie is nobody's "worst".
    """
    if len(ratios) < 2:
        return None
    lowest: str | None = None
    low_num, low_den = 0, 1
    tied = False
    for key, (num, den) in ratios.items():
        if lowest is None or num * low_den < low_num * den:
            lowest, low_num, low_den, tied = key, num, den, False
        elif num * low_den == low_num * den:
            tied = True
    return None if tied else lowest


def _unique_minimum(values: dict[str, float]) -> str | None:
    """The key with the strictly smallest value, or None when fewer than two compete or the lowest is tied."""
    if len(values) < 2:
        return None
    ranked = sorted(values.items(), key=lambda item: item[1])
    if ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]
