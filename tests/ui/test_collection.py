"""The console keeps Python's full garbage collection out of key presses: what is alive after a command is
frozen, and garbage frozen that way is reclaimed by the collection the console runs when it is idle."""

from __future__ import annotations

import gc
import weakref

from textual.app import App

from boardsim.ui.collection import CollectionPacer

from .support import run


class Cycle:
    """An object in a reference cycle: only the cycle collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_frozen_garbage_is_reclaimed_when_idle() -> None:
    """A cycle dropped after a command's freeze survives ordinary collections, and the idle collection frees it."""

    async def scenario() -> tuple[bool, int, bool, bool]:
        app: App[None] = App()
        async with app.run_test():
            pacer = CollectionPacer(app)
            try:
                cycle = Cycle()
                alive = weakref.ref(cycle)
                pacer.command_done()
                frozen = gc.get_freeze_count()
                del cycle
                gc.collect()
                survived_ordinary_collection = alive() is not None
                pacer._collect_everything()
                return survived_ordinary_collection, frozen, alive() is None, gc.get_freeze_count() > 0
            finally:
                pacer.stop()

    survived, frozen, freed, refrozen = run(scenario())
    assert frozen > 0
    assert survived
    assert freed
    assert refrozen


def test_stopping_unfreezes_everything() -> None:
    """When the run is over nothing stays frozen."""

    async def scenario() -> int:
        app: App[None] = App()
        async with app.run_test():
            pacer = CollectionPacer(app)
            pacer.command_done()
            pacer.stop()
            return gc.get_freeze_count()

    assert run(scenario()) == 0
