"""A board member's seat: their briefs, inbox, the open decision, their commitments and the public board.

Everything on this screen comes from that member's MemberView (and the scenario's public labels), so nothing
private to another member can appear. After a decision is accepted the screen hands back to the app, which
clears it behind a privacy screen before the next seat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static, TabbedContent, TabPane

from boardsim.core.engine import MemberView
from boardsim.core.engine.views import OpenDecision
from boardsim.core.scenario.model import PledgeMode, VoteMode
from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import date_of, escape, long_date
from boardsim.ui.widgets.brief import BriefView
from boardsim.ui.widgets.commitments import CommitmentsView
from boardsim.ui.widgets.decision_form import DecisionForm
from boardsim.ui.widgets.inbox import InboxView
from boardsim.ui.widgets.member_panel import MemberPanel
from boardsim.ui.widgets.public_board import PublicBoard, scenario_option_labels

from .confirm import ConfirmScreen

if TYPE_CHECKING:
    from boardsim.ui.app import BoardsimApp


WIDE = 120
"""Terminal width from which the briefs stay visible beside the decision (the app's `-wide` breakpoint)."""


def undecided(view: MemberView) -> list[OpenDecision]:
    """The member's open decisions it has not decided yet, in the order they opened."""
    return [decision for decision in view.open_decisions if not decision.you_have_decided]


class SeatScreen(Screen[None]):
    """One member's screen on the shared terminal."""

    CSS_PATH = "seat.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "Submit", id="seat.submit", priority=True),
        Binding("escape", "leave", "Leave", id="seat.leave"),
        Binding("f2", "show_tab('decide')", "Decide", id="seat.tab-decide"),
        Binding("f3", "show_tab('briefs')", "Briefs", id="seat.tab-briefs"),
        Binding("f4", "show_tab('inbox')", "Inbox", id="seat.tab-inbox"),
        Binding("f5", "show_tab('promises')", "Promises", id="seat.tab-promises"),
        Binding("f6", "show_tab('board')", "Board", id="seat.tab-board"),
    ]

    view: var[MemberView | None] = var(None, init=False, always_update=True)

    def __init__(self, member: str) -> None:
        super().__init__()
        self.member = member
        self._shown_dilemma: str | None = None
        self._sent: str | None = None
        self._finished = False

    @property
    def boardsim(self) -> BoardsimApp:
        return cast("BoardsimApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static("", id="seat-header")
        with Horizontal(id="seat-body"):
            with TabbedContent(id="seat-tabs", initial="decide"):
                with TabPane("Decide", id="decide"):
                    yield Container(id="decision-slot")
                for tab, label in (
                    ("briefs", "Briefs"),
                    ("inbox", "Inbox"),
                    ("promises", "Promises"),
                    ("board", "Board"),
                ):
                    yield TabPane(label, id=tab)
            # On a wide terminal the member's briefs stay in view beside the decision.
            if self.app.size.width >= WIDE:
                with Vertical(id="seat-side"):
                    yield BriefView(id="side-brief")
        yield Footer()

    def on_mount(self) -> None:
        self._filled = {"decide"}
        self.watch(self.app, "dashboard", self._take_dashboard)

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        # Filled the first time they are shown, to keep the hand-over between seats quick.
        pane = event.pane
        if pane.id is None or pane.id in self._filled:
            return
        self._filled.add(pane.id)
        await pane.mount(self._tab_content(pane.id))
        self.watch_view(self.view)
        if self.focused is None:
            self._focus_tab(pane.id)

    def _tab_content(self, tab: str) -> Widget:
        if tab == "briefs":
            return BriefView()
        if tab == "inbox":
            return InboxView()
        if tab == "promises":
            return CommitmentsView()
        dashboard = self.boardsim.dashboard
        return PublicBoard(scenario_option_labels(dashboard.scenario) if dashboard else {}, id="seat-public-board")

    def watch_view(self, view: MemberView | None) -> None:
        if view is None:
            return
        for panel in self.query(MemberPanel):
            panel.view = view
        for board in self.query(PublicBoard):
            board.board = view.board

    def _take_dashboard(self, dashboard: Dashboard | None) -> None:
        if dashboard is None or self._finished:
            return
        view = dashboard.members.get(self.member)
        if view is None:
            return
        self.view = view
        self._show_header(dashboard, view)
        pending = undecided(view)
        if self._sent is not None and dashboard.command == f"submit:{self.member}":
            self._sent = None
            if not pending:
                self._finished = True
                self.boardsim.seat_finished(self.member)
                return
        self._show_decision(dashboard, view, pending)

    def _show_header(self, dashboard: Dashboard, view: MemberView) -> None:
        date = long_date(date_of(dashboard.scenario, view.board.day))
        player = dashboard.humans.get(self.member, "")
        played = f" · played by {escape(player)}" if player else ""
        inbox = f" · {palette.NEWS.symbol} {len(view.inbox)} in your inbox"
        self.query_one("#seat-header", Static).update(
            f"{palette.HUMAN.symbol} [b]{escape(view.seat)}[/b] — {escape(view.name)}{played}\n"
            f"{escape(view.board.title)} · [b]{date}[/b]{inbox}"
        )

    def _show_decision(self, dashboard: Dashboard, view: MemberView, pending: list[OpenDecision]) -> None:
        current = pending[0] if pending else None
        dilemma = current.dilemma if current is not None else None
        if dilemma == self._shown_dilemma and self.query("#decision-slot > *"):
            return
        slot = self.query_one("#decision-slot", Container)
        slot.remove_children()
        self._shown_dilemma = dilemma
        if current is None:
            slot.mount(
                Static(
                    "Nothing for you to decide right now.\n\nRead your briefs and inbox (F3, F4); press Esc to hand "
                    "the terminal back.",
                    id="nothing-to-decide",
                )
            )
            return
        model = next((item for item in dashboard.scenario.dilemmas if item.id == current.dilemma), None)
        quorum = model.mode.quorum if model is not None and isinstance(model.mode, VoteMode) else None
        pool_name = None
        if model is not None and isinstance(model.mode, PledgeMode):
            pool_id = model.mode.pool
            pool_name = next((pool.name for pool in view.board.pools if pool.id == pool_id), pool_id)
        names = {member.id: member.name for member in view.board.members}
        position = f"({1} of {len(pending)})" if len(pending) > 1 else ""
        slot.mount(
            DecisionForm(
                current,
                start=dashboard.scenario.calendar.start,
                names=names,
                quorum=quorum,
                pool=pool_name,
                position=position,
                id="decision-form",
            )
        )

    def on_decision_form_submitted(self, event: DecisionForm.Submitted) -> None:
        event.stop()
        self._sent = event.dilemma
        self.boardsim.controller.submit(
            self.member, event.dilemma, option=event.option, amount=event.amount, rationale=event.rationale
        )

    def submit_failed(self, message: str) -> None:
        """The engine refused the decision: show why on the form."""
        self._sent = None
        forms = self.query(DecisionForm)
        if forms:
            forms.first().sending_failed(message)
        else:
            self.notify(message, severity="error")

    def action_submit(self) -> None:
        forms = self.query(DecisionForm)
        if forms:
            if self.query_one("#seat-tabs", TabbedContent).active != "decide":
                self.action_show_tab("decide")
            forms.first().submit()

    def action_leave(self) -> None:
        view = self.view
        if view is None or not undecided(view) or self._sent is not None:
            self._leave()
            return

        def leave(answer: bool | None) -> None:
            if answer:
                self._leave()

        self.app.push_screen(
            ConfirmScreen(
                "Leave without deciding?",
                "Your decision stays open until its deadline; if you have not decided by then, the default applies.",
                yes="Leave",
                no="Stay",
            ),
            leave,
        )

    def _leave(self) -> None:
        self._finished = True
        self.boardsim.seat_finished(self.member)

    def action_show_tab(self, tab: str) -> None:
        # Let go of the focus first: a focused widget left on the old tab would pull TabbedContent back to it.
        self.set_focus(None)
        self.query_one("#seat-tabs", TabbedContent).active = tab
        self.call_after_refresh(self._focus_tab, tab)

    def _focus_tab(self, tab: str) -> None:
        pane = self.query_one(f"#{tab}", TabPane)
        targets = pane.query("#amount, #options") if tab == "decide" else pane.query("VerticalScroll")
        if targets:
            targets.first().focus()
