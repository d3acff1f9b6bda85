"""Explorer and Compare & decide pages: preset -> options -> compare -> values, and links."""

from __future__ import annotations

import pytest

from testkit.pages import PRESET, card_labels, explorer_with_link, figure, open_page, page_text


def test_preset_fills_the_form_and_lists_options_with_reasons():
    at = open_page("explorer.py")
    assert card_labels(at) == [
        "Clinical trial",
        "Supportive (palliative) care",
    ]
    at.button(key=f"preset_{PRESET}").click().run()
    assert at.selectbox(key="p_site").value == "small_intestine"
    assert at.checkbox(key="p_liver_metastases").value is True
    labels = card_labels(at)
    assert "Telotristat (Xermelo)" in labels and "Cryotherapy (freezing the tumor)" in labels
    errors = " ".join(e.proto.body for e in at.error)
    warnings = " ".join(w.proto.body for w in at.warning)
    assert "Carcinoid crisis" in errors, "a risk to life is red"
    assert "Everolimus and carcinoid syndrome" in warnings and "Everolimus" not in errors, "a disagreement is amber"
    text = page_text(at)
    assert "Why it appears for this situation" in text and "Questions to ask your care team" in text
    assert not at.query_params, "the situation never goes into the address bar by itself"


def test_changing_a_field_changes_the_options():
    at = open_page("explorer.py")
    at.multiselect(key="p_symptoms").set_value(["wheezing"]).run()
    assert "Breathing medicine (bronchodilator)" in card_labels(at)


def test_deep_link_reproduces_the_profile():
    at = explorer_with_link({"site": "pancreas", "extent": "metastatic", "resectable": "no", "sstr": "positive"})
    assert at.selectbox(key="p_site").value == "pancreas"
    assert at.radio(key="p_extent").value == "metastatic"
    assert any("Sunitinib" in label for label in card_labels(at))
    assert not [w for w in at.warning if "not understood" in w.proto.body]


def test_a_link_fills_the_form_once_then_leaves_the_address_bar_and_a_share_link_is_made_on_request():
    at = explorer_with_link({"site": "pancreas", "extent": "metastatic"})
    assert not at.query_params
    at.radio(key="p_extent").set_value("regional").run()
    assert at.radio(key="p_extent").value == "regional", "the link does not fill the form again"
    assert not at.query_params and not at.code
    at.button(key="make_share_link").click().run()
    assert not at.exception
    link = at.code[0].value
    assert "site=pancreas" in link and "extent=regional" in link and link.split("?")[0].endswith("/explorer")
    assert "holds the situation described above" in page_text(at)
    assert not at.query_params


def test_garbage_link_warns_gently_and_uses_defaults():
    at = explorer_with_link({"site": "mars", "zzz": "1", "ki67": "lots", "extent": "regional"})
    warnings = " ".join(w.proto.body for w in at.warning)
    assert "“site” was not understood" in warnings and "unknown setting “zzz”" in warnings
    assert "“ki67” was not understood" in warnings
    assert at.selectbox(key="p_site").value == "other"
    assert at.radio(key="p_extent").value == "regional", "the good parts of the link are kept"


def test_kept_options_carry_to_compare_and_values():
    at = open_page("explorer.py")
    at.button(key=f"preset_{PRESET}").click().run()
    at.checkbox(key="keep_somatostatin_analog").check().run()
    at.checkbox(key="keep_prrt").check().run()
    assert at.session_state["kept_options"] == ["somatostatin_analog", "prrt"]
    at.switch_page("pages/decide.py").run()
    assert not at.exception
    assert at.multiselect(key="compare_ids").value == ["somatostatin_analog", "prrt"]
    table = at.table[0]
    assert "Rare but serious risks" in table.value["Question"].tolist()
    heatmap = figure(at, 0)
    assert heatmap["data"][0]["type"] == "heatmap"
    heads = {h.replace("<br>", " ") for h in heatmap["layout"]["xaxis"]["ticktext"]}
    assert heads == {"Somatostatin analog shots (octreotide, lanreotide)", "PRRT (radiation drug given through a vein)"}
    assert "title" not in heatmap["layout"] or not heatmap["layout"]["title"].get("text"), "no title for headers to hit"


def test_values_chart_follows_the_sliders_without_a_score():
    at = open_page("explorer.py")
    at.button(key=f"preset_{PRESET}").click().run()
    at.switch_page("pages/decide.py").run()
    at.select_slider(key="value_avoid_surgery").set_value("very important").run()
    values = figure(at, 1)
    rows = values["layout"]["yaxis"]["ticktext"]
    assert any(r.endswith("●●●●") for r in rows)
    assert sum("not set yet" in r for r in rows) == 6, "the six untouched values say so"
    assert len(values["data"][0]["z"][0]) == 2, "only the compared options, not every option"
    assert "no total score" in at.get("plotly_chart")[1].proto.alt.lower()
    assert at.session_state["values_answers"]["Avoiding an operation"] == "very important"


def test_sure_check_suggests_talking_when_in_doubt():
    at = open_page("decide.py")
    for key in ("sure", "understand", "risk_benefit"):
        at.radio(key=f"sure_{key}").set_value("Yes").run()
    assert "Answer all four" in page_text(at)
    at.radio(key="sure_encouragement").set_value("No").run()
    assert "talk it through with your care" in at.warning[0].proto.body
    at.radio(key="sure_encouragement").set_value("Yes").run()
    assert at.success and not at.warning


def test_compare_needs_two_options():
    at = open_page("decide.py")
    at.multiselect(key="compare_ids").set_value(["clinical_trial"]).run()
    assert "Pick at least 2" in at.info[0].proto.body


def test_untouched_values_never_reach_the_sheet():
    at = open_page("explorer.py")
    at.button(key=f"preset_{PRESET}").click().run()
    at.switch_page("pages/decide.py").run()
    assert at.session_state["values_answers"] == {}, "opening Compare says nothing about what matters"
    at.select_slider(key="value_daily_life").set_value("important").run()
    assert at.session_state["values_answers"] == {"Keeping daily life and work as usual": "important"}
    at.switch_page("pages/visit_sheet.py").run()
    text = page_text(at)
    assert "Keeping daily life and work as usual: **important**" in text
    assert "Avoiding an operation" not in text and "somewhat important" not in text


@pytest.mark.parametrize("option_id", ["telotristat", "clinical_trial", "supportive_care"])
def test_side_effect_grid_never_marks_a_placeholder(option_id, lib):
    """ "Not listed in our sources", "Costs may not be covered", "Depends on the treatment used"
    are never cells of the grid, let alone "common"."""
    at = open_page("explorer.py")
    at.button(key=f"preset_{PRESET}").click().run()
    at.switch_page("pages/decide.py").run()
    other = "prrt" if option_id != "prrt" else "somatostatin_analog"
    at.multiselect(key="compare_ids").set_value([option_id, other]).run()
    assert not at.exception
    grid = figure(at, 0)
    rows = " ".join(grid["layout"]["yaxis"]["ticktext"]).replace("<br>", " ")
    for placeholder in (
        "Not listed in our sources",
        "Costs may not be covered",
        "Depends on the treatment used",
        "The new treatment may not work",
    ):
        assert placeholder not in rows
    table = at.table[0].value
    name = next(o.name for o in lib.options.options if o.id == option_id)
    assert "Not listed in our sources" not in table[name].iloc[list(table["Question"]).index("Common side effects")]
    sources = table[name].iloc[list(table["Question"]).index("Sources")]
    assert "cancernet" not in sources and "Cancer.Net" in sources


def test_a_trial_with_two_figures_says_who_was_in_it_once():
    """NETTER-1 gives two PRRT figures; the card said who was in the trial twice, word for word."""
    at = explorer_with_link(
        {"site": "small_intestine", "extent": "metastatic", "differentiation": "well", "sstr": "positive",
         "growth": "growing", "previous_treatments": "somatostatin_analog", "grade": "2"}
    )  # fmt: skip
    text = page_text(at)
    assert text.count("Who was in NETTER-1") == 1
    assert text.count("In the NETTER-1 trial") == 2
