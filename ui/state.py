"""Session-state keys that more than one file reads or writes, in one place, with what each holds.

A key used by one file only stays in that file. Widget keys of the explorer form come from
`ui.explorer_form.widget_key`.
"""

from __future__ import annotations

from typing import Final

# What a person enters lives in these plain keys, which no widget owns, so leaving a page never
# loses it (ui/entered.py says why). Widgets have keys of their own, seeded from these.

# The situation described in the explorer: field -> value, only the fields the person gave (dict[str, Any]).
PROFILE: Final = "profile"
# Option ids kept from the explorer for Compare & decide and the visit sheet (list[str]).
KEPT_OPTIONS: Final = "kept_options"
# What matters to the person, from the values sliders: value label -> how much (dict[str, str]).
VALUES_ANSWERS: Final = "values_answers"
# The SURE check's answers by question key (dict[str, bool | None]).
SURE_ANSWERS: Final = "sure_answers"
# The option id the person leans toward; "" means not sure yet (str | None).
LEANING_ANSWER: Final = "leaning_answer"
# The options picked on Compare & decide (list[str]).
COMPARE_PICKS: Final = "compare_picks"
# The visit sheet's options (list[str]), ticked questions (list[str]), own questions (str), notes (str)
# and paper size (str), and the wallet card's fields: name, contact, medicines (dict[str, str]).
SHEET_OPTIONS: Final = "sheet_option_ids"
SHEET_QUESTIONS: Final = "sheet_questions"
SHEET_OWN: Final = "sheet_own_questions"
SHEET_NOTES: Final = "sheet_notes_text"
SHEET_PAPER: Final = "sheet_paper_size"
CARD_FIELDS: Final = "card_fields"
# Everything above that "Start over" forgets, and the prefixes of the widget keys seeded from it.
ENTERED: Final = (
    PROFILE, KEPT_OPTIONS, VALUES_ANSWERS, SURE_ANSWERS, LEANING_ANSWER, COMPARE_PICKS,
    SHEET_OPTIONS, SHEET_QUESTIONS, SHEET_OWN, SHEET_NOTES, SHEET_PAPER, CARD_FIELDS,
)  # fmt: skip
WIDGET_PREFIXES: Final = ("p_", "keep_", "compare_ids", "value_", "leaning_option", "sure_", "sheet_", "card_")
# A diary message to show once at the top of the diary (str).
DIARY_ERROR: Final = "d_error"
# True once the diary's database could not be reached in this session (bool).
DIARY_UNREACHABLE: Final = "diary_unreachable"
# The glossary linker of this page run; app.py drops it so each run links words once (Linker).
GLOSSARY_LINKER: Final = "_glossary_linker"
