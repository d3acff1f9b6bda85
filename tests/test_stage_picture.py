"""The Stage body picture marks only what applies, each place where it belongs."""

import pytest

from netaid.outputs.charts import FAR_PLACES, SITE_PLACES, region_of, stage_body_chart, stage_places
from testkit.pages import open_page

SITE_REGIONS = {
    "lung": "chest",
    "stomach": "upper belly",
    "duodenum": "upper belly",
    "pancreas": "upper belly",
    "adrenal": "upper belly",
    "small_intestine": "lower belly",
    "appendix": "lower belly",
    "colon_rectum": "lower belly",
}


def stage(lib, stage_id):
    return next(s for s in lib.stages.stages if s.id == stage_id)


def marked(chart):
    return {trace.name: list(zip(trace.x, trace.y, strict=True)) for trace in chart.figure.data}


def test_every_placed_site_has_a_region():
    assert set(SITE_PLACES) == set(SITE_REGIONS)


@pytest.mark.parametrize("site_id", list(SITE_REGIONS))
def test_start_and_nearby_nodes_sit_in_the_sites_region(lib, site_id):
    chart = stage_body_chart(stage(lib, "regional"), site_id, "Here")
    points = marked(chart)
    assert set(points) == {"Start: Here", "Nearby lymph nodes"}
    for place in points.values():
        assert {region_of(y) for _, y in place} == {SITE_REGIONS[site_id]}


def test_lung_nodes_are_in_the_chest_not_the_belly(lib):
    nodes = marked(stage_body_chart(stage(lib, "regional"), "lung", "Lung"))["Nearby lymph nodes"]
    assert all(region_of(y) == "chest" for _, y in nodes)


def test_localized_marks_only_the_start(lib):
    chart = stage_body_chart(stage(lib, "localized"), "pancreas", "Pancreas")
    assert list(marked(chart)) == ["Start: Pancreas"]
    assert {r["Place"]: r["Involved at this stage"] for r in chart.table}["Nearby lymph nodes"] == "no"


def test_metastatic_marks_nothing_far_away_until_places_are_picked(lib):
    chart = stage_body_chart(stage(lib, "metastatic"), "small_intestine", "Small intestine")
    assert list(marked(chart)) == ["Start: Small intestine"]
    assert "Liver" not in chart.alt and "Bone" not in chart.alt
    assert "no places are picked" in chart.alt
    notes = [a.text for a in chart.figure.layout.annotations if not a.showarrow]
    assert any("far away" in n for n in notes)


@pytest.mark.parametrize("picked", [("liver",), ("bone",), ("liver", "distant_nodes"), ("lymph_nodes", "bone")])
def test_metastatic_marks_only_the_picked_places(lib, picked):
    chart = stage_body_chart(stage(lib, "metastatic"), "pancreas", "Pancreas", False, picked)
    names = {"lymph_nodes": "Nearby lymph nodes", **FAR_PLACES}
    assert set(marked(chart)) == {"Start: Pancreas", *(names[p] for p in picked)}
    yes = {r["Place"] for r in chart.table if r["Involved at this stage"] == "yes"}
    assert yes == {"Start: Pancreas", *(names[p] for p in picked)}


def test_far_nodes_are_far_from_the_start(lib):
    metastatic = stage(lib, "metastatic")
    for site_id, far_region in (("lung", "lower belly"), ("small_intestine", "chest")):
        chart = stage_body_chart(metastatic, site_id, "X", False, ("distant_nodes",))
        assert {region_of(y) for _, y in marked(chart)["Lymph nodes far away"]} == {far_region}


def test_other_parts_and_unknown_start_are_written_not_placed(lib):
    places = stage_places(stage(lib, "metastatic"), "unknown_primary", "Unknown primary", ("other",))
    assert all(points == [] for _, _, points in places)
    chart = stage_body_chart(stage(lib, "metastatic"), "unknown_primary", "Unknown primary", False, ("other",))
    assert not chart.figure.data
    notes = " ".join(a.text for a in chart.figure.layout.annotations)
    assert "Other parts" in notes and "Unknown" in notes


def test_labels_sit_beside_the_body_not_on_the_arms(lib):
    chart = stage_body_chart(stage(lib, "metastatic"), "lung", "Lung", False, ("liver", "bone", "distant_nodes"))
    labels = [a for a in chart.figure.layout.annotations if a.showarrow]
    assert len(labels) == 4
    # The arms reach x 1.8 and 8.2: a label ends left of 1.5 or starts right of 8.5.
    assert all((a.ax <= 1.5 and a.xanchor == "right") or (a.ax >= 8.5 and a.xanchor == "left") for a in labels)
    for side in ("left", "right"):
        ys = sorted(a.ay for a in labels if (a.ax < 5) == (side == "left"))
        assert all(b - a >= 1.0 for a, b in zip(ys, ys[1:], strict=False))
    assert not chart.figure.layout.showlegend


def test_stage_page_asks_where_a_far_spread_went():
    at = open_page("stage.py")
    at.radio(key="stage").set_value("metastatic").run()
    assert "Liver" not in at.get("plotly_chart")[0].proto.alt
    at.button_group(key="stage_spread").set_value(["liver"]).run()
    alt = at.get("plotly_chart")[0].proto.alt
    assert "Liver" in alt and "Bone" not in alt
    assert not at.exception


def test_presenter_grade_warns_near_a_cut_off():
    at = open_page("present.py")
    at.segmented_control(key="present_mode").set_value("grade").run()
    at.number_input(key="present_ki67").set_value(20).run()
    assert any("close to the 20% cut-off" in w.proto.body for w in at.warning)
    at.number_input(key="present_ki67").set_value(50).run()
    assert not at.warning
    assert not at.exception
