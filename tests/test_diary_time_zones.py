"""The diary in the person's time zone: saved times, days in the charts, and what a hard day is."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from streamlit.testing.v1 import AppTest

from netaid.diary import charts
from netaid.diary.models import Entry
from netaid.diary.patterns import (
    HARD_DAY_RULE,
    by_day,
    by_days_since_shot,
    days_since_last_shot,
    summary,
    summary_lines,
    worst_days,
)
from testkit.pages import APP, page_text, save_button

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(autouse=True)
def private_database(tmp_path, monkeypatch):
    monkeypatch.setenv("NETAID_DATABASE_URL", f"sqlite:///{tmp_path / 'diary.sqlite3'}")


def flush(when: datetime, severity: int = 2) -> Entry:
    return Entry(recorded_at=when, kind="symptom", what="flushing", severity=severity)


def shot(when: datetime) -> Entry:
    return Entry(recorded_at=when, kind="injection", what="lanreotide")


# -- days in the person's time zone ------------------------------------------------------------


def test_an_entry_saved_in_utc_lands_on_the_persons_own_day():
    late = flush(datetime(2026, 3, 1, 23, 30, tzinfo=UTC))  # 00:30 on 2 March in Berlin
    assert [d.day for d in by_day([late])] == [date(2026, 3, 1)], "without a zone: the entry's own offset"
    assert [d.day for d in by_day([late], BERLIN)] == [date(2026, 3, 2)]
    entries = [shot(datetime(2026, 3, 1, 22, 0, tzinfo=UTC)), late]  # both on 1 March in UTC, 23:00/00:30 Berlin
    assert [(s.days_after, s.symptoms) for s in by_days_since_shot(entries, BERLIN)] == [(0, 0), (1, 1)]
    assert days_since_last_shot(entries, datetime(2026, 3, 2, 23, 30, tzinfo=UTC), BERLIN) == 2
    data = summary(entries, 4, datetime(2026, 3, 2, 23, 30, tzinfo=UTC), zone=BERLIN)
    assert data["to"] == "2026-03-03" and data["shot_dates"] == ["2026-03-01"]


def test_one_entry_is_drawn_on_one_day_with_its_name_once():
    day = by_day([flush(datetime(2026, 3, 1, 23, 30, tzinfo=UTC))], BERLIN)
    fig = charts.symptoms_over_time(day).figure
    axis = fig.layout.xaxis
    assert list(axis.tickvals) == ["2026-03-02"] and list(axis.ticktext) == ["02<br>Mar"]
    assert fig.data[0].x == ("2026-03-02",), "the bar sits on the day's own tick"
    low, high = (datetime.fromisoformat(str(v)) for v in axis.range)
    assert (low, high) == (datetime(2026, 3, 1, 12), datetime(2026, 3, 2, 12)), "half a day either side"


def test_a_long_diary_names_at_most_seven_days_each_on_its_midnight():
    axis = charts.day_axis([date(2026, 1, 1), date(2026, 2, 25)])
    assert 2 <= len(axis["tickvals"]) <= charts.MOST_DAY_TICKS
    assert axis["tickvals"][0] == "2026-01-01" and len(set(axis["ticktext"])) == len(axis["ticktext"])


# -- hard days ---------------------------------------------------------------------------------


def test_one_medium_flush_is_not_a_hard_day_but_a_severe_one_or_three_symptoms_are():
    day1, day2, day3 = (datetime(2026, 3, d, 10, tzinfo=UTC) for d in (1, 2, 3))
    entries = [flush(day1, 2), flush(day2, 3)] + [flush(day3.replace(hour=h), 1) for h in (8, 12, 18)]
    assert [d.hard for d in by_day(entries)] == [False, True, True]
    assert [d.day.day for d in worst_days(entries)] == [3, 2], "3 severity points each: the later day first"
    lines = summary_lines(summary(entries, 4, datetime(2026, 3, 4, tzinfo=UTC)))
    assert "Hard day 2026-03-02: flushing 1x." in lines and HARD_DAY_RULE in lines
    quiet = summary_lines(summary([flush(day1, 2)], 4, datetime(2026, 3, 4, tzinfo=UTC)))
    assert not [line for line in quiet if line.startswith("Hard day")], quiet


# -- saving in the person's time zone (AppTest sets what the browser would send) ------------------


def diary(timezone: str | None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.context = {"timezone": timezone}
    at.run()
    at.switch_page("pages/diary.py").run()
    assert not at.exception
    return at


def save_at(at: AppTest, when: datetime, event: str | None, triggers: list[str]) -> AppTest:
    if event:
        at.button_group(key="d_event").set_value(event).run()
        at.button_group(key="d_sev").set_value(2).run()
    at.button_group(key="d_triggers").set_value(triggers).run()
    at.date_input(key="d_date").set_value(when.date()).run()
    at.time_input(key="d_time").set_value(when.time()).run()
    save_button(at, "d_save_").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def saved(at: AppTest) -> list[Entry]:
    owner = at.session_state["diary_guest"]
    return owner.store.entries(owner.key)


def test_alcohol_at_four_in_berlin_is_saved_at_four_berlin_time():
    at = save_at(diary("Europe/Berlin"), datetime(2026, 7, 1, 4, 0), None, ["alcohol"])
    (entry,) = saved(at)
    assert entry.recorded_at == datetime(2026, 7, 1, 2, 0, tzinfo=UTC), "04:00 in Berlin in summer is 02:00 UTC"
    assert at.success[0].proto.body == "Saved: Alcohol at 04:00."
    assert any("01 Jul, 04:00" in m.value for m in at.markdown)
    assert "UTC (world time)" not in page_text(at)


def test_a_symptom_and_what_came_before_each_say_their_own_time():
    at = save_at(diary("Europe/Berlin"), datetime(2026, 7, 1, 4, 0), "flushing", ["alcohol"])
    assert at.success[0].proto.body == "Saved: Flushing at 04:00, Alcohol at 03:00.", "alcohol an hour before"


def test_without_a_browser_time_zone_the_diary_says_it_uses_utc():
    at = save_at(diary(None), datetime(2026, 7, 1, 4, 0), None, ["alcohol"])
    assert "did not say which time zone" in page_text(at)
    assert at.success[0].proto.body == "Saved: Alcohol at 04:00 UTC."
    assert saved(at)[0].recorded_at == datetime(2026, 7, 1, 4, 0, tzinfo=UTC)


def test_an_unknown_time_zone_name_falls_back_to_utc_with_the_note():
    at = diary("Mars/Olympus_Mons")
    assert "did not say which time zone" in page_text(at)


def test_what_i_see_says_what_a_hard_day_is():
    at = save_at(diary("Europe/Berlin"), datetime.combine(date.today(), time(0, 5)), "flushing", [])
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any(HARD_DAY_RULE in c and c.startswith("0 hard days") for c in captions), captions
    table = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["xaxis"]
    assert table["ticktext"] == [date.today().strftime("%d<br>%b")]
