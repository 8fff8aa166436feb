"""Resolve `include:` (member catalogues) and `extends:` (members built on a catalogue member).

Includes are read relative to the including file, recursively; a loop is refused with the chain that makes it.
Each included file must be a member catalogue and is validated as one, its problems reported at positions in
its own file. `extends: X` fills the fields a scenario member leaves out from catalogue member X, and the
positions of the inherited values are grafted into the scenario's position map, still pointing into the
catalogue, so a problem in an inherited value is reported where that value was written.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field, replace

from boardsim.core.diagnostics import Finding, SourcePosition, YamlPath, finding
from boardsim.core.scenario import CATALOGUE_FORMAT_VERSION, FORMAT_VERSION, Catalogue

from .pydantic_errors import validate_document
from .source_file import read_source
from .source_positions import PositionMap
from .yaml_source import YamlDocument, parse_yaml

MAX_INCLUDE_DEPTH = 16
"""How deep catalogues may include catalogues (real ones need one or two levels)."""

_PROBLEMS_OF_THE_WHOLE_FILE = ("not-a-file", "unreadable-file", "file-too-large")


@dataclass(frozen=True, slots=True)
class CatalogueMember:
    """A member template as written in a catalogue, with the positions of its catalogue."""

    data: dict[str, object]
    path: YamlPath
    positions: PositionMap
    file: str


@dataclass(slots=True)
class IncludedCatalogues:
    """Every member template reachable through `include:`, and what reading the catalogues found."""

    members: dict[str, CatalogueMember] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Visit:
    real_path: str
    shown: str


def resolve_includes(document: YamlDocument) -> IncludedCatalogues:
    """Read the catalogues `document` includes (and those they include), collecting their members."""
    included = IncludedCatalogues()
    start = _Visit(os.path.realpath(document.file), document.file)
    _visit(document, [start], {start.real_path}, included)
    return included


def _visit(document: YamlDocument, chain: list[_Visit], done: set[str], included: IncludedCatalogues) -> None:
    entries = document.data.get("include") if document.data is not None else None
    if not isinstance(entries, list):
        return  # a wrong type is reported by validation
    for index, entry in enumerate(entries):
        if not isinstance(entry, str) or not entry.strip():
            continue
        where = document.positions.position(("include", index)) or SourcePosition(document.file, 1, 1)
        path: YamlPath = ("include", index)
        target = os.path.normpath(os.path.join(os.path.dirname(document.file), entry))
        real = os.path.realpath(target)
        looping = [visit.real_path for visit in chain]
        if real in looping:
            loop = " → ".join(visit.shown for visit in chain[looping.index(real) :])
            included.findings.append(
                replace(
                    finding(
                        "include-cycle",
                        f"including `{entry}` makes a loop: {loop} → {target}",
                        path,
                        hint="remove one of the includes in the loop",
                    ),
                    position=where,
                )
            )
            continue
        if real in done:
            continue  # already included through another path
        if len(chain) > MAX_INCLUDE_DEPTH:
            problem = finding("include-invalid", f"catalogues include each other more than {MAX_INCLUDE_DEPTH} deep")
            included.findings.append(replace(problem, path=path, position=where))
            continue
        done.add(real)
        catalogue = _read_catalogue(target, entry, path, where, included)
        if catalogue is not None:
            _collect_members(catalogue, included)
            _visit(catalogue, [*chain, _Visit(real, target)], done, included)


def _read_catalogue(
    target: str, entry: str, path: YamlPath, where: SourcePosition, included: IncludedCatalogues
) -> YamlDocument | None:
    source = read_source(target)
    if isinstance(source, Finding):
        if source.code == "file-not-found":
            hint = source.hint or f"paths in `include:` are relative to the folder of {where.file}"
            problem = finding("include-not-found", f"the included catalogue {target} does not exist", path, hint)
            included.findings.append(problem.placed(where))
        elif source.code in _PROBLEMS_OF_THE_WHOLE_FILE:
            included.findings.append(
                replace(source, message=f"cannot include `{entry}`: {source.message}", path=path, position=where)
            )
        else:
            included.findings.append(source)  # binary or not UTF-8: its position is inside the included file
        return None
    document = parse_yaml(source.text, target)
    included.findings.extend(document.findings)
    if document.data is None:
        return None
    written_format = document.data.get("format")
    if written_format != CATALOGUE_FORMAT_VERSION:
        what = {FORMAT_VERSION: "a scenario", None: "a file without a `format:` line"}.get(
            written_format if isinstance(written_format, str | None) else "", f"a `{written_format}` file"
        )
        problem = finding(
            "include-invalid",
            f"`{entry}` is {what}, not a member catalogue",
            path,
            hint=f"only member catalogues (`format: {CATALOGUE_FORMAT_VERSION}`) can be included",
        )
        included.findings.append(problem.placed(where))
        return None
    return document


def _collect_members(document: YamlDocument, included: IncludedCatalogues) -> None:
    assert document.data is not None
    _, problems = validate_document(Catalogue, document.data, document.positions, document.file)
    included.findings.extend(problems)
    members = document.data.get("members")
    if not isinstance(members, list):
        return
    for index, member in enumerate(members):
        if not isinstance(member, dict) or not isinstance(member.get("id"), str):
            continue
        member_id = member["id"]
        existing = included.members.get(member_id)
        if existing is not None:
            problem = finding(
                "duplicate-id",
                f"catalogue member `{member_id}` is already defined in {existing.file}",
                ("members", index, "id"),
                hint="ids must be unique across all included catalogues, so `extends:` knows which one you mean",
            )
            included.findings.append(document.positions.place(problem, default_file=document.file))
            continue
        included.members[member_id] = CatalogueMember(member, ("members", index), document.positions, document.file)


def apply_extends(
    data: dict[str, object], positions: PositionMap, included: IncludedCatalogues
) -> tuple[dict[str, object], list[Finding]]:
    """The scenario data with every `extends:` member completed from its catalogue member.

    Fields the scenario member writes win; the rest (that the catalogue member has) are taken whole. The
    input data is not modified.
    """
    members = data.get("members")
    if not isinstance(members, list) or not any(isinstance(m, dict) and "extends" in m for m in members):
        return data, []
    findings: list[Finding] = []
    completed: list[object] = []
    for index, member in enumerate(members):
        name = member.get("extends") if isinstance(member, dict) else None
        if not isinstance(member, dict) or not isinstance(name, str):
            completed.append(member)
            continue
        template = included.members.get(name)
        if template is None:
            problem = _unknown_catalogue_member(name, ("members", index, "extends"), included, data)
            findings.append(positions.place(problem))
            completed.append(member)
            continue
        merged = dict(member)
        for key, value in template.data.items():
            if key not in merged and value is not None:
                merged[key] = value
                positions.graft(template.positions, (*template.path, key), ("members", index, key))
        completed.append(merged)
    return {**data, "members": completed}, findings


def _unknown_catalogue_member(
    name: str, path: YamlPath, included: IncludedCatalogues, data: dict[str, object]
) -> Finding:
    known = list(included.members)
    if not data.get("include"):
        hint = "`extends:` takes members from included catalogues: add the catalogue that defines it to `include:`"
    else:
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = (
            f"did you mean `{close[0]}`?"
            if close
            else f"the included catalogues have: {', '.join(known) or 'no members'}"
        )
    return finding("unknown-catalogue-member", f"no included catalogue has a member `{name}`", path, hint)
