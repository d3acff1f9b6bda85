"""My progress says one thing at a time: loaded answers count at once, "due now" is one rule for the
sentence and the table, percentages are whole numbers, and chart labels have room."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from netaid.content.library import load_library
from netaid.outputs.charts import accuracy_chart, mastery_chart
from netaid.quiz.stats import due_now, percent_text, review_in_words
from testkit.pages import figure, open_page, page_text

NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def private_database(tmp_path, monkeypatch):
    monkeypatch.setenv("NETAID_DATABASE_URL", f"sqlite:///{tmp_path / 'progress.sqlite3'}")


def question_ids(n: int) -> list[tuple[str, str]]:
    """(question id, topic) for the first n questions NETaid has."""
    found = [(q.id, topic) for topic, bank in load_library().quiz_banks.items() for q in bank.questions]
    return found[:n]


def progress_file(count: int) -> bytes:
    ids = question_ids(12)
    now = datetime.now(UTC)
    answers = [
        {
            "question_id": ids[i % 12][0],
            "topic": ids[i % 12][1],
            "correct": i % 3 != 0,
            "answered_at": (now - timedelta(days=6 - i // 5, minutes=30 - i)).isoformat(),
        }
        for i in range(count)
    ]
    return json.dumps({"format": "netaid-progress/1", "answers": answers}).encode()


def guest(at: AppTest) -> tuple[object, int]:
    store = at.session_state["guest_store"]
    return store, store.find("guest")


def test_a_loaded_file_counts_at_once_and_no_answers_yet_is_gone():
    at = open_page("progress.py")
    assert "No answers yet" in at.info[0].proto.body
    at.file_uploader(key="import_file").set_value(("mine.json", progress_file(26), "application/json")).run()
    assert not at.exception
    assert at.success[0].proto.body.startswith("Loaded 26 answers from mine")
    assert not [i for i in at.info if "No answers yet" in i.proto.body], "the page must not say both"
    assert {m.label: m.value for m in at.metric}["Answers given"] == "26"
    at.run()  # the same file is not loaded twice on the next rerun
    assert "Loaded" in at.success[0].proto.body and {m.label: m.value for m in at.metric}["Answers given"] == "26"


def test_a_refused_file_says_so_and_the_page_still_has_no_answers():
    at = open_page("progress.py")
    at.file_uploader(key="import_file").set_value(("bad.json", b"{}", "application/json")).run()
    assert "Nothing was loaded from bad" in at.error[0].proto.body
    assert "No answers yet" in at.info[0].proto.body


def test_due_now_is_one_rule_for_the_sentence_and_the_table():
    at = open_page("progress.py")
    store, me = guest(at)
    now = datetime.now(UTC)
    # Wrong answers come back after about a minute: the newest is not due yet, the older ones are.
    for i, (qid, topic) in enumerate(question_ids(7)):
        store.record_answer(me, qid, topic, False, now - timedelta(seconds=30 * i))  # type: ignore[attr-defined]
    at.run()
    table = next(t.value for t in at.table if "Next review" in t.value.columns)
    marked_now = sum(1 for words in table["Next review"] if words == "now")
    text = page_text(at)
    assert f"**{marked_now} question" in text and "due now" in text, (marked_now, text)


def test_review_words_say_now_only_when_due():
    assert review_in_words(NOW, NOW) == "now" and review_in_words(NOW - timedelta(hours=1), NOW) == "now"
    assert review_in_words(NOW + timedelta(seconds=20), NOW) == "in 1 minute"
    assert review_in_words(NOW + timedelta(seconds=61), NOW) == "in 2 minutes"
    due = due_now({"a": NOW + timedelta(seconds=1), "b": NOW, "c": NOW - timedelta(days=1)}, NOW)
    assert due == ["c", "b"]


def test_percentages_are_whole_numbers():
    assert percent_text(4, 23) == "17 %" and percent_text(0, 0) == "0 %" and percent_text(2, 3) == "67 %"
    at = open_page("progress.py")
    at.file_uploader(key="import_file").set_value(("mine.json", progress_file(26), "application/json")).run()
    tables = [t.value for t in at.table if "Percent" in t.value.columns]
    assert len(tables) == 2, "mastery and accuracy both have a table"
    for table in tables:
        assert all(str(p).endswith(" %") and "." not in str(p) for p in table["Percent"]), list(table["Percent"])
    mastery, accuracy = figure(at, 0), figure(at, 1)
    assert all(float(x).is_integer() for x in mastery["data"][0]["x"])
    assert all(float(y).is_integer() for y in accuracy["data"][0]["y"])


def test_accuracy_labels_have_room_on_a_phone():
    days = [(date(2026, 10, 1) + timedelta(days=i), 7, 3 + i % 4) for i in range(30)]
    busy = accuracy_chart(days).figure
    ticks = busy.layout.xaxis.tickvals
    assert len(ticks) <= 6 and ticks[0] == "01 Oct" and ticks[-1] == "30 Oct"
    assert "text" not in busy.data[0].mode, "30 percent labels would sit on each other"
    assert busy.layout.xaxis.ticktext[0] == "01<br>Oct", "day over month: narrow enough for six on a phone"
    assert "text" not in accuracy_chart(days[:6]).figure.data[0].mode
    few = accuracy_chart(days[:3]).figure
    assert few.data[0].text == ("43 %", "57 %", "71 %") and len(few.layout.xaxis.tickvals) == 3
    across_years = accuracy_chart([(date(2025, 3, 1), 1, 1), (date(2026, 3, 1), 1, 0)]).figure
    assert len(set(across_years.data[0].x)) == 2, "the same day of two years keeps two points"


def test_mastery_rows_are_tall_enough_for_their_wrapped_labels():
    rows = [("Tests and scans used to find a NET", 1, 3, 9), ("Triggers", 0, 0, 8)]
    fig = mastery_chart(rows).figure
    lines = max(t.count("<br>") + 1 for t in fig.layout.yaxis.ticktext)
    assert fig.layout.height >= 90 + len(rows) * 20 * lines, "each row needs about 20 px per line of its label"
    plain_lines = [line for t in fig.layout.yaxis.ticktext for line in t.replace("<i>", "").split("<br>")]
    assert all(len(line.replace("</i>", "")) <= 18 for line in plain_lines), plain_lines
