"""Follow a pydantic error location through the models and the data, to the YAML path a designer wrote.

Pydantic's `loc` mixes data keys with schema bookkeeping: discriminated unions add the tag
(`('effects', 1, 'inject', 'after')`, where `inject` is the effect kind, not the `inject:` field), plain unions
add branch labels (`'literal[...]'`, `'list[constrained-str]'`), and mapping keys that fail validation end in
`'[key]'`. Walking the model types alongside the data tells these apart exactly, and also says which model a
missing or unknown field belongs to, so messages can name it and suggest the field the designer meant.
"""

from __future__ import annotations

import functools
import types
from dataclasses import dataclass
from typing import Annotated, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from boardsim.adapters.field_docs import field_docstring
from boardsim.core.diagnostics import YamlPath

_MISSING = object()


@dataclass(frozen=True, slots=True)
class LocatedLoc:
    """Where a pydantic error location points in the designer's document."""

    path: YamlPath
    """The data path: only keys and indices the designer wrote (or, for a missing field, would write)."""
    value: object
    """The data at `path` (`MISSING` when it was not written)."""
    at_key: bool = False
    """The error is about a mapping key rather than its value."""
    owner: type[BaseModel] | None = None
    """The model whose field the last element names (for missing and unknown fields)."""
    final_type: object = None
    """The expected type at `path`, when known."""
    union_site: YamlPath | None = None
    """The data path of the last plain (non-discriminated) union the location passed through."""
    branch: str | None = None
    """The union branch label taken there."""
    discriminator: str | None = None
    """When `final_type` is a discriminated union: the field that tells its members apart."""


MISSING = _MISSING


def locate(model: type[BaseModel], data: object, loc: tuple[int | str, ...]) -> LocatedLoc:
    """Walk `loc` from `model` and `data` to the data path it refers to."""
    expected: object = model
    discriminator: str | None = None
    value = data
    path: list[int | str] = []
    at_key = False
    owner: type[BaseModel] | None = None
    union_site: YamlPath | None = None
    branch: str | None = None
    for element in loc:
        expected, discriminator = _settle(expected, discriminator)
        if _is_union(expected):
            chosen = _choose_member(expected, discriminator, element)
            if chosen is not None:
                if discriminator is None:
                    union_site, branch = tuple(path), str(element)
                expected, discriminator = chosen, None
                continue  # the element named the union member, not data
            expected = None
        owner = None
        if element == "[key]":
            at_key = True
            continue
        if isinstance(expected, type) and issubclass(expected, BaseModel) and isinstance(element, str):
            field = _fields_by_alias(expected).get(element)
            owner = expected
            expected, discriminator = (field.annotation, _discriminator(field)) if field else (None, None)
            value = value.get(element, _MISSING) if isinstance(value, dict) else _MISSING
            path.append(element)
            continue
        origin = get_origin(expected)
        if isinstance(element, int) and (origin in (list, tuple) or (expected is None and isinstance(value, list))):
            expected = _item_type(expected, element)
            discriminator = _discriminator_of(expected)
            value = value[element] if isinstance(value, list) and 0 <= element < len(value) else _MISSING
            path.append(element)
            continue
        if isinstance(element, str) and (origin is dict or (expected is None and isinstance(value, dict))):
            args = get_args(expected)
            expected = args[1] if len(args) == 2 else None
            discriminator = _discriminator_of(expected)
            value = value.get(element, _MISSING) if isinstance(value, dict) else _MISSING
            path.append(element)
            continue
        # Anything else is schema bookkeeping the walk did not recognise; it is not part of the data path.
    expected, discriminator = _settle(expected, discriminator)
    return LocatedLoc(tuple(path), value, at_key, owner, expected, union_site, branch, discriminator)


def union_tags(expected: object, discriminator: str | None) -> list[str]:
    """The tags a discriminated union accepts, in declaration order (empty if `expected` is not one)."""
    core, found = _unwrap(expected)
    discriminator = discriminator or found
    if discriminator is None or not _is_union(core):
        return []
    tags: list[str] = []
    for member in get_args(core):
        tags.extend(_member_tags(member, discriminator))
    return tags


def allowed_field_names(model: type[BaseModel]) -> list[str]:
    """The keys a designer may write in a mapping of this model (aliases such as `from`, not `from_`)."""
    return list(_fields_by_alias(model))


def field_description(model: type[BaseModel], key: str) -> str:
    """The hover text of a field (`key` as written, e.g. `from`): its docstring, unless its type describes it."""
    for name, field in model.model_fields.items():
        if (field.alias or name) == key:
            return field.description or field_docstring(model, name)
    return ""


def literal_values(expected: object) -> list[str]:
    """The allowed values of a Literal type (or of the Literal members of a union), as text."""
    core, _ = _unwrap(expected)
    if get_origin(core) is Literal:
        return [str(value) for value in get_args(core)]
    if _is_union(core):
        return [value for member in get_args(core) for value in literal_values(member)]
    return []


# --- types ----------------------------------------------------------------------------------------------------


def _settle(expected: object, discriminator: str | None) -> tuple[object, str | None]:
    """Strip Annotated wrappers and Optional, keeping any discriminator they carry."""
    while True:
        expected, found = _unwrap(expected)
        discriminator = discriminator or found
        if _is_union(expected):
            members = [member for member in get_args(expected) if member is not type(None)]
            if len(members) == 1:
                expected = members[0]
                continue
        return expected, discriminator


def _unwrap(expected: object) -> tuple[object, str | None]:
    discriminator = None
    while get_origin(expected) is Annotated:
        args = get_args(expected)
        for meta in args[1:]:
            if isinstance(meta, FieldInfo) and isinstance(meta.discriminator, str):
                discriminator = meta.discriminator
        expected = args[0]
    return expected, discriminator


def _discriminator_of(expected: object) -> str | None:
    return _unwrap(expected)[1]


def _discriminator(field: FieldInfo) -> str | None:
    return field.discriminator if isinstance(field.discriminator, str) else None


def _is_union(expected: object) -> bool:
    return get_origin(expected) in (Union, types.UnionType)


def _choose_member(union: object, discriminator: str | None, element: object) -> object | None:
    members: list[object] = [member for member in get_args(union) if member is not type(None)]
    if discriminator is not None:
        for member in members:
            if element in _member_tags(member, discriminator):
                return member
        return None
    if not isinstance(element, str):
        return None
    for member in members:
        core, _ = _unwrap(member)
        if _branch_label_matches(core, element):
            return member
    return None


def _branch_label_matches(core: object, label: str) -> bool:
    origin = get_origin(core)
    prefixes = {Literal: "literal[", list: "list[", dict: "dict[", tuple: "tuple["}
    if origin in prefixes:
        return label.startswith(prefixes[origin])
    if core is str:
        return label in ("str", "constrained-str")
    return isinstance(core, type) and core.__name__ == label


def _member_tags(member: object, discriminator: str) -> list[str]:
    core, _ = _unwrap(member)
    if not (isinstance(core, type) and issubclass(core, BaseModel)):
        return []
    field = _fields_by_alias(core).get(discriminator)
    return literal_values(field.annotation) if field else []


def _item_type(expected: object, index: int) -> object:
    args = get_args(expected)
    if get_origin(expected) is tuple and args and args[-1] is not Ellipsis:
        return args[index] if index < len(args) else None
    return args[0] if args else None


@functools.cache
def _fields_by_alias(model: type[BaseModel]) -> dict[str, FieldInfo]:
    return {field.alias or name: field for name, field in model.model_fields.items()}


__all__ = [
    "MISSING",
    "LocatedLoc",
    "allowed_field_names",
    "field_description",
    "literal_values",
    "locate",
    "union_tags",
]
