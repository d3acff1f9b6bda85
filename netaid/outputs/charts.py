"""Plotly figures for the app. Each builder returns a Chart: the figure, alt text, and a table
of the same numbers for people who cannot see the picture."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go

from netaid.content.models import Site, Stage
from netaid.explorer.values import RELATION_TEXT
from netaid.grading import KI67_CUTOFFS, MITOSES_CUTOFFS, grade_for
from netaid.quiz.stats import percent_text

# Colours chosen for at least 4.5:1 contrast of their text on white and for colour-blind
# readers (Okabe-Ito based); grade bands also carry their names, never colour alone.
INK = "#1b1b1b"
GRADE_COLOURS = {1: "#cde9d9", 2: "#fbe3b5", 3: "#f6c8c2"}
ACCENT = "#0b5394"
SPREAD = "#b3261e"
MUTED = "#9e9e9e"
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=16, color=INK)


@dataclass(frozen=True)
class Chart:
    figure: go.Figure
    alt: str
    table: Sequence[Mapping[str, object]]


def wrap(text: str, width: int = 14) -> str:
    """Break a label into lines of about `width` characters (Plotly's <br>), so it never runs
    off a phone screen. A word longer than the width keeps its own line."""
    lines: list[str] = []
    for word in text.replace("\n", " ").split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    """Shared look. The title is the chart's accessible summary line: the page shows it as a
    heading above the chart instead of inside the figure, where a phone would cut it."""
    fig.update_layout(
        title=None,
        meta=dict(title=title),
        font=FONT,
        height=height,
        margin=dict(l=10, r=20, t=20, b=40),
        paper_bgcolor="white",
        plot_bgcolor="white",
        showlegend=False,
    )
    fig.update_xaxes(tickfont=dict(size=14, color=INK), title_font=dict(size=15, color=INK))
    fig.update_yaxes(tickfont=dict(size=14, color=INK))
    return fig


def sites_chart(sites: list[Site]) -> Chart:
    """Horizontal bars: how many in 100 NETs start in each place the sources give a number for."""
    rows = sorted((s for s in sites if s.percent is not None), key=lambda s: s.percent or 0)
    fig = go.Figure(
        go.Bar(
            x=[s.percent for s in rows],
            y=[s.name for s in rows],
            orientation="h",
            marker_color=ACCENT,
            text=[f"about {s.percent:g} in 100" for s in rows],
            textposition="auto",
            insidetextfont=dict(color="white", size=14),
            outsidetextfont=dict(color=INK, size=14),
            cliponaxis=False,
            hovertemplate="%{y}: about %{x} in 100 NETs<extra></extra>",
        )
    )
    fig.update_xaxes(title_text="NETs out of every 100", range=[0, max(s.percent or 0 for s in rows) * 1.1])
    fig.update_yaxes(tickvals=[s.name for s in rows], ticktext=[wrap(s.name, 16) for s in rows])
    _layout(fig, "Where NETs start", 60 * len(rows) + 120)
    listed = "; ".join(f"{s.name}: about {s.percent:g} in 100" for s in reversed(rows))
    return Chart(
        fig,
        f"Bar chart of where NETs start. {listed}.",
        [{"Where it starts": s.name, "NETs out of 100": s.percent} for s in reversed(rows)],
    )


def _band_position(value: float, cutoffs: tuple[float, float], top: float) -> float:
    """Place a value on a scale where each grade band is one unit wide (0-1, 1-2, 2-3)."""
    low, high = cutoffs
    if value < low:
        return value / low
    if value <= high:
        return 1 + (value - low) / (high - low)
    return 2 + min(value - high, top - high) / (top - high)


def grade_bands_chart(ki67: float | None, mitoses: float | None, big: bool = False) -> Chart:
    """Where the given values fall on the WHO grade bands (bands drawn equal width).
    `big` is the presenter's "show to patient" size: type readable across a room."""
    k = 1.7 if big else 1.0
    scales = [
        ("Ki-67", KI67_CUTOFFS, 100.0, ki67, "%"),
        ("Mitotic count", MITOSES_CUTOFFS, max(100.0, mitoses or 0), mitoses, ""),
    ]
    fig = go.Figure()
    table = []
    alt_parts = []
    for row, (name, (low, high), top, value, unit) in enumerate(scales):
        for band in (1, 2, 3):
            fig.add_shape(
                type="rect",
                x0=band - 1,
                x1=band,
                y0=row - 0.35,
                y1=row + 0.35,
                fillcolor=GRADE_COLOURS[band],
                line=dict(color="white", width=2),
                layer="below",
            )
        labels = [f"under {low:g}{unit}", f"{low:g} to {high:g}{unit}", f"over {high:g}{unit}"]
        fig.add_trace(
            go.Scatter(
                x=[0.5, 1.5, 2.5],
                y=[row - 0.17] * 3,
                mode="text",
                text=[f"<b>Grade {b}</b><br>{labels[b - 1]}" for b in (1, 2, 3)],
                textfont=dict(size=round(14 * k), color=INK),
                hoverinfo="skip",
            )
        )
        if value is not None:
            fig.add_trace(
                go.Scatter(
                    x=[_band_position(value, (low, high), top)],
                    y=[row + 0.12],
                    mode="markers+text",
                    marker=dict(symbol="triangle-down", size=round(22 * k), color=INK),
                    text=[f"{value:g}{unit}"],
                    textposition="bottom center",
                    textfont=dict(size=round(16 * k), color=INK),
                    hovertemplate=f"{name}: {value:g}{unit}<extra></extra>",
                )
            )
            alt_parts.append(f"{name} {value:g}{unit} falls in the grade {grade_for(value, (low, high))} band")
        table.append(
            {
                "Measure": name,
                **{f"Grade {b}": labels[b - 1] for b in (1, 2, 3)},
                "Your value": "not given" if value is None else f"{value:g}{unit}",
            }
        )
    fig.update_xaxes(range=[0, 3], showticklabels=False, showgrid=False, zeroline=False)
    fig.update_yaxes(tickvals=[0, 1], ticktext=["Ki-67", "Mitotic<br>count"], range=[1.55, -0.45], showgrid=False)
    _layout(fig, "Where your values fall on the WHO grade bands", round(340 * k))
    fig.update_layout(margin=dict(l=6, r=6, t=10, b=10))
    fig.update_yaxes(tickfont=dict(size=round(14 * k), color=INK))
    where = "; ".join(alt_parts) if alt_parts else "No values given yet"
    alt = f"Two bars, one for Ki-67 and one for mitotic count, each split into grade 1, 2 and 3 bands. {where}."
    return Chart(fig, alt, table)


# Places on a simple front-view body outline (x: 0-10, y: 0-16, head at the top). The
# primary dot sits where the picked site is; spread places sit where the organs are.
PRIMARY_XY = {
    "lung": (4.1, 11.4),
    "stomach": (5.9, 9.6),
    "duodenum": (4.6, 9.0),
    "pancreas": (5.3, 8.7),
    "small_intestine": (5.0, 7.0),
    "appendix": (3.9, 6.0),
    "colon_rectum": (6.2, 6.3),
    "adrenal": (6.3, 9.3),
    "unknown_primary": (5.0, 7.8),
    "other": (5.0, 7.8),
}
AREA_XY = {
    "lymph_nodes": [(4.3, 7.9), (5.8, 7.7)],
    "liver": [(3.9, 9.7)],
    "bone": [(5.0, 11.0), (3.4, 5.2), (6.6, 5.2)],  # the spine and both hips
}
AREA_NAMES = {
    "primary": "Where it started",
    "lymph_nodes": "Nearby lymph nodes",
    "liver": "Liver",
    "bone": "Bone (spine and hips)",
}
# One colour per place (Okabe-Ito), so the key says which dot is which without reading labels.
AREA_COLOURS = {"primary": ACCENT, "lymph_nodes": "#a05a00", "liver": "#7b3294", "bone": "#b3261e"}
# Labels drawn on the picture: (text, x, y, anchor).
PLACE_LABELS = [
    ("Lungs", 2.2, 11.6, "right"),
    ("Liver", 2.2, 9.7, "right"),
    ("Nodes", 7.9, 7.7, "left"),
    ("Spine", 7.9, 11.0, "left"),
    ("Hip", 2.2, 5.2, "right"),
    ("Hip", 7.9, 5.2, "left"),
]


def stage_body_chart(stage: Stage, site_id: str, site_name: str, big: bool = False) -> Chart:
    """A simple body outline with labelled organs, lighting up the places a stage involves.
    Each place has its own colour in the key below the picture. `big`: presenter size."""
    k = 1.5 if big else 1.0
    fig = go.Figure()
    line = dict(color="#757575", width=2)
    skin = "#f4f4f4"
    fig.add_shape(type="circle", x0=4.0, x1=6.0, y0=13.6, y1=15.6, line=line, fillcolor=skin, layer="below")
    for path in (
        "M 3 13 L 7 13 L 7.4 5 L 2.6 5 Z",  # torso
        "M 3 13 L 1.6 12.4 L 1.0 6.4 L 1.8 6.2 L 2.6 11 Z",  # arms, held away from the hips
        "M 7 13 L 8.4 12.4 L 9.0 6.4 L 8.2 6.2 L 7.4 11 Z",
        "M 2.6 5 L 4.8 5 L 4.6 0.4 L 3.0 0.4 Z",  # legs
        "M 5.2 5 L 7.4 5 L 7.0 0.4 L 5.4 0.4 Z",
    ):
        fig.add_shape(type="path", path=path, line=line, fillcolor=skin, layer="below")
    organ = dict(line=dict(color="#bdbdbd", width=1), layer="below")
    fig.add_shape(type="circle", x0=3.2, x1=4.8, y0=10.4, y1=12.6, fillcolor="#e3eef9", **organ)  # lungs
    fig.add_shape(type="circle", x0=5.2, x1=6.8, y0=10.4, y1=12.6, fillcolor="#e3eef9", **organ)
    fig.add_shape(
        type="path", path="M 3.1 10.1 L 5.4 10.1 L 4.6 9.1 L 3.2 9.2 Z", fillcolor="#efe3f3", **organ
    )  # liver
    fig.add_shape(
        type="line", x0=5.0, x1=5.0, y0=12.9, y1=5.3, line=dict(color="#d7d7d7", width=4), layer="below"
    )  # spine
    for text, x, y, anchor in PLACE_LABELS:
        fig.add_annotation(
            x=x, y=y, text=text, showarrow=False, xanchor=anchor, font=dict(size=round(15 * k), color=INK)
        )
    lit = set(stage.areas)
    table = []
    for area in ("primary", "lymph_nodes", "liver", "bone"):
        points = [PRIMARY_XY.get(site_id, PRIMARY_XY["other"])] if area == "primary" else AREA_XY[area]
        on = area in lit
        colour = AREA_COLOURS[area]
        label = f"{AREA_NAMES[area]}" + (f": {site_name}" if area == "primary" else "")
        state = "marked" if on else "not involved"
        fig.add_trace(
            go.Scatter(
                x=[p[0] for p in points],
                y=[p[1] for p in points],
                mode="markers",
                marker=dict(
                    size=round((24 if on else 12) * k),
                    color=colour if on else "white",
                    line=dict(color=colour, width=3),
                    symbol="circle" if on else "circle-open",
                ),
                name=wrap(label if area == "primary" else f"{label}: {state}", 26),
                hovertemplate=f"{label}: {state}<extra></extra>",
            )
        )
        table.append({"Place": label, "Involved at this stage": "yes" if on else "no"})
    fig.update_xaxes(range=[0, 10], visible=False, fixedrange=True)
    fig.update_yaxes(range=[-0.3, 16], visible=False, scaleanchor="x", fixedrange=True)
    _layout(fig, f"{stage.name}: where the tumor is", round(720 * (1.15 if big else 1.0)))
    fig.update_layout(
        showlegend=True,
        margin=dict(l=4, r=4, t=10, b=10),
        legend=dict(
            orientation="h",
            yanchor="top",
            y=-0.01,
            xanchor="left",
            x=0,
            font=dict(size=round(15 * k), color=INK),
            itemclick=False,
            itemdoubleclick=False,
        ),
    )
    involved = ", ".join(r["Place"] for r in table if r["Involved at this stage"] == "yes")
    alt = (
        f"A simple outline of a body with the lungs, liver, lymph nodes, spine and hips labelled. "
        f"For the {stage.name.lower()} stage, these places are marked: {involved}."
    )
    return Chart(fig, alt, table)


SIDE_EFFECT_LEVELS = {0: "none listed in our sources", 1: "common", 2: "rare but serious", 3: "can show up later"}
SIDE_EFFECT_COLOURS = ["#ffffff", "#fbe3b5", "#f6c8c2", "#d9d2e9"]


def side_effect_heatmap(effects: list[str], options: list[str], matrix: list[list[int]]) -> Chart:
    """Options (columns) by side effects (rows): which the sources list, and how. Headers are
    wrapped, never rotated, and the figure has no title of its own for them to run into."""
    scale = []
    for level, colour in enumerate(SIDE_EFFECT_COLOURS):
        scale += [[level / 4, colour], [(level + 1) / 4, colour]]
    cell = {0: "none listed<br>in our sources", 1: "common", 2: "rare but<br>serious", 3: "can show<br>up later"}
    text = [[cell[v] for v in row] for row in matrix]
    heads = [wrap(o, 14) for o in options]
    head_lines = max(h.count("<br>") + 1 for h in heads)
    fig = go.Figure(
        go.Heatmap(
            z=matrix,
            x=list(range(len(options))),
            y=list(range(len(effects))),
            zmin=0,
            zmax=4,
            colorscale=scale,
            showscale=False,
            text=text,
            texttemplate="%{text}",
            textfont=dict(size=12, color=INK),
            xgap=2,
            ygap=2,
            customdata=[[f"{o}: {e}" for o in options] for e in effects],
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    fig.update_yaxes(
        autorange="reversed",
        tickvals=list(range(len(effects))),
        ticktext=[wrap(e, 18) for e in effects],
        tickfont=dict(size=13, color=INK),
    )
    fig.update_xaxes(
        side="top", tickangle=0, tickvals=list(range(len(options))), ticktext=heads, tickfont=dict(size=13, color=INK)
    )
    _layout(fig, "Side effects the sources list for each option", 40 + 18 * head_lines + 46 * len(effects))
    fig.update_layout(margin=dict(l=6, r=6, t=18 + 18 * head_lines, b=6))
    table = [
        {"Side effect": e, **{o: SIDE_EFFECT_LEVELS[row[j]] for j, o in enumerate(options)}}
        for e, row in zip(effects, matrix)
    ]
    listed = "; ".join(
        f"{o}: "
        + (
            ", ".join(f"{e} ({SIDE_EFFECT_LEVELS[row[j]]})" for e, row in zip(effects, matrix) if row[j])
            or "none listed in our sources"
        )
        for j, o in enumerate(options)
    )
    return Chart(fig, f"Grid of side effects by option. {listed}.", table)


RELATION_COLOURS = {-1: "#f6c8c2", 0: "#f4f4f4", 1: "#cde9d9"}
IMPORTANCE = ["not important", "a little important", "somewhat important", "important", "very important"]
NOT_SET = "not set yet"


def values_chart(
    options: list[str], values: list[str], relation: list[list[int]], importance: list[int | None]
) -> Chart:
    """How each compared option relates to each value (toward / no link / against). No totals,
    no ranking. Values are rows (read across, like a list on a phone); options are the 2-4
    columns. `importance` is 0-4 per value, or None where the person has not moved its slider.
    """
    plain = [v.replace("\n", " ") for v in values]
    rows = [
        wrap(v, 16) + "<br>" + ("<i>not set yet</i>" if i is None else f"{'●' * i}{'○' * (4 - i)}")
        for v, i in zip(plain, importance)
    ]
    scale = [
        [0, RELATION_COLOURS[-1]],
        [0.33, RELATION_COLOURS[-1]],
        [0.34, RELATION_COLOURS[0]],
        [0.66, RELATION_COLOURS[0]],
        [0.67, RELATION_COLOURS[1]],
        [1, RELATION_COLOURS[1]],
    ]
    by_value = [[relation[o][v] for o in range(len(options))] for v in range(len(values))]
    words = [
        [f"{options[o]}: {RELATION_TEXT[relation[o][v]].lower()}" for o in range(len(options))]
        for v in range(len(values))
    ]
    heads = [wrap(o, 14) for o in options]
    head_lines = max((h.count("<br>") + 1 for h in heads), default=1)
    fig = go.Figure(
        go.Heatmap(
            z=by_value,
            x=list(range(len(options))),
            y=list(range(len(values))),
            zmin=-1,
            zmax=1,
            colorscale=scale,
            showscale=False,
            text=[[{1: "✓", 0: "", -1: "✗"}[r] for r in row] for row in by_value],
            texttemplate="%{text}",
            textfont=dict(size=20, color=INK),
            xgap=3,
            ygap=3,
            customdata=words,
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    fig.update_yaxes(
        autorange="reversed", tickvals=list(range(len(values))), ticktext=rows, tickfont=dict(size=13, color=INK)
    )
    fig.update_xaxes(
        side="top", tickangle=0, tickvals=list(range(len(options))), ticktext=heads, tickfont=dict(size=13, color=INK)
    )
    _layout(fig, "How each option relates to what matters to you", 40 + 18 * head_lines + 58 * len(values))
    fig.update_layout(margin=dict(l=6, r=6, t=18 + 18 * head_lines, b=6))
    said = [NOT_SET if i is None else IMPORTANCE[i] for i in importance]
    table = [
        {"Option": o, **{v: RELATION_TEXT[row[j]] for j, v in enumerate(plain)}} for o, row in zip(options, relation)
    ]
    table.append({"Option": "How much it matters to you", **dict(zip(plain, said))})
    alt = (
        "Grid of the compared options by the things that matter to you. "
        + "; ".join(
            f"{o}: "
            + (
                ", ".join(f"{RELATION_TEXT[row[j]].lower()} {v.lower()}" for j, v in enumerate(plain) if row[j])
                or "no direct links"
            )
            for o, row in zip(options, relation)
        )
        + ". There is no total score."
    )
    return Chart(fig, alt, table)


# Written out, not Plotly's ticksuffix (the app's Plotly did not draw it).
PERCENT_TICKS = dict(tickvals=[0, 50, 100], ticktext=["0 %", "50 %", "100 %"])


def mastery_chart(rows: list[tuple[str, int, int, int]]) -> Chart:
    """Bars: per topic, the share of its questions last answered right.
    rows: (topic, last answered right, tried, questions in the topic). A topic with no answers
    says "not tried yet", never "0 right"."""
    percents = [round(100 * m / t) if t else 0 for _, m, _tried, t in rows]
    labels = ["not tried yet" if tried == 0 else f"{m} right of {tried} tried ({t} in all)" for _, m, tried, t in rows]
    fig = go.Figure(
        go.Bar(
            x=percents,
            y=[r[0] for r in rows],
            orientation="h",
            marker_color=ACCENT,
            customdata=labels,
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    )
    fig.update_xaxes(range=[0, 100], title_text="Last answered right", fixedrange=True, **PERCENT_TICKS)
    # The words go beside the topic name, so a phone never cuts them off the end of a bar; each
    # row gets room for its own lines (name and words wrapped short), so rows never run together.
    ticktext = [f"{wrap(r[0], 16)}<br><i>{wrap(label, 18)}</i>" for r, label in zip(rows, labels)]
    fig.update_yaxes(autorange="reversed", tickvals=[r[0] for r in rows], ticktext=ticktext)
    lines = max((t.count("<br>") + 1 for t in ticktext), default=1)
    _layout(fig, "Mastery by topic", 90 + max(74, 20 * lines + 12) * len(rows))
    # Room on the right for the "100 %" tick, which Plotly hides when it would cross the edge.
    fig.update_layout(margin=dict(l=6, r=34, t=10, b=40), bargap=0.35)
    table = [
        {"Topic": name, "Last answered right": m, "Tried": tried, "Questions": t, "Percent": percent_text(m, t)}
        for name, m, tried, t in rows
    ]
    alt = (
        "Bar chart of mastery by topic. "
        + "; ".join(f"{name}: {label}" for (name, *_), label in zip(rows, labels))
        + "."
    )
    return Chart(fig, alt, table)


def _day_ticks(labels: list[str], most: int = 6) -> list[str]:
    """At most `most` day labels along the bottom, evenly spread, always the first and last day:
    more would run into each other on a phone."""
    if len(labels) <= most:
        return labels
    step = math.ceil((len(labels) - 1) / (most - 1))
    picked = labels[::step]
    if picked[-1] != labels[-1]:
        picked[-1] = labels[-1]  # the last day replaces the tick just before it, never crowds it
    return picked


def _day_names(days: list[date]) -> list[str]:
    """Short day names ("04 Dec"), with the year when the days span more than one year, so two
    days never share a name (the axis is by category)."""
    one_year = len({d.year for d in days}) <= 1
    return [d.strftime("%d %b" if one_year else "%d %b %Y") for d in days]


def accuracy_chart(days: list[tuple[date, int, int]]) -> Chart:
    """Line: share of answers right on each day the learner practised. The percent is written
    over a point only when there are few points, so the numbers never sit on each other; the
    table and the hover always have them."""
    labels = _day_names([d for d, _, _ in days])
    percents = [round(100 * r / n) for _, n, r in days]
    few = len(days) <= 4  # four labels stay apart on a 390 px phone; more touch each other and the line
    fig = go.Figure(
        go.Scatter(
            x=labels,
            y=percents,
            mode="lines+markers+text" if few else "lines+markers",
            marker=dict(size=10, color=ACCENT),
            line=dict(color=ACCENT, width=3),
            text=[f"{p} %" for p in percents] if few else None,
            textposition="top center",
            textfont=dict(size=13, color=INK),
            cliponaxis=False,
            hovertemplate="%{x}: %{y} % right<extra></extra>",
        )
    )
    fig.update_yaxes(range=[0, 115], title_text="Answers right", title_font=dict(size=15, color=INK), **PERCENT_TICKS)
    ticks = _day_ticks(labels)
    # Day over month ("28" above "Nov"): half as wide, so six days fit side by side on a phone.
    stacked = [t.replace(" ", "<br>", 1) for t in ticks]
    fig.update_xaxes(type="category", title_text="Day", tickvals=ticks, ticktext=stacked, tickangle=0)
    _layout(fig, "Accuracy over time", 320)
    table = [{"Day": d.isoformat(), "Answered": n, "Right": r, "Percent": percent_text(r, n)} for d, n, r in days]
    alt = (
        "Line chart of answers right per day. "
        + "; ".join(f"{d.isoformat()}: {p} % of {n}" for (d, n, _r), p in zip(days, percents))
        + "."
    )
    return Chart(fig, alt, table)
