"""Properties over randomly driven runs (hypothesis, derandomized, bounded): the ledger always balances, metrics
stay in range, a replay equals the live run, and rewinding then following the journal gives it back."""

from __future__ import annotations

import contextlib
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardsim.core.engine import HumanSeat, Session, SessionError
from boardsim.core.scenario.model import PledgeMode

from .support import build, dilemma

MEMBERS = ["council", "icb", "trust"]

SCENARIO = build(
    timeline=[
        {
            "id": "grant",
            "at": "2 months",
            "title": "Grant",
            "text": "Money arrives.",
            "effects": [
                {"kind": "move", "from": "external", "to": "fund", "amount": "£2m"},
                {"kind": "change", "target": "waiting", "by": 15, "after": "2 months", "chance": 0.6},
            ],
        },
        {"id": "alarm", "when": "waiting > 130", "title": "Alarm", "text": "Queues.", "audience": ["icb"]},
        {"id": "spare", "manual": True, "title": "Spare", "text": "By hand.", "audience": "facilitator"},
    ],
    dilemmas=[
        dilemma(
            id="vote",
            at="1 month",
            options=[
                {
                    "id": "a",
                    "label": "A",
                    "lead": "icb",
                    "effects": [
                        {"kind": "move", "from": "icb", "to": "fund", "amount": "£6m"},
                        {"kind": "trust", "from": "all", "to": "icb", "by": 1, "after": "1 month"},
                    ],
                    "commitments": [
                        {
                            "id": "c1",
                            "by": "lead",
                            "promise": "Keep the fund positive.",
                            "due": "3 months",
                            "kept_when": 'pool("fund") > £0',
                        }
                    ],
                },
                {"id": "b", "label": "B", "effects": [{"kind": "change", "target": "waiting", "by": 20}]},
            ],
        ),
        dilemma(
            id="each",
            at="4 months",
            mode={"kind": "individual"},
            default="keep",
            options=[
                {
                    "id": "give",
                    "label": "Give",
                    "effects": [{"kind": "move", "from": "chooser", "to": "fund", "amount": "£3m"}],
                },
                {
                    "id": "keep",
                    "label": "Keep",
                    "effects": [{"kind": "change", "target": "quality", "by": -3, "chance": 0.5}],
                },
            ],
        ),
        dilemma(
            id="pledge",
            at=None,
            when="waiting > 110",
            mode={"kind": "pledge", "pool": "fund", "max": "£4m"},
            default="£0",
            options=[],
        ),
    ],
)

Action = tuple[str, int, int]
actions = st.lists(
    st.tuples(
        st.sampled_from(
            ["decide", "decide", "decide", "advance", "adjust", "manual", "extend", "close", "pause", "trigger"]
        ),
        st.integers(0, 3),
        st.integers(0, 5),
    ),
    max_size=14,
)


def drive(seed: int, humans: list[str], script: list[Action], *, check: bool = False) -> Session:
    """Play the scenario with `humans` as human seats, following `script` at every stop."""
    session = Session.start(SCENARIO, seed=seed, seats={m: HumanSeat(m) for m in humans})
    steps = iter(script)
    while not session.ended:
        stop = session.advance()
        if check:
            assert session.ledger_balanced()
        if stop.reason == "ended":
            break
        for kind, pick, amount in steps:
            # A refused command leaves no trace; the properties are about everything else.
            with contextlib.suppress(SessionError):
                perform(session, kind, pick, amount)
            if check:
                assert session.ledger_balanced()
            if kind == "advance":
                break
        else:
            if session.paused:
                session.resume()
    return session


def perform(session: Session, kind: str, pick: int, amount: int) -> None:
    waiting = session.runtime.dilemmas.waiting()
    if kind == "decide" and waiting:
        dilemma_id, member = waiting[pick % len(waiting)]
        found = session.plan.dilemmas[dilemma_id]
        if isinstance(found.mode, PledgeMode):
            session.submit(member, dilemma_id, amount=amount * 800_000)
        else:
            options = [option.id for option in found.options]
            choice = None if found.mode.kind == "vote" and pick == 3 else options[pick % len(options)]
            session.submit(member, dilemma_id, option=choice)
    elif kind == "adjust":
        session.adjust_state("waiting", 80 + 20 * amount, "property")
    elif kind == "manual":
        effects: list[dict[str, Any]] = [
            {"kind": "move", "from": MEMBERS[pick % 3], "to": "external", "amount": f"£{amount}m"}
        ]
        session.manual_inject("Manual", "By hand.", effects=effects)
    elif kind == "extend" and waiting:
        session.extend_dilemma(waiting[0][0], f"{amount + 1} days")
    elif kind == "close" and waiting:
        session.close_dilemma(waiting[pick % len(waiting)][0])
    elif kind == "pause":
        session.resume() if session.paused else session.pause()
    elif kind == "trigger":
        session.trigger_inject("spare")


PROPERTY = settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
seeds = st.integers(0, 10_000)
seat_sets = st.lists(st.sampled_from(MEMBERS), unique=True, max_size=3)


@PROPERTY
@given(seed=seeds, humans=seat_sets, script=actions)
def test_the_ledger_balances_after_every_stop_and_command(seed: int, humans: list[str], script: list[Action]) -> None:
    """Whatever the seats and inputs, the sum of every account (external included) never changes."""
    session = drive(seed, humans, script, check=True)
    assert session.ledger_balanced()


@PROPERTY
@given(seed=seeds, humans=seat_sets, script=actions)
def test_metrics_stay_in_range_at_every_event(seed: int, humans: list[str], script: list[Action]) -> None:
    """Every trust value and every board metric in the time series is within 0..1 (or not yet measurable)."""
    session = drive(seed, humans, script)
    series = session.metrics_series
    assert len(series) == len(session.events)
    assert series[-1] == session.metrics  # the series rebuilt from the journal ends where the live metrics are
    for snapshot in series:
        for row in snapshot.trust.values():
            assert all(0.0 <= value <= 1.0 for value in row.values())
        for value in (
            snapshot.board_trust,
            snapshot.goal_alignment,
            snapshot.vote_cohesion,
            snapshot.resource_alignment,
            snapshot.alignment_composite,
            snapshot.leadership_distribution,
            *snapshot.say_do_gap.values(),
        ):
            assert value is None or 0.0 <= value <= 1.0


@PROPERTY
@given(seed=seeds, humans=seat_sets, script=actions)
def test_replaying_the_journal_gives_the_live_state(seed: int, humans: list[str], script: list[Action]) -> None:
    """Session.replay(journal) reproduces the journal byte for byte and the same state, money and metrics."""
    live = drive(seed, humans, script)
    replayed = Session.replay(SCENARIO, live.journal)
    assert replayed.journal.to_jsonl() == live.journal.to_jsonl()
    assert replayed.state_values() == live.state_values()
    assert replayed.accounts() == live.accounts()
    assert replayed.metrics == live.metrics


@PROPERTY
@given(seed=seeds, humans=seat_sets, script=actions, which=st.integers(0, 20))
def test_rewind_then_follow_gives_the_original(seed: int, humans: list[str], script: list[Action], which: int) -> None:
    """Fork at any decision point and follow the original journal: the original run, exactly, again."""
    live = drive(seed, humans, script)
    points = live.decision_points()
    fork = live.rewind(points[which % len(points)])
    fork.follow(live.journal)
    assert fork.journal.to_jsonl() == live.journal.to_jsonl()
    assert fork.state_values() == live.state_values()
