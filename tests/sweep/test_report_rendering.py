"""Rendering the balance report: block histograms, bars, the text tables and the JSON document."""

import json

from sweep_helpers import random_records, record, tiny_header, tiny_layout

from boardsim.adapters.diagnostics_format import format_finding
from boardsim.adapters.sweep_report import bar, render_json, render_text, spark
from boardsim.core.sweep import BalanceReport, Distribution, SweepAggregator, balance_findings, summarise
from boardsim.core.sweep.sketch import HistogramBin


def _report() -> BalanceReport:
    aggregate = SweepAggregator(tiny_layout())
    aggregate.add_all(random_records(300))
    return summarise(tiny_header(300), aggregate)


def test_spark_scales_the_tallest_bin_to_a_full_block() -> None:
    """Counts 0, 4, 8 draw as blank, half block, full block."""
    bins = [HistogramBin(low=i, high=i + 1, count=c) for i, c in enumerate((0, 4, 8))]
    assert spark(Distribution(count=12, histogram=bins)) == " ▄█"


def test_bar_draws_eighths_of_a_character() -> None:
    """A share of 0.5 on a 10-wide bar is five full blocks; 0.05 is a four-eighths block."""
    assert bar(0.5) == "█████     "
    assert bar(0.05).rstrip() == "▌"
    assert bar(None) == " " * 10


def test_text_report_has_every_section() -> None:
    """The terminal report shows dilemmas, members, accountabilities, pools, commitments, metrics, findings."""
    report = _report()
    text = render_text(report, balance_findings(report, tiny_layout()), format_finding)
    for heading in ("Dilemmas", "Members", "Accountabilities", "Pools", "Commitments", "Debrief events",
                    "Trust and alignment at the end", "Measures at the end", "Findings"):  # fmt: skip
        assert f"\n{heading}" in text
    assert "split" in text
    assert "300 playthroughs played" in text


def test_json_report_is_stable_and_complete() -> None:
    """The JSON document names its format, holds the report and the findings, and renders the same twice."""
    report = _report()
    findings = balance_findings(report, tiny_layout())
    document = json.loads(render_json(report, findings))
    assert document["format"] == "boardsim-sweep-report/1"
    assert document["report"]["sweep"]["played"] == 300
    assert isinstance(document["findings"], list)
    assert render_json(report, findings) == render_json(report, findings)


def test_a_sweep_where_every_run_failed_shows_only_the_failure() -> None:
    """With no run played, the report skips the empty tables and shows the run-failed error."""
    aggregate = SweepAggregator(tiny_layout())
    aggregate.add_all(record(run, error="boom") for run in range(3))
    report = summarise(tiny_header(3), aggregate)
    text = render_text(report, balance_findings(report, tiny_layout(), "tiny.yaml"), format_finding)
    assert "No playthrough finished" in text
    assert "Members" not in text
    assert "error[sweep-run-failed]" in text
    assert "boardsim run tiny.yaml --seed 1000" in text
