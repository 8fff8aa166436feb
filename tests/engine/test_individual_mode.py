"""Individual choices: hidden until revealed together, applied once per chooser, defaults for the silent."""

from __future__ import annotations

import pytest

from boardsim.core.engine import HumanSeat, Session, SessionError
from boardsim.core.engine.events import DecisionMade, DilemmaClosed, MoneyMoved, OptionApplied

from .support import build, dilemma, of_type


def individual(**fields: object) -> Session:
    scenario = build(
        dilemmas=[
            dilemma(
                mode={"kind": "individual"},
                default="keep",
                options=[
                    {
                        "id": "give",
                        "label": "Give £1m",
                        "effects": [
                            {"kind": "move", "from": "chooser", "to": "fund", "amount": "£1m"},
                            {"kind": "change", "target": "waiting", "by": -5},
                        ],
                    },
                    {"id": "keep", "label": "Keep it"},
                ],
                **fields,
            )
        ]
    )
    session = Session.start(scenario, seats={m: HumanSeat(m) for m in ("council", "icb", "trust")})
    assert session.advance().reason == "awaiting-decisions"
    return session


def test_each_choosers_effects_apply_once_with_chooser_bound_to_them() -> None:
    """Two members choose 'give': £1m moves from each of them (chooser bound), and waiting falls twice."""
    session = individual()
    session.submit("council", "d", option="give")
    session.submit("icb", "d", option="give")
    session.submit("trust", "d", option="keep")
    moves = [(event.from_account, event.to_account, event.amount) for event in of_type(session, MoneyMoved)]
    assert moves == [("council", "fund", 1_000_000), ("icb", "fund", 1_000_000)]
    assert session.state_values()["waiting"] == 90
    assert [(event.option, event.chooser) for event in of_type(session, OptionApplied)] == [
        ("give", "council"),
        ("give", "icb"),
        ("keep", "trust"),
    ]


def test_choices_are_revealed_together_in_one_event_when_the_dilemma_closes() -> None:
    """Nothing is revealed until the last decider chooses; then one DilemmaClosed carries every choice."""
    session = individual()
    session.submit("council", "d", option="give")
    session.submit("icb", "d", option="keep")
    assert of_type(session, DilemmaClosed) == []
    assert session.evaluate('chosen_by("d", "council")') == ""
    session.submit("trust", "d", option="keep")
    (closed,) = of_type(session, DilemmaClosed)
    assert closed.choices == {"council": "give", "icb": "keep", "trust": "keep"}
    assert session.evaluate('chosen_by("d", "council")') == "give"


def test_a_hidden_choice_is_not_in_another_members_view() -> None:
    """Council's pending choice appears in council's own view and nowhere in the icb's."""
    session = individual()
    session.submit("council", "d", option="give")
    assert session.member_view("council").open_decisions[0].your_choice == "give"
    icb_view = session.member_view("icb")
    assert icb_view.open_decisions[0].your_choice is None
    assert "give" not in icb_view.open_decisions[0].model_dump_json().replace('"id":"give"', "")


def test_most_chosen_option_is_chosen_and_ties_go_to_the_first_option() -> None:
    """chosen() is the option most deciders took; on a tie, the first in the dilemma's order."""
    session = individual()
    session.submit("council", "d", option="keep")
    session.submit("icb", "d", option="give")
    session.close_dilemma("d")  # trust defaults to keep: keep 2, give 1
    assert session.evaluate('chosen("d")') == "keep"
    even = individual(deciders=["council", "icb"])
    even.submit("council", "d", option="keep")
    even.submit("icb", "d", option="give")
    assert even.evaluate('chosen("d")') == "give"  # 1-1: "give" comes first in option order


def test_was_chosen_is_true_for_any_option_at_least_one_decider_took() -> None:
    """chosen("d", "o") holds for every option someone chose, not only the most chosen one."""
    session = individual()
    session.submit("council", "d", option="give")
    session.submit("icb", "d", option="keep")
    session.submit("trust", "d", option="keep")
    assert session.evaluate('chosen("d", "give")') is True
    assert session.evaluate('chosen("d", "keep")') is True


def test_deciders_who_do_not_choose_get_the_default_at_the_deadline() -> None:
    """At the deadline, silent deciders are given the default option, journalled as source 'default'."""
    session = individual()
    session.submit("council", "d", option="give")
    assert session.advance().reason == "ended"
    defaults = [(e.member, e.option) for e in of_type(session, DecisionMade) if e.source == "default"]
    assert defaults == [("icb", "keep"), ("trust", "keep")]
    (closed,) = of_type(session, DilemmaClosed)
    assert closed.reason == "deadline"
    assert closed.defaulted == ["icb", "trust"]


def test_an_individual_choice_must_name_an_option() -> None:
    """Abstaining is for votes: an individual decision without an option is refused."""
    session = individual()
    with pytest.raises(SessionError, match="needs an option"):
        session.submit("council", "d", option=None)
