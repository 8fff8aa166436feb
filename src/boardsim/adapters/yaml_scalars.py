"""What an unquoted YAML value means, decided by boardsim rather than by PyYAML's YAML 1.1 resolver.

The rules follow YAML 1.2's core schema, which is what editors (and the JSON Schema they validate against)
assume: `null`, `~` and nothing are null; `true`/`false` are booleans; decimal numbers are numbers; everything
else is text. The YAML 1.1 surprises PyYAML would spring on a designer are caught instead of silently
applied: `no` becoming false, `1:30` becoming 90, `012` becoming 10. Quoted values are always text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

YAML_TAG_PREFIX = "tag:yaml.org,2002:"

_INTEGER = re.compile(r"[-+]?[0-9]+")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INFINITY = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NOT_A_NUMBER = re.compile(r"\.(?:nan|NaN|NAN)")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
_BOOL_WORDS = frozenset({"yes", "no", "on", "off"})
_CAN_BE_SPECIAL = frozenset("0123456789+-.~nNtTfFyYoO")  # first characters of anything that is not text
_UNSAFE_TAG = re.compile(r"(?:^|[:!/])(?:python|ruby|perl|php|java|js|javascript)(?:/|:|$)", re.IGNORECASE)

ScalarKind = Literal["str", "int", "float", "bool", "null"]
_STANDARD_SCALAR_TAGS: dict[str, ScalarKind] = {
    f"{YAML_TAG_PREFIX}{kind}": kind for kind in ("str", "int", "float", "bool", "null")
}
MAPPING_TAG = f"{YAML_TAG_PREFIX}map"
SEQUENCE_TAG = f"{YAML_TAG_PREFIX}seq"


@dataclass(frozen=True, slots=True)
class ScalarIssue:
    """Something worth telling the designer about how a value was written."""

    code: str
    message: str
    hint: str


def resolve_plain(text: str) -> tuple[object, ScalarIssue | None]:
    """The value an unquoted, untagged scalar stands for, and any YAML 1.1 trap it falls into."""
    if text and text[0] not in _CAN_BE_SPECIAL:
        return text, None
    lowered = text.lower()
    if not text or text == "~" or lowered == "null":
        return None, None
    if lowered in ("true", "false"):
        return lowered == "true", None
    if lowered in _BOOL_WORDS:
        return text, _bool_word(text)
    if _LEADING_ZERO.fullmatch(text):
        return text, _leading_zero(text)
    if _INTEGER.fullmatch(text):
        try:
            return int(text), None
        except ValueError:  # more digits than Python converts: no scenario needs such a number
            return text, None
    if _FLOAT.fullmatch(text):
        return float(text), None
    if _INFINITY.fullmatch(text):
        return float("-inf") if text.startswith("-") else float("inf"), None
    if _NOT_A_NUMBER.fullmatch(text):
        return float("nan"), None
    if _SEXAGESIMAL.fullmatch(text):
        return text, _sexagesimal(text)
    return text, None


def resolve_tagged(text: str, tag: str) -> tuple[object, ScalarIssue | None]:
    """The value of a scalar with a standard tag such as `!!str` or `!!int` (see `tag_kind`)."""
    kind = _STANDARD_SCALAR_TAGS.get(tag, "str")
    if kind == "str":
        return text, None
    value, _ = resolve_plain(text)
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "null" and value is None:
        return None, None
    if kind == "bool" and isinstance(value, bool):
        return value, None
    if kind == "int" and is_number and isinstance(value, int):
        return value, None
    if kind == "float" and is_number and isinstance(value, int | float):
        return float(value), None
    readable = {"int": "a whole number", "float": "a number", "bool": "true or false", "null": "empty"}[kind]
    return text, ScalarIssue(
        "wrong-type",
        f"the tag `{display_tag(tag)}` says this value is {readable}, but '{text}' is not",
        "remove the tag: boardsim works out what a value is from how it is written",
    )


TagKind = Literal["none", "scalar", "mapping", "sequence", "unsafe", "unknown"]


def tag_kind(tag: str | None) -> TagKind:
    """What an explicit tag asks for: nothing special, a standard type, program objects, or something unknown."""
    if tag is None or tag == "!":
        return "none"
    if tag in _STANDARD_SCALAR_TAGS:
        return "scalar"
    if tag == MAPPING_TAG:
        return "mapping"
    if tag == SEQUENCE_TAG:
        return "sequence"
    if _UNSAFE_TAG.search(tag):
        return "unsafe"
    return "unknown"


def tag_issue(tag: str, kind: TagKind) -> ScalarIssue:
    """The finding for an unsafe or unknown tag (`kind` from `tag_kind`)."""
    shown = display_tag(tag)
    if kind == "unsafe":
        return ScalarIssue(
            "yaml-unsafe-tag",
            f"the tag `{shown}` asks YAML to build a program object; boardsim never does that",
            "remove the tag: a scenario holds only text, numbers, true/false, lists and mappings",
        )
    return ScalarIssue(
        "yaml-unknown-tag",
        f"boardsim does not understand the tag `{shown}`",
        "remove the tag: boardsim works out what a value is from how it is written",
    )


def display_tag(tag: str) -> str:
    """A tag the way it was most likely written: `!!python/object` rather than its long form."""
    return "!!" + tag[len(YAML_TAG_PREFIX) :] if tag.startswith(YAML_TAG_PREFIX) else tag


def _bool_word(text: str) -> ScalarIssue:
    meaning = "true" if text.lower() in ("yes", "on") else "false"
    return ScalarIssue(
        "yaml-bool-word",
        f"`{text}` is read as the text '{text}' here, but many YAML tools read it as {meaning}",
        f"for a yes/no value write `{meaning}`; if you mean the word, quote it: '{text}'",
    )


def _leading_zero(text: str) -> ScalarIssue:
    digits = text.lstrip("+-").replace("_", "")
    octal = f" as the octal number {int(digits, 8)}" if set(digits) <= set("01234567") else " as octal"
    return ScalarIssue(
        "yaml-leading-zero",
        f"`{text}` has a leading zero, which YAML 1.1 tools read{octal}",
        f"write the number without the zero ({text.lstrip('+-').lstrip('0_') or '0'}), "
        f"or quote it ('{text}') if it is a code rather than a number",
    )


def _sexagesimal(text: str) -> ScalarIssue:
    return ScalarIssue(
        "yaml-sexagesimal",
        f"`{text}` looks like a clock time, which YAML 1.1 tools read as a base-60 number",
        "boardsim times take a unit: write e.g. '10 days', '6 weeks' or '3 months'; "
        f"quote it ('{text}') if you mean text",
    )
