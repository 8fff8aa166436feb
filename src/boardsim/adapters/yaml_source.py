"""Read YAML text safely into plain data, recording where every key and value was written.

PyYAML's constructors are never used: they are where YAML's dangers live (python tags build objects, YAML 1.1
resolves `no` to false, aliases expand without limit). Instead this walks libyaml's event stream (PyYAML's
pure-Python parser when libyaml is missing) and builds dicts, lists, strings, numbers, booleans and None
itself, iteratively, so that:

- nesting is refused past `MAX_DEPTH` as soon as the parser reaches it: a 100,000-deep `[[[[…` is never
  recursed into or even fully parsed;
- aliases share the anchored value instead of copying it, and every alias adds the anchored node count to a
  budget, so an alias bomb ("billion laughs") is refused after a bounded amount of work;
- duplicate keys, unsafe or unknown tags and YAML 1.1 traps become findings at their exact position;
- every path gets a position (its key's too, and for scalars how they were written, so an offset inside a
  condition maps to a column), stored compactly as a `RawNode` because a large scenario has tens of
  thousands of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, Protocol

import yaml

from boardsim.core.diagnostics import Finding, SourcePosition, YamlPath, code_level

from . import yaml_findings
from .source_positions import PositionMap, RawNode, ScalarStyle
from .yaml_errors import syntax_finding
from .yaml_scalars import ScalarIssue, resolve_plain, resolve_tagged, tag_issue, tag_kind

MAX_DEPTH: Final = 64
"""Deepest nesting of mappings and lists a scenario may use (real scenarios need about 8)."""
MAX_ALIAS_NODES: Final = 100_000
"""How many values aliases may stand for in total (real scenarios use a handful of small anchors)."""

_Loader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
_STYLES: dict[str | None, ScalarStyle] = {
    None: "plain",
    "": "plain",
    "'": "single",
    '"': "double",
    "|": "literal",
    ">": "folded",
}
_MERGE_KEY = "<<"

# The role of a node in its parent. KEY collections and everything under DISCARD are read (the parser must
# get past them) but not kept.
_ROOT, _KEY, _VALUE, _ITEM, _MERGE, _DISCARD = range(6)


@dataclass(slots=True)
class YamlDocument:
    """A file's YAML as plain data with positions, plus what reading it found."""

    file: str
    data: dict[str, object] | None
    """The document's root mapping; None when the file could not be read as one."""
    positions: PositionMap
    findings: list[Finding] = field(default_factory=list)


class _Mark(Protocol):
    """What the parsers' marks (C or pure Python) tell: 0-based line and column, and character index."""

    line: int
    column: int
    index: int


class _Refused(Exception):
    """Reading stops here: the document is unusable (too deep, an alias bomb, a second document)."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


@dataclass(slots=True)
class _Built:
    """A finished node, as the root, anchors and merge keys need it."""

    value: object
    path: YamlPath | None
    """None for nodes that are read but not kept (under a key that is itself a list or mapping)."""
    start: int
    """Index in the builder's `order` of this node's own path; its descendants follow it, up to `end`."""
    end: int
    size: int
    height: int
    raw: RawNode


class _Frame:
    """A mapping or list being read."""

    __slots__ = (
        "anchor",
        "container",
        "expecting_value",
        "height",
        "is_map",
        "key",
        "key_column",
        "key_line",
        "key_lines",
        "live",
        "merges",
        "merging",
        "path",
        "raw",
        "role",
        "size",
        "start",
    )

    def __init__(self, is_map: bool, role: int, path: YamlPath, raw: RawNode, start: int, anchor: str | None) -> None:
        self.is_map = is_map
        self.container: dict[str, object] | list[object] = {} if is_map else []
        self.role = role
        self.live = role not in (_KEY, _DISCARD)
        self.path = path
        self.raw = raw
        self.start = start
        self.anchor = anchor
        self.size = 1
        self.height = 0
        self.key: str | None = None
        self.key_line = 0
        self.key_column = 0
        self.expecting_value = False
        self.merging = False
        self.key_lines: dict[str, int] = {}
        self.merges: list[_Built] = []


def parse_yaml(
    text: str, file: str, *, max_depth: int = MAX_DEPTH, max_alias_nodes: int = MAX_ALIAS_NODES
) -> YamlDocument:
    """Read `text` (the contents of `file`) as one YAML mapping with positions. Never raises on bad input."""
    return _DocumentBuilder(text, file, max_depth, max_alias_nodes).build()


class _DocumentBuilder:
    def __init__(self, text: str, file: str, max_depth: int, max_alias_nodes: int) -> None:
        self.text = text
        self.file = file
        self.max_depth = max_depth
        self.max_alias_nodes = max_alias_nodes
        self.nodes: dict[YamlPath, RawNode] = {}
        self.order: list[YamlPath] = []
        self.findings: list[Finding] = []
        self.anchors: dict[str, _Built] = {}
        self.stack: list[_Frame] = []
        self.root: _Built | None = None
        self.alias_nodes = 0

    def build(self) -> YamlDocument:
        positions = PositionMap(self.nodes, {self.file: self.text})
        try:
            self._read()
        except _Refused as refusal:
            return YamlDocument(self.file, None, positions, [*self.findings, refusal.finding])
        except yaml.YAMLError as error:
            return YamlDocument(
                self.file, None, positions, [*self.findings, syntax_finding(error, self.text, self.file)]
            )
        except UnicodeError:  # text that did not come from a UTF-8 file, e.g. with lone surrogates
            problem = Finding("not-utf8", "the text cannot be encoded as UTF-8", position=self._at(1, 1))
            return YamlDocument(self.file, None, positions, [*self.findings, problem])
        root = self.root
        if root is None or root.value is None:
            at = self._at(root.raw[1], root.raw[2]) if root is not None else self._at(1, 1)
            problem = yaml_findings.empty_document(at, has_document=root is not None)
            return YamlDocument(self.file, None, positions, [*self.findings, problem])
        if not isinstance(root.value, dict):
            problem = yaml_findings.not_a_mapping(self._at(root.raw[1], root.raw[2]), root.value)
            return YamlDocument(self.file, None, positions, [*self.findings, problem])
        return YamlDocument(self.file, root.value, positions, self.findings)

    # --- the event loop -------------------------------------------------------------------------------------

    def _read(self) -> None:
        loader = _Loader(self.text)
        try:
            self._consume(loader)
        finally:
            loader.dispose()

    def _consume(self, loader: yaml.CSafeLoader | yaml.SafeLoader) -> None:
        get_event = loader.get_event
        documents = 0
        while True:
            event = get_event()
            if isinstance(event, yaml.ScalarEvent):
                self._scalar(event)
            elif isinstance(event, yaml.CollectionStartEvent):
                self._start(event, isinstance(event, yaml.MappingStartEvent))
            elif isinstance(event, yaml.CollectionEndEvent):
                self._end()
            elif isinstance(event, yaml.AliasEvent):
                self._alias(event)
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Refused(yaml_findings.second_document(self._mark(event.start_mark)))
            elif event is None or isinstance(event, yaml.StreamEndEvent):
                return

    def _at(self, line: int, column: int) -> SourcePosition:
        return SourcePosition(self.file, line, column)

    def _mark(self, mark: _Mark | None) -> SourcePosition:
        return self._at(mark.line + 1, mark.column + 1) if mark is not None else self._at(1, 1)

    def _role(self) -> int:
        """What the next node is to the mapping or list it is in."""
        if not self.stack:
            return _ROOT
        parent = self.stack[-1]
        if not parent.live:
            return _DISCARD
        if not parent.is_map:
            return _ITEM
        if not parent.expecting_value:
            return _KEY
        if parent.key is None:
            return _DISCARD  # the value of a key that was a list or mapping
        return _MERGE if parent.merging else _VALUE

    def _slot(self, role: int) -> tuple[YamlPath, int, int]:
        """The path a new node in `role` will have, and its key's line and column (0, 0 without a key)."""
        if role == _ROOT:
            return (), 0, 0
        parent = self.stack[-1]
        if role == _ITEM:
            return (*parent.path, len(parent.container)), 0, 0
        if role in (_VALUE, _MERGE):
            key = parent.key if role == _VALUE else _MERGE_KEY
            return (*parent.path, key or ""), parent.key_line, parent.key_column
        return (), 0, 0

    # --- nodes ----------------------------------------------------------------------------------------------

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        stack = self.stack
        parent = stack[-1] if stack else None
        if parent is not None and parent.live and event.tag is None and event.anchor is None:
            if parent.is_map and not parent.expecting_value:
                self._key(event, parent)
                return
            if not parent.merging and (parent.key is not None or not parent.is_map):
                self._plain_value(event, parent)
                return
        self._any_scalar(event)

    def _plain_value(self, event: yaml.ScalarEvent, parent: _Frame) -> None:
        """The common case, kept fast: an untagged value in a mapping or list that is being kept."""
        mark = event.start_mark
        end = event.end_mark
        assert mark is not None
        assert end is not None
        style = _STYLES.get(event.style, "plain")
        text = event.value
        issue: ScalarIssue | None = None
        value: object = text
        if style == "plain":
            value, issue = resolve_plain(text)
        container = parent.container
        if isinstance(container, dict):
            key = parent.key
            assert key is not None
            path = (*parent.path, key)
            raw = (
                self.file,
                mark.line + 1,
                mark.column + 1,
                parent.key_line,
                parent.key_column,
                style,
                mark.index,
                end.index,
            )
            container[key] = value
            parent.expecting_value = False
        else:
            path = (*parent.path, len(container))
            raw = (self.file, mark.line + 1, mark.column + 1, 0, 0, style, mark.index, end.index)
            container.append(value)
        self.order.append(path)
        self.nodes[path] = raw
        parent.size += 1
        if parent.height == 0:
            parent.height = 1
        if issue is not None:
            self._report(issue, path, self._at(raw[1], raw[2]))

    def _any_scalar(self, event: yaml.ScalarEvent) -> None:
        """Scalars with a tag or an anchor, the root, merge values and values being dropped."""
        role = self._role()
        if role == _KEY:
            self._key(event, self.stack[-1])
            return
        mark = event.start_mark
        assert mark is not None
        position = self._mark(mark)
        style = _STYLES.get(event.style, "plain")
        tag = event.tag
        kind = tag_kind(tag)
        value: object
        issue: ScalarIssue | None = None
        if kind == "none":
            value, issue = resolve_plain(event.value) if style == "plain" and tag is None else (event.value, None)
        elif kind == "scalar":
            value, issue = resolve_tagged(event.value, tag or "")
        else:
            value, issue = event.value, tag_issue(tag or "", "unknown" if kind in ("mapping", "sequence") else kind)
        path, key_line, key_column = self._slot(role)
        end_index = event.end_mark.index if event.end_mark is not None else mark.index
        raw = (self.file, position.line, position.column, key_line, key_column, style, mark.index, end_index)
        start = self._record(role, path, raw)
        if issue is not None:
            self._report(issue, path if role != _DISCARD else (), position)
        built = _Built(value, path, start, start + 1, 1, 0, raw)
        if event.anchor and role != _DISCARD:
            self.anchors[event.anchor] = built
        self._attach(role, built)

    def _key(self, event: yaml.ScalarEvent, frame: _Frame) -> None:
        mark = event.start_mark
        assert mark is not None
        tag = event.tag
        if tag is not None:
            kind = tag_kind(tag)
            if kind in ("unsafe", "unknown"):
                self._report(tag_issue(tag, kind), (), self._mark(mark))
        text = event.value
        line = mark.line + 1
        first_line = frame.key_lines.get(text)
        if first_line is not None:
            duplicate = yaml_findings.duplicate_key(text, first_line, (*frame.path, text), self._mark(mark))
            self.findings.append(duplicate)
        frame.key_lines[text] = line
        frame.key = text
        frame.key_line = line
        frame.key_column = mark.column + 1
        frame.expecting_value = True
        frame.merging = text == _MERGE_KEY and tag is None and not event.style

    def _start(self, event: yaml.CollectionStartEvent, is_map: bool) -> None:
        mark = event.start_mark
        if len(self.stack) >= self.max_depth:
            raise _Refused(yaml_findings.too_deep(self.max_depth, self._mark(mark)))
        role = self._role()
        position = self._mark(mark)
        kind = tag_kind(event.tag)
        if kind not in ("none", "mapping" if is_map else "sequence"):
            unknown = "unknown" if kind in ("scalar", "mapping", "sequence") else kind
            self._report(tag_issue(event.tag or "", unknown), (), position)
        if role == _KEY:
            self.findings.append(yaml_findings.complex_key(position))
        path, key_line, key_column = self._slot(role)
        raw = (self.file, position.line, position.column, key_line, key_column, None, 0, 0)
        self.stack.append(_Frame(is_map, role, path, raw, self._record(role, path, raw), event.anchor))

    def _end(self) -> None:
        frame = self.stack.pop()
        if frame.merges and isinstance(frame.container, dict):
            self._apply_merges(frame.container, frame.path, frame.merges)
        built = _Built(frame.container, frame.path, frame.start, len(self.order), frame.size, frame.height, frame.raw)
        if frame.anchor and frame.live:
            self.anchors[frame.anchor] = built
        self._attach(frame.role, built)

    def _alias(self, event: yaml.AliasEvent) -> None:
        role = self._role()
        position = self._mark(event.start_mark)
        name = event.anchor or ""
        built = self.anchors.get(name)
        if built is None:
            inside = any(frame.anchor == name for frame in self.stack)
            raise _Refused(yaml_findings.undefined_alias(name, position, inside_itself=inside))
        self.alias_nodes += built.size
        if self.alias_nodes > self.max_alias_nodes:
            raise _Refused(yaml_findings.alias_limit(self.max_alias_nodes, position))
        if len(self.stack) + built.height > self.max_depth:
            raise _Refused(yaml_findings.too_deep(self.max_depth, position))
        if role == _KEY:
            self._alias_as_key(built, position)
            return
        path, key_line, key_column = self._slot(role)
        anchored = built.raw
        if anchored[5] is not None:
            # An aliased scalar keeps its written position, so an offset inside it still maps to a column.
            raw = (*anchored[:3], key_line, key_column, *anchored[5:])
        else:
            # An aliased mapping or list points at the alias; the values inside point where they were written.
            raw = (self.file, position.line, position.column, key_line, key_column, None, 0, 0)
        start = self._record(role, path, raw)
        if role != _DISCARD and built.path is not None:
            cut = len(built.path)
            for old in self.order[built.start + 1 : built.end]:
                new = path + old[cut:]
                self.nodes[new] = self.nodes[old]
                self.order.append(new)
        self._attach(role, _Built(built.value, path, start, len(self.order), built.size, built.height, raw))

    def _alias_as_key(self, built: _Built, position: SourcePosition) -> None:
        frame = self.stack[-1]
        if isinstance(built.value, dict | list):
            self.findings.append(yaml_findings.complex_key(position))
            frame.expecting_value, frame.key = True, None
            return
        text = "" if built.value is None else str(built.value)
        frame.key_lines[text] = position.line
        frame.key, frame.key_line, frame.key_column = text, position.line, position.column
        frame.expecting_value, frame.merging = True, False

    def _record(self, role: int, path: YamlPath, raw: RawNode) -> int:
        index = len(self.order)
        if role != _KEY and role != _DISCARD:
            self.order.append(path)
            self.nodes[path] = raw
        return index

    def _attach(self, role: int, built: _Built) -> None:
        """Hand a finished node to the mapping or list it belongs to."""
        if role == _ROOT:
            self.root = built
            return
        parent = self.stack[-1]
        parent.size += built.size
        if parent.height <= built.height:
            parent.height = built.height + 1
        container = parent.container
        if role == _ITEM and isinstance(container, list):
            container.append(built.value)
        elif role == _VALUE and isinstance(container, dict) and parent.key is not None:
            container[parent.key] = built.value
            parent.expecting_value = False
        elif role == _MERGE:
            parent.expecting_value = False
            self._collect_merge(parent, built)
        elif role == _KEY:  # a list or mapping used as a key: its value is read and dropped
            parent.expecting_value, parent.key = True, None
        elif parent.live and parent.is_map:  # the dropped value of such a key
            parent.expecting_value = False

    # --- merge keys -----------------------------------------------------------------------------------------

    def _collect_merge(self, parent: _Frame, built: _Built) -> None:
        """`<<: *base` or `<<: [*a, *b]`: remember the mappings to merge when the parent mapping ends."""
        path = built.path or ()
        sources = [built]
        if isinstance(built.value, list):
            sources = [
                _Built(item, (*path, index), built.start, built.end, 1, 0, built.raw)
                for index, item in enumerate(built.value)
            ]
        if not all(isinstance(source.value, dict) for source in sources):
            position = self._at(built.raw[1], built.raw[2])
            self.findings.append(yaml_findings.merge_not_a_mapping(path, position))
            return
        parent.merges.extend(sources)

    def _apply_merges(self, mapping: dict[str, object], path: YamlPath, sources: list[_Built]) -> None:
        """Keys written in the mapping win over merged ones; earlier merged mappings win over later ones."""
        for source in sources:
            if not isinstance(source.value, dict) or source.path is None:
                continue
            added = [key for key in source.value if key not in mapping]  # a list: key order is the file's
            for key in added:
                mapping[key] = source.value[key]
            wanted = set(added)
            cut = len(source.path)
            for old in self.order[source.start : source.end]:
                if len(old) > cut and old[cut] in wanted and old[:cut] == source.path:
                    new = path + old[cut:]
                    self.nodes[new] = self.nodes[old]
                    self.order.append(new)

    # --- findings -------------------------------------------------------------------------------------------

    def _report(self, issue: ScalarIssue, path: YamlPath, position: SourcePosition) -> None:
        self.findings.append(
            Finding(
                code=issue.code,
                message=issue.message,
                path=path,
                hint=issue.hint,
                position=position,
                level=code_level(issue.code),
            )
        )
