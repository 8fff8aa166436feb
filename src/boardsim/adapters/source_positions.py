"""Where every key and value of a scenario was written, and how a finding is placed at file:line:col.

The YAML reader records a position for every path in the document. The pure checker only knows YAML
paths (and, for conditions, an offset inside the condition text); `PositionMap.place` turns those into source
positions so a designer can jump straight to the problem in their editor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from boardsim.core.diagnostics import Finding, SourcePosition, YamlPath

from .scalar_offsets import offset_line_and_column

ScalarStyle = Literal["plain", "single", "double", "literal", "folded"]


@dataclass(frozen=True, slots=True)
class ScalarShape:
    """How a scalar was written, enough to map a character offset inside its value back to the source."""

    style: ScalarStyle
    start_index: int
    """Index in the file's text of the scalar's first character (its quote or block indicator if any)."""
    end_index: int
    """Index in the file's text just after the scalar."""


@dataclass(frozen=True, slots=True)
class NodePosition:
    """Where one value was written, and where its key was (for mapping entries)."""

    value: SourcePosition
    key: SourcePosition | None = None
    scalar: ScalarShape | None = None
    """None for mappings and lists."""


RawNode = tuple[str, int, int, int, int, "ScalarStyle | None", int, int]
"""A node's position as the reader stores it (cheap to build for every value of a large file):
(file, line, column, key line or 0 when there is no key, key column, scalar style or None for a mapping or
list, start index, end index)."""


def node_position(raw: RawNode) -> NodePosition:
    """The `NodePosition` a stored node stands for."""
    file, line, column, key_line, key_column, style, start, end = raw
    return NodePosition(
        value=SourcePosition(file, line, column),
        key=SourcePosition(file, key_line, key_column) if key_line else None,
        scalar=ScalarShape(style, start, end) if style is not None else None,
    )


@dataclass(slots=True)
class PositionMap:
    """Positions by YAML path, for one document and whatever was grafted into it from included files."""

    nodes: dict[YamlPath, RawNode] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    """The text of every file positions point into (to place offsets inside scalars)."""

    def node(self, path: YamlPath) -> NodePosition | None:
        """Where the value at `path` was written, if it was."""
        raw = self.nodes.get(path)
        return node_position(raw) if raw is not None else None

    def nearest(self, path: YamlPath) -> tuple[YamlPath, NodePosition] | None:
        """The recorded node at `path`, or at its closest recorded ancestor."""
        for length in range(len(path), -1, -1):
            prefix = path[:length]
            raw = self.nodes.get(prefix)
            if raw is not None:
                return prefix, node_position(raw)
        return None

    def position(self, path: YamlPath, *, offset: int | None = None, at_key: bool = False) -> SourcePosition | None:
        """The source position a finding about `path` should point at.

        A finding about a scalar points at the value (or, with `offset`, at the character inside it); a
        finding about a mapping or list written under a key points at that key's line; `at_key` forces the
        key (for unknown or badly written keys).
        """
        found = self.nearest(path)
        if found is None:
            return None
        prefix, node = found
        exact = prefix == path
        if exact and offset is not None and node.scalar is not None:
            text = self.texts.get(node.value.file)
            if text is not None:
                line, column = offset_line_and_column(text, node.scalar, node.value, offset)
                return SourcePosition(node.value.file, line, column)
        if node.key is not None and (at_key or node.scalar is None):
            return node.key
        return node.value

    def place(self, finding: Finding, *, at_key: bool = False, default_file: str = "") -> Finding:
        """The finding at its source position (the start of the file when its path was never written)."""
        if finding.position is not None:
            return finding
        position = self.position(finding.path, offset=finding.offset, at_key=at_key)
        if position is None:
            position = SourcePosition(default_file, 1, 1)
        return finding.placed(position)

    def graft(self, source: PositionMap, source_path: YamlPath, target_path: YamlPath) -> None:
        """Copy the positions under `source_path` in `source` to `target_path` here (for inherited values).

        The grafted positions keep their own file, so a problem in a value taken from a catalogue points into
        the catalogue.
        """
        cut = len(source_path)
        for path, node in source.nodes.items():
            if path[:cut] == source_path:
                self.nodes[target_path + path[cut:]] = node
        self.texts.update(source.texts)
