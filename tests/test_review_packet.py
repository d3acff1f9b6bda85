"""The clinician review packet (Markdown and PDF), its CLI, source review dates in `validate`,
and the plain review statement on the Sources & about page."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from netaid.content.source_dates import review_date, review_problem, source_warnings
from netaid.explorer.vignettes import load_vignettes
from netaid.outputs.review_packet import Names, condition_lines, packet_markdown, packet_pdf, review_statement
from tests.conftest import run_cli

TODAY = date(2026, 11, 21)
APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture(scope="module")
def vignettes():
    return load_vignettes()


@pytest.fixture(scope="module")
def markdown(lib, vignettes) -> str:
    return packet_markdown(lib, vignettes, TODAY)


@pytest.fixture(scope="module")
def pdf_text(lib, vignettes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(packet_pdf(lib, vignettes, TODAY)))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_markdown_holds_every_rule_option_caution_source_and_vignette(lib, vignettes, markdown):
    for rule in lib.rules.rules:
        assert f"Rule `{rule.id}`" in markdown
    for option in lib.options.options:
        assert option.name in markdown
    for caution in lib.cautions.cautions:
        assert caution.title in markdown
    for source in lib.sources.sources:
        assert source.url is None or source.url in markdown
    for vignette in vignettes:
        assert f"Vignette `{vignette.id}`" in markdown


def test_markdown_header_says_no_rule_is_signed_yet(lib, markdown):
    head = markdown[:1500]
    assert "Generated on 21 November 2026" in head
    assert "No clinician has yet reviewed or signed" in head
    assert f"{len(lib.rules.rules)} rules" in head


def test_each_vignette_shows_a_result(vignettes, markdown):
    assert markdown.count("**Result: PASS**") + markdown.count("**Result: FAIL**") == len(vignettes)


def test_pdf_is_readable_and_holds_known_text(pdf_text):
    pages, text = pdf_text
    assert pages > 1
    for known in ("NETaid: clinician review packet", "clinical_trial_for_everyone", "Specialist vignettes", "Sign-off"):
        assert known in text, known


# --- conditions in words ---------------------------------------------------------------
@pytest.fixture(scope="module")
def names(lib) -> Names:
    return Names.of(lib)


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ({"always": True}, [(0, "always (every situation)")]),
        (
            {"field": "site", "in": ["stomach", "duodenum"]},
            [(0, "Where it started [site]: one of “Stomach”, “Duodenum”")],
        ),
        (
            {"not": {"field": "differentiation", "equals": "poorly"}},
            [
                (
                    0,
                    "How the cells look [differentiation]: not “They look very different from normal cells "
                    "(poorly differentiated)”",
                )
            ],
        ),
        ({"field": "liver_metastases", "equals": True}, [(0, "Spread to the liver [liver_metastases]: yes")]),
        ({"not": {"field": "liver_metastases", "equals": True}}, [(0, "Spread to the liver [liver_metastases]: no")]),
        ({"field": "ki67", "at_least": 20}, [(0, "Ki-67 [ki67]: at least 20%")]),
        (
            {"field": "previous_treatments", "contains": "surgery"},
            [(0, "Treatments already tried [previous_treatments]: includes “Surgery to remove the tumor”")],
        ),
        (
            {"any": [{"field": "grade", "equals": 3}, {"not": {"field": "ki67", "at_most": 20}}]},
            [(0, "any of these:"), (1, "Grade [grade]: “Grade 3”"), (1, "not this:"), (2, "Ki-67 [ki67]: at most 20%")],
        ),
        (
            {"not": {"all": [{"field": "growth", "equals": "growing"}]}},
            [(0, "not all of these:"), (1, "Growing [growth]: “Growing”")],
        ),
    ],
)
def test_conditions_read_as_plain_words(names, when, expected):
    assert condition_lines(when, names) == expected


def test_review_statement_follows_the_rules_review_status(lib):
    rules = lib.rules.rules
    assert review_statement(rules).startswith("No clinician has yet reviewed or signed")
    signed = rules[0].model_copy(
        update={"review": rules[0].review.model_copy(update={"status": "signed", "by": "Dr A. Example", "date": TODAY})}
    )
    assert review_statement([signed, *rules[1:]]).startswith(f"1 of {len(rules)} treatment rules have been signed")


# --- the CLI ---------------------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".md", ".pdf"])
def test_cli_writes_the_packet(tmp_path, suffix):
    target = tmp_path / f"packet{suffix}"
    result = run_cli("review-packet", "-o", str(target))
    assert result.code == 0, result.err
    assert result.out.strip() == f"wrote {target}"
    data = target.read_bytes()
    assert data.startswith(b"%PDF") if suffix == ".pdf" else data.startswith(b"# NETaid: clinician review packet")


def test_cli_refuses_other_formats(tmp_path):
    result = run_cli("review-packet", "-o", str(tmp_path / "packet.docx"))
    assert result.code == 2
    assert "-o must end in .md or .pdf (got 'packet.docx')" in result.err
    assert not (tmp_path / "packet.docx").exists()


def test_cli_needs_an_output(capsys):
    assert run_cli("review-packet", capsys=capsys).code == 2


# --- source review dates -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05/2022 (statistics 03/2023)", date(2022, 5, 1)),
        ("2021-09-21", date(2021, 9, 21)),
        ("2019", date(2019, 1, 1)),
        ("undated", None),
        ("undated (no date on the copy we read)", None),
        ("undated page; its section was last reviewed 04 Feb 2025", date(2025, 2, 4)),
        ("last reviewed 4 February 2025", date(2025, 2, 4)),
        ("13/2022, then 2020", date(2020, 1, 1)),  # month 13 is not a date; keep looking
        ("reviewed 2023-02-30", None),  # 30 February is not a date, so there is no usable date
    ],
)
def test_review_date(text, expected):
    assert review_date(text) == expected


@pytest.mark.parametrize(
    ("reviewed", "problem"),
    [
        ("2023-11-21", None),  # exactly three years: not yet too old
        ("2023-11-20", "was last reviewed 2023-11-20, more than 3 years ago"),
        ("05/2022 (statistics 03/2023)", "was last reviewed 05/2022, more than 3 years ago"),
        ("undated", 'has no usable review date ("undated")'),
    ],
)
def test_review_problem(reviewed, problem):
    assert review_problem(reviewed, TODAY) == problem


def test_source_warnings_name_file_line_and_source(tmp_path):
    file = tmp_path / "sources.yaml"
    file.write_text(
        "sources:\n"
        '  - id: old\n    reviewed: "05/2022"\n'
        '  - id: fresh\n    reviewed: "2026-01-01"\n'
        "  - id: nodate\n    reviewed: undated\n",
        encoding="utf-8",
    )
    assert source_warnings(file, TODAY, tmp_path) == [
        "sources.yaml:3: warning: source `old` was last reviewed 05/2022, more than 3 years ago; check it for changes",
        'sources.yaml:7: warning: source `nodate` has no usable review date ("undated"); check it for changes',
    ]


def test_validate_warns_about_old_and_undated_sources_but_passes(lib):
    result = run_cli("validate")
    assert result.code == 0, result.err
    assert result.out.startswith("OK: ")
    warnings = result.err.strip().splitlines()
    due = [s.id for s in lib.sources.sources if s.kind == "page" and review_problem(s.reviewed, date.today())]
    assert not [w for w in warnings if "trial-" in w], "a trial's publication is fixed, not reviewed"
    assert due, "the shipped sources include old and undated ones"
    assert [w.split("`")[1] for w in warnings] == due
    assert all("netaid/data/sources.yaml:" in w and ": warning: source `" in w for w in warnings), warnings
    assert any("more than 3 years ago; check it for changes" in w for w in warnings)
    assert any("has no usable review date" in w for w in warnings)


# --- the Sources & about page ------------------------------------------------------------
def open_page(file: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page(f"pages/{file}")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_sources_page_says_no_clinician_has_reviewed_it_and_how_to_get_the_packet():
    at = open_page("sources.py")
    assert any(w.proto.body.startswith("No clinician has yet reviewed or signed") for w in at.warning)
    assert any("python -m netaid review-packet -o packet.pdf" in m.value for m in at.markdown)
