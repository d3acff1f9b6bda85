"""Equal detail (IPDAS C1): benefits, trial figures and what is not certain stand beside the
harms; avoiding a burden is credited from content; watch and wait has its own heading and risks
only where the rules list it; a note that favours one option always carries its pair."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from netaid.explorer.compare import LIKE_TRIAL, NO_FIGURES, NOT_LIKE_TRIAL, compare_rows
from netaid.explorer.option_models import BalancedNote, Option
from netaid.explorer.rules import Explorer
from netaid.explorer.share import PRESETS
from netaid.explorer.values import VALUES, value_relation
from netaid.vocabulary import INVOLVES
from testkit.pages import open_page, page_text
from testkit.profiles import ADVANCED_PNET_GROWING as ADVANCED_PNET

SMALL_APPENDIX = PRESETS["Small low-grade appendix NET"]


def options(lib):
    return {o.id: o for o in lib.options.options}


def row(rows, question):
    return next(r for r in rows if r["Question"] == question)


def test_compare_rows_put_benefits_figures_and_uncertainty_beside_the_harms(lib):
    shown = {o.id: o for o in Explorer(lib).explore(ADVANCED_PNET).options}
    opts = options(lib)
    rows = compare_rows(
        lib, [opts["somatostatin_analog"], opts["everolimus"], opts["hepatic_artery_embolization"]], shown
    )
    questions = [r["Question"] for r in rows]
    assert questions.index("Possible benefits") < questions.index("Common side effects")
    assert questions.index("What the trials found") < questions.index("Common side effects")
    assert questions.index("What is not certain") > questions.index("Other downsides")
    benefits = row(rows, "Possible benefits")
    assert benefits[opts["somatostatin_analog"].name] == " ".join(opts["somatostatin_analog"].benefits)
    found = row(rows, "What the trials found")
    assert (
        "CLARINET" in found[opts["somatostatin_analog"].name]
        and "65.1 in 100" in found[opts["somatostatin_analog"].name]
    )
    assert "PROMID" not in found[opts["somatostatin_analog"].name], "PROMID had small-bowel NETs only"
    assert "RADIANT-3" in found[opts["everolimus"].name]
    assert found[opts["hepatic_artery_embolization"].name] == NO_FIGURES
    unsure = row(rows, "What is not certain")
    assert LIKE_TRIAL in unsure[opts["everolimus"].name], "RADIANT-3 does not state differentiation"
    assert (
        "Trials" in row(rows, "Sources")[opts["somatostatin_analog"].name]
        or "CLARINET" in row(rows, "Sources")[opts["somatostatin_analog"].name]
        or "Caplin" in row(rows, "Sources")[opts["somatostatin_analog"].name]
    )


def test_no_trial_figure_for_people_unlike_the_trial(lib):
    lung = {**ADVANCED_PNET, "site": "lung"}
    shown = {o.id: o for o in Explorer(lib).explore(lung).options}
    opts = options(lib)
    rows = compare_rows(lib, [opts["somatostatin_analog"], opts["everolimus"]], shown)
    assert row(rows, "What the trials found")[opts["somatostatin_analog"].name] == NOT_LIKE_TRIAL
    assert "RADIANT-4" in row(rows, "What the trials found")[opts["everolimus"].name], "RADIANT-4 had lung NETs"


def test_watch_and_wait_is_credited_for_the_burdens_it_avoids(lib):
    watch = options(lib)["active_surveillance"]
    by_id = {v.id: v for v in VALUES}
    assert {"surgery", "injections"} <= set(watch.avoids)
    assert value_relation(watch, by_id["avoid_surgery"]) == 1
    assert value_relation(watch, by_id["avoid_injections"]) == 1
    assert value_relation(watch, by_id["slow_growth"]) == 0, "watching does not slow the tumor"
    surgery = options(lib)["surgery"]
    assert value_relation(surgery, by_id["avoid_surgery"]) == -1


def test_avoids_uses_the_burden_vocabulary_and_never_contradicts_involves(lib):
    raw = options(lib)["active_surveillance"].model_dump()
    with pytest.raises(ValidationError):
        Option.model_validate({**raw, "avoids": ["teleportation"]})
    with pytest.raises(ValidationError, match="avoids.*involves|both name"):
        Option.model_validate({**raw, "avoids": ["regular_scans"]})
    for o in lib.options.options:
        assert set(o.avoids) <= set(INVOLVES)


def test_watch_and_wait_has_its_own_goal_heading():
    from netaid.vocabulary import GOALS

    assert "watch" in GOALS


def test_balanced_notes_are_shown_with_their_pair(lib):
    balanced = [(r, n) for r in lib.rules.rules for n in r.add.balanced_notes]
    assert {n.about for _, n in balanced} >= {"surgery", "clinical_trial", "interferon"}
    result = Explorer(lib).explore(SMALL_APPENDIX)
    texts = [n.text for n in result.notes]
    surgery_note = next(n for _, n in balanced if n.about == "surgery")
    assert surgery_note.whole in texts
    assert all(surgery_note.text not in t or surgery_note.others in t for t in texts)
    with pytest.raises(ValidationError):
        BalancedNote.model_validate({"about": "surgery", "text": "Surgery is good."})


def test_compare_page_shows_equal_rows_and_watch_and_wait_when_the_rules_list_it():
    at = open_page("explorer.py")
    at.button(key="preset_Small pancreatic NET, no hormones").click().run()
    at.switch_page("pages/decide.py").run()
    assert not at.exception
    table = at.table[0].value
    assert {"Possible benefits", "What the trials found", "What is not certain", "Common side effects"} <= set(
        table["Question"]
    )
    assert "Watch and wait: no treatment for now" in [h.value for h in at.header]
    text = page_text(at)
    assert "Worry while waiting for scans" in text and "The tumor may grow" in text


def test_compare_page_never_adds_watch_and_wait_where_the_rules_do_not():
    at = open_page("explorer.py")
    at.button(key="preset_Fast-growing carcinoma").click().run()
    at.switch_page("pages/decide.py").run()
    assert not at.exception
    assert "Watch and wait: no treatment for now" not in [h.value for h in at.header]
