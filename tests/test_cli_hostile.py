"""Hostile input on the command line: nested, huge or strange JSON, dates at the ends of the
calendar, FIFOs and devices, bad database URLs and random files exit 2 with a one-line message."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netaid import cli
from netaid.diary.export import to_csv
from tests.conftest import run_cli
from tests.diary_samples import sample_diary

NESTED = "[" * 100_000 + "]" * 100_000
HOSTILE = {
    "deeply nested": NESTED,
    "nested objects": '{"a":' * 5000 + "1" + "}" * 5000,
    "moderately nested": '{"site": ' + "[" * 50 + "]" * 50 + "}",
    "not json": "{site: pancreas",
    "a number": "42",
    "a string": '"pancreas"',
    "null": "null",
    "list of junk": '[1, "x", null, []]',
    "huge number": '{"ki67": 1e999}',
    "nan": '{"ki67": NaN}',
    "wrong types": '{"site": ["pancreas"], "ki67": {"x": 1}, "symptoms": "flushing"}',
}


@pytest.mark.parametrize("command", ["explore", "visit-sheet"])
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_profiles_exit_2_with_a_message(tmp_path, capsys, command, name):
    path = tmp_path / "profile.json"
    path.write_text(HOSTILE[name], encoding="utf-8")
    extra = ["-o", str(tmp_path / "sheet.txt")] if command == "visit-sheet" else []
    result = run_cli(command, "--profile", str(path), *extra, capsys=capsys)
    assert result.code == 2, (result.code, result.err[-500:])
    assert "error:" in result.err and "Traceback" not in result.err


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, capsys):
    path = tmp_path / "big.json"
    path.write_text("[" + "{}," * 4_000_000 + "{}]", encoding="utf-8")
    result = run_cli("explore", "--profile", str(path), capsys=capsys)
    assert result.code == 2 and "the file is too large (12,000,004 bytes; the limit is 10,000,000)" in result.err


def test_nested_json_on_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(NESTED))
    result = run_cli("explore", "--profile", "-", capsys=capsys)
    assert result.code == 2 and "nested too deeply" in result.err


def test_a_file_that_is_not_text(tmp_path, capsys):
    path = tmp_path / "profile.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    result = run_cli("explore", "--profile", str(path), capsys=capsys)
    assert result.code == 2 and "not UTF-8 text" in result.err


def test_a_crisis_card_name_no_font_prints_exits_2(tmp_path, capsys):
    result = run_cli(
        "crisis-card", "--name", "Ann \U0001f9a0", "--contact", "clinic", "-o", str(tmp_path / "c.pdf"), capsys=capsys
    )
    assert result.code == 2 and "cannot be printed (U+1F9A0)" in result.err


def assert_one_line_exit_2(result) -> None:
    assert result.code == 2, (result.code, result.err[-500:])
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "error:" in lines[0], result.err[-500:]
    assert "Traceback" not in result.err


HUGE = 10**400
HUGE_PROFILES = [
    {"ki67": HUGE},
    {"ki67": -HUGE},
    {"mitoses": HUGE},
    {"mitoses": -HUGE},
    {"tumor_size_cm": HUGE},
    {"tumor_size_cm": -HUGE},
    {"age": HUGE},
    {"ki67": 10**30, "mitoses": 10**30},
    [{"ki67": 5}, {"tumor_size_cm": HUGE}],
    {"site": "pancreas", "ki67": HUGE, "symptoms": []},
]


@pytest.mark.parametrize("command", ["explore", "visit-sheet"])
@pytest.mark.parametrize("profile", HUGE_PROFILES, ids=[f"huge-{i}" for i in range(len(HUGE_PROFILES))])
def test_huge_integers_in_a_profile_exit_2_in_one_line(tmp_path, capsys, command, profile):
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(profile), encoding="utf-8")
    extra = ["-o", str(tmp_path / "sheet.txt")] if command == "visit-sheet" else []
    result = run_cli(command, "--profile", str(path), *extra, capsys=capsys)
    assert result.code in (0, 2), result.err  # the lead's bounds may accept or refuse; never a traceback
    if result.code == 2:
        assert_one_line_exit_2(result)


@pytest.fixture
def diary_csv(tmp_path):
    path = tmp_path / "diary.csv"
    path.write_text(to_csv(sample_diary()), encoding="utf-8")
    return path


@pytest.mark.parametrize("until", ["0001-01-01", "9999-12-31", "1899-12-31", "2026-02-30", "tomorrow"])
def test_diary_summary_until_outside_the_calendar(diary_csv, capsys, until):
    assert_one_line_exit_2(run_cli("diary", "summary", "--file", str(diary_csv), "--until", until, capsys=capsys))


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00+23:59"])
def test_diary_summary_of_a_file_at_the_start_of_the_calendar(tmp_path, capsys, moment):
    path = tmp_path / "early.csv"
    first = to_csv(sample_diary()).splitlines()[:2]
    path.write_text(first[0] + "\n" + moment + first[1][first[1].index(",") :] + "\n", encoding="utf-8")
    result = run_cli("diary", "summary", "--file", str(path), capsys=capsys)
    assert result.code in (0, 2) and "Traceback" not in result.err
    if result.code == 2:
        assert_one_line_exit_2(result)


@pytest.mark.parametrize("offset", ["+23:59", "-23:59", "+14:01"])
def test_a_fhir_bundle_refuses_offsets_fhir_does_not_allow(diary_csv, tmp_path, capsys, offset):
    diary_csv.write_text(diary_csv.read_text(encoding="utf-8").replace("+00:00", offset), encoding="utf-8")
    result = run_cli("diary", "fhir", "--file", str(diary_csv), "-o", str(tmp_path / "b.json"), capsys=capsys)
    assert_one_line_exit_2(result)
    assert "-14:00 to +14:00" in result.err
    summary = run_cli("diary", "summary", "--file", str(diary_csv), capsys=capsys)
    assert summary.code == 0, "the summary still reads the file"


@pytest.mark.parametrize(
    "url", ["not a url", "sqlite:////proc/no-such-folder/x.sqlite3", "mysql://a@b/c", "postgresql+nodriver://x/y"]
)
def test_evaluation_export_with_a_bad_database_url(tmp_path, capsys, monkeypatch, url):
    monkeypatch.setenv("NETAID_EVALUATION_KIT", "on")
    monkeypatch.setenv("NETAID_DATABASE_URL", url)
    result = run_cli("evaluation-export", "-o", str(tmp_path / "e.csv"), capsys=capsys)
    assert_one_line_exit_2(result)
    assert "NETAID_DATABASE_URL" in result.err


FILE_INPUTS = {
    "explore": ["explore", "--profile", "{f}"],
    "visit-sheet profile": ["visit-sheet", "--profile", "{f}", "-o", "{o}"],
    "visit-sheet questions": ["visit-sheet", "--questions", "{f}", "-o", "{o}"],
    "diary summary": ["diary", "summary", "--file", "{f}"],
    "diary fhir": ["diary", "fhir", "--file", "{f}", "-o", "{o}"],
}


def file_command(name: str, file: Path, tmp_path: Path) -> list[str]:
    return [a.format(f=file, o=tmp_path / "out.txt") for a in FILE_INPUTS[name]]


@pytest.mark.parametrize("name", list(FILE_INPUTS))
def test_a_fifo_or_device_is_refused_without_waiting(tmp_path, capsys, name):
    fifo = tmp_path / "input"
    os.mkfifo(fifo)
    for file in (fifo, Path("/dev/zero")):
        result = run_cli(*file_command(name, file, tmp_path), capsys=capsys)
        assert_one_line_exit_2(result)
        assert "not a regular file" in result.err


def test_any_unexpected_exception_is_one_line_and_exit_2(capsys, monkeypatch):
    def broken(*args):
        raise KeyError("ki67")

    monkeypatch.setattr(cli, "cmd_grade", broken)
    monkeypatch.delenv("NETAID_TRACEBACK", raising=False)
    result = run_cli("grade", "--ki67", "5", capsys=capsys)
    assert_one_line_exit_2(result)
    assert "this input cannot be used ('ki67')" in result.err


DIARY_TEXT = to_csv(sample_diary())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(list(FILE_INPUTS)),
    content=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300),
        st.builds(
            json.dumps,
            st.recursive(
                st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
                max_leaves=20,
            ),
        ),
        st.builds(
            lambda cut, junk: DIARY_TEXT[:cut] + junk + DIARY_TEXT[cut:],
            st.integers(0, len(DIARY_TEXT)),
            st.text(max_size=20),
        ),
    ),
)
def test_random_file_inputs_never_traceback(tmp_path, capsys, name, content):
    file = tmp_path / "input"
    file.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    result = run_cli(*file_command(name, file, tmp_path), capsys=capsys)
    assert "Traceback" not in result.err
    assert result.code in (0, 1, 2), result.err
    if result.code == 2:
        assert_one_line_exit_2(result)
