"""Find the shipped scenarios for the picker: `scenarios/*.yaml` beside the package (or the repository it is
installed from) and in the current directory."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from boardsim.core.scenario.model import Scenario

if TYPE_CHECKING:
    from boardsim.adapters.scenario_loader import LoadResult

# The loader (YAML, the checks) is imported by the functions that load, on the picker's worker thread, so the
# picker is painted before that import runs.


def default_search_dirs(cwd: Path | None = None) -> list[Path]:
    """Where shipped scenarios live: the current directory's `scenarios/`, the package's, the repository's."""
    import boardsim

    package = Path(boardsim.__file__).resolve().parent
    here = (cwd or Path.cwd()).resolve()
    return [here / "scenarios", package / "scenarios", package.parent.parent / "scenarios"]


def scenario_files(search_dirs: Iterable[Path]) -> list[Path]:
    """Every `*.yaml` directly in the search folders, each once, in a stable order."""
    seen: set[Path] = set()
    files: list[Path] = []
    for folder in search_dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                files.append(path)
    return files


@dataclass(frozen=True, slots=True)
class ScenarioEntry:
    """One file the picker offers: its title and synopsis, or what is wrong with it."""

    path: Path
    title: str
    synopsis: str
    scenario: Scenario | None
    problems: Sequence[str] = field(default=())

    @property
    def playable(self) -> bool:
        return self.scenario is not None and not self.problems


def entry_from(result: LoadResult) -> ScenarioEntry | None:
    """A picker entry from a load result (None for member catalogues, which are not playable)."""
    from boardsim.adapters.diagnostics_format import format_finding

    path = Path(result.path)
    if result.catalogue is not None:
        return None
    errors = [format_finding(item) for item in result.findings if item.level == "error"]
    if result.scenario is None or errors:
        return ScenarioEntry(path, path.name, "", None, errors or ["the file could not be read"])
    return ScenarioEntry(path, result.scenario.title, result.scenario.synopsis, result.scenario)


def load_entry(path: Path) -> ScenarioEntry | None:
    """Load and check one file for the picker (slow: run it off the UI thread)."""
    from boardsim.adapters.scenario_loader import load_scenario

    return entry_from(load_scenario(path))
