"""The journal's events: every input a person gives and every consequence the engine works out.

Each event is a frozen pydantic model with a `type` tag (the discriminator), its position `seq` in the journal
and the fictional `day` (days since the scenario's start) it happened on. Inputs — what humans and the
facilitator did — are marked `INPUT = True`: replaying a journal re-applies exactly those, at the same
journal positions, and regenerates everything else (bot decisions included), which is how a replay proves the
engine is deterministic.

`cause_seq` fields point at the event that caused this one, so a facilitator can walk from a trust change or
a breach back to the decision or the news behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StrictBool, TypeAdapter

from boardsim.core.scenario.model import Effect
from boardsim.core.scenario.types import DurationText

Audience = Literal["all", "facilitator"] | list[str]
DecisionSource = Literal["human", "bot", "forced", "default"]
CloseReason = Literal["all-decided", "deadline", "facilitator", "horizon"]
InjectCause = Literal["schedule", "condition", "effect", "facilitator", "manual"]
SkipReason = Literal["condition-false", "chance-failed", "unresolved-reference", "already-landed", "inject-skipped"]
StateValue = StrictBool | float


class EventBase(BaseModel):
    """Fields every journal event has."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    INPUT: ClassVar[bool] = False
    """True for events a person caused (re-applied on replay); False for consequences (regenerated)."""

    seq: int
    """Position in the journal, from 0."""
    day: int
    """Fictional days since the scenario's start."""


# ---------------------------------------------------------------------------------------------------------
# Inputs: what seats and the facilitator did
# ---------------------------------------------------------------------------------------------------------


class DecisionSubmitted(EventBase):
    """A human seat decided: an option (None = abstain, votes only) or a pledge amount."""

    INPUT: ClassVar[bool] = True
    type: Literal["decision-submitted"] = "decision-submitted"
    member: str
    dilemma: str
    option: str | None = None
    amount: int | None = None
    rationale: str = ""


class Paused(EventBase):
    """The facilitator paused the run: fictional time stands still until resumed."""

    INPUT: ClassVar[bool] = True
    type: Literal["paused"] = "paused"


class Resumed(EventBase):
    """The facilitator resumed the run."""

    INPUT: ClassVar[bool] = True
    type: Literal["resumed"] = "resumed"


class InjectTriggered(EventBase):
    """The facilitator made a scenario inject land now instead of on its schedule."""

    INPUT: ClassVar[bool] = True
    type: Literal["inject-triggered"] = "inject-triggered"
    inject: str


class InjectSkipped(EventBase):
    """The facilitator struck an inject: it will not land at all in this run."""

    INPUT: ClassVar[bool] = True
    type: Literal["inject-skipped"] = "inject-skipped"
    inject: str


class ManualInjectOpened(EventBase):
    """The facilitator wrote an inject on the spot, with its own effects."""

    INPUT: ClassVar[bool] = True
    type: Literal["manual-inject"] = "manual-inject"
    inject: str
    """The id given to it: manual-1, manual-2, ..."""
    title: str
    text: str
    audience: Audience
    effects: list[Effect] = Field(default_factory=list)


class DilemmaExtended(EventBase):
    """The facilitator gave an open dilemma more time."""

    INPUT: ClassVar[bool] = True
    type: Literal["dilemma-extended"] = "dilemma-extended"
    dilemma: str
    by: DurationText
    deadline_day: int
    """The new deadline."""


class DilemmaCloseRequested(EventBase):
    """The facilitator closed an open dilemma now; defaults apply to seats that had not decided."""

    INPUT: ClassVar[bool] = True
    type: Literal["dilemma-close-requested"] = "dilemma-close-requested"
    dilemma: str


class StateAdjusted(EventBase):
    """The facilitator set a state value by hand, with a note saying why."""

    INPUT: ClassVar[bool] = True
    type: Literal["state-adjusted"] = "state-adjusted"
    name: str
    value: StateValue
    note: str = ""


class NoteAdded(EventBase):
    """An observer's note, kept in the journal for the debrief."""

    INPUT: ClassVar[bool] = True
    type: Literal["note-added"] = "note-added"
    text: str


# ---------------------------------------------------------------------------------------------------------
# Consequences: what the engine worked out
# ---------------------------------------------------------------------------------------------------------


class RunStarted(EventBase):
    """The run began on the scenario's start date."""

    type: Literal["run-started"] = "run-started"
    scenario: str
    start_date: str
    horizon_day: int


class InjectLanded(EventBase):
    """News landed on the board (or on the members in its audience)."""

    type: Literal["inject-landed"] = "inject-landed"
    inject: str
    title: str
    audience: Audience
    cause: InjectCause
    cause_seq: int | None = None


class DilemmaOpened(EventBase):
    """A dilemma was put to its deciders."""

    type: Literal["dilemma-opened"] = "dilemma-opened"
    dilemma: str
    title: str
    mode: Literal["individual", "vote", "pledge"]
    deciders: list[str]
    deadline_day: int
    cause: Literal["schedule", "condition"]
    selectable: list[str] = Field(default_factory=list)
    """The options whose `requires` held when the dilemma opened, in option order."""


class DecisionMade(EventBase):
    """A decision the engine took for a seat: a bot's, a forced one (tests, `--choose`) or a default."""

    type: Literal["decision-made"] = "decision-made"
    member: str
    dilemma: str
    option: str | None = None
    amount: int | None = None
    source: DecisionSource
    rationale: str = ""


class ChoiceLapsed(EventBase):
    """A choice could not stand when the dilemma closed (its `requires` no longer held)."""

    type: Literal["choice-lapsed"] = "choice-lapsed"
    dilemma: str
    member: str | None
    """The chooser (individual mode), or None for the board's carried option (vote mode)."""
    option: str
    replaced_by: str | None
    """The default option applied instead, or None if the default cannot apply either."""
    reason: str


class DilemmaClosed(EventBase):
    """A dilemma closed and its decisions were revealed together."""

    type: Literal["dilemma-closed"] = "dilemma-closed"
    dilemma: str
    reason: CloseReason
    mode: Literal["individual", "vote", "pledge"]
    choices: dict[str, str | None] = Field(default_factory=dict)
    """Per decider: the option chosen or voted for (None = abstained or absent). Empty for pledges."""
    pledges: dict[str, int] = Field(default_factory=dict)
    """Per decider: pounds pledged (pledge mode)."""
    defaulted: list[str] = Field(default_factory=list)
    """Deciders who had not decided by the close and were given the default (or, for votes, were absent)."""
    tally: dict[str, int] = Field(default_factory=dict)
    """Votes per option (vote mode), in option order."""
    abstained: list[str] = Field(default_factory=list)
    """Deciders who abstained or were absent (vote mode)."""
    quorum_met: bool | None = None
    carried: bool | None = None
    """Vote mode: whether an option carried under the rule (if not, the default applies)."""
    outcome: str | None = None
    """The option the board got (vote), the option most chosen (individual), None for pledges."""
    dissent: list[str] = Field(default_factory=list)
    """Vote mode: members who voted for something other than the outcome."""


class OptionApplied(EventBase):
    """An option's consequences were set in motion (once per chooser in individual mode)."""

    type: Literal["option-applied"] = "option-applied"
    dilemma: str
    option: str
    chooser: str | None = None
    lead: str | None = None
    cause_seq: int


class EffectScheduled(EventBase):
    """A delayed consequence was put on the calendar."""

    type: Literal["effect-scheduled"] = "effect-scheduled"
    site: str
    """Where the effect is written in the scenario, e.g. dilemma:risk-share/option:fifty-fifty/effect:2."""
    kind: Literal["change", "move", "trust", "inject"]
    due_day: int
    summary: str
    cause_seq: int


class EffectSkipped(EventBase):
    """An effect came due but did not land, and why."""

    type: Literal["effect-skipped"] = "effect-skipped"
    site: str
    reason: SkipReason
    detail: str = ""
    cause_seq: int


class StateChanged(EventBase):
    """An outcome measure or flag changed (clamped to its declared range)."""

    type: Literal["state-changed"] = "state-changed"
    name: str
    before: StateValue
    after: StateValue
    site: str
    note: str = ""
    cause_seq: int


class MoneyMoved(EventBase):
    """Money moved between budgets, pools and the outside world."""

    type: Literal["money-moved"] = "money-moved"
    from_account: str
    to_account: str
    amount: int
    site: str
    note: str = ""
    cause_seq: int


class TrustChanged(EventBase):
    """One member's expected trust in another moved, with the cause in a sentence to read out."""

    type: Literal["trust-changed"] = "trust-changed"
    truster: str
    trustee: str
    before: float
    after: float
    positive: float
    negative: float
    cause_seq: int
    cause_kind: str
    sentence: str
    face: Literal["ability", "benevolence", "integrity"] | None = None
    """Which face of trustworthiness the evidence speaks to, when known."""


class CommitmentMade(EventBase):
    """A member made a promise by choosing (or leading) an option."""

    type: Literal["commitment-made"] = "commitment-made"
    commitment: str
    maker: str
    promise: str
    owed_to: list[str]
    due_day: int
    dilemma: str
    option: str
    cause_seq: int


class CommitmentSettled(EventBase):
    """A promise fell due and was checked: kept or broken."""

    type: Literal["commitment-settled"] = "commitment-settled"
    commitment: str
    maker: str
    kept: bool
    promise: str
    cause_seq: int
    """The seq of the CommitmentMade event."""


class BreachEntered(EventBase):
    """A member stopped meeting one of its accountabilities."""

    type: Literal["breach-entered"] = "breach-entered"
    member: str
    accountability: str
    severity: Literal["low", "medium", "high", "critical"]
    description: str
    answers_to: str
    cause_seq: int | None = None


class BreachLeft(EventBase):
    """A member is meeting an accountability again."""

    type: Literal["breach-left"] = "breach-left"
    member: str
    accountability: str
    cause_seq: int | None = None


class TensionFlagged(EventBase):
    """A decision pushed a member into breach, or will once its delayed consequences land."""

    type: Literal["tension"] = "tension"
    dilemma: str
    member: str
    accountability: str
    severity: Literal["low", "medium", "high", "critical"]
    kind: Literal["into-breach", "towards-breach"]
    sentence: str
    cause_seq: int


class DebriefPromptRaised(EventBase):
    """A debrief question whose condition held at the end of the run."""

    type: Literal["debrief-prompt"] = "debrief-prompt"
    prompt: str
    about: list[str] = Field(default_factory=list)


class RunEnded(EventBase):
    """The scenario's horizon was reached."""

    type: Literal["run-ended"] = "run-ended"


Event = Annotated[
    DecisionSubmitted
    | Paused
    | Resumed
    | InjectTriggered
    | InjectSkipped
    | ManualInjectOpened
    | DilemmaExtended
    | DilemmaCloseRequested
    | StateAdjusted
    | NoteAdded
    | RunStarted
    | InjectLanded
    | DilemmaOpened
    | DecisionMade
    | ChoiceLapsed
    | DilemmaClosed
    | OptionApplied
    | EffectScheduled
    | EffectSkipped
    | StateChanged
    | MoneyMoved
    | TrustChanged
    | CommitmentMade
    | CommitmentSettled
    | BreachEntered
    | BreachLeft
    | TensionFlagged
    | DebriefPromptRaised
    | RunEnded,
    Field(discriminator="type"),
]
"""Any journal event, told apart by its `type`."""

EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)
"""Parses one event from JSON (or a dict)."""


# ---------------------------------------------------------------------------------------------------------
# Building consequences without re-validating what the engine itself worked out
# ---------------------------------------------------------------------------------------------------------

E = TypeVar("E", bound=EventBase)

_new = object.__new__
_set = object.__setattr__
_REQUIRED = object()


class _Template:
    """An event class's fields in declaration order, with their defaults (the order is the JSON's order)."""

    __slots__ = ("defaults", "factories", "fields_set", "size")

    def __init__(self, event_type: type[EventBase]) -> None:
        self.fields_set: set[str] = set(event_type.model_fields)
        self.defaults: dict[str, Any] = {}
        factories: list[tuple[str, Callable[[], Any]]] = []
        for name, info in event_type.model_fields.items():
            if info.default_factory is not None:
                factories.append((name, info.default_factory))  # type: ignore[arg-type]
                self.defaults[name] = _REQUIRED
            elif info.is_required():
                self.defaults[name] = _REQUIRED
            else:
                self.defaults[name] = info.default
        self.factories = tuple(factories)
        self.size = len(self.defaults)


_TEMPLATES: dict[type[EventBase], _Template] = {}


def trusted_event(event_type: type[E], fields: dict[str, Any]) -> E:
    """An event built from values the engine worked out itself, without running pydantic's validation.

    Journal *reading* still validates every event; this is only for consequences the engine creates, whose
    values already have the exact types the model declares (ints for days and pounds, floats for measures and
    trust, fresh lists and dicts). The result is indistinguishable from a validated event: the same fields in
    the same order, the same JSON, equal to it. `tests/engine/test_trusted_events.py` pins that down for every
    kind of event the engine emits. Unknown field names are refused; a missing required field is a bug that
    test catches.

    Its `model_fields_set` is every field, as for an event read back from a journal (which writes them all),
    and is one set shared by every trusted event of the class: pydantic never changes it in place on a frozen
    model (`model_copy` copies it first), and it saves an allocation per event.
    """
    try:
        template = _TEMPLATES[event_type]
    except KeyError:
        template = _TEMPLATES[event_type] = _Template(event_type)
    values = template.defaults.copy()
    values.update(fields)  # updating keeps the declaration order of the template's keys
    if len(values) != template.size:
        unknown = ", ".join(name for name in fields if name not in template.defaults)
        raise TypeError(f"{event_type.__name__} has no field(s) {unknown}")
    if template.factories:
        for name, factory in template.factories:
            if values[name] is _REQUIRED:
                values[name] = factory()
    event: E = _new(event_type)
    _set(event, "__dict__", values)
    _set(event, "__pydantic_fields_set__", template.fields_set)
    _set(event, "__pydantic_extra__", None)
    _set(event, "__pydantic_private__", None)
    return event


_TRUST_CHANGED_SET = set(TrustChanged.model_fields)


def trust_changed_event(
    seq: int,
    day: int,
    cause_seq: int,
    truster: str,
    trustee: str,
    before: float,
    after: float,
    positive: float,
    negative: float,
    cause_kind: str,
    sentence: str,
    face: Literal["ability", "benevolence", "integrity"] | None,
) -> TrustChanged:
    """`trusted_event(TrustChanged, ...)` written out: the journal's most numerous event gets its own builder."""
    event = _new(TrustChanged)
    _set(
        event,
        "__dict__",
        {
            "seq": seq,
            "day": day,
            "type": "trust-changed",
            "truster": truster,
            "trustee": trustee,
            "before": before,
            "after": after,
            "positive": positive,
            "negative": negative,
            "cause_seq": cause_seq,
            "cause_kind": cause_kind,
            "sentence": sentence,
            "face": face,
        },
    )
    _set(event, "__pydantic_fields_set__", _TRUST_CHANGED_SET)  # shared, as in `trusted_event`
    _set(event, "__pydantic_extra__", None)
    _set(event, "__pydantic_private__", None)
    return event
