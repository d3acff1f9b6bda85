from __future__ import annotations

import pytest

from netaid.outputs.charts import _band_position, grade_bands_chart, sites_chart, stage_body_chart


def test_sites_chart_carries_every_given_percent(lib):
    chart = sites_chart(list(lib.sites.sites))
    bar = chart.figure.data[0]
    given = {s.name: s.percent for s in lib.sites.sites if s.percent is not None}
    assert dict(zip(bar.y, bar.x)) == given
    assert [row["NETs out of 100"] for row in chart.table] == sorted(given.values(), reverse=True)
    for name in given:
        assert name in chart.alt


@pytest.mark.parametrize(
    ("value", "cutoffs", "position"),
    [
        (0, (3, 20), 0.0),
        (1.5, (3, 20), 0.5),
        (3, (3, 20), 1.0),
        (20, (3, 20), 2.0),
        (60, (3, 20), 2.5),
        (100, (3, 20), 3.0),
    ],
)
def test_values_sit_inside_their_grade_band(value, cutoffs, position):
    assert _band_position(value, cutoffs, 100) == pytest.approx(position)


def test_grade_chart_alt_and_table_name_the_band():
    chart = grade_bands_chart(25, None)
    assert "Ki-67 25% falls in the grade 3 band" in chart.alt
    assert chart.table[0]["Your value"] == "25%" and chart.table[1]["Your value"] == "not given"


def test_grade_chart_without_values_still_draws_the_bands():
    chart = grade_bands_chart(None, None)
    assert len(chart.figure.layout.shapes) == 6
    assert "No values given yet" in chart.alt


# A far spread marks only the places picked (none here); see tests/test_stage_picture.py.
@pytest.mark.parametrize(("stage_id", "lit"), [("localized", 1), ("regional", 2), ("metastatic", 1)])
def test_stage_picture_lights_the_stage_areas(lib, stage_id, lit):
    stage = next(s for s in lib.stages.stages if s.id == stage_id)
    chart = stage_body_chart(stage, "small_intestine", "Small intestine")
    assert sum(row["Involved at this stage"] == "yes" for row in chart.table) == lit
    assert stage.name.lower() in chart.alt.lower()
