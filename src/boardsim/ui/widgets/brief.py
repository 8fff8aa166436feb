"""A member's briefs (public and private) and its accountabilities, on its own seat screen only."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from boardsim.core.engine import MemberView
from boardsim.ui import palette
from boardsim.ui.formatting import escape

from .member_panel import MemberPanel


def brief_text(view: MemberView) -> str:
    """The seat's briefs and accountabilities as markup."""
    lines = [
        f"[b]{escape(view.name)}[/b] — {escape(view.seat)}",
        "",
        "[b]Your public brief[/b] (everyone at the table has read it)",
        escape(view.brief),
        "",
        "[b]Your private brief[/b] (only you see this)",
        escape(view.private_brief) if view.private_brief else "[dim]Nothing private.[/dim]",
        "",
        "[b]What you answer for outside the board[/b]",
    ]
    for duty in view.accountabilities:
        status = palette.BREACH if duty.in_breach else palette.OK
        lines.append(
            f"{status.markup()} · {escape(duty.description)} [dim]({duty.kind}, {duty.severity}; "
            f"answers to {escape(duty.answers_to)})[/dim]"
        )
    if not view.accountabilities:
        lines.append("[dim]None declared.[/dim]")
    return "\n".join(lines)


class BriefView(MemberPanel):
    """Scrollable briefs."""

    DEFAULT_CSS = """
    BriefView { height: 1fr; }
    BriefView VerticalScroll { height: 1fr; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("", classes="brief-text")

    def show_view(self, view: MemberView) -> None:
        self.query_one(".brief-text", Static).update(brief_text(view))
