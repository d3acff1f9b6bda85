"""Property tests: random links, profiles and answers never make an exception escape, and
1,360 random hostile texts never render as a link, an image or markup (see PIECES)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from netaid.content.library import load_library
from netaid.diary.models import MAX_DOSE, MAX_NOTE, Entry
from netaid.explorer.profile import PROFILE_FIELDS, ProfileError, parse_profile
from netaid.explorer.rules import Explorer
from netaid.explorer.share import profile_from_query, query_from_profile
from netaid.quiz.rounds import authored_questions, generated_question
from netaid.safe_text import WORD_JOINER, plain
from testkit.hostile import assert_inert, shown
from testkit.pages import card_labels, explorer_with_link, open_page
from ui.diary_entry import describe

LIB = load_library()
ENGINE = Explorer(LIB)
QUESTIONS = authored_questions(LIB)

field_names = st.sampled_from(list(PROFILE_FIELDS))
junk = st.one_of(
    st.text(max_size=30),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.lists(st.text(max_size=10), max_size=4),
)
good_values = {
    name: st.sampled_from(spec.values)
    if spec.kind == "choice"
    else st.booleans()
    if spec.kind == "bool"
    else st.floats(min_value=0.01, max_value=min(spec.maximum or 100, 100))
    if spec.kind == "number"
    else st.lists(st.sampled_from(spec.values), max_size=3, unique=True)
    for name, spec in PROFILE_FIELDS.items()
}


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.one_of(field_names, st.text(max_size=12)), junk, max_size=6))
def test_random_profiles_either_work_or_raise_a_profile_error(raw):
    try:
        result = ENGINE.explore(raw)
    except ProfileError as error:
        assert str(error)
    else:
        assert {"clinical_trial", "supportive_care"} <= {o.id for o in result.options}


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({}, optional=good_values))
def test_valid_profiles_round_trip_through_a_link(raw):
    profile = parse_profile(raw)
    from_link, warnings = profile_from_query(query_from_profile(profile))
    assert warnings == []
    assert parse_profile(from_link) == profile


@settings(max_examples=400, deadline=None)
@given(
    st.dictionaries(
        st.text(max_size=15), st.one_of(st.text(max_size=40), st.lists(st.text(max_size=10), max_size=3)), max_size=8
    )
)
def test_random_query_parameters_never_raise(params):
    profile, warnings = profile_from_query(params)
    parse_profile(profile)  # whatever survives the link is a valid profile
    assert all(isinstance(w, str) for w in warnings)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from([*PROFILE_FIELDS, "x", "<script>"]), st.text(max_size=20), max_size=5))
def test_random_links_to_the_explorer_page_never_show_an_exception(params):
    at = explorer_with_link(params)  # asserts that no exception was shown
    assert card_labels(at)


answers = st.one_of(
    st.none(),
    st.text(max_size=20),
    st.integers(),
    st.lists(st.text(max_size=20), max_size=5),
    st.dictionaries(st.text(max_size=20), st.text(max_size=20), max_size=5),
)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(QUESTIONS), answers)
def test_random_answers_are_marked_without_error(question, answer):
    verdict = question.check(answer)
    assert isinstance(verdict.correct, bool)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=500))
def test_generated_questions_always_have_their_answer_among_the_choices(seed, index):
    q = generated_question(seed, index)
    assert q.correct in q.choices


# Hostile outside text: pieces of addresses, Markdown, HTML, Streamlit directives and hidden
# characters, glued together at random. Every piece is something a renderer might act on.
PIECES = [
    "http://",
    "https://",
    "HTTP://",
    "www.",
    "WWW.",
    "@",
    ".",
    ":",
    "/",
    "evil",
    "example",
    "evil.example",
    "x@y.example",
    "mailto:",
    "xmpp:",
    "ftp://",
    "[",
    "](",
    ")",
    "![",
    "<",
    ">",
    "`",
    "$",
    "$$",
    "*",
    "**",
    "_",
    "~~",
    "#",
    "- ",
    "> ",
    "|",
    "\\",
    "&amp;",
    "&#x41;",
    ":red[",
    ":red-background[",
    ":material/warning:",
    ":smile:",
    "]",
    "\n",
    "\n\n",
    "  \n",
    " ",
    "\t",
    "\u200d",
    "\u202e",
    "\u2060",
    "\x00",
    "é",
    "日本",
    "1.",
    "=",
]
hostile_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=30).map("".join)


@settings(max_examples=1000, deadline=None)
@given(hostile_text)
def test_hostile_text_never_renders_as_a_link_image_or_markup(text):
    escaped = plain(text, limit=10_000)
    assert_inert(escaped, emphasis_allowed=False)
    visible = re.sub(r"\\(.)", r"\1", escaped).replace(WORD_JOINER, "")
    assert shown(escaped).replace(WORD_JOINER, "") == visible.strip(), "Markdown shows each escaped mark as itself"


@settings(max_examples=300, deadline=None)
@given(hostile_text, hostile_text)
def test_hostile_diary_notes_and_doses_stay_text_in_the_entry_list(note, dose):
    try:
        entry = Entry(
            recorded_at=datetime(2026, 3, 1, 8, tzinfo=UTC),
            kind="injection",
            what="lanreotide",
            note=note[:MAX_NOTE],
            dose=dose[:MAX_DOSE],
        )
    except ValidationError:  # the diary refuses it before it is saved: nothing to show
        return
    assert_inert(describe(entry))  # the page's own **label** is the only emphasis


@pytest.fixture(scope="module")
def glossary_page():
    return open_page("glossary.py")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hostile_text.map(lambda t: f"evil {t}"))
def test_hostile_glossary_searches_show_no_link_and_no_exception(glossary_page, query):
    glossary_page.text_input(key="glossary_query").set_value(query).run()
    assert not glossary_page.exception
    echoed = [a.proto.body for a in glossary_page.info if "No word matches" in a.proto.body]
    assert echoed, "a search for evil… matches no word, and says so"
    for body in echoed:
        assert_inert(body)
