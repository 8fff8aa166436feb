"""Did-you-mean hints for unknown names on the command line."""

from __future__ import annotations

import pytest

from boardsim.core.suggestions import closest, did_you_mean

DISPOSITIONS = ("organisation-first", "system-first", "reciprocator", "cautious")


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("sytem-first", " (did you mean 'system-first'?)"),
        ("cautios", " (did you mean 'cautious'?)"),
        ("greedy", ""),
        ("", ""),
    ],
)
def test_did_you_mean_names_the_closest_known_name_or_nothing(name: str, hint: str) -> None:
    """A near miss gets the known name it most resembles; a name like none of them gets no hint."""
    assert did_you_mean(name, DISPOSITIONS) == hint


def test_closest_is_none_without_candidates() -> None:
    """With nothing known there is nothing to suggest."""
    assert closest("icb", []) is None
