"""The decisions open now, for the facilitator: who has decided (and, hidden from the room, what)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from boardsim.core.engine.views import FacilitatorDecision, HiddenDecision
from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import date_of, escape, money, short_date

from .panel import DashboardPanel


class OpenDecisionsPanel(DashboardPanel):
    """Each open dilemma: mode, deadline and every decider's status."""

    DEFAULT_CSS = """
    OpenDecisionsPanel { height: auto; max-height: 60%; }
    OpenDecisionsPanel VerticalScroll { height: auto; }
    OpenDecisionsPanel Static { padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("No decision is open.", id="open-decisions-text")

    def show_dashboard(self, dashboard: Dashboard) -> None:
        decisions = dashboard.facilitator.open_decisions
        if not decisions:
            text = "[b]Open decisions[/b]\nNone open now."
        else:
            text = "\n".join(self._describe(dashboard, decision) for decision in decisions)
        self.set_static("#open-decisions-text", text)

    def _describe(self, dashboard: Dashboard, decision: FacilitatorDecision) -> str:
        open_ = decision.open
        deadline = short_date(date_of(dashboard.scenario, open_.deadline_day)).strip()
        rule = f", {open_.rule}" if open_.rule else ""
        lines = [
            f"[b]{escape(open_.title)}[/b] ({open_.mode}{rule}) — closes {deadline}",
            f"  {len(open_.decided)} of {len(open_.deciders)} decided [dim](choices hidden from the room)[/dim]",
        ]
        decided = {hidden.member: hidden for hidden in decision.decisions}
        labels = {option.id: option.label for option in open_.options}
        for member in open_.deciders:
            seat = palette.HUMAN if member in dashboard.humans else palette.BOT
            name = escape(dashboard.labels.get(member, member))
            hidden = decided.get(member)
            if hidden is None:
                lines.append(f"  {palette.WAITING.markup('')} {seat.markup('')} {name}: [i]waiting[/i]")
            else:
                lines.append(
                    f"  {palette.DECIDED.markup('')} {seat.markup('')} {name}: "
                    f"[dim]{escape(_choice(hidden, labels))}[/]"
                )
        return "\n".join(lines)


def _choice(hidden: HiddenDecision, labels: dict[str, str]) -> str:
    if hidden.amount is not None:
        return f"pledged {money(hidden.amount)}"
    if hidden.option is None:
        return "abstained"
    return labels.get(hidden.option, hidden.option)
