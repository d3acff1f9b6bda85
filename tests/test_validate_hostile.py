"""`validate` on hostile content: every file it will not read is one `path:line: why` line,
exit code 1, no traceback and no wait (alias bombs, FIFOs, devices, links out, deep nesting)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from netaid.content.yamldoc import Problem
from testkit.pages import APP
from tests.conftest import run_cli

LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


def validate(content_copy: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> list[str]:
    data, quizzes = content_copy
    result = run_cli("validate", "--data", str(data), "--quizzes", str(quizzes), capsys=capsys)
    assert result.code == 1, result.err[-500:]
    assert "Traceback" not in result.err
    return result.err.strip().splitlines()


def replace_with(file: Path, text: str) -> None:
    file.unlink()
    file.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (LAUGHS, 1, "an anchor (`&`) is not allowed in content files"),
        ("terms:\n  - *nowhere\n", 2, "an alias (`*`) is not allowed"),
        ("terms:\n  - term: x\n    when: 2021-02-30\n", 3, "`2021-02-30` is not a real date"),
        ("x: " + "[" * 100_000 + "]" * 100_000 + "\n", 1, "nested more than 40 levels deep"),
        ("? [a, b]\n: 1\n", 1, "found unhashable key"),
        ("x: !!python/object:os.system echo\n", 1, "could not determine a constructor"),
    ],
    ids=["alias bomb", "alias", "impossible date", "deep nesting", "list as key", "python tag"],
)
def test_refused_yaml_names_the_file_and_line(content_copy, capsys, text, line, message):
    glossary = content_copy[0] / "glossary.yaml"
    replace_with(glossary, text)
    problems = validate(content_copy, capsys)
    assert any(p.startswith(f"{glossary}:{line}: ") and message in p for p in problems), problems


def test_a_fifo_is_refused_without_waiting(content_copy, capsys):
    tests_file = content_copy[0] / "tests.yaml"
    tests_file.unlink()
    os.mkfifo(tests_file)
    problems = validate(content_copy, capsys)
    assert (
        f"{tests_file}:1: cannot read the file: this is not a regular file (it may be a pipe or a device)" in problems
    )


@pytest.mark.parametrize("target", ["/dev/zero", "/etc/hostname"])
def test_a_link_out_of_the_content_folder_is_refused(content_copy, capsys, target):
    glossary = content_copy[0] / "glossary.yaml"
    glossary.unlink()
    glossary.symlink_to(target)
    problems = validate(content_copy, capsys)
    assert any(p.startswith(f"{glossary}:1: the file is a link to somewhere outside") for p in problems), problems


def test_a_link_inside_the_content_folder_is_read(content_copy, capsys):
    data, quizzes = content_copy
    glossary = data / "glossary.yaml"
    glossary.rename(data / "glossary-real.yaml")
    glossary.symlink_to(data / "glossary-real.yaml")
    result = run_cli("validate", "--data", str(data), "--quizzes", str(quizzes), capsys=capsys)
    assert result.code == 0, result.err


def test_broken_content_never_shows_a_visitor_a_server_path(content_copy, monkeypatch):
    data, quizzes = content_copy
    replace_with(data / "glossary.yaml", LAUGHS)
    monkeypatch.setenv("NETAID_DATA_DIR", str(data))
    monkeypatch.setenv("NETAID_QUIZ_DIR", str(quizzes))
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page("pages/glossary.py").run()
    assert not at.exception
    details = "\n".join(c.proto.code_text for c in at.get("code"))
    assert details.startswith("glossary.yaml:1: an anchor"), details
    assert str(data.parent) not in details and "/" not in details.split(":")[0]


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("/srv/netaid/netaid/data/glossary.yaml", "netaid/data/glossary.yaml"),
        ("/tmp/elsewhere/data/glossary.yaml", "glossary.yaml"),
        ("/srv/netaid/../etc/passwd", "passwd"),
    ],
)
def test_problem_paths_are_shown_relative_to_the_project(path, shown):
    problem = Problem(path, 3, "x").relative_to_project(Path("/srv/netaid"))
    assert problem == Problem(shown, 3, "x")


def test_a_relative_problem_path_is_read_from_the_working_folder(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert Problem("data/a.yaml", 1, "x").relative_to_project(tmp_path).path == "data/a.yaml"
    assert Problem("../a.yaml", 1, "x").relative_to_project(tmp_path).path == "a.yaml"
