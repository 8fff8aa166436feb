"""A tiny two-member scenario and synthetic sweep records, for tests that need exact, hand-checkable figures."""

from __future__ import annotations

from collections.abc import Iterator
from random import Random
from typing import Any

from boardsim.core.scenario import Scenario
from boardsim.core.sweep import (
    DilemmaOutcome,
    MemberOutcome,
    RunOutcome,
    RunSpec,
    ScenarioLayout,
    SweepHeader,
    scenario_layout,
)
from boardsim.core.sweep.plan import ALL_DISPOSITIONS


def tiny_scenario_data() -> dict[str, Any]:
    """Council and ICB vote on who carries a £2m overspend; the council has a red line; one pool."""
    return {
        "format": "boardsim/1",
        "id": "tiny-risk-share",
        "title": "Tiny risk share",
        "synopsis": "Two members decide who carries an overspend.",
        "place": "Nowhere",
        "calendar": {"start": "2027-04-01", "horizon": "12 months"},
        "state": {
            "waits": {"type": "number", "initial": 50, "range": [0, 100], "unit": "patients"},
            "s75_signed": {"type": "flag", "initial": False},
        },
        "members": [
            {
                "id": "council",
                "name": "Council",
                "kind": "council",
                "seat": "Leader",
                "brief": "b",
                "budget": {"amount": "£10m"},
                "priorities": {"waits": -0.5},
                "accountabilities": [
                    {
                        "id": "no-cuts",
                        "kind": "red-line",
                        "description": "No cuts to care packages",
                        "holds_when": 'budget("council") >= £8m',
                        "answers_to": "Full council",
                    }
                ],
            },
            {
                "id": "icb",
                "name": "ICB",
                "kind": "icb",
                "seat": "Chief executive",
                "brief": "b",
                "budget": {"amount": "£20m"},
                "priorities": {"waits": -1},
                "accountabilities": [
                    {
                        "id": "break-even",
                        "kind": "duty",
                        "description": "Break even",
                        "holds_when": 'budget("icb") >= £19m',
                        "answers_to": "NHS England",
                    }
                ],
            },
        ],
        "shared_purpose": {"statement": "Shorter waits", "priorities": {"waits": -1}},
        "pools": [{"id": "bcf", "name": "Better Care Fund", "host": "council", "initial": "£1m", "floor": "£0"}],
        "dilemmas": [
            {
                "id": "risk-share",
                "title": "Who carries the overspend?",
                "prompt": "p",
                "at": "1 month",
                "deadline": "1 month",
                "default": "split",
                "mode": {"kind": "vote"},
                "options": [
                    {
                        "id": "split",
                        "label": "Split it",
                        "commitments": [
                            {
                                "id": "joint-plan",
                                "by": "icb",
                                "promise": "A joint plan",
                                "due": "3 months",
                                "kept_when": "waits < 40",
                            }
                        ],
                    },
                    {"id": "council-pays", "label": "Council pays"},
                    {"id": "icb-pays", "label": "ICB pays"},
                ],
            }
        ],
    }


def tiny_scenario() -> Scenario:
    return Scenario.model_validate(tiny_scenario_data())


def tiny_layout() -> ScenarioLayout:
    return scenario_layout(tiny_scenario())


def tiny_header(runs: int, seed: int = 1) -> SweepHeader:
    layout = tiny_layout()
    return SweepHeader(
        scenario_id=layout.scenario_id,
        scenario_digest="0" * 64,
        seed=seed,
        mix=list(ALL_DISPOSITIONS),
        runs=runs,
        layout=layout,
    )


def record(
    run: int,
    *,
    carried: str = "split",
    votes: tuple[str | None, str | None] = ("split", "split"),
    dispositions: tuple[str, str] = ("system-first", "system-first"),
    budgets: tuple[int, int] = (10_000_000, 20_000_000),
    trust: tuple[float, float] = (0.5, 0.5),
    breaches: tuple[list[str], list[str]] = ([], []),
    composite: float | None = 0.5,
    purpose: float | None = 0.0,
    board_trust: float = 0.5,
    pool: int = 1_000_000,
    kept: list[str] | None = None,
    broken: list[str] | None = None,
    waits: float = 50.0,
    signed: bool = False,
    error: str | None = None,
) -> RunOutcome:
    """One synthetic run of the tiny scenario (council first, ICB second in every pair)."""
    seats = {"council": dispositions[0], "icb": dispositions[1]}
    if error is not None:
        return RunOutcome.model_validate({"run": run, "seed": 1000 + run, "dispositions": seats, "error": error})
    # model_construct: these fields are right by construction, and the memory test builds 200,000 of them
    return RunOutcome.model_construct(
        run=run,
        seed=1000 + run,
        dispositions=seats,
        dilemmas={
            "risk-share": DilemmaOutcome.model_construct(
                decided=True,
                pledges={},
                carried=carried,
                choices={"council": votes[0], "icb": votes[1]},
                selectable=["split", "council-pays", "icb-pays"],
            )
        },
        members={
            "council": MemberOutcome.model_construct(
                budget_end=budgets[0],
                breaches=breaches[0],
                breach_entries=len(breaches[0]),
                trust_received=trust[0],
            ),
            "icb": MemberOutcome.model_construct(
                budget_end=budgets[1],
                breaches=breaches[1],
                breach_entries=len(breaches[1]),
                trust_received=trust[1],
            ),
        },
        error=None,
        board_trust=board_trust,
        goal_alignment=0.6,
        vote_cohesion=1.0 if votes[0] == votes[1] else 0.0,
        resource_alignment=0.2,
        alignment_composite=composite,
        leadership_distribution=None,
        purpose_score=purpose,
        measures={"waits": waits, "s75_signed": signed},
        pools={"bcf": pool},
        collapsed_pools=["bcf"] if pool < 0 else [],
        commitments_kept=kept or [],
        commitments_broken=broken or [],
    )


def random_records(count: int, seed: int = 7) -> Iterator[RunOutcome]:
    """`count` varied synthetic runs, generated one at a time (nothing kept)."""
    rng = Random(seed)
    options = ("split", "council-pays", "icb-pays")
    dispositions = ALL_DISPOSITIONS
    for run in range(count):
        votes = (rng.choice(options), rng.choice((*options, None)))
        carried = votes[0] if votes[0] == votes[1] else "split"
        pool = rng.randrange(-2_000_000, 3_000_000)
        yield record(
            run,
            carried=carried,
            votes=votes,
            dispositions=(rng.choice(dispositions), rng.choice(dispositions)),
            budgets=(rng.randrange(6_000_000, 12_000_000), rng.randrange(17_000_000, 22_000_000)),
            trust=(rng.random(), rng.random()),
            breaches=(["no-cuts"] if rng.random() < 0.3 else [], ["break-even"] if rng.random() < 0.5 else []),
            composite=rng.random(),
            purpose=rng.uniform(-1, 1),
            board_trust=rng.random(),
            pool=pool,
            kept=["joint-plan"] if carried == "split" and rng.random() < 0.5 else [],
            broken=["joint-plan"] if carried == "split" and rng.random() >= 0.5 else [],
            waits=rng.uniform(0, 100),
            signed=rng.random() < 0.4,
        )


def synthetic_player(scenario: Scenario, spec: RunSpec) -> RunOutcome:
    """A stand-in for the engine: a deterministic record from the run's seed and dispositions only."""
    rng = Random(spec.seed)
    seats = spec.disposition_map()
    options = ("split", "council-pays", "icb-pays")
    votes = (rng.choice(options), rng.choice(options))
    outcome = record(
        spec.run,
        carried=votes[0] if votes[0] == votes[1] else "split",
        votes=votes,
        dispositions=(seats["council"], seats["icb"]),
        budgets=(rng.randrange(6_000_000, 12_000_000), rng.randrange(17_000_000, 22_000_000)),
        trust=(rng.random(), rng.random()),
        composite=rng.random(),
        purpose=rng.uniform(-1, 1),
        board_trust=rng.random(),
    )
    return outcome.model_copy(update={"seed": spec.seed})


def light_records(count: int, seed: int = 11) -> Iterator[RunOutcome]:
    """Fresh, small synthetic runs, cheap enough to stream hundreds of thousands in a memory test.

    Every record is a new object with new random end-of-run figures and pool balance (a shallow copy of a
    template, which is ~20x cheaper than building one); if the aggregate kept records, memory would grow.
    """
    rng = Random(seed)
    templates = [record(0, carried=option, votes=(option, "split")) for option in ("split", "council-pays", "icb-pays")]
    for run in range(count):
        yield templates[run % 3].model_copy(
            update={
                "run": run,
                "seed": run,
                "board_trust": rng.random(),
                "alignment_composite": rng.random(),
                "purpose_score": rng.uniform(-1, 1),
                "pools": {"bcf": rng.randrange(-(10**6), 10**6)},
            }
        )
