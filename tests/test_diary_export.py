"""Diary files: CSV and FHIR out and back in with no loss, and the `diary` CLI."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from fhir.resources.R4B.bundle import Bundle
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netaid.diary.export import DiaryFileError, fhir_json, from_csv, from_fhir, to_csv, to_fhir
from netaid.diary.models import CSV_COLUMNS, GIVER_IDS, KIND_OF, SITE_IDS, VOCABULARY, Entry
from tests.conftest import run_cli
from tests.diary_samples import sample_diary


def _ordered(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.recorded_at, e.id))


def test_csv_has_the_agreed_columns_and_reads_back_byte_for_byte():
    text = to_csv(sample_diary())
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert text.startswith("recorded_at,kind,what,severity,note,")
    back = from_csv(text)
    assert back == _ordered(sample_diary())
    assert to_csv(back) == text


def test_a_file_with_only_the_five_columns_reads_with_stable_ids():
    text = (
        "recorded_at,kind,what,severity,note\n"
        "2026-03-01T08:00:00+01:00,trigger,aged_cheese,,\n"
        '2026-03-01T10:00:00+01:00,symptom,flushing,2,"hot, red face"\n'
        "2026-03-02T09:00:00,injection,lanreotide,,\n"
    )
    first, second = from_csv(text), from_csv(text)
    assert [e.id for e in first] == [e.id for e in second]
    assert first[1].note == "hot, red face" and first[2].recorded_at.tzinfo is not None


@pytest.mark.parametrize(
    "row, where",
    [
        ("2026-13-01T08:00:00+00:00,symptom,flushing,2,", "row 2, column recorded_at"),
        ("2026-03-01T08:00:00+00:00,symptoms,flushing,2,", "row 2, column kind"),
        ("2026-03-01T08:00:00+00:00,symptom,aged_cheese,2,", "row 2, column what"),
        ("2026-03-01T08:00:00+00:00,symptom,flushing,4,", "row 2, column severity"),
        ("2026-03-01T08:00:00+00:00,symptom,flushing,,", "row 2, column severity"),
        ("2026-03-01T08:00:00+00:00,trigger,tofu,2,", "row 2, column severity"),
        ("2026-03-01T08:00:00+00:00,symptom,flushing,two,", "row 2, column severity"),
        ("2026-03-01T08:00:00+00:00,symptom,flushing,2,x" + "y" * 600, "row 2, column note"),
        ("2026-03-01T08:00:00+00:00,symptom,flushing,2", "row 2:"),
    ],
)
def test_bad_rows_are_named_by_row_and_column(row, where):
    with pytest.raises(DiaryFileError, match=where):
        from_csv("recorded_at,kind,what,severity,note\n" + row + "\n")


def test_bad_headers_are_named():
    with pytest.raises(DiaryFileError, match="row 1, column severity"):
        from_csv("recorded_at,kind,what,note\n")
    with pytest.raises(DiaryFileError, match="row 1, column 'colour'"):
        from_csv("recorded_at,kind,what,severity,note,colour\n")
    with pytest.raises(DiaryFileError, match="row 1"):
        from_csv("")


def test_the_fhir_bundle_validates_and_reads_back_with_no_loss():
    diary = sample_diary()
    text = fhir_json(diary)
    bundle = Bundle.model_validate_json(text)  # fhir.resources checks every element
    kinds = [e.resource.get_resource_type() for e in bundle.entry]
    assert kinds.count("Observation") == 18 and kinds.count("MedicationAdministration") == 2
    data = json.loads(text)
    shot = next(e["resource"] for e in data["entry"] if e["resource"].get("dosage", {}).get("site"))
    assert shot["medicationCodeableConcept"]["text"].startswith("Lanreotide") and shot["status"] == "completed"
    assert from_fhir(text) == _ordered(diary)
    assert to_fhir(from_fhir(text)).model_dump_json() == bundle.model_dump_json()


def test_a_file_that_is_not_a_diary_bundle_is_refused():
    with pytest.raises(DiaryFileError, match="not a valid FHIR Bundle"):
        from_fhir('{"resourceType": "Bundle", "type": "collection", "entry": "oops"}')
    with pytest.raises(DiaryFileError, match="entry 1"):
        from_fhir(
            json.dumps(
                {
                    "resourceType": "Bundle",
                    "type": "collection",
                    "entry": [{"resource": {"resourceType": "Observation", "status": "final", "code": {"text": "x"}}}],
                }
            )
        )


# -- random diaries round-trip ---------------------------------------------------------------------

notes = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


@st.composite
def entries(draw) -> Entry:
    what = draw(st.sampled_from([w.id for words in VOCABULARY.values() for w in words]))
    kind = KIND_OF[what]
    offset = timedelta(minutes=draw(st.integers(-12 * 60, 14 * 60)))
    when = datetime(2026, 1, 1, tzinfo=timezone(offset)) + timedelta(
        seconds=draw(st.integers(0, 3600 * 24 * 400)), microseconds=draw(st.sampled_from([0, 0, 123456]))
    )
    extra: dict = {"note": draw(notes)}
    if kind == "symptom":
        extra["severity"] = draw(st.integers(1, 3))
    if what == "diarrhea":
        extra["stool_count"] = draw(st.none() | st.integers(0, 30))
        extra["bristol"] = draw(st.none() | st.integers(1, 7))
    if kind == "injection":
        extra["site"] = draw(st.none() | st.sampled_from(SITE_IDS))
        extra["given_by"] = draw(st.none() | st.sampled_from(GIVER_IDS))
    if kind in ("injection", "medicine"):
        # digits left out: numbers in a dose must be plausible (tests/test_diary_bounds.py)
        extra["dose"] = draw(
            st.none() | st.text(st.characters(blacklist_categories=("Cs", "Nd")), min_size=1, max_size=20)
        )
    return Entry(recorded_at=when, kind=kind, what=what, **extra)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(entries(), max_size=25, unique_by=lambda e: e.id))
def test_random_diaries_survive_csv_and_fhir(diary):
    text = to_csv(diary)
    back = from_csv(text)
    assert back == _ordered(diary)
    assert to_csv(back) == text
    assert from_fhir(fhir_json(diary)) == _ordered(diary)


# -- the CLI ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "kept"), [("\xa0", None), ("120\xa0mg", "120 mg"), ("  90 mg ", "90 mg")])
def test_a_dose_with_odd_spaces_is_tidied_so_fhir_takes_it(typed, kept):
    # Found by the property test above: a no-break space made the FHIR export fail.
    shot = Entry(recorded_at=datetime(2026, 1, 1, tzinfo=UTC), kind="injection", what="lanreotide", dose=typed)
    assert shot.dose == kept
    assert from_fhir(fhir_json([shot]))[0].dose == kept


def test_cli_summary_and_fhir(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(to_csv(sample_diary()), encoding="utf-8")
    result = run_cli("diary", "summary", "--file", str(path), "--weeks", "4")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["symptom_counts"] == {"flushing": 3, "diarrhea": 1, "wheezing": 1}
    assert [p["what"] for p in data["top_patterns"]] == ["aged_cheese"]
    wider = json.loads(run_cli("diary", "summary", "--file", str(path), "--hours", "12").out)
    assert {p["what"]: p["followed"] for p in wider["patterns"]}["aged_cheese"] == 4
    out = tmp_path / "bundle.json"
    result = run_cli("diary", "fhir", "--file", str(path), "-o", str(out))
    assert result.code == 0 and "wrote 20 entries" in result.out
    assert len(Bundle.model_validate_json(out.read_text()).entry) == 20


def test_cli_bad_files_exit_2_naming_row_and_column(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "recorded_at,kind,what,severity,note\n2026-03-01T08:00:00+00:00,symptom,flushing,2,\n"
        "2026-03-01T09:00:00+00:00,symptom,flushing,9,\n",
        encoding="utf-8",
    )
    result = run_cli("diary", "summary", "--file", str(bad))
    assert result.code == 2 and "row 3, column severity" in result.err and "Traceback" not in result.err
    assert run_cli("diary", "fhir", "--file", str(bad), "-o", str(tmp_path / "b.json")).code == 2
    assert "cannot read" in run_cli("diary", "summary", "--file", str(tmp_path / "missing.csv")).err
    (tmp_path / "bin.csv").write_bytes(b"\xff\xfe\x00bad")
    assert "not UTF-8" in run_cli("diary", "summary", "--file", str(tmp_path / "bin.csv")).err
    assert run_cli("diary", "summary", "--file", str(bad), "--hours", "13").code == 2
    assert run_cli("diary", "summary", "--file", str(bad), "--weeks", "x").code == 2


def test_the_pdf_summary_and_the_visit_sheet_section_hold_the_numbers(lib):
    import io

    from pypdf import PdfReader

    from netaid.diary.patterns import summary, summary_lines
    from netaid.diary.report import summary_pdf
    from netaid.outputs.visit_sheet import VisitSheet, visit_sheet_pdf, visit_sheet_text
    from tests.diary_samples import at

    data = summary(sample_diary(), 2, at(7, 23))
    text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(summary_pdf(data, at(8, 0).date()))).pages
    )
    assert "My NET diary summary" in text and "flushing 3x" in text and "Shots on: 2026-03-01" in text
    assert "After aged cheese, a symptom followed within 4 hours 3 of 6 times" in text and "Patterns, not proof" in text
    sheet = VisitSheet(diary=summary_lines(data))
    assert "FROM MY DIARY\nDiary from 2026-02-22 to 2026-03-08" in visit_sheet_text(lib, sheet)
    pdf_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(visit_sheet_pdf(lib, sheet))).pages)
    assert "From my diary" in pdf_text
