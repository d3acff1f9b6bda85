"""Fault suite: broken content in many ways. `validate` names the file and line of each problem,
and the app shows a friendly message instead of a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from testkit.breaks import BREAKS, break_file
from testkit.pages import APP
from tests.conftest import run_cli

# More ways to break content, on top of the ones test_validate.py checks line by line:
# (file, pattern, replacement, message[, where]). The expected line is the line the pattern
# matched, or, for something missing, the first line matching the `where` pattern.
MORE_BREAKS = [
    ("data/sites.yaml", r"^(\s+percent: )30\b", r"\g<1>130", "less than or equal to 100"),
    (
        "data/glossary.yaml",
        r"^(\s+- term: )(.+)$",
        r"\1\2\n    plain: Duplicate.\n    sources: [cancernet]\n  - term: \2",
        "duplicate term",
    ),
    (
        "data/rules.yaml",
        r"\{field: site, in: \[stomach, duodenum, colon_rectum\]\}",
        "{field: site, near: [stomach]}",
        "unknown test `near`",
    ),
    (
        "data/rules.yaml",
        r"\{field: site, equals: pancreas\}",
        "{field: site, at_least: 3}",
        "`at_least` does not work on `site`",
    ),
    (
        "data/rules.yaml",
        r"^(\s+cautions: \[)carcinoid_crisis",
        r"\1no_such_caution",
        "adds unknown caution `no_such_caution`",
    ),
    (
        "data/options.yaml",
        r"^  - id: diazoxide$",
        "  - id: diazoxide_renamed",
        "options missing from the catalog: diazoxide",
        r"^options:$",
    ),
    (
        "data/cautions.yaml",
        r"^  - id: pheochromocytoma_biopsy$",
        "  - id: biopsy_caution",
        "required cautions missing: pheochromocytoma_biopsy",
        r"^cautions:$",
    ),
    ("data/tests.yaml", r"^(\s+kind: )nuclear$", r"\1magic", "cannot be 'magic'"),
    (
        "data/sources.yaml",
        r"^(    title: Cancer.Net Guide to Neuroendocrine Tumors)$",
        r"\1\n    - stray item",
        "YAML syntax error: while parsing a block mapping",
    ),
    ("data/stages.yaml", r"^(\s+areas: )\[.*\]$", r"\1[primary, moon]", "cannot be 'moon'"),
    ("quizzes/symptoms.yaml", r"^(\s+- id: )symptoms-02$", r"\1symptoms-01", "duplicate id `symptoms-01`"),
    (
        "quizzes/triggers.yaml",
        r"^(\s+- id: )triggers-01$",
        r"\1diagnosis-01",
        "question id `diagnosis-01` is also used in",
    ),
    (
        "quizzes/grade_stage.yaml",
        r"^topic: grade_stage$",
        "topic: diagnosis",
        "does not match the file name `grade_stage.yaml`",
    ),
    ("quizzes/treatments.yaml", r"^(\s+explanation: ).*$", r"\1", "should be text, not nothing"),
    ("quizzes/triggers.yaml", r"^(\s+correct: )(true|false)$", r'\1"yes"', "should be true or false"),
]


def _copy_and_break(content_copy, file, pattern, replacement) -> tuple[Path, Path, Path, int]:
    data, quizzes = content_copy
    target = data.parent / file
    line = break_file(target, pattern, replacement)
    return data, quizzes, target, line


def _app_shows_friendly_message(data: Path, quizzes: Path, monkeypatch, page: str = "pages/learn.py") -> None:
    monkeypatch.setenv("NETAID_DATA_DIR", str(data))
    monkeypatch.setenv("NETAID_QUIZ_DIR", str(quizzes))
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, "no traceback reaches the person"
    assert any("did not pass its checks" in e.proto.body for e in at.error)
    assert any("It is not medical advice" in m.value for m in at.markdown), "the disclaimer still shows"


@pytest.mark.parametrize("case", MORE_BREAKS, ids=[f"{b[0]}:{b[3][:28]}" for b in MORE_BREAKS])
def test_more_breaks_are_reported_at_their_line(content_copy, capsys, case):
    file, pattern, replacement, message = case[:4]
    data, quizzes, target, line = _copy_and_break(content_copy, file, pattern, replacement)
    if len(case) > 4:
        text = target.read_text()
        line = text.count("\n", 0, re.search(case[4], text, flags=re.M).start()) + 1
    result = run_cli("validate", "--data", str(data), "--quizzes", str(quizzes), capsys=capsys)
    assert result.code == 1 and "Traceback" not in result.err
    problems = result.err.strip().splitlines()
    lines = range(line, line + 4)  # the break may span the matched line and the next few
    hits = [p for p in problems if message in p and any(p.startswith(f"{target}:{n}: ") for n in lines)]
    assert hits, f"expected {target}:{line}…{message}…\ngot:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("file", "pattern", "replacement"),
    [b[:3] for b in BREAKS + MORE_BREAKS],
    ids=[f"{b[0]}:{b[-1][:28]}" for b in BREAKS + MORE_BREAKS],
)
def test_the_app_stays_friendly_with_broken_content(content_copy, monkeypatch, file, pattern, replacement):
    data, quizzes, _, _ = _copy_and_break(content_copy, file, pattern, replacement)
    _app_shows_friendly_message(data, quizzes, monkeypatch)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty", b"", "the file is empty"),
        (
            "huge",
            b"terms:\n" + b"  - term: x\n    plain: y.\n    sources: [cancernet]\n" * 60_000,
            "the file is too large",
        ),
        ("not utf-8", b"terms:\n  - term: caf\xe9\n", "the file is not UTF-8 text"),
        ("a list, not a mapping", b"- term: x\n", "`the file` should be a mapping"),
        ("tabs", b"terms:\n\t- term: x\n", "YAML does not allow tabs"),
        ("unclosed bracket", b"terms: [\n", "YAML syntax error"),
    ],
)
def test_whole_file_faults(content_copy, capsys, monkeypatch, name, content, message):
    data, quizzes = content_copy
    (data / "glossary.yaml").write_bytes(content)
    result = run_cli("validate", "--data", str(data), "--quizzes", str(quizzes), capsys=capsys)
    assert result.code == 1
    assert any(
        re.match(rf"^{re.escape(str(data / 'glossary.yaml'))}:\d+: .*{re.escape(message)}", p)
        for p in result.err.splitlines()
    ), result.err
    _app_shows_friendly_message(data, quizzes, monkeypatch, page="pages/glossary.py")


def test_the_fault_suite_has_at_least_30_distinct_cases():
    assert len(BREAKS) + len(MORE_BREAKS) + 6 >= 30
