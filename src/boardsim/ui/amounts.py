"""Read a pledge typed by a person ('£2.5m', '2.5m', '500k', '1,200,000') and check it against their bounds."""

from __future__ import annotations

from pydantic_core import PydanticCustomError

from boardsim.core.scenario.quantities import parse_money

from .formatting import money


class AmountError(ValueError):
    """A pledge that cannot be accepted, with a sentence saying why."""


def read_amount(text: str, low: int | None, high: int | None) -> int:
    """Whole pounds from `text`, within [low, high]; raises AmountError with a clear message otherwise."""
    raw = text.strip().replace(" ", "")
    if not raw:
        raise AmountError("Type an amount, e.g. £1.5m or £250k.")
    if not raw.lstrip("-−").startswith("£"):
        raw = ("-" if raw[0] in "-−" else "") + "£" + raw.lstrip("-−")
    try:
        amount = parse_money(raw)
    except PydanticCustomError:
        raise AmountError(
            f"“{text.strip()}” is not an amount: write pounds, e.g. £2.5m, £350k or £1,200,000."
        ) from None
    if low is not None and amount < low:
        raise AmountError(f"{money(amount)} is below your minimum of {money(low)}.")
    if high is not None and amount > high:
        raise AmountError(f"{money(amount)} is above your limit of {money(high)}.")
    return amount
