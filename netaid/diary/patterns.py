"""What a diary shows, as plain counts. Pure functions of a list of entries; no guessing.

A trigger pattern compares two groups of tagged times: the times a person tagged, say, aged
cheese, and the times they tagged anything else. For each group it counts how many times a
symptom was written down within N hours after. A pattern is shown only once its tag has at
least MIN_TIMES tagged times, and always with the counts behind it: patterns, not proof.

Days are calendar days in the person's time zone (`zone`): an entry at 23:30 in Berlin is on
that Berlin day, whatever offset it was saved or imported with. Without a zone, each entry's
own offset decides its day.

A hard day (HARD_DAY_RULE) is a day with a severe symptom (severity 3) or with at least
HARD_DAY_SYMPTOMS symptoms: one medium flush is not a hard day.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from netaid.diary.models import LABEL, SYMPTOMS, Entry

MIN_TIMES = 5
SYMPTOM_IDS = tuple(w.id for w in SYMPTOMS)
SEVERE = 3
HARD_DAY_SYMPTOMS = 3
HARD_DAY_RULE = f"A hard day is a day with a severe symptom, or with {HARD_DAY_SYMPTOMS} or more symptoms."


def day_of(moment: datetime, zone: tzinfo | None = None) -> date:
    """The calendar day of a moment in `zone` (the person's time zone), or in its own offset."""
    return (moment.astimezone(zone) if zone else moment).date()


def symptoms(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if e.kind == "symptom"]


def shots(entries: list[Entry]) -> list[Entry]:
    return sorted((e for e in entries if e.kind == "injection"), key=lambda e: e.recorded_at)


@dataclass(frozen=True)
class Day:
    day: date
    counts: dict[str, int]  # symptom id -> how many times that day
    worst: int  # highest severity that day (0: none)
    burden: int  # sum of severities: how hard the day was
    shot: bool

    @property
    def hard(self) -> bool:
        """HARD_DAY_RULE: a severe symptom, or several symptoms."""
        return self.worst >= SEVERE or sum(self.counts.values()) >= HARD_DAY_SYMPTOMS


def by_day(entries: list[Entry], zone: tzinfo | None = None) -> list[Day]:
    """Each calendar day (in `zone`, see the module notes) with a symptom or a shot, oldest first."""
    days: dict[date, list[Entry]] = {}
    for e in entries:
        if e.kind in ("symptom", "injection"):
            days.setdefault(day_of(e.recorded_at, zone), []).append(e)
    out = []
    for day in sorted(days):
        found = symptoms(days[day])
        counts = Counter(e.what for e in found)
        out.append(
            Day(
                day,
                {s: counts[s] for s in SYMPTOM_IDS if counts[s]},
                max((e.severity or 0 for e in found), default=0),
                sum(e.severity or 0 for e in found),
                any(e.kind == "injection" for e in days[day]),
            )
        )
    return out


def worst_days(entries: list[Entry], top: int = 3, zone: tzinfo | None = None) -> list[Day]:
    """The hardest of the hard days (HARD_DAY_RULE): most severity points, then most recent."""
    hard = [d for d in by_day(entries, zone) if d.hard]
    return sorted(hard, key=lambda d: (-d.burden, -d.day.toordinal()))[:top]


def days_since_last_shot(entries: list[Entry], now: datetime, zone: tzinfo | None = None) -> int | None:
    before = [s for s in shots(entries) if s.recorded_at <= now]
    return (day_of(now, zone) - day_of(before[-1].recorded_at, zone)).days if before else None


@dataclass(frozen=True)
class SinceShot:
    days_after: int  # 0 is the day of the shot
    symptoms: int  # symptoms written down on such days
    days: int  # how many diary days were this many days after a shot

    @property
    def per_day(self) -> float:
        return self.symptoms / self.days if self.days else 0.0


def by_days_since_shot(entries: list[Entry], zone: tzinfo | None = None) -> list[SinceShot]:
    """Symptoms by how many days after the last shot they came, with how many such days there were.

    Days (in `zone`) are counted from the first shot to the last entry's day; symptoms before any
    shot are left out.
    """
    shot_days = sorted({day_of(s.recorded_at, zone) for s in shots(entries)})
    if not shot_days:
        return []
    last_day = max(day_of(e.recorded_at, zone) for e in entries)

    def after(day: date) -> int | None:
        earlier = [s for s in shot_days if s <= day]
        return (day - earlier[-1]).days if earlier else None

    day_counts: Counter[int] = Counter()
    day = shot_days[0]
    while day <= last_day:
        since = after(day)
        assert since is not None  # every day from the first shot on has a shot before it
        day_counts[since] += 1
        day += timedelta(days=1)
    symptom_counts: Counter[int] = Counter()
    for e in symptoms(entries):
        n = after(day_of(e.recorded_at, zone))
        if n is not None:
            symptom_counts[n] += 1
    return [SinceShot(n, symptom_counts[n], day_counts[n]) for n in sorted(day_counts)]


@dataclass(frozen=True)
class TriggerPattern:
    what: str
    times: int  # times this was tagged
    followed: int  # ... of which a symptom came within the window
    other_times: int  # times anything else was tagged
    other_followed: int
    hours: int

    @property
    def shown(self) -> bool:
        return self.times >= MIN_TIMES

    @property
    def share(self) -> float:
        return self.followed / self.times if self.times else 0.0

    @property
    def other_share(self) -> float:
        return self.other_followed / self.other_times if self.other_times else 0.0

    def sentence(self) -> str:
        label = LABEL[self.what].lower()
        text = f"After {label}, a symptom followed within {self.hours} hours {self.followed} of {self.times} times."
        if self.other_times:
            text += f" After other things you tagged: {self.other_followed} of {self.other_times} times."
        return text

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "label": LABEL[self.what], "shown": self.shown}


def followed_by_symptom(moment: datetime, symptom_times: list[datetime], hours: int) -> bool:
    """True if a symptom was written down after `moment` and no more than `hours` later.

    `symptom_times` must be sorted: the first time after `moment` is found by bisection, so a
    diary of years stays quick to read.
    """
    after = bisect_right(symptom_times, moment)
    return after < len(symptom_times) and symptom_times[after] <= moment + timedelta(hours=hours)


def trigger_patterns(entries: list[Entry], hours: int) -> list[TriggerPattern]:
    """One pattern per trigger tag used, most tagged first."""
    if not 1 <= hours <= 48:
        raise ValueError("the window is 1 to 48 hours")
    times = sorted(e.recorded_at for e in symptoms(entries))
    tagged = [(e.what, followed_by_symptom(e.recorded_at, times, hours)) for e in entries if e.kind == "trigger"]
    all_times, all_followed = len(tagged), sum(f for _, f in tagged)
    out = []
    for what in dict.fromkeys(w for w, _ in tagged):
        mine = [f for w, f in tagged if w == what]
        out.append(TriggerPattern(what, len(mine), sum(mine), all_times - len(mine), all_followed - sum(mine), hours))
    return sorted(out, key=lambda p: (-p.times, p.what))


def top_patterns(entries: list[Entry], hours: int, top: int = 3) -> list[TriggerPattern]:
    """Shown patterns where a symptom followed more often than after other tags, biggest gap first."""
    shown = [p for p in trigger_patterns(entries, hours) if p.shown and p.share > p.other_share]
    return sorted(shown, key=lambda p: (-(p.share - p.other_share), -p.times, p.what))[:top]


def in_period(entries: list[Entry], weeks: int, now: datetime) -> list[Entry]:
    start = now - timedelta(weeks=weeks)
    return [e for e in entries if start < e.recorded_at <= now]


def summary(
    entries: list[Entry], weeks: int, now: datetime, hours: int = 4, zone: tzinfo | None = None
) -> dict[str, object]:
    """The last `weeks` weeks in numbers, days in `zone`: for the visit sheet, the CLI and the page."""
    recent = in_period(entries, weeks, now)
    counts = Counter(e.what for e in symptoms(recent))
    medicines = Counter(e.what for e in recent if e.kind == "medicine")
    return {
        "weeks": weeks,
        "from": day_of(now - timedelta(weeks=weeks), zone).isoformat(),
        "to": day_of(now, zone).isoformat(),
        "entries": len(recent),
        "symptom_counts": {s: counts[s] for s in SYMPTOM_IDS if counts[s]},
        "symptom_days": sum(1 for d in by_day(recent, zone) if d.counts),
        "worst_days": [
            {"day": d.day.isoformat(), "severity_points": d.burden, "symptoms": d.counts}
            for d in worst_days(recent, zone=zone)
        ],
        "hard_day_rule": HARD_DAY_RULE,
        "shot_dates": [day_of(s.recorded_at, zone).isoformat() for s in shots(recent)],
        "medicine_counts": dict(sorted(medicines.items())),
        "window_hours": hours,
        "patterns": [p.as_dict() for p in trigger_patterns(recent, hours)],
        "top_patterns": [p.as_dict() for p in top_patterns(recent, hours)],
        "min_times_for_a_pattern": MIN_TIMES,
    }


def summary_lines(data: dict[str, Any]) -> list[str]:
    """The summary in short plain lines, for the visit sheet."""
    lines = [f"Diary from {data['from']} to {data['to']} ({data['weeks']} weeks, {data['entries']} entries)."]
    counts = data["symptom_counts"]
    if counts:
        lines.append(
            "Symptoms: "
            + ", ".join(f"{LABEL[s].lower()} {n}x" for s, n in counts.items())
            + f", on {data['symptom_days']} days."
        )
    else:
        lines.append("No symptoms written down.")
    for d in data["worst_days"]:
        what = ", ".join(f"{LABEL[s].lower()} {n}x" for s, n in d["symptoms"].items())
        lines.append(f"Hard day {d['day']}: {what}.")
    if data["worst_days"]:
        lines.append(HARD_DAY_RULE)
    if data["shot_dates"]:
        lines.append("Shots on: " + ", ".join(data["shot_dates"]) + ".")
    for p in data["top_patterns"]:
        lines.append(
            f"After {p['label'].lower()}, a symptom followed within {p['hours']} hours {p['followed']} of "
            f"{p['times']} times (after other tags: {p['other_followed']} of {p['other_times']})."
        )
    return lines
