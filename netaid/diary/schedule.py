"""When the next long-acting shot is due, and a calendar file of the next few."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from icalendar import Calendar, Event

from netaid.diary.models import LABEL, SITE_IDS, Entry, Settings
from netaid.diary.patterns import shots


def next_due(entries: list[Entry], settings: Settings) -> date | None:
    """The last shot's day plus the person's interval; None before the first shot."""
    done = shots(entries)
    return done[-1].recorded_at.date() + timedelta(days=settings.interval_days) if done else None


def upcoming(entries: list[Entry], settings: Settings, count: int = 6) -> list[date]:
    first = next_due(entries, settings)
    return [first + timedelta(days=settings.interval_days * i) for i in range(count)] if first else []


def next_site(entries: list[Entry]) -> str | None:
    """A rotation hint: the site after the last one used, so the same spot rests between shots."""
    used = [s.site for s in shots(entries) if s.site]
    if not used:
        return None
    return SITE_IDS[(SITE_IDS.index(used[-1]) + 1) % len(SITE_IDS)]


def calendar_file(entries: list[Entry], settings: Settings, made_at: datetime, count: int = 6) -> bytes:
    """An .ics file with one all-day event per upcoming dose (no health details beyond the name)."""
    cal = Calendar()
    cal.add("prodid", "-//NETaid//diary//EN")
    cal.add("version", "2.0")
    name = LABEL[settings.medicine].split(" (")[0]
    for day in upcoming(entries, settings, count):
        event = Event()
        event.add("uid", f"netaid-dose-{settings.medicine}-{day.isoformat()}@netaid")
        event.add("dtstamp", made_at)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", f"{name} shot due")
        event.add("description", f"Due {settings.interval_days} days after the last shot, as planned with your team.")
        cal.add_component(event)
    return cal.to_ical()
