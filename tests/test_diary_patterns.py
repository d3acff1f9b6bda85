"""Pattern numbers on a hand-made diary with known answers, and on random diaries against a recount."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netaid.content.library import load_library
from netaid.diary.models import KIND_OF, SYMPTOMS, TRIGGERS, VOCABULARY, Entry, Settings
from netaid.diary.patterns import (
    MIN_TIMES,
    by_day,
    by_days_since_shot,
    days_since_last_shot,
    summary,
    summary_lines,
    top_patterns,
    trigger_patterns,
    worst_days,
)
from netaid.diary.schedule import calendar_file, next_due, next_site, upcoming
from tests.diary_samples import DAY0, at, sample_diary


def test_trigger_patterns_on_a_hand_made_diary():
    found = {p.what: p for p in trigger_patterns(sample_diary(), 4)}
    cheese, alcohol, stress = found["aged_cheese"], found["alcohol"], found["stress"]
    # Cheese at 8:00 on days 0-5; symptoms 2, 3 and 1 hours later on days 0-2; 12 hours later on day 3.
    assert (cheese.times, cheese.followed, cheese.other_times, cheese.other_followed) == (6, 3, 7, 2)
    # Alcohol at 18:00 on days 0-4: only day 3's flushing at 20:00 follows within 4 hours.
    assert (alcohol.times, alcohol.followed, alcohol.other_times, alcohol.other_followed) == (5, 1, 8, 4)
    # Stress twice: wheezing an hour after the first. Two times are too few to show.
    assert (stress.times, stress.followed) == (2, 1) and not stress.shown
    assert cheese.shown and alcohol.shown and MIN_TIMES == 5
    assert cheese.sentence() == (
        "After aged cheese, a symptom followed within 4 hours 3 of 6 times. "
        "After other things you tagged: 2 of 7 times."
    )


def test_a_wider_window_counts_the_symptom_exactly_at_its_edge():
    found = {p.what: p for p in trigger_patterns(sample_diary(), 12)}
    assert found["aged_cheese"].followed == 4  # day 3's flushing came 12 hours after: inside a 12 h window
    assert {p.what: p.followed for p in trigger_patterns(sample_diary(), 11)}["aged_cheese"] == 3


def test_top_patterns_keep_only_tags_followed_more_often_than_others():
    assert [p.what for p in top_patterns(sample_diary(), 4)] == ["aged_cheese"]


def test_a_symptom_at_the_same_moment_as_a_tag_does_not_follow_it():
    same = [
        Entry(recorded_at=at(0, 8), kind="trigger", what="tofu"),
        Entry(recorded_at=at(0, 8), kind="symptom", what="flushing", severity=1),
    ]
    assert trigger_patterns(same, 4)[0].followed == 0


def test_days_worst_days_and_days_since_the_shot():
    diary = sample_diary()
    days = {d.day: d for d in by_day(diary)}
    assert days[date(2026, 3, 1)].counts == {"flushing": 1} and days[date(2026, 3, 1)].shot
    assert days[date(2026, 3, 3)].counts == {"diarrhea": 1} and days[date(2026, 3, 3)].worst == 2
    # Only days 0 and 6 are hard (a severe symptom each; the later one first). Days 1 to 3 have one
    # mild or medium symptom each: not hard days.
    assert [d.day.day for d in worst_days(diary)] == [7, 1]
    assert days_since_last_shot(diary, at(10, 12)) == 10
    assert days_since_last_shot(diary, DAY0) is None  # the shot was at 7:00
    since = by_days_since_shot(diary)
    assert [(s.days_after, s.symptoms, s.days) for s in since] == [
        (0, 1, 1),
        (1, 1, 1),
        (2, 1, 1),
        (3, 1, 1),
        (4, 0, 1),
        (5, 0, 1),
        (6, 1, 1),
        (7, 0, 1),
    ]


def test_the_summary_in_numbers_and_in_words():
    data = summary(sample_diary(), 4, at(7, 23))
    assert data["symptom_counts"] == {"flushing": 3, "diarrhea": 1, "wheezing": 1}
    assert data["symptom_days"] == 5 and data["shot_dates"] == ["2026-03-01"]
    assert data["medicine_counts"] == {"octreotide_rescue": 1}
    assert [p["what"] for p in data["top_patterns"]] == ["aged_cheese"]
    lines = summary_lines(data)
    assert "Symptoms: flushing 3x, diarrhea 1x, wheezing 1x, on 5 days." in lines
    assert any("After aged cheese, a symptom followed within 4 hours 3 of 6 times" in line for line in lines)
    assert summary(sample_diary(), 2, at(40, 0))["entries"] == 0  # weeks later: nothing in the window


def test_next_due_date_rotation_hint_and_calendar():
    diary, plan = sample_diary(), Settings(medicine="lanreotide", interval_days=28)
    assert next_due(diary, plan) == date(2026, 3, 29)
    assert upcoming(diary, plan, 3) == [date(2026, 3, 29), date(2026, 4, 26), date(2026, 5, 24)]
    assert next_site(diary) == "right_buttock"
    ics = calendar_file(diary, plan, at(1, 0), count=3).decode()
    assert ics.count("BEGIN:VEVENT") == 3 and "DTSTART;VALUE=DATE:20260329" in ics and "Lanreotide shot due" in ics
    from icalendar import Calendar

    assert len(Calendar.from_ical(ics).walk("VEVENT")) == 3
    assert next_due([], plan) is None and calendar_file([], plan, at(0, 0)).count(b"VEVENT") == 0


def test_the_trigger_words_are_the_ones_the_learn_page_teaches():
    learn = load_library().carcinoid.triggers
    examples = {ex.lower().rstrip("s") for t in learn for ex in t.examples}
    diary_foods = {w.label.lower().rstrip("s") for w in TRIGGERS if w.group in ("amines", "serotonin")}
    assert diary_foods == examples
    assert {t.id for t in learn} <= {w.group for w in TRIGGERS}


# -- random diaries ------------------------------------------------------------------------------


def _entry(kind: str, what: str, minutes: int, severity: int) -> Entry:
    extra = {"severity": severity} if kind == "symptom" else {}
    return Entry(recorded_at=DAY0 + timedelta(minutes=minutes), kind=kind, what=what, **extra)


entries_strategy = st.lists(
    st.builds(
        lambda what, minutes, sev: _entry(KIND_OF[what], what, minutes, sev),
        st.sampled_from([w.id for words in VOCABULARY.values() for w in words]),
        st.integers(0, 60 * 24 * 30),
        st.integers(1, 3),
    ),
    max_size=60,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries_strategy, st.integers(2, 12))
def test_random_diaries_match_a_recount(entries, hours):
    patterns = trigger_patterns(entries, hours)
    symptom_times = [e.recorded_at for e in entries if e.kind == "symptom"]
    tags = [e for e in entries if e.kind == "trigger"]
    window = timedelta(hours=hours)

    def followed(t) -> bool:
        return any(timedelta(0) < s - t <= window for s in symptom_times)

    for p in patterns:
        mine = [t for t in tags if t.what == p.what]
        others = [t for t in tags if t.what != p.what]
        assert p.times == len(mine) and p.followed == sum(followed(t.recorded_at) for t in mine)
        assert p.other_times == len(others) and p.other_followed == sum(followed(t.recorded_at) for t in others)
        assert p.shown == (p.times >= MIN_TIMES) and 0 <= p.share <= 1
    assert {p.what for p in patterns} == {t.what for t in tags}

    days = by_day(entries)
    assert sum(sum(d.counts.values()) for d in days) == len(symptom_times)
    assert sum(d.burden for d in days) == sum(e.severity or 0 for e in entries)
    per_kind = Counter(e.what for e in entries if e.kind == "symptom")
    assert Counter({s: sum(d.counts.get(s, 0) for d in days) for s in per_kind}) == per_kind

    since = by_days_since_shot(entries)
    shot_days = sorted({e.recorded_at.date() for e in entries if e.kind == "injection"})
    if shot_days:
        last = max(e.recorded_at.date() for e in entries)
        assert sum(s.days for s in since) == (last - shot_days[0]).days + 1
        assert sum(s.symptoms for s in since) == sum(
            1 for e in entries if e.kind == "symptom" and e.recorded_at.date() >= shot_days[0]
        )
    else:
        assert since == []
    summary(entries, 8, DAY0 + timedelta(days=31), hours)  # never raises
    assert {w.id for w in SYMPTOMS} >= set(per_kind)
