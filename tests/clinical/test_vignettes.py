"""Every specialist vignette in vignettes.yaml: what must and must not appear for the profile."""

from __future__ import annotations

import pytest

from netaid.explorer.rules import Explorer
from netaid.explorer.vignettes import load_vignettes, run_vignette

VIGNETTES = load_vignettes()


@pytest.fixture(scope="module")
def engine(lib):
    return Explorer(lib)


def test_the_suite_is_large_enough_and_has_controls():
    assert len(VIGNETTES) >= 40
    controls = [v for v in VIGNETTES if "active_surveillance" in v.must_show]
    assert controls, "ordinary low-grade, stable, non-functional cases must keep watch and wait"


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v.id for v in VIGNETTES])
def test_vignette(engine, vignette):
    _, problems = run_vignette(engine, vignette)
    assert not problems, f"{vignette.story}\n  " + "\n  ".join(problems)
