"""Every facilitator control, driven by its key, changes the engine as it should (checked on the journal)."""

from __future__ import annotations

from collections.abc import Callable

from boardsim.core.engine import Journal
from boardsim.core.engine import events as ev
from boardsim.ui.app import BoardsimApp
from boardsim.ui.dashboard import Dashboard
from boardsim.ui.launch import SeatChoice
from boardsim.ui.screens.console import ConsoleScreen
from boardsim.ui.screens.projector import ProjectorScreen

from .support import choose, run, settle, to_console

ONE_HUMAN = {"public-health": SeatChoice("human", "Dee")}


def events_of(app: BoardsimApp) -> list[ev.Event]:
    return list(Journal.from_jsonl(app.controller.journal_path.read_text(encoding="utf-8")).events)


def latest(app: BoardsimApp) -> Dashboard:
    assert app.dashboard is not None
    return app.dashboard


def test_space_runs_on_past_undecided_seats_after_confirming(make_app: Callable[..., BoardsimApp]) -> None:
    """Space with a seat still to decide asks first; 'y' runs on past the deadline, which closes the vote with
    the undecided seat recorded as defaulted."""

    async def scenario() -> tuple[int, int, list[ev.Event]]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test() as pilot:
            await to_console(pilot)
            before = latest(app).board.day
            await pilot.press("space", "y")
            await to_console(pilot)
            return before, latest(app).board.day, events_of(app)

    before, after, events = run(scenario())
    assert after > before
    closed = [e for e in events if isinstance(e, ev.DilemmaClosed) and e.dilemma == "risk-share"]
    assert [(e.reason, e.defaulted) for e in closed] == [("deadline", ["public-health"])]


def test_p_pauses_and_resumes_the_run(make_app: Callable[..., BoardsimApp]) -> None:
    """p pauses (journalled, board shows paused); p again resumes."""

    async def scenario() -> tuple[bool, bool, list[str]]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test() as pilot:
            await to_console(pilot)
            await pilot.press("p")
            await settle(pilot)
            paused = latest(app).board.paused
            await pilot.press("p")
            await settle(pilot)
            return paused, latest(app).board.paused, [e.type for e in events_of(app)][-2:]

    paused, resumed, kinds = run(scenario())
    assert paused is True
    assert resumed is False
    assert kinds == ["paused", "resumed"]


def test_t_triggers_a_scheduled_inject_now(make_app: Callable[..., BoardsimApp]) -> None:
    """t, then choosing the winter letter, lands it today with the facilitator as its cause."""

    async def scenario() -> list[ev.Event]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test() as pilot:
            await to_console(pilot)
            await pilot.press("t")
            await choose(pilot, "winter-letter")
            await settle(pilot)
            return events_of(app)

    events = run(scenario())
    assert any(isinstance(e, ev.InjectTriggered) and e.inject == "winter-letter" for e in events)
    landed = [e for e in events if isinstance(e, ev.InjectLanded) and e.inject == "winter-letter"]
    assert [e.cause for e in landed] == ["facilitator"]


def test_k_skips_an_inject_after_confirming(make_app: Callable[..., BoardsimApp]) -> None:
    """k, choosing an inject and answering y strikes it from the run."""

    async def scenario() -> tuple[list[ev.Event], str]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test() as pilot:
            await to_console(pilot)
            await pilot.press("k")
            await choose(pilot, "winter-surge")
            await pilot.press("y")
            await settle(pilot)
            status = next(i.status for i in latest(app).facilitator.injects if i.inject == "winter-surge")
            return events_of(app), status

    events, status = run(scenario())
    assert [e.inject for e in events if isinstance(e, ev.InjectSkipped)] == ["winter-surge"]
    assert status == "skipped"


def test_k_then_n_leaves_the_inject_pending(make_app: Callable[..., BoardsimApp]) -> None:
    """Answering n to the skip question changes nothing."""

    async def scenario() -> list[ev.Event]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test() as pilot:
            await to_console(pilot)
            await pilot.press("k")
            await choose(pilot, "winter-surge")
            await pilot.press("n")
            await settle(pilot)
            return events_of(app)

    assert not any(isinstance(e, ev.InjectSkipped) for e in run(scenario()))


def test_m_sends_a_manual_inject(make_app: Callable[..., BoardsimApp]) -> None:
    """m, a headline, Enter, the text and Ctrl+S land the facilitator's own inject for everyone."""

    async def scenario() -> list[ev.Event]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test() as pilot:
            await to_console(pilot)
            await pilot.press("m", *"Press call", "enter", *"The Mercury wants a quote.", "ctrl+s")
            await settle(pilot)
            return events_of(app)

    manual = [e for e in run(scenario()) if isinstance(e, ev.ManualInjectOpened)]
    assert [(e.title, e.text, e.audience) for e in manual] == [("Press call", "The Mercury wants a quote.", "all")]


def test_e_extends_the_open_dilemma(make_app: Callable[..., BoardsimApp]) -> None:
    """e and Ctrl+S (the form offers the one open dilemma and '2 weeks') move its deadline 14 days later."""

    async def scenario() -> tuple[int, list[ev.Event]]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test() as pilot:
            await to_console(pilot)
            deadline = latest(app).board.open_decisions[0].deadline_day
            await pilot.press("e", "ctrl+s")
            await settle(pilot)
            return deadline, events_of(app)

    deadline, events = run(scenario())
    extended = [e for e in events if isinstance(e, ev.DilemmaExtended)]
    assert [(e.dilemma, str(e.by), e.deadline_day) for e in extended] == [("risk-share", "2 weeks", deadline + 14)]


def test_c_closes_the_open_dilemma_after_confirming(make_app: Callable[..., BoardsimApp]) -> None:
    """c, choosing the dilemma and y close it now: the undecided seat gets the default."""

    async def scenario() -> list[ev.Event]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test() as pilot:
            await to_console(pilot)
            await pilot.press("c")
            await choose(pilot, "risk-share")
            await pilot.press("y")
            await settle(pilot)
            return events_of(app)

    events = run(scenario())
    closed = [e for e in events if isinstance(e, ev.DilemmaClosed)]
    assert [(e.dilemma, e.reason) for e in closed] == [("risk-share", "facilitator")]
    assert "public-health" in closed[0].defaulted


def test_a_adjusts_a_state_value_with_a_note(make_app: Callable[..., BoardsimApp]) -> None:
    """a, choosing a measure, a value and a note, sets it and journals the note."""

    async def scenario() -> tuple[list[ev.Event], float | bool]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test() as pilot:
            await to_console(pilot)
            await pilot.press("a", "enter", "down", "enter")  # open the list of values, pick the first
            await pilot.press("tab", *"120", "tab", *"winter came early", "ctrl+s")
            await settle(pilot)
            value = next(m.value for m in latest(app).board.state if m.name == "delayed_discharges")
            return events_of(app), value

    events, value = run(scenario())
    adjusted = [e for e in events if isinstance(e, ev.StateAdjusted)]
    assert [(e.name, e.value, e.note) for e in adjusted] == [("delayed_discharges", 120.0, "winter came early")]
    assert value == 120


def test_r_rewinds_to_a_decision_point_in_a_fork(make_app: Callable[..., BoardsimApp]) -> None:
    """r, choosing the start and y fork the run there: play continues in a new journal file; the original
    file keeps everything recorded so far."""

    async def scenario() -> tuple[str, str, int, int, str]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test() as pilot:
            await to_console(pilot)
            await pilot.press("n", *"before the fork", "ctrl+s")
            await settle(pilot)
            original = app.controller.journal_path
            start = latest(app).facilitator.decision_points[0]
            await pilot.press("r")
            await choose(pilot, str(start.seq))
            await pilot.press("y")
            await to_console(pilot)
            return (
                original.read_text(encoding="utf-8"),
                app.controller.journal_path.read_text(encoding="utf-8"),
                start.seq,
                latest(app).fork,
                app.controller.journal_path.name,
            )

    original, fork, seq, fork_number, name = run(scenario())
    assert fork_number == 1
    assert name == "journal.fork-1.jsonl"
    assert "before the fork" in original
    forked = Journal.from_jsonl(fork)
    assert len(forked.events) == seq
    assert forked.header == Journal.from_jsonl(original).header


def test_n_saves_an_observer_note_into_the_journal(make_app: Callable[..., BoardsimApp]) -> None:
    """n, typing and Ctrl+S journal the note at once; the Notes tab lists it."""

    async def scenario() -> tuple[list[ev.Event], list[str]]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test() as pilot:
            await to_console(pilot)
            await pilot.press("n", *"ICB went quiet after the vote", "ctrl+s")
            await settle(pilot)
            return events_of(app), [note.text for note in latest(app).notes]

    events, notes = run(scenario())
    assert [e.text for e in events if isinstance(e, ev.NoteAdded)] == ["ICB went quiet after the vote"]
    assert notes == ["ICB went quiet after the vote"]


def test_v_shows_the_projector_and_escape_returns(make_app: Callable[..., BoardsimApp]) -> None:
    """v opens the projector view; Esc goes back to the console."""

    async def scenario() -> tuple[str, str]:
        app = make_app(seats=ONE_HUMAN)
        async with app.run_test() as pilot:
            await to_console(pilot)
            await pilot.press("v")
            await settle(pilot)
            shown = type(app.screen).__name__
            await pilot.press("escape")
            await settle(pilot)
            return shown, type(app.screen).__name__

    assert run(scenario()) == (ProjectorScreen.__name__, ConsoleScreen.__name__)


def test_a_refused_command_is_explained_not_crashed(make_app: Callable[..., BoardsimApp]) -> None:
    """A command the engine refuses (closing a dilemma that is not open) shows the engine's sentence."""

    async def scenario() -> list[str]:
        app = make_app(seats=ONE_HUMAN)
        shown: list[str] = []

        def notify(message: str, **_: object) -> None:
            shown.append(message)

        app.notify = notify  # type: ignore[method-assign]
        async with app.run_test() as pilot:
            await to_console(pilot)
            app.controller.close_dilemma("winter-pledge")
            await settle(pilot)
            return shown

    assert any("not open" in message for message in run(scenario()))
