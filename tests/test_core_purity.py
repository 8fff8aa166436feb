"""The core stays pure: importing it must not drag in the UI, YAML, files-and-sockets layers."""

import subprocess
import sys

import pytest

# `socket` is not listed: SimPy itself imports it at load time. The source scan below keeps the core from
# using sockets (or files, or the clock) directly.
FORBIDDEN = ("textual", "yaml", "structlog", "sqlite3", "boardsim.adapters", "boardsim.ui", "boardsim.commands")


@pytest.mark.parametrize("module", FORBIDDEN)
def test_importing_every_core_module_loads_no_impure_module(module: str) -> None:
    """Import every module under boardsim.core in a fresh interpreter; none may load `module`."""
    program = (
        "import importlib, pkgutil, sys, boardsim.core as core\n"
        "for info in pkgutil.walk_packages(core.__path__, 'boardsim.core.'):\n"
        "    importlib.import_module(info.name)\n"
        f"print({module!r} in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False", f"boardsim.core pulled in {module}"


def test_core_source_never_touches_wall_clock_or_global_random() -> None:
    """No core module calls the wall clock, the global random generator, files, sockets or eval/exec.

    Seeded generators are fine: `from random import Random` and `Random(seed)`.
    """
    import pathlib
    import re

    import boardsim.core

    banned = re.compile(
        r"\b(time\.time|time\.monotonic|datetime\.now|date\.today|random\.(random|choice|randint|uniform|seed)"
        r"|(?<![\w.])(?<!def )open\(|(?<![\w.])eval\(|(?<![\w.])exec\("
        r"|^\s*import (random|socket|sqlite3|asyncio|os|pathlib)\b"
        r"|^\s*from (socket|sqlite3|asyncio|os|pathlib) import|^\s*from random import (?!Random$))"
    )
    root = pathlib.Path(boardsim.core.__file__).parent
    offenders = [
        f"{path.relative_to(root)}:{number}: {line.strip()}"
        for path in root.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if banned.search(line) and not line.lstrip().startswith("#")
    ]
    assert offenders == []
