"""Operational logs with structlog: JSON lines to a file when asked, readable lines on stderr for headless
commands, and nothing at all on the terminal while a UI owns it.

Logs are for operators (what ran, with which seed, how long it took, what failed); what happened in the
simulation goes in the journal, never here, and log lines never go to stdout where commands print results.
"""

from __future__ import annotations

import logging as _stdlib_logging
import os
import sys
from typing import Any, TextIO

import structlog

_open_files: list[TextIO] = []


def configure_logging(
    *,
    log_file: str | os.PathLike[str] | None = None,
    console: bool = True,
    level: str = "info",
) -> None:
    """Set up structlog for this process.

    `log_file`: append JSON lines there (one object per event, with an ISO timestamp).
    `console`: with no file, print readable lines to stderr (headless commands); with False and no file,
    drop logs entirely (for a UI that owns the terminal).
    """
    threshold = getattr(_stdlib_logging, level.upper(), _stdlib_logging.INFO)
    for handle in _open_files:
        handle.close()
    _open_files.clear()
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    if log_file is not None:
        handle = open(log_file, "a", encoding="utf-8")  # noqa: SIM115 - kept open for the process's lifetime
        _open_files.append(handle)
        processors = [*shared, structlog.processors.dict_tracebacks, structlog.processors.JSONRenderer()]
        factory: Any = structlog.WriteLoggerFactory(file=handle)
    elif console:
        processors = [*shared, structlog.dev.ConsoleRenderer(colors=_stderr_is_terminal())]
        factory = structlog.PrintLoggerFactory(file=sys.stderr)
    else:
        processors = [*shared, _drop]
        factory = structlog.PrintLoggerFactory(file=sys.stderr)
    structlog.configure(
        processors=processors,
        wrapper_class=structlog.make_filtering_bound_logger(threshold),
        logger_factory=factory,
        cache_logger_on_first_use=False,
    )


def get_logger(name: str) -> Any:
    """A structlog logger bound to `name` (the command or adapter logging)."""
    return structlog.get_logger(name)


def _drop(logger: Any, method: str, event: Any) -> Any:
    raise structlog.DropEvent


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty() and not os.environ.get("NO_COLOR")
