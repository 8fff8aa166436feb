"""A member's inbox: the news addressed to everyone or to it, newest first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from boardsim.core.engine import MemberView
from boardsim.ui import palette
from boardsim.ui.formatting import escape

from .member_panel import MemberPanel


class InboxView(MemberPanel):
    """Each news item with its date, who else received it, and its text."""

    DEFAULT_CSS = """
    InboxView { height: 1fr; }
    InboxView VerticalScroll { height: 1fr; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("", id="inbox-text")

    def show_view(self, view: MemberView) -> None:
        names = {member.id: member.name for member in view.board.members}
        if not view.inbox:
            self.query_one("#inbox-text", Static).update("[dim]Nothing has arrived yet.[/dim]")
            return
        blocks = []
        for item in reversed(view.inbox):
            if item.audience == "all":
                to = "to everyone"
            elif isinstance(item.audience, list):
                others = [names.get(member, member) for member in item.audience if member != view.member]
                to = "to you only" if not others else "to you and " + ", ".join(others)
            else:
                to = "to the facilitator"
            blocks.append(
                f"{palette.NEWS.symbol} [b]{escape(item.title)}[/b]\n"
                f"[dim]{item.date} · {escape(to)}[/dim]\n{escape(item.text)}"
            )
        self.query_one("#inbox-text", Static).update("\n\n".join(blocks))
