"""Goal alignment and the say–do gap visit only the measures an option moves, yet give exactly the floats of
the dense formula (`impact.cosine_similarity` over every measure)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from boardsim.core.impact import cosine_similarity
from boardsim.core.metrics.alignment import GoalAlignment
from boardsim.core.metrics.say_do import SayDoGap

DIMENSIONS = 6
values = st.one_of(st.just(0.0), st.just(-0.0), st.floats(-3, 3, allow_nan=False, allow_subnormal=False))
vectors = st.lists(values, min_size=DIMENSIONS, max_size=DIMENSIONS)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(vectors, st.lists(vectors, min_size=1, max_size=6))
def test_goal_alignment_equals_the_dense_cosine(shared: list[float], directions: list[list[float]]) -> None:
    """After each choice, a member's alignment is (1 + cos(revealed, shared)) / 2 to the last bit, or None."""
    goal = GoalAlignment(["m"], shared)
    revealed = [0.0] * DIMENSIONS
    for direction in directions:
        goal.add("m", direction)
        revealed = [total + change for total, change in zip(revealed, direction, strict=True)]
        cosine = cosine_similarity(revealed, shared)
        assert goal.member("m") == (None if cosine is None else (1.0 + cosine) / 2.0)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(vectors, st.lists(vectors, min_size=1, max_size=6))
def test_say_do_gap_equals_the_dense_cosine(stated: list[float], directions: list[list[float]]) -> None:
    """The say–do gap adds (1 + cos(stated, direction)) / 2 per choice that says something, to the last bit."""
    gap = SayDoGap(["m"], {"m": stated})
    total, count = 0.0, 0
    for direction in directions:
        gap.add("m", direction)
        cosine = cosine_similarity(stated, direction)
        if cosine is not None:
            total += (1.0 + cosine) / 2.0
            count += 1
        assert gap.member("m") == (None if count == 0 else min(1.0, max(0.0, 1.0 - total / count)))
