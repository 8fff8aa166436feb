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


# Each sentence is an opening about what the member did, which is the same for every observer, and a close
# naming the observer: a board-wide decision writes the opening once and the close once per observer.


def trusts_more(opening: str, observer: str) -> str:
    return f"{opening}, so {observer} trusts it more."


def trusts_less(opening: str, observer: str) -> str:
    return f"{opening}, so {observer} trusts it less."


def trusts_a_little_less(opening: str, observer: str) -> str:
    return f"{opening}, so {observer} trusts it a little less."


def commitment_opening(maker: str, promise: str, *, kept: bool) -> str:
    """What the maker did with its promise (close with `trusts_more` when kept, `trusts_less` when broken)."""
    return _sentence(f"{maker} {'kept' if kept else 'broke'} its promise {quoted(promise)}")


def commitment_sentence(maker: str, truster: str, promise: str, *, kept: bool) -> str:
    """Why a kept or broken commitment moved trust."""
    opening = commitment_opening(maker, promise, kept=kept)
    return trusts_more(opening, truster) if kept else trusts_less(opening, truster)


def cooperation_opening(
    chooser: str,
    *,
    voted: bool,
    label: str,
    title: str,
    money_cost: float,
    against_own_priorities: bool,
    serves_shared_purpose: bool,
) -> str:
    """What a choice that cost the chooser, for the good of the place or its partners, was (close: more)."""
    costs = []
    if money_cost > 0:
        costs.append(f"at a cost of {money(money_cost)} to its own budget")
    if against_own_priorities:
        costs.append("against its own priorities")
    cost = " and ".join(costs)
    benefit = "for the good of the shared purpose" if serves_shared_purpose else "to the benefit of its partners"
    verb = "voted for" if voted else "chose"
    return _sentence(f"{chooser} {verb} {quoted(label)} in {quoted(title)} {cost}, {benefit}")


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
    opening = cooperation_opening(
        chooser,
        voted=voted,
        label=label,
        title=title,
        money_cost=money_cost,
        against_own_priorities=against_own_priorities,
        serves_shared_purpose=serves_shared_purpose,
    )
    return trusts_more(opening, observer)


def defection_opening(chooser: str, *, label: str, title: str, majority_label: str, money_gain: float) -> str:
    """What going one's own way, at the shared purpose's expense, was (close: less)."""
    if money_gain > 0:
        gain = f"it comes out {money(money_gain)} better off than with the others' choice"
    else:
        gain = "it suits its own priorities better than the others' choice"
    return _sentence(
        f"{chooser} chose {quoted(label)} in {quoted(title)} while most of the board chose {quoted(majority_label)}: "
        f"{gain}, and the shared purpose is worse off"
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
    opening = defection_opening(chooser, label=label, title=title, majority_label=majority_label, money_gain=money_gain)
    return trusts_less(opening, observer)


def generous_pledge_opening(member: str, *, amount: int, pool: str, title: str, low: int, high: int) -> str:
    """What a pledge in the upper half of what the member could give was (close: more)."""
    return _sentence(
        f"{member} pledged {money(amount)} to {pool} in {quoted(title)}, more than halfway between the least "
        f"({money(low)}) and the most ({money(high)}) it could give"
    )


def generous_pledge_sentence(
    member: str, observer: str, *, amount: int, pool: str, title: str, low: int, high: int
) -> str:
    """Why a pledge in the upper half of what the member could give earned trust."""
    return trusts_more(
        generous_pledge_opening(member, amount=amount, pool=pool, title=title, low=low, high=high), observer
    )


def minimal_pledge_opening(member: str, *, amount: int, pool: str, title: str, high: int) -> str:
    """What pledging the bare minimum, when more was possible, was (close: a little less)."""
    return _sentence(
        f"{member} pledged only the minimum ({money(amount)}) to {pool} in {quoted(title)} although it could "
        f"have given up to {money(high)}"
    )


def minimal_pledge_sentence(member: str, observer: str, *, amount: int, pool: str, title: str, high: int) -> str:
    """Why pledging the bare minimum, when more was possible, cost a little trust."""
    opening = minimal_pledge_opening(member, amount=amount, pool=pool, title=title, high=high)
    return trusts_a_little_less(opening, observer)


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


class ExplicitSentences:
    """`explicit_sentence` for one designer's note and one trustee, asked for many trusters (a `from: all`)."""

    __slots__ = ("_as_set_out", "_head", "_names_trustee", "_note", "_trustee")

    def __init__(self, trustee: str, given: str) -> None:
        note = given.strip()
        self._note = note
        self._trustee = trustee
        self._names_trustee = bool(note) and trustee in note
        self._head = _sentence(note.rstrip(".").rstrip())
        self._as_set_out = not note

    def __call__(self, truster: str, before: float, after: float) -> str:
        if self._names_trustee and truster in self._note:
            return self._note
        direction = _more_or_less(before, after)
        if self._as_set_out:
            return f"As the scenario sets out, {truster} now trusts {self._trustee} {direction}."
        return f"{self._head}, so {truster} trusts {self._trustee} {direction}."
