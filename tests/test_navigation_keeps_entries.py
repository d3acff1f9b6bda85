"""Nothing a person enters is lost or swapped when they follow the app's own links.

Streamlit deletes a widget's value when a run does not draw it, so these walks enter things on
the decision pages, wander the menu in random orders, and check after every step that what was
entered is still there, and that the visit sheet describes exactly the situation entered.
"""

from __future__ import annotations

import random

import pytest
from streamlit.testing.v1 import AppTest

from netaid.content.library import load_library
from netaid.explorer.share import PRESETS
from netaid.explorer.wording import describe_profile
from testkit.pages import APP, page_failed, page_text
from ui import state
from ui.registry import PAGES

LIB = load_library()
# Every page a person can reach from the menu or a "Next step" link (presenter mode is its own screen).
MENU = [f"pages/{file}" for file, *_ in PAGES if file != "present.py"]
WALKS = 25
STEPS_PER_WALK = 8  # 25 walks x 8 steps = 200 random paths between pages


def _go(at: AppTest, page: str) -> None:
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not page_failed(at), f"{page} fell into the safety net"


def _enter_everything(at: AppTest, rng: random.Random) -> dict[str, object]:
    """Fill in the decision path the way a person would; return what was entered."""
    _go(at, "pages/explorer.py")
    preset = rng.choice(list(PRESETS))
    at.button(key=f"preset_{preset}").click().run()
    size = rng.choice([0.8, 1.5, 3.0])
    at.number_input(key="p_tumor_size_cm").set_value(size).run()
    profile = {**PRESETS[preset], "tumor_size_cm": size}
    option_id = next(k.removeprefix("keep_") for k in at.session_state if str(k).startswith("keep_"))
    at.session_state[state.KEPT_OPTIONS] = [option_id]  # as the card's "Keep" callback does
    _go(at, "pages/decide.py")
    at.select_slider(key="value_avoid_surgery").set_value("very important").run()
    at.radio(key="sure_sure").set_value("No").run()
    _go(at, "pages/visit_sheet.py")
    at.text_area(key="sheet_notes").set_value("Bring the scan CD").run()
    at.text_input(key="card_name").set_value("Ann Lee").run()
    first_question = LIB.questions.groups[0].questions[0]
    at.checkbox(key=f"sheet_q_{LIB.questions.groups[0].id}_0").check().run()
    return {"profile": profile, "option": option_id, "question": first_question}


def _assert_kept(at: AppTest, entered: dict[str, object], where: str) -> None:
    profile = entered["profile"]
    assert isinstance(profile, dict)
    stored = at.session_state[state.PROFILE]
    for name, value in profile.items():
        got = stored.get(name)
        assert (list(got) if isinstance(got, tuple) else got) == value, f"{name} changed after {where}"
    assert set(stored) == set(profile), f"fields appeared or vanished after {where}"
    assert entered["option"] in at.session_state[state.KEPT_OPTIONS], where
    assert at.session_state[state.VALUES_ANSWERS] == {"Avoiding an operation": "very important"}, where
    assert at.session_state[state.SURE_ANSWERS]["sure"] is False, where
    assert at.session_state[state.SHEET_NOTES] == "Bring the scan CD", where
    assert at.session_state[state.CARD_FIELDS]["name"] == "Ann Lee", where
    assert entered["question"] in at.session_state[state.SHEET_QUESTIONS], where


def _assert_sheet_matches(at: AppTest, entered: dict[str, object]) -> None:
    """On the visit sheet: the situation entered, word for word, and the typed fields in place."""
    profile = entered["profile"]
    assert isinstance(profile, dict)
    text = page_text(at)
    for label, words in describe_profile(profile, LIB):
        assert f"**{label}:** {words}" in text
    assert text.count("**") // 2 >= len(profile)
    assert at.text_area(key="sheet_notes").value == "Bring the scan CD"
    assert at.text_input(key="card_name").value == "Ann Lee"
    assert entered["option"] in at.multiselect(key="sheet_options").value


@pytest.mark.parametrize("walk", range(WALKS))
def test_random_walks_through_the_menu_lose_and_swap_nothing(walk):
    rng = random.Random(walk)
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    entered = _enter_everything(at, rng)
    here = "pages/visit_sheet.py"
    for _ in range(STEPS_PER_WALK):
        page = rng.choice([p for p in MENU if p != here])
        _go(at, page)
        _assert_kept(at, entered, f"{here} -> {page}")
        if page == "pages/visit_sheet.py":
            _assert_sheet_matches(at, entered)
        if page == "pages/explorer.py":
            assert at.number_input(key="p_tumor_size_cm").value == entered["profile"]["tumor_size_cm"]  # type: ignore[index]
        here = page
    _go(at, "pages/visit_sheet.py")
    _assert_sheet_matches(at, entered)


def test_the_visit_sheet_never_prints_a_situation_nobody_gave():
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    for page in ("pages/explorer.py", "pages/decide.py", "pages/diary.py", "pages/visit_sheet.py"):
        _go(at, page)
    assert "You have not described your situation yet" in page_text(at)
    assert "Where it started" not in page_text(at)


@pytest.mark.parametrize(
    "stale",
    [{"site": "mars"}, {"site": "pancreas", "grade": 9, "bogus": 1}, "not a profile", {"ki67": 10**5000}],
)
@pytest.mark.parametrize("page", ["pages/decide.py", "pages/visit_sheet.py", "pages/explorer.py"])
def test_a_stale_or_hostile_profile_is_dropped_with_a_note_never_a_crash(stale, page):
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.session_state[state.PROFILE] = stale
    _go(at, page)
    assert any("could not be read" in i.proto.body or "set aside" in i.proto.body for i in at.info)
    kept = at.session_state[state.PROFILE]
    assert isinstance(kept, dict) and "bogus" not in kept and kept.get("site") != "mars"
    if isinstance(stale, dict) and stale.get("site") == "pancreas":
        assert kept["site"] == "pancreas", "one bad field never costs the good ones"


def test_start_over_clears_what_was_entered_and_only_when_asked():
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    _enter_everything(at, random.Random(0))
    _go(at, "pages/explorer.py")
    at.button(key="start_over").click().run()
    assert state.PROFILE not in at.session_state or not at.session_state[state.PROFILE]
    assert at.selectbox(key="p_site").value == "other"
    _go(at, "pages/visit_sheet.py")
    assert "You have not described your situation yet" in page_text(at)
    assert at.text_area(key="sheet_notes").value == ""
