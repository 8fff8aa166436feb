"""The committed JSON Schemas match the models, and the schema accepts a valid scenario and refuses a typo."""

from __future__ import annotations

import argparse
import json
import pathlib
from typing import Any

import pytest

from boardsim.adapters.field_docs import field_docstring
from boardsim.core.scenario import schema as format_schema
from boardsim.core.scenario.schema import CATALOGUE_SCHEMA_FILE, SCENARIO_SCHEMA_FILE, schema_text

ROOT = pathlib.Path(__file__).resolve().parent.parent


def scenario_json_schema() -> dict[str, Any]:
    """The scenario schema with the fields' docstrings read from the models' source, as `boardsim schema` does."""
    return format_schema.scenario_json_schema(field_docstring)


def catalogue_json_schema() -> dict[str, Any]:
    """The catalogue schema, as `boardsim schema --catalogue` writes it."""
    return format_schema.catalogue_json_schema(field_docstring)


SMALL_SCENARIO: dict[str, Any] = {
    "format": "boardsim/1",
    "id": "tiny",
    "title": "Tiny",
    "synopsis": "Two members and one decision.",
    "place": "Testshire",
    "calendar": {"start": "2027-04-01", "horizon": "12 months"},
    "state": {"waits": {"type": "number", "initial": 50, "range": [0, 100]}},
    "members": [
        {"id": "council", "extends": "council"},
        {"id": "icb", "name": "ICB", "kind": "icb", "seat": "Chief Executive", "brief": "Break even."},
    ],
    "shared_purpose": {"statement": "Fewer waits.", "priorities": {"waits": -1}},
    "pools": [{"id": "fund", "name": "Fund", "host": "council", "initial": "£2.5m"}],
    "dilemmas": [
        {
            "id": "share",
            "title": "Share?",
            "prompt": "Who pays?",
            "at": "2 months",
            "deadline": "1 month",
            "default": "split",
            "mode": {"kind": "vote", "rule": "majority"},
            "options": [
                {
                    "id": "split",
                    "label": "Split",
                    "effects": [{"kind": "move", "from": "icb", "to": "fund", "amount": "£1m"}],
                }
            ],
        }
    ],
}


@pytest.mark.parametrize(
    ("relative_path", "generate", "command"),
    [
        (SCENARIO_SCHEMA_FILE, scenario_json_schema, f"boardsim schema --output {SCENARIO_SCHEMA_FILE}"),
        (
            CATALOGUE_SCHEMA_FILE,
            catalogue_json_schema,
            f"boardsim schema --catalogue --output {CATALOGUE_SCHEMA_FILE}",
        ),
    ],
    ids=["scenario", "catalogue"],
)
def test_committed_schema_matches_the_models(relative_path: str, generate: Any, command: str) -> None:
    """The schema file under scenarios/ is exactly what the models generate now (else editors drift)."""
    committed = (ROOT / relative_path).read_text(encoding="utf-8")
    assert committed == schema_text(generate()), f"{relative_path} is out of date: run `{command}`"


def test_generation_is_deterministic() -> None:
    """Generating twice gives the same text, so the drift test never flickers."""
    assert schema_text(scenario_json_schema()) == schema_text(scenario_json_schema())


def test_every_authored_object_refuses_unknown_keys() -> None:
    """Every object definition says additionalProperties: false, so an editor flags a typo'd key."""
    for schema in (scenario_json_schema(), catalogue_json_schema()):
        definitions = [schema, *schema["$defs"].values()]
        assert all(definition.get("additionalProperties") is False for definition in definitions)


def test_field_docstrings_become_hover_text() -> None:
    """A field typed with a shared type keeps its own docstring first, then the type's description."""
    move = scenario_json_schema()["$defs"]["MoveEffect"]["properties"]["from"]
    assert move["description"].startswith("Where it comes from: a member id, a pool id, `external`")
    assert "An id: lower-case letters" in move["description"]


def test_money_defaults_are_written_as_money() -> None:
    """A Money field's default reads '£0', which its own pattern accepts, not the integer 0."""
    floor = scenario_json_schema()["$defs"]["Budget"]["properties"]["floor"]
    assert floor["default"] == "£0"


def test_schema_accepts_a_valid_scenario_and_refuses_a_typo() -> None:
    """A small valid scenario passes the JSON Schema; the same with `prompt` typo'd as `promt` fails."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(schema_text(scenario_json_schema()))
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(SMALL_SCENARIO)) == []
    typo = json.loads(json.dumps(SMALL_SCENARIO))
    typo["dilemmas"][0]["promt"] = typo["dilemmas"][0].pop("prompt")
    messages = [error.message for error in validator.iter_errors(typo)]
    assert any("promt" in message for message in messages)


def test_schema_command_writes_the_committed_form(tmp_path: pathlib.Path) -> None:
    """`boardsim schema --output FILE` writes exactly the text the drift test compares against."""
    target = tmp_path / "schema.json"
    assert _schema_command("--output", str(target)) == 0
    assert target.read_text(encoding="utf-8") == schema_text(scenario_json_schema())
    catalogue = tmp_path / "catalogue.json"
    assert _schema_command("--catalogue", "--output", str(catalogue)) == 0
    assert json.loads(catalogue.read_text(encoding="utf-8"))["title"].startswith("boardsim member catalogue")


def test_schema_command_reports_an_unwritable_output(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Writing into a directory that does not exist exits 1 with a one-line message, not a traceback."""
    assert _schema_command("--output", str(tmp_path / "missing" / "schema.json")) == 1
    assert "cannot write" in capsys.readouterr().err


def _schema_command(*arguments: str) -> int:
    from boardsim.commands import schema as command

    parser = argparse.ArgumentParser(prog="boardsim schema")
    command.configure(parser)
    return command.run(parser.parse_args(arguments))
