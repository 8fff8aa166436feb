"""What each facilitator command does on the console: ask what is needed (a list, a form, a confirmation),
then hand the request to the controller. The console screen inherits these actions."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.reactive import var
from textual.screen import Screen
from textual.widgets import TabbedContent

from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import plural

from .adjust_form import AdjustForm, AdjustRequest
from .choose import ChooseScreen
from .confirm import ConfirmScreen
from .console_commands import point_label
from .extend_form import ExtendForm, ExtendRequest
from .inject_form import InjectForm, InjectRequest
from .note_form import NoteForm

if TYPE_CHECKING:
    from boardsim.ui.app import BoardsimApp


class FacilitatorActions(Screen[None]):
    """The console's command actions (bound to keys, buttons and the command palette by the console)."""

    dashboard: var[Dashboard | None] = var(None, init=False, always_update=True)

    @property
    def boardsim(self) -> BoardsimApp:
        return cast("BoardsimApp", self.app)

    def _started_dashboard(self) -> Dashboard | None:
        dashboard = self.dashboard
        if dashboard is None:
            self.notify("The run is still starting.", severity="warning")
        return dashboard

    def _running_dashboard(self) -> Dashboard | None:
        dashboard = self._started_dashboard()
        if dashboard is not None and dashboard.board.ended:
            self.notify("The run has ended: you can still write notes, rewind, or quit.", severity="warning")
            return None
        return dashboard

    def action_advance(self) -> None:
        dashboard = self._running_dashboard()
        if dashboard is None:
            return
        if dashboard.board.paused:
            self.notify("The run is paused: press p to resume first.", severity="warning")
            return
        waiting = dashboard.waiting_humans
        if waiting:
            names = ", ".join(dashboard.seat_title(member) for member in waiting)

            def run_on(answer: bool | None) -> None:
                if answer:
                    self.boardsim.controller.advance()

            self.app.push_screen(
                ConfirmScreen(
                    f"{plural(len(waiting), 'seat')} still to decide. Run on anyway?",
                    f"Waiting on: {names}. Fictional time will run on; a seat that has not decided by its "
                    "deadline gets the default. Press h instead to hand over to them.",
                    yes="Run on",
                    no="Wait",
                ),
                run_on,
            )
            return
        self.boardsim.controller.advance()

    def action_pause(self) -> None:
        dashboard = self._running_dashboard()
        if dashboard is None:
            return
        if dashboard.board.paused:
            self.boardsim.controller.resume()
        else:
            self.boardsim.controller.pause()

    def action_handover(self) -> None:
        dashboard = self._running_dashboard()
        if dashboard is None:
            return
        if not dashboard.waiting_humans:
            self.notify("No human seat has a decision waiting.", severity="information")
            return
        self.boardsim.hand_over()

    def action_trigger(self) -> None:
        dashboard = self._running_dashboard()
        if dashboard is None:
            return
        pending = _pending_injects(dashboard)

        def trigger(inject: str | None) -> None:
            if inject:
                self.boardsim.controller.trigger_inject(inject)

        self.app.push_screen(
            ChooseScreen("Trigger which inject now?", pending, empty="Every inject has landed or been skipped."),
            trigger,
        )

    def action_skip(self) -> None:
        dashboard = self._running_dashboard()
        if dashboard is None:
            return
        pending = _pending_injects(dashboard)
        titles = dict(pending)

        def confirm(inject: str | None) -> None:
            if not inject:
                return

            def skip(answer: bool | None) -> None:
                if answer:
                    self.boardsim.controller.skip_inject(inject)

            self.app.push_screen(
                ConfirmScreen(
                    f"Skip “{titles[inject]}”?",
                    "It will not land in this run. This cannot be undone (except by rewinding).",
                ),
                skip,
            )

        self.app.push_screen(
            ChooseScreen("Skip which inject?", pending, empty="Every inject has landed or been skipped."), confirm
        )

    def action_manual(self) -> None:
        dashboard = self._running_dashboard()
        if dashboard is None:
            return
        members = [(member.id, member.name) for member in dashboard.board.members]

        def send(request: InjectRequest | None) -> None:
            if request is not None:
                self.boardsim.controller.manual_inject(request.title, request.text, request.audience)

        self.app.push_screen(InjectForm(members), send)

    def _open_dilemmas(self, dashboard: Dashboard) -> list[tuple[str, str]]:
        return [(decision.dilemma, decision.title) for decision in dashboard.board.open_decisions]

    def action_extend(self) -> None:
        dashboard = self._running_dashboard()
        if dashboard is None:
            return
        dilemmas = self._open_dilemmas(dashboard)
        if not dilemmas:
            self.notify("No dilemma is open.", severity="warning")
            return

        def extend(request: ExtendRequest | None) -> None:
            if request is not None:
                self.boardsim.controller.extend_dilemma(request.dilemma, request.by)

        self.app.push_screen(ExtendForm(dilemmas), extend)

    def action_close(self) -> None:
        dashboard = self._running_dashboard()
        if dashboard is None:
            return
        dilemmas = self._open_dilemmas(dashboard)
        if not dilemmas:
            self.notify("No dilemma is open.", severity="warning")
            return
        titles = dict(dilemmas)
        waiting = {decision.open.dilemma: decision.waiting_on for decision in dashboard.facilitator.open_decisions}

        def confirm(dilemma: str | None) -> None:
            if not dilemma:
                return
            undecided = waiting.get(dilemma, [])
            detail = (
                f"{plural(len(undecided), 'seat')} ({', '.join(dashboard.member_name(m) for m in undecided)}) "
                "will get the default. "
                if undecided
                else "Everyone has decided. "
            ) + "The choices are revealed and cannot be changed."

            def close(answer: bool | None) -> None:
                if answer:
                    self.boardsim.controller.close_dilemma(dilemma)

            self.app.push_screen(ConfirmScreen(f"Close “{titles[dilemma]}” now?", detail, yes="Close it"), close)

        self.app.push_screen(ChooseScreen("Close which dilemma?", dilemmas), confirm)

    def action_adjust(self) -> None:
        dashboard = self._running_dashboard()
        if dashboard is None:
            return

        def adjust(request: AdjustRequest | None) -> None:
            if request is not None:
                self.boardsim.controller.adjust_state(request.name, request.value, request.note)

        self.app.push_screen(AdjustForm(dashboard.board.state), adjust)

    def action_rewind(self) -> None:
        dashboard = self._started_dashboard()
        if dashboard is None:
            return
        points = [
            (str(point.seq), point_label(dashboard, point)) for point in reversed(dashboard.facilitator.decision_points)
        ]
        labels = dict(points)

        def confirm(seq: str | None) -> None:
            if not seq:
                return

            def rewind(answer: bool | None) -> None:
                if answer:
                    self.boardsim.controller.rewind(int(seq))

            self.app.push_screen(
                ConfirmScreen(
                    f"Rewind to {labels[seq]}?",
                    f"Play continues in a fork from that point. The run so far stays saved in "
                    f"{dashboard.journal.path}; the fork is saved beside it.",
                    yes="Rewind",
                ),
                rewind,
            )

        self.app.push_screen(ChooseScreen("Rewind to which decision point?", points), confirm)

    def action_note(self) -> None:
        if self._started_dashboard() is None:
            return

        def save(text: str | None) -> None:
            if text:
                self.boardsim.controller.add_note(text)

        self.app.push_screen(NoteForm(), save)

    def action_seat(self) -> None:
        dashboard = self._started_dashboard()
        if dashboard is None:
            return
        seats = [
            (member, f"{dashboard.seat_title(member)} — {dashboard.member_name(member)} ({name or 'unnamed'})")
            for member, name in dashboard.humans.items()
        ]

        def open_seat(member: str | None) -> None:
            if member:
                self.boardsim.open_seat(member)

        self.app.push_screen(ChooseScreen("Open whose seat?", seats, empty="Every seat is played by a bot."), open_seat)

    def action_projector(self) -> None:
        self.boardsim.show_projector()

    def action_show_tab(self, tab: str) -> None:
        tabs = self.query_one("#console-tabs", TabbedContent)
        if tabs.active == tab:
            return
        self.prepare_tab(tab)
        # Let go of the focus first: a focused widget left on the old tab would pull TabbedContent back to it.
        self.set_focus(None)
        tabs.active = tab

    def prepare_tab(self, tab: str) -> None:
        """Bring a tab's panels up to date just before it is shown (the console knows its panels)."""


def _pending_injects(dashboard: Dashboard) -> list[tuple[str, str]]:
    """Injects that have neither landed nor been skipped, as (id, "title — trigger") for a chooser."""
    return [
        (item.inject, f"{item.title} — {item.trigger}")
        for item in dashboard.facilitator.injects
        if item.status == "pending"
    ]
