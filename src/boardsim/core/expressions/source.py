"""Prepare a condition's text for `ast.parse`, keeping a map back to what the designer wrote.

Three rewrites happen before Python's parser sees the text, each recorded character by character so every
error offset still points into the ORIGINAL text:

- money literals (`£2m`, `£350k`, `£1,200,000`, `£2.5m`) become plain integers of pounds;
- leading whitespace is dropped and line breaks and tabs become spaces (a YAML block scalar may wrap a long
  condition over several lines; Python would reject the indentation and the line breaks);
- nothing else: string literals are copied untouched, so a `£` inside quotes is text, not money.

Characters that can never be part of a condition are refused here with a precise offset: control
characters, a `£` that does not start an amount, and `#` (Python would silently treat the rest as a comment).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from pydantic_core import PydanticCustomError

from ..scenario.quantities import MONEY_LITERAL_RE, money_from_match
from .errors import ExpressionError

MAX_LENGTH = 500
"""The longest condition accepted, in characters."""

_QUOTES = "\"'"
_IDENTIFIER_TAIL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.")
_MONEY_HINT = "write an amount as £2m, £350k, £1.5bn or £1,200,000"


@dataclass(frozen=True, slots=True)
class PreparedSource:
    """The text handed to `ast.parse`, and where each of its characters came from in the original."""

    original: str
    text: str
    origins: tuple[int, ...]
    """origins[i] is the original offset of text[i]; origins[len(text)] is len(original)."""
    line_starts: tuple[int, ...]
    """Offsets into `text` where each line starts (line breaks survive only inside triple-quoted text)."""

    def original_offset(self, index: int) -> int:
        """The original offset of character `index` of the rewritten text (clamped to the text)."""
        return self.origins[max(0, min(index, len(self.text)))]

    def index_of_character(self, lineno: int, column: int) -> int:
        """Rewritten-text index of a 1-based line and 0-based character column (SyntaxError positions)."""
        line = max(1, min(lineno, len(self.line_starts)))
        return min(self.line_starts[line - 1] + max(column, 0), len(self.text))

    def index_of_byte(self, lineno: int, byte_column: int) -> int:
        """Rewritten-text index of a 1-based line and 0-based UTF-8 byte column (AST node positions)."""
        line = max(1, min(lineno, len(self.line_starts)))
        start = self.line_starts[line - 1]
        if self.text.isascii():
            return min(start + byte_column, len(self.text))
        # The AST counts bytes; a non-ASCII character in a string literal would shift every later offset.
        prefix = self.text[start:].encode("utf-8")[:byte_column].decode("utf-8", errors="ignore")
        return start + len(prefix)

    def offset_of_node(self, lineno: int, byte_column: int) -> int:
        """The original offset of an AST position."""
        return self.original_offset(self.index_of_byte(lineno, byte_column))

    def node_start(self, node: ast.AST) -> int:
        """The original offset where an AST node starts."""
        return self.offset_of_node(getattr(node, "lineno", 1), getattr(node, "col_offset", 0))

    def node_span(self, node: ast.expr) -> tuple[int, int]:
        """The rewritten-text indexes [start, end) of an AST expression."""
        start = self.index_of_byte(node.lineno, node.col_offset)
        end = self.index_of_byte(node.end_lineno or node.lineno, node.end_col_offset or node.col_offset)
        return start, end

    def node_text(self, node: ast.expr) -> str:
        """What the designer wrote for an AST expression (money literals as written, not as pounds)."""
        start, end = self.node_span(node)
        return self.original[self.original_offset(start) : self.original_offset(end)]

    def operator_offset(self, left: ast.expr, right: ast.expr) -> int:
        """The original offset of the operator between two operands: the first character after `left` that
        is neither a space nor a closing bracket."""
        index = self.node_span(left)[1]
        stop = self.node_span(right)[0]
        while index < stop and (self.text[index].isspace() or self.text[index] == ")"):
            index += 1
        return self.original_offset(index)


def prepare_source(source: str) -> PreparedSource:
    """Check the length, rewrite money literals and whitespace; raise ExpressionError on impossible text."""
    if len(source) > MAX_LENGTH:
        raise ExpressionError(
            "expr-too-long",
            f"this condition is {len(source)} characters long; the limit is {MAX_LENGTH}",
            MAX_LENGTH,
            "split it: give a long sub-condition its own state flag, or simplify it",
        )
    length = len(source)
    blank = _BLANK_RE.match(source)
    index = blank.end() if blank else 0
    if index == length:
        raise ExpressionError("expr-syntax", "the condition is empty", 0, "write a condition such as `x > 100`")
    pieces: list[str] = []
    origins: list[int] = []
    while True:
        # Copy ordinary text in runs; stop only at the few characters that need attention.
        special = _SPECIAL_RE.search(source, index)
        stop = length if special is None else special.start()
        if stop > index:
            pieces.append(source[index:stop])
            origins.extend(range(index, stop))
        if special is None:
            break
        character = special.group()
        if character in _QUOTES:
            end = _string_end(source, stop)
            _refuse_control_characters(source, stop, end)
            pieces.append(source[stop:end])
            origins.extend(range(stop, end))
            index = end
        elif character == "£":
            index = _rewrite_money(source, stop, pieces, origins)
        elif character == "#":
            raise ExpressionError(
                "expr-forbidden",
                "'#' is not allowed in a condition (Python would ignore everything after it)",
                stop,
                "put remarks in a YAML comment or a `note:` field, outside the condition",
            )
        elif character in "\n\r\t" or _INVISIBLE_RE.match(character):
            # Line breaks, tabs, and the no-break and zero-width spaces that text pasted from a word
            # processor carries, all read as plain spaces.
            pieces.append(" ")
            origins.append(stop)
            index = stop + 1
        else:
            raise _control_character(source, stop)
    text = "".join(pieces)
    origins.append(length)
    line_starts = [0]
    if "\n" in text:  # only inside triple-quoted text: other line breaks became spaces
        line_starts += [position + 1 for position, character in enumerate(text) if character == "\n"]
    return PreparedSource(source, text, tuple(origins), tuple(line_starts))


_INVISIBLE = r"\x85\xa0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_BLANK_RE = re.compile(rf"[\s{_INVISIBLE}]*")
_SPECIAL_RE = re.compile(rf"[\"'£#\x00-\x1f\x7f{_INVISIBLE}]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_STRING_RES = {
    # One-quote text ends at its closing quote, or (unterminated) at a line break or the end of the condition.
    '"': re.compile(r'"(?:\\.|\\\Z|[^"\\\n\r])*"?', re.DOTALL),
    "'": re.compile(r"'(?:\\.|\\\Z|[^'\\\n\r])*'?", re.DOTALL),
    '"""': re.compile(r'"""(?:\\.|\\\Z|[^\\])*?(?:"""|\Z)', re.DOTALL),
    "'''": re.compile(r"'''(?:\\.|\\\Z|[^\\])*?(?:'''|\Z)", re.DOTALL),
}


def _string_end(source: str, start: int) -> int:
    """The index just past the string literal opening at `start` (where Python would end it)."""
    quote = source[start]
    delimiter = quote * 3 if source.startswith(quote * 3, start) else quote
    match = _STRING_RES[delimiter].match(source, start)
    return len(source) if match is None else match.end()


def _refuse_control_characters(source: str, start: int, end: int) -> None:
    found = _CONTROL_RE.search(source, start, end)
    if found is not None:
        raise _control_character(source, found.start())


def _control_character(source: str, index: int) -> ExpressionError:
    return ExpressionError(
        "expr-syntax",
        f"unexpected control character U+{ord(source[index]):04X} in the condition",
        index,
        "retype this part of the condition; the text contains an invisible character",
    )


def _rewrite_money(source: str, index: int, pieces: list[str], origins: list[int]) -> int:
    """Append the pounds of the money literal at `index`; return the index just past it."""
    match = MONEY_LITERAL_RE.match(source, index)
    if match is None:
        raise ExpressionError("expr-syntax", "'£' must start an amount of money", index, _MONEY_HINT)
    try:
        pounds = money_from_match(match, match.group(0))
    except PydanticCustomError as error:
        raise ExpressionError("bad-amount", error.message(), index, _MONEY_HINT) from None
    digits = str(pounds)
    if pieces and pieces[-1][-1] in _IDENTIFIER_TAIL:
        # `x£2m` must not silently become the name `x2000000`: keep the two apart so Python reports it.
        digits = " " + digits
    pieces.append(digits)
    origins.extend([index] * len(digits))
    return match.end()
