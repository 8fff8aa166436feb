"""MetricsTracker: the engine feeds it facts as they happen; it keeps every metric up to date.

It is pure and incremental: no SimPy, no engine imports, and recording one fact costs at most O(members²)
(a decision seen by every member), never a pass over the history. Output is always in the scenario's member
order, so the same facts give byte-identical trust changes and snapshots.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from boardsim.core.impact import StateValue
from boardsim.core.scenario.model import Dilemma, IndividualMode, Member, PledgeMode, Scenario

from . import sentences
from .alignment import GoalAlignment, VoteCohesion, agreement_from_ballots, alignment_composite, resource_alignment
from .appraisal import Appraisal
from .evidence import TrustEvidence, commitment_evidence, decision_evidence, most_chosen, pledge_evidence, tally
from .leadership import LeadershipDistribution
from .plan import MetricsPlan
from .say_do import SayDoGap
from .snapshot import DECIMALS, Cause, MetricsSnapshot, TrustChange, TrustFace, TrustRow, round_metric
from .trust import DEFAULT_FORGETTING_PER_MONTH, FictionalMonths, TrustLedger


class MetricsTracker:
    """Trust, alignment, leadership distribution and say–do gap for one run of a scenario."""

    def __init__(
        self,
        scenario: Scenario,
        *,
        forgetting_per_month: float = DEFAULT_FORGETTING_PER_MONTH,
        explain: bool = True,
        plan: MetricsPlan | None = None,
    ) -> None:
        """Start from the scenario: its trust history (as evidence on day 0) and its starting money.

        `plan` is what the metrics derive from the scenario once (see `MetricsPlan`): pass the same one to
        every tracker of a scenario to skip deriving it again (one is built when not given, or when it was
        built for another scenario). With `explain=False` trust changes carry no sentence (an empty one): for
        callers that never show them, such as a sweep. Every figure is the same either way.
        """
        if plan is None or plan.scenario is not scenario:
            plan = MetricsPlan(scenario)
        self._plan = plan
        self._scenario = scenario
        self._explain = explain
        self._members: dict[str, Member] = plan.members
        self._order = plan.order
        self._names = plan.names
        self._space = plan.space
        self._trust = TrustLedger(
            self._order, FictionalMonths(scenario.calendar.start), forgetting_per_month, plan.starting_trust
        )
        self._goal = GoalAlignment(self._order, plan.shared_vector)
        self._cohesion = VoteCohesion()
        self._leadership = LeadershipDistribution(self._order)
        self._say_do = SayDoGap(self._order, plan.stated, plan.stated_norms)
        self._rounded_say_do: dict[str, float | None] | None = None
        """The say–do gaps as snapshots show them; None once a decision may have changed them."""
        self._budgets: dict[str, float] = dict(plan.budgets)
        self._pools: dict[str, float] = dict(plan.pools)
        self._rounded_matrix: dict[str, dict[str, float]] = {}
        self._rounded_version = -1
        self._rounded_sources: dict[str, dict[str, float]] = {}
        """The ledger's row each rounded row was made from (compared by identity)."""

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
        (row,) = self.record_trust_evidence_rows(day, (truster,), trustee, positive, negative, cause, face=face)
        return TrustChange.from_row(day, cause.event_seq, row)

    def record_trust_evidence_rows(
        self,
        day: int,
        trusters: Sequence[str],
        trustee: str,
        positive: float,
        negative: float,
        cause: Cause,
        *,
        face: TrustFace | None = None,
    ) -> list[TrustRow]:
        """`record_trust_evidence` for each of `trusters` in turn, returning the changes as `TrustRow`s.

        The engine's hot path: a trust effect `from: all` is one call. Everything is checked before anything
        changes.
        """
        for member in (*trusters, trustee):
            self._check_member(member)
        if trustee in trusters:
            raise ValueError(f"a member does not rate its own trustworthiness ({trustee!r} → {trustee!r})")
        if not (math.isfinite(positive) and math.isfinite(negative)) or positive < 0 or negative < 0:
            raise ValueError(
                f"evidence counts must be finite and not negative (positive={positive}, negative={negative})"
            )
        self.advance_time(day)
        changes = self._trust.add_each([(truster, trustee, positive, negative) for truster in trusters])
        names = self._names
        trustee_name = names[trustee]
        rounded_positive = round_metric(positive)
        rounded_negative = round_metric(negative)
        kind = cause.kind
        explain = sentences.ExplicitSentences(trustee_name, cause.sentence) if self._explain else None
        rows: list[TrustRow] = []
        for truster, (before, after) in zip(trusters, changes, strict=True):
            before = round(before, DECIMALS) + 0.0  # round_metric: trust from finite evidence is finite
            after = round(after, DECIMALS) + 0.0
            sentence = explain(names[truster], before, after) if explain is not None else ""
            rows.append((truster, trustee, before, after, rounded_positive, rounded_negative, kind, sentence, face))
        return rows

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
        rows = self.record_decisions_rows(day, dilemma, choices, state_before, carried=carried)
        return [TrustChange.from_row(day, cause_seq, row) for row in rows]

    def record_decisions_rows(
        self,
        day: int,
        dilemma: Dilemma,
        choices: Mapping[str, str | None],
        state_before: Mapping[str, StateValue],
        *,
        carried: str | None = None,
    ) -> list[TrustRow]:
        """`record_decisions`, returning the changes as `TrustRow`s (the engine's hot path)."""
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
        chooser_is_member = isinstance(dilemma.mode, IndividualMode)
        memo = self._plan.appraisal
        dimensions = len(self._space.names)

        def appraise_for(member: str, option_id: str) -> Appraisal:
            return memo(options[option_id], member, state_before, member if chooser_is_member else None)[0]

        for member, option_id in ordered:
            if option_id is not None:
                direction = memo(options[option_id], member, state_before, member if chooser_is_member else None)[1]
                self._goal.add_sparse(member, direction, dimensions)
                self._say_do.add_sparse(member, direction)
                self._rounded_say_do = None
        if not chooser_is_member:
            ballots = [ballot for _, ballot in ordered]
            winner = carried if carried is not None else most_chosen(tally(ballots), list(options))
            self._cohesion.add(agreement_from_ballots(ballots, winner))
        return self._rows(decision_evidence(self._names, dilemma, ordered, appraise_for, explain=self._explain))

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
        return [
            TrustChange.from_row(day, cause_seq, row) for row in self.record_pledges_rows(day, dilemma, pledges, bounds)
        ]

    def record_pledges_rows(
        self,
        day: int,
        dilemma: Dilemma,
        pledges: Mapping[str, int],
        bounds: Mapping[str, tuple[int, int]],
    ) -> list[TrustRow]:
        """`record_pledges`, returning the changes as `TrustRow`s (the engine's hot path)."""
        mode = dilemma.mode
        if not isinstance(mode, PledgeMode):
            raise ValueError(f"dilemma {dilemma.id!r} does not take pledges: record it with record_decisions")
        self.advance_time(day)
        pool_name = self._plan.pool_names.get(mode.pool, mode.pool)
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
        return self._rows(
            pledge_evidence(self._names, dilemma, pool_name, ordered, self._able_to_give_more, explain=self._explain)
        )

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
        rows = self.record_commitment_rows(day, commitment_id, maker, owed_to, kept, promise)
        return [TrustChange.from_row(day, cause_seq, row) for row in rows]

    def record_commitment_rows(
        self, day: int, commitment_id: str, maker: str, owed_to: list[str], kept: bool, promise: str
    ) -> list[TrustRow]:
        """`record_commitment`, returning the changes as `TrustRow`s (the engine's hot path)."""
        self._check_member(maker)
        for member in owed_to:
            self._check_member(member)
        self.advance_time(day)
        owed = set(owed_to)
        ordered = [member for member in self._order if member in owed]
        evidence = commitment_evidence(
            self._names,
            maker,
            ordered,
            kept=kept,
            promise=promise if promise.strip() else commitment_id,
            explain=self._explain,
        )
        return self._rows(evidence)

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
        say_do = self._rounded_say_do
        if say_do is None:  # it only changes with decisions: a time series does not recompute it per event
            say_do = self._rounded_say_do = {member: _rounded(gap) for member, gap in self._say_do.by_member().items()}
        # Everything below is computed here and rounded exactly as MetricsSnapshot's validators would round it,
        # so the model is built without re-validating a members² trust matrix on every event.
        return MetricsSnapshot.model_construct(
            day=day,
            event_seq=event_seq,
            trust=dict(self._rounded_trust()),  # rows shared with other snapshots: see `_rounded_trust`
            board_trust=round_metric(self._trust.board_mean()),
            goal_alignment=_rounded(goal),
            vote_cohesion=_rounded(cohesion),
            resource_alignment=round_metric(resources),
            alignment_composite=_rounded(alignment_composite(goal, cohesion, resources)),
            leadership_distribution=_rounded(self._leadership.value),
            say_do_gap=dict(say_do),
        )

    # -- internals ----------------------------------------------------------------------------------------

    def _rows(self, evidence: list[TrustEvidence]) -> list[TrustRow]:
        """Add each piece of evidence (already checked by the rules that made it) and say what it changed.

        Called after `advance_time(day)`. A board-wide decision gives up to members × (members − 1) pieces,
        so this is the metrics' hot loop: one ledger update, two roundings and one tuple per piece; the evidence
        weights repeat, so their roundings are remembered.
        """
        changes = self._trust.add_each([(item[0], item[1], item[2], item[3]) for item in evidence])
        rounded: dict[float, float] = {}
        rows: list[TrustRow] = []
        for (truster, trustee, positive, negative, face, kind, sentence), (before, after) in zip(
            evidence, changes, strict=True
        ):
            rounded_positive = rounded.get(positive)
            if rounded_positive is None:
                rounded_positive = rounded[positive] = round_metric(positive)
            rounded_negative = rounded.get(negative)
            if rounded_negative is None:
                rounded_negative = rounded[negative] = round_metric(negative)
            rows.append(
                (
                    truster,
                    trustee,
                    round(before, DECIMALS) + 0.0,  # round_metric inlined: trust from finite evidence is finite
                    round(after, DECIMALS) + 0.0,
                    rounded_positive,
                    rounded_negative,
                    kind,
                    sentence,
                    face,
                )
            )
        return rows

    def _rounded_trust(self) -> dict[str, dict[str, float]]:
        """The trust matrix rounded as snapshots show it; only rows the ledger recomputed are rounded again.

        Rows are shared between successive snapshots while they do not change (snapshots are read-only), so a
        snapshot after every event costs a row per truster whose trust moved, not members² roundings.
        """
        if self._rounded_version != self._trust.version:
            sources = self._rounded_sources
            rounded = self._rounded_matrix
            fresh: dict[str, dict[str, float]] = {}
            for truster, row in self._trust.rows().items():
                if sources.get(truster) is row:
                    fresh[truster] = rounded[truster]
                else:
                    fresh[truster] = {trustee: round_metric(value) for trustee, value in row.items()}
                    sources[truster] = row
            self._rounded_matrix = fresh
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
