"""Files that cannot be read as scenarios: each problem has its own code, message and position."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from boardsim.adapters.scenario_loader import LoadResult, load_scenario
from boardsim.adapters.source_file import MAX_FILE_BYTES

from .conftest import VALID_SCENARIO, only


def _at(result: LoadResult, code: str) -> tuple[int, int]:
    item = only(result, code)
    assert item.position is not None
    return item.position.line, item.position.column


def test_missing_file_names_similar_files_nearby(tmp_path: Path, write: Callable[..., Path]) -> None:
    """A missing file is `file-not-found` at 1:1, with a hint naming files with similar names."""
    write(VALID_SCENARIO, "risk-share.yaml")
    result = load_scenario(tmp_path / "risk-shar.yaml")
    assert _at(result, "file-not-found") == (1, 1)
    assert "risk-share.yaml" in only(result, "file-not-found").hint
    assert result.scenario is None
    assert result.has_errors


def test_missing_folder_is_named(tmp_path: Path) -> None:
    """A path through a folder that does not exist says which folder is missing."""
    result = load_scenario(tmp_path / "nowhere" / "scenario.yaml")
    assert "no folder" in only(result, "file-not-found").message


def test_directory_is_not_a_file(tmp_path: Path, write: Callable[..., Path]) -> None:
    """A directory is `not-a-file`, with a hint naming scenario files inside it."""
    write(VALID_SCENARIO, "scenarios/tiny.yaml")
    result = load_scenario(tmp_path / "scenarios")
    assert _at(result, "not-a-file") == (1, 1)
    assert "tiny.yaml" in only(result, "not-a-file").hint


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    """A named pipe would block a reader forever; it is refused as `not-a-file` before opening."""
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    assert _at(load_scenario(pipe), "not-a-file") == (1, 1)


def test_unreadable_file(write: Callable[..., Path]) -> None:
    """A file without read permission is `unreadable-file` (skipped where permissions do not bind, as root)."""
    path = write(VALID_SCENARIO)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("this user can read files without read permission (root)")
        assert _at(load_scenario(path), "unreadable-file") == (1, 1)
    finally:
        path.chmod(0o644)


def test_file_too_large(load_text: Callable[..., LoadResult]) -> None:
    """A file over 2 MiB is `file-too-large`, refused before it is read."""
    result = load_text(b"title: " + b"x" * MAX_FILE_BYTES)
    assert _at(result, "file-too-large") == (1, 1)


@pytest.mark.parametrize(
    ("content", "line", "column"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, 1),
        (b"format: boardsim/1\nid: \x00\x01\x02\x03", 2, 5),
        (b"\x00" * 64, 1, 1),
    ],
    ids=["png-image", "nul-in-text", "all-zero"],
)
def test_binary_junk(load_text: Callable[..., LoadResult], content: bytes, line: int, column: int) -> None:
    """Binary data is `binary-file`, positioned at its first NUL byte."""
    assert _at(load_text(content), "binary-file") == (line, column)


@pytest.mark.parametrize(
    ("content", "line", "column"),
    [
        ("format: boardsim/1\ntitle: café\n".encode("latin-1"), 2, 11),
        ("title: £é".encode() + b"\xff\n", 1, 10),
        (b"\xc3", 1, 1),
    ],
    ids=["latin-1", "columns-count-characters", "truncated-character"],
)
def test_not_utf8_points_at_first_bad_byte(
    load_text: Callable[..., LoadResult], content: bytes, line: int, column: int
) -> None:
    """Text in another encoding is `not-utf8`, at the line and character column of the first bad byte."""
    assert _at(load_text(content), "not-utf8") == (line, column)


def test_utf16_is_named(load_text: Callable[..., LoadResult]) -> None:
    """UTF-16 text (which contains NUL bytes) is reported as UTF-16, not as binary."""
    result = load_text(VALID_SCENARIO.encode("utf-16"))
    assert "UTF-16" in only(result, "not-utf8").message


def test_byte_order_mark_is_accepted_and_does_not_shift_columns(load_text: Callable[..., LoadResult]) -> None:
    """A UTF-8 byte-order mark is fine, and columns on the first line are counted without it."""
    result = load_text(b"\xef\xbb\xbf" + VALID_SCENARIO.replace("boardsim/1", "boardsim/9", 1).encode())
    assert _at(result, "wrong-format") == (1, 9)


def test_valid_file_loads_clean(load_text: Callable[..., LoadResult]) -> None:
    """The shared fixture is a valid scenario with no error-level findings."""
    result = load_text(VALID_SCENARIO)
    assert result.scenario is not None
    assert not result.has_errors, [f"{item.position}: {item.message}" for item in result.findings]
