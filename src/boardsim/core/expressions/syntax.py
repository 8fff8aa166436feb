"""Turn Python's SyntaxError into a message a scenario designer can act on.

Python's own messages ("invalid syntax", offset 0 at the end of input) are written for programmers. This
module re-reads the text around the error with a tiny lexer and says what is wrong in the language's terms:
"expected a value after 'and'", "unbalanced parenthesis", "'=' is not a comparison". Offsets are mapped
back to the original text through the PreparedSource.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass

from .errors import ExpressionError
from .source import PreparedSource

_TOKEN_RE = re.compile(
    r"""
    (?P<space>\s+)
    |(?P<string>[A-Za-z]{0,2}(?P<quote>["'])(?:\\.|(?!(?P=quote)).)*(?P=quote)?)
    |(?P<number>(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][-+]?\d+)?\w*)
    |(?P<name>[^\W\d]\w*)
    |(?P<operator>===|!==|\*\*|//|==|!=|<=|>=|<>|=>|=<|:=|&&|\|\||[-+*/%<>=!&|^~@(),.:;\[\]{}])
    |(?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

_WORD_OPERATORS = frozenset({"and", "or", "not"})
_ALLOWED_WORDS = _WORD_OPERATORS | {"True", "False"}

_OPERATOR_TYPOS: dict[str, tuple[str, str]] = {
    "=": ("'=' is not a comparison", "write '==' to test whether two values are equal"),
    "===": ("'===' is not a comparison", "write '=='"),
    "!==": ("'!==' is not a comparison", "write '!='"),
    "<>": ("'<>' is not a comparison", "write '!=' for 'is not equal to'"),
    "=>": ("'=>' is not a comparison", "write '>=' for 'at least'"),
    "=<": ("'=<' is not a comparison", "write '<=' for 'at most'"),
    "&&": ("'&&' is not an operator here", "write 'and'"),
    "||": ("'||' is not an operator here", "write 'or'"),
    "!": ("'!' is not an operator here", "write 'not' before a flag, or '!=' for 'is not equal to'"),
}

_CHARACTER_HINTS: dict[str, str] = {
    "≤": "write '<='",
    "≥": "write '>='",
    "≠": "write '!='",
    "−": "write a plain minus sign '-'",
    "–": "write a plain minus sign '-'",
    "—": "write a plain minus sign '-'",
    "×": "write '*' to multiply",
    "÷": "write '/' to divide",
    "“": "use straight quotes \" or ' (word processors insert curly ones)",
    "”": "use straight quotes \" or ' (word processors insert curly ones)",
    "‘": "use straight quotes \" or ' (word processors insert curly ones)",
    "’": "use straight quotes \" or ' (word processors insert curly ones)",
    "$": "write money in pounds with a £ sign, e.g. £2m",
    "€": "write money in pounds with a £ sign, e.g. £2m",
}

_BRACKET_HINT = "every '(' needs a matching ')'"


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    """The token in the rewritten text (what Python saw)."""
    start: int
    end: int
    written: str
    """The token as the designer wrote it (a money literal as `£2m`, not as pounds)."""

    @property
    def starts_value(self) -> bool:
        return (self.kind in ("name", "number", "string") and self.text not in _WORD_OPERATORS) or self.text == "("

    @property
    def ends_value(self) -> bool:
        return (self.kind in ("name", "number", "string") and self.text not in _WORD_OPERATORS) or self.text == ")"


def translate_syntax_error(error: SyntaxError, prepared: PreparedSource) -> ExpressionError:
    """An ExpressionError saying, in the language's terms, what Python's parser objected to."""
    text = prepared.text
    message = error.msg or ""
    # Python reports offset 0 (or none) when the input ends too early.
    at_end = not (error.lineno and error.offset)
    index = len(text) if at_end else prepared.index_of_character(error.lineno or 1, (error.offset or 1) - 1)

    def fail(code: str, what: str, hint: str) -> ExpressionError:
        return _located(prepared, code, what, hint, index)

    if "was never closed" in message:
        bracket = text[index] if index < len(text) else "("
        return fail("expr-syntax", f"unbalanced parenthesis: this '{bracket}' is never closed", _BRACKET_HINT)
    if message.startswith("unmatched"):
        return fail("expr-syntax", "unbalanced parenthesis: this ')' has no matching '('", _BRACKET_HINT)
    if "does not match opening parenthesis" in message:
        return fail("expr-syntax", "mismatched brackets", "conditions use round brackets ( ) only")
    if "unterminated" in message:
        return fail(
            "expr-syntax", "text in quotes is never closed", "end the text with the same quote mark it starts with"
        )
    if "too many nested parentheses" in message:
        return fail("expr-too-deep", "brackets are nested too deeply", "simplify the condition")
    if message.startswith("f-string"):
        return fail("expr-forbidden", "f-strings are not allowed in a condition", "write plain text in quotes")
    if message.startswith("invalid character"):
        character = text[index] if index < len(text) else "?"
        hint = _CHARACTER_HINTS.get(character, "remove it or retype this part of the condition")
        return fail("expr-syntax", f"unexpected character '{character}'", hint)
    if "literal" in message and ("decimal" in message or "digit" in message or "hexadecimal" in message):
        return fail(
            "expr-syntax",
            "a number runs straight into letters",
            "put a space between a number and a word; write money as £2m and time with elapsed_months()",
        )
    return _explain_from_tokens(prepared, index)


def _located(prepared: PreparedSource, code: str, what: str, hint: str, index: int) -> ExpressionError:
    return ExpressionError(code, what, prepared.original_offset(index), hint)


def _explain_from_tokens(prepared: PreparedSource, index: int) -> ExpressionError:
    """Explain a bare 'invalid syntax' from the tokens either side of where Python stopped."""
    text = prepared.text
    tokens = _tokens(prepared)

    def fail(code: str, what: str, hint: str, at: int) -> ExpressionError:
        return _located(prepared, code, what, hint, at)

    position = next((number for number, token in enumerate(tokens) if token.end > index), len(tokens))
    current = tokens[position] if position < len(tokens) else None
    previous = tokens[position - 1] if position > 0 else None
    for token in (current, previous):
        if (
            token is not None
            and token.kind == "name"
            and keyword.iskeyword(token.text)
            and token.text not in _ALLOWED_WORDS
        ):
            return fail(
                "expr-forbidden",
                f"'{token.written}' is not part of the condition language",
                "use comparisons, and, or, not, arithmetic and the listed functions",
                token.start,
            )
    if current is not None and current.text in _OPERATOR_TYPOS:
        what, hint = _OPERATOR_TYPOS[current.text]
        return fail("expr-syntax", what, hint, current.start)
    if current is not None and current.kind == "other":
        hint = _CHARACTER_HINTS.get(current.text, "remove it or retype this part of the condition")
        return fail("expr-syntax", f"unexpected character '{current.text}'", hint, current.start)
    if current is None:
        if previous is not None and not previous.ends_value:
            return fail(
                "expr-syntax",
                f"expected a value after '{previous.written}'",
                "the condition ends too early: finish it, e.g. `x > 100 and y < 5`",
                len(text),
            )
        return fail("expr-syntax", "the condition ends unexpectedly", "check the end of the condition", len(text))
    if previous is None and not current.starts_value:
        return fail(
            "expr-syntax",
            f"expected a value before '{current.written}'",
            "start the condition with a value, e.g. `x > 100`",
            current.start,
        )
    if previous is not None and not previous.ends_value and not current.starts_value:
        return fail(
            "expr-syntax",
            f"expected a value after '{previous.written}', found '{current.written}'",
            "two operators are side by side: put a value between them",
            current.start,
        )
    if previous is not None and previous.ends_value and current.starts_value:
        return fail(
            "expr-syntax",
            f"'{previous.written}' and '{current.written}' are side by side with nothing joining them",
            "join them with an operator such as and, or, ==, > or +",
            current.start,
        )
    return fail(
        "expr-syntax",
        f"'{current.written}' cannot go here",
        "check for a missing or extra value, operator or bracket just before this point",
        current.start,
    )


def _tokens(prepared: PreparedSource) -> list[_Token]:
    tokens = []
    for match in _TOKEN_RE.finditer(prepared.text):
        kind = "string" if match.group("string") is not None else (match.lastgroup or "other")
        if kind != "space":
            start, end = match.span()
            written = prepared.original[prepared.original_offset(start) : prepared.original_offset(end)].strip()
            if len(written) > 30:
                written = written[:27] + "..."
            tokens.append(_Token(kind, match.group(0), start, end, written))
    return tokens
