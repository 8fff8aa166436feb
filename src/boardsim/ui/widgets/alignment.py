"""Alignment: gauges for goal, vote cohesion, resources and the composite, each with a sparkline over the
workshop; the leadership distribution; and each member's say–do gap."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Sparkline, Static

from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard, MetricSample
from boardsim.ui.formatting import share

from .line_list import LineList, LineRow
from .panel import DashboardPanel

GAUGE_WIDTH = 12
BAR_WIDTH = 16


def gauge(value: float | None, width: int = GAUGE_WIDTH) -> str:
    """A text bar with the figure and a level symbol: '███████░░░░░  62% △' (dots when not measured yet)."""
    if value is None:
        return "·" * width + "    — " + palette.level(None).symbol
    filled = round(min(max(value, 0.0), 1.0) * width)
    status = palette.level(value)
    return f"[{status.colour}]{'█' * filled}[/]{'░' * (width - filled)} [b]{share(value):>4}[/b] {status.markup('')}"


_MEASURES: list[tuple[str, str, Callable[[MetricSample], float | None]]] = [
    ("composite", "Alignment (composite)", lambda sample: sample.alignment_composite),
    ("goal", "Goal alignment", lambda sample: sample.goal_alignment),
    ("cohesion", "Vote cohesion", lambda sample: sample.vote_cohesion),
    ("resources", "Resources pooled", lambda sample: sample.resource_alignment),
    ("leadership", "Leadership shared", lambda sample: sample.leadership_distribution),
    ("trust", "Board trust", lambda sample: sample.board_trust),
]

LEGEND = (
    f"{palette.level(0.9).symbol} high (≥65%)  {palette.level(0.5).symbol} middling  "
    f"{palette.level(0.1).symbol} low (<40%)  "
    f"{palette.level(None).symbol} not measured yet. Sparklines: a point whenever a step moved the figures."
)


class AlignmentPanel(DashboardPanel):
    """One line per measure (name, gauge, sparkline), then the say–do gap per member."""

    DEFAULT_CSS = """
    AlignmentPanel { height: 1fr; layout: vertical; }
    AlignmentPanel #gauges { height: auto; }
    AlignmentPanel .metric { height: 1; }
    AlignmentPanel .metric Label { width: 23; padding: 0 0 0 1; }
    AlignmentPanel .metric Static { width: 24; }
    AlignmentPanel Sparkline { width: 1fr; height: 1; margin: 0 1; }
    AlignmentPanel #alignment-note { color: $text-muted; padding: 0 1; height: auto; }
    AlignmentPanel #say-do { height: 1fr; }
    AlignmentPanel #say-do-heading { padding: 0 1; text-style: bold; }
    AlignmentPanel #say-do-table { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="gauges"):
            for key, label, _ in _MEASURES:
                with Horizontal(classes="metric"):
                    yield Label(label)
                    yield Static("", id=f"gauge-{key}")
                    yield Sparkline([], id=f"spark-{key}")
            yield Static(LEGEND, id="alignment-note")
        with Vertical(id="say-do"):
            yield Label("Say–do gap per member (0% = its choices follow its stated priorities)", id="say-do-heading")
            yield LineList((4, BAR_WIDTH), ("gap", "follows through", "member"), id="say-do-table")

    def show_dashboard(self, dashboard: Dashboard) -> None:
        samples = dashboard.samples
        latest = MetricSample.of(dashboard.metrics)
        for key, _, read in _MEASURES:
            self.set_static(f"#gauge-{key}", gauge(read(latest)), layout=False)
            series = [value for value in (read(sample) for sample in samples) if value is not None]
            # One point says nothing about a trend (and draws as a solid block), so wait for two.
            if not self.unchanged(f"spark-{key}", series):
                self.query_one(f"#spark-{key}", Sparkline).data = series if len(series) >= 2 else []
        if self.unchanged("say-do", dashboard.metrics.say_do_gap):
            return
        table = self.query_one("#say-do-table", LineList)
        table.set_rows(
            [say_do_row(dashboard.member_name(member), gap) for member, gap in dashboard.metrics.say_do_gap.items()],
            follow=False,
        )


def say_do_row(name: str, gap: float | None) -> LineRow:
    """The gap, a bar of how far the member follows through, then the member's name."""
    # For a gap, high is bad: the bar shows (1 - gap) so "more bar" always means "better".
    if gap is None:
        return (("—".rjust(4), ""), ("·" * BAR_WIDTH, "dim")), name
    filled = round((1 - gap) * BAR_WIDTH)
    return ((share(gap).rjust(4), "bold"), ("█" * filled + "░" * (BAR_WIDTH - filled), "")), name
