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
        seat_dispositions = self.seat_dispositions
        for seat, disposition in record.dispositions.items():
            counts = seat_dispositions.get(seat)
            if counts is None:
                counts = seat_dispositions[seat] = {}
            counts[disposition] = counts.get(disposition, 0) + 1
        if record.error is not None:
            self._add_failure(record)
            return
        self.played += 1
        metrics = self.metrics
        for name in METRIC_NAMES:
            metrics[name].add(getattr(record, name))
        self._add_dilemmas(record)
        self._add_members(record)
        self._add_pools(record)
        self._add_commitments(record)
        measures = record.measures
        for name, sketch in self.measure_values.items():
            value = measures.get(name)
            sketch.add(None if value is None or isinstance(value, bool) else value)
        flag_true = self.flag_true
        for name in flag_true:
            if measures.get(name) is True:
                flag_true[name] += 1

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
        dispositions = record.dispositions
        for dilemma_id, outcome in record.dilemmas.items():
            tally = self.dilemmas.get(dilemma_id)
            if tally is None or not outcome.decided:
                continue
            tally.decided += 1
            options = tally.options
            by_disposition = tally.decisions_by_disposition
            picked: dict[str, OptionTally] = {}
            for member, option in outcome.choices.items():
                disposition = dispositions.get(member, "?")
                by_disposition[disposition] = by_disposition.get(disposition, 0) + 1
                if option is None:
                    tally.abstentions += 1
                    continue
                option_tally = options.get(option)
                if option_tally is not None:
                    option_tally.picks += 1
                    counts = option_tally.picks_by_disposition
                    counts[disposition] = counts.get(disposition, 0) + 1
                    picked[option] = option_tally
            for option_tally in picked.values():
                option_tally.picked_runs += 1
            carried = options.get(outcome.carried)
            if carried is not None:
                carried.carried += 1
            if outcome.carried == "":
                tally.no_outcome += 1
            if outcome.selectable is not None:
                tally.selectable_known += 1
                for option in dict.fromkeys(outcome.selectable):  # each selectable option once
                    selectable = options.get(option)
                    if selectable is not None:
                        selectable.selectable_runs += 1
            # "Chosen" in a run: it carried a vote, or someone chose it for itself.
            chosen = (() if carried is None else (carried,)) if tally.layout.mode == "vote" else picked.values()
            for option_tally in chosen:
                option_tally.purpose.add(record.purpose_score)
                option_tally.composite.add(record.alignment_composite)
            pledges = outcome.pledges
            if pledges or tally.layout.mode == "pledge":
                tally.pledged_total.add(sum(pledges.values()))
                by_member = tally.pledged_by_member
                for member, amount in pledges.items():
                    sketch = by_member.get(member)
                    if sketch is None:
                        sketch = by_member[member] = Sketch()
                    sketch.add(amount)

    def _add_members(self, record: RunOutcome) -> None:
        relative_budget: dict[str, tuple[int, int]] = {}
        trust: dict[str, float] = {}
        tallies = self.members
        for member_id, outcome in record.members.items():
            tally = tallies.get(member_id)
            if tally is None:
                continue
            start = tally.layout.budget_start
            end = outcome.budget_end
            tally.budget_end.add(end)
            if start is not None and end is not None:
                tally.budget_change.add(end - start)
                if start > 0:
                    relative_budget[member_id] = (end - start, start)
            tally.breach_entries.add(outcome.breach_entries)
            breaches = outcome.breaches
            if breaches:
                tally.breached_runs += 1
                counts = tally.accountability_breached
                for accountability in dict.fromkeys(breaches):  # each accountability once
                    counts[accountability] = counts.get(accountability, 0) + 1
            received = outcome.trust_received
            tally.trust_received.add(received)
            if received is not None:
                trust[member_id] = received
        if len(relative_budget) >= 2:
            self.budget_compared_runs += 1
            worst = _unique_lowest_ratio(relative_budget)
            if worst is not None:
                tallies[worst].worst_budget += 1
        if len(trust) >= 2:
            self.trust_compared_runs += 1
            worst = _unique_minimum(trust)
            if worst is not None:
                tallies[worst].worst_trust += 1

    def _add_pools(self, record: RunOutcome) -> None:
        balances = self.pool_balance
        for pool_id, balance in record.pools.items():
            sketch = balances.get(pool_id)
            if sketch is not None:
                sketch.add(balance)
        if record.collapsed_pools:
            self.runs_with_collapse += 1
            collapsed = self.pool_collapsed
            for pool_id in dict.fromkeys(record.collapsed_pools):
                if pool_id in collapsed:
                    collapsed[pool_id] += 1

    def _add_commitments(self, record: RunOutcome) -> None:
        if record.commitments_kept:
            kept = self.commitments_kept
            for commitment_id in dict.fromkeys(record.commitments_kept):
                if commitment_id in kept:
                    kept[commitment_id] += 1
        if record.commitments_broken:
            self.runs_with_broken_commitment += 1
            broken = self.commitments_broken
            for commitment_id in dict.fromkeys(record.commitments_broken):
                if commitment_id in broken:
                    broken[commitment_id] += 1


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
    lowest = min(values.values())
    found: str | None = None
    for key, value in values.items():
        if value == lowest:
            if found is not None:
                return None
            found = key
    return found
