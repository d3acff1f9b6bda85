"""Source review dates: read the date out of a source's `reviewed` text, and warn when it is old.

`reviewed` keeps the wording the page gives ("05/2022 (statistics 03/2023)", "undated page;
its section was last reviewed 04 Feb 2025"), so the date has to be found inside free text.
Today's date is always passed in, so the checks are plain functions of their inputs.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from netaid.content.yamldoc import read_yaml

MAX_AGE_YEARS = 3
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# One pattern with the longer forms first, so "2021-09-21" is read whole and not as "2021".
DATE_PATTERN = re.compile(
    r"\b(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))\b"
    r"|\b(?P<dmy>(?P<dd>\d{1,2}) (?P<mon>[A-Za-z]{3,9})\.? (?P<dy>\d{4}))\b"
    r"|\b(?P<my>(?P<mm>\d{1,2})/(?P<my_y>\d{4}))\b"
    r"|\b(?P<year>(?:19|20)\d{2})\b"
)


def _from_match(match: re.Match[str]) -> date | None:
    """The date a match names; a month or a year alone means its first day, so a warning comes
    at the earliest moment the source could be too old, never later."""
    try:
        if match["iso"]:
            return date(int(match["iy"]), int(match["im"]), int(match["id"]))
        if match["dmy"]:
            month = match["mon"][:3].lower()
            if month not in MONTHS:
                return None
            return date(int(match["dy"]), MONTHS.index(month) + 1, int(match["dd"]))
        if match["my"]:
            return date(int(match["my_y"]), int(match["mm"]), 1)
        return date(int(match["year"]), 1, 1)
    except ValueError:  # e.g. month 13 or 31 February: not a date, keep looking
        return None


def _first_date(text: str) -> tuple[date, str] | None:
    for match in DATE_PATTERN.finditer(text):
        found = _from_match(match)
        if found is not None:
            return found, match.group(0)
    return None


def review_date(text: str) -> date | None:
    """The first date named in a `reviewed` text, or None when it names none."""
    found = _first_date(text)
    return found[0] if found else None


def years_before(today: date, years: int) -> date:
    """The same day `years` earlier (28 February when today is 29 February)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def review_problem(reviewed: str, today: date) -> str | None:
    """Why a source's review date needs a look, in words, or None when it is recent enough."""
    found = _first_date(reviewed)
    if found is None:
        return f'has no usable review date ("{reviewed}")'
    when, as_written = found
    if when < years_before(today, MAX_AGE_YEARS):
        return f"was last reviewed {as_written}, more than {MAX_AGE_YEARS} years ago"
    return None


def source_warnings(sources_file: Path, today: date, base: Path) -> list[str]:
    """`path:line: warning: ...` for every source that is undated or over three years old.

    `base` is the folder the path is shown relative to (the CLI passes the working folder,
    as content errors do), so warnings and errors point at the file the same way.
    """
    try:
        display = str(sources_file.relative_to(base))
    except ValueError:
        display = str(sources_file)
    doc = read_yaml(sources_file, display)
    warnings = []
    for i, source in enumerate(doc.data["sources"]):
        if source.get("kind") == "publication":  # a published paper is fixed, not reviewed
            continue
        problem = review_problem(str(source["reviewed"]), today)
        if problem:
            line = doc.key_line(("sources", i, "reviewed"))
            warnings.append(f"{display}:{line}: warning: source `{source['id']}` {problem}; check it for changes")
    return warnings


def review_note(reviewed: str) -> tuple[str, str]:
    """What a `reviewed` text says happened and when: ("reviewed", "05/2022"),
    ("section last reviewed", "04 Feb 2025"), ("published", "2009"), or ("", "") for no date."""
    text = reviewed.strip()
    if text.lower().startswith("published"):
        return "published", text[len("published") :].strip()
    if not text.lower().startswith("undated"):
        return "reviewed", text
    rest = text[len("undated") :].strip(" ;,").removeprefix("page").strip(" ;,")
    found = DATE_PATTERN.search(rest)
    if found is None:
        return "", ""
    # "its section was last reviewed 04 Feb 2025" -> "section last reviewed"
    what = " ".join(w for w in rest[: found.start()].split() if w.lower() not in ("its", "was"))
    return what or "reviewed", rest[found.start() :].strip()


def review_phrase(reviewed: str) -> str:
    """How a citation says when a source was reviewed, in words a reader expects:
    "reviewed 05/2022", "published 2009", or "no review date given" (never "reviewed undated")."""
    return group_review_phrase([reviewed])


def group_review_phrase(reviewed: list[str]) -> str:
    """One phrase for several pages of one publisher, each date once:
    "sections last reviewed 04 Feb 2025; 1 page with no review date"."""
    dates: dict[str, list[str]] = {}
    pages: dict[str, int] = {}
    for what, when in map(review_note, reviewed):
        pages[what] = pages.get(what, 0) + 1
        if when and when not in dates.setdefault(what, []):
            dates[what].append(when)
    parts = [f"{_plural(what) if pages[what] > 1 else what} {' and '.join(when)}" for what, when in dates.items()]
    undated = pages.get("", 0)
    if undated:
        many = undated > 1
        if not parts:
            parts.append("no review dates given" if many else "no review date given")
        else:
            parts.append(f"{undated} {'pages' if many else 'page'} with no review date")
    return "; ".join(parts)


def _plural(what: str) -> str:
    """ "section last reviewed" -> "sections last reviewed"; "reviewed" stays as it is."""
    first, _, rest = what.partition(" ")
    return f"{first}s {rest}" if rest else what
