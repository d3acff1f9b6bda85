"""Visit sheet: gather the situation, kept options, values, hard quiz topics and questions into a
printable PDF or text file; plus the carcinoid-crisis wallet card. Nothing typed here is stored."""

from datetime import date

import streamlit as st

from netaid.explorer.values import VALUES
from netaid.explorer.wording import describe_profile
from netaid.outputs.card_fonts import UnprintableText, fallbacks_for
from netaid.outputs.charts import IMPORTANCE
from netaid.outputs.crisis_card import CARD_LIMITS
from netaid.outputs.formats import CRISIS_CARD, VISIT_SHEET
from netaid.outputs.visit_sheet import VisitSheet, visit_sheet_text
from netaid.quiz.rounds import find_question
from netaid.quiz.stats import missed_ids
from netaid.safe_text import plain
from ui import state
from ui.diary_sheet import diary_summary_lines
from ui.entered import remembered, seed, situation
from ui.guided_path import step_indicator, step_links
from ui.learner import current_learner
from ui.sheet_choices import leaning_and_sure
from ui.shell import explorer, library, next_step, require_app_shell

require_app_shell()

PAPERS = {"a4": "A4", "letter": "US Letter"}
CARD_WORDS = {"name": "Your name", "contact": "Your NET team's contact", "medicines": "Your medicines"}
VALUE_LABELS = {v.label for v in VALUES}


def _keep(widget_key: str, store_key: str) -> None:
    st.session_state[store_key] = st.session_state[widget_key]


def _tick(widget_key: str, question: str) -> None:
    ticked = [q for q in remembered(state.SHEET_QUESTIONS, []) if isinstance(q, str) and q != question]
    st.session_state[state.SHEET_QUESTIONS] = [*ticked, question] if st.session_state[widget_key] else ticked


def _keep_card() -> None:
    st.session_state[state.CARD_FIELDS] = {field: st.session_state[f"card_{field}"] for field in CARD_WORDS}


lib = library()
OPTION_NAMES = lib.option_names

st.title("Visit sheet")
st.markdown(
    "Put together one page to take to your next appointment: your situation, the options you want "
    "to talk about, what matters to you, and your questions. It is made on your screen and is "
    "**not stored** by NETaid."
)
step_indicator(4)

st.header("My situation")
given = situation()
situation_rows = describe_profile(given, lib)
if situation_rows:
    st.markdown("\n".join(f"- **{q}:** {a}" for q, a in situation_rows))
else:
    st.info("You have not described your situation yet. You can do that in the treatment options explorer.")
st.page_link("pages/explorer.py", label="Describe or change my situation", icon=":material/alt_route:")

st.header("Options I want to talk about")
kept = [o for o in remembered(state.KEPT_OPTIONS, []) if o in OPTION_NAMES]
chosen_before = [o for o in remembered(state.SHEET_OPTIONS, []) if o in OPTION_NAMES]
seed("sheet_options", chosen_before if state.SHEET_OPTIONS in st.session_state else kept)
option_ids = st.multiselect(
    "Options",
    list(OPTION_NAMES),
    key="sheet_options",
    format_func=OPTION_NAMES.get,
    on_change=_keep,
    args=("sheet_options", state.SHEET_OPTIONS),
)

said = remembered(state.VALUES_ANSWERS, {})
values = {v: how for v, how in said.items() if v in VALUE_LABELS and how in IMPORTANCE}
if values:
    st.header("What matters to me")
    st.markdown("\n".join(f"- {v}: **{how}**" for v, how in values.items()))

leaning, sure = leaning_and_sure(lib)

store, learner_id, _ = current_learner()
missed_topics = list(
    dict.fromkeys(
        lib.topic_title(found[1]) for qid in missed_ids(store.answers(learner_id)) if (found := find_question(lib, qid))
    )
)
if missed_topics:
    st.header("Quiz topics I found hard")
    st.markdown(", ".join(missed_topics))

st.header("My questions")
st.markdown("Tick the questions you want to ask. Add your own below.")
ticked = {q for q in remembered(state.SHEET_QUESTIONS, []) if isinstance(q, str)}
picked = []
for group in lib.questions.groups:
    with st.expander(group.title):
        for i, question in enumerate(group.questions):
            key = f"sheet_q_{group.id}_{i}"
            seed(key, question in ticked)
            if st.checkbox(question, key=key, on_change=_tick, args=(key, question)):
                picked.append(question)
seed("sheet_own", str(remembered(state.SHEET_OWN, "")))
own = st.text_area(
    "My own questions (one per line)",
    key="sheet_own",
    max_chars=4000,
    on_change=_keep,
    args=("sheet_own", state.SHEET_OWN),
)
picked += [line.strip() for line in own.splitlines() if line.strip()]
seed("sheet_notes", str(remembered(state.SHEET_NOTES, "")))
notes = st.text_area(
    "Notes", key="sheet_notes", max_chars=8000, on_change=_keep, args=("sheet_notes", state.SHEET_NOTES)
)

diary_lines = diary_summary_lines()
sheet = VisitSheet(
    situation=situation_rows,
    option_ids=option_ids,
    values=values,
    missed_topics=missed_topics,
    questions=picked,
    notes=notes,
    made_on=date.today(),
    leaning=leaning,
    sure=sure,
    shown={o.id: o for o in explorer().explore(given).options},
    diary=diary_lines,
)
st.header("Download")
seed("sheet_paper", remembered(state.SHEET_PAPER, "a4") if remembered(state.SHEET_PAPER, "a4") in PAPERS else "a4")
paper = st.radio(
    "Paper size",
    list(PAPERS),
    key="sheet_paper",
    horizontal=True,
    format_func=PAPERS.get,
    on_change=_keep,
    args=("sheet_paper", state.SHEET_PAPER),
)
c1, c2 = st.columns(2)
try:
    fallbacks_for(sheet.typed())  # checked before the button, so the PDF never drops letters unseen
except UnprintableText as error:
    c1.warning(
        f"The PDF cannot be made with what you typed: {plain(str(error), 400)}. The plain text file keeps it all.",
        icon=":material/edit:",
    )
else:
    c1.download_button(
        "Download the visit sheet (PDF)",
        lambda: VISIT_SHEET.make("pdf", lib, sheet, paper),
        key="sheet_pdf",
        file_name=VISIT_SHEET.file_name("pdf"),
        mime=VISIT_SHEET.mime("pdf"),
        on_click="ignore",
        type="primary",
    )
c2.download_button(
    "Download as plain text",
    lambda: VISIT_SHEET.make("txt", lib, sheet),
    key="sheet_txt",
    file_name=VISIT_SHEET.file_name("txt"),
    mime=VISIT_SHEET.mime("txt"),
    on_click="ignore",
)
with st.expander("See what the sheet will hold"):
    st.text(visit_sheet_text(lib, sheet))

st.header("Carcinoid crisis wallet card", anchor="crisis-card")
card = lib.cautions.crisis_card
st.markdown(
    f"If you have carcinoid syndrome, a card in your wallet can warn any care team. "
    f"It says: *{card.heading}. {card.warning} {card.team_note}*"
)
card_before = remembered(state.CARD_FIELDS, {})
for field in CARD_WORDS:
    seed(f"card_{field}", str(card_before.get(field, ""))[: CARD_LIMITS[field]])
name, contact, medicines = (
    st.text_input(words, key=f"card_{field}", max_chars=CARD_LIMITS[field], on_change=_keep_card)
    for field, words in CARD_WORDS.items()
)
wanted = (name, contact, medicines, paper)
if st.session_state.get("card_made", (None,))[0] != wanted:  # made once per change, so problems show at once
    try:
        st.session_state["card_made"] = (wanted, CRISIS_CARD.make("pdf", lib, name, contact, medicines, paper), None)
    except ValueError as error:  # a script no installed font prints, or text too long for the card
        st.session_state["card_made"] = (wanted, None, str(error))
_, card_bytes, card_problem = st.session_state["card_made"]
if card_problem:
    st.warning(f"The card cannot be made with this text: {plain(card_problem, 400)}.", icon=":material/edit:")
else:
    st.download_button(
        "Download the wallet card (PDF)",
        card_bytes,
        key="card_pdf",
        file_name=CRISIS_CARD.file_name("pdf"),
        mime=CRISIS_CARD.mime("pdf"),
        on_click="ignore",
    )
step_links(back=3, forward=None)
next_step("home", "Back to Home")
