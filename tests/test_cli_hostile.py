"""Hostile input on the command line: nested, huge or strange JSON exits 2 with a message."""

from __future__ import annotations

import io
import sys

import pytest

from tests.conftest import run_cli

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
    assert result.code == 2 and "larger than 10 MB" in result.err


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
    assert result.code == 2 and "cannot print" in result.err
