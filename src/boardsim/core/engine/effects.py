"""Effects: what options, injects and dilemmas do to the world — now, later, if, and by chance.

An effect without `after` lands at once; with `after` it is put on the calendar and lands then. A `when`
condition is checked at the moment the effect lands, not when it was scheduled. A `chance` is drawn from a
stream of random numbers belonging to that effect's place in the scenario (its *site*, plus the chooser), so
adding an effect elsewhere in a scenario never changes whether this one lands.

Every landing, skip and schedule is journalled with the site it came from and the event that caused it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from random import Random
from typing import TYPE_CHECKING

from boardsim.core.metrics import Cause
from boardsim.core.randomness import derive_seed
from boardsim.core.scenario.model import (
    ChangeEffect,
    Effect,
    InjectEffect,
    MoveEffect,
    NumberMeasure,
    TrustEffect,
)
from boardsim.core.scenario.quantities import format_money

from .clock import PHASE_EFFECT
from .events import EffectScheduled, EffectSkipped, MoneyMoved, SkipReason, StateChanged

if TYPE_CHECKING:
    from .runtime import Runtime


@dataclass(slots=True)
class PendingEffect:
    """A delayed effect on the calendar, not yet landed."""

    scheduled_seq: int
    effect: Effect
    site: str
    chooser: str | None
    lead: str | None
    due_day: int
    because: str


def resolve_member(reference: str, chooser: str | None, lead: str | None) -> str | None:
    """`chooser` and `lead` become the bound member (None if unbound); other references pass through."""
    if reference == "chooser":
        return chooser
    if reference == "lead":
        return lead
    return reference


def summarise(effect: Effect) -> str:
    """A short description of an effect for the facilitator's list of consequences in motion."""
    if isinstance(effect, ChangeEffect):
        if isinstance(effect.to, bool):
            text = f"{effect.target} set to {str(effect.to).lower()}"
        elif effect.to is not None:
            text = f"{effect.target} set to {effect.to:g}"
        else:
            text = f"{effect.target} {effect.by:+g}"
    elif isinstance(effect, MoveEffect):
        text = f"{format_money(effect.amount)} from {effect.from_} to {effect.to}"
    elif isinstance(effect, TrustEffect):
        text = f"trust of {effect.from_} in {effect.to} {effect.by:+g}"
    else:
        text = f"inject {effect.inject} lands"
    if effect.when:
        text += f" if {effect.when}"
    if effect.chance is not None:
        text += f" (chance {effect.chance:g})"
    return f"{text} — {effect.note}" if effect.note else text


class EffectRunner:
    """Applies effects to the run and keeps the calendar of delayed ones."""

    def __init__(self, runtime: Runtime) -> None:
        self._rt = runtime
        self.pending: dict[int, PendingEffect] = {}
        """Delayed effects not yet landed, by the seq of their EffectScheduled event."""
        self._streams: dict[str, Random] = {}

    def apply(
        self,
        effects: list[Effect],
        site: str,
        *,
        cause_seq: int,
        because: str,
        chooser: str | None = None,
        lead: str | None = None,
    ) -> list[PendingEffect]:
        """Land the immediate effects now and schedule the delayed ones; returns what was scheduled."""
        scheduled: list[PendingEffect] = []
        for effect, effect_site in zip(effects, self._rt.plan.effect_sites(site, len(effects)), strict=False):
            if effect.after is None:
                self.land(effect, effect_site, chooser, lead, cause_seq, because)
            else:
                scheduled.append(self._schedule(effect, effect_site, chooser, lead, cause_seq, because))
        return scheduled

    def _schedule(
        self, effect: Effect, site: str, chooser: str | None, lead: str | None, cause_seq: int, because: str
    ) -> PendingEffect:
        rt = self._rt
        assert effect.after is not None
        plan = rt.plan
        due = plan.day_after(rt.now, effect.after)
        seq = rt.record(
            EffectScheduled, site=site, kind=effect.kind, due_day=due, summary=plan.summary(effect), cause_seq=cause_seq
        )
        pending = PendingEffect(seq, effect, site, chooser, lead, due, because)
        self.pending[seq] = pending
        rt.call_at(due, PHASE_EFFECT, partial(self._land_pending, pending))
        return pending

    def _land_pending(self, pending: PendingEffect, _event: object = None) -> None:
        del self.pending[pending.scheduled_seq]
        self.land(pending.effect, pending.site, pending.chooser, pending.lead, pending.scheduled_seq, pending.because)
        self._rt.reactions.settle(pending.scheduled_seq)

    def land(
        self, effect: Effect, site: str, chooser: str | None, lead: str | None, cause_seq: int, because: str
    ) -> None:
        """Land one effect now, if its condition holds and its chance comes up."""
        rt = self._rt
        if effect.when is not None and not rt.plan.condition(effect.when).evaluator(rt.context):
            self._skip(site, "condition-false", f"{effect.when} does not hold", cause_seq)
            return
        if effect.chance is not None:
            draw = self._stream(site, chooser).random()
            if draw >= effect.chance:
                self._skip(site, "chance-failed", f"drew {draw:.3f} against a chance of {effect.chance:g}", cause_seq)
                return
        if isinstance(effect, ChangeEffect):
            self._change(effect, site, cause_seq)
        elif isinstance(effect, MoveEffect):
            self._move(effect, site, chooser, lead, cause_seq)
        elif isinstance(effect, TrustEffect):
            self._trust(effect, site, chooser, lead, cause_seq, because)
        else:
            self._inject(effect, site, cause_seq)

    def _stream(self, site: str, chooser: str | None) -> Random:
        label = f"chance:{site}" if chooser is None else f"chance:{site}@{chooser}"
        stream = self._streams.get(label)
        if stream is None:
            stream = self._streams[label] = Random(derive_seed(self._rt.seed, label))
        return stream

    def _skip(self, site: str, reason: SkipReason, detail: str, cause_seq: int) -> None:
        self._rt.record(EffectSkipped, site=site, reason=reason, detail=detail, cause_seq=cause_seq)

    def _change(self, effect: ChangeEffect, site: str, cause_seq: int) -> None:
        rt = self._rt
        declaration = rt.scenario.state.get(effect.target)
        if declaration is None:
            self._skip(site, "unresolved-reference", f"no state called {effect.target!r}", cause_seq)
            return
        before = rt.values[effect.target]
        after: float | bool
        if isinstance(declaration, NumberMeasure):
            if isinstance(effect.to, bool):
                self._skip(site, "unresolved-reference", f"{effect.target} is a number, not a flag", cause_seq)
                return
            target = float(before) + effect.by if effect.by is not None else float(effect.to or 0.0)
            low, high = declaration.range
            after = float(min(max(target, low), high))
        else:
            if not isinstance(effect.to, bool):
                self._skip(
                    site, "unresolved-reference", f"{effect.target} is a flag: set it to true or false", cause_seq
                )
                return
            after = effect.to
        if after != before:
            rt.set_value(effect.target, after)
        rt.record(
            StateChanged,
            name=effect.target,
            before=before,
            after=after,
            site=site,
            note=effect.note,
            cause_seq=cause_seq,
        )

    def _move(self, effect: MoveEffect, site: str, chooser: str | None, lead: str | None, cause_seq: int) -> None:
        rt = self._rt
        source = resolve_member(effect.from_, chooser, lead)
        target = resolve_member(effect.to, chooser, lead)
        for reference, account in ((effect.from_, source), (effect.to, target)):
            if account is None or not rt.ledger.has_account(account):
                detail = f"{reference!r} is not an account here" if account is None else f"no account {account!r}"
                self._skip(site, "unresolved-reference", detail, cause_seq)
                return
        assert source is not None
        assert target is not None
        rt.move_money(source, target, effect.amount)
        rt.record(
            MoneyMoved,
            from_account=source,
            to_account=target,
            amount=effect.amount,
            site=site,
            note=effect.note,
            cause_seq=cause_seq,
        )

    def _trust(
        self, effect: TrustEffect, site: str, chooser: str | None, lead: str | None, cause_seq: int, because: str
    ) -> None:
        rt = self._rt
        trustee = resolve_member(effect.to, chooser, lead)
        if trustee is None or trustee not in rt.plan.members:
            self._skip(site, "unresolved-reference", f"{effect.to!r} is not a member here", cause_seq)
            return
        if effect.from_ == "all":
            trusters = [member for member in rt.plan.members if member != trustee]
        else:
            truster = resolve_member(effect.from_, chooser, lead)
            if truster is None or truster not in rt.plan.members or truster == trustee:
                self._skip(site, "unresolved-reference", f"{effect.from_!r} cannot judge {trustee!r} here", cause_seq)
                return
            trusters = [truster]
        if effect.by == 0:
            return
        positive, negative = (effect.by, 0.0) if effect.by > 0 else (0.0, -effect.by)
        cause = Cause(event_seq=cause_seq, kind="effect", sentence=effect.note or because)
        rt.record_trust_changes(
            cause_seq, rt.metrics.record_trust_evidence(rt.now, trusters, trustee, positive, negative, cause)
        )

    def _inject(self, effect: InjectEffect, site: str, cause_seq: int) -> None:
        injects = self._rt.injects
        if effect.inject in injects.skipped:
            self._skip(site, "inject-skipped", f"the facilitator skipped {effect.inject}", cause_seq)
        elif effect.inject in injects.landed:
            self._skip(site, "already-landed", f"{effect.inject} has already landed", cause_seq)
        elif not injects.land(effect.inject, "effect", cause_seq):
            self._skip(site, "unresolved-reference", f"no inject {effect.inject!r}", cause_seq)
