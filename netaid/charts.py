"""Plotly figures for the app. Each builder returns a Chart: the figure, alt text, and a table
of the same numbers for people who cannot see the picture."""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from netaid.decision import RELATION_TEXT
from netaid.grading import KI67_CUTOFFS, MITOSES_CUTOFFS
from netaid.models import Site, Stage

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
    table: list[dict[str, object]]


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title=dict(text=title, font=dict(size=18)),
        font=FONT,
        height=height,
        margin=dict(l=10, r=20, t=60, b=40),
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
            textposition="outside",
            hovertemplate="%{y}: about %{x} in 100 NETs<extra></extra>",
        )
    )
    fig.update_xaxes(title_text="NETs out of every 100", range=[0, max(s.percent or 0 for s in rows) * 1.35])
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


def grade_bands_chart(ki67: float | None, mitoses: float | None) -> Chart:
    """Where the given values fall on the WHO grade bands (bands drawn equal width)."""
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
                type="rect", x0=band - 1, x1=band, y0=row - 0.35, y1=row + 0.35,
                fillcolor=GRADE_COLOURS[band], line=dict(color="white", width=2), layer="below",
            )
        labels = [f"under {low:g}{unit}", f"{low:g} to {high:g}{unit}", f"over {high:g}{unit}"]
        fig.add_trace(
            go.Scatter(
                x=[0.5, 1.5, 2.5], y=[row - 0.22] * 3, mode="text",
                text=[f"Grade {b}: {labels[b - 1]}" for b in (1, 2, 3)],
                textfont=dict(size=13, color=INK), hoverinfo="skip",
            )
        )
        if value is not None:
            fig.add_trace(
                go.Scatter(
                    x=[_band_position(value, (low, high), top)], y=[row + 0.02], mode="markers+text",
                    marker=dict(symbol="triangle-down", size=22, color=INK),
                    text=[f"{value:g}{unit}"], textposition="bottom center",
                    textfont=dict(size=15, color=INK), hovertemplate=f"{name}: {value:g}{unit}<extra></extra>",
                )
            )
            alt_parts.append(f"{name} {value:g}{unit} falls in the grade {_band_of(value, (low, high))} band")
        table.append({"Measure": name, **{f"Grade {b}": labels[b - 1] for b in (1, 2, 3)},
                      "Your value": "not given" if value is None else f"{value:g}{unit}"})
    fig.update_xaxes(range=[0, 3], showticklabels=False, showgrid=False, zeroline=False)
    fig.update_yaxes(tickvals=[0, 1], ticktext=[s[0] for s in scales], range=[1.6, -0.6], showgrid=False)
    _layout(fig, "Where your values fall on the WHO grade bands", 300)
    where = "; ".join(alt_parts) if alt_parts else "No values given yet"
    alt = (
        "Two bars, one for Ki-67 and one for mitotic count, each split into grade 1, 2 and 3 bands. "
        f"{where}."
    )
    return Chart(fig, alt, table)


def _band_of(value: float, cutoffs: tuple[float, float]) -> int:
    return 1 if value < cutoffs[0] else (2 if value <= cutoffs[1] else 3)


# Rough places on a simple front-view body outline (x: 0-10, y: 0-16, head at the top).
PRIMARY_XY = {
    "lung": (4.0, 11.6),
    "stomach": (5.9, 9.6),
    "duodenum": (4.6, 9.0),
    "pancreas": (5.2, 8.6),
    "small_intestine": (5.0, 7.0),
    "appendix": (3.9, 6.0),
    "colon_rectum": (6.2, 6.4),
    "adrenal": (6.4, 9.3),
    "unknown_primary": (5.0, 7.8),
    "other": (5.0, 7.8),
}
AREA_XY = {
    "lymph_nodes": [(5.9, 7.6), (4.3, 7.8), (5.4, 8.0)],
    "liver": [(3.9, 9.6)],
    "bone": [(2.2, 5.0), (7.9, 5.0), (5.0, 12.3)],
}
AREA_NAMES = {"primary": "Where it started", "lymph_nodes": "Nearby lymph nodes", "liver": "Liver", "bone": "Bone"}


def stage_body_chart(stage: Stage, site_id: str, site_name: str) -> Chart:
    """A simple body outline lighting up the places a stage involves."""
    fig = go.Figure()
    outline = dict(type="path", line=dict(color=MUTED, width=2), fillcolor="#f4f4f4", layer="below")
    fig.add_shape(type="circle", x0=4.0, x1=6.0, y0=13.6, y1=15.6, line=outline["line"], fillcolor="#f4f4f4", layer="below")
    fig.add_shape(path="M 3 13 L 7 13 L 7.4 5 L 2.6 5 Z", **outline)  # torso
    fig.add_shape(path="M 3 13 L 1.6 12.4 L 1.4 5.4 L 2.2 5.2 L 2.6 11 Z", **outline)  # arms
    fig.add_shape(path="M 7 13 L 8.4 12.4 L 8.6 5.4 L 7.8 5.2 L 7.4 11 Z", **outline)
    fig.add_shape(path="M 2.6 5 L 4.8 5 L 4.6 0.4 L 3.0 0.4 Z", **outline)  # legs
    fig.add_shape(path="M 5.2 5 L 7.4 5 L 7.0 0.4 L 5.4 0.4 Z", **outline)
    lit = set(stage.areas)
    table = []
    for area in ("primary", "lymph_nodes", "liver", "bone"):
        points = [PRIMARY_XY.get(site_id, PRIMARY_XY["other"])] if area == "primary" else AREA_XY[area]
        on = area in lit
        colour = ACCENT if area == "primary" else (SPREAD if on else MUTED)
        label = f"{AREA_NAMES[area]}" + (f" ({site_name})" if area == "primary" else "")
        fig.add_trace(
            go.Scatter(
                x=[p[0] for p in points], y=[p[1] for p in points], mode="markers",
                marker=dict(size=26 if on else 14, color=colour if on else "white",
                            line=dict(color=colour, width=3), symbol="circle" if on else "circle-open"),
                name=label, hovertemplate=f"{label}: {'involved' if on else 'not involved'}<extra></extra>",
            )
        )
        table.append({"Place": label, "Involved at this stage": "yes" if on else "no"})
    key_y = 14.5
    for i, row in enumerate(table):
        fig.add_annotation(x=9.6, y=key_y - i * 1.3, xanchor="left", showarrow=False, align="left",
                           text=f"{'●' if row['Involved at this stage'] == 'yes' else '○'} {row['Place']}",
                           font=dict(size=14, color=INK))
    fig.update_xaxes(range=[0, 17], visible=False)
    fig.update_yaxes(range=[-0.5, 16], visible=False, scaleanchor="x")
    _layout(fig, f"{stage.name}: where the tumor is", 520)
    involved = ", ".join(r["Place"] for r in table if r["Involved at this stage"] == "yes")
    alt = f"A simple outline of a body. For the {stage.name.lower()} stage, these places are marked: {involved}."
    return Chart(fig, alt, table)


SIDE_EFFECT_LEVELS = {0: "not listed", 1: "common", 2: "rare but serious", 3: "late effect"}
SIDE_EFFECT_COLOURS = ["#ffffff", "#fbe3b5", "#f6c8c2", "#d9d2e9"]


def side_effect_heatmap(effects: list[str], options: list[str], matrix: list[list[int]]) -> Chart:
    """Options (columns) by side effects (rows): which the sources list, and how."""
    scale = []
    for level, colour in enumerate(SIDE_EFFECT_COLOURS):
        scale += [[level / 4, colour], [(level + 1) / 4, colour]]
    text = [[SIDE_EFFECT_LEVELS[v] if v else "" for v in row] for row in matrix]
    fig = go.Figure(
        go.Heatmap(
            z=matrix, x=options, y=effects, zmin=0, zmax=4, colorscale=scale, showscale=False,
            text=text, texttemplate="%{text}", textfont=dict(size=12, color=INK), xgap=2, ygap=2,
            hovertemplate="%{x}: %{y} (%{text})<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    _layout(fig, "Side effects the sources list for each option", 120 + 34 * len(effects))
    fig.update_layout(margin=dict(l=10, r=10, t=110, b=10))
    table = [{"Side effect": e, **{o: SIDE_EFFECT_LEVELS[row[j]] for j, o in enumerate(options)}} for e, row in zip(effects, matrix)]
    listed = "; ".join(
        f"{o}: " + (", ".join(f"{e} ({SIDE_EFFECT_LEVELS[row[j]]})" for e, row in zip(effects, matrix) if row[j]) or "none listed")
        for j, o in enumerate(options)
    )
    return Chart(fig, f"Grid of side effects by option. {listed}.", table)


RELATION_COLOURS = {-1: "#f6c8c2", 0: "#f4f4f4", 1: "#cde9d9"}
IMPORTANCE = ["not important", "a little important", "somewhat important", "important", "very important"]


def values_chart(options: list[str], values: list[str], relation: list[list[int]], importance: list[int]) -> Chart:
    """How each option relates to each value (toward / no link / against). No totals, no ranking.

    `values` are short headings (a newline marks the wrap); dots under each heading show how
    much it matters to the person (0-4).
    """
    columns = [f"{v.replace(chr(10), '<br>')}<br>{'●' * i}{'○' * (4 - i)}" for v, i in zip(values, importance)]
    plain = [v.replace("\n", " ") for v in values]
    scale = [[0, RELATION_COLOURS[-1]], [0.33, RELATION_COLOURS[-1]], [0.34, RELATION_COLOURS[0]],
             [0.66, RELATION_COLOURS[0]], [0.67, RELATION_COLOURS[1]], [1, RELATION_COLOURS[1]]]
    words = [[RELATION_TEXT[r] for r in row] for row in relation]
    fig = go.Figure(
        go.Heatmap(
            z=relation, x=columns, y=options, zmin=-1, zmax=1, colorscale=scale, showscale=False,
            text=[[{1: "✓", 0: "", -1: "✗"}[r] for r in row] for row in relation], texttemplate="%{text}",
            textfont=dict(size=16, color=INK), xgap=3, ygap=3, customdata=words,
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", tickfont=dict(size=12, color=INK))
    _layout(fig, "How each option relates to what matters to you", 200 + 36 * len(options))
    fig.update_xaxes(side="top", tickangle=0, tickfont=dict(size=12, color=INK))
    fig.update_layout(margin=dict(l=10, r=10, t=150, b=10), title=dict(y=0.98, yanchor="top"))
    table = [{"Option": o, **{v: RELATION_TEXT[row[j]] for j, v in enumerate(plain)}} for o, row in zip(options, relation)]
    table.append({"Option": "How much it matters to you", **{v: IMPORTANCE[i] for v, i in zip(plain, importance)}})
    alt = "Grid of options by the things that matter to you. " + "; ".join(
        f"{o}: " + (", ".join(f"{RELATION_TEXT[row[j]].lower()} {v.lower()}" for j, v in enumerate(plain) if row[j]) or "no direct links")
        for o, row in zip(options, relation)
    ) + ". There is no total score."
    return Chart(fig, alt, table)


def mastery_chart(rows: list[tuple[str, int, int]]) -> Chart:
    """Bars: per topic, the share of its questions last answered right. rows: (topic, mastered, total)."""
    percents = [round(100 * m / t, 1) if t else 0.0 for _, m, t in rows]
    fig = go.Figure(
        go.Bar(
            x=percents, y=[r[0] for r in rows], orientation="h", marker_color=ACCENT,
            text=[f"{m} of {t}" for _, m, t in rows], textposition="outside",
            hovertemplate="%{y}: %{x}%<extra></extra>",
        )
    )
    fig.update_xaxes(range=[0, 115], title_text="Questions you last answered right (%)")
    fig.update_yaxes(autorange="reversed")
    _layout(fig, "Mastery by topic", 90 + 44 * len(rows))
    table = [{"Topic": name, "Answered right": m, "Questions": t, "Percent": p} for (name, m, t), p in zip(rows, percents)]
    alt = "Bar chart of mastery by topic. " + "; ".join(f"{name}: {m} of {t}" for name, m, t in rows) + "."
    return Chart(fig, alt, table)


def accuracy_chart(days: list[tuple[object, int, int]]) -> Chart:
    """Line: share of answers right on each day the learner practised."""
    labels = [str(d) for d, _, _ in days]
    percents = [round(100 * r / n, 1) for _, n, r in days]
    fig = go.Figure(
        go.Scatter(
            x=labels, y=percents, mode="lines+markers+text", marker=dict(size=10, color=ACCENT),
            line=dict(color=ACCENT, width=3), text=[f"{p:g}%" for p in percents], textposition="top center",
            hovertemplate="%{x}: %{y}% right<extra></extra>",
        )
    )
    fig.update_yaxes(range=[0, 110], title_text="Answers right (%)")
    fig.update_xaxes(type="category", title_text="Day")
    _layout(fig, "Accuracy over time", 320)
    table = [{"Day": label, "Answered": n, "Right": r, "Percent": p} for label, (_, n, r), p in zip(labels, days, percents)]
    alt = "Line chart of answers right per day. " + "; ".join(f"{label}: {p:g}% of {n}" for label, (_, n, _r), p in zip(labels, days, percents)) + "."
    return Chart(fig, alt, table)
