"""The one exception compiling a condition raises, carrying a stable code and a place in the text."""

from __future__ import annotations


class ExpressionError(Exception):
    """A condition a designer wrote cannot be used, and why.

    `code` is a registered finding code (see `boardsim.core.diagnostics.CHECK_CODES`), e.g. "expr-syntax".
    `offset` is a 0-based character offset into the ORIGINAL condition text (before money literals were
    rewritten), so the loader can turn it into file:line:col. `hint` says what to write instead ("" if none).
    """

    def __init__(self, code: str, message: str, offset: int, hint: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.offset = offset
        self.hint = hint

    def __reduce__(self) -> tuple[type[ExpressionError], tuple[str, str, int, str]]:
        # Keyword-style constructors do not survive pickling by default; process pools need this.
        return (type(self), (self.code, self.message, self.offset, self.hint))

    def __repr__(self) -> str:
        return (
            f"ExpressionError(code={self.code!r}, message={self.message!r}, offset={self.offset}, hint={self.hint!r})"
        )
