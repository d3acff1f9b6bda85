"""A learner's private key: made at random, shown in short groups, stored only as a hash.

The key is 28 characters of Crockford's base-32 alphabet (no I, L, O or U, so nothing reads
as two different letters): 140 random bits from `secrets`, shown as 7 groups of 4. Typing is
forgiving: case, spaces and dashes do not matter, and O, I and L are read as 0, 1 and 1.

The server keeps only `lookup_hash(key)`. A key is also the root of a 32-byte secret for
encrypting a learner's own notes (`encryption_secret`), derived with HKDF under a different
label, so the stored hash says nothing about that secret.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base 32
KEY_CHARS = 28  # 28 x 5 bits = 140 bits
GROUP = 4
KEY_BITS = KEY_CHARS * 5
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_LOOKUP_LABEL = b"netaid learner lookup v1\x00"
_ENCRYPTION_INFO = b"netaid learner encryption key v1"
_OIDC_LABEL = b"netaid oidc learner v1\x00"


class KeyFormatError(ValueError):
    """Text that cannot be a NETaid key; the message says why in plain words."""


def new_key(randbelow: Callable[[int], int] = secrets.randbelow) -> str:
    """A fresh random key in its normal form (28 characters, no separators)."""
    return "".join(ALPHABET[randbelow(len(ALPHABET))] for _ in range(KEY_CHARS))


def normalize_key(text: str) -> str:
    """The key in its normal form: upper case, no spaces or dashes, O/I/L read as 0/1/1."""
    if len(text) > 200:
        raise KeyFormatError("that is far too long to be a key")
    cleaned = "".join(ch for ch in text.upper() if ch not in " -_\t\n\r\u00a0").translate(_READ_AS)
    if not cleaned:
        raise KeyFormatError("please type your key")
    wrong = sorted({ch for ch in cleaned if ch not in ALPHABET})
    if wrong:
        raise KeyFormatError("a key has only letters and digits")
    if len(cleaned) != KEY_CHARS:
        raise KeyFormatError(f"a key has {KEY_CHARS} letters and digits, and this has {len(cleaned)}")
    return cleaned


def format_key(key: str) -> str:
    """The key in groups of four, for reading aloud and copying by hand."""
    key = normalize_key(key)
    return "-".join(key[i : i + GROUP] for i in range(0, len(key), GROUP))


def lookup_hash(key: str) -> str:
    """What the server stores to find a learner: SHA-256 of a label and the normal-form key.

    A fast hash is enough here: the key has 140 random bits, so guessing it from the hash is
    out of reach however fast each guess is. A slow password hash (bcrypt, scrypt) protects
    low-entropy secrets; here it would only cost CPU on every page load.
    """
    return hashlib.sha256(_LOOKUP_LABEL + normalize_key(key).encode("ascii")).hexdigest()


def encryption_secret(key: str) -> bytes:
    """A 32-byte secret for encrypting this learner's own data (HKDF-SHA256, its own label)."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_ENCRYPTION_INFO)
    return hkdf.derive(normalize_key(key).encode("ascii"))


def oidc_lookup_hash(issuer: str, subject: str) -> str:
    """The learner for a person signed in with an identity provider (issuer + subject claim)."""
    if not subject:
        raise KeyFormatError("the sign-in gave no subject")
    return hashlib.sha256(_OIDC_LABEL + issuer.encode("utf-8") + b"\x00" + subject.encode("utf-8")).hexdigest()
