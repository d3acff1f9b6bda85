"""`python -m netaid validate`: the shipped content passes; each way of breaking it is reported
as `path:line: what is wrong`, with exit code 1 and no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import run_cli


def test_shipped_content_is_valid():
    result = run_cli("validate")
    assert result.code == 0, result.err
    assert result.out.startswith("OK: 18 content files, ")
    assert "quiz questions" in result.out


def _break(file: Path, pattern: str, replacement: str) -> int:
    """Replace the first match of `pattern` (multiline regex) and return its 1-based line."""
    text = file.read_text(encoding="utf-8")
    match = re.search(pattern, text, flags=re.M)
    assert match, f"pattern {pattern!r} not found in {file.name}"
    file.write_text(text[: match.start()] + match.expand(replacement) + text[match.end() :], encoding="utf-8")
    return text.count("\n", 0, match.start()) + 1


def _validate(data: Path, quizzes: Path, capsys) -> list[str]:
    result = run_cli("validate", "--data", str(data), "--quizzes", str(quizzes), capsys=capsys)
    assert result.code == 1
    assert "Traceback" not in result.err
    return result.err.strip().splitlines()


# (file, pattern, replacement, line offset from the match, expected message)
BREAKS = [
    ("data/sites.yaml", r"(sources: \[)cancernet", r"\1cancer-net", 0, "unknown source id `cancer-net`"),
    ("data/sources.yaml", r"^(  - id: )cancercare$", r"\1cancernet", 0, "duplicate id `cancernet` (first on line"),
    (
        "data/sources.yaml",
        r"^    title: Cancer.Net Guide to Neuroendocrine Tumors\n",
        "",
        -3,
        "`sources[0].title` is missing",
    ),
    ("data/sites.yaml", r"^(\s+percent: )30\b", r'\1"thirty"', 0, "should be a number, not text ('thirty')"),
    (
        "data/sources.yaml",
        r"^(    reviewed: )undated",
        r"\1no",
        0,
        'bare `no` is read by YAML as false; write "no" in quotes',
    ),
    (
        "data/sources.yaml",
        r"^(    publisher: CancerCare)$",
        r"\1: again",
        0,
        "YAML syntax error: mapping values are not allowed here",
    ),
    (
        "data/sources.yaml",
        r"^    (publisher: CancerCare)$",
        "\t\\1",
        0,
        "YAML does not allow tabs for indenting, use spaces",
    ),
    (
        "data/sources.yaml",
        r"^(  - id: webmd)$",
        r"\1\n    colour: blue",
        1,
        "unknown field `colour` in `sources[3]` "
        "(allowed here: id, short, publisher, title, reviewed, covers, url, no_url, kind)",
    ),
    (
        "data/sources.yaml",
        r'^(    reviewed: )"2021-09-21"',
        r"\g<1>2021-09-21",
        0,
        "should be text, not a date (2021-09-21). Put it in quotes",
    ),
    (
        "data/sources.yaml",
        r"^(    publisher: )CancerCare$",
        r"\g<1>12",
        0,
        "`sources[1].publisher` should be text, not a number (12). Put it in quotes",
    ),
    (
        "data/sources.yaml",
        r"^(  - id: )webmd$",
        r"\1Web MD",
        0,
        "`sources[3].id` 'Web MD' may hold only lower-case letters, digits, - and _",
    ),
    (
        "data/sources.yaml",
        r"^(    publisher: CancerCare)$",
        r"\1\n    publisher: Again",
        1,
        "duplicate key `publisher` (first on line",
    ),
    ("data/symptoms.yaml", r"^(\s*- id: )general$", r"\1generic", 0, "cannot be 'generic'"),
    ("data/sites.yaml", r"^(\s+sources: )\[[^\]]*\]", r"\1[]", 0, "needs at least 1 item(s)"),
    (
        "data/sites.yaml",
        r"^(\s+sources: )\[[^\]]*\]",
        r"\1cancernet",
        0,
        "should be a list (lines starting with `- `), not text ('cancernet')",
    ),
    ("quizzes/triggers.yaml", r"^(\s+correct: )(true|false)$", r"\1yes", 0, "bare `yes` is read by YAML as true"),
    ("quizzes/triggers.yaml", r"^(\s+(?:- )?type: )single$", r"\1pick-one", 0, "is not a question type"),
    ("quizzes/triggers.yaml", r"^(\s+learn: )\S+$", r"\1nowhere", 0, "unknown learn link `nowhere`"),
    ("data/rules.yaml", r"^(\s+field: )site$", r"\1sitee", 0, "unknown field `sitee`"),
    (
        "data/rules.yaml",
        r"^(\s+equals: )(pancreas|lung|appendix|small_intestine|adrenal)$",
        r"\1mars",
        0,
        "cannot be 'mars'",
    ),
    (
        "data/rules.yaml",
        r"^(\s+options: \[)clinical_trial",
        r"\1clinical_trials",
        0,
        "adds unknown option `clinical_trials`",
    ),
    ("data/options.yaml", r"^(\s+common: \[)(\w+)", r"\1made_up_effect, \2", 0, "unknown side effect `made_up_effect`"),
]


@pytest.mark.parametrize(
    ("file", "pattern", "replacement", "offset", "message"), BREAKS, ids=[f"{b[0]}:{b[4][:30]}" for b in BREAKS]
)
def test_each_break_is_reported_at_its_line(content_copy, capsys, file, pattern, replacement, offset, message):
    data, quizzes = content_copy
    target = data.parent / file
    line = _break(target, pattern, replacement) + offset
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
    _break(data / "overview.yaml", r"^(\s+sources: \[)cancernet", r"\1nobody")
    _break(data / "sites.yaml", r"(sources: \[)cancernet", r"\1nobody")
    (data / "glossary.yaml").write_text("terms: [\n")
    problems = _validate(data, quizzes, capsys)
    assert len(problems) >= 3
    assert all(re.match(r"^.+\.yaml:\d+: .+", p) for p in problems)
