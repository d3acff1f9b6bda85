"""Options side by side: goal groups, the compare table's rows and the side-effect grid.
None of them ranks or scores options."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netaid.content.library import Library
from netaid.explorer.option_models import Option
from netaid.explorer.rules import ShownOption
from netaid.outputs.outcome_charts import outcome_sentence
from netaid.vocabulary import GOALS


def group_by_goal(options: list[Any]) -> list[tuple[str, list[Any], list[Any]]]:
    """Goal headings in a fixed order (not a ranking): (label, options whose card sits here,
    options that also serve this goal but whose card sits under their first goal)."""
    groups = [
        (GOALS[goal], [o for o in options if o.goals[0] == goal], [o for o in options if goal in o.goals[1:]])
        for goal in GOALS
    ]
    return [(label, cards, also) for label, cards, also in groups if cards or also]


def side_effect_names(library: Library) -> dict[str, str]:
    """Short names. "(late effect)" is left off: where it matters, the place that lists a late
    effect says "can show up later" itself, so it is never said twice."""
    return {e.id: e.name.removesuffix(" (late effect)") for e in library.side_effects.side_effects}


# Entries of side_effects.yaml that name no side effect: placeholders for "our sources list
# none" and downsides that are not effects on the body. They are shown as words, never as a
# "common" side effect in the grid or a count.
NO_SIDE_EFFECT_NAMED = frozenset({"not_listed", "depends_on_treatment"})
OTHER_DOWNSIDES = frozenset({"trial_costs", "may_not_work"})
NONE_LISTED = "None listed in our sources"


def named_side_effects(ids: tuple[str, ...] | list[str]) -> list[str]:
    """The ids that name a real side effect (no placeholder, no cost or other downside)."""
    return [e for e in ids if e not in NO_SIDE_EFFECT_NAMED and e not in OTHER_DOWNSIDES]


def _effect_list(names: dict[str, str], ids: tuple[str, ...] | list[str]) -> str:
    named = named_side_effects(ids)
    return ", ".join(names[e] for e in named) or NONE_LISTED


def _other_downsides(names: dict[str, str], option: Option) -> str:
    every = (*option.side_effects.common, *option.side_effects.serious, *option.side_effects.late)
    notes = [names[e] for e in every if e in OTHER_DOWNSIDES]
    notes += [names[e] for e in every if e == "depends_on_treatment"]
    return ", ".join(dict.fromkeys(notes)) or "None listed in our sources"


def source_names(library: Library, source_ids: tuple[str, ...] | list[str]) -> str:
    """Sources by the name a person knows them by, never by their id."""
    return "; ".join(library.source(s).short for s in dict.fromkeys(source_ids))


def short_name(option: Option) -> str:
    """The option's name as it reads inside a sentence ("lanreotide or octreotide shots"),
    keeping capitals that are part of the name (PRRT)."""
    short = option.name.split(" (")[0]
    return short if short[1:2].isupper() else short[0].lower() + short[1:]


NO_FIGURES = "Our sources give no trial figures for this option."
NOT_LIKE_TRIAL = "The trials we use studied people unlike the situation described, so no figure is shown."
LIKE_TRIAL = (
    "The trial figures are for people like those in the trial. It is not certain that "
    "you are like them: ask your care team."
)
NO_UNCERTAINTY_GIVEN = "Our sources do not say what is not known. Ask your care team."


def trial_words(library: Library, option: Option, shown: ShownOption | None) -> str:
    """What the trials found for this option and situation, in words, or why no figure shows."""
    if not any(o.option == option.id for o in library.outcomes.outcomes):
        return NO_FIGURES
    if shown is None or not shown.outcomes:
        return NOT_LIKE_TRIAL
    return " ".join(outcome_sentence(f.outcome, short_name(option)) for f in shown.outcomes)


def not_certain(option: Option, shown: ShownOption | None) -> str:
    """What the sources say is not known, plus a word on fit when a trial figure may not apply."""
    parts = [option.uncertainty or NO_UNCERTAINTY_GIVEN]
    if shown is not None and any(f.fit == "unclear" for f in shown.outcomes):
        parts.append(LIKE_TRIAL)
    return " ".join(parts)


def benefit_words(option: Option) -> str:
    """What the option is meant to do, from its card's benefits."""
    return " ".join(option.benefits)


def compare_rows(
    library: Library, options: list[Option], shown: Mapping[str, ShownOption] | None = None
) -> list[dict[str, str]]:
    """Option Grid rows: the questions patients ask, one column per option. Benefits and what
    is not certain stand beside the harms, in the same detail (IPDAS C1). `shown` holds the
    explorer's result for the situation, so trial figures appear only where they fit."""
    names = side_effect_names(library)
    found = shown or {}
    questions = [
        ("What is it?", lambda o: o.what_it_is),
        ("What is it for?", lambda o: "; ".join(GOALS[g] for g in o.goals)),
        ("How is it given?", lambda o: o.what_it_is_like.how_given),
        ("How often?", lambda o: o.what_it_is_like.how_often),
        ("Where?", lambda o: o.what_it_is_like.where),
        ("Possible benefits", benefit_words),
        ("What the trials found", lambda o: trial_words(library, o, found.get(o.id))),
        ("Common side effects", lambda o: _effect_list(names, o.side_effects.common)),
        ("Rare but serious risks", lambda o: _effect_list(names, o.side_effects.serious)),
        ("Effects that can show up later", lambda o: _effect_list(names, o.side_effects.late)),
        ("Other downsides", lambda o: _other_downsides(names, o)),
        ("What is not certain", lambda o: not_certain(o, found.get(o.id))),
        ("Recovery", lambda o: o.what_it_is_like.recovery),
        ("Sources", lambda o: source_names(library, [*o.sources, *_figure_sources(found.get(o.id))])),
    ]
    return [{"Question": q, **{o.name: get(o) for o in options}} for q, get in questions]


def _figure_sources(shown: ShownOption | None) -> list[str]:
    return [s for f in (shown.outcomes if shown else ()) for s in f.outcome.sources]


def side_effect_matrix(library: Library, options: list[Option]) -> tuple[list[str], list[str], list[list[int]]]:
    """Rows: side effects a source names for any of the options; columns: options;
    0 none listed, 1 common, 2 serious, 3 late. Placeholders ("not listed in our sources",
    "depends on the treatment used") and costs are never rows."""
    names = side_effect_names(library)
    effect_ids: list[str] = []
    for o in options:
        for e in named_side_effects([*o.side_effects.common, *o.side_effects.serious, *o.side_effects.late]):
            if e not in effect_ids:
                effect_ids.append(e)
    level = {"common": 1, "serious": 2, "late": 3}
    matrix = [
        [next((level[k] for k in level if e in getattr(o.side_effects, k)), 0) for o in options] for e in effect_ids
    ]
    return [names[e] for e in effect_ids], [o.name for o in options], matrix
