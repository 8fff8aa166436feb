"""Metrics computed from what happens in a run: trust, alignment, leadership distribution and say–do gap.

Pure and incremental: the engine feeds `MetricsTracker` facts as they happen (decisions, pledges, commitments
falling due, explicit trust effects, leads, money balances) and asks for a `MetricsSnapshot` whenever it wants
one. Every trust change carries its `Cause`, with a sentence a facilitator can read out. The formulas, their
sources and the evidence rules are explained in facilitator_guide/metrics.md.
"""

from .evidence import (
    COMMITMENT_BROKEN_WEIGHT,
    COMMITMENT_KEPT_WEIGHT,
    COSTLY_COOPERATION_WEIGHT,
    DEFECTION_WEIGHT,
    GENEROUS_PLEDGE_WEIGHT,
    MINIMAL_PLEDGE_WEIGHT,
)
from .plan import MetricsPlan
from .snapshot import Cause, MetricsSnapshot, TrustChange, TrustFace, TrustRow
from .tracker import MetricsTracker
from .trust import DEFAULT_FORGETTING_PER_MONTH, beta_expectation

__all__ = [
    "COMMITMENT_BROKEN_WEIGHT",
    "COMMITMENT_KEPT_WEIGHT",
    "COSTLY_COOPERATION_WEIGHT",
    "DEFAULT_FORGETTING_PER_MONTH",
    "DEFECTION_WEIGHT",
    "GENEROUS_PLEDGE_WEIGHT",
    "MINIMAL_PLEDGE_WEIGHT",
    "Cause",
    "MetricsPlan",
    "MetricsSnapshot",
    "MetricsTracker",
    "TrustChange",
    "TrustFace",
    "TrustRow",
    "beta_expectation",
]
