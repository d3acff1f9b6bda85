"""Private keys: random enough, never repeated, forgiving to type, stored only as a hash."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest

from netaid.learner_key import (
    ALPHABET,
    KEY_BITS,
    KEY_CHARS,
    KeyFormatError,
    encryption_secret,
    format_key,
    lookup_hash,
    new_key,
    normalize_key,
    oidc_lookup_hash,
)


def test_a_key_holds_at_least_128_random_bits():
    assert KEY_BITS >= 128
    assert len(ALPHABET) == 32 and len(set(ALPHABET)) == 32
    assert KEY_CHARS * math.log2(len(ALPHABET)) == KEY_BITS
    assert len(new_key()) == KEY_CHARS


def test_no_key_repeats_in_100000_draws_and_every_character_is_used_evenly():
    keys = [new_key() for _ in range(100_000)]
    assert len(set(keys)) == len(keys)
    counts = Counter("".join(keys))
    expected = 100_000 * KEY_CHARS / 32
    assert set(counts) == set(ALPHABET)
    assert all(abs(n - expected) < 0.02 * expected for n in counts.values()), "characters are drawn uniformly"


def test_keys_come_from_the_random_source_given():
    fixed = random.Random(7)
    assert new_key(fixed.randrange) == new_key(random.Random(7).randrange)


def test_a_key_is_shown_in_groups_of_four():
    key = "0123456789ABCDEFGHJKMNPQRSTV"
    assert format_key(key) == "0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV"


@pytest.mark.parametrize(
    "typed",
    [
        "0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV",
        "0123 4567 89ab cdef ghjk mnpq rstv",
        " 0123456789abcdefghjkmnpqrstv\n",
        "O123-4567-89AB-CDEF-GHJK-MNPQ-RSTV",
        "0l23_4567_89AB_CDEF_GHJK_MNPQ_RSTV",
        "0I23-4567-89AB-CDEF-GHJK-MNPQ-RSTV",
    ],
)
def test_case_spaces_dashes_and_look_alike_letters_do_not_matter(typed):
    assert normalize_key(typed) == "0123456789ABCDEFGHJKMNPQRSTV"
    assert lookup_hash(typed) == lookup_hash("0123456789ABCDEFGHJKMNPQRSTV")
    assert encryption_secret(typed) == encryption_secret("0123456789ABCDEFGHJKMNPQRSTV")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "please type your key"),
        ("   -  ", "please type your key"),
        ("ABCD", "this has 4"),
        ("U" * 28, "only letters and digits"),
        ("![x](http://a)", "only letters and digits"),
        ("A" * 500, "far too long"),
        ("0123456789ABCDEFGHJKMNPQRSTVW", "this has 29"),
    ],
)
def test_text_that_is_not_a_key_is_refused_in_plain_words(typed, message):
    with pytest.raises(KeyFormatError) as err:
        normalize_key(typed)
    assert message in str(err.value)


def test_the_lookup_hash_and_the_encryption_secret_are_separate():
    key = new_key()
    stored = lookup_hash(key)
    secret = encryption_secret(key)
    assert len(stored) == 64 and int(stored, 16) >= 0
    assert len(secret) == 32
    assert secret.hex() != stored and secret.hex() not in stored
    assert lookup_hash(new_key()) != stored and encryption_secret(new_key()) != secret
    assert key not in stored


def test_a_sign_in_is_a_learner_of_its_own():
    assert oidc_lookup_hash("https://id.example", "abc") == oidc_lookup_hash("https://id.example", "abc")
    assert oidc_lookup_hash("https://id.example", "abc") != oidc_lookup_hash("https://other.example", "abc")
    with pytest.raises(KeyFormatError):
        oidc_lookup_hash("https://id.example", "")


def test_the_key_card_and_text_file_hold_the_key_in_groups():
    import io
    from datetime import date

    from pypdf import PdfReader

    from netaid.outputs.key_card import key_card_pdf, key_text

    key = new_key()
    grouped = format_key(key)
    assert grouped in key_text(key, date(2026, 11, 1))
    text = PdfReader(io.BytesIO(key_card_pdf(key, date(2026, 11, 1)))).pages[0].extract_text()
    groups = grouped.split("-")
    assert "-".join(groups[:4]) in text and "-".join(groups[4:]) in text
    assert "Keep it private" in " ".join(text.split())
