#!/usr/bin/env bash
# The "test" command: bash scripts/test.sh [pytest arguments, e.g. tests/repo/test_environment.py -x -q]
# Works from any directory. On first use it makes .venv with the newest supported Python found (3.13, 3.12 or
# 3.11; BP_PYTHON=/path/to/python names one) and installs the helper package with its [test] extra at the pinned
# versions; later runs skip the install. Browser tests need Debian's chromium
# at /usr/bin/chromium: installed here with apt-get when we are root (or have sudo). Exit status is pytest's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/_setup_venv.sh

start=$(date +%s)
bp_setup_venv "test"

chromium=/usr/bin/chromium
if [ ! -x "$chromium" ]; then
    apt_install=(apt-get install -y --no-install-recommends chromium)
    if [ "$(id -u)" -eq 0 ]; then
        echo "test.sh: $chromium is missing; installing Debian's chromium (about 480 MB)"
        apt-get update && "${apt_install[@]}" || echo "test.sh: apt-get could not install chromium" >&2
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        echo "test.sh: $chromium is missing; installing Debian's chromium with sudo (about 480 MB)"
        sudo apt-get update && sudo "${apt_install[@]}" || echo "test.sh: apt-get could not install chromium" >&2
    fi
fi
if [ -x "$chromium" ]; then
    browser_note="chromium at $chromium"
else
    browser_note="NO chromium: browser tests (tests/browser) will be skipped"
    echo "test.sh: $chromium is missing and could not be installed (that needs root or password-less sudo)." >&2
    echo "         Browser tests will be skipped (they drive JupyterLab in headless Chromium)." >&2
    echo "         To run them: sudo apt-get install chromium   (Debian/Ubuntu package 'chromium')" >&2
fi

# One summary line before pytest, so pytest's own summary stays the last line of the output.
echo "test.sh: $BP_INSTALL_NOTE in $(($(date +%s) - start)) s; $("$BP_PY" --version); $browser_note; running pytest $*"
exec .venv/bin/python -m pytest "$@"
