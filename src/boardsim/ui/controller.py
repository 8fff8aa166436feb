"""The one place that drives the engine's Session.

Every engine call runs on a single dedicated worker thread, in the order the commands were given, so the UI
never blocks on the engine and the session is never touched by two threads at once. After each call the
controller saves the journal, gathers a fresh `Dashboard` on that thread and posts `SessionChanged` to the
app; a refused command posts `CommandFailed` with the engine's sentence. Nothing here touches a widget.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import App
from textual.worker import Worker

from boardsim.core.engine import Seat, Session, SessionError, Stop
from boardsim.core.engine.events import Audience
from boardsim.core.scenario.model import Scenario
from boardsim.core.scenario.types import Disposition

from .collection import CollectionPacer
from .dashboard import Dashboard, JournalStatus, MetricSample, build_dashboard
from .digest import JournalDigest
from .journal_saver import JournalSaver, fork_path
from .logs import get_logger
from .messages import CommandFailed, SessionChanged

_log = get_logger("boardsim.play")


@dataclass(slots=True)
class _Failure:
    command: str
    message: str


class SessionController:
    """Owns the Session and runs every command against it on the engine thread."""

    def __init__(self, app: App[Any], journal_path: Path) -> None:
        self._app = app
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="boardsim-engine")
        self._journal_path = journal_path
        self._session: Session | None = None
        self._saver: JournalSaver | None = None
        self._digest: JournalDigest | None = None
        self._samples: list[MetricSample] = []
        self._revision = 0
        self._fork = 0
        self._pacer = CollectionPacer(app)
        self.pending = 0
        """Commands given but not finished yet."""

    # -- commands (call from the UI thread) ------------------------------------------------------------------

    def start(
        self, scenario: Scenario, *, seed: int, seats: Mapping[str, Seat], bots: Disposition = "system-first"
    ) -> Worker[None]:
        """Begin a run, then advance to the first point that needs a person."""

        def begin(_: Session | None) -> Stop:
            session = Session.start(scenario, seed=seed, seats=dict(seats), bots=bots)
            self._adopt(session, self._journal_path)
            _log.info("session started", scenario=scenario.id, seed=seed, journal=str(self._journal_path))
            return session.advance()

        return self._command("start", begin, needs_session=False)

    def advance(self) -> Worker[None]:
        """Run on to the next decision that needs a person, a pause, or the end."""
        return self._command("advance", lambda session: _require(session).advance())

    def pause(self) -> Worker[None]:
        return self._command("pause", lambda session: _require(session).pause())

    def resume(self) -> Worker[None]:
        return self._command("resume", lambda session: _require(session).resume())

    def trigger_inject(self, inject: str) -> Worker[None]:
        return self._command("trigger", lambda session: _require(session).trigger_inject(inject))

    def skip_inject(self, inject: str) -> Worker[None]:
        return self._command("skip", lambda session: _require(session).skip_inject(inject))

    def manual_inject(self, title: str, text: str, audience: Audience) -> Worker[None]:
        return self._command("manual inject", lambda session: _require(session).manual_inject(title, text, audience))

    def extend_dilemma(self, dilemma: str, by: str) -> Worker[None]:
        return self._command("extend", lambda session: _require(session).extend_dilemma(dilemma, by))

    def close_dilemma(self, dilemma: str) -> Worker[None]:
        return self._command("close", lambda session: _require(session).close_dilemma(dilemma))

    def adjust_state(self, name: str, value: float | bool, note: str) -> Worker[None]:
        return self._command("adjust", lambda session: _require(session).adjust_state(name, value, note))

    def add_note(self, text: str) -> Worker[None]:
        return self._command("note", lambda session: _require(session).add_note(text))

    def submit(
        self, member: str, dilemma: str, *, option: str | None = None, amount: int | None = None, rationale: str = ""
    ) -> Worker[None]:
        """A human seat's decision (option None in a vote = abstain)."""
        return self._command(
            f"submit:{member}",
            lambda session: _require(session).submit(
                member, dilemma, option=option, amount=amount, rationale=rationale
            ),
        )

    def rewind(self, seq: int) -> Worker[None]:
        """Fork the run at the decision point at journal position `seq`; the original stays saved as it was."""

        def fork(session: Session | None) -> None:
            branch = _require(session).rewind(seq)
            self._fork += 1
            self._samples = [sample for sample in self._samples if sample.seq < seq]
            self._adopt(branch, fork_path(self._journal_path, self._fork))
            _log.info("rewound", seq=seq, fork=self._fork)

        return self._command("rewind", fork)

    def note_activity(self) -> None:
        """The facilitator pressed a key: keep the idle-time garbage collection out of their way."""
        self._pacer.postpone()

    def shutdown(self) -> None:
        """Stop the engine thread once the queued commands have run."""
        self._executor.shutdown(wait=False, cancel_futures=False)
        self._pacer.stop()

    def session_seed(self) -> int:
        """The current session's seed (-1 before the run starts)."""
        return self._session.seed if self._session is not None else -1

    def session_journal_text(self) -> str:
        """The current session's journal as JSON lines (tests compare it with the saved file)."""
        return self._session.journal.to_jsonl() if self._session is not None else ""

    @property
    def journal_path(self) -> Path:
        """Where the current run's journal is being saved."""
        return self._saver.path if self._saver is not None else self._journal_path

    # -- running on the engine thread ------------------------------------------------------------------------

    def _command(
        self, name: str, action: Callable[[Session | None], object], *, needs_session: bool = True
    ) -> Worker[None]:
        self.pending += 1
        return self._app.run_worker(
            self._execute(name, action, needs_session), group="engine", description=name, exit_on_error=False
        )

    async def _execute(self, name: str, action: Callable[[Session | None], object], needs_session: bool) -> None:
        loop = asyncio.get_running_loop()
        try:
            outcome = await loop.run_in_executor(self._executor, self._apply, name, action, needs_session)
        finally:
            self.pending -= 1
        if isinstance(outcome, _Failure):
            self._app.post_message(CommandFailed(outcome.command, outcome.message))
        else:
            self._app.post_message(SessionChanged(outcome))
            self._pacer.command_done()

    def _apply(
        self, name: str, action: Callable[[Session | None], object], needs_session: bool
    ) -> Dashboard | _Failure:
        if needs_session and self._session is None:
            return _Failure(name, "no run has started yet")
        try:
            result = action(self._session)
        except SessionError as error:
            _log.info("command refused", command=name, reason=error.message)
            return _Failure(name, error.message)
        except Exception as error:  # a bug: log it in full, tell the facilitator, keep the workshop going
            _log.exception("command failed", command=name)
            return _Failure(name, f"boardsim failed ({type(error).__name__}: {error}); see the log file")
        stop = result if isinstance(result, Stop) else None
        session, saver, digest = self._session, self._saver, self._digest
        assert session is not None
        assert saver is not None
        assert digest is not None
        saver.save(session)
        if saver.error:
            _log.error("journal not saved", error=saver.error)
        events = session.events
        digest.consume(events)
        facilitator = session.facilitator_view()
        sample = MetricSample.of(facilitator.metrics)
        if not self._samples or self._samples[-1].values() != sample.values():
            self._samples.append(sample)
        self._revision += 1
        _log.info("command done", command=name, events=len(events), day=session.day)
        return build_dashboard(
            session,
            facilitator=facilitator,
            revision=self._revision,
            command=name,
            stop=stop,
            digest=digest,
            samples=tuple(self._samples),
            journal=JournalStatus(str(saver.path), saver.saved, saver.error),
            fork=self._fork,
        )

    def _adopt(self, session: Session, journal_path: Path) -> None:
        self._session = session
        self._saver = JournalSaver(journal_path)
        self._digest = JournalDigest(session.scenario)


def _require(session: Session | None) -> Session:
    if session is None:
        raise SessionError("no run has started yet")
    return session
