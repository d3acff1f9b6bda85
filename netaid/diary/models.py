"""Diary entries and the vocabulary they are written in.

Every entry has a kind (symptom, trigger, injection or medicine) and a `what`: an id from the
vocabulary below. Ids never get renamed: exported files and stored diaries use them.
The triggers are the foods and other things NETaid's Learn page names (netaid/data/carcinoid.yaml,
a test keeps the two in step), plus big meals, which people often name in their own diaries.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictInt, StrictStr, field_validator, model_validator

Kind = Literal["symptom", "trigger", "injection", "medicine"]
KINDS: tuple[str, ...] = ("symptom", "trigger", "injection", "medicine")
MAX_NOTE = 500
MAX_DOSE = 40
MAX_DOSE_NUMBER = 10_000  # the largest plausible amount in any unit (500 mcg, 120 mg, 1,500 mcg a day)
# Every date a diary holds lies in this window (in UTC), so adding a time zone, a shot interval
# or a pattern window to it can never leave the calendar.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
WINDOW_WORDS = f"from {EARLIEST.date().isoformat()} to {LATEST.date().isoformat()}"
_DOSE_NUMBER = re.compile(r"(?:(?<=\s)|^)-?\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Word:
    id: str
    label: str
    group: str = ""  # triggers: the Learn page's trigger id; medicines: what kind of medicine


SYMPTOMS: tuple[Word, ...] = (
    Word("flushing", "Flushing"),
    Word("diarrhea", "Diarrhea"),
    Word("wheezing", "Wheezing"),
    Word("palpitations", "Fast or pounding heartbeat"),
    Word("belly_pain", "Belly pain"),
    Word("other_symptom", "Other symptom"),
)

TRIGGERS: tuple[Word, ...] = (
    Word("aged_cheese", "Aged cheese", "amines"),
    Word("yeast_extract", "Yeast extract", "amines"),
    Word("tofu", "Tofu", "amines"),
    Word("sauerkraut", "Sauerkraut", "amines"),
    Word("smoked_fish", "Smoked fish", "amines"),
    Word("smoked_meat", "Smoked meat", "amines"),
    Word("walnuts", "Walnuts", "serotonin"),
    Word("pecans", "Pecans", "serotonin"),
    Word("plantains", "Plantains", "serotonin"),
    Word("bananas", "Bananas", "serotonin"),
    Word("tomatoes", "Tomatoes", "serotonin"),
    Word("alcohol", "Alcohol", "alcohol"),
    Word("big_meal", "A big meal", ""),
    Word("stress", "Stress", "stress"),
    Word("hard_exercise", "Hard exercise", "hard_exercise"),
    Word("other_trigger", "Something else", ""),
)

# Long-acting shots are "injection" entries (they set the next due date); the rest are "medicine".
INJECTIONS: tuple[Word, ...] = (
    Word("lanreotide", "Lanreotide (long-acting shot)", "long_acting"),
    Word("octreotide_lar", "Octreotide LAR (long-acting shot)", "long_acting"),
)
MEDICINES: tuple[Word, ...] = (
    Word("octreotide_rescue", "Octreotide, short-acting (rescue dose)", "rescue"),
    Word("telotristat", "Telotristat", "other"),
    Word("ppi", "Acid-lowering pill (PPI)", "other"),
    Word("diazoxide", "Diazoxide", "other"),
    Word("other_medicine", "Other medicine", "other"),
)

# Where a long-acting shot goes. Lanreotide is usually given deep under the skin of the upper,
# outer buttock; octreotide LAR into the buttock muscle. Changing sides each time is the usual advice.
SITES: tuple[Word, ...] = (
    Word("left_buttock", "Left buttock"),
    Word("right_buttock", "Right buttock"),
    Word("left_thigh", "Left thigh"),
    Word("right_thigh", "Right thigh"),
)
GIVERS: tuple[Word, ...] = (Word("self", "Myself"), Word("nurse", "A nurse"), Word("clinic", "At the clinic"))

VOCABULARY: dict[str, tuple[Word, ...]] = {
    "symptom": SYMPTOMS,
    "trigger": TRIGGERS,
    "injection": INJECTIONS,
    "medicine": MEDICINES,
}
LABEL: dict[str, str] = {w.id: w.label for words in (*VOCABULARY.values(), SITES, GIVERS) for w in words}
KIND_OF: dict[str, str] = {w.id: kind for kind, words in VOCABULARY.items() for w in words}
SITE_IDS = tuple(w.id for w in SITES)
GIVER_IDS = tuple(w.id for w in GIVERS)

# The CSV file: the five columns every diary file has, then the details some entries need.
CSV_COLUMNS: tuple[str, ...] = (
    "recorded_at",
    "kind",
    "what",
    "severity",
    "note",
    "stool_count",
    "bristol",
    "site",
    "given_by",
    "dose",
    "id",
)
REQUIRED_COLUMNS: tuple[str, ...] = CSV_COLUMNS[:5]


def in_window(moment: datetime) -> bool:
    """True if an aware moment is in the diary's window; never overflows near the calendar's ends."""
    try:
        return EARLIEST <= moment.astimezone(UTC) <= LATEST
    except OverflowError:  # its UTC time is before year 1 or after year 9999
        return False


def day_in_window(day: date) -> bool:
    return EARLIEST.date() <= day <= LATEST.date()


def strict_moment(value: Any) -> datetime:
    """A date and time with its time zone, from a datetime or ISO 8601 text; ValueError otherwise.

    Plain numbers and partial dates (like "2026") are refused, never read as seconds since 1970.
    """
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{value[:40]!r} is not a date and time like 2026-03-01T08:30:00+00:00") from None
    if not isinstance(value, datetime):
        raise ValueError("a date and time is needed, like 2026-03-01T08:30:00+00:00")
    if value.utcoffset() is None:
        raise ValueError("the date and time needs a time zone, like +00:00")
    return value


def fixed_offset(moment: datetime) -> datetime:
    """The same instant with a fixed offset in whole minutes: what ISO 8601 files and JSON keep.

    Old local times had offsets in seconds (Amsterdam in 1910: +00:19:32), which files would cut.
    """
    offset = moment.utcoffset() or timedelta(0)
    minutes = timezone(timedelta(minutes=int(offset.total_seconds() / 60)))  # toward 0: stays under 24 h
    return moment.astimezone(minutes) if minutes.utcoffset(None) != offset else moment.replace(tzinfo=minutes)


def new_entry_id() -> str:
    return uuid.uuid4().hex


def now_minute() -> datetime:
    """Now, to the minute, in UTC: a diary needs no seconds, and whole minutes export cleanly."""
    return datetime.now(UTC).replace(second=0, microsecond=0)


class Entry(BaseModel):
    """One thing that happened, at one time. Checked whole before it is saved or imported."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: StrictStr = Field(default_factory=new_entry_id, pattern=r"^[0-9a-f]{32}$")
    recorded_at: AwareDatetime
    kind: Kind
    what: StrictStr = Field(min_length=1, max_length=40)
    severity: StrictInt | None = Field(default=None, ge=1, le=3)
    stool_count: StrictInt | None = Field(default=None, ge=0, le=30)
    bristol: StrictInt | None = Field(default=None, ge=1, le=7)
    site: StrictStr | None = None
    given_by: StrictStr | None = None
    dose: StrictStr | None = Field(default=None, max_length=MAX_DOSE)
    note: StrictStr = Field(default="", max_length=MAX_NOTE)

    @field_validator("recorded_at", mode="before")
    @classmethod
    def _strict_moment(cls, value: Any) -> datetime:
        return strict_moment(value)

    @field_validator("recorded_at")
    @classmethod
    def _in_window(cls, moment: datetime) -> datetime:
        if not in_window(moment):
            raise ValueError(f"the date {moment.isoformat()[:25]} is not {WINDOW_WORDS} (in UTC)")
        return fixed_offset(moment)

    @field_validator("dose")
    @classmethod
    def _dose_has_words(cls, dose: str | None) -> str | None:
        """Spaces of any kind (a no-break space too) become one plain space, and a dose of only
        spaces is no dose: FHIR's string type allows no other whitespace."""
        dose = " ".join(dose.split()) or None if dose is not None else None
        for number in _DOSE_NUMBER.findall(dose or ""):
            if not 0 <= float(number.replace(",", "")) <= MAX_DOSE_NUMBER:
                raise ValueError(f"the dose {number} is not a plausible amount (0 to {MAX_DOSE_NUMBER:,})")
        return dose

    @model_validator(mode="after")
    def _fits_its_kind(self) -> Entry:
        if KIND_OF.get(self.what) != self.kind:
            raise ValueError(f"{self.what!r} is not a known {self.kind}")
        if (self.kind == "symptom") != (self.severity is not None):
            raise ValueError("a symptom needs a severity from 1 to 3, and only symptoms have one")
        if self.what != "diarrhea" and (self.stool_count is not None or self.bristol is not None):
            raise ValueError("only diarrhea has a stool count and a Bristol type")
        if self.kind != "injection" and (self.site is not None or self.given_by is not None):
            raise ValueError("only a shot has a site and who gave it")
        if self.site is not None and self.site not in SITE_IDS:
            raise ValueError(f"{self.site!r} is not a known site")
        if self.given_by is not None and self.given_by not in GIVER_IDS:
            raise ValueError(f"{self.given_by!r} is not one of {', '.join(GIVER_IDS)}")
        if self.dose is not None and self.kind not in ("injection", "medicine"):
            raise ValueError("only a shot or a medicine has a dose")
        return self

    @property
    def label(self) -> str:
        return LABEL[self.what]


class Settings(BaseModel):
    """The person's own shot plan: which long-acting medicine, and how many days apart."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    medicine: Literal["lanreotide", "octreotide_lar"] = "lanreotide"
    interval_days: StrictInt = Field(default=28, ge=7, le=84)
