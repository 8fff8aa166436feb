"""The JSON Schema of the scenario and catalogue formats, generated from the pydantic models.

Editors (VS Code with the YAML extension, anything speaking yaml-language-server) read the schema through the
modeline `# yaml-language-server: $schema=./boardsim.schema.json` and give designers completion, hover text and
red squiggles before boardsim ever runs. The hover text is each field's attribute docstring in model.py.

Those docstrings are not kept by the compiler and the core reads no files, so the caller passes a way to get
them (`boardsim.adapters.field_docs.field_docstring` reads them from the models' source). Each field gets its
docstring exactly as pydantic's `use_attribute_docstrings` would give it (when it has no description of its
own); the models no longer turn that option on, as it made every start-up read and tokenize their source.

Repairs over plain `model_json_schema()`:

- A field typed with a shared annotated type (`Identifier`, `Condition`, ...) gets the type's description and
  pydantic drops the field's own docstring. Here the docstring is put back first, followed by the type's
  description, so `from:` on a money move says "Where it comes from: a member id, a pool id, ..." and still
  explains what an id looks like.
- Defaults are written the way a designer writes them: a `Money` default is "£0", not the integer 0 that the
  pattern would reject.
- A member with `extends:` takes its missing fields from a catalogue when the file is loaded, so in the file
  itself only `id` is required of it; the other required fields are required only when `extends` is absent.
- Keys of id-keyed mappings (state names, member ids) carry their pattern in `propertyNames`, so an editor
  flags a key that could never be valid instead of silently accepting it.

The output is deterministic (pydantic orders keys; `$defs` are sorted here), so the committed copies under
`scenarios/` can be compared with a freshly generated schema in a drift test.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, cast

import pydantic_core
from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from . import model as _model
from .model import CATALOGUE_FORMAT_VERSION, FORMAT_VERSION, Catalogue, Scenario

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCENARIO_SCHEMA_ID = "urn:boardsim:schema:boardsim-1"
CATALOGUE_SCHEMA_ID = "urn:boardsim:schema:boardsim-catalogue-1"
SCENARIO_SCHEMA_FILE = "scenarios/boardsim.schema.json"
"""Where the committed scenario schema lives, relative to the repository root."""
CATALOGUE_SCHEMA_FILE = "scenarios/catalogues/boardsim-catalogue.schema.json"
"""Where the committed catalogue schema lives, relative to the repository root."""

FieldDocs = Callable[[type, str], str]
"""The docstring of a model's field by field name, as written on the class that declares it ("" if none)."""


class _DesignerSchemaGenerator(GenerateJsonSchema):
    """Writes defaults through each field's own serializer, so a Money default reads '£0', and gives each
    field without a description of its own its docstring."""

    def field_doc(self, model: type, field: str) -> str:
        """The field's docstring (none here: `_schema_for` gives the generator the real ones)."""
        return ""

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        model_class = cast("type[BaseModel]", schema["cls"])
        documented = _with_field_docs(cast("dict[str, Any]", schema), model_class, self.field_doc)
        return super().model_schema(cast("core_schema.ModelSchema", documented))

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        json_schema = super().default_schema(schema)
        if json_schema.get("default") is None or "default" not in schema:
            return json_schema
        try:
            serializer = pydantic_core.SchemaSerializer(schema["schema"])
            json_schema["default"] = serializer.to_python(schema["default"], mode="json")
        except (pydantic_core.PydanticSerializationError, TypeError, ValueError, KeyError):
            # A schema the serializer cannot stand alone on (e.g. one with references) keeps pydantic's default.
            pass
        return json_schema


def scenario_json_schema(field_docs: FieldDocs) -> dict[str, Any]:
    """The JSON Schema of a scenario file (format boardsim/1), with `field_docs` as the fields' hover text."""
    return _schema_for(
        Scenario,
        field_docs,
        schema_id=SCENARIO_SCHEMA_ID,
        title=f"boardsim scenario ({FORMAT_VERSION})",
    )


def catalogue_json_schema(field_docs: FieldDocs) -> dict[str, Any]:
    """The JSON Schema of a member catalogue file (format boardsim-catalogue/1)."""
    return _schema_for(
        Catalogue,
        field_docs,
        schema_id=CATALOGUE_SCHEMA_ID,
        title=f"boardsim member catalogue ({CATALOGUE_FORMAT_VERSION})",
    )


def schema_text(schema: dict[str, Any]) -> str:
    """The schema as committed: 2-space indented JSON, the £ sign kept readable, a trailing newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _schema_for(root: type[BaseModel], field_docs: FieldDocs, *, schema_id: str, title: str) -> dict[str, Any]:
    class DocumentedGenerator(_DesignerSchemaGenerator):
        def field_doc(self, model: type, field: str) -> str:
            return field_docs(model, field)

    generated = root.model_json_schema(by_alias=True, schema_generator=DocumentedGenerator)
    models = _authored_models()
    _restore_field_docstrings(generated, root, field_docs)
    definitions = generated.pop("$defs", {})
    for name, definition in definitions.items():
        model_class = models.get(name)
        if model_class is not None:
            _restore_field_docstrings(definition, model_class, field_docs)
            _relax_required_when_extending(definition, model_class)
    _constrain_mapping_keys(generated)
    _constrain_mapping_keys(definitions)
    head: dict[str, Any] = {"$schema": JSON_SCHEMA_DIALECT, "$id": schema_id}
    generated["title"] = title
    return {**head, **generated, "$defs": {name: definitions[name] for name in sorted(definitions)}}


def _authored_models() -> dict[str, type[BaseModel]]:
    """Every model class of the format, by the name pydantic gives its definition."""
    return {
        value.__name__: value
        for value in vars(_model).values()
        if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == _model.__name__
    }


def _with_field_docs(schema: dict[str, Any], model_class: type[BaseModel], field_docs: FieldDocs) -> dict[str, Any]:
    """A copy of a model's core schema in which each field that has no description of its own (none from an
    annotated type's `Field`) carries its docstring, as `use_attribute_docstrings` would have set it. The
    model's own core schema is never changed: validation keeps using it."""
    inner = schema.get("schema")
    if not isinstance(inner, dict):
        return schema
    if inner.get("type") != "model-fields":
        # A model validator wraps the fields' schema; document the fields inside it.
        return {**schema, "schema": _with_field_docs(inner, model_class, field_docs)}
    fields: dict[str, Any] = {}
    for name, field in inner["fields"].items():
        info = model_class.model_fields.get(name)
        docstring = field_docs(model_class, name) if info is not None and info.description is None else ""
        if not docstring:
            fields[name] = field
            continue
        metadata = dict(field.get("metadata") or {})
        updates = dict(metadata.get("pydantic_js_updates") or {})
        # Pydantic's own key order (title, description, deprecated, examples): the output is byte for byte what
        # pydantic wrote when it set the description itself.
        first = {"title": updates.pop("title")} if "title" in updates else {}
        metadata["pydantic_js_updates"] = {**first, "description": docstring, **updates}
        fields[name] = {**field, "metadata": metadata}
    return {**schema, "schema": {**inner, "fields": fields}}


def _restore_field_docstrings(definition: dict[str, Any], model_class: type[BaseModel], field_docs: FieldDocs) -> None:
    """Put each field's docstring first in its description; keep the type's own description after it."""
    properties: dict[str, Any] = definition.get("properties", {})
    for field_name, field in model_class.model_fields.items():
        docstring = field_docs(model_class, field_name)
        prop = properties.get(field.alias or field_name)
        if not docstring or prop is None:
            continue
        current = prop.get("description")
        if current == docstring or (isinstance(current, str) and current.startswith(docstring)):
            continue
        prop["description"] = f"{docstring}\n\n{current}" if current else docstring


def _relax_required_when_extending(definition: dict[str, Any], model_class: type[BaseModel]) -> None:
    """A model with `extends:` needs only its id in the file; the rest is required only without `extends`."""
    if "extends" not in model_class.model_fields or "required" not in definition:
        return
    required: list[str] = definition["required"]
    always = [name for name in required if name == "id"]
    unless_extending = [name for name in required if name != "id"]
    if not unless_extending:
        return
    definition["required"] = always
    definition["if"] = {"required": ["extends"]}
    definition["else"] = {"required": unless_extending}


def _constrain_mapping_keys(node: Any) -> None:
    """Copy the single key pattern of a mapping into its `propertyNames`, everywhere in the schema."""
    if isinstance(node, list):
        for item in node:
            _constrain_mapping_keys(item)
        return
    if not isinstance(node, dict):
        return
    patterns = node.get("patternProperties")
    names = node.get("propertyNames")
    if isinstance(patterns, dict) and len(patterns) == 1 and isinstance(names, dict) and "pattern" not in names:
        names["pattern"] = next(iter(patterns))
    for value in node.values():
        _constrain_mapping_keys(value)
