"""Operational logs for `boardsim play`: always to a file, never to the terminal the UI owns."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def configure_file_logging(log_file: Path | None) -> None:
    """Send structlog output to `log_file` as JSON lines, or drop it when no file is given."""
    from boardsim.adapters.logging import configure_logging

    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
    configure_logging(log_file=log_file, console=False, level="info")


def get_logger(name: str) -> Any:
    """A structlog logger (configured by `configure_file_logging`)."""
    from boardsim.adapters.logging import get_logger as adapter_logger

    return adapter_logger(name)
