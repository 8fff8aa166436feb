"""Reactions: re-check what depends on what changed, and set off what a condition was waiting for.

Parts of the run change state through `Runtime.touch(key)`. At the end of each unit of work (an inject
landing, a dilemma closing, a delayed effect, a facilitator command) `settle` looks up only the
accountabilities and `when` triggers that read a changed key, re-evaluates those, journals breaches, and
lands injects / opens dilemmas whose condition has become true — repeating until nothing more changes. The
cost of an event is therefore proportional to what depends on it, not to the size of the scenario.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from boardsim.core.expressions import holds

from .plan import TIME, Trigger

if TYPE_CHECKING:
    from .runtime import Runtime

MAX_ROUNDS = 100
"""Accountabilities that read each other's breaches could flip forever; stop after this many rounds."""


class Reactions:
    """The dependency index from keys to accountabilities and triggers, and the settle loop."""

    def __init__(self, runtime: Runtime) -> None:
        self._rt = runtime
        index = runtime.plan.reactions
        assert index is not None
        self._accountabilities_by_key = index.accountabilities_by_key
        self.triggers = index.triggers
        self._triggers_by_key = index.triggers_by_key
        self.armed = [True] * len(self.triggers)
        self._time_accountabilities = bool(index.accountabilities_by_key.get(TIME))
        self._time_triggers = index.triggers_by_key.get(TIME, [])

    @property
    def time_sensitive(self) -> bool:
        """Whether a condition still watched reads elapsed months or fading trust (then month ticks are needed).

        Accountabilities are watched all run long; a trigger only until it fires.
        """
        return self._time_accountabilities or any(self.armed[index] for index in self._time_triggers)

    def start(self) -> None:
        """Take stock on day 0: breaches the members start in, and triggers already true."""
        rt = self._rt
        rt.accountabilities.evaluate(range(len(rt.accountabilities.entries)), None)
        for trigger in self.triggers:
            self._try(trigger, None)
        self.settle(None)

    def settle(self, cause_seq: int | None) -> None:
        """Re-evaluate everything that reads a changed key, until nothing more changes."""
        rt = self._rt
        if not rt.dirty:
            return
        rounds = 0
        while rt.dirty and rounds < MAX_ROUNDS:
            keys = list(rt.dirty)
            rt.dirty.clear()
            if len(keys) == 1:  # the common case: the index lists are already in order
                accountabilities: list[int] = self._accountabilities_by_key.get(keys[0], [])
                triggers: list[int] = self._triggers_by_key.get(keys[0], [])
            else:
                accountabilities = sorted({i for key in keys for i in self._accountabilities_by_key.get(key, ())})
                triggers = sorted({i for key in keys for i in self._triggers_by_key.get(key, ())})
            if accountabilities:
                rt.accountabilities.evaluate(accountabilities, cause_seq)
            for index in triggers:
                self._try(self.triggers[index], cause_seq)
            rounds += 1
        rt.dirty.clear()

    def _try(self, trigger: Trigger, cause_seq: int | None) -> None:
        rt = self._rt
        if not self.armed[trigger.index] or not holds(trigger.condition, rt.context):
            return
        self.armed[trigger.index] = False
        if trigger.kind == "inject":
            rt.injects.land(trigger.target, "condition", cause_seq)
        else:
            rt.dilemmas.open(trigger.target, "condition")
