"""Operational logs go to a JSON-lines file when asked, to stderr for headless commands, and nowhere at all
while a UI owns the terminal — never to stdout, never into the journal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from boardsim.adapters.logging import configure_logging, get_logger


def test_a_log_file_receives_one_json_object_per_event(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With a file, each log call appends a JSON object with the event, its fields, a level and a timestamp."""
    path = tmp_path / "ops.log"
    configure_logging(log_file=path)
    get_logger("test").info("run finished", scenario="s", events=12)
    configure_logging(console=False)  # closes the file
    (record,) = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert (record["event"], record["scenario"], record["events"], record["level"]) == ("run finished", "s", 12, "info")
    assert "timestamp" in record
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ""


def test_headless_commands_log_readable_lines_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a file, logs at or above the level are readable lines on stderr; stdout stays clean."""
    configure_logging(level="warning")
    logger = get_logger("test")
    logger.info("quiet detail")
    logger.warning("journal not written", path="x.jsonl")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "journal not written" in captured.err
    assert "quiet detail" not in captured.err


def test_a_ui_can_silence_logging_entirely(capsys: pytest.CaptureFixture[str]) -> None:
    """console=False and no file: nothing is printed anywhere, so nothing draws over the TUI."""
    configure_logging(console=False)
    get_logger("test").error("something went wrong")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ""
