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


# Places on a simple front-view trunk (x: 0-10, y: 3.4-16, head at the top; the person's
# right is the viewer's left). Each site has its start place and its own nearby lymph nodes,
# so a lung tumor's nodes sit in the chest and a gut tumor's in the belly. A site with no
# known place (unknown primary, other) gets no dot: the picture must not invent one.
SITE_PLACES: dict[str, tuple[tuple[float, float], list[tuple[float, float]]]] = {
    "lung": ((4.1, 11.4), [(4.7, 11.9), (5.35, 11.2)]),
    "stomach": ((5.9, 9.6), [(5.4, 9.1), (6.5, 9.0)]),
    "duodenum": ((4.6, 9.0), [(4.2, 8.5), (5.0, 8.4)]),
    "pancreas": ((5.3, 8.7), [(4.8, 8.3), (5.9, 8.3)]),
    "adrenal": ((6.3, 9.3), [(5.9, 8.7), (6.6, 8.6)]),
    "small_intestine": ((5.0, 7.0), [(4.6, 7.6), (5.5, 7.5)]),
    "appendix": ((3.9, 6.0), [(4.4, 6.6), (3.7, 6.7)]),
    "colon_rectum": ((6.2, 6.3), [(5.7, 5.8), (6.6, 6.9)]),
}
# Regions of the trunk by height, for the places above (and the tests that check them).
REGIONS = {"chest": (10.2, 13.0), "upper belly": (8.0, 10.2), "lower belly": (5.0, 8.0)}
# Places a far spread can reach that the picture can mark; the page asks which apply.
FAR_PLACES = {
    "liver": "Liver",
    "bone": "Bone",
    "distant_nodes": "Lymph nodes far away",
    "other": "Other parts of the body",
}
LIVER_XY = [(3.9, 9.6)]
BONE_XY = [(5.0, 11.6), (3.4, 5.3), (6.6, 5.3)]  # the spine and both hips
CHEST_FAR_NODES = [(4.3, 12.8), (5.7, 12.8)]  # above the collarbones, far from a belly tumor
BELLY_FAR_NODES = [(4.4, 7.2), (5.6, 7.2)]  # far from a lung tumor
PLACE_COLOURS = {
    "primary": ACCENT,
    "lymph_nodes": "#a05a00",
    "liver": "#7b3294",
    "bone": SPREAD,
    "distant_nodes": "#8c4a00",
}


def region_of(y: float) -> str:
    """The trunk region a height falls in."""
    return next((name for name, (low, high) in REGIONS.items() if low <= y < high), "elsewhere")


def _draw_trunk(fig: go.Figure) -> None:
    """Head, trunk, arms held close, the top of the legs, lungs, liver and spine, in grey."""
    line = dict(color="#757575", width=2)
    skin = "#f4f4f4"
    fig.add_shape(type="circle", x0=4.0, x1=6.0, y0=13.6, y1=15.6, line=line, fillcolor=skin, layer="below")
    for path in (
        "M 3 13 L 7 13 L 7.4 5 L 2.6 5 Z",  # trunk
        "M 3 13 L 2.2 12.5 L 1.8 6.4 L 2.5 6.3 L 2.8 11 Z",  # arms close to the body
        "M 7 13 L 7.8 12.5 L 8.2 6.4 L 7.5 6.3 L 7.2 11 Z",
        "M 2.6 5 L 4.8 5 L 4.75 3.4 L 2.8 3.4 Z",  # the top of the legs
        "M 5.2 5 L 7.4 5 L 7.2 3.4 L 5.25 3.4 Z",
    ):
        fig.add_shape(type="path", path=path, line=line, fillcolor=skin, layer="below")
    organ = dict(line=dict(color="#bdbdbd", width=1), layer="below")
    fig.add_shape(type="circle", x0=3.2, x1=4.8, y0=10.4, y1=12.6, fillcolor="#e3eef9", **organ)  # lungs
    fig.add_shape(type="circle", x0=5.2, x1=6.8, y0=10.4, y1=12.6, fillcolor="#e3eef9", **organ)
    fig.add_shape(type="path", path="M 3.1 10.1 L 5.4 10.1 L 4.6 9.1 L 3.2 9.2 Z", fillcolor="#efe3f3", **organ)
    fig.add_shape(type="line", x0=5.0, x1=5.0, y0=12.9, y1=5.3, line=dict(color="#d7d7d7", width=4), layer="below")


def stage_places(
    stage: Stage, site_id: str, site_name: str, spread_to: Sequence[str] = ()
) -> list[tuple[str, str, list[tuple[float, float]]]]:
    """What the picture marks, as (key, label, points): the start place, nearby nodes when the
    stage reaches them, and for a far spread only the places in `spread_to`. Points are empty
    for a place the picture cannot put on the body (an unknown start, "other parts")."""
    start, near_nodes = SITE_PLACES.get(site_id, (None, []))
    places = [("primary", f"Start: {site_name}", [start] if start else [])]
    far = stage.id == "metastatic"
    if "lymph_nodes" in stage.areas and (not far or "lymph_nodes" in spread_to):
        places.append(("lymph_nodes", "Nearby lymph nodes", near_nodes))
    if far:
        in_chest = start is not None and region_of(start[1]) == "chest"
        points = {
            "liver": LIVER_XY,
            "bone": BONE_XY,
            "distant_nodes": BELLY_FAR_NODES if in_chest else CHEST_FAR_NODES,
            "other": [],
        }
        places += [(key, FAR_PLACES[key], points[key]) for key in FAR_PLACES if key in spread_to]
    return places


def _label_heights(ys: list[float], lines: list[int], line_height: float) -> list[float]:
    """Label heights near their points, pushed down where needed so no two labels (of
    `lines` lines each, centred on their height) overlap."""
    order = sorted(range(len(ys)), key=lambda i: -ys[i])
    placed: dict[int, float] = {}
    above: int | None = None
    for i in order:
        y = ys[i]
        if above is not None:
            y = min(y, placed[above] - (lines[above] + lines[i]) / 2 * line_height - 0.2)
        placed[i] = y
        above = i
    return [placed[i] for i in range(len(ys))]


def stage_body_chart(
    stage: Stage, site_id: str, site_name: str, big: bool = False, spread_to: Sequence[str] = ()
) -> Chart:
    """A simple trunk outline marking only the places that apply: where the tumor started, its
    own nearby lymph nodes when the stage reaches them, and for a far spread the places the
    person picked (`spread_to`, keys of FAR_PLACES or "lymph_nodes"). Each mark has its name
    written beside the body with a line to it, so no key is needed. `big`: presenter size."""
    k = 1.2 if big else 1.0
    fig = go.Figure()
    _draw_trunk(fig)
    places = stage_places(stage, site_id, site_name, spread_to)
    sides: dict[str, list[tuple[str, str, tuple[float, float]]]] = {"left": [], "right": []}
    notes = []
    for key, label, points in places:
        if not points:
            notes.append(label if key != "primary" else f"Started in: {site_name} (no one place to mark)")
            continue
        colour = PLACE_COLOURS[key]
        fig.add_trace(
            go.Scatter(
                x=[p[0] for p in points],
                y=[p[1] for p in points],
                mode="markers",
                marker=dict(size=round(20 * k), color=colour, line=dict(color="white", width=2)),
                name=label,
                hovertemplate=f"{label}<extra></extra>",
            )
        )
        sides["left" if points[0][0] < 5.0 else "right"].append((label, colour, points[0]))
    for side, marks in sides.items():
        texts = [wrap(label, 13) for label, _, _ in marks]
        lines = [text.count("<br>") + 1 for text in texts]
        heights = _label_heights([p[1] for _, _, p in marks], lines, line_height=0.85 * k)
        for (_, colour, (x, y)), text, label_y in zip(marks, texts, heights, strict=True):
            fig.add_annotation(
                x=x,
                y=y,
                ax=1.4 if side == "left" else 8.6,
                ay=label_y,
                axref="x",
                ayref="y",
                text=f"<b>{text}</b>",
                showarrow=True,
                arrowhead=0,
                arrowcolor=colour,
                arrowwidth=2,
                xanchor="right" if side == "left" else "left",
                font=dict(size=round(15 * k), color=INK),
            )
    if stage.id == "metastatic" and not [p for p in places if p[0] != "primary"]:
        notes.append("Spread to parts far away (places not picked)")
    for i, note in enumerate(notes):
        fig.add_annotation(
            x=5.0,
            y=3.1 - 0.9 * k * i,
            text=wrap(note, 34),
            showarrow=False,
            yanchor="top",
            font=dict(size=round(15 * k), color=INK),
        )
    bottom = 3.2 - 0.95 * k * (len(notes) + (1 if notes else 0))
    fig.update_xaxes(range=[-3.4, 13.4], visible=False, fixedrange=True)
    fig.update_yaxes(range=[min(bottom, 3.3), 16.0], visible=False, scaleanchor="x", fixedrange=True)
    # A narrow phone shrinks the picture to its width: keep it at the top, not mid-air.
    fig.update_yaxes(constraintoward="top")
    _layout(fig, f"{stage.name}: where the tumor is", round((250 if big else 400) + 30 * len(notes)))
    fig.update_layout(margin=dict(l=2, r=2, t=4, b=4))
    marked = [label for _, label, _ in places]
    if stage.id == "metastatic":
        others = [("Nearby lymph nodes", "not picked")] + [(name, "not picked") for name in FAR_PLACES.values()]
    else:
        others = [("Nearby lymph nodes", "no"), ("Parts far away", "no")]
    table = [{"Place": name, "Involved at this stage": "yes"} for name in marked] + [
        {"Place": name, "Involved at this stage": state} for name, state in others if name not in marked
    ]
    spread_note = (
        "" if stage.id != "metastatic" or len(marked) > 1 else " It has spread far away; no places are picked."
    )
    alt = (
        f"A simple outline of a body from the head to the hips. For the {stage.name.lower()} stage "
        f"with a start in the {site_name.lower()}, these places are marked: {', '.join(marked)}.{spread_note}"
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
