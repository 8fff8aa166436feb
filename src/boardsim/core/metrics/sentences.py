"""The sentences a facilitator reads out to explain a trust change.

Each names the member who trusts and the member who is trusted (by the names in the scenario) and says what
happened in the terms the board saw it: the promise, the option's label, the money.
"""

from __future__ import annotations

from boardsim.core.scenario.quantities import format_money


def quoted(text: str) -> str:
    """Text in curly quotes, without the full stop a designer may have ended it with (blank: an ellipsis)."""
    return f"“{text.strip().rstrip('.').strip() or '…'}”"


def money(pounds: float) -> str:
    """Pounds as people say them (£2m, £350k); expected amounts are rounded to the pound."""
    return format_money(round(pounds))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _more_or_less(before: float, after: float) -> str:
    if after > before:
        return "more"
    if after < before:
        return "less"
    return "neither more nor less"


def commitment_sentence(maker: str, truster: str, promise: str, *, kept: bool) -> str:
    """Why a kept or broken commitment moved trust."""
    if kept:
        return _sentence(f"{maker} kept its promise {quoted(promise)}, so {truster} trusts it more.")
    return _sentence(f"{maker} broke its promise {quoted(promise)}, so {truster} trusts it less.")


def cooperation_sentence(
    chooser: str,
    observer: str,
    *,
    voted: bool,
    label: str,
    title: str,
    money_cost: float,
    against_own_priorities: bool,
    serves_shared_purpose: bool,
) -> str:
    """Why a choice that cost the chooser, for the good of the place or its partners, earned trust."""
    costs = []
    if money_cost > 0:
        costs.append(f"at a cost of {money(money_cost)} to its own budget")
    if against_own_priorities:
        costs.append("against its own priorities")
    cost = " and ".join(costs)
    benefit = "for the good of the shared purpose" if serves_shared_purpose else "to the benefit of its partners"
    verb = "voted for" if voted else "chose"
    return _sentence(
        f"{chooser} {verb} {quoted(label)} in {quoted(title)} {cost}, {benefit}, so {observer} trusts it more."
    )


def defection_sentence(
    chooser: str,
    observer: str,
    *,
    label: str,
    title: str,
    majority_label: str,
    money_gain: float,
) -> str:
    """Why going one's own way, at the shared purpose's expense, cost trust."""
    if money_gain > 0:
        gain = f"it comes out {money(money_gain)} better off than with the others' choice"
    else:
        gain = "it suits its own priorities better than the others' choice"
    return _sentence(
        f"{chooser} chose {quoted(label)} in {quoted(title)} while most of the board chose {quoted(majority_label)}: "
        f"{gain}, and the shared purpose is worse off, so {observer} trusts it less."
    )


def generous_pledge_sentence(
    member: str, observer: str, *, amount: int, pool: str, title: str, low: int, high: int
) -> str:
    """Why a pledge in the upper half of what the member could give earned trust."""
    return _sentence(
        f"{member} pledged {money(amount)} to {pool} in {quoted(title)}, more than halfway between the least "
        f"({money(low)}) and the most ({money(high)}) it could give, so {observer} trusts it more."
    )


def minimal_pledge_sentence(member: str, observer: str, *, amount: int, pool: str, title: str, high: int) -> str:
    """Why pledging the bare minimum, when more was possible, cost a little trust."""
    return _sentence(
        f"{member} pledged only the minimum ({money(amount)}) to {pool} in {quoted(title)} although it could "
        f"have given up to {money(high)}, so {observer} trusts it a little less."
    )


def explicit_sentence(truster: str, trustee: str, before: float, after: float, given: str) -> str:
    """The sentence for a trust effect written into the scenario, once its effect (`before` → `after`) is known.

    The designer's note is kept as it is when it already names both members; otherwise it is completed so
    that the room hears who trusts whom more or less, and why. "More" or "less" follows the actual move:
    mixed evidence (say 3 good and 2 bad experiences) can lower a high trust.
    """
    note = given.strip()
    if note and truster in note and trustee in note:
        return note
    direction = _more_or_less(before, after)
    if not note:
        return _sentence(f"As the scenario sets out, {truster} now trusts {trustee} {direction}.")
    return _sentence(f"{note.rstrip('.').rstrip()}, so {truster} trusts {trustee} {direction}.")
