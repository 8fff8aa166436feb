"""An option's `requires` is checked when a seat chooses it and again when the dilemma is resolved."""

from __future__ import annotations

import pytest

from boardsim.core.engine import HumanSeat, Session, SessionError
from boardsim.core.engine.events import ChoiceLapsed, DilemmaClosed, DilemmaOpened, OptionApplied

from .support import build, dilemma, of_type

OPTIONS = [
    {
        "id": "sign",
        "label": "Sign",
        "requires": "quality >= 40",
        "effects": [{"kind": "change", "target": "signed", "to": True}],
    },
    {"id": "wait", "label": "Wait"},
]


def session_with(mode: str) -> Session:
    scenario = build(dilemmas=[dilemma(mode={"kind": mode}, default="wait", options=OPTIONS)])
    session = Session.start(scenario, seats={m: HumanSeat(m) for m in ("council", "icb", "trust")})
    session.advance()
    return session


def test_an_option_whose_requires_fails_cannot_be_chosen() -> None:
    """With quality below 40, choosing 'sign' is refused with the requirement in the message."""
    session = session_with("individual")
    session.adjust_state("quality", 10, "a bad inspection")
    with pytest.raises(SessionError, match="requires quality >= 40"):
        session.submit("council", "d", option="sign")


def test_an_individual_choice_that_no_longer_stands_lapses_to_the_default() -> None:
    """Council chose 'sign'; quality fell before the close, so its choice lapses to 'wait'."""
    session = session_with("individual")
    session.submit("council", "d", option="sign")
    session.adjust_state("quality", 10, "a bad inspection")
    session.submit("icb", "d", option="wait")
    session.submit("trust", "d", option="wait")
    (lapse,) = of_type(session, ChoiceLapsed)
    assert (lapse.member, lapse.option, lapse.replaced_by) == ("council", "sign", "wait")
    assert [event.option for event in of_type(session, OptionApplied)] == ["wait", "wait", "wait"]
    assert session.state_values()["signed"] is False
    (closed,) = of_type(session, DilemmaClosed)
    assert closed.choices["council"] == "sign"  # what was chosen is still revealed


def test_a_carried_vote_whose_requires_fails_at_the_count_gives_the_default() -> None:
    """The board voted 'sign', but quality fell below 40 before the count: 'wait' applies instead."""
    session = session_with("vote")
    session.submit("council", "d", option="sign")
    session.submit("icb", "d", option="sign")
    session.adjust_state("quality", 0, "inspection")
    session.close_dilemma("d")
    (lapse,) = of_type(session, ChoiceLapsed)
    assert (lapse.member, lapse.option, lapse.replaced_by) == (None, "sign", "wait")
    assert session.evaluate('chosen("d")') == "wait"
    assert session.state_values()["signed"] is False


def test_the_options_selectable_when_a_dilemma_opens_are_journalled() -> None:
    """DilemmaOpened lists the options whose `requires` held at that moment (for the debrief and sweeps)."""
    scenario = build(dilemmas=[dilemma(mode={"kind": "individual"}, default="wait", options=OPTIONS)])
    session = Session.start(scenario, seats={m: HumanSeat(m) for m in ("council", "icb", "trust")})
    session.adjust_state("quality", 10, "before the meeting")
    session.advance()
    (opened,) = of_type(session, DilemmaOpened)
    assert opened.selectable == ["wait"]
