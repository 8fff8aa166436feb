"""The scenario format `boardsim/1`: what a designer writes, as pydantic models.

Every field's docstring becomes hover text in editors through the generated JSON Schema, so write them for a
scenario designer, not for a programmer. Validation here is structural (types, shapes, units); references
between parts (unknown member ids, unused state, impossible conditions) are checked in `boardsim.core.checks`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictBool, model_validator

from .types import (
    AuthoredModel,
    Condition,
    DateText,
    Disposition,
    DurationText,
    Identifier,
    MomentText,
    Money,
    Probability,
    Severity,
    StateName,
    Weight,
)

FORMAT_VERSION = "boardsim/1"
CATALOGUE_FORMAT_VERSION = "boardsim-catalogue/1"

# ---------------------------------------------------------------------------------------------------------
# Calendar and state
# ---------------------------------------------------------------------------------------------------------


class Calendar(AuthoredModel):
    """The fictional calendar the scenario is played on."""

    start: DateText
    """The fictional date the exercise starts, e.g. 2027-04-01 (the start of a financial year)."""
    unit: Literal["day", "week", "month", "quarter"] = "month"
    """The unit the facilitator steps in and the timeline is shown in."""
    horizon: DurationText
    """How long the scenario runs after the start, e.g. '18 months'. Nothing happens after it."""


class NumberMeasure(AuthoredModel):
    """An outcome measure: a number the board's choices move (e.g. delayed discharges)."""

    type: Literal["number"]
    """`number` for a measured quantity."""
    initial: float
    """The value at the start of the scenario."""
    range: tuple[float, float]
    """The lowest and highest values the measure can take, [min, max]; changes are clamped to it."""
    unit: str = ""
    """What the number counts, shown next to it, e.g. 'patients' or '%'."""
    doc: str = ""
    """One line saying what the measure means, shown to players and in the debrief."""

    @model_validator(mode="after")
    def _range_is_ordered(self) -> NumberMeasure:
        low, high = self.range
        if low > high:
            raise ValueError(f"range [{low}, {high}] is upside down: write the lowest value first")
        return self


class FlagMeasure(AuthoredModel):
    """A yes/no fact about the system (e.g. whether the section 75 agreement is signed)."""

    type: Literal["flag"]
    """`flag` for a true/false fact."""
    initial: StrictBool = False
    """true or false at the start."""
    doc: str = ""
    """One line saying what the flag means."""


StateDeclaration = Annotated[NumberMeasure | FlagMeasure, Field(discriminator="type")]


# ---------------------------------------------------------------------------------------------------------
# Members and their accountabilities
# ---------------------------------------------------------------------------------------------------------

MemberKind = Literal[
    "council",
    "adult-social-care",
    "childrens-services",
    "public-health",
    "icb",
    "nhs-trust",
    "healthwatch",
    "voluntary-sector",
    "police",
    "housing",
    "fire",
    "other",
]


class Budget(AuthoredModel):
    """The money a member controls in this scenario."""

    amount: Money
    """What the member has to spend at the start, e.g. '£42m'."""
    floor: Money = 0
    """The lowest the budget may fall before the member cannot balance its books (breach of its financial duty)."""
    unit: Literal["GBP"] = "GBP"
    """The currency; boardsim plays in pounds sterling."""


class Accountability(AuthoredModel):
    """Something a member answers for outside the board: a duty, a target or a red line."""

    id: Identifier
    """An id unique within the member, e.g. `balanced-budget`."""
    kind: Literal["duty", "target", "red-line"]
    """`duty` (a legal obligation), `target` (a performance standard) or `red-line` (what it will not accept)."""
    description: str
    """What the accountability is, in a sentence the member would recognise."""
    holds_when: Condition
    """The condition under which the member is meeting it; when it turns false the member is in breach."""
    severity: Severity = "high"
    """How serious a breach is for the member: low, medium, high or critical."""
    answers_to: str
    """The body the member answers to for it, e.g. 'CQC', 'NHS England', 'Full council'."""


class Member(AuthoredModel):
    """An organisation at the board's table and the seat holder who represents it."""

    id: Identifier
    """A short id used everywhere else, e.g. `icb`, `dph`."""
    extends: Identifier | None = None
    """Take the fields not given here from this member of an included catalogue."""
    name: str
    """The organisation's name, e.g. 'Eastmere Integrated Care Board'."""
    kind: MemberKind
    """What sort of organisation it is."""
    seat: str
    """The title of the person who sits at the board, e.g. 'Director of Public Health'."""
    brief: str
    """The public brief every player can read."""
    private_brief: str = ""
    """Objectives and pressures only this seat sees."""
    budget: Budget | None = None
    """The member's money in play, if any."""
    priorities: dict[StateName, Weight] = Field(default_factory=dict)
    """How much each outcome measure matters to this member (-1 wants it lower, 1 wants it higher)."""
    accountabilities: list[Accountability] = Field(default_factory=list)
    """Duties, targets and red lines the member answers for outside the board."""


class MemberTemplate(AuthoredModel):
    """A reusable member in a catalogue: any field may be left for the scenario to supply."""

    id: Identifier
    """The id scenarios use with `extends:`."""
    name: str | None = None
    """The organisation's name."""
    kind: MemberKind | None = None
    """What sort of organisation it is."""
    seat: str | None = None
    """The seat holder's title."""
    brief: str | None = None
    """The public brief."""
    private_brief: str | None = None
    """The private brief."""
    budget: Budget | None = None
    """The member's money in play."""
    priorities: dict[StateName, Weight] | None = None
    """Priorities over outcome measures."""
    accountabilities: list[Accountability] | None = None
    """Duties, targets and red lines."""


class SharedPurpose(AuthoredModel):
    """What the board as a whole is trying to achieve for the place."""

    statement: str
    """The purpose in a sentence or two, as the board would say it."""
    priorities: dict[StateName, Weight]
    """How much each outcome measure matters to the place as a whole."""


class TrustHistory(AuthoredModel):
    """Starting trust between two members: their history before the exercise."""

    from_: Identifier = Field(alias="from")
    """The member who trusts (or distrusts)."""
    to: Identifier
    """The member who is trusted (or not)."""
    positive: float = Field(default=0.0, ge=0, le=50)
    """How many good past experiences `from` remembers of `to`."""
    negative: float = Field(default=0.0, ge=0, le=50)
    """How many bad past experiences `from` remembers of `to`."""
    note: str = ""
    """The history in a sentence, read out when this trust is explained."""


class Pool(AuthoredModel):
    """A pooled fund, e.g. the Better Care Fund under a section 75 agreement."""

    id: Identifier
    """The pool's id, used as an account in money moves."""
    name: str
    """Its name, e.g. 'Better Care Fund pooled budget'."""
    host: Identifier
    """The member that hosts the pool and holds its accounts."""
    initial: Money = 0
    """What is in the pool at the start."""
    floor: Money = 0
    """Below this the pool has collapsed (it can no longer fund what it was set up for)."""
    doc: str = ""
    """One line on what the pool pays for."""


# ---------------------------------------------------------------------------------------------------------
# Effects
# ---------------------------------------------------------------------------------------------------------


class EffectBase(AuthoredModel):
    """What every effect may say about when and whether it lands."""

    after: DurationText | None = None
    """Delay before it lands, e.g. '6 months'. Without it, the effect is immediate."""
    when: Condition | None = None
    """Only land if this holds at the moment the effect fires (re-checked then, not when scheduled)."""
    chance: Probability | None = None
    """Land with this probability (drawn from the run's seeded random stream)."""
    note: str = ""
    """The cause in a sentence a facilitator can read out, e.g. 'Home care providers hand back packages'."""


class ChangeEffect(EffectBase):
    """Change an outcome measure or flag."""

    kind: Literal["change"]
    """`change`: move a declared state value."""
    target: StateName
    """The state to change."""
    by: float | None = None
    """Add this amount (negative to subtract); the result is clamped to the declared range."""
    to: float | StrictBool | None = None
    """Set it to this value instead (use true/false for a flag)."""

    @model_validator(mode="after")
    def _by_or_to(self) -> ChangeEffect:
        if (self.by is None) == (self.to is None):
            raise ValueError("give exactly one of `by` (add to the value) or `to` (set the value)")
        return self


class MoveEffect(EffectBase):
    """Move money between budgets, pools and the outside world; the ledger always balances."""

    kind: Literal["move"]
    """`move`: transfer money."""
    from_: Identifier = Field(alias="from")
    """Where it comes from: a member id, a pool id, `external`, `chooser` or `lead`."""
    to: Identifier
    """Where it goes: a member id, a pool id, `external`, `chooser` or `lead`."""
    amount: Money
    """How much, e.g. '£1.5m'."""


class TrustEffect(EffectBase):
    """Add evidence to how far one member trusts another."""

    kind: Literal["trust"]
    """`trust`: record a trust-relevant experience."""
    from_: Identifier = Field(alias="from")
    """Who updates their trust: a member id, `chooser`, `lead`, or `all` (every other member)."""
    to: Identifier
    """Whose trustworthiness is judged: a member id, `chooser` or `lead`."""
    by: float = Field(ge=-5, le=5)
    """Positive values are good experiences, negative values bad ones (1 = one ordinary experience)."""


class InjectEffect(EffectBase):
    """Make an inject land now (or `after` a delay)."""

    kind: Literal["inject"]
    """`inject`: fire an inject from the timeline."""
    inject: Identifier
    """The inject's id."""


Effect = Annotated[ChangeEffect | MoveEffect | TrustEffect | InjectEffect, Field(discriminator="kind")]


# ---------------------------------------------------------------------------------------------------------
# Timeline and dilemmas
# ---------------------------------------------------------------------------------------------------------

Audience = Literal["all", "facilitator"] | list[Identifier]


class Inject(AuthoredModel):
    """News that lands on the board: a letter, a headline, a provider's announcement."""

    id: Identifier
    """The inject's id."""
    at: MomentText | None = None
    """When it lands: '3 months' after the start, or a date. Leave out for condition- or effect-driven injects."""
    when: Condition | None = None
    """Land the first time this condition becomes true (instead of at a fixed time)."""
    manual: bool = False
    """true if the facilitator drops it in by hand (it has no `at` or `when` and nothing triggers it)."""
    audience: Audience = "all"
    """Who receives it: `all`, `facilitator` only, or a list of member ids."""
    title: str
    """A headline for the inject."""
    text: str
    """The inject as it arrives, in the voice of its sender."""
    effects: list[Effect] = Field(default_factory=list)
    """What happens to the system when it lands."""

    @model_validator(mode="after")
    def _one_trigger(self) -> Inject:
        if self.at is not None and self.when is not None:
            raise ValueError("give `at` (a time) or `when` (a condition), not both")
        return self


class Commitment(AuthoredModel):
    """A promise a member makes by choosing an option, checked when it falls due."""

    id: Identifier
    """The commitment's id."""
    by: Identifier
    """Who promises: a member id, `chooser` or `lead`."""
    promise: str
    """The promise in the member's words."""
    due: DurationText
    """How long after the decision it must be kept, e.g. '6 months'."""
    kept_when: Condition
    """The condition that counts as kept when it falls due."""
    owed_to: Literal["all"] | list[Identifier] = "all"
    """Whose trust moves when it is kept or broken: `all` other members, or a list."""


class Option(AuthoredModel):
    """One course of action in a dilemma."""

    id: Identifier
    """The option's id."""
    label: str
    """A short label shown on the choice button."""
    description: str = ""
    """What choosing it means, as every decider is told."""
    requires: Condition | None = None
    """Only selectable while this holds."""
    lead: Identifier | None = None
    """The member who proposes and leads this option (counted for leadership distribution)."""
    effects: list[Effect] = Field(default_factory=list)
    """What happens when it is chosen (for individual choices, once per member who chose it)."""
    commitments: list[Commitment] = Field(default_factory=list)
    """Promises made by choosing it."""
    private_notes: dict[Identifier, str] = Field(default_factory=dict)
    """What particular members privately know about this option's consequences."""


class IndividualMode(AuthoredModel):
    """Each decider chooses for itself; choices stay hidden until revealed together."""

    kind: Literal["individual"]
    """`individual`: every decider picks an option on its own behalf."""


class VoteMode(AuthoredModel):
    """The board votes on proposals: each decider votes for one option or abstains."""

    kind: Literal["vote"]
    """`vote`: a board decision."""
    rule: Literal["consensus", "majority", "unanimity"] = "majority"
    """`majority`: more than half the votes cast; `consensus`: nobody votes for another option (abstaining is
    standing aside); `unanimity`: every decider votes for it."""
    quorum: float = Field(default=0.5, gt=0, le=1)
    """The share of deciders who must vote (not abstain) for the vote to count."""


class PledgeBounds(AuthoredModel):
    """The least and most a member may pledge."""

    min: Money = 0
    """The least it may pledge."""
    max: Money
    """The most it may pledge."""


class PledgeMode(AuthoredModel):
    """Deciders pledge money into a pooled fund; the ledger records each contributor."""

    kind: Literal["pledge"]
    """`pledge`: contributions to a pool."""
    pool: Identifier
    """The pool pledges go into."""
    min: Money = 0
    """The least any decider may pledge (unless `bounds` says otherwise for it)."""
    max: Money
    """The most any decider may pledge (unless `bounds` says otherwise for it)."""
    bounds: dict[Identifier, PledgeBounds] = Field(default_factory=dict)
    """Per-member limits that replace `min` and `max` for that member."""


DecisionMode = Annotated[IndividualMode | VoteMode | PledgeMode, Field(discriminator="kind")]


class Dilemma(AuthoredModel):
    """A decision the board, or each member, must take."""

    id: Identifier
    """The dilemma's id."""
    title: str
    """A headline for the dilemma."""
    prompt: str
    """The question as put to the board."""
    at: MomentText | None = None
    """When it opens: '3 months' after the start, or a date."""
    when: Condition | None = None
    """Open the first time this condition becomes true (instead of at a fixed time)."""
    deadline: DurationText
    """How long it stays open before the default applies to anyone who has not decided."""
    default: str
    """What applies to a decider who does not decide: an option id (or, for pledges, an amount such as '£0')."""
    deciders: Literal["all"] | list[Identifier] = "all"
    """Who decides: `all` members or a list of member ids."""
    mode: DecisionMode
    """How the decision is taken: `individual`, `vote` or `pledge`."""
    options: list[Option] = Field(default_factory=list)
    """The courses of action (not for pledges: a pledge round uses `on_close` for its consequences)."""
    on_close: list[Effect] = Field(default_factory=list)
    """Effects applied once the decision is taken, whatever it was (use `when:` to make them depend on it)."""
    private_notes: dict[Identifier, str] = Field(default_factory=dict)
    """What particular members privately know about this dilemma."""

    @model_validator(mode="after")
    def _one_trigger(self) -> Dilemma:
        if self.at is not None and self.when is not None:
            raise ValueError("give `at` (a time) or `when` (a condition), not both")
        return self


class DebriefPrompt(AuthoredModel):
    """A question for the debrief, shown when its condition held by the end."""

    prompt: str
    """The question to put to the board."""
    when: Condition | None = None
    """Only ask it if this holds at the end of the run."""
    about: list[Identifier] = Field(default_factory=list)
    """Dilemmas, injects or members the question concerns."""


class Playthrough(AuthoredModel):
    """A named seeded run with chosen options and expected outcomes: the scenario's own test."""

    name: Identifier
    """The playthrough's name."""
    description: str = ""
    """What this run shows."""
    seed: int = Field(default=1, ge=0)
    """The random seed, so the run is repeatable."""
    bots: Disposition = "system-first"
    """The disposition of every seat not listed in `seats` and deciding where `choices` says nothing."""
    seats: dict[Identifier, Disposition] = Field(default_factory=dict)
    """Dispositions for particular seats."""
    choices: dict[Identifier, Identifier | dict[Identifier, str]] = Field(default_factory=dict)
    """Forced decisions: dilemma id → option id for every decider, or → {member: option id or amount}."""
    expect: list[Condition] = Field(min_length=1)
    """Conditions that must hold at the end of the run."""


class Scenario(AuthoredModel):
    """A boardsim dilemma scenario (format boardsim/1)."""

    format: Literal["boardsim/1"]
    """The format version; always `boardsim/1` for this version of boardsim."""
    id: Identifier
    """The scenario's id."""
    title: str
    """The scenario's title."""
    synopsis: str
    """A paragraph for the facilitator choosing a scenario."""
    place: str
    """The fictional place, e.g. 'Eastmere, a unitary authority of 310,000 people'."""
    calendar: Calendar
    """The fictional calendar."""
    include: list[str] = Field(default_factory=list)
    """Member catalogues to include, as paths relative to this file."""
    state: dict[StateName, StateDeclaration]
    """The outcome measures and flags the scenario tracks."""
    members: list[Member] = Field(min_length=2)
    """The organisations at the table."""
    shared_purpose: SharedPurpose
    """What the board as a whole is trying to achieve."""
    trust: list[TrustHistory] = Field(default_factory=list)
    """Starting trust between members (their history)."""
    pools: list[Pool] = Field(default_factory=list)
    """Pooled funds."""
    timeline: list[Inject] = Field(default_factory=list)
    """Injects: news that lands at a time or when a condition becomes true."""
    dilemmas: list[Dilemma] = Field(min_length=1)
    """The decisions the board faces."""
    debrief: list[DebriefPrompt] = Field(default_factory=list)
    """Questions for the debrief."""
    playthroughs: list[Playthrough] = Field(default_factory=list)
    """Named seeded runs with expected outcomes: the scenario's own tests."""


class Catalogue(AuthoredModel):
    """A reusable catalogue of members (format boardsim-catalogue/1), included by scenarios."""

    format: Literal["boardsim-catalogue/1"]
    """The catalogue format version; always `boardsim-catalogue/1`."""
    id: Identifier
    """The catalogue's id."""
    title: str
    """What the catalogue holds."""
    include: list[str] = Field(default_factory=list)
    """Further catalogues to include, relative to this file."""
    members: list[MemberTemplate]
    """Reusable members that scenarios take with `extends:`."""
