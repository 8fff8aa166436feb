"""A member's commitments: what it promised, when it falls due, and whether it was kept or broken."""

from __future__ import annotations

import datetime as _dt

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from boardsim.core.engine import MemberView
from boardsim.core.engine.views import CommitmentView
from boardsim.ui import palette
from boardsim.ui.formatting import escape, long_date

from .member_panel import MemberPanel


def commitment_line(commitment: CommitmentView, start: _dt.date, names: dict[str, str]) -> str:
    """'◷ pending · due 1 October 2027 · <promise> (owed to …)'."""
    status = {"pending": palette.PENDING, "kept": palette.KEPT, "broken": palette.BROKEN}[commitment.status]
    due = long_date(start + _dt.timedelta(days=commitment.due_day))
    owed = ", ".join(names.get(member, member) for member in commitment.owed_to) or "the board"
    return f"{status.markup()} · due {due} · {escape(commitment.promise)} [dim](owed to {escape(owed)})[/dim]"


class CommitmentsView(MemberPanel):
    """The member's own promises (its seat screen) — made, due, kept or broken."""

    DEFAULT_CSS = """
    CommitmentsView { height: 1fr; }
    CommitmentsView VerticalScroll { height: 1fr; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("", id="commitments-text")

    def show_view(self, view: MemberView) -> None:
        names = {member.id: member.name for member in view.board.members}
        start = _dt.date.fromisoformat(view.board.date) - _dt.timedelta(days=view.board.day)
        if not view.commitments:
            text = "[dim]You have made no commitments yet. Some options commit whoever chooses (or leads) them.[/dim]"
        else:
            text = "\n".join(commitment_line(item, start, names) for item in view.commitments)
        self.query_one("#commitments-text", Static).update(text)
