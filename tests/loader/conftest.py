"""Shared fixtures for the loader tests: a small valid scenario, and helpers to write and load files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from boardsim.adapters.scenario_loader import LoadResult, load_scenario
from boardsim.core.diagnostics import Finding

# Line numbers in this text are relied on by tests (they say which line they expect); append, don't insert.
VALID_SCENARIO = """\
format: boardsim/1
id: tiny-board
title: A tiny board
synopsis: Two members and one dilemma.
place: Testshire
calendar: {start: 2027-04-01, unit: month, horizon: 12 months}
state:
  delayed_discharges: {type: number, initial: 80, range: [0, 300], unit: patients, doc: People stuck in hospital}
  s75_signed: {type: flag, initial: false, doc: Section 75 agreement signed}
members:
  - id: council
    name: Testshire Council
    kind: council
    seat: Leader of the Council
    brief: Balance the books.
    budget: {amount: "£120m", floor: "£0"}
    priorities: {delayed_discharges: -0.5}
    accountabilities:
      - id: discharges-down
        kind: target
        description: Keep delayed discharges under control.
        holds_when: 'delayed_discharges < 250'
        severity: high
        answers_to: Full council
  - id: icb
    name: Testshire ICB
    kind: icb
    seat: Chief Executive
    brief: Break even.
    budget: {amount: "£300m"}
shared_purpose:
  statement: Fewer people stuck in hospital.
  priorities: {delayed_discharges: -1}
pools:
  - {id: bcf-pool, name: Better Care Fund, host: council, initial: "£0"}
timeline:
  - id: winter-letter
    at: 3 months
    title: Winter letter
    text: NHS England writes.
    effects:
      - {kind: change, target: delayed_discharges, by: 20}
dilemmas:
  - id: risk-share
    title: Who carries the overspend?
    prompt: Decide the risk share.
    at: 2 months
    deadline: 1 month
    default: fifty-fifty
    mode: {kind: vote, rule: majority, quorum: 0.5}
    options:
      - id: fifty-fifty
        label: Split it
        requires: 'budget("icb") > £1m'
        lead: icb
        effects:
          - {kind: move, from: icb, to: bcf-pool, amount: "£2m"}
          - {kind: change, target: s75_signed, to: true}
          - {kind: inject, inject: winter-letter, after: 1 month}
      - id: icb-carries
        label: ICB carries it
        effects:
          - {kind: trust, from: all, to: icb, by: 1}
          - {kind: change, target: delayed_discharges, by: -10, when: s75_signed}
playthroughs:
  - name: everyone-shares
    seed: 7
    choices: {risk-share: fifty-fifty}
    expect: ['chosen("risk-share") == "fifty-fifty"']
"""


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of the first line containing `fragment` (so tests need not count lines)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} is not in the text")


def column_of(text: str, fragment: str) -> int:
    """The 1-based column where `fragment` starts on its line."""
    line = text.splitlines()[line_of(text, fragment) - 1]
    return line.index(fragment) + 1


def errors(result: LoadResult) -> list[Finding]:
    """The error-level findings of a load."""
    return [item for item in result.findings if item.level == "error"]


def only(result: LoadResult, code: str) -> Finding:
    """The single finding with `code` (failing with every finding listed when there is not exactly one)."""
    matching = [item for item in result.findings if item.code == code]
    assert len(matching) == 1, [f"{item.position}: {item.code}: {item.message}" for item in result.findings]
    return matching[0]


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write text (or bytes) to a file in a fresh folder and return its path."""

    def write_file(content: str | bytes, name: str = "scenario.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write_file


@pytest.fixture
def load_text(write: Callable[..., Path]) -> Callable[..., LoadResult]:
    """Write text to a scenario file and load it."""

    def load(content: str | bytes, name: str = "scenario.yaml") -> LoadResult:
        return load_scenario(write(content, name))

    return load
