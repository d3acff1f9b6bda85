"""Session-state keys that more than one file reads or writes, in one place, with what each holds.

A key used by one file only stays in that file. Widget keys of the explorer form come from
`ui.explorer_form.widget_key`.
"""

from __future__ import annotations

from typing import Final

# The situation described in the explorer: field -> value, only the fields given (dict[str, Any]).
PROFILE: Final = "profile"
# Option ids kept from the explorer for Compare & decide and the visit sheet (list[str]).
KEPT_OPTIONS: Final = "kept_options"
# What matters to the person, from the values sliders: value label -> how much (dict[str, str]).
VALUES_ANSWERS: Final = "values_answers"
# The SURE check's answers by question key (dict[str, bool | None]).
SURE_ANSWERS: Final = "sure_answers"
# The option id the person leans toward; "" means not sure yet (str | None).
LEANING_ANSWER: Final = "leaning_answer"
# A diary message to show once at the top of the diary (str).
DIARY_ERROR: Final = "d_error"
# True once the diary's database could not be reached in this session (bool).
DIARY_UNREACHABLE: Final = "diary_unreachable"
# The glossary linker of this page run; app.py drops it so each run links words once (Linker).
GLOSSARY_LINKER: Final = "_glossary_linker"
