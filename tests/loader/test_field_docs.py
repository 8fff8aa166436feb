"""The fields' docstrings are read from the models' source when a hint or the schema needs them, not at import."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from boardsim.adapters.field_docs import attribute_docstrings, field_docstring
from boardsim.core.scenario.model import Budget, ChangeEffect, MoveEffect

from .conftest import VALID_SCENARIO, only


@pytest.mark.parametrize(
    ("model", "field", "starts_with"),
    [
        (MoveEffect, "from_", "Where it comes from: a member id"),  # by attribute name, not the `from` alias
        (ChangeEffect, "after", "Delay before it lands"),  # declared on the base class EffectBase
        (Budget, "amount", "What the member has to spend at the start"),
        (Budget, "no_such_field", ""),
    ],
)
def test_field_docstring_is_the_text_under_the_field(model: type, field: str, starts_with: str) -> None:
    """A field's docstring is the string written under it, on whichever class of the model declares it."""
    docstring = field_docstring(model, field)
    assert docstring.startswith(starts_with)
    assert bool(docstring) == bool(starts_with)


def test_attribute_docstrings_follow_pydantics_rules() -> None:
    """Only a string directly after an annotated attribute documents it; nested classes go by qualified name."""
    source = '''
class Outer:
    """The class docstring documents no field."""

    first: int
    """  The first field,
    over two lines.
    """
    plain = 3
    """After a plain assignment: not a field docstring."""
    second: str = ""
    third: int
    """The third field."""

    class Inner:
        inner: int
        """A nested class's field."""
'''
    assert attribute_docstrings(source) == {
        "Outer": {"first": "The first field,\nover two lines.", "third": "The third field."},
        "Outer.Inner": {"inner": "A nested class's field."},
    }


def test_a_missing_fields_hint_quotes_its_docstring(write: Callable[..., Path]) -> None:
    """The hint of a missing required field still says what the field is for, from its docstring."""
    from boardsim.adapters.scenario_loader import load_scenario

    path = write(VALID_SCENARIO.replace("    prompt: Decide the risk share.\n", ""))
    problem = only(load_scenario(path), "missing-field")
    assert "`prompt`: The question as put to the board." in problem.hint


def test_loading_a_scenario_reads_no_python_source() -> None:
    """Importing the models and validating a scenario never reads their source (which pydantic's attribute
    docstrings did for every class, at every start-up)."""
    scenario = Path(__file__).resolve().parents[2] / "scenarios" / "eastmere-bcf-risk-share.yaml"
    program = (
        "import linecache, sys\n"
        "read = []\n"
        "original = linecache.updatecache\n"
        "def updatecache(filename, *args):\n"
        "    read.append(filename)\n"
        "    return original(filename, *args)\n"
        "linecache.updatecache = updatecache\n"
        "from boardsim.adapters.scenario_loader import load_scenario\n"
        f"result = load_scenario({str(scenario)!r})\n"
        "assert result.scenario is not None and not result.has_errors\n"
        "print([name for name in read if 'boardsim' in name])\n"
    )
    completed = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == "[]"
