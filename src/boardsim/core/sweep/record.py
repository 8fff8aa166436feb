"""The record of one sweep playthrough, and the header line of a sweep file.

One record per run, small and JSON-serialisable, so a sweep streams to a JSON Lines file and can be
summarised again later. It holds only what the balance report reads: how each dilemma was decided, where each
member ended up, the end-of-run trust and alignment figures, and the debrief-relevant events.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from boardsim.core.scenario.types import Disposition

from .layout import ScenarioLayout

SWEEP_FORMAT = "boardsim-sweep/1"


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DilemmaOutcome(_Record):
    """How one dilemma was decided in one run.

    `carried` is the board's outcome: the option that carried a vote, or the option most deciders chose
    individually (ties to the first in option order), "" when none. `choices` maps each decider to its
    option (None: abstained). `pledges` maps deciders to pounds pledged (pledge mode). `selectable` lists the
    options whose `requires` held when the dilemma opened, or is None when the engine did not say.
    """

    decided: bool
    carried: str = ""
    choices: dict[str, str | None] = Field(default_factory=dict)
    pledges: dict[str, int] = Field(default_factory=dict)
    selectable: list[str] | None = None


class MemberOutcome(_Record):
    """Where one member ended a run.

    `breaches` lists the accountabilities it entered breach of at any point (each once, sorted);
    `breach_entries` counts every entry into breach. `trust_received` is the mean of the other members' trust
    in it at the end (0..1).
    """

    budget_end: int | None = None
    breaches: list[str] = Field(default_factory=list)
    breach_entries: int = 0
    trust_received: float | None = None


class RunOutcome(_Record):
    """One playthrough of a sweep.

    `purpose_score` is how far the final measures moved the way the shared purpose wants (the shared
    purpose's priorities weighted by each measure's change over its declared range; see core/impact.py).
    `error` is set, and the rest left empty, when the run could not be played; the report names it.
    """

    run: int
    seed: int
    dispositions: dict[str, Disposition]
    error: str | None = None
    dilemmas: dict[str, DilemmaOutcome] = Field(default_factory=dict)
    members: dict[str, MemberOutcome] = Field(default_factory=dict)
    board_trust: float | None = None
    goal_alignment: float | None = None
    vote_cohesion: float | None = None
    resource_alignment: float | None = None
    alignment_composite: float | None = None
    leadership_distribution: float | None = None
    purpose_score: float | None = None
    measures: dict[str, float | bool] = Field(default_factory=dict)
    pools: dict[str, int] = Field(default_factory=dict)
    collapsed_pools: list[str] = Field(default_factory=list)
    commitments_kept: list[str] = Field(default_factory=list)
    commitments_broken: list[str] = Field(default_factory=list)


class SweepHeader(_Record):
    """The first line of a sweep file: which scenario, which plan, and the layout needed to re-summarise."""

    format: str = SWEEP_FORMAT
    scenario_id: str
    scenario_digest: str
    scenario_path: str = ""
    seed: int
    mix: list[Disposition]
    runs: int
    layout: ScenarioLayout
