"""Summaries of a learner's answers for the Progress page (pure functions over answer records)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class TopicMastery:
    topic: str
    mastered: int  # questions whose latest answer was right
    total: int
    tried: int = 0  # questions answered at least once ("not tried yet" when 0)


def latest_by_question(answers: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    latest: dict[str, Mapping[str, Any]] = {}
    for answer in answers:  # oldest first, so later answers win
        latest[answer["question_id"]] = answer
    return latest


def mastery(answers: list[Mapping[str, Any]], topic_sizes: Mapping[str, int]) -> list[TopicMastery]:
    """Per topic: how many of its questions the learner last answered right."""
    latest = latest_by_question(answers).values()
    right = Counter(a["topic"] for a in latest if a["correct"])
    tried = Counter(a["topic"] for a in latest)
    return [
        TopicMastery(topic, min(right[topic], size), size, min(tried[topic], size))
        for topic, size in topic_sizes.items()
    ]


def questions_tried(answers: list[Mapping[str, Any]]) -> int:
    """How many different questions have been answered (a question answered twice counts once)."""
    return len(latest_by_question(answers))


def accuracy_by_day(answers: list[Mapping[str, Any]]) -> list[tuple[date, int, int]]:
    """(day, answered, right) for each day with answers, oldest first."""
    days: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for a in answers:
        day = days[a["answered_at"].date()]
        day[0] += 1
        day[1] += int(a["correct"])
    return [(d, n, r) for d, (n, r) in sorted(days.items())]


def missed_ids(answers: list[Mapping[str, Any]]) -> list[str]:
    """Questions whose latest answer was wrong, most recent first."""
    latest = latest_by_question(answers)
    wrong = [a for a in latest.values() if not a["correct"]]
    return [a["question_id"] for a in sorted(wrong, key=lambda a: a["answered_at"], reverse=True)]


def most_missed(answers: list[Mapping[str, Any]], limit: int = 10) -> list[tuple[str, int, int]]:
    """(question id, times wrong, times answered) for the questions missed most often."""
    tries = Counter(a["question_id"] for a in answers)
    misses = Counter(a["question_id"] for a in answers if not a["correct"])
    ranked = sorted(misses.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(qid, n, tries[qid]) for qid, n in ranked[:limit]]


def is_due(when: datetime, now: datetime) -> bool:
    """The one rule for "due now", shared by the count and the list on the Progress page
    (and by ProgressStore.due's query): its review time has come."""
    return when <= now


def due_now(next_review: Mapping[str, datetime], now: datetime) -> list[str]:
    """Question ids due at `now`, most overdue first."""
    due = [(when, qid) for qid, when in next_review.items() if is_due(when, now)]
    return [qid for _, qid in sorted(due)]


def soonest(next_review: Mapping[str, datetime], limit: int = 10) -> list[tuple[str, datetime]]:
    """(question id, next review) for the `limit` questions that come back first."""
    return sorted(next_review.items(), key=lambda kv: (kv[1], kv[0]))[:limit]


def percent_text(part: int, whole: int) -> str:
    """A share as a whole percent in words: "17 %" (no "17.4000")."""
    return f"{round(100 * part / whole) if whole else 0} %"


def review_in_words(when: datetime, now: datetime) -> str:
    """When a question comes back, in plain words: "now", "in 1 minute", "in 3 hours",
    "tomorrow", "in 4 days", "in 3 weeks". "now" means due (is_due), never "in a few seconds".
    Both times must carry the same kind of timezone."""
    if is_due(when, now):
        return "now"
    seconds = (when - now).total_seconds()
    minutes = math.ceil(seconds / 60)  # 20 seconds away is "in 1 minute", not "now"
    if minutes < 60:
        return f"in {minutes} minute{'s' if minutes != 1 else ''}"
    hours = round(seconds / 3600)
    if hours < 20:
        return f"in {hours} hour{'s' if hours != 1 else ''}"
    days = (when.date() - now.date()).days
    if days <= 1:
        return "tomorrow"
    if days < 14:
        return f"in {days} days"
    if days < 60:
        return f"in {round(days / 7)} weeks"
    return f"in {round(days / 30)} months"
