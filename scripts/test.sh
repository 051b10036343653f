#!/usr/bin/env bash
# The "test" command: bash scripts/test.sh [pytest arguments, e.g. tests/repo/test_environment.py -x -q]
# Works from any directory (pytest runs in the repository root). A thin wrapper: finds a python3 (or python) and
# hands over to scripts/launch.py test, which on first use makes .venv with the newest supported Python found
# (BP_PYTHON=/path/to/python names one) and installs the helper package with its [test] extra at the pinned versions
# (later runs skip the install). Browser tests need Debian's chromium at /usr/bin/chromium: the launcher installs it
# with apt-get when we are root (or have password-less sudo). Exit status is pytest's.
# On Windows, without bash: py scripts\launch.py test
set -euo pipefail
here=.; [[ ${BASH_SOURCE[0]} == */* ]] && here=${BASH_SOURCE[0]%/*} # (bash built-ins: any PATH gets a message)
source "$here/_setup_venv.sh" # BP_LAUNCH_PY, BP_LAUNCHER
exec "$BP_LAUNCH_PY" "$BP_LAUNCHER" test "$@"
