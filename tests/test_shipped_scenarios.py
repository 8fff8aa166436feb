"""The scenarios boardsim ships are ready for a workshop: they check clean, editors can validate them, and each
declares playthroughs that exercise it down more than one path."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from boardsim.adapters.scenario_loader import LoadResult

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
SHIPPED = sorted(SCENARIOS.glob("*.yaml"))
CATALOGUES = sorted((SCENARIOS / "catalogues").glob("*.yaml"))
SCENARIO_MODELINE = "# yaml-language-server: $schema=./boardsim.schema.json"
CATALOGUE_MODELINE = "# yaml-language-server: $schema=./boardsim-catalogue.schema.json"


def _load(path: Path) -> LoadResult:
    loader = pytest.importorskip("boardsim.adapters.scenario_loader", reason="the scenario loader is not installed yet")
    result: LoadResult = loader.load_scenario(path)
    return result


def _problems(result: LoadResult) -> list[str]:
    return [f"{finding.position}: {finding.level}[{finding.code}]: {finding.message}" for finding in result.findings]


def test_scenarios_are_shipped() -> None:
    """There is at least one shipped scenario (the globs below would otherwise test nothing)."""
    assert SHIPPED, f"no scenarios found in {SCENARIOS}"
    assert CATALOGUES, f"no catalogues found in {SCENARIOS / 'catalogues'}"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_scenario_loads_with_no_errors_or_warnings(path: Path) -> None:
    """Every shipped scenario loads into a Scenario, with no error or warning findings."""
    result = _load(path)
    serious = [finding for finding in result.findings if finding.level in ("error", "warning")]
    assert not serious, "\n".join(_problems(result))
    assert result.scenario is not None


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_scenario_starts_with_the_schema_modeline(path: Path) -> None:
    """The first line of every shipped scenario points editors at the committed boardsim.schema.json."""
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == SCENARIO_MODELINE
    assert (SCENARIOS / "boardsim.schema.json").is_file()


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_scenario_has_at_least_two_playthroughs(path: Path) -> None:
    """Every shipped scenario declares two or more named playthroughs with distinct forced paths."""
    result = _load(path)
    assert result.scenario is not None, "\n".join(_problems(result))
    playthroughs = result.scenario.playthroughs
    assert len(playthroughs) >= 2
    paths = {tuple(sorted((dilemma, str(choice)) for dilemma, choice in p.choices.items())) for p in playthroughs}
    assert len(paths) == len(playthroughs), "two playthroughs force exactly the same choices"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_scenario_playthroughs_all_pass(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`boardsim test` plays every declared playthrough and every expectation holds (exit status 0)."""
    _load(path)  # skips while the loader is missing
    engine = pytest.importorskip("boardsim.core.engine", reason="the engine is not installed yet")
    if not hasattr(engine, "Session"):
        pytest.skip("the engine has no Session yet")
    from boardsim.cli import main

    status = main(["test", str(path)])
    report = capsys.readouterr().out
    assert status == 0, report
    assert "all passed" in report


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.name)
def test_shipped_catalogue_loads_clean_and_starts_with_its_modeline(path: Path) -> None:
    """Every shipped member catalogue validates as a catalogue with no findings and points at its schema."""
    assert path.read_text(encoding="utf-8").splitlines()[0] == CATALOGUE_MODELINE
    assert (path.parent / "boardsim-catalogue.schema.json").is_file()
    result = _load(path)
    assert result.findings == [], "\n".join(_problems(result))
    assert result.catalogue is not None
