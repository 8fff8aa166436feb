"""Seeded randomness for the core: every consumer derives its own stream from the run seed.

A run has one seed. Each place that needs random numbers (a probabilistic effect at a given site, a bot seat
deciding a given dilemma) asks for a generator labelled with what it is. The label and the seed are hashed
together, so adding a new consumer, or a new effect elsewhere in a scenario, never shifts another consumer's
draws: golden journals stay stable and a designer's small edit does not reshuffle the whole run.
"""

from __future__ import annotations

import hashlib
from random import Random


def derive_seed(seed: int, label: str) -> int:
    """A 64-bit seed for the stream called `label` within the run seeded with `seed` (sha256 of both)."""
    digest = hashlib.sha256(f"{seed}\x00{label}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def derived_random(seed: int, label: str) -> Random:
    """A fresh generator for the stream called `label` (see `derive_seed`)."""
    return Random(derive_seed(seed, label))
