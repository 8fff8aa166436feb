"""How fast is `boardsim check` on a large scenario, compared with just parsing the same YAML?

Generates a valid scenario of about 5,000 lines (many members, measures, injects and dilemmas) in a temporary
folder, then times, in the same run and best of several repetitions:

- `load_scenario` (the whole check: read, positions, validation, semantic checks, placing findings);
- `yaml.safe_load` of the same text (the bare parse, PyYAML's default safe loader);
- for reference, `yaml.load` with libyaml's `CSafeLoader`.

Goal (issue 2): the full check within 1 s and within 5x the bare parse.

    .venv/bin/python benchmarks/check_speed.py [--lines 5000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from boardsim.adapters.scenario_loader import load_scenario

_KINDS = ("council", "adult-social-care", "childrens-services", "public-health", "icb", "nhs-trust", "healthwatch")


def generate_scenario(target_lines: int) -> str:
    """A valid scenario text of about `target_lines` lines that exercises most of the format."""
    members = [f"member-{index}" for index in range(12)]
    measures = [f"measure_{index}" for index in range(40)]
    flags = [f"flag_{index}" for index in range(10)]
    lines = [
        "format: boardsim/1",
        "id: benchmark-board",
        "title: A large generated scenario",
        "synopsis: Generated to time the checker.",
        "place: Benchmarkshire",
        "calendar: {start: 2027-04-01, unit: month, horizon: 24 months}",
        "state:",
    ]
    for index, name in enumerate(measures):
        lines += [
            f"  {name}:",
            "    type: number",
            f"    initial: {50 + index}",
            "    range: [0, 1000]",
            "    unit: people",
            f"    doc: Measure number {index}.",
        ]
    for name in flags:
        lines += [f"  {name}: {{type: flag, initial: false, doc: A flag.}}"]
    lines.append("members:")
    for index, member in enumerate(members):
        lines += [
            f"  - id: {member}",
            f"    name: Organisation {index}",
            f"    kind: {_KINDS[index % len(_KINDS)]}",
            "    seat: Chief Executive",
            "    brief: >-",
            "      A long public brief that spans more than one line, as real briefs do, so the folded",
            "      scalar handling is part of what is timed.",
            "    private_brief: Private pressures.",
            '    budget: {amount: "£50m", floor: "£0"}',
            "    priorities:",
            f"      {measures[index]}: -0.5",
            f"      {measures[index + 1]}: 0.3",
            "    accountabilities:",
            "      - id: balanced-budget",
            "        kind: duty",
            "        description: Balance the books.",
            f"        holds_when: 'budget(\"{member}\") >= £0'",
            "        severity: critical",
            "        answers_to: Its own board",
            "      - id: waiting-target",
            "        kind: target",
            "        description: Keep waiting down.",
            f"        holds_when: '{measures[index]} < 900'",
            "        answers_to: The regulator",
        ]
    lines += [
        "shared_purpose:",
        "  statement: Better health for Benchmarkshire.",
        "  priorities:",
        *[f"    {name}: -0.5" for name in measures[:10]],
        "trust:",
        *[
            f"  - {{from: {members[index]}, to: {members[index + 1]}, positive: 3, negative: 1, note: History.}}"
            for index in range(len(members) - 1)
        ],
        "pools:",
        '  - {id: pool-a, name: Pool A, host: member-0, initial: "£1m", floor: "£0"}',
        '  - {id: pool-b, name: Pool B, host: member-1, initial: "£0"}',
        "timeline:",
    ]
    for index in range(40):
        trigger = f"    at: {1 + index % 20} months" if index % 2 == 0 else f"    when: '{measures[index]} > 500'"
        lines += [
            f"  - id: inject-{index}",
            trigger,
            f"    audience: [{members[index % 12]}, {members[(index + 1) % 12]}]",
            f"    title: News number {index}",
            "    text: Something happened that the board must hear about.",
            "    effects:",
            f"      - {{kind: change, target: {measures[index]}, by: 10, after: 1 month, note: It lands.}}",
            f"      - {{kind: change, target: {flags[index % 10]}, to: true}}",
        ]
    lines.append("dilemmas:")
    index = 0
    while len(lines) < target_lines - 12:
        lines += _dilemma(index, members, measures)
        index += 1
    lines += [
        "playthroughs:",
        "  - name: everyone-agrees",
        "    seed: 7",
        "    bots: system-first",
        "    choices: {dilemma-0: option-a}",
        '    expect: [\'chosen("dilemma-0") == "option-a"\']',
    ]
    return "\n".join(lines) + "\n"


def _dilemma(index: int, members: list[str], measures: list[str]) -> list[str]:
    lead = members[index % len(members)]
    measure = measures[index % len(measures)]
    lines = [
        f"  - id: dilemma-{index}",
        f"    title: Decision number {index}",
        "    prompt: What should the board do?",
        f"    at: {1 + index % 12} months",  # decided and its promises due within the 24-month horizon
        "    deadline: 1 month",
        "    default: option-a",
        "    mode: {kind: vote, rule: majority, quorum: 0.5}",
        "    options:",
    ]
    for letter in ("a", "b", "c"):
        lines += [
            f"      - id: option-{letter}",
            f"        label: Option {letter.upper()}",
            "        description: What choosing this means.",
            f"        requires: 'budget(\"{lead}\") > £1m or {measure} < 900'",
            f"        lead: {lead}",
            "        effects:",
            f'          - {{kind: move, from: {lead}, to: pool-a, amount: "£100k"}}',
            f"          - {{kind: change, target: {measure}, by: -5, after: 2 months, chance: 0.5}}",
            f"          - {{kind: trust, from: all, to: {lead}, by: 1, note: They led.}}",
            "        commitments:",
            f"          - id: promise-{index}-{letter}",
            "            by: lead",
            "            promise: We will keep the pool solvent.",
            "            due: 6 months",
            "            kept_when: 'pool(\"pool-a\") >= £0'",
        ]
    return lines


def best_time(action: Callable[[], object], repeat: int) -> float:
    """The fastest of `repeat` runs, in seconds (the least disturbed by the rest of the machine)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=5000, help="size of the generated scenario (default 5000)")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions; the best is reported (default 5)")
    options = parser.parse_args()
    text = generate_scenario(options.lines)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "benchmark.yaml"
        path.write_text(text, encoding="utf-8")
        result = load_scenario(path)
        errors = [item for item in result.findings if item.level == "error"]
        if errors or result.scenario is None:
            raise SystemExit(f"the generated scenario is not valid: {errors[:3]}")
        check = best_time(lambda: load_scenario(path), options.repeat)
    parse = best_time(lambda: yaml.safe_load(text), options.repeat)
    c_parse = 0.0
    if yaml.__with_libyaml__:
        c_parse = best_time(lambda: yaml.load(text, Loader=yaml.CSafeLoader), options.repeat)
    print(f"scenario: {text.count(chr(10))} lines, {len(text) / 1024:.0f} KiB, {len(result.findings)} findings")
    print(f"boardsim check (load_scenario)  {check * 1000:8.1f} ms")
    print(f"yaml.safe_load (bare parse)     {parse * 1000:8.1f} ms")
    if c_parse:
        print(f"yaml.load, CSafeLoader          {c_parse * 1000:8.1f} ms")
    print(f"ratio check / safe_load         {check / parse:8.2f}x   (goal: <= 5x and <= 1 s)")


if __name__ == "__main__":
    main()
