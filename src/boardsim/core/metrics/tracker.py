"""MetricsTracker: the engine feeds it facts as they happen; it keeps every metric up to date.

It is pure and incremental: no SimPy, no engine imports, and recording one fact costs at most O(members²)
(a decision seen by every member), never a pass over the history. Output is always in the scenario's member
order, so the same facts give byte-identical trust changes and snapshots.
"""

from __future__ import annotations

from collections.abc import Mapping

from boardsim.core.impact import StateValue
from boardsim.core.scenario.model import Dilemma, IndividualMode, Member, PledgeMode, Scenario

from . import sentences
from .alignment import GoalAlignment, VoteCohesion, agreement_from_ballots, alignment_composite, resource_alignment
from .appraisal import Appraisal, MeasureSpace, appraise
from .evidence import TrustEvidence, commitment_evidence, decision_evidence, most_chosen, pledge_evidence, tally
from .leadership import LeadershipDistribution
from .say_do import SayDoGap
from .snapshot import Cause, MetricsSnapshot, TrustChange, TrustFace, round_metric
from .trust import DEFAULT_FORGETTING_PER_MONTH, FictionalMonths, TrustLedger


class MetricsTracker:
    """Trust, alignment, leadership distribution and say–do gap for one run of a scenario."""

    def __init__(self, scenario: Scenario, *, forgetting_per_month: float = DEFAULT_FORGETTING_PER_MONTH) -> None:
        """Start from the scenario: its trust history (as evidence on day 0) and its starting money."""
        self._scenario = scenario
        self._members: dict[str, Member] = {member.id: member for member in scenario.members}
        self._order = list(self._members)
        self._names = {member.id: member.name for member in scenario.members}
        self._space = MeasureSpace(scenario)
        self._trust = TrustLedger(self._order, FictionalMonths(scenario.calendar.start), forgetting_per_month)
        for history in scenario.trust:
            if history.from_ != history.to and {history.from_, history.to} <= self._members.keys():
                self._trust.add(history.from_, history.to, history.positive, history.negative)
        self._goal = GoalAlignment(self._order, self._space.priorities(scenario.shared_purpose.priorities))
        self._cohesion = VoteCohesion()
        self._leadership = LeadershipDistribution(self._order)
        self._say_do = SayDoGap(
            self._order, {member.id: self._space.priorities(member.priorities) for member in scenario.members}
        )
        self._budgets: dict[str, float] = {
            member.id: float(member.budget.amount) for member in scenario.members if member.budget is not None
        }
        self._pools: dict[str, float] = {pool.id: float(pool.initial) for pool in scenario.pools}
        self._rounded_matrix: dict[str, dict[str, float]] = {}
        self._rounded_version = -1

    # -- time ---------------------------------------------------------------------------------------------

    @property
    def day(self) -> int:
        """The fictional day the tracker has reached."""
        return self._trust.day

    def advance_time(self, day: int) -> None:
        """Bring the tracker to fictional `day`: older trust evidence fades. Every record_* call does this too."""
        self._trust.advance(day)

    # -- trust evidence -----------------------------------------------------------------------------------

    def record_trust_evidence(
        self,
        day: int,
        truster: str,
        trustee: str,
        positive: float,
        negative: float,
        cause: Cause,
        *,
        face: TrustFace | None = None,
    ) -> TrustChange:
        """Explicit evidence (a scenario trust effect): `truster` has `positive`/`negative` experiences of `trustee`.

        The cause's sentence is kept when it names both members; otherwise it is completed so that it does
        (see `sentences.explicit_sentence`). Raises ValueError for unknown members, self-trust, negative counts
        or a day before the tracker's.
        """
        self._check_member(truster)
        self._check_member(trustee)
        self.advance_time(day)
        before, after = self._trust.add(truster, trustee, positive, negative)
        sentence = sentences.explicit_sentence(
            self._names[truster], self._names[trustee], round_metric(before), round_metric(after), cause.sentence
        )
        return TrustChange(
            day=day,
            truster=truster,
            trustee=trustee,
            before=before,
            after=after,
            positive=positive,
            negative=negative,
            cause=Cause(event_seq=cause.event_seq, kind=cause.kind, sentence=sentence),
            face=face,
        )

    def record_decisions(
        self,
        day: int,
        cause_seq: int,
        dilemma: Dilemma,
        choices: Mapping[str, str | None],
        state_before: Mapping[str, StateValue],
        *,
        carried: str | None = None,
    ) -> list[TrustChange]:
        """Revealed individual choices or recorded votes: member → option id (None = abstained).

        Updates goal alignment and the say–do gap for every member that chose, the Agreement Index for a vote
        (Y = votes for `carried`, or for the most-voted option when not given), and returns the trust changes
        from costly cooperation and defection. `state_before` is the state just before the options' effects.
        """
        if isinstance(dilemma.mode, PledgeMode):
            raise ValueError(f"dilemma {dilemma.id!r} takes pledges: record it with record_pledges")
        options = {option.id: option for option in dilemma.options}
        for member in choices:
            self._check_member(member)
        for option_id in (*choices.values(), carried):
            if option_id is not None and option_id not in options:
                raise ValueError(f"{option_id!r} is not an option of dilemma {dilemma.id!r}")
        self.advance_time(day)
        ordered = [(member, choices[member]) for member in self._order if member in choices]
        individual = isinstance(dilemma.mode, IndividualMode)
        appraisals: dict[tuple[str, str], Appraisal] = {}

        def appraise_for(member: str, option_id: str) -> Appraisal:
            key = (member, option_id)
            if key not in appraisals:
                appraisals[key] = appraise(
                    options[option_id],
                    self._members[member],
                    self._scenario,
                    state_before,
                    chooser=member if individual else None,
                )
            return appraisals[key]

        for member, option_id in ordered:
            if option_id is not None:
                direction = self._space.direction(appraise_for(member, option_id).measures)
                self._goal.add(member, direction)
                self._say_do.add(member, direction)
        if not individual:
            ballots = [ballot for _, ballot in ordered]
            winner = carried if carried is not None else most_chosen(tally(ballots), list(options))
            self._cohesion.add(agreement_from_ballots(ballots, winner))
        evidence = decision_evidence(self._names, dilemma, ordered, appraise_for)
        return [self._apply(day, item, cause_seq) for item in evidence]

    def record_pledges(
        self,
        day: int,
        cause_seq: int,
        dilemma: Dilemma,
        pledges: Mapping[str, int],
        bounds: Mapping[str, tuple[int, int]],
    ) -> list[TrustChange]:
        """Pledges into the dilemma's pool: member → amount, with each member's (least, most) it could pledge.

        Members missing from `bounds` get the dilemma's own bounds for them. Returns the trust changes from
        generous and minimal pledges.
        """
        mode = dilemma.mode
        if not isinstance(mode, PledgeMode):
            raise ValueError(f"dilemma {dilemma.id!r} does not take pledges: record it with record_decisions")
        self.advance_time(day)
        pool_name = next((pool.name for pool in self._scenario.pools if pool.id == mode.pool), mode.pool)
        ordered: list[tuple[str, int, int, int]] = []
        for member in pledges:
            self._check_member(member)
        for member in self._order:
            if member not in pledges:
                continue
            if member in bounds:
                low, high = bounds[member]
            elif member in mode.bounds:
                low, high = mode.bounds[member].min, mode.bounds[member].max
            else:
                low, high = mode.min, mode.max
            ordered.append((member, pledges[member], low, high))
        evidence = pledge_evidence(self._names, dilemma, pool_name, ordered, self._able_to_give_more)
        return [self._apply(day, item, cause_seq) for item in evidence]

    def record_commitment(
        self,
        day: int,
        cause_seq: int,
        commitment_id: str,
        maker: str,
        owed_to: list[str],
        kept: bool,
        promise: str,
    ) -> list[TrustChange]:
        """A commitment fell due: every member it was owed to (except the maker) learns whether it was kept.

        The sentence quotes `promise`; a blank promise is named by `commitment_id` instead.
        """
        self._check_member(maker)
        for member in owed_to:
            self._check_member(member)
        self.advance_time(day)
        ordered = [member for member in self._order if member in owed_to]
        evidence = commitment_evidence(
            self._names, maker, ordered, kept=kept, promise=promise if promise.strip() else commitment_id
        )
        return [self._apply(day, item, cause_seq) for item in evidence]

    # -- leadership and money -----------------------------------------------------------------------------

    def record_lead(self, day: int, member: str) -> None:
        """`member` led an option that carried (vote) or was chosen (individual)."""
        self._check_member(member)
        self.advance_time(day)
        self._leadership.add(member)

    def record_money(self, budgets: Mapping[str, int], pools: Mapping[str, int]) -> None:
        """The current balance of members' budgets and pools (accounts not given keep their last balance)."""
        for member, balance in budgets.items():
            self._check_member(member)
            self._budgets[member] = float(balance)
        for pool, balance in pools.items():
            if pool not in self._pools:
                raise ValueError(f"unknown pool {pool!r}: the scenario's pools are {', '.join(self._pools) or 'none'}")
            self._pools[pool] = float(balance)

    # -- reading ------------------------------------------------------------------------------------------

    def trust(self, truster: str, trustee: str) -> float:
        """Expected trust of `truster` in `trustee` now, 0..1 (rounded as in snapshots)."""
        return round_metric(self._trust.expected(truster, trustee))

    def evidence(self, truster: str, trustee: str) -> tuple[float, float]:
        """The (positive, negative) evidence behind `trust(truster, trustee)` now, after forgetting."""
        positive, negative = self._trust.evidence(truster, trustee)
        return round_metric(positive), round_metric(negative)

    def snapshot(self, day: int, event_seq: int) -> MetricsSnapshot:
        """Every metric as it stands on `day`, after event `event_seq`."""
        self.advance_time(day)
        goal = self._goal.value
        cohesion = self._cohesion.value
        resources = resource_alignment(self._budgets.values(), self._pools.values())
        say_do = self._say_do.by_member()
        # Everything below is computed here and rounded exactly as MetricsSnapshot's validators would round it,
        # so the model is built without re-validating a members² trust matrix on every event.
        return MetricsSnapshot.model_construct(
            day=day,
            event_seq=event_seq,
            trust={truster: dict(row) for truster, row in self._rounded_trust().items()},
            board_trust=round_metric(self._trust.board_mean()),
            goal_alignment=_rounded(goal),
            vote_cohesion=_rounded(cohesion),
            resource_alignment=round_metric(resources),
            alignment_composite=_rounded(alignment_composite(goal, cohesion, resources)),
            leadership_distribution=_rounded(self._leadership.value),
            say_do_gap={member: _rounded(gap) for member, gap in say_do.items()},
        )

    # -- internals ----------------------------------------------------------------------------------------

    def _apply(self, day: int, evidence: TrustEvidence, event_seq: int) -> TrustChange:
        self.advance_time(day)
        before, after = self._trust.add(evidence.truster, evidence.trustee, evidence.positive, evidence.negative)
        return TrustChange(
            day=day,
            truster=evidence.truster,
            trustee=evidence.trustee,
            before=before,
            after=after,
            positive=evidence.positive,
            negative=evidence.negative,
            cause=Cause(event_seq=event_seq, kind=evidence.kind, sentence=evidence.sentence),
            face=evidence.face,
        )

    def _rounded_trust(self) -> dict[str, dict[str, float]]:
        if self._rounded_version != self._trust.version:
            self._rounded_matrix = {
                truster: {trustee: round_metric(value) for trustee, value in row.items()}
                for truster, row in self._trust.matrix().items()
            }
            self._rounded_version = self._trust.version
        return self._rounded_matrix

    def _able_to_give_more(self, member: str) -> bool:
        budget = self._members[member].budget
        floor = budget.floor if budget is not None else 0
        return self._budgets.get(member, 0.0) > floor

    def _check_member(self, member: str) -> None:
        if member not in self._members:
            known = ", ".join(self._order)
            raise ValueError(f"unknown member {member!r}: the scenario's members are {known}")


def _rounded(value: float | None) -> float | None:
    return None if value is None else round_metric(value)
