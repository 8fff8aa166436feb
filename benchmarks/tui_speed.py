"""How quick is `boardsim play` to show its first screen, and to redraw the console after a key press?

1. Start-up: process start to first painted screen, against a bare Textual "hello" app timed in the same run
   (both as subprocesses, same headless driver, several repetitions, medians). Goal: <= 1.5x the bare app.
   Measured for `boardsim play SCENARIO` (the set-up screen: the scenario is loaded and checked before the UI
   starts), for `boardsim play` with no scenario (the picker), and for `--bots` (the console, both when it is
   first painted and when the engine's first dashboard is on it).
2. Key press to updated dashboard on a generated 40-member board, measured in-process with Pilot's app: from
   the key event to the last paint it causes, waiting by sleeping (so the measuring adds no work to the app).
   Goal: p95 <= 50 ms. Measured for `p` (pause/resume: an engine command, a fresh Dashboard, the visible panels
   redrawn), for the tab keys (UI only), for Space (advance: the engine plays a decision for 40 members, ~1,500
   trust changes, then hands the keyboard to the human seat: the privacy screen) on the Overview and the Trust
   tab, and for Esc back from the privacy screen to the console, which then shows the new data.

    .venv/bin/python benchmarks/tui_speed.py [--repeat 7] [--presses 40]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SCENARIO = REPO / "scenarios" / "eastmere-bcf-risk-share.yaml"
HEADLESS = {"TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver", "TEXTUAL": ""}

# Each child exits as soon as its first screen has been laid out and painted (Textual's Ready event).
BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Hello(App):
    def compose(self):
        yield Static("hello")

    def on_ready(self):
        self.exit()

Hello().run()
"""

BOARDSIM_APP = """
import sys
from boardsim.ui.app import BoardsimApp

WAIT_FOR_DASHBOARD = {wait}

def on_ready(self):
    if not WAIT_FOR_DASHBOARD:
        self.exit(0)

def watch_dashboard(self, dashboard):
    if WAIT_FOR_DASHBOARD and dashboard is not None:
        self.call_after_refresh(self.exit, 0)

BoardsimApp.on_ready = on_ready
BoardsimApp.watch_dashboard = watch_dashboard
from boardsim.cli import main
sys.exit(main({argv!r}))
"""


def child_seconds(program: str, cwd: Path) -> float:
    """Wall time of a fresh interpreter running `program` to its exit.

    Bytecode caching is left on, as on a facilitator's machine: the bare app's Textual comes precompiled from its
    install, and an editable boardsim writes its .pyc files on the first (warm-up) start. Some sandboxes set
    PYTHONDONTWRITEBYTECODE, which would make every boardsim start compile its source again.
    """
    env = {**os.environ, **HEADLESS}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", program], cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def startup(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        cwd = Path(folder)
        journal = str(cwd / "bench.jsonl")
        cases: list[tuple[str, str]] = [
            ("bare Textual hello app", BARE_APP),
            (
                "boardsim play SCENARIO (set-up)",
                BOARDSIM_APP.format(wait=False, argv=["play", str(SCENARIO), "--journal", journal]),
            ),
            ("boardsim play (picker)", BOARDSIM_APP.format(wait=False, argv=["play"])),
            (
                "boardsim play --bots (console painted)",
                BOARDSIM_APP.format(
                    wait=False,
                    argv=["play", str(SCENARIO), "--bots", "system-first", "--seat", "dph=human", "--journal", journal],
                ),
            ),
            (
                "boardsim play --bots (first dashboard)",
                BOARDSIM_APP.format(
                    wait=True,
                    argv=["play", str(SCENARIO), "--bots", "system-first", "--seat", "dph=human", "--journal", journal],
                ),
            ),
        ]
        for _, program in cases:  # warm the disk cache and bytecode once
            child_seconds(program, cwd)
        results: dict[str, list[float]] = {name: [] for name, _ in cases}
        for _ in range(repeat):  # interleaved, so a busy moment on the machine hits every case alike
            for name, program in cases:
                results[name].append(child_seconds(program, cwd))
    bare = statistics.median(results[cases[0][0]])
    print(f"Start-up to first screen (median of {repeat}, headless driver)")
    for name, times in results.items():
        median = statistics.median(times)
        print(f"  {name:<42} {median * 1000:7.0f} ms   {median / bare:5.2f}x bare")
    print("  goal: boardsim play SCENARIO <= 1.5x the bare app")


# ---------------------------------------------------------------------------------------------------------
# A generated 40-member board
# ---------------------------------------------------------------------------------------------------------

_KINDS = ("council", "adult-social-care", "childrens-services", "public-health", "icb", "nhs-trust", "healthwatch")


def generated_board(member_count: int = 40, dilemma_count: int = 6) -> dict[str, Any]:
    """A valid scenario with `member_count` members, votes, individual choices and pledges, news and a pool."""
    members = [f"m{index:02d}" for index in range(member_count)]
    measures = [f"measure_{index}" for index in range(8)]
    state: dict[str, Any] = {
        name: {"type": "number", "initial": 100, "range": [0, 1000], "unit": "people", "doc": f"Measure {i}."}
        for i, name in enumerate(measures)
    }
    state["agreed"] = {"type": "flag", "initial": False, "doc": "Agreed."}
    member_docs = [
        {
            "id": member,
            "name": f"Organisation {index}",
            "kind": _KINDS[index % len(_KINDS)],
            "seat": f"Chief Executive {index}",
            "brief": f"The public brief of organisation {index}.",
            "private_brief": f"The private brief of organisation {index}.",
            "budget": {"amount": "£20m", "floor": "£0"},
            "priorities": {measures[index % 8]: -0.5, measures[(index + 3) % 8]: 0.4},
            "accountabilities": [
                {
                    "id": "balanced-budget",
                    "kind": "duty",
                    "description": "Balance the books.",
                    "holds_when": f'budget("{member}") >= £0',
                    "severity": "critical",
                    "answers_to": "Its board",
                },
                {
                    "id": "waiting",
                    "kind": "target",
                    "description": "Keep waiting down.",
                    "holds_when": f"{measures[index % 8]} < 400",
                    "severity": "medium",
                    "answers_to": "Regulator",
                },
            ],
        }
        for index, member in enumerate(members)
    ]
    timeline = [
        {
            "id": f"news-{i}",
            "at": f"{1 + i} months",
            "audience": "all" if i % 2 == 0 else [members[i], members[i + 1]],
            "title": f"News {i}",
            "text": "Something happened that the board must hear about.",
            "effects": [
                {"kind": "change", "target": measures[i % 8], "by": 20, "after": "1 month", "note": "It lands."}
            ],
        }
        for i in range(12)
    ]
    dilemmas: list[dict[str, Any]] = []
    for i in range(dilemma_count):
        kind = ("vote", "individual", "pledge")[i % 3]
        lead = members[i % member_count]
        dilemma: dict[str, Any] = {
            "id": f"dilemma-{i}",
            "title": f"Decision {i}",
            "prompt": "What should the board do?",
            "at": f"{1 + 2 * i} months",
            "deadline": "1 month",
        }
        if kind == "pledge":
            dilemma.update({"default": "£0", "mode": {"kind": "pledge", "pool": "pool", "min": "£0", "max": "£2m"}})
        else:
            mode = {"kind": "vote", "rule": "majority", "quorum": 0.5} if kind == "vote" else {"kind": "individual"}
            dilemma.update(
                {
                    "default": "option-a",
                    "mode": mode,
                    "options": [_option(letter, i, lead, measures) for letter in "abc"],
                }
            )
        dilemmas.append(dilemma)
    return {
        "format": "boardsim/1",
        "id": "generated-board",
        "title": "A generated board of forty",
        "synopsis": "Generated for speed checks.",
        "place": "Benchmarkshire",
        "calendar": {"start": "2027-04-01", "unit": "month", "horizon": "18 months"},
        "state": state,
        "members": member_docs,
        "shared_purpose": {"statement": "Better health.", "priorities": dict.fromkeys(measures[:4], -0.5)},
        "trust": [
            {"from": members[i], "to": members[i + 1], "positive": 3, "negative": 1, "note": "History."}
            for i in range(member_count - 1)
        ],
        "pools": [{"id": "pool", "name": "The pool", "host": members[0], "initial": "£1m", "floor": "£0"}],
        "timeline": timeline,
        "dilemmas": dilemmas,
    }


def _option(letter: str, index: int, lead: str, measures: list[str]) -> dict[str, Any]:
    return {
        "id": f"option-{letter}",
        "label": f"Option {letter.upper()}",
        "description": "What it means.",
        "lead": lead,
        "effects": [
            {"kind": "move", "from": lead, "to": "pool", "amount": "£100k"},
            {"kind": "change", "target": measures[index % 8], "by": -15 if letter == "a" else 10, "after": "2 months"},
            {"kind": "trust", "from": "all", "to": lead, "by": 1, "note": "They led."},
        ],
        "commitments": [
            {
                "id": f"promise-{index}-{letter}",
                "by": "lead",
                "promise": "Keep the pool solvent.",
                "due": "3 months",
                "kept_when": 'pool("pool") >= £0',
            }
        ],
    }


# ---------------------------------------------------------------------------------------------------------
# Key press to updated dashboard
# ---------------------------------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (`share` 0.95 for p95)."""
    ordered = sorted(values)
    return ordered[min(round(share * (len(ordered) - 1)), len(ordered) - 1)]


QUIET_SECONDS = 0.1
"""A key's work is over once the app has had nothing to lay out, paint or run for this long."""

ROWS = (
    "p on the Overview tab",
    "p on tabs 2-8",
    "switch tab (1-8)",
    "space on Overview",
    "space on Trust",
    "escape to the console",
    "engine thread, space",
)


class ConsoleProbe:
    """Presses keys on a running console and times each one to the last screen update it causes.

    The probe only watches: it records every paint (the app's `_display` with an update) and every Dashboard the
    console applies, and waits by sleeping, so it adds no work to the app's message queues while a key is handled
    (Pilot's `_wait_for_screen` posts a callback to every widget, which the app then has to process in the
    middle of the very work being timed).
    """

    def __init__(self, app: Any) -> None:
        self.app = app
        self.paints: list[float] = []
        self.applied: list[int] = []
        """Revisions of the Dashboards the app has received (each then goes to the console if it is seen)."""
        self.engine_times: list[float] = []

    def record_paint(self, display: Any) -> Any:
        def recorded(screen: Any, update: Any) -> None:
            display(screen, update)
            if update is not None:
                self.paints.append(time.perf_counter())

        return recorded

    def busy(self) -> bool:
        """Anything still to lay out, paint, animate or compute for the screen?"""
        from textual.worker import WorkerState

        app = self.app
        screen = app.screen
        return bool(
            screen._layout_required
            or screen._scroll_required
            or screen._repaint_required
            or screen._recompose_required
            or screen._dirty_widgets
            or app.animator._animations
            or any(worker.state in (WorkerState.PENDING, WorkerState.RUNNING) for worker in app.workers)
        )

    async def settle(self) -> None:
        """Sleep until the app has been quiet (nothing pending, nothing painted) for QUIET_SECONDS."""
        quiet_since = time.perf_counter()
        while True:
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            if self.busy():
                quiet_since = now
                continue
            if now - max(quiet_since, self.paints[-1] if self.paints else 0.0) >= QUIET_SECONDS:
                return

    async def press(self, key: str, *, dashboard: bool) -> float:
        """Seconds from the key event to the last paint it caused (with `dashboard`, after a new Dashboard)."""
        from textual import events

        seen = len(self.applied)
        start = time.perf_counter()
        self.app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
        if dashboard:
            while len(self.applied) == seen:
                await asyncio.sleep(0.0005)
        await self.settle()
        return max([paint for paint in self.paints if paint >= start], default=time.perf_counter()) - start


async def _on_console(scenario: Any, folder: str, play: Any) -> None:
    """Start the console on `scenario` (seat m00 human, bots elsewhere) and run `play(probe)` on it."""
    from boardsim.ui.app import BoardsimApp, build_app
    from boardsim.ui.controller import SessionController
    from boardsim.ui.launch import SeatChoice
    from boardsim.ui.screens.privacy import PrivacyScreen

    app = build_app(
        scenario,
        seed=3,
        bots="system-first",
        seats={"m00": SeatChoice("human", "A")},
        journal_path=Path(folder) / "bench.jsonl",
    )
    probe = ConsoleProbe(app)
    original_changed = BoardsimApp.on_session_changed
    original_apply = SessionController._apply

    def on_session_changed(self: BoardsimApp, message: Any) -> None:
        original_changed(self, message)
        probe.applied.append(message.dashboard.revision)

    def timed_apply(self: SessionController, *arguments: Any) -> Any:
        began = time.perf_counter()
        try:
            return original_apply(self, *arguments)
        finally:
            probe.engine_times.append(time.perf_counter() - began)

    BoardsimApp.on_session_changed = on_session_changed  # type: ignore[method-assign]
    SessionController._apply = timed_apply  # type: ignore[method-assign]
    app._display = probe.record_paint(app._display)  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(160, 48)):
            while app.dashboard is None:
                await asyncio.sleep(0.001)
            await probe.settle()
            while isinstance(app.screen, PrivacyScreen):  # the run starts by handing over to the human seat
                await probe.press("escape", dashboard=False)
            await play(probe)
    finally:
        BoardsimApp.on_session_changed = original_changed  # type: ignore[method-assign]
        SessionController._apply = original_apply  # type: ignore[method-assign]


async def key_latencies(presses: int) -> dict[str, list[float]]:
    from boardsim.core.scenario.model import Scenario
    from boardsim.ui.logs import configure_file_logging
    from boardsim.ui.screens.privacy import PrivacyScreen

    configure_file_logging(None)
    scenario = Scenario.model_validate(generated_board())
    results: dict[str, list[float]] = {name: [] for name in ROWS}

    async def browse(probe: ConsoleProbe) -> None:
        for tab in "12345678":  # every tab once, so later switches measure showing it, not building it
            await probe.press(tab, dashboard=False)
        per_tab = max(presses // 8, 3)
        for tab in "12345678":
            results["switch tab (1-8)"].append(await probe.press(tab, dashboard=False))
            row = "p on the Overview tab" if tab == "1" else "p on tabs 2-8"
            for _ in range(presses if tab == "1" else per_tab):
                results[row].append(await probe.press("p", dashboard=True))

    def advance_on(tab: str, row: str) -> Any:
        async def advance(probe: ConsoleProbe) -> None:
            app = probe.app
            await probe.press(tab, dashboard=False)
            for _ in range(5):
                dashboard = app.dashboard
                if dashboard is None or dashboard.board.ended or dashboard.board.paused:
                    break
                if dashboard.waiting_humans:  # the human seat decides off the clock
                    decision = dashboard.members["m00"].open_decisions[0]
                    if decision.mode == "pledge":
                        app.controller.submit("m00", decision.dilemma, amount=0)
                    else:
                        app.controller.submit("m00", decision.dilemma, option=decision.options[0].id)
                    await probe.settle()
                engine_before = len(probe.engine_times)
                results[row].append(await probe.press("space", dashboard=True))
                results["engine thread, space"].extend(probe.engine_times[engine_before:])
                if isinstance(app.screen, PrivacyScreen):  # the hand-over to the human seat
                    results["escape to the console"].append(await probe.press("escape", dashboard=False))

        return advance

    with tempfile.TemporaryDirectory() as folder:
        await _on_console(scenario, folder, browse)
    with tempfile.TemporaryDirectory() as folder:
        await _on_console(scenario, folder, advance_on("1", "space on Overview"))
    with tempfile.TemporaryDirectory() as folder:
        await _on_console(scenario, folder, advance_on("3", "space on Trust"))
    return results


def print_key_latencies(results: dict[str, list[float]]) -> None:
    print("Key press to updated dashboard, 40-member generated board, 160x48 (ms)")
    for name, values in results.items():
        if values:
            print(
                f"  {name:<24} n={len(values):<3} median {statistics.median(values) * 1000:6.1f}"
                f"   p95 {percentile(values, 0.95) * 1000:6.1f}   max {max(values) * 1000:6.1f}"
            )
    print(
        "  goal: p95 <= 50 ms for a key that updates the dashboard. Each time runs from the key event to the last\n"
        "  paint it causes. Space advances the engine through a 40-member decision (~1,500 trust changes) and hands\n"
        "  over to the human seat (the privacy screen covers the console, which is not redrawn behind it); escape\n"
        "  then shows the console with the new data on its visible tab. 'engine thread, space' is the part of\n"
        "  Space spent in the engine and gathering the Dashboard. Switching tabs changes no data but relayouts."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="start-up repetitions per case (default 7)")
    parser.add_argument("--presses", type=int, default=40, help="key presses per measured key (default 40)")
    parser.add_argument("--startup-only", action="store_true", help="measure start-up only, not key latency")
    options = parser.parse_args()
    startup(options.repeat)
    if options.startup_only:
        return
    print()
    print_key_latencies(asyncio.run(key_latencies(options.presses)))


if __name__ == "__main__":
    main()
