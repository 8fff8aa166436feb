"""Validate a document against the scenario models and report every problem in a designer's words.

Pydantic's messages are written for programmers ("Input should be a valid dictionary or object to extract
fields from"). Each error becomes a finding with a stable code, a sentence naming what was expected and what
was written ("expected a number, got the text 'lots'"), a hint where one helps ("did you mean `members`?"),
and the position of the value (or key) in the file.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import TypeVar, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from boardsim.core.diagnostics import Finding, YamlPath, finding

from .model_paths import (
    MISSING,
    LocatedLoc,
    allowed_field_names,
    field_description,
    literal_values,
    locate,
    union_tags,
)
from .source_positions import PositionMap

ModelT = TypeVar("ModelT", bound=BaseModel)

_CUSTOM_CODES = {
    "bad_duration": "bad-duration",
    "bad_amount": "bad-amount",
    "bad_date": "bad-date",
    "bad_moment": "bad-time",
}
_CUSTOM_HINTS = {
    "bad-duration": "a duration is a whole number and a unit: days, weeks, months, quarters or years",
    "bad-amount": "amounts are pounds with a £ sign: '£2.5m', '£350k', '£1,200,000' or '-£4m'",
    "bad-date": "dates are written year-month-day, e.g. 2027-04-01",
    "bad-time": "a time is an offset from the scenario's start ('3 months') or a date ('2027-07-01')",
}
_MAPPING = "a mapping (`key: value` lines)"
_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "dict_type": _MAPPING,
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "list_type": "a list",
    "tuple_type": "a list",
    "none_required": "nothing",
}
_IDENTIFIER_PATTERN = r"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$"
_STATE_NAME_PATTERN = r"^[a-z][a-z0-9_]*$"
_NOUNS = {
    "TrustHistory": "trust entry",
    "FlagMeasure": "flag",
    "NumberMeasure": "number measure",
    "MemberTemplate": "catalogue member",
    "IndividualMode": "decision mode",
    "VoteMode": "decision mode",
    "PledgeMode": "decision mode",
    "PledgeBounds": "pledge limit",
}


def validate_document(
    model: type[ModelT], data: dict[str, object], positions: PositionMap, file: str
) -> tuple[ModelT | None, list[Finding]]:
    """The validated model, or None and a placed finding for every problem pydantic found."""
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        return None, findings_from_errors(model, data, error.errors(include_url=False), positions, file)


def findings_from_errors(
    model: type[BaseModel],
    data: object,
    errors: Sequence[ErrorDetails],
    positions: PositionMap,
    file: str,
) -> list[Finding]:
    """Findings for pydantic errors raised validating `data` as `model`, placed with `positions`."""
    located = [(error, locate(model, data, error["loc"])) for error in errors]
    kept, combined = _settle_unions(located)
    kept = _without_misspelt_missing(kept)
    findings: list[Finding] = []
    seen: set[tuple[str, YamlPath, str]] = set()
    for problem, at_key in [*(_describe(error, where) for error, where in kept), *combined]:
        identity = (problem.code, problem.path, problem.message)
        if identity not in seen:
            seen.add(identity)
            findings.append(positions.place(problem, at_key=at_key, default_file=file))
    return findings


def _settle_unions(
    located: list[tuple[ErrorDetails, LocatedLoc]],
) -> tuple[list[tuple[ErrorDetails, LocatedLoc]], list[tuple[Finding, bool]]]:
    """Pydantic reports a failed plain union once per member. Keep the member the value evidently meant
    (its errors go deeper than a type mismatch); when none fits, say once what the value could have been."""
    sites: dict[YamlPath, list[tuple[ErrorDetails, LocatedLoc]]] = {}
    for error, where in located:
        if where.union_site is not None:
            sites.setdefault(where.union_site, []).append((error, where))
    dropped: set[int] = set()
    combined: list[tuple[Finding, bool]] = []
    for site, members in sites.items():
        branches = {where.branch for _, where in members}
        if len(branches) < 2:
            continue
        fitting = {where.branch for error, where in members if not _type_miss(error, where, site)}
        if fitting:
            dropped.update(id(error) for error, where in members if where.branch not in fitting)
            continue
        dropped.update(id(error) for error, _ in members)
        expectations = list(dict.fromkeys(phrase for error, _ in members for phrase in _expectations(error)))
        code = "bad-value" if any(error["type"] == "literal_error" for error, _ in members) else "wrong-type"
        written = members[0][0]["input"]
        message = f"{_name(site)}expected {_one_of(expectations)}, got {describe(written)}"
        combined.append((finding(code, message, site, hint=_type_hint(written, members[0][1])), False))
    return [(error, where) for error, where in located if id(error) not in dropped], combined


def _without_misspelt_missing(
    located: list[tuple[ErrorDetails, LocatedLoc]],
) -> list[tuple[ErrorDetails, LocatedLoc]]:
    """A misspelt key shows up twice: as an unknown key and as the missing key it was meant to be. Keep only
    the unknown key, whose hint names the missing one."""
    meant: set[YamlPath] = set()
    for error, where in located:
        if error["type"] == "extra_forbidden" and where.owner is not None and where.path:
            suggestion = _closest(str(where.path[-1]), allowed_field_names(where.owner))
            if suggestion is not None:
                meant.add((*where.path[:-1], suggestion))
    return [(error, where) for error, where in located if not (error["type"] == "missing" and where.path in meant)]


def _type_miss(error: ErrorDetails, where: LocatedLoc, site: YamlPath) -> bool:
    kind = error["type"]
    return where.path == site and (kind in _EXPECTED or kind == "literal_error")


def _expectations(error: ErrorDetails) -> list[str]:
    """What one union member would have accepted, as phrases to join with 'or'."""
    if error["type"] == "literal_error":
        expected = str((error.get("ctx") or {}).get("expected", ""))
        return [f"'{value}'" for value in re.findall(r"'([^']*)'", expected)] or ["one of the allowed values"]
    if error["type"] in ("bool_type", "bool_parsing"):
        return ["true/false"]
    return [_EXPECTED.get(error["type"], "another kind of value")]


def _describe(error: ErrorDetails, where: LocatedLoc) -> tuple[Finding, bool]:
    """The finding for one error, and whether it belongs at the key rather than the value."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    written = error["input"]
    path = where.path
    name = _name(path)
    if kind == "missing":
        return _missing(where), False
    if kind == "extra_forbidden":
        return _unknown_field(where), True
    if kind in _CUSTOM_CODES:
        code = _CUSTOM_CODES[kind]
        return finding(code, f"{name}{error['msg']}", path, hint=_CUSTOM_HINTS[code]), False
    if kind == "union_tag_invalid":
        return _unknown_tag(where, str(ctx.get("tag", written))), False
    if kind == "union_tag_not_found":
        return _missing_tag(where, written), False
    if kind in _EXPECTED:
        message = f"{name}expected {_EXPECTED[kind]}, got {describe(written)}"
        return finding("wrong-type", message, path, hint=_type_hint(written, where)), False
    if kind == "string_pattern_mismatch" and isinstance(written, str):
        return _bad_identifier(written, str(ctx.get("pattern", "")), where), where.at_key
    if kind == "literal_error":
        allowed = literal_values(where.final_type) or re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        hint = _suggest(str(written), allowed) or f"allowed values: {', '.join(allowed)}"
        return finding("bad-value", f"{name}{describe(written)} is not one of the allowed values", path, hint), False
    return finding("bad-value", name + _constraint_message(kind, ctx, written, error["msg"]), path), where.at_key


def _constraint_message(kind: str, ctx: dict[str, object], written: object, fallback: str) -> str:
    bounds = {
        "greater_than_equal": ("ge", "at least"),
        "greater_than": ("gt", "more than"),
        "less_than_equal": ("le", "at most"),
        "less_than": ("lt", "less than"),
    }
    if kind in bounds:
        key, words = bounds[kind]
        return f"must be {words} {_number(ctx.get(key))}, but is {_number(written)}"
    if kind in ("too_short", "too_long"):
        limit = ctx.get("min_length" if kind == "too_short" else "max_length")
        words = "at least" if kind == "too_short" else "at most"
        count = ctx.get("actual_length")
        return f"needs {words} {limit} {_plural(limit, 'item')}, but has {count}"
    if kind == "string_too_short":
        return "is empty" if ctx.get("min_length") == 1 else f"is shorter than {ctx.get('min_length')} characters"
    if kind == "string_too_long" and isinstance(written, str):
        return f"is {len(written)} characters long; at most {ctx.get('max_length')} are allowed"
    if kind in ("value_error", "assertion_error"):
        return fallback.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return fallback[:1].lower() + fallback[1:]


def _missing(where: LocatedLoc) -> Finding:
    parent = where.path[:-1]
    field = where.path[-1] if where.path else ""
    if isinstance(field, int):
        return finding("missing-field", f"{_name(parent)}needs more values (value {field + 1} is missing)", parent)
    noun = _noun(where.owner)
    description = _first_sentence(field_description(where.owner, field)) if where.owner else ""
    hint = f"`{field}`: {description}" if description else ""
    return finding("missing-field", f"this {noun} has no `{field}`, which is required", parent, hint)


def _unknown_field(where: LocatedLoc) -> Finding:
    key = str(where.path[-1]) if where.path else ""
    if where.owner is None:
        return finding("unknown-field", f"`{key}` is not expected here", where.path)
    allowed = allowed_field_names(where.owner)
    noun = _noun(where.owner)
    hint = _suggest(key, allowed) or f"the fields of {_a(noun)} are: {', '.join(allowed)}"
    return finding("unknown-field", f"`{key}` is not a field of {_a(noun)}", where.path, hint)


def _unknown_tag(where: LocatedLoc, tag: str) -> Finding:
    field = where.discriminator or "kind"
    tags = union_tags(where.final_type, where.discriminator)
    path = (*where.path, field) if isinstance(where.value, dict) and field in where.value else where.path
    hint = _suggest(tag, tags) or f"the {field}s are: {', '.join(tags)}"
    return finding("bad-value", f"`{field}: {tag}` is not a {field} boardsim knows", path, hint)


def _missing_tag(where: LocatedLoc, written: object) -> Finding:
    field = where.discriminator or "kind"
    tags = ", ".join(union_tags(where.final_type, where.discriminator))
    if not isinstance(written, dict):
        message = f"{_name(where.path)}expected {_MAPPING}, got {describe(written)}"
        return finding("wrong-type", message, where.path, f"write a mapping starting with `{field}:` ({tags})")
    return finding(
        "missing-field",
        f"this entry has no `{field}`, which says what it is",
        where.path,
        hint=f"add `{field}:` with one of: {tags}",
    )


def _bad_identifier(written: str, pattern: str, where: LocatedLoc) -> Finding:
    subject = f"the key '{written}'" if where.at_key else f"'{written}'"
    if pattern == _STATE_NAME_PATTERN:
        suggestion = re.sub(r"[^a-z0-9]+", "_", written.lower()).strip("_")
        rule = "state names use lower-case letters, digits and '_', starting with a letter"
        message = f"{subject} is not a valid state name"
    elif pattern == _IDENTIFIER_PATTERN:
        suggestion = re.sub(r"[^a-z0-9]+", "-", written.lower()).strip("-")
        rule = "ids use lower-case letters and digits, joined by '-' or '_', starting with a letter"
        message = f"{subject} is not a valid id"
    else:
        return finding("bad-value", f"{_name(where.path)}{subject} is not written in the expected form", where.path)
    if suggestion and suggestion[0].isalpha() and suggestion != written:
        rule += f", e.g. `{suggestion}`"
    return finding("bad-value", message, where.path, hint=rule)


def _type_hint(written: object, where: LocatedLoc) -> str:
    expected = where.final_type
    if written is None:
        return "write a value after the ':', or remove the key"
    if isinstance(written, str) and written.lower() in ("yes", "no", "on", "off"):
        return "write `true` or `false`"
    if isinstance(written, bool | int | float) and expected is str:
        shown = str(written).lower() if isinstance(written, bool) else str(written)
        return f"put it in quotes if you mean the text: '{shown}'"
    if isinstance(expected, type) and issubclass(expected, BaseModel) and not isinstance(written, dict):
        return f"write it as indented `key: value` lines; its fields are: {', '.join(allowed_field_names(expected))}"
    if isinstance(written, str) and get_origin(expected) is list:
        return f"write one `- item` line per item, or [a, b]; for a single item: [{written}]"
    return ""


def _suggest(written: str, allowed: Sequence[str]) -> str:
    close = _closest(written, allowed)
    return f"did you mean `{close}`?" if close else ""


def _closest(written: str, allowed: Sequence[str]) -> str | None:
    by_lower = {name.lower(): name for name in allowed}
    close = difflib.get_close_matches(written.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[close[0]] if close else None


def describe(value: object) -> str:
    """A value as a designer would recognise it in their file."""
    if value is MISSING or value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {_number(value)}"
    if isinstance(value, str):
        if not value.strip():
            return "empty text"
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"the text '{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _name(path: YamlPath) -> str:
    """`budget.amount: ` style prefix naming the value: its key and any list indices after it."""
    text = ""
    for element in reversed(path):
        text = (f"[{element}]" + text) if isinstance(element, int) else (f"{element}" + text)
        if isinstance(element, str):
            break
    return f"`{text}`: " if text and not text.startswith("[") else ""


def _noun(model: type[BaseModel] | None) -> str:
    if model is None:
        return "value"
    name = model.__name__
    return _NOUNS.get(name) or re.sub(r"(?<!^)([A-Z])", r" \1", name).lower()


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _first_sentence(text: str) -> str:
    """The first sentence of a field's description (hints stay short); `e.g.` does not end a sentence."""
    match = re.search(r"(?<!e\.g)(?<!i\.e)\.\s", text)
    return text[: match.start() + 1] if match else text


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _plural(count: object, word: str) -> str:
    return word if count == 1 else word + "s"


def _one_of(options: list[str]) -> str:
    return options[0] if len(options) == 1 else ", ".join(options[:-1]) + " or " + options[-1]
