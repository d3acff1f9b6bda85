"""Plotly charts of a diary, each with alt text and a table of the same numbers."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from typing import Any

import plotly.graph_objects as go

from netaid.diary.models import LABEL
from netaid.diary.patterns import SYMPTOM_IDS, Day, SinceShot, TriggerPattern
from netaid.outputs.charts import ACCENT, INK, Chart, _layout, wrap

# Okabe-Ito colours, one per symptom; bars also carry their names in the table and legend.
SYMPTOM_COLOURS = {
    "flushing": "#D55E00",
    "diarrhea": "#0072B2",
    "wheezing": "#009E73",
    "palpitations": "#CC79A7",
    "belly_pain": "#E69F00",
    "other_symptom": "#555555",
}


DAY_MS = 86_400_000  # Plotly measures a date axis in milliseconds
MOST_DAY_TICKS = 7  # more day names than this run into each other on a 390 px phone


def day_axis(days: list[date]) -> dict[str, Any]:
    """A date axis where each day is one slot: a bar sits on its day's midnight, the axis shows
    half a day either side, and each tick names one day at that same midnight, so a bar is never
    drawn across two day names (Plotly's own ticks fall at noon or every 6 hours for a short
    diary, and name one day twice). At most MOST_DAY_TICKS names, evenly spaced."""
    if not days:
        return dict(type="date")
    first, last = min(days), max(days)
    span = (last - first).days + 1
    step = math.ceil(span / MOST_DAY_TICKS)
    ticks = [first + timedelta(days=n) for n in range(0, span, step)]
    half_day = timedelta(hours=12)
    return dict(
        type="date",
        range=[datetime.combine(first, time()) - half_day, datetime.combine(last, time()) + half_day],
        tickvals=[d.isoformat() for d in ticks],
        ticktext=[d.strftime("%d<br>%b") for d in ticks],  # day over month: narrow enough for 7 on a phone
        tickangle=0,
    )


def symptoms_over_time(days: list[Day]) -> Chart:
    """Symptoms per day, stacked by kind, with a marker on each shot day."""
    fig = go.Figure()
    x = [d.day.isoformat() for d in days]
    used = [s for s in SYMPTOM_IDS if any(d.counts.get(s) for d in days)]
    for s in used:
        fig.add_bar(
            x=x,
            y=[d.counts.get(s, 0) for d in days],
            name=LABEL[s],
            marker_color=SYMPTOM_COLOURS[s],
            width=0.8 * DAY_MS,  # one day's slot, whatever the gaps between diary days
        )
    shot_days = [d.day.isoformat() for d in days if d.shot]
    top = max((sum(d.counts.values()) for d in days), default=0) + 1
    if shot_days:
        fig.add_scatter(
            x=shot_days,
            y=[top] * len(shot_days),
            mode="markers+text",
            name="Shot",
            marker=dict(symbol="triangle-down", size=14, color=INK),
            text=["Shot"] * len(shot_days),
            textposition="top center",
            textfont=dict(size=12, color=INK),
        )
    _layout(fig, "Symptoms each day (a triangle marks a shot day)", 320)
    fig.update_layout(
        barmode="stack",
        showlegend=True,
        legend=dict(orientation="h", yanchor="top", y=-0.2, x=0, font=dict(size=13)),
        margin=dict(l=10, r=10, t=30, b=10),
    )
    fig.update_yaxes(title=None, dtick=1, rangemode="tozero", range=[0, top + 1])
    fig.update_xaxes(**day_axis([d.day for d in days]))
    total = sum(sum(d.counts.values()) for d in days)
    alt = (
        f"Bar chart of symptoms each day, {x[0]} to {x[-1]}: {total} symptoms on "
        f"{sum(1 for d in days if d.counts)} days; shots on {len(shot_days)} days."
        if days
        else "Bar chart of symptoms each day: no entries yet."
    )
    table = [
        {"Day": d.day.isoformat(), **{LABEL[s]: d.counts.get(s, 0) for s in used}, "Shot": "yes" if d.shot else ""}
        for d in days
    ]
    return Chart(fig, alt, table)


def by_days_since_shot(rows: list[SinceShot]) -> Chart:
    """Symptoms per diary day, by how many days after the last shot the day was."""
    fig = go.Figure()
    fig.add_bar(
        x=[r.days_after for r in rows],
        y=[round(r.per_day, 2) for r in rows],
        marker_color=ACCENT,
        text=[f"{r.symptoms}/{r.days}" for r in rows],
        textposition="outside",
        textfont=dict(size=12, color=INK),
    )
    _layout(fig, "Symptoms per day, by days since the last shot (symptoms / days)", 300)
    fig.update_xaxes(title="Days since the last shot", dtick=7 if len(rows) > 14 else 1)
    fig.update_yaxes(title=None, rangemode="tozero")
    if rows:
        busiest = max(rows, key=lambda r: (r.per_day, -r.days_after))
        alt = (
            f"Bar chart of symptoms per day by days since the last shot, 0 to {rows[-1].days_after} days. "
            f"Most per day on day {busiest.days_after}: {busiest.symptoms} symptoms over {busiest.days} days."
        )
    else:
        alt = "Bar chart of symptoms by days since the last shot: no shots logged yet."
    table = [
        {"Days after shot": r.days_after, "Symptoms": r.symptoms, "Diary days": r.days, "Per day": f"{r.per_day:.1f}"}
        for r in rows
    ]
    return Chart(fig, alt, table)


def trigger_patterns(patterns: list[TriggerPattern]) -> Chart:
    """For each shown tag: the share of times a symptom followed, beside the share after other tags."""
    shown = [p for p in patterns if p.shown]
    names = [wrap(LABEL[p.what], 16) for p in shown]
    fig = go.Figure()
    fig.add_bar(
        y=names,
        x=[round(100 * p.share) for p in shown],
        orientation="h",
        name="After this",
        marker_color="#D55E00",
        text=[f"{p.followed} of {p.times}" for p in shown],
        textposition="auto",
    )
    fig.add_bar(
        y=names,
        x=[round(100 * p.other_share) for p in shown],
        orientation="h",
        name="After other tags",
        marker_color="#9e9e9e",
        text=[f"{p.other_followed} of {p.other_times}" for p in shown],
        textposition="auto",
        textfont=dict(color=INK),
    )
    hours = shown[0].hours if shown else 0
    _layout(fig, f"How often a symptom followed within {hours} hours (out of 100 times)", 120 + 90 * max(1, len(shown)))
    fig.update_layout(
        barmode="group",
        showlegend=True,
        legend=dict(orientation="h", y=-0.25, x=0),
        margin=dict(l=10, r=10, t=20, b=10),
    )
    fig.update_xaxes(range=[0, 100], dtick=25, title=None, ticksuffix="%")
    fig.update_yaxes(autorange="reversed")
    alt = (
        "Bar chart comparing, for each tag with at least 5 times: "
        + "; ".join(
            f"{LABEL[p.what]} {p.followed} of {p.times} times, other tags {p.other_followed} of {p.other_times}"
            for p in shown
        )
        + "."
        if shown
        else "No tag has 5 tagged times yet."
    )
    table = [
        {
            "What came before": LABEL[p.what],
            "Symptom followed": f"{p.followed} of {p.times}",
            "After other tags": f"{p.other_followed} of {p.other_times}",
        }
        for p in shown
    ]
    return Chart(fig, alt, table)
