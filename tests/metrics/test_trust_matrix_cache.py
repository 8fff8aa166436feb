"""The trust matrix is kept up to date row by row: only rows whose trust moved are recomputed, never a stale one."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from boardsim.core.metrics import beta_expectation
from boardsim.core.metrics.trust import FictionalMonths, TrustLedger

MEMBERS = ("council", "icb", "dph", "trust", "healthwatch")
START = dt.date(2027, 4, 1)


def _ledger() -> TrustLedger:
    return TrustLedger(MEMBERS, FictionalMonths(START), 0.9)


def _recomputed(ledger: TrustLedger) -> tuple[dict[str, dict[str, float]], float]:
    """Every pair worked out afresh from the ledger's evidence, and their mean summed in member order."""
    matrix = {
        truster: {
            trustee: beta_expectation(*ledger.evidence(truster, trustee)) for trustee in MEMBERS if trustee != truster
        }
        for truster in MEMBERS
    }
    total = 0.0
    for row in matrix.values():
        for value in row.values():
            total += value
    return matrix, total / (len(MEMBERS) * (len(MEMBERS) - 1))


def test_a_row_whose_trust_did_not_move_is_the_same_object_as_before() -> None:
    """Evidence about the ICB held by the council gives the council a new row; every other row is reused."""
    ledger = _ledger()
    before = dict(ledger.rows())
    ledger.add("council", "icb", 2.0, 0.0)
    after = ledger.rows()
    assert after["council"] is not before["council"]
    assert all(after[member] is before[member] for member in MEMBERS if member != "council")
    assert after["council"]["icb"] == beta_expectation(2.0, 0.0)


def test_moving_the_clock_recomputes_every_row_with_evidence() -> None:
    """Forgetting changes every pair with evidence, so a month later the council's row is new and faded."""
    ledger = _ledger()
    ledger.add("council", "icb", 4.0, 0.0)
    fresh = ledger.rows()["council"]["icb"]
    ledger.advance(30)
    assert ledger.rows()["council"]["icb"] < fresh


def test_rows_handed_out_earlier_are_never_changed_afterwards() -> None:
    """A snapshot holding a row keeps the values it was given, whatever evidence arrives later."""
    ledger = _ledger()
    held = ledger.rows()["dph"]
    ledger.add("dph", "council", 0.0, 3.0)
    ledger.rows()
    assert held["council"] == 0.5


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    st.lists(
        st.one_of(
            st.tuples(
                st.sampled_from(MEMBERS),
                st.sampled_from(MEMBERS),
                st.floats(0, 3),
                st.floats(0, 3),
            ),
            st.integers(0, 45),
        ),
        max_size=30,
    )
)
def test_the_kept_matrix_always_equals_one_worked_out_afresh(steps: list[tuple[str, str, float, float] | int]) -> None:
    """After any mix of evidence and passing days, matrix and mean equal a full recomputation, bit for bit."""
    ledger = _ledger()
    day = 0
    for step in steps:
        if isinstance(step, int):
            day += step
            ledger.advance(day)
        else:
            truster, trustee, positive, negative = step
            if truster != trustee:
                ledger.add(truster, trustee, positive, negative)
        matrix, mean = _recomputed(ledger)
        assert ledger.matrix() == matrix
        assert ledger.board_mean() == mean
