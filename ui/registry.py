"""The app's pages, in menu order: app.py builds st.navigation from this list."""

from __future__ import annotations

from pathlib import Path

PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"

# (file in pages/, title in the menu, icon, url path). The first one is the home page.
# Each url path is its file's name: on a fresh server Streamlit routes the first deep link by
# file name (legacy pages/ routing) before app.py has run, so the two must agree.
PAGES: list[tuple[str, str, str, str]] = [
    ("home.py", "Home", ":material/home:", "home"),
    ("learn.py", "Learn about NETs", ":material/menu_book:", "learn"),
    ("grade.py", "Grade", ":material/speed:", "grade"),
    ("stage.py", "Stage", ":material/accessibility_new:", "stage"),
    ("diagnosis.py", "Diagnosis tests", ":material/biotech:", "diagnosis"),
    ("explorer.py", "Treatment options", ":material/alt_route:", "explorer"),
    ("decide.py", "Compare & decide", ":material/compare:", "decide"),
    ("visit_sheet.py", "Visit sheet", ":material/print:", "visit_sheet"),
    ("quiz.py", "Quizzes", ":material/quiz:", "quiz"),
    ("progress.py", "My progress", ":material/monitoring:", "progress"),
    ("diary.py", "My diary", ":material/edit_note:", "diary"),
    ("present.py", "Presenter mode", ":material/co_present:", "present"),
    ("glossary.py", "Glossary", ":material/dictionary:", "glossary"),
    ("sources.py", "Sources & about", ":material/info:", "sources"),
    ("evaluation.py", "Clinic pilot", ":material/fact_check:", "evaluation"),
]

# The menu's groups, in order: related pages stand together. Every url path in PAGES is in exactly
# one group (tests/test_pages.py checks). The menu shows no group headings yet (app.py says why).
SECTIONS: dict[str, tuple[str, ...]] = {
    "": ("home",),
    "Learn": ("learn", "grade", "stage", "diagnosis", "glossary"),
    "My situation": ("explorer", "decide", "visit_sheet", "diary"),
    "Practice": ("quiz", "progress"),
    "For clinicians and about": ("present", "sources", "evaluation"),
}
# Shown in the menu only where a clinic has switched it on (its address still says it is off).
CLINIC_ONLY = ("evaluation",)

# url path -> file, for links built from a url path (ui.shell.next_step).
URL_OF: dict[str, str] = {url: file for file, _, _, url in PAGES}
TITLE_OF: dict[str, str] = {url: title for _, title, _, url in PAGES}
