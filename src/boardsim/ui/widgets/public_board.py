"""The public board: what everyone in the room may see (built from a BoardView only, never a private view)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Static

from boardsim.core.engine import BoardView
from boardsim.core.engine.views import DecisionResult, OpenDecision
from boardsim.core.scenario.model import Scenario
from boardsim.ui import palette
from boardsim.ui.formatting import escape, money, number, share

from .board_summary import headline


def member_names(board: BoardView) -> dict[str, str]:
    return {member.id: member.name for member in board.members}


def open_decision_text(board: BoardView, decision: OpenDecision) -> str:
    """Who has decided on an open decision (never what)."""
    names = member_names(board)
    marks = ", ".join(
        f"{(palette.DECIDED if member in decision.decided else palette.WAITING).symbol} "
        f"{escape(names.get(member, member))}"
        for member in decision.deciders
    )
    return f"[b]{escape(decision.title)}[/b] — {len(decision.decided)} of {len(decision.deciders)} decided\n  {marks}"


def result_text(board: BoardView, result: DecisionResult, labels: dict[str, str] | None = None) -> str:
    """A closed decision with every choice revealed together, the tally, rule, quorum and dissent."""
    names = member_names(board)
    labels = labels or {}
    lines = [f"[b]{escape(result.title)}[/b] ({result.mode}, closed: {escape(result.reason)})"]
    if result.mode == "pledge":
        total = sum(result.pledges.values())
        lines.append(f"  Pledged in all: [b]{money(total)}[/b]")
        for member, amount in result.pledges.items():
            lines.append(f"  {escape(names.get(member, member))}: {money(amount)}")
        return "\n".join(lines)
    outcome = labels.get(result.outcome or "", result.outcome or "none")
    if result.mode == "vote":
        carried = (
            palette.OK.markup("carried")
            if result.carried
            else palette.BREACH.markup("did not carry (the default applies)")
        )
        quorum = "quorum met" if result.quorum_met else "quorum NOT met"
        lines.append(f"  Outcome: [b]{escape(outcome)}[/b] — {carried}; {quorum}")
        tally = ", ".join(f"{escape(labels.get(option, option))} {votes}" for option, votes in result.tally.items())
        lines.append(f"  Votes: {tally}")
        if result.dissent:
            lines.append(
                f"  {palette.DISSENT.markup('Dissent')}: {escape(', '.join(names.get(m, m) for m in result.dissent))}"
            )
    else:
        lines.append(f"  Most chose: [b]{escape(outcome)}[/b]")
    for member, option in result.choices.items():
        choice = "abstained" if option is None else labels.get(option, option)
        symbol = palette.ABSTAIN.symbol if option is None else palette.DECIDED.symbol
        lines.append(f"  {symbol} {escape(names.get(member, member))}: {escape(choice)}")
    return "\n".join(lines)


def scenario_option_labels(scenario: Scenario) -> dict[str, dict[str, str]]:
    """Dilemma id -> option id -> label (option ids are only unique within their dilemma)."""
    return {dilemma.id: {option.id: option.label for option in dilemma.options} for dilemma in scenario.dilemmas}


class PublicBoard(Widget):
    """The board view for a seat: measures, open and closed decisions, money, breaches, commitments."""

    DEFAULT_CSS = """
    PublicBoard { height: 1fr; }
    PublicBoard VerticalScroll { height: 1fr; padding: 0 1; }
    """

    board: var[BoardView | None] = var(None, init=False, always_update=True)

    def __init__(self, labels: dict[str, dict[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._labels = labels

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("", id="public-board-text")

    def watch_board(self, board: BoardView | None) -> None:
        if board is None:
            return
        parts = [headline(board), "", "[b]The system now[/b]"]
        parts += [f"  {escape(m.name)}: [b]{number(m.value, m.unit)}[/b]" for m in board.state]
        if board.open_decisions:
            parts += ["", "[b]Open decisions[/b]"] + [open_decision_text(board, d) for d in board.open_decisions]
        if board.results:
            parts += ["", "[b]Decisions taken (choices revealed together)[/b]"]
            parts += [
                result_text(board, result, self._labels.get(result.dilemma)) for result in reversed(board.results)
            ]
        parts += ["", "[b]Budgets[/b]"]
        parts += [f"  {escape(m.name)}: {money(m.budget)}" for m in board.members if m.budget is not None]
        for pool in board.pools:
            ledger = ", ".join(f"{escape(k)} {money(v)}" for k, v in pool.contributions.items()) or "nothing yet"
            parts.append(f"  {escape(pool.name)}: [b]{money(pool.balance)}[/b] (in: {ledger})")
        parts += ["", "[b]Accountabilities in breach[/b]"]
        names = member_names(board)
        parts += [
            f"  {palette.BREACH.symbol} {escape(names.get(b.member, b.member))}: {escape(b.description)}"
            for b in board.breaches
        ] or ["  " + palette.OK.markup("none")]
        parts += ["", f"[dim]Board trust {share(board.metrics.board_trust)}[/dim]"]
        self.query_one("#public-board-text", Static).update("\n".join(parts))
