"""Visit sheet: gather the situation, kept options, values, hard quiz topics and questions into a
printable PDF or text file; plus the carcinoid-crisis wallet card. Nothing typed here is stored."""

from datetime import date

import streamlit as st

from netaid.explorer.profile import ProfileError, parse_profile
from netaid.explorer.wording import describe_profile
from netaid.outputs.crisis_card import CARD_LIMITS
from netaid.outputs.formats import CRISIS_CARD, VISIT_SHEET
from netaid.outputs.visit_sheet import VisitSheet, visit_sheet_text
from netaid.quiz.rounds import find_question
from netaid.quiz.stats import missed_ids
from netaid.safe_text import plain
from ui import state
from ui.diary_sheet import diary_summary_lines
from ui.guided_path import step_indicator, step_links
from ui.learner import current_learner
from ui.sheet_choices import leaning_and_sure
from ui.shell import explorer, library, next_step, require_app_shell

require_app_shell()

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
try:
    profile = parse_profile(st.session_state.get(state.PROFILE, {}))
except ProfileError:
    profile = parse_profile({})
situation = describe_profile(profile, lib) if st.session_state.get(state.PROFILE) else []
if situation:
    st.markdown("\n".join(f"- **{q}:** {a}" for q, a in situation))
else:
    st.info("You have not described your situation yet. You can do that in the treatment options explorer.")
st.page_link("pages/explorer.py", label="Describe or change my situation", icon=":material/alt_route:")

st.header("Options I want to talk about")
kept = [o for o in st.session_state.get(state.KEPT_OPTIONS, []) if o in OPTION_NAMES]
option_ids = st.multiselect(
    "Options", list(OPTION_NAMES), default=kept, key="sheet_options", format_func=OPTION_NAMES.get
)

values = st.session_state.get(state.VALUES_ANSWERS, {})
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
picked = []
for group in lib.questions.groups:
    with st.expander(group.title):
        for i, question in enumerate(group.questions):
            if st.checkbox(question, key=f"sheet_q_{group.id}_{i}"):
                picked.append(question)
own = st.text_area("My own questions (one per line)", key="sheet_own", max_chars=4000)
picked += [line.strip() for line in own.splitlines() if line.strip()]
notes = st.text_area("Notes", key="sheet_notes", max_chars=8000)

diary_lines = diary_summary_lines()
sheet = VisitSheet(
    situation=situation,
    option_ids=option_ids,
    values=values,
    missed_topics=missed_topics,
    questions=picked,
    notes=notes,
    made_on=date.today(),
    leaning=leaning,
    sure=sure,
    shown={o.id: o for o in explorer().explore(st.session_state.get(state.PROFILE, {})).options},
    diary=diary_lines,
)
st.header("Download")
paper = st.radio(
    "Paper size",
    ["a4", "letter"],
    key="sheet_paper",
    horizontal=True,
    format_func={"a4": "A4", "letter": "US Letter"}.get,
)
c1, c2 = st.columns(2)
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
name = st.text_input("Your name", key="card_name", max_chars=CARD_LIMITS["name"])
contact = st.text_input("Your NET team's contact", key="card_contact", max_chars=CARD_LIMITS["contact"])
medicines = st.text_input("Your medicines", key="card_medicines", max_chars=CARD_LIMITS["medicines"])
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
