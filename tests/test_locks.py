"""The lock files hold every pinned requirement, at the same version, with hashes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==([^\s;]+)", re.M)


def _pins(text: str) -> dict[str, str]:
    # Names compare as PEP 503 says: case, "-", "_" and "." do not matter (fhir.resources == fhir-resources).
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in PIN.findall(text)}


@pytest.mark.parametrize(
    ("requirements", "lock"),
    [("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")],
)
def test_every_pin_is_in_the_lock_with_hashes(requirements, lock):
    wanted = _pins((ROOT / "requirements.txt").read_text()) | _pins((ROOT / requirements).read_text())
    locked_text = (ROOT / lock).read_text()
    locked = _pins(locked_text)
    assert {n: v for n, v in wanted.items() if locked.get(n) != v} == {}, f"regenerate {lock} (see README)"
    blocks = re.split(r"\n(?=[A-Za-z0-9])", locked_text.split("\n", 2)[2])
    assert all("--hash=sha256:" in b for b in blocks if PIN.match(b)), "every locked package has a hash"
