"""Map a character offset inside a scalar's value back to the line and column where that character was written.

A condition error such as an unknown name is reported by the expression compiler as an offset into the
condition's value. The value is not always the same as the text in the file: quotes, escapes (`\\"`, `''`),
folded line breaks and block indentation all sit between the two. This walks the written form of the scalar
to find the exact spot; where a form is too unusual to follow exactly (escaped line breaks), the answer is
still on the right line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from boardsim.core.diagnostics import SourcePosition

if TYPE_CHECKING:
    from .source_positions import ScalarShape

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ESCAPE_WIDTH = {"x": 4, "u": 6, "U": 10}  # `\x41`, `\u00e9`, `\U0001F600`; other escapes are two characters


def offset_line_and_column(text: str, shape: ScalarShape, start: SourcePosition, offset: int) -> tuple[int, int]:
    """The 1-based (line, column) of the character at `offset` in the value of the scalar `shape` describes."""
    offset = max(offset, 0)
    written = text[shape.start_index : shape.end_index]
    if shape.style in ("literal", "folded"):
        return _in_block_scalar(written, start, offset, folded=shape.style == "folded")
    quote = 1 if shape.style in ("single", "double") else 0
    body = written[quote:]
    if quote and body[-1:] in ("'", '"'):
        body = body[:-1]
    lines = _LINE_BREAK.split(body)
    if len(lines) == 1:
        return start.line, start.column + quote + _written_width(body, offset, shape.style)
    segments = [(index, *_strip_line(line, index, len(lines))) for index, line in enumerate(lines)]
    line_index, lead, within, content = _segment_holding(segments, offset)
    width = _written_width(content, within, shape.style)
    if line_index == 0:
        return start.line, start.column + quote + width
    return start.line + line_index, lead + 1 + width


def _in_block_scalar(written: str, start: SourcePosition, offset: int, *, folded: bool) -> tuple[int, int]:
    """Literal (`|`) and folded (`>`) scalars: the value starts on the line after the indicator."""
    lines = _LINE_BREAK.split(written)[1:]
    if not lines:
        return start.line, start.column
    indent = next((len(line) - len(line.lstrip(" ")) for line in lines if line.strip()), 0)
    if folded:
        segments = [(index + 1, indent, line[indent:]) for index, line in enumerate(lines)]
        line_index, lead, within, _ = _segment_holding(segments, offset)
        return start.line + line_index, lead + 1 + within
    # Literal: every line break is one character of the value.
    position = 0
    for index, line in enumerate(lines):
        content = line[indent:]
        if offset <= position + len(content) or index == len(lines) - 1:
            return start.line + 1 + index, indent + 1 + min(offset - position, len(content))
        position += len(content) + 1
    return start.line, start.column  # unreachable: the loop returns on its last line


def _strip_line(line: str, index: int, count: int) -> tuple[int, str]:
    """A folded line's content: continuation lines lose leading blanks, all but the last lose trailing ones."""
    stripped = line.lstrip(" \t") if index > 0 else line
    lead = len(line) - len(stripped)
    if index < count - 1:
        stripped = stripped.rstrip(" \t")
    return lead, stripped


def _segment_holding(segments: list[tuple[int, int, str]], offset: int) -> tuple[int, int, int, str]:
    """Which folded line holds value character `offset`: (line index, lead, offset within it, its content).

    Folding joins lines with one space, or with one newline per blank line between them.
    """
    position = 0
    blank_lines = 0
    last: tuple[int, int, int, str] | None = None
    for line_index, lead, content in segments:
        if not content and last is not None:
            blank_lines += 1
            continue
        if last is not None:
            position += max(blank_lines, 1)
        blank_lines = 0
        last = (line_index, lead, max(offset - position, 0), content)
        if offset <= position + len(content):
            return last
        position += len(content)
    assert last is not None  # the first segment is never skipped
    return last


def _written_width(written: str, value_chars: int, style: str) -> int:
    """How many written characters produce the first `value_chars` characters of the value."""
    if style == "plain":
        return value_chars
    index = produced = 0
    while produced < value_chars and index < len(written):
        if style == "single" and written.startswith("''", index):
            index += 2
        elif style == "double" and written[index] == "\\" and index + 1 < len(written):
            index += _ESCAPE_WIDTH.get(written[index + 1], 2)
        else:
            index += 1
        produced += 1
    return index + (value_chars - produced)
