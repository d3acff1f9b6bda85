"""Diaries made by hand, with answers worked out on paper (see test_diary_patterns.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from netaid.diary.models import Entry

DAY0 = datetime(2026, 3, 1, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return DAY0 + timedelta(days=day, hours=hour, minutes=minute)


def sample_diary() -> list[Entry]:
    """One shot, aged cheese six mornings, alcohol five evenings, stress twice, five symptoms."""
    entries = [
        Entry(
            recorded_at=at(0, 7),
            kind="injection",
            what="lanreotide",
            site="left_buttock",
            given_by="self",
            dose="120 mg",
        )
    ]
    entries += [Entry(recorded_at=at(d, 8), kind="trigger", what="aged_cheese") for d in range(6)]
    entries += [Entry(recorded_at=at(d, 18), kind="trigger", what="alcohol") for d in range(5)]
    entries += [Entry(recorded_at=at(d, 9), kind="trigger", what="stress") for d in (6, 7)]
    entries += [
        Entry(recorded_at=at(0, 10), kind="symptom", what="flushing", severity=3, note="hot face, after lunch"),
        Entry(recorded_at=at(1, 11), kind="symptom", what="flushing", severity=1),
        Entry(recorded_at=at(2, 9), kind="symptom", what="diarrhea", severity=2, stool_count=4, bristol=6),
        Entry(recorded_at=at(3, 20), kind="symptom", what="flushing", severity=2),
        Entry(recorded_at=at(6, 10), kind="symptom", what="wheezing", severity=3),
    ]
    entries.append(Entry(recorded_at=at(2, 12), kind="medicine", what="octreotide_rescue", dose="100 mcg"))
    return [e.model_copy(update={"id": f"{n:032x}"}) for n, e in enumerate(entries)]  # the same ids every call


def sample_diary_moved_to_last_week() -> list[Entry]:
    """The same diary starting eight days ago, moved by whole days so every entry keeps its clock time.

    Moving by an exact 'now minus eight days' would carry late-evening entries over midnight when the tests
    run in the evening, and the per-day counts would change with the time of day.
    """
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    shift = today - timedelta(days=8) - DAY0
    return [e.model_copy(update={"recorded_at": e.recorded_at + shift}) for e in sample_diary()]
