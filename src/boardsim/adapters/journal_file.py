"""Journal files: write a run's journal as JSON lines, and read one back with a clear error when it is bad.

The bytes are exactly `Journal.to_jsonl()` in UTF-8 with `\\n` line endings, so a journal written on any
platform compares equal byte for byte to the same run's journal written anywhere else.
"""

from __future__ import annotations

import os

from boardsim.core.engine import Journal, JournalFormatError

MAX_JOURNAL_BYTES = 256 * 1024 * 1024
"""A journal larger than this is not one boardsim wrote (a long workshop is a few megabytes)."""


class JournalFileError(Exception):
    """A journal file that cannot be read or written, said in one line: `path[:line]: what is wrong`."""


def write_journal(journal: Journal, path: str | os.PathLike[str]) -> None:
    """Write `journal` to `path` (replacing it) as JSON lines."""
    file = os.fspath(path)
    try:
        with open(file, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(journal.to_jsonl())
    except OSError as error:
        raise JournalFileError(f"{file}: cannot write the journal ({error.strerror or error})") from None


def read_journal(path: str | os.PathLike[str]) -> Journal:
    """Read a journal file; raises JournalFileError (never anything else) when it cannot be used."""
    file = os.fspath(path)
    try:
        if os.path.getsize(file) > MAX_JOURNAL_BYTES:
            raise JournalFileError(f"{file}: too large to be a boardsim journal")
        with open(file, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise JournalFileError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise JournalFileError(f"{file}: is a directory, not a journal file") from None
    except OSError as error:
        raise JournalFileError(f"{file}: cannot read the journal ({error.strerror or error})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise JournalFileError(f"{file}: not a boardsim journal (it is not UTF-8 text)") from None
    try:
        return Journal.from_jsonl(text)
    except JournalFormatError as error:
        where = f"{file}:{error.line}" if error.line else file
        raise JournalFileError(f"{where}: {error.message}") from None
