"""Balance sweeps: many seeded all-bot playthroughs of a scenario, aggregated into a balance report.

The pure parts live here — which runs to play (plan), what one run leaves behind (record, extracted from a
finished Session in outcome.py), streaming order-independent aggregation, the report and its findings. The
adapters run the plan on an executor, stream records to JSON Lines and render the report.
"""

from .aggregate import METRIC_NAMES, SweepAggregator
from .codes import SWEEP_CODES, sweep_finding
from .findings import balance_findings
from .layout import ScenarioLayout, scenario_layout, transport_json
from .plan import ALL_DISPOSITIONS, MixError, RunSpec, SweepPlan, chunked, parse_mix, plan_for
from .record import SWEEP_FORMAT, DilemmaOutcome, MemberOutcome, RunOutcome, SweepHeader
from .sketch import Distribution, Sketch
from .summary import BalanceReport, summarise

__all__ = [
    "ALL_DISPOSITIONS",
    "METRIC_NAMES",
    "SWEEP_CODES",
    "SWEEP_FORMAT",
    "BalanceReport",
    "DilemmaOutcome",
    "Distribution",
    "MemberOutcome",
    "MixError",
    "RunOutcome",
    "RunSpec",
    "ScenarioLayout",
    "Sketch",
    "SweepAggregator",
    "SweepHeader",
    "SweepPlan",
    "balance_findings",
    "chunked",
    "parse_mix",
    "plan_for",
    "scenario_layout",
    "summarise",
    "sweep_finding",
    "transport_json",
]
