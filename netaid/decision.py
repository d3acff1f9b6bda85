"""Decision-aid helpers around the explorer: presets, shareable links, side-by-side rows,
values clarification and the SURE check. None of them ranks or scores options."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from netaid.content import Library
from netaid.option_models import Option
from netaid.profile import PROFILE_FIELDS, ProfileError, coerce_value
from netaid.rules import ShownOption
from netaid.vocabulary import GOALS

# Starting points a clinician can pick and then adjust. Not medical facts: example situations.
PRESETS: dict[str, dict[str, Any]] = {
    "Small low-grade appendix NET": {
        "site": "appendix", "extent": "localized", "grade": 1, "differentiation": "well", "resectable": "yes",
        "growth": "stable",
    },
    "Small-intestine NET with carcinoid syndrome and liver spread": {
        "site": "small_intestine", "extent": "metastatic", "grade": 2, "differentiation": "well", "functional": "yes",
        "syndrome": "carcinoid_syndrome", "sstr": "positive", "liver_metastases": True, "resectable": "no",
        "symptoms": ["diarrhea", "flushing"],
    },
    "Advanced pancreatic NET": {
        "site": "pancreas", "extent": "metastatic", "grade": 2, "differentiation": "well", "sstr": "positive",
        "liver_metastases": True, "resectable": "no", "growth": "growing",
    },
    "Lung NET": {"site": "lung", "extent": "localized", "grade": 1, "differentiation": "well", "resectable": "yes"},
    "Fast-growing carcinoma": {
        "site": "other", "extent": "metastatic", "grade": 3, "differentiation": "poorly", "sstr": "negative",
        "resectable": "no", "growth": "growing",
    },
}

LIST_FIELDS = tuple(name for name, spec in PROFILE_FIELDS.items() if spec.kind == "list")


def profile_from_query(params: Mapping[str, str | list[str]]) -> tuple[dict[str, Any], list[str]]:
    """Profile input from URL query parameters. Bad fields or values are dropped with a warning."""
    profile: dict[str, Any] = {}
    warnings: list[str] = []
    for name, raw in params.items():
        value: Any = raw
        if isinstance(raw, list):  # a parameter given more than once
            value = ",".join(raw) if name in LIST_FIELDS else (raw[-1] if raw else "")
        if name not in PROFILE_FIELDS:
            warnings.append(f"The link has an unknown setting “{name}”, so it was left out.")
            continue
        try:
            profile[name] = coerce_value(name, PROFILE_FIELDS[name], value)
        except ProfileError:
            warnings.append(f"The link's value for “{name}” was not understood, so the usual setting is used.")
    return profile, warnings


def _number_text(value: float) -> str:
    """Short when that is exact (12, 3.5), otherwise every digit, so a link keeps the value."""
    short = f"{value:g}"
    return short if float(short) == value else repr(value)


def query_from_profile(profile: Mapping[str, Any]) -> dict[str, str]:
    """Query parameters for the non-default parts of a profile (a short shareable link)."""
    query = {}
    for name, spec in PROFILE_FIELDS.items():
        value = profile.get(name, spec.default)
        if value == spec.default or value is None or value == ():
            continue
        if spec.kind == "list":
            query[name] = ",".join(value)
        elif spec.kind == "bool":
            query[name] = "true" if value else "false"
        else:
            query[name] = _number_text(value) if isinstance(value, float) else str(value)
    return query


def share_link(page_url: str | None, query: Mapping[str, str]) -> str:
    """The explorer's address with a situation in its query, made only when someone asks for it."""
    from urllib.parse import urlencode, urlsplit, urlunsplit

    parts = urlsplit(page_url or "/explorer")
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/explorer", urlencode(query), ""))


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
LIKE_TRIAL = ("The trial figures are for people like those in the trial. It is not certain that "
              "you are like them: ask your care team.")
NO_UNCERTAINTY_GIVEN = "Our sources do not say what is not known. Ask your care team."


def trial_words(library: Library, option: Option, shown: ShownOption | None) -> str:
    """What the trials found for this option and situation, in words, or why no figure shows."""
    from netaid.outcome_charts import outcome_sentence  # here: charts import this module

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


@dataclass(frozen=True)
class Value:
    id: str
    label: str
    short: str  # a chart column heading; \n marks where it wraps
    fits_goals: tuple[str, ...] = ()  # an option with this goal works toward the value
    against: tuple[str, ...] = ()  # an option that involves any of these works against it,
    # and an option whose card says it `avoids` any of them works toward it


# The values the sources raise when people weigh options (cancernet questions to ask about
# daily life and work; side effects such as hair loss and nausea; time in hospital).
VALUES: tuple[Value, ...] = (
    Value("daily_life", "Keeping daily life and work as usual", "Usual\ndaily life", against=("hospital_stay", "time_off")),
    Value("avoid_surgery", "Avoiding an operation", "No\noperation", against=("surgery",)),
    Value("avoid_injections", "Avoiding shots (injections)", "No\nshots", against=("injections",)),
    Value("avoid_hair_nausea", "Avoiding hair loss and nausea", "No hair loss,\nnausea", against=("hair_loss", "nausea")),
    Value("control_symptoms", "Controlling symptoms", "Symptom\ncontrol", fits_goals=("control_symptoms", "relieve")),
    Value("slow_growth", "Slowing or removing the tumor", "Tumor\ncontrol", fits_goals=("slow_growth", "remove_tumor")),
    Value("less_hospital", "Less time in hospital", "Less time\nin hospital", against=("hospital_stay",)),
)
RELATION_TEXT = {1: "Works toward this", 0: "No direct link", -1: "Works against this"}


def value_relation(option: Option, value: Value) -> int:
    """+1 the option works toward the value, -1 it works against it, 0 no direct link.
    Avoiding a burden counts as working toward the value of avoiding it (watch and wait
    avoids an operation and shots), but only where the option's card says so (`avoids`)."""
    if any(goal in value.fits_goals for goal in option.goals):
        return 1
    if any(item in value.against for item in option.involves):
        return -1
    if any(item in value.against for item in option.avoids):
        return 1
    return 0


SURE_QUESTIONS = (
    ("sure", "Do you feel sure about the best choice for you?"),
    ("understand", "Do you know the benefits and risks of each option?"),
    ("risk_benefit", "Are you clear about which benefits and risks matter most to you?"),
    ("encouragement", "Do you have enough support and advice to make a choice?"),
)


# What helps with each "no" on the SURE test (O'Connor and Légaré): the page the app points
# to, and the words the visit sheet prints.
SURE_HELP: dict[str, tuple[str, str]] = {
    "sure": ("decide", "Take more time. Look at the options side by side again, and talk them through with your care team."),
    "understand": ("learn", "Read the Learn page and each option's card, then try a quiz to check what you know."),
    "risk_benefit": ("decide", "Go back to the step about what matters to you, and mark how much each thing counts."),
    "encouragement": ("visit_sheet", "Talk with your care team, a NET nurse, your family, or a patient group before you choose."),
}


def sure_help(key: str) -> str:
    return SURE_HELP[key][1]


def sure_shows_doubt(answers: Mapping[str, bool | None]) -> bool | None:
    """SURE test: any 'no' shows doubt; None until all four are answered."""
    if any(answers.get(key) is None for key, _ in SURE_QUESTIONS):
        return None
    return not all(answers[key] for key, _ in SURE_QUESTIONS)
