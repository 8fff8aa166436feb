"""`include:` reads member catalogues relative to the including file; `extends:` builds members on them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from boardsim.adapters.scenario_loader import load_scenario

from .conftest import VALID_SCENARIO, column_of, line_of, only

CATALOGUE = """\
format: boardsim-catalogue/1
id: test-board
title: Members of a test board
members:
  - id: council
    name: the council
    kind: council
    seat: Leader of the Council
    brief: Sets a balanced budget.
    accountabilities:
      - id: balanced-budget
        kind: duty
        description: Balance the books.
        holds_when: 'budget("council") >= £0'
        answers_to: Full council
  - id: icb
    name: the integrated care board
    kind: icb
    seat: Chief Executive
    brief: Breaks even.
"""

# The fixture's two members, replaced by members that take most fields from the catalogue.
_MEMBERS_START = VALID_SCENARIO.index("members:\n")
_MEMBERS_END = VALID_SCENARIO.index("shared_purpose:")
EXTENDING_MEMBERS = """\
members:
  - id: council
    extends: council
    name: Testshire Council
    budget: {amount: "£120m"}
  - id: icb
    extends: icb
    budget: {amount: "£300m"}
"""


def scenario_including(*includes: str, members: str = EXTENDING_MEMBERS) -> str:
    """The valid fixture with `include:` lines and members built on catalogue members."""
    listed = "".join(f"  - {include}\n" for include in includes)
    head = VALID_SCENARIO[:_MEMBERS_START] + (f"include:\n{listed}" if includes else "")
    return head + members + VALID_SCENARIO[_MEMBERS_END:]


def test_members_extend_catalogue_members(write: Callable[..., Path]) -> None:
    """Fields a member leaves out come from the catalogue member it extends; its own fields win."""
    write(CATALOGUE, "project/catalogues/board.yaml")
    path = write(scenario_including("catalogues/board.yaml"), "project/scenario.yaml")
    result = load_scenario(path)
    assert not result.has_errors, [f"{item.position}: {item.message}" for item in result.findings]
    assert result.scenario is not None
    council, icb = result.scenario.members
    assert (council.name, council.seat, council.accountabilities[0].id) == (
        "Testshire Council",
        "Leader of the Council",
        "balanced-budget",
    )
    assert (icb.name, icb.kind) == ("the integrated care board", "icb")


def test_includes_resolve_relative_to_the_including_file(
    write: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An include is found next to the scenario, whatever the current directory is."""
    write(CATALOGUE, "project/catalogues/board.yaml")
    path = write(scenario_including("catalogues/board.yaml"), "project/scenario.yaml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert not load_scenario(path).has_errors


def test_nested_includes_are_relative_to_each_catalogue(write: Callable[..., Path]) -> None:
    """A catalogue's own includes are resolved from the catalogue's folder."""
    write(CATALOGUE, "project/catalogues/shared/board.yaml")
    write(
        "format: boardsim-catalogue/1\nid: outer\ntitle: Outer\ninclude: [shared/board.yaml]\nmembers: []\n",
        "project/catalogues/outer.yaml",
    )
    path = write(scenario_including("catalogues/outer.yaml"), "project/scenario.yaml")
    assert not load_scenario(path).has_errors


def test_missing_include(write: Callable[..., Path]) -> None:
    """An include that does not exist is `include-not-found` at the include entry, naming similar files."""
    write(CATALOGUE, "catalogues/board.yaml")
    text = scenario_including("catalogues/bord.yaml")
    result = load_scenario(write(text))
    item = only(result, "include-not-found")
    assert item.position is not None
    assert (item.position.line, item.position.column) == (line_of(text, "bord.yaml"), column_of(text, "catalogues/"))
    assert "board.yaml" in item.hint


def test_include_cycle_is_refused_with_its_chain(write: Callable[..., Path]) -> None:
    """Catalogues including each other are `include-cycle` at the include closing the loop, showing the chain."""
    write(CATALOGUE.replace("members:\n", "include: [b.yaml]\nmembers:\n"), "catalogues/a.yaml")
    b_text = "format: boardsim-catalogue/1\nid: b\ntitle: B\ninclude: [a.yaml]\nmembers: []\n"
    b_path = write(b_text, "catalogues/b.yaml")
    result = load_scenario(write(scenario_including("catalogues/a.yaml")))
    item = only(result, "include-cycle")
    assert item.position is not None
    assert (item.position.file, item.position.line, item.position.column) == (str(b_path), 4, 11)
    assert "a.yaml → " in item.message
    assert "b.yaml → " in item.message


def test_including_itself_is_a_cycle(write: Callable[..., Path]) -> None:
    """A scenario including its own file is refused as a cycle, not read forever."""
    result = load_scenario(write(scenario_including("scenario.yaml")))
    assert only(result, "include-cycle").position is not None


def test_including_a_scenario_is_invalid(write: Callable[..., Path]) -> None:
    """Only member catalogues can be included: a scenario is `include-invalid` at the include entry."""
    write(VALID_SCENARIO, "other.yaml")
    text = scenario_including("other.yaml")
    item = only(load_scenario(write(text)), "include-invalid")
    assert item.position is not None
    assert item.position.line == line_of(text, "- other.yaml")
    assert "a scenario" in item.message


def test_including_a_folder_is_reported_at_the_include(write: Callable[..., Path], tmp_path: Path) -> None:
    """An include naming a folder is `not-a-file`, placed at the include entry in the including file."""
    (tmp_path / "catalogues").mkdir()
    text = scenario_including("catalogues")
    item = only(load_scenario(write(text)), "not-a-file")
    assert item.position is not None
    assert (item.position.line, item.position.column) == (line_of(text, "- catalogues"), 5)
    assert item.yaml_path == "include[0]"


def test_problems_in_a_catalogue_are_placed_in_the_catalogue(write: Callable[..., Path]) -> None:
    """A schema error inside an included catalogue points into the catalogue file, and is reported once even
    though the member extending it inherits the same bad value."""
    broken = CATALOGUE.replace("kind: icb", "kind: icbb")
    catalogue = write(broken, "catalogues/board.yaml")
    item = only(load_scenario(write(scenario_including("catalogues/board.yaml"))), "bad-value")
    assert item.position is not None
    assert (item.position.file, item.position.line, item.position.column) == (
        str(catalogue),
        line_of(broken, "icbb"),
        column_of(broken, "icbb"),
    )


def test_inherited_condition_errors_point_into_the_catalogue(write: Callable[..., Path]) -> None:
    """A bad name in a condition taken through `extends:` is placed in the catalogue, at the exact column."""
    broken = CATALOGUE.replace("'budget(\"council\") >= £0'", "'budget(\"council\") >= £0 and reserves > 1'")
    catalogue = write(broken, "catalogues/board.yaml")
    item = only(load_scenario(write(scenario_including("catalogues/board.yaml"))), "expr-unknown-name")
    assert item.position is not None
    assert item.yaml_path == "members[0].accountabilities[0].holds_when"
    assert (item.position.file, item.position.line, item.position.column) == (
        str(catalogue),
        line_of(broken, "reserves"),
        column_of(broken, "reserves"),
    )


def test_unknown_catalogue_member_suggests_the_nearest(write: Callable[..., Path]) -> None:
    """`extends:` naming no catalogue member is `unknown-catalogue-member` with a did-you-mean, and nothing else."""
    write(CATALOGUE, "catalogues/board.yaml")
    text = scenario_including(
        "catalogues/board.yaml", members=EXTENDING_MEMBERS.replace("extends: icb", "extends: ibc")
    )
    result = load_scenario(write(text))
    assert [item.code for item in result.findings if item.level == "error"] == ["unknown-catalogue-member"]
    item = result.findings[0]
    assert item.position is not None
    assert (item.position.line, item.position.column) == (line_of(text, "extends: ibc"), column_of(text, "ibc"))
    assert "did you mean `icb`?" in item.hint


def test_extends_without_any_include_says_to_include_one(write: Callable[..., Path]) -> None:
    """`extends:` in a scenario that includes nothing explains that catalogues must be included."""
    result = load_scenario(write(scenario_including()))
    unknown = [item for item in result.findings if item.code == "unknown-catalogue-member"]
    assert [item.yaml_path for item in unknown] == ["members[0].extends", "members[1].extends"]
    assert all("`include:`" in item.hint for item in unknown)


def test_catalogue_can_be_checked_on_its_own(write: Callable[..., Path]) -> None:
    """A catalogue file given to the loader is validated as a catalogue."""
    result = load_scenario(write(CATALOGUE, "board.yaml"))
    assert result.findings == []
    assert result.catalogue is not None
    assert result.scenario is None
    broken = load_scenario(write(CATALOGUE.replace("seat: Chief Executive", "seats: Chief Executive"), "b.yaml"))
    assert only(broken, "unknown-field").yaml_path == "members[1].seats"
    assert only(broken, "unknown-field").hint == "did you mean `seat`?"


def test_member_ids_must_be_unique_across_catalogues(write: Callable[..., Path]) -> None:
    """Two included catalogues defining the same member id is a `duplicate-id` in the second."""
    write(CATALOGUE, "catalogues/one.yaml")
    second = write(CATALOGUE.replace("id: test-board", "id: other-board"), "catalogues/two.yaml")
    result = load_scenario(write(scenario_including("catalogues/one.yaml", "catalogues/two.yaml")))
    duplicates = [item for item in result.findings if item.code == "duplicate-id"]
    assert [item.position.file for item in duplicates if item.position] == [str(second), str(second)]
