"""A member's view never holds another member's private brief, private notes or hidden choices, nor
facilitator-only news; the board view holds none of anyone's; the facilitator view holds everything."""

from __future__ import annotations

from typing import Any

import pytest

from boardsim.core.engine import HumanSeat, Session

from .support import SCENARIOS, build, dilemma, load_shipped

MEMBERS = ("council", "icb", "trust")


def strings_in(value: Any) -> list[str]:
    """Every string anywhere in a dumped view (keys and values)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in [*strings_in(key), *strings_in(item)]]
    if isinstance(value, list | tuple):
        return [text for item in value for text in strings_in(item)]
    return []


def secret(kind: str, member: str) -> str:
    return f"SECRET-{kind}-{member}".upper()


def private_session() -> Session:
    options = [
        {"id": "a", "label": "A", "private_notes": {m: secret("option-note", m) for m in MEMBERS}},
        {"id": "b", "label": "B"},
    ]
    timeline = [
        {"id": "to-icb", "at": "1 day", "audience": ["icb"], "title": "FOR-ICB-ONLY", "text": "ICB-ONLY-TEXT"},
        {"id": "backstage", "at": "1 day", "audience": "facilitator", "title": "BACKSTAGE", "text": "FACILITATOR-ONLY"},
        {"id": "public", "at": "1 day", "title": "Public news", "text": "Everyone reads this."},
    ]
    scenario = build(
        timeline=timeline,
        dilemmas=[
            dilemma(
                mode={"kind": "individual"},
                options=options,
                private_notes={m: secret("dilemma-note", m) for m in MEMBERS},
            )
        ],
    )
    session = Session.start(scenario, seats={m: HumanSeat(m) for m in MEMBERS})
    assert session.advance().reason == "awaiting-decisions"
    session.submit("council", "d", option="b", rationale="COUNCIL-HIDDEN-RATIONALE")
    return session


def other_members_secrets(member: str) -> list[str]:
    texts = []
    for other in MEMBERS:
        if other != member:
            texts += [f"SECRET-{other.upper()}-BRIEF", secret("option-note", other), secret("dilemma-note", other)]
    return texts


@pytest.mark.parametrize("member", MEMBERS)
def test_a_member_view_holds_no_other_members_private_text(member: str) -> None:
    """Serialised whole, the member's view contains none of the other members' private briefs or notes."""
    text = private_session().member_view(member).model_dump_json()
    for other_secret in other_members_secrets(member):
        assert other_secret not in text


@pytest.mark.parametrize("member", MEMBERS)
def test_a_member_view_holds_its_own_private_text(member: str) -> None:
    """The member does see its own private brief and its own private notes on the open dilemma."""
    view = private_session().member_view(member)
    assert view.private_brief == f"SECRET-{member.upper()}-BRIEF"
    (decision,) = view.open_decisions
    assert decision.private_note == secret("dilemma-note", member)
    assert decision.options[0].private_note == secret("option-note", member)


@pytest.mark.parametrize("member", ["icb", "trust"])
def test_a_hidden_choice_before_the_reveal_is_in_no_other_members_view(member: str) -> None:
    """Council chose 'b' with a rationale; until the reveal, other members cannot see either."""
    view = private_session().member_view(member)
    text = view.model_dump_json()
    assert "COUNCIL-HIDDEN-RATIONALE" not in text
    (decision,) = view.open_decisions
    assert decision.decided == ["council"]
    assert decision.your_choice is None


@pytest.mark.parametrize("member", MEMBERS)
def test_facilitator_only_news_reaches_no_member(member: str) -> None:
    """An inject for the facilitator is in no member's view; one addressed to the icb only in the icb's."""
    text = private_session().member_view(member).model_dump_json()
    assert "FACILITATOR-ONLY" not in text
    assert "BACKSTAGE" not in text
    assert ("ICB-ONLY-TEXT" in text) == (member == "icb")


def test_the_board_view_holds_nobodys_private_text() -> None:
    """The public view has no private brief, private note, hidden choice, or news not addressed to all."""
    text = private_session().board_view().model_dump_json()
    assert "SECRET-" not in text
    assert "COUNCIL-HIDDEN-RATIONALE" not in text
    assert "ICB-ONLY-TEXT" not in text
    assert "FACILITATOR-ONLY" not in text


def test_the_facilitator_view_holds_everything() -> None:
    """The facilitator sees every private brief, the hidden choice with its rationale and every inject."""
    view = private_session().facilitator_view()
    text = view.model_dump_json()
    for member in MEMBERS:
        assert f"SECRET-{member.upper()}-BRIEF" in text
    assert "COUNCIL-HIDDEN-RATIONALE" in text
    assert {item.inject for item in view.injects if item.status == "landed"} == {"to-icb", "backstage", "public"}


def test_the_shipped_scenario_keeps_each_members_private_text_to_itself() -> None:
    """Through a whole run of the shipped scenario, no member view holds another member's private brief or any
    private note meant for another member (notes shared word for word with the viewer excepted)."""
    scenario = load_shipped(SCENARIOS / "eastmere-bcf-risk-share.yaml")
    private: dict[str, set[str]] = {member.id: {member.private_brief} - {""} for member in scenario.members}
    for item in scenario.dilemmas:
        for member, note in item.private_notes.items():
            private[member].add(note)
        for option in item.options:
            for member, note in option.private_notes.items():
                private[member].add(note)
    members = list(private)
    session = Session.start(scenario, seed=2, seats={m: HumanSeat(m) for m in members})
    checked = 0
    while (stop := session.advance()).reason == "awaiting-decisions":
        for member in members:
            text = "\n".join(strings_in(session.member_view(member).model_dump()))
            for other in members:
                for note in private[other] - private[member] if other != member else ():
                    assert note not in text, f"{member} sees {other}'s private text"
            checked += 1
        for dilemma_id in dict.fromkeys(dilemma_id for dilemma_id, _ in stop.waiting):
            session.close_dilemma(dilemma_id)
    assert checked >= len(members)
