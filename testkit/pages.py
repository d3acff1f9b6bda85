"""Driving NETaid's pages in Streamlit's AppTest, the way a person would."""

from __future__ import annotations

import json
from typing import Any

from streamlit.testing.v1 import AppTest

from netaid.content.library import load_library
from netaid.quiz.models import Question
from netaid.quiz.rounds import find_question
from testkit.servers import ROOT
from ui.registry import PAGES

APP = str(ROOT / "app.py")
PRESET = "Small-intestine NET with carcinoid syndrome and liver spread"


def open_page(file: str) -> AppTest:
    """A page as it opens through app.py's navigation; fails on any exception or safety-net message."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    if file != PAGES[0][0]:
        at.switch_page(f"pages/{file}")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not page_failed(at), f"{file} fell into app.py's safety net (see the log for the traceback)"
    return at


def page_failed(at: AppTest) -> bool:
    """app.py catches a page's exception and says "something went wrong": a test must see that too."""
    return any("something went wrong" in e.proto.body for e in at.error)


def save_button(at: AppTest, prefix: str) -> Any:
    """A save button: its key ends in the form's one-time token, so it changes after each save."""
    return next(b for b in at.button if (b.key or "").startswith(prefix))


def page_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [t.value for t in at.title] + [h.value for h in at.header]
    parts += [s.value for s in at.subheader] + [c.value for c in at.caption]
    parts += [a.proto.body for kind in ("success", "info", "warning", "error") for a in getattr(at, kind)]
    return "\n".join(parts)


def card_labels(at: AppTest) -> list[str]:
    """The explorer's option cards, by name: every expander but the form's "more details" and the notes."""
    return [e.label for e in at.expander if not e.label.startswith(("More details", "Good to know"))]


def figure(at: AppTest, index: int = 0) -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(at.get("plotly_chart")[index].proto.spec)
    return spec


def explorer_with_link(query: dict[str, str]) -> AppTest:
    """The explorer opened from a share link with these query parameters."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page("pages/explorer.py")
    at.query_params.update(query)
    at.run()
    assert not at.exception
    return at


def current_question(at: AppTest) -> Question:
    round_ = at.session_state["round"]
    found = find_question(load_library(), round_["ids"][round_["pos"]])
    assert found is not None
    return found[0]


def choose(at: AppTest, right: bool) -> None:
    """Set the current question's widgets to a right or wrong answer, as its widget asks for it."""
    q = current_question(at)
    target: Any = q.right_answer()
    if q.widget == "many_choices":
        wrong_pick = [c for c in q.shown_choices() if c not in target][:1] or target[:-1]
        for box in at.checkbox:
            if box.label in (target if right else wrong_pick):
                box.check()
    elif q.widget == "group_each_item":
        for i, radio in enumerate(at.radio):
            group = target[radio.label]
            if not right and i == 0:  # one item in the wrong group
                group = next(g for g in radio.options if g != group)
            radio.set_value(group)
    else:
        radio = at.radio[0]
        radio.set_value(target if right else next(o for o in radio.options if o != target))
    at.run()


def answer(at: AppTest, right: bool) -> None:
    """Answer the current question right or wrong through its widgets, then press Check."""
    choose(at, right)
    at.button(key="check").click().run()
    assert not at.exception


def start_round(at: AppTest, topic: str = "diagnosis", length: int = 5) -> AppTest:
    at.selectbox(key="quiz_topic").set_value(topic).run()
    at.select_slider(key="quiz_length").set_value(length).run()
    at.button(key="start_practice").click().run()
    return at
