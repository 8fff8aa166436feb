"""Which playthroughs a sweep runs: one seed and one disposition per deciding seat for each run.

With k dispositions and s deciding seats there are k**s mixes. When the sweep has at least that many runs,
run i plays mix i mod k**s, so every mix is played equally often (give or take one). When it has fewer, the
runs visit distinct mixes chosen by a seeded affine permutation of the mix numbers (i -> a*i + b mod k**s with
a coprime to k**s): a sample without repeats that needs no list in memory, however many runs there are, and
in which each seat still meets every disposition about equally often. Each run's engine seed is derived from
the sweep seed and the run number, so run 4,812 of a sweep is the same playthrough whatever else ran.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import get_args

from boardsim.core.randomness import derive_seed, derived_random
from boardsim.core.scenario.types import Disposition

ALL_DISPOSITIONS: tuple[Disposition, ...] = get_args(Disposition)
"""The four documented bot dispositions, in the order the format declares them."""

MAX_RUNS = 10_000_000


class MixError(ValueError):
    """A disposition mix that cannot be used; the message says what to write instead."""


def parse_mix(text: str) -> tuple[Disposition, ...]:
    """`all` or a comma-separated list of dispositions, without repeats, in the order written."""
    words = [word.strip() for word in text.split(",")]
    if words == ["all"]:
        return ALL_DISPOSITIONS
    chosen: list[Disposition] = []
    for word in words:
        match = next((disposition for disposition in ALL_DISPOSITIONS if disposition == word), None)
        if match is None:
            known = ", ".join(ALL_DISPOSITIONS)
            raise MixError(f"unknown disposition {word!r}: write `all` or a comma list of {known}")
        if match in chosen:
            raise MixError(f"disposition {word!r} is listed twice")
        chosen.append(match)
    return tuple(chosen)


@dataclass(frozen=True, slots=True)
class RunSpec:
    """One playthrough of a sweep: its number, its engine seed and the disposition of every seat."""

    run: int
    seed: int
    dispositions: tuple[tuple[str, Disposition], ...]

    def disposition_map(self) -> dict[str, Disposition]:
        return dict(self.dispositions)


@dataclass(frozen=True, slots=True)
class SweepPlan:
    """A lazily enumerated list of runs.

    `deciding_seats` get a disposition from the mix per run; `other_seats` (members who decide nothing) take
    the mix's first disposition, which never matters because they are never asked.
    """

    seed: int
    runs: int
    mix: tuple[Disposition, ...]
    deciding_seats: tuple[str, ...]
    other_seats: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not 1 <= self.runs <= MAX_RUNS:
            raise ValueError(f"a sweep has between 1 and {MAX_RUNS:,} runs, not {self.runs:,}")
        if not self.mix:
            raise MixError("the disposition mix is empty")
        if self.seed < 0:
            raise ValueError("the sweep seed must be 0 or more")

    @property
    def combinations(self) -> int:
        """How many distinct disposition mixes the seats can have."""
        total: int = len(self.mix) ** len(self.deciding_seats)
        return total

    @property
    def exhaustive(self) -> bool:
        """True when every mix is played (at least once)."""
        return self.runs >= self.combinations

    def _mix_number(self) -> Iterator[int]:
        total = self.combinations
        if self.exhaustive:
            for run in range(self.runs):
                yield run % total
            return
        rng = derived_random(self.seed, "sweep-mix-permutation")
        offset = rng.randrange(total)
        step = rng.randrange(1, total)
        while math.gcd(step, total) != 1:
            step = rng.randrange(1, total)
        for run in range(self.runs):
            yield (step * run + offset) % total

    def specs(self) -> Iterator[RunSpec]:
        """Every run of the sweep, in run order, computed as it is asked for."""
        base = len(self.mix)
        fixed = tuple((seat, self.mix[0]) for seat in self.other_seats)
        for run, number in enumerate(self._mix_number()):
            dispositions: list[tuple[str, Disposition]] = []
            for seat in self.deciding_seats:
                number, digit = divmod(number, base)
                dispositions.append((seat, self.mix[digit]))
            yield RunSpec(
                run=run,
                seed=derive_seed(self.seed, f"sweep-run:{run}") % 2**63,
                dispositions=tuple(dispositions) + fixed,
            )


def chunked(specs: Iterator[RunSpec], size: int) -> Iterator[list[RunSpec]]:
    """Groups of `size` runs (the last may be shorter), for handing to workers."""
    if size < 1:
        raise ValueError("chunk size must be at least 1")
    chunk: list[RunSpec] = []
    for spec in specs:
        chunk.append(spec)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def plan_for(
    seed: int, runs: int, mix: Sequence[Disposition], deciding_seats: Sequence[str], all_seats: Sequence[str]
) -> SweepPlan:
    """A plan over a scenario's seats: deciding seats vary, the others are fixed."""
    deciding = tuple(deciding_seats)
    return SweepPlan(
        seed=seed,
        runs=runs,
        mix=tuple(mix),
        deciding_seats=deciding,
        other_seats=tuple(seat for seat in all_seats if seat not in deciding),
    )
