"""`boardsim run`: a readable account (or one JSON document), a journal on request, clear usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from boardsim.adapters.journal_file import read_journal
from boardsim.cli import main
from boardsim.core.engine import Session

from .support import SCENARIOS, load_shipped

SHIPPED = str(SCENARIOS / "eastmere-bcf-risk-share.yaml")


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(["run", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_account_covers_decisions_outcomes_breaches_trust_and_alignment(capsys: pytest.CaptureFixture[str]) -> None:
    """The text account has every section a facilitator needs, with money formatted as money."""
    code, out, err = run(capsys, SHIPPED, "--seed", "7")
    assert code == 0, err
    for heading in ("Decisions", "Outcomes", "Money", "Accountability breaches", "Largest trust changes"):
        assert f"\n{heading}\n" in out
    assert "Trust and alignment by month" in out
    assert "tally:" in out  # vote tallies
    assert "pledges into bcf-pool" in out
    assert "ledger balanced: yes" in out
    assert "£" in out


def test_choose_forces_an_outcome_for_every_decider(capsys: pytest.CaptureFixture[str]) -> None:
    """--choose DILEMMA=OPTION makes every decider pick that option."""
    code, out, _ = run(capsys, SHIPPED, "--choose", "risk-share=cut-schemes", "--json")
    assert code == 0
    document = json.loads(out)
    risk = next(decision for decision in document["decisions"] if decision["dilemma"] == "risk-share")
    assert set(risk["choices"].values()) == {"cut-schemes"}
    assert risk["outcome"] == "cut-schemes"


def test_choose_can_force_one_members_pledge(capsys: pytest.CaptureFixture[str]) -> None:
    """--choose DILEMMA=MEMBER:£AMOUNT forces one member's pledge; the others stay bots."""
    code, out, _ = run(capsys, SHIPPED, "--choose", "winter-pledge=icb:£2.5m", "--json")
    assert code == 0
    pledge = next(decision for decision in json.loads(out)["decisions"] if decision["dilemma"] == "winter-pledge")
    assert pledge["pledges"]["icb"] == 2_500_000


def test_json_has_the_final_trust_matrix_and_alignment_figures(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints one document with the final trust matrix, alignment figures and their months."""
    code, out, _ = run(capsys, SHIPPED, "--json", "--bots", "cautious", "--seat", "icb=organisation-first")
    assert code == 0
    document = json.loads(out)
    matrix = document["metrics"]["trust"]
    assert set(matrix) == set(document["budgets"])
    assert all(0 <= value <= 1 for row in matrix.values() for value in row.values())
    assert "alignment_composite" in document["metrics"]
    assert document["alignment_by_month"]
    assert document["seats"]["icb"] == "bot:organisation-first"
    assert document["seats"]["council"] == "bot:cautious"


def test_journal_option_writes_a_journal_that_replays(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--journal FILE writes the run's journal; it replays against the scenario to itself."""
    target = tmp_path / "run.jsonl"
    code, _, _ = run(capsys, SHIPPED, "--seed", "3", "--journal", str(target))
    assert code == 0
    journal = read_journal(target)
    assert journal.header.seed == 3
    assert Session.replay(load_shipped(Path(SHIPPED)), journal).journal == journal


def test_log_file_gets_json_lines_and_stdout_gets_no_logs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--log-file FILE receives JSON log lines; the account on stdout holds none of them."""
    log = tmp_path / "run.log"
    code, out, err = run(capsys, SHIPPED, "--log-file", str(log))
    assert code == 0
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [record["event"] for record in records][:2] == ["run started", "run finished"]
    assert "run started" not in out
    assert "run started" not in err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--choose", "risk-shar=cut-schemes"], "there is no dilemma 'risk-shar' (did you mean 'risk-share'?)"),
        (["--choose", "risk-share=cut-schemez"], "did you mean 'cut-schemes'?"),
        (["--choose", "winter-pledge=icbb:£1m"], "there is no member 'icbb' (did you mean 'icb'?)"),
        (["--choose", "risk-share"], "write DILEMMA=OPTION"),
        (["--seat", "icb=kind"], "there is no disposition 'kind'"),
        (["--bots", "cautios"], "did you mean 'cautious'?"),
        (["--seat", "icd=cautious"], "there is no member 'icd' (did you mean 'icb'?)"),
    ],
)
def test_bad_arguments_are_one_line_errors_with_exit_2(
    capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    """Unknown dilemmas, options, members and dispositions: one line on stderr with a hint, exit status 2."""
    code, out, err = run(capsys, SHIPPED, *arguments)
    assert code == 2
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_a_scenario_with_errors_is_reported_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that does not load prints its findings as file:line:col and exits 1."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: boardsim/1\nid: bad\n", encoding="utf-8")
    code, out, err = run(capsys, str(bad))
    assert code == 1
    assert "bad.yaml:" in err
    assert "has errors" in err
    assert out == ""
