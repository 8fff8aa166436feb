"""The simulation engine: a scenario played as discrete events on its fictional calendar, journalled in full.

Drive it through `Session` (see `boardsim.core.engine.session`); read what happened from `Session.journal`
and the views. `facilitator_guide/engine.md` explains how a run unfolds.
"""

from .errors import JournalMismatch, SessionError
from .events import EVENT_ADAPTER, Event
from .journal import JOURNAL_FORMAT, Journal, JournalFormatError, JournalHeader, scenario_digest
from .plan import ScenarioPlan, build_plan
from .runtime import Detail
from .seats import BotSeat, ForcedChoice, HumanSeat, Seat
from .session import Session
from .stops import AdvanceUntil, DecisionPoint, Stop
from .view_models import BoardView, FacilitatorView, MemberView

__all__ = [
    "EVENT_ADAPTER",
    "JOURNAL_FORMAT",
    "AdvanceUntil",
    "BoardView",
    "BotSeat",
    "DecisionPoint",
    "Detail",
    "Event",
    "FacilitatorView",
    "ForcedChoice",
    "HumanSeat",
    "Journal",
    "JournalFormatError",
    "JournalHeader",
    "JournalMismatch",
    "MemberView",
    "ScenarioPlan",
    "Seat",
    "Session",
    "SessionError",
    "Stop",
    "build_plan",
    "scenario_digest",
]
