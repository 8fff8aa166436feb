"""The say–do gap: 1 − the mean agreement between a member's stated priorities and each option it chose.

Agreement for one choice = (1 + cos(stated priorities, range-scaled measure changes)) / 2. The council states
{discharges: −1}, the vector (−1, 0); discharges are scaled by 200 and wellbeing by 10.
"""

from __future__ import annotations

from boardsim.core.metrics import MetricsTracker
from boardsim.core.scenario.model import Scenario

from .factories import COUNCIL, DPH, ICB, START_STATE, change, dilemma, make_scenario, option


def say_do_scenario() -> Scenario:
    """Individual choices over two measures; the council and the ICB state priorities, Public Health none."""
    return make_scenario(
        priorities={COUNCIL: {"discharges": -1}, ICB: {"wellbeing": 1}},
        dilemmas=[
            dilemma(
                "plan",
                "The winter plan",
                {"kind": "individual"},
                option("fewer-delays", "Fewer delays", change("discharges", -20)),
                option("more-delays", "More delays", change("discharges", 20)),
                option("mixed", "Mixed", change("discharges", 20), change("wellbeing", 1)),
                option("nothing", "Nothing"),
            )
        ],
    )


def gaps_after(*rounds: dict[str, str | None]) -> dict[str, float | None]:
    """The say–do gaps after each round of choices."""
    scenario = say_do_scenario()
    tracker = MetricsTracker(scenario)
    for day, choices in enumerate(rounds, start=1):
        tracker.record_decisions(day, day, scenario.dilemmas[0], choices, START_STATE)
    return tracker.snapshot(len(rounds) + 1, 0).say_do_gap


def test_no_choice_yet_is_none() -> None:
    """Every member's gap is None until it chooses."""
    assert gaps_after() == {COUNCIL: None, ICB: None, DPH: None}


def test_doing_what_one_says_is_no_gap() -> None:
    """Fewer delays: (−0.1, 0) against (−1, 0): cos 1, agreement 1, gap 0."""
    assert gaps_after({COUNCIL: "fewer-delays"})[COUNCIL] == 0.0


def test_doing_the_opposite_is_the_full_gap() -> None:
    """More delays: (0.1, 0) against (−1, 0): cos −1, agreement 0, gap 1."""
    assert gaps_after({COUNCIL: "more-delays"})[COUNCIL] == 1.0


def test_the_gap_averages_agreement_over_choices() -> None:
    """Fewer delays (agreement 1), then mixed (0.1, 0.1): cos = −0.1 / 0.141421 = −0.707107, agreement 0.146447.

    Gap = 1 − (1 + 0.146447) / 2 = 0.426777.
    """
    assert gaps_after({COUNCIL: "fewer-delays"}, {COUNCIL: "mixed"})[COUNCIL] == 0.426777


def test_an_option_that_touches_only_what_the_member_ignores_is_half() -> None:
    """The ICB cares only for wellbeing; fewer delays moves only discharges: cos 0, agreement 0.5, gap 0.5."""
    assert gaps_after({ICB: "fewer-delays"})[ICB] == 0.5


def test_choices_that_say_nothing_are_not_counted() -> None:
    """An option that changes no measure, and a member with no stated priorities, leave the gap None."""
    gaps = gaps_after({COUNCIL: "nothing", DPH: "fewer-delays", ICB: None})
    assert gaps == {COUNCIL: None, ICB: None, DPH: None}
