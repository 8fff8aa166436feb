"""How quick is `boardsim play` to show its first screen, and to redraw the console after a key press?

1. Start-up: process start to first painted screen, against a bare Textual "hello" app timed in the same run
   (both as subprocesses, same headless driver, several repetitions, medians). Goal: <= 1.5x the bare app.
   Measured for `boardsim play SCENARIO` (the set-up screen: the scenario is loaded and checked before the UI
   starts), for `boardsim play` with no scenario (the picker), and for `--bots` (the console, both when it is
   first painted and when the engine's first dashboard is on it).
2. Key press to updated dashboard on a generated 40-member board, measured in-process with Pilot: from the key
   event to the console having applied the new Dashboard and repainted. Goal: p95 <= 50 ms. Measured for `p`
   (pause/resume: an engine command, a fresh Dashboard and every visible panel redrawn), for the tab keys
   (UI only), and for Space (advance: the engine plays a decision for 40 members, ~1,500 trust changes).

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
    """Wall time of a fresh interpreter running `program` to its exit."""
    env = {**os.environ, **HEADLESS}
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


async def key_latencies(presses: int) -> dict[str, list[float]]:
    from textual import events

    from boardsim.core.scenario.model import Scenario
    from boardsim.ui.app import build_app
    from boardsim.ui.controller import SessionController
    from boardsim.ui.launch import SeatChoice
    from boardsim.ui.logs import configure_file_logging
    from boardsim.ui.screens.console import ConsoleScreen
    from boardsim.ui.screens.privacy import PrivacyScreen

    configure_file_logging(None)
    scenario = Scenario.model_validate(generated_board())
    applied: list[int] = []
    original = ConsoleScreen.watch_dashboard

    def watch_dashboard(self: ConsoleScreen, dashboard: Any) -> None:
        original(self, dashboard)
        if dashboard is not None:
            applied.append(dashboard.revision)

    ConsoleScreen.watch_dashboard = watch_dashboard  # type: ignore[method-assign]
    paints: list[float] = []
    engine_times: list[float] = []
    original_apply = SessionController._apply

    def timed_apply(self: SessionController, *arguments: Any) -> Any:
        began = time.perf_counter()
        try:
            return original_apply(self, *arguments)
        finally:
            engine_times.append(time.perf_counter() - began)

    SessionController._apply = timed_apply  # type: ignore[method-assign]
    results: dict[str, list[float]] = {
        "p on the Overview tab": [],
        "p on tabs 2-8": [],
        "switch tab (1-8)": [],
        "space (advance)": [],
        "engine thread, space": [],
    }
    with tempfile.TemporaryDirectory() as folder:
        app = build_app(
            scenario,
            seed=3,
            bots="system-first",
            seats={"m00": SeatChoice("human", "A")},
            journal_path=Path(folder) / "bench.jsonl",
        )
        display = app._display

        def record_paint(screen: Any, update: Any) -> None:
            display(screen, update)
            if update is not None:
                paints.append(time.perf_counter())

        app._display = record_paint  # type: ignore[method-assign]
        async with app.run_test(size=(160, 48)) as pilot:

            async def idle() -> None:
                await app.workers.wait_for_complete()
                await pilot.pause()
                while isinstance(app.screen, PrivacyScreen):
                    await pilot.press("escape")
                    await pilot.pause()

            async def press(key: str, wait_for_dashboard: bool) -> float:
                # From the key event to the last screen update it causes (not counting the time this loop spends
                # waiting for the app to go quiet).
                seen = len(applied)
                start = time.perf_counter()
                app._driver.send_message(events.Key(key, key if len(key) == 1 else None))  # type: ignore[union-attr]
                if wait_for_dashboard:
                    while len(applied) == seen:
                        await asyncio.sleep(0.0005)
                for _ in range(3):
                    await pilot._wait_for_screen()
                    app.screen._on_timer_update()  # paint anything still pending now
                return max([paint for paint in paints if paint >= start], default=time.perf_counter()) - start

            await idle()
            for tab in "12345678":  # every tab once, so later switches measure showing it, not building it
                await press(tab, False)
                await pilot.wait_for_scheduled_animations()
            per_tab = max(presses // 8, 3)
            for tab in "12345678":
                results["switch tab (1-8)"].append(await press(tab, False))
                # The tab bar's underline slides for a moment; let it finish so its frames are not counted as
                # the cost of the next key.
                await pilot.wait_for_scheduled_animations()
                key = "p on the Overview tab" if tab == "1" else "p on tabs 2-8"
                for _ in range(presses if tab == "1" else per_tab):
                    results[key].append(await press("p", True))
            await press("1", False)
            if app.dashboard is not None and app.dashboard.board.paused:
                await press("p", True)
            for _ in range(5):
                dashboard = app.dashboard
                if dashboard is None or dashboard.board.ended or dashboard.board.paused:
                    break
                if dashboard.waiting_humans:
                    decision = dashboard.members["m00"].open_decisions[0]
                    if decision.mode == "pledge":
                        app.controller.submit("m00", decision.dilemma, amount=0)
                    else:
                        app.controller.submit("m00", decision.dilemma, option=decision.options[0].id)
                    await idle()
                engine_before = len(engine_times)
                results["space (advance)"].append(await press("space", True))
                results["engine thread, space"].extend(engine_times[engine_before:])
                await idle()
    ConsoleScreen.watch_dashboard = original  # type: ignore[method-assign]
    SessionController._apply = original_apply  # type: ignore[method-assign]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="start-up repetitions per case (default 7)")
    parser.add_argument("--presses", type=int, default=40, help="key presses per measured key (default 40)")
    options = parser.parse_args()
    startup(options.repeat)
    print()
    results = asyncio.run(key_latencies(options.presses))
    print("Key press to updated dashboard, 40-member generated board, 160x48 (ms)")
    for name, values in results.items():
        if values:
            print(
                f"  {name:<24} n={len(values):<3} median {statistics.median(values) * 1000:6.1f}"
                f"   p95 {percentile(values, 0.95) * 1000:6.1f}   max {max(values) * 1000:6.1f}"
            )
    print(
        "  goal: p95 <= 50 ms for a key that updates the dashboard. 'engine thread, space' is the part of Space\n"
        "  spent in the engine and gathering the new Dashboard (the session's advance through a 40-member decision);\n"
        "  switching tabs changes no data but relayouts the screen."
    )


if __name__ == "__main__":
    main()
