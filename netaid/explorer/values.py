"""Values clarification (what matters to a person, and how each option relates to it) and
the SURE check for doubt about a choice."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from netaid.explorer.option_models import Option


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
    Value(
        "daily_life", "Keeping daily life and work as usual", "Usual\ndaily life", against=("hospital_stay", "time_off")
    ),
    Value("avoid_surgery", "Avoiding an operation", "No\noperation", against=("surgery",)),
    Value("avoid_injections", "Avoiding shots (injections)", "No\nshots", against=("injections",)),
    Value(
        "avoid_hair_nausea", "Avoiding hair loss and nausea", "No hair loss,\nnausea", against=("hair_loss", "nausea")
    ),
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
    "sure": (
        "decide",
        "Take more time. Look at the options side by side again, and talk them through with your care team.",
    ),
    "understand": ("learn", "Read the Learn page and each option's card, then try a quiz to check what you know."),
    "risk_benefit": ("decide", "Go back to the step about what matters to you, and mark how much each thing counts."),
    "encouragement": (
        "visit_sheet",
        "Talk with your care team, a NET nurse, your family, or a patient group before you choose.",
    ),
}


def sure_help(key: str) -> str:
    return SURE_HELP[key][1]


def sure_shows_doubt(answers: Mapping[str, bool | None]) -> bool | None:
    """SURE test: any 'no' shows doubt; None until all four are answered."""
    if any(answers.get(key) is None for key, _ in SURE_QUESTIONS):
        return None
    return not all(answers[key] for key, _ in SURE_QUESTIONS)
