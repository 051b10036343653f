#!/usr/bin/env bash
# The "run" command: bash scripts/start.sh [extra jupyter lab options, e.g. --no-browser --port 8899]
# Works from any directory. A thin wrapper: finds a python3 (or python) and hands over to scripts/launch.py start,
# which on first use makes .venv with the newest supported Python found (BP_PYTHON=/path/to/python names one) and
# installs the helper package with the pinned versions (later runs skip the install), then opens JupyterLab at the
# first lesson. On Windows, without bash: py scripts\launch.py start
set -euo pipefail
here=.; [[ ${BASH_SOURCE[0]} == */* ]] && here=${BASH_SOURCE[0]%/*} # (bash built-ins: any PATH gets a message)
source "$here/_setup_venv.sh" # BP_LAUNCH_PY, BP_LAUNCHER
exec "$BP_LAUNCH_PY" "$BP_LAUNCHER" start "$@"
