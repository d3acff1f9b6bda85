"""`python -m netaid validate`: the shipped content passes; each way of breaking it is reported
as `path:line: what is wrong`, with exit code 1 and no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from testkit.breaks import BREAKS, break_file
from tests.conftest import run_cli


def test_shipped_content_is_valid():
    result = run_cli("validate")
    assert result.code == 0, result.err
    assert result.out.startswith("OK: 18 content files, ")
    assert "quiz questions" in result.out


def _validate(data: Path, quizzes: Path, capsys) -> list[str]:
    result = run_cli("validate", "--data", str(data), "--quizzes", str(quizzes), capsys=capsys)
    assert result.code == 1
    assert "Traceback" not in result.err
    return result.err.strip().splitlines()


@pytest.mark.parametrize(
    ("file", "pattern", "replacement", "offset", "message"), BREAKS, ids=[f"{b[0]}:{b[4][:30]}" for b in BREAKS]
)
def test_each_break_is_reported_at_its_line(content_copy, capsys, file, pattern, replacement, offset, message):
    data, quizzes = content_copy
    target = data.parent / file
    line = break_file(target, pattern, replacement) + offset
    problems = _validate(data, quizzes, capsys)
    expected_prefix = f"{target}:{line}: "
    hits = [p for p in problems if p.startswith(expected_prefix) and message in p]
    assert hits, f"expected {expected_prefix}…{message}…\ngot:\n" + "\n".join(problems)


def test_quiz_answer_not_among_choices(content_copy, capsys):
    data, quizzes = content_copy
    bank = quizzes / "diagnosis.yaml"
    text = bank.read_text()
    match = re.search(r"^(\s+correct: )(\"?)([^\"\n\[]+)\2$", text, flags=re.M)
    line = text.count("\n", 0, match.start()) + 1
    bank.write_text(text[: match.start()] + match.group(1) + '"Not a choice at all"' + text[match.end() :])
    problems = _validate(data, quizzes, capsys)
    assert f"{bank}:{line}: answer `Not a choice at all` is not among the choices" in problems


def test_empty_and_missing_files(content_copy, capsys):
    data, quizzes = content_copy
    (data / "glossary.yaml").write_text("")
    (data / "tests.yaml").unlink()
    problems = _validate(data, quizzes, capsys)
    assert f"{data / 'glossary.yaml'}:1: the file is empty" in problems
    assert f"{data / 'tests.yaml'}:1: the file is missing" in problems


def test_every_problem_is_reported_not_just_the_first(content_copy, capsys):
    data, quizzes = content_copy
    break_file(data / "overview.yaml", r"^(\s+sources: \[)cancernet", r"\1nobody")
    break_file(data / "sites.yaml", r"(sources: \[)cancernet", r"\1nobody")
    (data / "glossary.yaml").write_text("terms: [\n")
    problems = _validate(data, quizzes, capsys)
    assert len(problems) >= 3
    assert all(re.match(r"^.+\.yaml:\d+: .+", p) for p in problems)
