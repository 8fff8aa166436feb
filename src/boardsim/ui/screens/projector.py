"""The projector view for the room: large type, the decision in hand, choices revealed together, the vote,
and headline trust and alignment. It reads only the public BoardView (and the scenario's public labels),
so nothing private can reach the wall."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Digits, Label, Static

from boardsim.core.engine import BoardView
from boardsim.core.engine.views import DecisionResult
from boardsim.core.scenario.model import Scenario, VoteMode
from boardsim.ui import palette
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import calendar_position, date_of, escape, long_date, money, share
from boardsim.ui.widgets.public_board import open_decision_text, scenario_option_labels

BAR = 24


def _bar(count: int, most: int) -> str:
    filled = round(BAR * count / most) if most else 0
    return "█" * filled + "░" * (BAR - filled)


def revealed(board: BoardView, result: DecisionResult, scenario: Scenario) -> str:
    """The latest decision as the room sees it: tally bars, rule, quorum, dissent, and every choice."""
    labels = scenario_option_labels(scenario).get(result.dilemma, {})
    names = {member.id: member.name for member in board.members}
    dilemma = next((item for item in scenario.dilemmas if item.id == result.dilemma), None)
    lines = [f"[b]Decided: {escape(result.title)}[/b]"]
    if result.mode == "pledge":
        most = max(result.pledges.values(), default=0)
        lines.append(f"Pledged in all: [b]{money(sum(result.pledges.values()))}[/b]")
        lines += [
            f"  {escape(names.get(member, member)):<40.40} {_bar(amount, most)} {money(amount)}"
            for member, amount in result.pledges.items()
        ]
        return "\n".join(lines)
    outcome = labels.get(result.outcome or "", result.outcome or "nothing")
    if result.mode == "vote":
        rule = dilemma.mode.rule if dilemma is not None and isinstance(dilemma.mode, VoteMode) else "majority"
        quorum = dilemma.mode.quorum if dilemma is not None and isinstance(dilemma.mode, VoteMode) else None
        verdict = (
            palette.OK.markup("CARRIED")
            if result.carried
            else palette.BREACH.markup("NOT CARRIED — the default applies")
        )
        quorum_text = ("quorum met" if result.quorum_met else "quorum NOT met") + (
            f" (needs {round(quorum * 100)}% voting)" if quorum is not None else ""
        )
        lines.append(f"[b]{escape(outcome)}[/b] — {verdict} · rule: {rule} · {quorum_text}")
        most = max(result.tally.values(), default=0)
        lines += [
            f"  {escape(labels.get(option, option)):<40.40} {_bar(votes, most)} {votes}"
            for option, votes in result.tally.items()
        ]
        abstained = [member for member, option in result.choices.items() if option is None]
        if abstained:
            lines.append(
                f"  {palette.ABSTAIN.symbol} Abstained: {escape(', '.join(names.get(m, m) for m in abstained))}"
            )
        if result.dissent:
            lines.append(
                f"  {palette.DISSENT.markup('Dissent')}: {escape(', '.join(names.get(m, m) for m in result.dissent))}"
            )
    else:
        lines.append(f"Most chose [b]{escape(outcome)}[/b]")
    lines.append("")
    lines.append("[b]Every choice, revealed together[/b]")
    lines += [
        f"  {palette.DECIDED.symbol if option else palette.ABSTAIN.symbol} {escape(names.get(member, member))}: "
        f"{escape(labels.get(option, option) if option else 'abstained')}"
        for member, option in result.choices.items()
    ]
    return "\n".join(lines)


class ProjectorScreen(Screen[None]):
    """Large, public, and readable from the back of the room."""

    CSS_PATH = "projector.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,v", "back", "Back to the console", id="projector.back"),
    ]

    board: var[BoardView | None] = var(None, init=False, always_update=True)

    def __init__(self) -> None:
        super().__init__()
        self._scenario: Scenario | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="projector-title")
        with Horizontal(id="projector-figures"):
            for key, label in (("trust", "Board trust"), ("alignment", "Alignment"), ("pooled", "Money pooled")):
                with Vertical(classes="figure"):
                    yield Label(label, classes="figure-label")
                    yield Digits("", id=f"digits-{key}")
                    yield Label("", id=f"level-{key}", classes="figure-level")
        with VerticalScroll(id="projector-main"):
            yield Static("", id="projector-now")
            yield Static("", id="projector-last")

    def on_mount(self) -> None:
        self.watch(self.app, "dashboard", self._take_dashboard)

    def _take_dashboard(self, dashboard: Dashboard | None) -> None:
        if dashboard is not None:
            self._scenario = dashboard.scenario
            self.board = dashboard.board

    def watch_board(self, board: BoardView | None) -> None:
        scenario = self._scenario
        if board is None or scenario is None:
            return
        date = long_date(date_of(scenario, board.day))
        where = calendar_position(scenario, board.day, board.horizon_day)
        state = (
            palette.ENDED.markup("the run has ended")
            if board.ended
            else palette.PAUSED.markup()
            if board.paused
            else ""
        )
        self.query_one("#projector-title", Static).update(
            f"[b]{escape(board.title)}[/b]\n{escape(board.place.split(',')[0])} · [b]{date}[/b] ({where}) {state}"
        )
        if board.open_decisions:
            now = ["[b]Now deciding[/b]"]
            for decision in board.open_decisions:
                now.append(open_decision_text(board, decision))
                now.append(f"[i]{escape(decision.prompt)}[/i]")
            self.query_one("#projector-now", Static).update("\n".join(now))
        else:
            self.query_one("#projector-now", Static).update("[dim]No decision is open right now.[/dim]")
        last = revealed(board, board.results[-1], scenario) if board.results else ""
        self.query_one("#projector-last", Static).update(last)
        metrics = board.metrics
        for key, value in (
            ("trust", metrics.board_trust),
            ("alignment", metrics.alignment_composite),
            ("pooled", metrics.resource_alignment),
        ):
            self.query_one(f"#digits-{key}", Digits).update(share(value).replace("—", "-"))
            self.query_one(f"#level-{key}", Label).update(palette.level(value).markup())

    def action_back(self) -> None:
        self.dismiss()
