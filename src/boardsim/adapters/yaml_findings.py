"""What the YAML reader says about the structure of a document, each at the position it concerns.

Kept apart from the reader so the reader reads as an algorithm and these read as the messages designers see.
"""

from __future__ import annotations

from boardsim.core.diagnostics import Finding, SourcePosition, YamlPath

_START_HINT = "a scenario starts with `format: boardsim/1`, followed by its other `key: value` lines"


def empty_document(position: SourcePosition, *, has_document: bool) -> Finding:
    message = "the file holds no values" if has_document else "the file is empty"
    return Finding(code="yaml-not-mapping", message=message, hint=_START_HINT, position=position)


def not_a_mapping(position: SourcePosition, value: object) -> Finding:
    written = "a list" if isinstance(value, list) else "a single value"
    message = f"the file holds {written}, but a scenario is a mapping of keys to values"
    return Finding(code="yaml-not-mapping", message=message, hint=_START_HINT, position=position)


def second_document(position: SourcePosition) -> Finding:
    return Finding(
        code="yaml-syntax",
        message="a second YAML document starts here; a scenario file holds exactly one",
        hint="remove the `---` line (and anything after it that belongs elsewhere)",
        position=position,
    )


def duplicate_key(key: str, first_line: int, path: YamlPath, position: SourcePosition) -> Finding:
    return Finding(
        code="yaml-duplicate-key",
        message=f"`{key}` appears twice in this mapping (first defined at line {first_line}); "
        "YAML would quietly keep only this one",
        path=path,
        hint="remove one of them, or rename it",
        position=position,
    )


def complex_key(position: SourcePosition) -> Finding:
    return Finding(
        code="yaml-syntax",
        message="a key must be plain text, not a list or a mapping",
        hint="write the key as text before the ':'",
        position=position,
    )


def undefined_alias(name: str, position: SourcePosition, *, inside_itself: bool) -> Finding:
    reason = "the value that contains it (a loop)" if inside_itself else "an anchor that is not defined before it"
    return Finding(
        code="yaml-syntax",
        message=f"`*{name}` refers to {reason}",
        hint=f"define `&{name}` on a value earlier in the file, and do not use it inside that value",
        position=position,
    )


def alias_limit(limit: int, position: SourcePosition) -> Finding:
    return Finding(
        code="yaml-alias-limit",
        message=f"aliases in this file stand for more than {limit:,} values; reading stopped here",
        hint="a scenario needs only a few small anchors; this looks like a document that expands without bound",
        position=position,
    )


def too_deep(limit: int, position: SourcePosition) -> Finding:
    return Finding(
        code="yaml-too-deep",
        message=f"values are nested more than {limit} levels deep here; reading stopped",
        hint="a scenario needs only a few levels of nesting: check for unclosed brackets",
        position=position,
    )


def merge_not_a_mapping(path: YamlPath, position: SourcePosition) -> Finding:
    return Finding(
        code="wrong-type",
        message="`<<` merges mappings into this one, but its value is not a mapping (or list of them)",
        path=path,
        hint="write `<<: *name` where `&name` marks a mapping",
        position=position,
    )
