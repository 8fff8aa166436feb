"""The shapes of the three views of a run, as frozen pydantic models (see `views` for what goes in each)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from boardsim.core.metrics import MetricsSnapshot

from .stops import DecisionPoint


class View(BaseModel):
    model_config = ConfigDict(frozen=True)


class MeasureView(View):
    name: str
    kind: Literal["number", "flag"]
    value: float | bool
    unit: str = ""
    doc: str = ""
    range: tuple[float, float] | None = None


class MemberSummary(View):
    id: str
    name: str
    kind: str
    seat: str
    brief: str
    budget: int | None
    """The member's budget now (None if it holds no money in this scenario)."""
    budget_floor: int | None


class PoolView(View):
    id: str
    name: str
    host: str
    balance: int
    floor: int
    contributions: dict[str, int]
    """Net pounds each account has put in during the run."""


class NewsItem(View):
    inject: str
    title: str
    text: str
    day: int
    date: str
    audience: Literal["all", "facilitator"] | list[str]


class OptionView(View):
    id: str
    label: str
    description: str
    lead: str | None
    requires: str | None
    selectable: bool
    """Whether its `requires` holds now."""
    private_note: str = ""
    """What the viewing member privately knows about it (member views only)."""


class OpenDecision(View):
    dilemma: str
    title: str
    prompt: str
    mode: Literal["individual", "vote", "pledge"]
    rule: str | None = None
    opened_day: int
    deadline_day: int
    deciders: list[str]
    decided: list[str]
    """Who has decided so far — never what."""
    options: list[OptionView]
    pledge_min: int | None = None
    """The viewing member's pledge bounds (member views only)."""
    pledge_max: int | None = None
    private_note: str = ""
    your_choice: str | None = None
    """The viewing member's pending choice (member views only)."""
    your_amount: int | None = None
    you_have_decided: bool = False


class DecisionResult(View):
    dilemma: str
    title: str
    mode: Literal["individual", "vote", "pledge"]
    closed_day: int
    reason: str
    outcome: str | None
    choices: dict[str, str | None]
    pledges: dict[str, int]
    tally: dict[str, int]
    carried: bool | None
    quorum_met: bool | None
    dissent: list[str]


class CommitmentView(View):
    commitment: str
    maker: str
    promise: str
    owed_to: list[str]
    due_day: int
    dilemma: str
    option: str
    status: Literal["pending", "kept", "broken"]


class BreachView(View):
    member: str
    accountability: str
    description: str
    severity: str
    answers_to: str


class AccountabilityView(View):
    id: str
    kind: str
    description: str
    severity: str
    answers_to: str
    in_breach: bool


class BoardMetrics(View):
    board_trust: float
    goal_alignment: float | None
    vote_cohesion: float | None
    resource_alignment: float
    alignment_composite: float | None
    leadership_distribution: float | None


class BoardView(View):
    scenario: str
    title: str
    place: str
    day: int
    date: str
    horizon_day: int
    calendar_unit: str
    paused: bool
    ended: bool
    state: list[MeasureView]
    members: list[MemberSummary]
    pools: list[PoolView]
    news: list[NewsItem]
    open_decisions: list[OpenDecision]
    results: list[DecisionResult]
    commitments: list[CommitmentView]
    breaches: list[BreachView]
    metrics: BoardMetrics


class MemberView(View):
    member: str
    name: str
    seat: str
    brief: str
    private_brief: str
    accountabilities: list[AccountabilityView]
    inbox: list[NewsItem]
    open_decisions: list[OpenDecision]
    commitments: list[CommitmentView]
    """Promises this member made."""
    board: BoardView


class HiddenDecision(View):
    member: str
    option: str | None
    amount: int | None
    source: str
    rationale: str


class FacilitatorDecision(View):
    open: OpenDecision
    decisions: list[HiddenDecision]
    waiting_on: list[str]


class InjectStatus(View):
    inject: str
    title: str
    audience: Literal["all", "facilitator"] | list[str]
    trigger: str
    """'at 2027-07-01', 'when <condition>', 'manual' or 'by effect'."""
    status: Literal["pending", "landed", "skipped"]
    day: int | None


class PendingEffectView(View):
    site: str
    due_day: int
    summary: str


class FacilitatorView(View):
    board: BoardView
    seats: dict[str, str]
    private_briefs: dict[str, str]
    open_decisions: list[FacilitatorDecision]
    waiting: list[tuple[str, str]]
    injects: list[InjectStatus]
    manual_injects: list[NewsItem]
    pending_effects: list[PendingEffectView]
    accounts: dict[str, int]
    ledger_balanced: bool
    decision_points: list[DecisionPoint]
    journal_length: int
    metrics: MetricsSnapshot
