"""Pictures of trial figures that people read correctly: 100-person icon arrays for rates,
and bars on one shared month scale for medians. Each comes with alt text and a table."""

from __future__ import annotations

import math
import textwrap

import plotly.graph_objects as go

from netaid.explorer.outcome_models import Outcome
from netaid.outputs.charts import ACCENT, FONT, INK, MUTED, Chart

ICON_ROWS = 10


def wrap(text: str, width: int) -> str:
    """Break a label into lines of about `width` characters, so it fits a phone screen."""
    return "<br>".join(textwrap.wrap(text, width)) or text


def icons_for(rate: float) -> int:
    """Whole people out of 100 for a rate (65.1 -> 65); the exact figure is always printed too."""
    return int(math.floor(rate + 0.5))


def _grid(filled: int, x_offset: float) -> tuple[list[float], list[float], list[float], list[float]]:
    on_x: list[float] = []
    on_y: list[float] = []
    off_x: list[float] = []
    off_y: list[float] = []
    for person in range(100):
        x, y = x_offset + person % ICON_ROWS, ICON_ROWS - 1 - person // ICON_ROWS
        (on_x if person < filled else off_x).append(x)
        (on_y if person < filled else off_y).append(y)
    return on_x, on_y, off_x, off_y


def icon_array(outcome: Outcome, treatment: str) -> Chart:
    """Two grids of 100 people, with the treatment and without, filled where the outcome happened."""
    fig = go.Figure()
    arms = ((treatment, outcome.with_treatment, 0.0), (outcome.compared_with, outcome.without_treatment, 12.0))
    for label, rate, offset in arms:
        on_x, on_y, off_x, off_y = _grid(icons_for(rate), offset)
        fig.add_trace(
            go.Scatter(
                x=on_x,
                y=on_y,
                mode="markers",
                marker=dict(size=10, color=ACCENT, symbol="circle"),
                name=f"{label}: {rate:g} in 100",
                hoverinfo="skip",
            )
        )
        fig.add_trace(
            go.Scatter(
                x=off_x,
                y=off_y,
                mode="markers",
                hoverinfo="skip",
                showlegend=False,
                marker=dict(size=10, color="white", line=dict(color=MUTED, width=1.5)),
            )
        )
        fig.add_annotation(
            x=offset + 4.5,
            y=-0.8,
            yanchor="top",
            text=f"<b>{wrap(label, 16)}</b><br>{rate:g} in 100",
            showarrow=False,
            font=dict(size=14, color=INK),
        )
    fig.update_layout(
        title=dict(text=wrap(f"{outcome.what}, {outcome.over}", 34), font=dict(size=16)),
        font=FONT,
        height=400,
        showlegend=False,
        margin=dict(l=4, r=4, t=70, b=10),
        paper_bgcolor="white",
        plot_bgcolor="white",
    )
    fig.update_xaxes(visible=False, range=[-1, 22])
    fig.update_yaxes(visible=False, range=[-4.2, 10])
    alt = (
        f"Icon picture of 100 people in each group of the {outcome.trial} trial: {outcome.what}, "
        f"{outcome.over}. With {treatment}: {outcome.with_treatment:g} in 100. "
        f"With {outcome.compared_with}: {outcome.without_treatment:g} in 100."
    )
    table = [
        {"Group": treatment, "People out of 100": outcome.with_treatment},
        {"Group": outcome.compared_with, "People out of 100": outcome.without_treatment},
    ]
    return Chart(fig, alt, table)


def months_bars(outcome: Outcome, treatment: str, scale_max: float) -> Chart:
    """Two bars of median months on a scale shared by every option, so lengths compare fairly."""
    names = [outcome.compared_with, treatment]
    values = [outcome.without_treatment, outcome.with_treatment]
    fig = go.Figure(
        go.Bar(
            x=values,
            y=[wrap(n, 16) for n in names],
            orientation="h",
            marker_color=[MUTED, ACCENT],
            text=[f"{v:g} mo" for v in values],
            textposition="outside",
            hoverinfo="skip",
        )
    )
    fig.update_layout(
        title=dict(text=wrap(outcome.what, 34), font=dict(size=16)),
        font=FONT,
        height=260,
        showlegend=False,
        margin=dict(l=4, r=4, t=70, b=40),
        paper_bgcolor="white",
        plot_bgcolor="white",
    )
    fig.update_xaxes(range=[0, scale_max * 1.45], title_text="Months (mo), middle value")
    fig.update_yaxes(automargin=True, tickfont=dict(size=14, color=INK))
    fig.update_xaxes(tickfont=dict(size=13, color=INK), title_font=dict(size=14, color=INK))
    alt = (
        f"Bars from the {outcome.trial} trial: {outcome.what}. With {treatment}: "
        f"{outcome.with_treatment:g} months. With {outcome.compared_with}: {outcome.without_treatment:g} months."
    )
    table = [
        {"Group": treatment, "Months": outcome.with_treatment},
        {"Group": outcome.compared_with, "Months": outcome.without_treatment},
    ]
    return Chart(fig, alt, table)


def outcome_chart(outcome: Outcome, treatment: str, scale_max: float) -> Chart:
    if outcome.unit == "in 100":
        return icon_array(outcome, treatment)
    return months_bars(outcome, treatment, scale_max)


def month_scale(outcomes: list[Outcome]) -> float:
    """The one month scale every option's bars share."""
    return max((max(o.with_treatment, o.without_treatment) for o in outcomes if o.unit == "months"), default=12.0)


def outcome_sentence(outcome: Outcome, treatment: str) -> str:
    """The same figure in words, for people who read better than they see."""
    if outcome.unit == "in 100":
        return (
            f"In the {outcome.trial} trial, {outcome.what.rstrip('.').lower()} ({outcome.over}) for "
            f"{outcome.with_treatment:g} in 100 people on {treatment}, and for "
            f"{outcome.without_treatment:g} in 100 on {outcome.compared_with}."
        )
    return (
        f"In the {outcome.trial} trial, {outcome.what.rstrip('.').lower()}: {outcome.with_treatment:g} months "
        f"on {treatment}, and {outcome.without_treatment:g} months on {outcome.compared_with}. "
        "This is the middle value: half the people did better, and half did worse."
    )
