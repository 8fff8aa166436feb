"""Save the journal after every change, so nothing recorded is lost if the terminal dies.

The first save writes the whole journal (to a temporary file, then renamed over the target, so a crash never
leaves half a file); later saves append only the new events' lines, which keeps saving cheap on a large board.
The bytes are always exactly `Journal.to_jsonl()`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from boardsim.adapters.journal_file import JournalFileError, write_journal

if TYPE_CHECKING:
    from boardsim.core.engine import Session


class JournalSaver:
    """Keeps one journal file in step with one session."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.saved = 0
        """How many events the file holds."""
        self.error = ""

    def save(self, session: Session) -> None:
        """Bring the file up to date with the session; records (never raises) an error."""
        events = session.events
        try:
            if self.saved == 0 or self.saved > len(events):
                self._write_whole(session)
            elif len(events) > self.saved:
                lines = "".join(event.model_dump_json() + "\n" for event in events[self.saved :])
                with open(self.path, "a", encoding="utf-8", newline="\n") as handle:
                    handle.write(lines)
                    handle.flush()
                    os.fsync(handle.fileno())
            self.saved = len(events)
            self.error = ""
        except (OSError, JournalFileError) as error:
            self.error = f"the journal could not be saved to {self.path}: {error}"

    def _write_whole(self, session: Session) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".partial")
        write_journal(session.journal, temporary)
        os.replace(temporary, self.path)


def fork_path(original: Path, fork: int) -> Path:
    """Where the n-th fork of a run is saved: `run.jsonl` → `run.fork-1.jsonl`."""
    return original.with_name(f"{original.stem}.fork-{fork}{original.suffix or '.jsonl'}")
