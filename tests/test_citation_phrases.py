"""How a citation says when a source was reviewed, for every date shape sources.yaml uses,
and one mention per publisher when several of its pages are cited together."""

from __future__ import annotations

import pytest

from netaid.content.source_dates import group_review_phrase, review_phrase


@pytest.mark.parametrize(
    ("reviewed", "phrase"),
    [
        ("05/2022 (statistics 03/2023)", "reviewed 05/2022 (statistics 03/2023)"),
        ("2021-09-21", "reviewed 2021-09-21"),
        ("2019", "reviewed 2019"),
        ("undated", "no review date given"),
        ("undated (no date on the copy we read)", "no review date given"),
        ("undated page; its section was last reviewed 04 Feb 2025", "section last reviewed 04 Feb 2025"),
        ("published 2009", "published 2009"),
    ],
)
def test_each_date_shape_reads_as_a_phrase(reviewed, phrase):
    assert review_phrase(reviewed) == phrase


def test_every_registered_source_gets_a_phrase_without_broken_words(lib):
    for source in lib.sources.sources:
        phrase = review_phrase(source.reviewed)
        assert phrase, source.id
        assert "reviewed published" not in phrase and "undated" not in phrase, (source.id, phrase)


SECTION = "undated page; its section was last reviewed 04 Feb 2025"


@pytest.mark.parametrize(
    ("reviewed", "phrase"),
    [
        ([SECTION, SECTION, SECTION], "sections last reviewed 04 Feb 2025"),
        ([SECTION, "undated"], "section last reviewed 04 Feb 2025; 1 page with no review date"),
        (
            [SECTION, SECTION, "undated", "undated (no date on the copy we read)"],
            "sections last reviewed 04 Feb 2025; 2 pages with no review date",
        ),
        (["undated", "undated (no date on the copy we read)"], "no review dates given"),
        (["2021-09-21", "2022-05-24"], "reviewed 2021-09-21 and 2022-05-24"),
        (["published 2011", "published 2011"], "published 2011"),
    ],
)
def test_one_publishers_pages_share_one_phrase(reviewed, phrase):
    assert group_review_phrase(reviewed) == phrase


def test_cite_names_a_publisher_once_however_many_of_its_pages(lib):
    text = lib.cite(["cruk-net-nec", "cruk-chemo", "cruk-ssa", "cancernet"])
    assert text.count("Cancer Research UK") == 1
    assert text == (
        "Sources: Cancer Research UK (sections last reviewed 04 Feb 2025); "
        "Cancer.Net (reviewed 05/2022 (statistics 03/2023))"
    )


def test_cite_a_publication_by_its_publication_date(lib):
    assert lib.cite(["trial-promid"]) == "Source: PROMID trial (published 2009)"


def test_cite_an_item_once_per_source(lib):
    item = lib.overview.what_is_a_net
    text = lib.cite([item, item])
    for short in {lib.source(s).short for s in item.sources}:
        assert text.count(short) == 1
