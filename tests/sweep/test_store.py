"""Sweep files: JSON Lines with a header, written as records come and read back lazily, with clear errors."""

import json
from pathlib import Path

import pytest
from sweep_helpers import random_records, tiny_header

from boardsim.adapters.sweep_store import SweepFileError, SweepReader, SweepWriter


def test_records_round_trip_exactly(tmp_path: Path) -> None:
    """Every record written comes back equal, in order, after the header."""
    records = list(random_records(50))
    path = tmp_path / "sweep.jsonl"
    with SweepWriter(path, tiny_header(50)) as writer:
        writer.write_all(records)
    reader = SweepReader(path)
    assert reader.header == tiny_header(50)
    assert list(reader.records()) == records


def test_file_is_one_header_line_then_one_line_per_run(tmp_path: Path) -> None:
    """The first line is the header (format, scenario id, seed, mix, runs); then one JSON object per run."""
    path = tmp_path / "sweep.jsonl"
    with SweepWriter(path, tiny_header(3, seed=42)) as writer:
        writer.write_all(random_records(3))
    lines = path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    assert (header["format"], header["scenario_id"], header["seed"], header["runs"]) == (
        "boardsim-sweep/1",
        "tiny-risk-share",
        42,
        3,
    )
    assert len(header["mix"]) == 4
    assert [json.loads(line)["run"] for line in lines[1:]] == [0, 1, 2]


def test_records_are_on_disk_as_soon_as_a_chunk_is_flushed(tmp_path: Path) -> None:
    """A record flushed mid-sweep is readable before the writer closes (an interrupted sweep keeps its runs)."""
    path = tmp_path / "sweep.jsonl"
    writer = SweepWriter(path, tiny_header(10))
    writer.write_all(random_records(2))
    assert len(list(SweepReader(path).records())) == 2
    writer.close()


def test_reader_is_lazy(tmp_path: Path) -> None:
    """Reading yields one record at a time: the first arrives before the rest are parsed."""
    path = tmp_path / "sweep.jsonl"
    with SweepWriter(path, tiny_header(1_000)) as writer:
        writer.write_all(random_records(1_000))
    records = SweepReader(path).records()
    assert next(records).run == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("not json\n", ":1: not JSON"),
        ('{"format": "boardsim-journal/1"}\n', "not a boardsim-sweep/1 file"),
        ('{"format": "boardsim-sweep/1", "seed": 1}\n', ":1: damaged header"),
    ],
)
def test_bad_header_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    """Empty files, other JSON and damaged headers raise SweepFileError naming line 1."""
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SweepFileError, match=message):
        SweepReader(path)


def test_damaged_record_names_its_line(tmp_path: Path) -> None:
    """A truncated record stops reading with the file and line number."""
    path = tmp_path / "sweep.jsonl"
    with SweepWriter(path, tiny_header(2)) as writer:
        writer.write_all(random_records(1))
        writer.write_line('{"run": 1, "seed": ')
    with pytest.raises(SweepFileError, match=r"sweep.jsonl:3: damaged record"):
        list(SweepReader(path).records())


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    """A path that does not exist says so."""
    with pytest.raises(SweepFileError, match="no such sweep file"):
        SweepReader(tmp_path / "nowhere.jsonl")


def test_a_chunk_of_lines_written_at_once_reads_back_record_for_record(tmp_path: Path) -> None:
    """`write_lines` (a worker's chunk in one write) gives the same file as writing the lines one by one."""
    lines = [record.model_dump_json() for record in random_records(5)]
    one_by_one, at_once = tmp_path / "one.jsonl", tmp_path / "chunk.jsonl"
    with SweepWriter(one_by_one, tiny_header(5)) as writer:
        for line in lines:
            writer.write_line(line)
    with SweepWriter(at_once, tiny_header(5)) as writer:
        writer.write_lines(lines[:3])
        writer.write_lines([])
        writer.write_lines([line + "\n" for line in lines[3:]])
        assert writer.written == 5
    assert at_once.read_bytes() == one_by_one.read_bytes()
