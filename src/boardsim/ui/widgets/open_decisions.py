"""The decisions open now, for the facilitator: who has decided (and, hidden from the room, what)."""

from __future__ import annotations

from textual.app import ComposeResult

from boardsim.core.engine.views import FacilitatorDecision, HiddenDecision
from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import date_of, money, short_date

from .line_list import LineList, LineRow
from .panel import DashboardPanel


def decision_rows(dashboard: Dashboard, decision: FacilitatorDecision) -> list[LineRow]:
    """A heading, the count decided, then each decider: decided or waiting, person or bot, and the choice."""
    open_ = decision.open
    deadline = short_date(date_of(dashboard.scenario, open_.deadline_day)).strip()
    rule = f", {open_.rule}" if open_.rule else ""
    rows: list[LineRow] = [
        ((), (f"{open_.title} ({open_.mode}{rule}) — closes {deadline}", "bold")),
        ((), f"  {len(open_.decided)} of {len(open_.deciders)} decided (choices hidden from the room)"),
    ]
    decided = {hidden.member: hidden for hidden in decision.decisions}
    labels = {option.id: option.label for option in open_.options}
    for member in open_.deciders:
        seat = palette.HUMAN if member in dashboard.humans else palette.BOT
        hidden = decided.get(member)
        status = palette.WAITING if hidden is None else palette.DECIDED
        choice = ("waiting", "italic") if hidden is None else (_choice(hidden, labels), "dim")
        rows.append(
            (
                (
                    (status.symbol, status.colour),
                    (seat.symbol, seat.colour),
                    (dashboard.labels.get(member, member), ""),
                ),
                choice,
            )
        )
    return rows


class OpenDecisionsPanel(DashboardPanel):
    """Each open dilemma: mode, deadline and every decider's status."""

    # A fixed share of the column, not the height of its rows: decisions open and close after most commands,
    # and a panel that grew and shrank with them would relayout the whole console each time.
    DEFAULT_CSS = """
    OpenDecisionsPanel { height: 2fr; }
    OpenDecisionsPanel LineList { height: 1fr; overflow-y: scroll; }
    """

    def compose(self) -> ComposeResult:
        yield LineList((1, 1, 7), sentence_width=12, id="open-decisions-list")

    def show_dashboard(self, dashboard: Dashboard) -> None:
        decisions = dashboard.facilitator.open_decisions
        rows: list[LineRow] = [row for decision in decisions for row in decision_rows(dashboard, decision)]
        if not rows:
            rows = [((), ("Open decisions", "bold")), ((), "None open now.")]
        if not self.unchanged("rows", rows):
            self.query_one("#open-decisions-list", LineList).set_rows(rows, follow=False)


def _choice(hidden: HiddenDecision, labels: dict[str, str]) -> str:
    if hidden.amount is not None:
        return f"pledged {money(hidden.amount)}"
    if hidden.option is None:
        return "abstained"
    return labels.get(hidden.option, hidden.option)
