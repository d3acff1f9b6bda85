"""Dates anywhere in the calendar, in any time zone: the diary refuses the ones outside its
window plainly, and import, the store, patterns, the shot schedule and the charts never overflow
on the ones it keeps (a 9999-12-31 entry once made a whole diary unreadable)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from netaid.diary import charts
from netaid.diary.crypto import DiaryKey
from netaid.diary.export import DiaryFileError, fhir_json, from_csv, from_fhir, to_csv
from netaid.diary.models import EARLIEST, LATEST, Entry, Settings, in_window
from netaid.diary.patterns import by_day, by_days_since_shot, days_since_last_shot, summary, trigger_patterns
from netaid.diary.schedule import calendar_file, next_due, upcoming
from netaid.diary.store import DiaryStore
from netaid.learner_key import new_key

CALENDAR_ENDS = [
    datetime(1, 1, 1, 0, 0),
    datetime(1, 1, 1, 11, 59),
    datetime(1899, 12, 31, 23, 59),
    datetime(1900, 1, 1, 0, 0),
    datetime(2100, 12, 31, 23, 59),
    datetime(2101, 1, 1, 0, 0),
    datetime(9999, 12, 31, 23, 59),
]
zones = st.integers(-12 * 60, 14 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes)))
# Naive moments from the whole calendar, the ends drawn often.
naive = st.sampled_from(CALENDAR_ENDS) | st.datetimes(datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59))
moments = st.builds(lambda m, z: m.replace(tzinfo=z), naive, zones)
# Moments the diary keeps: its window's own first and last instants often, seen from any zone.
kept = st.builds(
    lambda m, z: m.astimezone(z),
    st.sampled_from([EARLIEST, LATEST])
    | st.datetimes(EARLIEST.replace(tzinfo=None), LATEST.replace(tzinfo=None), timezones=st.just(UTC)),
    zones,
)
kinds = st.sampled_from([("symptom", "flushing"), ("trigger", "alcohol"), ("injection", "lanreotide")])
EDGE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _entry(moment: datetime, kind: tuple[str, str]) -> Entry:
    extra = {"severity": 2} if kind[0] == "symptom" else {}
    return Entry(recorded_at=moment, kind=kind[0], what=kind[1], **extra)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> DiaryStore:
    return DiaryStore(f"sqlite:///{tmp_path_factory.mktemp('edges') / 'diary.sqlite3'}")


@EDGE
@given(moment=moments, kind=kinds)
def test_an_entry_outside_the_window_is_refused_with_a_reason(moment, kind):
    try:
        _entry(moment, kind)
    except ValidationError as error:
        assert not in_window(moment)
        assert "recorded_at" in str(error)
    else:
        assert in_window(moment)


@EDGE
@given(moment=moments, kind=kinds)
def test_a_csv_row_anywhere_in_the_calendar_is_kept_or_refused_with_its_row_named(moment, kind):
    good = to_csv([_entry(datetime(2026, 3, 1, tzinfo=UTC), kind)])
    text = good.replace("2026-03-01T00:00:00+00:00", moment.isoformat())
    try:
        back = from_csv(text)
    except DiaryFileError as error:
        assert "row 2" in str(error) and not in_window(moment)
    else:
        assert [e.recorded_at for e in back] == [moment]


@EDGE
@given(
    moments=st.lists(kept, min_size=1, max_size=6),
    kinds=st.lists(kinds, min_size=6, max_size=6),
    now=st.datetimes(EARLIEST.replace(tzinfo=None), LATEST.replace(tzinfo=None)),
    now_zone=zones,
    interval=st.integers(7, 84),
    hours=st.integers(2, 12),
)
def test_kept_dates_go_through_store_patterns_schedule_and_charts_without_overflow(
    store, moments, kinds, now, now_zone, interval, hours
):
    diary = [_entry(m, k) for m, k in zip(moments, kinds, strict=False)]
    now = now.replace(tzinfo=now_zone)
    key = DiaryKey(new_key())
    store.save_many(key, diary)
    found = store.read(key)
    assert found.damaged == [] and len(found.entries) == len(diary)
    assert from_csv(to_csv(diary)) == sorted(diary, key=lambda e: (e.recorded_at, e.id))
    assert len(from_fhir(fhir_json(diary))) == len(diary)
    plan = Settings(interval_days=interval)
    for zone in (now_zone, UTC):
        days = by_day(diary, zone)
        charts.symptoms_over_time(days)
        charts.by_days_since_shot(by_days_since_shot(diary, zone))
        days_since_last_shot(diary, now, zone)
        summary(diary, 4, now, hours, zone)
    charts.trigger_patterns(trigger_patterns(diary, hours))
    due = next_due(diary, plan)
    coming = upcoming(diary, plan)
    assert all(a < b for a, b in zip(coming, coming[1:], strict=False))
    assert due is None or due == (coming[0] if coming else due)
    assert calendar_file(diary, plan, now).startswith(b"BEGIN:VCALENDAR")
