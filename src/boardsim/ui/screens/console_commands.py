"""The facilitator's commands on the console: their keys (with ids), labels, help sentences and tabs.

Kept apart from the console screen so the command palette, the help screen and the button column can list
the commands without importing the console and everything it shows.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding, BindingType

from boardsim.core.engine import DecisionPoint
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.formatting import date_of, long_date

TABS: tuple[tuple[str, str], ...] = (
    ("overview", "1 Overview"),
    ("board", "2 Board"),
    ("trust", "3 Trust"),
    ("alignment", "4 Alignment"),
    ("money", "5 Money"),
    ("duties", "6 Duties"),
    ("notes", "7 Notes"),
    ("seats", "8 Seats"),
)

COMMANDS: tuple[tuple[str, str, str], ...] = (
    # action, button label, what it does (for the command palette and the help screen)
    ("advance", "Next decision", "Run on to the next decision that needs a person (or the end)"),
    ("pause", "Pause / resume", "Stop or restart fictional time"),
    ("handover", "Hand over", "Pass the keyboard to the seats that must decide now"),
    ("trigger", "Trigger inject", "Land a scheduled inject now"),
    ("skip", "Skip inject", "Strike a pending inject from this run"),
    ("manual", "New inject", "Write an inject on the spot and send it"),
    ("extend", "Extend dilemma", "Give an open dilemma more time"),
    ("close", "Close dilemma", "Close an open dilemma now; defaults apply to undecided seats"),
    ("adjust", "Adjust value", "Set a state value by hand, with a note"),
    ("rewind", "Rewind", "Fork the run at an earlier decision point"),
    ("note", "Observer note", "Write a note into the journal"),
    ("seat", "Open a seat", "Show a human seat's screen (behind the privacy screen)"),
    ("projector", "Projector", "Show the room's view: large type, nothing private"),
)


HELP = {action: help_text for action, _, help_text in COMMANDS}
"""What each console command does, in a sentence (footer tooltips, the help screen, the command palette)."""

CONSOLE_BINDINGS: list[BindingType] = [
    Binding("space", "advance", "Next", tooltip=HELP["advance"], id="console.advance"),
    Binding("p", "pause", "Pause", tooltip=HELP["pause"], id="console.pause"),
    Binding("h", "handover", "Hand over", tooltip=HELP["handover"], id="console.handover"),
    Binding("t", "trigger", "Trigger", tooltip=HELP["trigger"], id="console.trigger"),
    Binding("k", "skip", "Skip", tooltip=HELP["skip"], id="console.skip"),
    Binding("m", "manual", "Inject", tooltip=HELP["manual"], id="console.manual"),
    Binding("e", "extend", "Extend", tooltip=HELP["extend"], id="console.extend"),
    Binding("c", "close", "Close", tooltip=HELP["close"], id="console.close"),
    Binding("a", "adjust", "Adjust", tooltip=HELP["adjust"], id="console.adjust"),
    Binding("r", "rewind", "Rewind", tooltip=HELP["rewind"], id="console.rewind"),
    Binding("n", "note", "Note", tooltip=HELP["note"], id="console.note"),
    Binding("s", "seat", "Seat", tooltip=HELP["seat"], id="console.seat"),
    Binding("v", "projector", "Projector", tooltip=HELP["projector"], id="console.projector"),
    *(
        Binding(str(index), f"show_tab('{tab}')", label, show=False, id=f"console.tab-{tab}")
        for index, (tab, label) in enumerate(TABS, start=1)
    ),
]


def command_key(action: str, keymap: Mapping[str, str] | None = None) -> str:
    """The key that runs a console action (as remapped by the keymap, if it is)."""
    for binding in CONSOLE_BINDINGS:
        if isinstance(binding, Binding) and binding.action == action:
            key = (keymap or {}).get(binding.id or "", binding.key)
            return key.split(",")[0]
    return ""


def point_label(dashboard: Dashboard, point: DecisionPoint) -> str:
    """'10 June 2027 — waiting on: Who carries the overspend?' for the rewind list."""
    date = long_date(date_of(dashboard.scenario, point.day))
    if point.reason == "start":
        return f"{date} — the start of the run"
    if point.reason == "paused":
        return f"{date} — paused"
    titles = {dilemma.id: dilemma.title for dilemma in dashboard.scenario.dilemmas}
    if point.reason == "decided" and not point.waiting:  # a fork replays by decision, so it stops there too
        return f"{date} — decided: {'; '.join(titles.get(dilemma, dilemma) for dilemma in point.decided)}"
    waiting = list(dict.fromkeys(titles.get(dilemma, dilemma) for dilemma, _ in point.waiting))
    return f"{date} — waiting on: {'; '.join(waiting)}"
