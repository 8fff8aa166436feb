"""One open decision on a member's seat: the question, the options with what the member knows of them,
a rationale box, and the vote / choice / pledge — checked here with clear inline errors before it is sent."""

from __future__ import annotations

import datetime as _dt

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from boardsim.core.engine.views import OpenDecision, OptionView
from boardsim.ui import palette
from boardsim.ui.amounts import AmountError, read_amount
from boardsim.ui.formatting import escape, long_date, money

ABSTAIN = "__abstain__"


def mode_text(decision: OpenDecision, quorum: float | None, pool: str | None) -> str:
    """What kind of decision this is, in a sentence."""
    if decision.mode == "vote":
        share = f", quorum {round((quorum or 0) * 100)}% of deciders" if quorum is not None else ""
        return (
            f"A board vote ({decision.rule or 'majority'}{share}): vote for one option or abstain. "
            "Votes are revealed together when it closes."
        )
    if decision.mode == "pledge":
        into = f" into {pool}" if pool else ""
        return f"A pledge{into}: say how much you put in. Pledges are revealed together when it closes."
    return "Each member chooses for itself; the choices stay hidden until they are revealed together."


def option_prompt(option: OptionView, chosen: bool, names: dict[str, str]) -> Content:
    """An option as the member sees it: label, description, private knowledge, lead; or why it is unavailable."""
    mark = "●" if chosen else "○"
    lines = [f"[b]{mark} {escape(option.label)}[/b]"]
    if not option.selectable:
        lines[0] = f"[b]{palette.DISABLED.symbol} {escape(option.label)}[/b] — not available now"
        if option.requires:
            lines.append(f"   [i]it needs: {escape(option.requires)}[/i]")
    if option.description:
        lines.append(f"   {escape(option.description)}")
    if option.private_note:
        lines.append(f"   [b]You know:[/b] [i]{escape(option.private_note)}[/i]")
    if option.lead:
        lines.append(f"   [dim]Led by {escape(names.get(option.lead, option.lead))}[/dim]")
    return Content.from_markup("\n".join(lines))


class DecisionForm(Widget):
    """The form for one decision; posts `DecisionForm.Submitted` once the input is valid."""

    DEFAULT_CSS = """
    DecisionForm { height: 1fr; }
    DecisionForm VerticalScroll { height: 1fr; padding: 0 1; }
    DecisionForm #decision-head { margin-bottom: 1; }
    DecisionForm OptionList { height: auto; max-height: 100%; margin-bottom: 1; }
    DecisionForm TextArea { height: 4; }
    DecisionForm #decision-bar { height: auto; dock: bottom; padding: 0 1; border-top: hkey $primary-background; }
    DecisionForm #decision-error { color: #D55E00; text-style: bold; width: 1fr; height: auto; }
    DecisionForm #decision-actions { height: 1; }
    DecisionForm #amount-label { width: auto; padding: 0 1 0 0; text-style: bold; }
    DecisionForm #amount { width: 1fr; max-width: 30; }
    DecisionForm #decision-spacer { width: 1fr; }
    DecisionForm #submit { width: auto; margin-left: 2; }
    """

    class Submitted(Message):
        """The member's valid decision, ready to send."""

        def __init__(self, dilemma: str, option: str | None, amount: int | None, rationale: str) -> None:
            super().__init__()
            self.dilemma = dilemma
            self.option = option
            self.amount = amount
            self.rationale = rationale

    def __init__(
        self,
        decision: OpenDecision,
        *,
        start: _dt.date,
        names: dict[str, str],
        quorum: float | None = None,
        pool: str | None = None,
        position: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.decision = decision
        self._start = start
        self._names = names
        self._quorum = quorum
        self._pool = pool
        self._position = position
        self._choice: str | None = None
        self._sending = False

    def compose(self) -> ComposeResult:
        decision = self.decision
        deadline = long_date(self._start + _dt.timedelta(days=decision.deadline_day))
        head = [
            f"[b]{escape(decision.title)}[/b] {escape(self._position)}",
            escape(decision.prompt),
            f"[dim]{escape(mode_text(decision, self._quorum, self._pool))} Closes {deadline}.[/dim]",
        ]
        if decision.private_note:
            head.append(f"[b]Only you know:[/b] [i]{escape(decision.private_note)}[/i]")
        with VerticalScroll():
            yield Static("\n".join(head), id="decision-head")
            if decision.mode == "pledge":
                if decision.options:
                    yield Static(
                        "\n".join(f"• {escape(o.label)}: {escape(o.description)}" for o in decision.options),
                        classes="pledge-options",
                    )
            else:
                yield OptionList(*self._options(), id="options")
            yield Label("Your reasons (optional; the facilitator reads them in the debrief)")
            yield TextArea(id="rationale")
        # Pinned below the scrolling part, so the amount being typed and any error are always in view.
        with Vertical(id="decision-bar"):
            yield Static("", id="decision-error")
            with Horizontal(id="decision-actions"):
                if decision.mode == "pledge":
                    yield Label(
                        f"Pledge ({money(decision.pledge_min)}–{money(decision.pledge_max)}):", id="amount-label"
                    )
                    yield Input(placeholder="e.g. £1.5m", id="amount", compact=True)
                else:
                    yield Static("", id="decision-spacer")
                yield Button("Submit (ctrl+s)", id="submit", variant="primary", compact=True)

    def _options(self) -> list[Option]:
        options = [
            Option(
                option_prompt(option, option.id == self._choice, self._names),
                id=option.id,
                disabled=not option.selectable,
            )
            for option in self.decision.options
        ]
        if self.decision.mode == "vote":
            mark = "●" if self._choice == ABSTAIN else "○"
            options.append(
                Option(
                    Content.from_markup(f"[b]{mark} Abstain[/b]\n   [dim]Stand aside: your vote is not cast.[/dim]"),
                    id=ABSTAIN,
                )
            )
        return options

    def on_mount(self) -> None:
        self.query_one("#decision-error", Static).display = False
        self.query("#amount, #options").first().focus(scroll_visible=False)
        # Keep the question in view: focusing the options must not scroll the prompt away.
        self.call_after_refresh(self.query_one(VerticalScroll).scroll_home, animate=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choice = event.option.id
        option_list = self.query_one("#options", OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(self._options())
        option_list.highlighted = highlighted
        self.show_error("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter in the amount box submits, as people expect of a one-line box.
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "submit":
            event.stop()
            self.submit()

    def show_error(self, message: str) -> None:
        error = self.query_one("#decision-error", Static)
        error.update(f"{palette.BREACH.symbol} {escape(message)}" if message else "")
        error.display = bool(message)

    def sending_failed(self, message: str) -> None:
        """The engine refused the decision: say why and let the member try again."""
        self._sending = False
        self.show_error(message)

    def submit(self) -> None:
        """Check the input; post Submitted if it is valid, else show what is wrong."""
        if self._sending:
            return
        decision = self.decision
        rationale = self.query_one("#rationale", TextArea).text.strip()
        option: str | None = None
        amount: int | None = None
        if decision.mode == "pledge":
            try:
                amount = read_amount(self.query_one("#amount", Input).value, decision.pledge_min, decision.pledge_max)
            except AmountError as error:
                self.show_error(str(error))
                self.query_one("#amount", Input).focus()
                return
        else:
            if self._choice is None:
                hint = "or Abstain " if decision.mode == "vote" else ""
                self.show_error(f"Choose an option {hint}first: move with ↑↓ and press Enter.")
                self.query_one("#options", OptionList).focus()
                return
            option = None if self._choice == ABSTAIN else self._choice
        self._sending = True
        self.show_error("")
        self.post_message(self.Submitted(decision.dilemma, option, amount, rationale))
