"""Sweep files: JSON Lines, a header line then one record per playthrough, written as chunks complete.

The writer appends each record the moment it arrives and flushes after each chunk, so a sweep interrupted
after an hour still leaves every finished run on disk, and memory never holds more than a chunk. The reader
yields records one at a time, so `boardsim sweep --from FILE` re-summarises a file of any size in flat memory.
Bad files give a `SweepFileError` naming the line, never a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO

from pydantic import ValidationError

from boardsim.core.sweep import SWEEP_FORMAT, RunOutcome, SweepHeader


class SweepFileError(Exception):
    """A sweep file that cannot be read; the message names the file and line."""


class SweepWriter:
    """Write a sweep file: the header at once, then records as they come (use as a context manager)."""

    def __init__(self, path: str | Path, header: SweepHeader) -> None:
        self.path = Path(path)
        self.written = 0
        self._file: IO[str] = self.path.open("w", encoding="utf-8")
        self._file.write(header.model_dump_json() + "\n")
        self._file.flush()

    def write_line(self, line: str) -> None:
        """Append one record already serialised as JSON (workers send records as JSON text)."""
        self._file.write(line.rstrip("\n") + "\n")
        self.written += 1

    def write_lines(self, lines: Sequence[str]) -> None:
        """Append records already serialised as JSON, one per line (a chunk from a worker), in one write."""
        if lines:
            self._file.write("".join(line.rstrip("\n") + "\n" for line in lines))
            self.written += len(lines)

    def write(self, record: RunOutcome) -> None:
        self.write_line(record.model_dump_json())

    def write_all(self, records: Iterable[RunOutcome]) -> None:
        for record in records:
            self.write(record)
        self.flush()

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> SweepWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


class SweepReader:
    """Read a sweep file lazily: `header` at once, `records()` one line at a time."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            with self.path.open("r", encoding="utf-8") as stream:
                first = stream.readline()
        except FileNotFoundError:
            raise SweepFileError(f"{self.path}: no such sweep file") from None
        except IsADirectoryError:
            raise SweepFileError(f"{self.path}: is a directory, not a sweep file") from None
        except (OSError, UnicodeDecodeError) as error:
            raise SweepFileError(f"{self.path}: cannot read it ({error})") from None
        self.header = self._parse_header(first)

    def _parse_header(self, line: str) -> SweepHeader:
        if not line.strip():
            raise SweepFileError(f"{self.path}:1: the file is empty; a sweep file starts with a header line")
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as error:
            raise SweepFileError(f"{self.path}:1: not JSON ({error.msg}); is this a sweep file?") from None
        if not isinstance(raw, dict) or raw.get("format") != SWEEP_FORMAT:
            found = raw.get("format") if isinstance(raw, dict) else None
            raise SweepFileError(
                f"{self.path}:1: not a {SWEEP_FORMAT} file (format {found!r}); write one with `boardsim sweep --out`"
            )
        try:
            return SweepHeader.model_validate(raw)
        except ValidationError as error:
            raise SweepFileError(f"{self.path}:1: damaged header: {_first_problem(error)}") from None

    def records(self) -> Iterator[RunOutcome]:
        """Every record in file order; blank lines are skipped, a damaged line stops with its line number."""
        try:
            with self.path.open("r", encoding="utf-8") as stream:
                stream.readline()
                for number, line in enumerate(stream, start=2):
                    if not line.strip():
                        continue
                    try:
                        yield RunOutcome.model_validate_json(line)
                    except ValidationError as error:
                        raise SweepFileError(f"{self.path}:{number}: damaged record: {_first_problem(error)}") from None
        except (OSError, UnicodeDecodeError) as error:
            raise SweepFileError(f"{self.path}: cannot read it ({error})") from None


def _first_problem(error: ValidationError) -> str:
    problem = error.errors()[0]
    where = ".".join(str(part) for part in problem["loc"])
    return f"{where}: {problem['msg']}" if where else str(problem["msg"])
