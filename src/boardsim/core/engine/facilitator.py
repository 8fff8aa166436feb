"""The facilitator's commands, each journalled as an input and applied at once.

Each function validates first and raises SessionError without touching the run when the request cannot be
carried out, so a rejected command leaves no trace in the journal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from boardsim.core.scenario.model import ChangeEffect, Effect, InjectEffect, MoveEffect, NumberMeasure, TrustEffect
from boardsim.core.scenario.quantities import Duration, parse_duration

from .errors import SessionError, unknown
from .events import (
    Audience,
    DilemmaCloseRequested,
    DilemmaExtended,
    InjectSkipped,
    InjectTriggered,
    ManualInjectOpened,
    NoteAdded,
    StateAdjusted,
    StateChanged,
)
from .injects import ManualInject

if TYPE_CHECKING:
    from .runtime import Runtime

_EFFECTS: TypeAdapter[list[Effect]] = TypeAdapter(list[Effect])


def trigger_inject(rt: Runtime, inject_id: str) -> None:
    """Land a scenario inject now instead of on its schedule."""
    if inject_id not in rt.plan.injects:
        raise unknown("inject", inject_id, rt.plan.injects)
    _inject_is_pending(rt, inject_id)
    event = rt.emit(InjectTriggered, inject=inject_id)
    rt.injects.land(inject_id, "facilitator", event.seq)
    rt.reactions.settle(event.seq)


def skip_inject(rt: Runtime, inject_id: str) -> None:
    """Strike an inject from the run: it will not land on schedule, by condition, or by an effect."""
    if inject_id not in rt.plan.injects:
        raise unknown("inject", inject_id, rt.plan.injects)
    _inject_is_pending(rt, inject_id)
    rt.emit(InjectSkipped, inject=inject_id)
    rt.injects.skipped[inject_id] = rt.now


def _inject_is_pending(rt: Runtime, inject_id: str) -> None:
    if inject_id in rt.injects.landed:
        raise SessionError(f"inject {inject_id!r} has already landed (day {rt.injects.landed[inject_id].day})")
    if inject_id in rt.injects.skipped:
        raise SessionError(f"inject {inject_id!r} was skipped")


def manual_inject(
    rt: Runtime, title: str, text: str, audience: Audience, effects: Sequence[Effect | Mapping[str, Any]]
) -> str:
    """Land an inject the facilitator wrote now; returns its id (manual-1, manual-2, ...)."""
    if not title.strip():
        raise SessionError("a manual inject needs a title")
    _check_audience(rt, audience)
    try:
        validated = _EFFECTS.validate_python(list(effects))
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise SessionError(f"effect {where}: {first['msg']}") from None
    for effect in validated:
        _check_effect(rt, effect)
    inject_id = f"manual-{len(rt.injects.manual) + 1}"
    audience_value: Audience = audience if isinstance(audience, str) else list(audience)
    event = rt.emit(
        ManualInjectOpened, inject=inject_id, title=title, text=text, audience=audience_value, effects=validated
    )
    rt.injects.manual[inject_id] = ManualInject(inject_id, title, text, audience_value, validated)
    rt.injects.land(inject_id, "manual", event.seq)
    rt.reactions.settle(event.seq)
    return inject_id


def _check_audience(rt: Runtime, audience: Audience) -> None:
    if isinstance(audience, str):
        if audience not in ("all", "facilitator"):
            raise SessionError(f"audience {audience!r} must be 'all', 'facilitator' or a list of member ids")
        return
    if not audience:
        raise SessionError("the audience list is empty: name at least one member, or use 'all'")
    for member in audience:
        if member not in rt.plan.members:
            raise unknown("member", member, rt.plan.members)


def _check_effect(rt: Runtime, effect: Effect) -> None:
    members = rt.plan.members
    if effect.when is not None:
        rt.plan.condition(effect.when)
    if isinstance(effect, ChangeEffect):
        declaration = rt.scenario.state.get(effect.target)
        if declaration is None:
            raise unknown("state", effect.target, rt.scenario.state)
        if isinstance(declaration, NumberMeasure) == isinstance(effect.to, bool) and effect.to is not None:
            raise SessionError(f"{effect.target} cannot be set to {effect.to!r}")
        if not isinstance(declaration, NumberMeasure) and effect.by is not None:
            raise SessionError(f"{effect.target} is a flag: set it with `to: true` or `to: false`")
    elif isinstance(effect, MoveEffect):
        for account in (effect.from_, effect.to):
            if not rt.ledger.has_account(account):
                raise unknown("account", account, [*rt.ledger.budgets, *rt.ledger.pools, "external"])
    elif isinstance(effect, TrustEffect):
        if effect.from_ != "all" and effect.from_ not in members:
            raise unknown("member", effect.from_, members)
        if effect.to not in members:
            raise unknown("member", effect.to, members)
    elif isinstance(effect, InjectEffect) and effect.inject not in rt.plan.injects:
        raise unknown("inject", effect.inject, rt.plan.injects)


def extend_dilemma(rt: Runtime, dilemma_id: str, by: Duration | str) -> None:
    """Give an open dilemma more time."""
    record = rt.dilemmas.records.get(dilemma_id)
    if record is None:
        raise unknown("dilemma", dilemma_id, rt.dilemmas.records)
    if record.status != "open":
        raise SessionError(f"dilemma {dilemma_id!r} is not open")
    duration = _duration(by)
    if duration.count == 0:
        raise SessionError("extend by a positive duration, e.g. '2 weeks'")
    assert record.deadline_day is not None
    new_deadline = rt.plan.day_after(record.deadline_day, duration)
    rt.emit(DilemmaExtended, dilemma=dilemma_id, by=duration, deadline_day=new_deadline)
    rt.dilemmas.extend(record, new_deadline - record.deadline_day)


def _duration(by: Duration | str) -> Duration:
    if isinstance(by, Duration):
        return by
    try:
        return parse_duration(by)
    except PydanticCustomError as error:
        raise SessionError(str(error)) from None


def close_dilemma(rt: Runtime, dilemma_id: str) -> None:
    """Close an open dilemma now; defaults apply to deciders who have not decided."""
    record = rt.dilemmas.records.get(dilemma_id)
    if record is None:
        raise unknown("dilemma", dilemma_id, rt.dilemmas.records)
    if record.status != "open":
        raise SessionError(f"dilemma {dilemma_id!r} is not open")
    event = rt.emit(DilemmaCloseRequested, dilemma=dilemma_id)
    rt.dilemmas.close(record, "facilitator")
    rt.reactions.settle(event.seq)


def adjust_state(rt: Runtime, name: str, value: float | bool, note: str) -> None:
    """Set a state value by hand (numbers are clamped to the declared range)."""
    declaration = rt.scenario.state.get(name)
    if declaration is None:
        raise unknown("state", name, rt.scenario.state)
    if isinstance(declaration, NumberMeasure):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise SessionError(f"{name} is a number: give a number, not {value!r}")
        low, high = declaration.range
        new: float | bool = float(min(max(float(value), low), high))
    else:
        if not isinstance(value, bool):
            raise SessionError(f"{name} is a flag: give true or false, not {value!r}")
        new = value
    event = rt.emit(StateAdjusted, name=name, value=value, note=note)
    before = rt.values[name]
    if new != before:
        rt.set_value(name, new)
    rt.record(StateChanged, name=name, before=before, after=new, site="facilitator", note=note, cause_seq=event.seq)
    rt.reactions.settle(event.seq)


def add_note(rt: Runtime, text: str) -> None:
    """Keep an observer's note in the journal."""
    if not text.strip():
        raise SessionError("the note is empty")
    rt.emit(NoteAdded, text=text)
