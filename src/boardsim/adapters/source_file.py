"""Read a scenario file as text, refusing with a clear finding anything that is not a sensible text file.

Every way a file can be wrong gets its own code and message: it does not exist (with the names of similar
files nearby), it is a directory or a device, it cannot be read, it is too large, it holds binary data, it is
not UTF-8. Nothing here raises: the caller gets either the text or a finding.
"""

from __future__ import annotations

import difflib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from boardsim.core.diagnostics import Finding, SourcePosition, finding

MAX_FILE_BYTES = 2 * 1024 * 1024
"""The largest scenario file boardsim reads (2 MiB: far above any real scenario)."""

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SCENARIO_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class SourceText:
    """A file's text, as a designer's editor shows it (a leading byte-order mark removed)."""

    file: str
    text: str


def read_source(path: str) -> SourceText | Finding:
    """The text of the file at `path`, or a finding saying why it cannot be used as a scenario file."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return _at_start(path, _not_found(path))
    except NotADirectoryError:
        return _at_start(path, finding("file-not-found", f"{path} does not exist: part of the path is a file"))
    except OSError as error:
        return _at_start(path, finding("unreadable-file", f"cannot read {path}: {_reason(error)}"))
    if stat.S_ISDIR(status.st_mode):
        return _at_start(path, _directory(path))
    if not stat.S_ISREG(status.st_mode):
        # Devices and pipes could block or never end; refuse them before opening.
        return _at_start(path, finding("not-a-file", f"{path} is not a regular file (a device, pipe or socket)"))
    if status.st_size > MAX_FILE_BYTES:
        return _at_start(path, _too_large(path, status.st_size))
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        return _at_start(
            path,
            finding(
                "unreadable-file",
                f"{path} exists but cannot be read: permission denied",
                hint="check the file's permissions (e.g. `chmod u+r`), or copy it somewhere you can read it",
            ),
        )
    except OSError as error:
        return _at_start(path, finding("unreadable-file", f"cannot read {path}: {_reason(error)}"))
    if len(data) > MAX_FILE_BYTES:
        return _at_start(path, _too_large(path, len(data)))
    return decode_source(path, data)


def decode_source(path: str, data: bytes) -> SourceText | Finding:
    """Decode file contents as UTF-8 text, refusing binary data and other encodings with their position."""
    if data.startswith(_UTF16_BOMS):
        return _at_start(
            path,
            finding(
                "not-utf8",
                f"{path} is UTF-16 text; boardsim reads UTF-8",
                hint="save the file as UTF-8 (in most editors: Save As… and choose the UTF-8 encoding)",
            ),
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _line_and_column(data, nul)
        return Finding(
            code="binary-file",
            message=f"{path} holds binary data (a NUL byte), not text: is it the scenario file you meant?",
            hint="a scenario is a YAML text file; check the file name",
            position=SourcePosition(path, line, column),
        )
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_and_column(data, error.start)
        return Finding(
            code="not-utf8",
            message=f"{path} is not UTF-8 text: byte 0x{data[error.start]:02x} cannot start or continue a character",
            hint="save the file as UTF-8 (in most editors: Save As… and choose the UTF-8 encoding)",
            position=SourcePosition(path, line, column),
        )
    return SourceText(path, text)


def _line_and_column(data: bytes, index: int) -> tuple[int, int]:
    """The 1-based line and character column of byte `index` (counting the characters before it on its line)."""
    line_start = data.rfind(b"\n", 0, index) + 1
    line = data.count(b"\n", 0, index) + 1
    column = len(data[line_start:index].decode("utf-8", errors="replace")) + 1
    return line, column


def _at_start(path: str, problem: Finding) -> Finding:
    return problem.placed(SourcePosition(path, 1, 1))


def _not_found(path: str) -> Finding:
    folder = Path(path).parent
    if not folder.is_dir():
        return finding("file-not-found", f"{path} does not exist: there is no folder {folder}")
    hint = ""
    try:
        names = sorted(entry.name for entry in folder.iterdir())
    except OSError:
        names = []
    similar = difflib.get_close_matches(Path(path).name, names, n=3, cutoff=0.6)
    if similar:
        hint = "did you mean " + " or ".join(f"`{folder / name}`" for name in similar) + "?"
    return finding("file-not-found", f"{path} does not exist", hint=hint)


def _directory(path: str) -> Finding:
    hint = "name a scenario file (.yaml) rather than a folder"
    try:
        inside = sorted(entry.name for entry in Path(path).iterdir() if entry.name.endswith(_SCENARIO_SUFFIXES))
    except OSError:
        inside = []
    if inside:
        hint += ", e.g. " + ", ".join(f"`{Path(path) / name}`" for name in inside[:3])
    return finding("not-a-file", f"{path} is a directory, not a scenario file", hint=hint)


def _too_large(path: str, size: int) -> Finding:
    return finding(
        "file-too-large",
        f"{path} is {size / 1024 / 1024:.1f} MiB; a scenario file may be at most {MAX_FILE_BYTES // 1024 // 1024} MiB",
        hint="is this the scenario you meant? Real scenarios are well under 1 MiB",
    )


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__
