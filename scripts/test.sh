#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine, then runs them all:
#   1. a virtual environment in .venv with requirements-dev.lock (every package pinned, with hashes),
#   2. a Chromium for the browser tests: Debian's `chromium` package where apt-get can install
#      it, otherwise a Playwright-managed Chromium; poppler's pdftoppm to look at PDFs;
#      PostgreSQL for the shared-progress tests and nginx for the clinic-deployment test (each
#      skipped, saying why, without it); Noto fonts for names in other scripts on the crisis card,
#   3. ruff (lint and format) and mypy, which fail the run on any finding (config in pyproject.toml),
#   4. the whole test suite (pytest), with any extra arguments passed through.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
# The lock file pins every package, transitive ones too, with hashes (see README, "Dependencies").
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock

if [ -z "${NETAID_CHROMIUM:-}" ]; then
  missing=""
  command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
  command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$missing postgresql"
  command -v nginx >/dev/null 2>&1 || command -v /usr/sbin/nginx >/dev/null 2>&1 || missing="$missing nginx-light"
  # Noto fonts let the crisis card print Arabic, Hebrew, Indic, Thai, Chinese, Japanese and Korean names.
  [ -f /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf ] || missing="$missing fonts-noto-core"
  [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing="$missing fonts-noto-cjk"
  if [ -n "$missing" ] && command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo -n"
    # Packages with a service (postgresql, nginx) must not start it system-wide here: the tests
    # start their own on loopback. policy-rc.d says "don't start" while apt-get runs.
    made_policy=""
    if [ ! -e /usr/sbin/policy-rc.d ] && $SUDO sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d' 2>/dev/null; then
      made_policy=1
    fi
    # A failing mirror or one unavailable package must not cost the others (Chromium above all),
    # so the index update may fail and each package is installed on its own.
    $SUDO apt-get update -qq || echo "test.sh: apt-get update failed; trying the package lists already here"
    for package in $missing; do
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$package" >/dev/null 2>/tmp/netaid-apt.err \
        || { echo "test.sh: apt-get could not install $package; carrying on without it:"; tail -n 3 /tmp/netaid-apt.err; }
    done
    [ -n "$made_policy" ] && $SUDO rm -f /usr/sbin/policy-rc.d
  fi
  export PATH="$PATH:/usr/sbin"
  if command -v chromium >/dev/null 2>&1; then
    export NETAID_CHROMIUM="$(command -v chromium)"
  else
    .venv/bin/python -m playwright install chromium
  fi
fi

echo "test.sh: ruff and mypy"
.venv/bin/ruff check .
.venv/bin/ruff format --check --quiet . || { echo "test.sh: run '.venv/bin/ruff format .' to fix the layout"; exit 1; }
.venv/bin/mypy

exec .venv/bin/python -m pytest "$@"
