"""Turn PyYAML's (and libyaml's) syntax errors into findings a scenario designer can act on.

The parsers' messages name grammar productions ("expected <block end>, but found '<block mapping start>'").
Designers need to hear what went wrong in their terms (indentation, a tab, an unclosed quote) and how to fix
it, at the exact line and column the parser stopped.
"""

from __future__ import annotations

import yaml

from boardsim.core.diagnostics import Finding, SourcePosition

# (fragment of the parser's problem text, message, hint), first match wins. Both the C (libyaml) and the
# pure-Python parsers' wordings are covered.
_EXPLANATIONS: tuple[tuple[str, str, str], ...] = (
    (
        "tab character",
        "a tab character: YAML indentation must use spaces",
        "replace the tab with spaces (most editors can convert tabs to spaces for you)",
    ),
    (
        "mapping values are not allowed",
        "a ':' that YAML reads as starting another key, where no key can start",
        "if the value is text containing ': ', put it in quotes; otherwise check this line's indentation",
    ),
    (
        "block sequence entries are not allowed",
        "a list item ('- ') where YAML does not expect one",
        "start the list on the line below its key, indented",
    ),
    (
        "did not find expected key",
        "this line is not indented like the keys around it",
        "keys of the same mapping must start in the same column",
    ),
    (
        "expected <block end>",
        "this line is not indented like the lines around it",
        "keys of the same mapping, and items of the same list, must start in the same column",
    ),
    (
        "expected '-' indicator",
        "expected another list item ('- …') at this indentation",
        "a key at the same indentation as list items ends the list; check the indentation",
    ),
    (
        "could not find expected ':'",
        "expected a `key: value` line here (a ':' is missing)",
        "for text over several lines, write `key: |` and indent the lines below it, or put the text in quotes",
    ),
    (
        "unexpected end of stream",
        "the file ends inside something that was never closed (a quote or a bracket)",
        "close the quote or bracket",
    ),
    (
        "expected ',' or ']'",
        "a [list] is not closed, or its items are not separated by commas",
        "close it with ']' and separate items with ', '",
    ),
    (
        "expected ',' or '}'",
        "a {mapping} is not closed, or its entries are not separated by commas",
        "close it with '}' and separate entries with ', '",
    ),
    (
        "unknown escape character",
        "an unknown escape (a backslash) inside double quotes",
        "use single quotes for text with backslashes, or write \\\\ for a backslash",
    ),
    (
        "did not find expected node content",
        "a value is missing here, or starts with a character YAML does not allow",
        "put the value in quotes",
    ),
    (
        "undefined tag handle",
        "a tag (a value starting with '!') that YAML does not know",
        "remove the tag, or quote the value if the '!' is part of the text",
    ),
    (
        "found character",
        "a character that cannot start a value",
        "put the value in quotes",
    ),
)


def syntax_finding(error: yaml.YAMLError, text: str, file: str) -> Finding:
    """A `yaml-syntax` finding at the place the parser stopped, in plain words."""
    if isinstance(error, yaml.reader.ReaderError):
        line, column = _line_and_column(text, error.position)
        return Finding(
            code="yaml-syntax",
            message=f"a control character (U+{error.character:04X}) that a YAML text file cannot contain",
            hint="remove it; it often comes from text copied out of another program",
            position=SourcePosition(file, line, column),
        )
    problem = str(getattr(error, "problem", "") or error)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    character = _character_at(text, line, column)
    message, hint = _explain(problem, character)
    context = getattr(error, "context", None)
    context_mark = getattr(error, "context_mark", None)
    if context and context_mark is not None and context_mark.line + 1 != line:
        hint += f" (this is inside the {_construct(context)} that starts at line {context_mark.line + 1})"
    return Finding(code="yaml-syntax", message=message, hint=hint, position=SourcePosition(file, line, column))


# What the parsers' "while parsing a block collection" contexts are, in a designer's words.
_CONSTRUCTS = (
    ("block collection", "list"),
    ("block sequence", "list"),
    ("block mapping", "mapping"),
    ("flow sequence", "[list]"),
    ("flow mapping", "{mapping}"),
    ("quoted scalar", "quoted text"),
    ("block scalar", "block of text"),
    ("simple key", "key"),
)


def _construct(context: str) -> str:
    return next((words for fragment, words in _CONSTRUCTS if fragment in context), "value")


def _explain(problem: str, character: str) -> tuple[str, str]:
    if character == "\t" and ("cannot start" in problem or "tab" in problem):
        return _EXPLANATIONS[0][1], _EXPLANATIONS[0][2]
    for fragment, message, hint in _EXPLANATIONS:
        if fragment in problem:
            if fragment == "found character" and character.strip():
                message = f"'{character}' cannot start a value in YAML"
            return message, hint
    return f"YAML cannot read this: {problem}", "check the punctuation and indentation on this line"


def _character_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    if 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]):
        return lines[line - 1][column - 1]
    return ""


def _line_and_column(text: str, index: int) -> tuple[int, int]:
    index = max(0, min(index, len(text)))
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1
