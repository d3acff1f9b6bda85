"""Ways to break the shipped content, each with the line and the message `validate` must give."""

from __future__ import annotations

import re
from pathlib import Path


def break_file(file: Path, pattern: str, replacement: str) -> int:
    """Replace the first match of `pattern` (multiline regex) and return its 1-based line."""
    text = file.read_text(encoding="utf-8")
    match = re.search(pattern, text, flags=re.M)
    assert match, f"pattern {pattern!r} not found in {file.name}"
    file.write_text(text[: match.start()] + match.expand(replacement) + text[match.end() :], encoding="utf-8")
    return text.count("\n", 0, match.start()) + 1


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
