"""Which trigger quiz questions are about the things a person tags in their diary."""

from __future__ import annotations

from netaid.content.library import Library

# Words a question uses for each tag (singular stems, so "bananas" and "banana" both match).
TAG_WORDS: dict[str, tuple[str, ...]] = {
    "aged_cheese": ("cheese",),
    "yeast_extract": ("yeast",),
    "tofu": ("tofu",),
    "sauerkraut": ("sauerkraut",),
    "smoked_fish": ("smoked fish",),
    "smoked_meat": ("smoked meat",),
    "walnuts": ("walnut",),
    "pecans": ("pecan",),
    "plantains": ("plantain",),
    "bananas": ("banana",),
    "tomatoes": ("tomato",),
    "alcohol": ("alcohol",),
    "big_meal": ("big meal", "large meal"),
    "stress": ("stress",),
    "hard_exercise": ("exercise",),
}


def _words_of(question: object) -> str:
    parts = [getattr(question, name, None) for name in ("prompt", "explanation", "choices", "correct", "groups")]
    return " ".join(str(p) for p in parts if p).lower()


def questions_for_tags(lib: Library, tags: list[str], topic: str = "triggers") -> list[str]:
    """Ids of the topic's questions that mention any tagged thing, most-tagged thing first."""
    bank = lib.quiz_banks.get(topic)
    if bank is None:
        return []
    found: list[str] = []
    for tag in tags:
        for q in bank.questions:
            text = _words_of(q)
            if q.id not in found and any(word in text for word in TAG_WORDS.get(tag, ())):
                found.append(q.id)
    return found
