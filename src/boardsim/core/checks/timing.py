"""Time: dilemmas that never open, injects nothing sets off, and anything scheduled after the horizon (which
never happens, because the run stops there)."""

from __future__ import annotations

from collections.abc import Iterator

from boardsim.core.diagnostics import Finding, YamlPath, finding
from boardsim.core.scenario import Dilemma, InjectEffect
from boardsim.core.scenario.quantities import Duration

from .index import EffectSite, ScenarioIndex


def check_timing(index: ScenarioIndex) -> Iterator[Finding]:
    yield from _injects(index)
    yield from _dilemmas(index)
    yield from _delayed_effects(index)
    yield from _commitments(index)


def _horizon(index: ScenarioIndex) -> str:
    return f"the horizon ({index.scenario.calendar.horizon} after {index.start.isoformat()})"


def _injects(index: ScenarioIndex) -> Iterator[Finding]:
    fired_by_effects = {site.effect.inject for site in index.effects if isinstance(site.effect, InjectEffect)}
    for i, inject in enumerate(index.scenario.timeline):
        if inject.at is not None:
            day = index.day_of(inject.at)
            if day > index.horizon_day:
                yield finding(
                    "after-horizon",
                    f"inject `{inject.id}` lands at {inject.at}, after {_horizon(index)}, so it never lands: "
                    "bring it forward or extend `calendar.horizon`",
                    ("timeline", i, "at"),
                )
        elif inject.when is None and not inject.manual and inject.id not in fired_by_effects:
            yield finding(
                "never-fires",
                f"inject `{inject.id}` has no `at` or `when`, is not `manual`, and no effect fires it, so it never "
                "lands: give it a time or a condition, mark it `manual: true`, or fire it from an effect",
                ("timeline", i, "id"),
            )


def _open_day(index: ScenarioIndex, dilemma: Dilemma) -> int | None:
    """The earliest day a dilemma can open (0 for condition-opened ones), None if it never opens."""
    if dilemma.at is not None:
        return index.day_of(dilemma.at)
    return 0 if dilemma.when is not None else None


def _dilemmas(index: ScenarioIndex) -> Iterator[Finding]:
    for i, dilemma in enumerate(index.scenario.dilemmas):
        base: YamlPath = ("dilemmas", i)
        if dilemma.at is None and dilemma.when is None:
            yield finding(
                "no-trigger",
                f"dilemma `{dilemma.id}` has neither `at` nor `when`, so it never opens: give it a time "
                "('3 months') or a condition",
                (*base, "id"),
            )
            continue
        when_site = index.condition_at.get((*base, "when"))
        if when_site is not None and index.never_holds(when_site):
            yield finding(
                "never-fires",
                f"dilemma `{dilemma.id}` never opens: its `when` can never be true given the declared ranges",
                (*base, "when"),
                hint="check the comparison against each measure's `range`",
            )
            continue
        open_day = _open_day(index, dilemma)
        assert open_day is not None
        if dilemma.at is not None and open_day > index.horizon_day:
            yield finding(
                "after-horizon",
                f"dilemma `{dilemma.id}` opens at {dilemma.at}, after {_horizon(index)}, so it never opens: "
                "bring it forward or extend `calendar.horizon`",
                (*base, "at"),
            )
            continue
        if open_day + index.span_days(dilemma.deadline, open_day) > index.horizon_day:
            yield finding(
                "after-horizon",
                f"the deadline of dilemma `{dilemma.id}` ({dilemma.deadline} after it opens) falls after "
                f"{_horizon(index)}, so the default never applies to those who do not decide",
                (*base, "deadline"),
                hint="shorten the deadline, open the dilemma earlier or extend `calendar.horizon`",
            )


def _host_day(index: ScenarioIndex, site: EffectSite) -> int | None:
    """The earliest day the effect's host can act: its dilemma's opening, or its inject's landing."""
    if site.dilemma is not None:
        return _open_day(index, site.dilemma)
    assert site.inject is not None
    return index.day_of(site.inject.at) if site.inject.at is not None else 0


def _lands_after_horizon(index: ScenarioIndex, host_day: int | None, delay: Duration) -> bool:
    if host_day is None or host_day > index.horizon_day:
        return False  # the host itself never acts; reported on the host
    return host_day + index.span_days(delay, host_day) > index.horizon_day


def _delayed_effects(index: ScenarioIndex) -> Iterator[Finding]:
    for site in index.effects:
        delay = site.effect.after
        if delay is None or not _lands_after_horizon(index, _host_day(index, site), delay):
            continue
        yield finding(
            "after-horizon",
            f"this effect lands {delay} after its {_host_noun(site)} acts, which is after {_horizon(index)} even at "
            "the earliest, so it never lands: shorten `after` or extend `calendar.horizon`",
            (*site.path, "after"),
        )


def _host_noun(site: EffectSite) -> str:
    if site.inject is not None:
        return f"inject `{site.inject.id}`"
    assert site.dilemma is not None
    return f"dilemma `{site.dilemma.id}`"


def _commitments(index: ScenarioIndex) -> Iterator[Finding]:
    for site in index.commitment_sites:
        if _lands_after_horizon(index, _open_day(index, site.dilemma), site.commitment.due):
            yield finding(
                "after-horizon",
                f"commitment `{site.commitment.id}` falls due {site.commitment.due} after dilemma "
                f"`{site.dilemma.id}` is decided, which is after {_horizon(index)} even at the earliest, so it is "
                "never checked: shorten `due` or extend `calendar.horizon`",
                (*site.path, "due"),
            )
