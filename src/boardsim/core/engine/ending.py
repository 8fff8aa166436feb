"""The end of a run: the horizon is reached, open dilemmas close, and the debrief questions are raised."""

from __future__ import annotations

from typing import TYPE_CHECKING

from boardsim.core.expressions import holds

from .events import DebriefPromptRaised, RunEnded

if TYPE_CHECKING:
    from .runtime import Runtime


def finish(rt: Runtime) -> None:
    """Bring fictional time to the horizon and close the run."""
    rt.run_out_the_clock()
    desk = rt.dilemmas
    # Closing one dilemma can open another (a `when` on the first's outcome); close those too.
    while True:
        still_open = [desk.records[d] for d in desk.open_order if desk.records[d].status == "open"]
        if not still_open:
            break
        for record in still_open:
            desk.close(record, "horizon")
    rt.reactions.settle(None)
    for prompt in rt.scenario.debrief:
        if prompt.when is None or holds(rt.plan.condition(prompt.when), rt.context):
            rt.emit(DebriefPromptRaised, prompt=prompt.prompt, about=list(prompt.about))
    rt.emit(RunEnded)
