"""Seal and open one diary record with AES-256-GCM.

The key is `encryption_secret(private key)` (HKDF, see netaid/learner_key.py), never stored.
Each record gets a fresh random 96-bit nonce. The associated data names the owner's lookup
hash and the record's id, so a row copied to another person, or onto another entry, fails
to open instead of showing up in the wrong diary. Plain text is padded to a multiple of
128 bytes so the stored size says little about how long a note is.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from netaid.learner_key import encryption_secret, lookup_hash

NONCE_BYTES = 12
PAD = 128
_AAD_LABEL = b"netaid diary v1\x00"


class WrongKey(ValueError):
    """A record this key cannot open (another key, or a changed row)."""

    def __init__(self) -> None:
        super().__init__(
            "This key does not open this diary. Nothing was shown or changed. Check the key and try again."
        )


@dataclass(frozen=True)
class Sealed:
    nonce: bytes
    ciphertext: bytes


class DiaryKey:
    """What a diary needs from a private key: whose rows to look up, and how to open them."""

    def __init__(self, key: str) -> None:
        self.owner = lookup_hash(key)
        self._aead = AESGCM(encryption_secret(key))

    def __repr__(self) -> str:  # never print the secret, even in a traceback
        return f"DiaryKey(owner={self.owner[:8]}…)"

    def _aad(self, record_id: str) -> bytes:
        return _AAD_LABEL + self.owner.encode("ascii") + b"\x00" + record_id.encode("ascii")

    def seal(self, record_id: str, plain: bytes) -> Sealed:
        padded = plain + b" " * (-len(plain) % PAD)  # JSON ignores trailing spaces
        nonce = os.urandom(NONCE_BYTES)
        return Sealed(nonce, self._aead.encrypt(nonce, padded, self._aad(record_id)))

    def open(self, record_id: str, sealed: Sealed) -> bytes:
        try:
            return self._aead.decrypt(sealed.nonce, sealed.ciphertext, self._aad(record_id)).rstrip(b" ")
        except InvalidTag:
            raise WrongKey() from None
