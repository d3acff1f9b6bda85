"""Each way NETaid grows has one home (docs/ARCHITECTURE.md). These fail when a new profile field,
question type or output format is missing a part the app needs to show it."""

from __future__ import annotations

from typing import get_args

import pytest

from netaid.explorer.profile import OPERATORS, PROFILE_FIELDS
from netaid.outputs.formats import DOCUMENTS, FORMATS
from netaid.quiz.models import QUESTION_TYPES, Question, QuestionBase, type_names
from ui.explorer_form import DRAWERS, choices_and_words
from ui.quiz_widgets import ASKERS


@pytest.mark.parametrize("name", list(PROFILE_FIELDS))
def test_every_profile_field_can_be_asked_and_said(name, lib):
    spec = PROFILE_FIELDS[name]
    assert spec.label.strip() and spec.question.strip(), f"{name} needs a label and a question"
    assert spec.widget in DRAWERS, f"{name} asks for a widget the form cannot draw: {spec.widget}"
    assert spec.kind in OPERATORS, f"{name}: rules cannot test a {spec.kind} field"
    if spec.kind in ("choice", "list"):
        values, words = choices_and_words(lib, spec)
        unsaid = [v for v in values if v not in words]
        assert not unsaid, f"{name}: no everyday words for {unsaid}"
    if spec.kind == "choice":
        assert spec.default in spec.values, f"{name}: the default {spec.default!r} is not allowed"


@pytest.mark.parametrize("question_type", QUESTION_TYPES, ids=lambda t: t.__name__)
def test_every_question_type_can_be_asked_and_marked(question_type):
    assert question_type.label.strip(), f"{question_type.__name__} needs a label"
    assert question_type.widget in ASKERS, f"{question_type.__name__} asks for a widget nobody draws"
    for method in ("shown_choices", "right_answer"):
        assert getattr(question_type, method) is not getattr(QuestionBase, method), (
            f"{question_type.__name__} must say its {method}"
        )


def test_the_bank_schema_accepts_exactly_the_question_types():
    union = get_args(get_args(Question)[0])
    assert set(union) == set(QUESTION_TYPES)
    assert len(set(type_names())) == len(QUESTION_TYPES)


def test_every_document_maker_names_a_known_format():
    for name, document in DOCUMENTS.items():
        for format_id in document.makers:
            assert format_id in FORMATS, f"{name}: unknown format {format_id}"
            assert document.file_name(format_id).endswith(FORMATS[format_id].suffix)
