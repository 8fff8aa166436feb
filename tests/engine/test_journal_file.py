"""Journal files: written as JSON lines and read back exactly; bad files give one clear line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardsim.adapters.journal_file import JournalFileError, read_journal, write_journal
from boardsim.core.engine import Journal, Session

from .support import build, play


def written(tmp_path: Path) -> tuple[Journal, Path]:
    journal = play(build(), seed=3).journal
    path = tmp_path / "run.jsonl"
    write_journal(journal, path)
    return journal, path


def test_a_written_journal_reads_back_equal_and_rewrites_to_the_same_bytes(tmp_path: Path) -> None:
    """Round trip: the events compare equal and writing the read journal again gives identical bytes."""
    journal, path = written(tmp_path)
    again = read_journal(path)
    assert again == journal
    copy = tmp_path / "copy.jsonl"
    write_journal(again, copy)
    assert copy.read_bytes() == path.read_bytes()


def test_the_file_is_a_header_line_then_one_event_per_line(tmp_path: Path) -> None:
    """Line 1 is the versioned header (format, scenario id, digest, seed, seats); then one event per line."""
    journal, path = written(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith('{"format":"boardsim-journal/1","scenario_id":"test-board","scenario_digest":"')
    assert '"seed":3' in lines[0]
    assert '"seats":{"council":{"disposition":"system-first","kind":"bot"}' in lines[0]
    assert len(lines) == 1 + len(journal.events)


def test_a_read_journal_replays_to_the_same_run(tmp_path: Path) -> None:
    """A journal read from disk replays against its scenario to the same journal."""
    journal, path = written(tmp_path)
    replayed = Session.replay(build(), read_journal(path))
    assert replayed.journal.to_jsonl() == journal.to_jsonl()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\xff\xfe garbage", "not UTF-8"),
        (b"hello\n", "header is not JSON"),
        (b'{"seed": 1}\n', "not a boardsim journal"),
        (b'{"format": "boardsim-journal/99"}\n', "'boardsim-journal/99' is not supported"),
    ],
)
def test_bad_headers_are_reported_in_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    """An empty, binary, non-JSON, foreign or future-version file is refused with what is wrong."""
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    with pytest.raises(JournalFileError, match=message) as caught:
        read_journal(path)
    assert "\n" not in str(caught.value)


def test_a_corrupt_event_line_is_reported_with_its_line_number(tmp_path: Path) -> None:
    """A damaged event names the file and the line it is on."""
    _, path = written(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace('"type":"', '"type":"no-such-')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(JournalFileError, match=r"bad.jsonl:4: not a journal event|run.jsonl:4: not a journal event"):
        read_journal(path)


def test_events_out_of_order_are_refused(tmp_path: Path) -> None:
    """Lines swapped by hand are noticed: each event's seq must follow the previous one."""
    _, path = written(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2], lines[3] = lines[3], lines[2]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(JournalFileError, match="out of order"):
        read_journal(path)


def test_missing_files_and_directories_are_reported(tmp_path: Path) -> None:
    """No such file, or a directory, is one clear line."""
    with pytest.raises(JournalFileError, match="no such file"):
        read_journal(tmp_path / "missing.jsonl")
    with pytest.raises(JournalFileError, match="is a directory"):
        read_journal(tmp_path)


def test_writing_to_an_impossible_place_is_reported(tmp_path: Path) -> None:
    """A journal cannot be written into a directory that does not exist: one clear line."""
    journal = play(build()).journal
    with pytest.raises(JournalFileError, match="cannot write"):
        write_journal(journal, tmp_path / "no" / "such" / "dir.jsonl")
