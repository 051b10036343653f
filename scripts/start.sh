#!/usr/bin/env bash
# The "run" command: bash scripts/start.sh [extra jupyter lab options, e.g. --no-browser --port 8899]
# Works from any directory. On first use it makes .venv with the newest supported Python found (3.13, 3.12 or
# 3.11; BP_PYTHON=/path/to/python names one) and installs the helper package with the pinned versions; later
# runs skip the install. Then opens JupyterLab at the first lesson.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/_setup_venv.sh

bp_setup_venv ""

# Serve the whole repository (so notebooks/, exercises/, solutions/ and data/ are all in the file browser);
# without an explicit root_dir, jupyter would serve only the opened notebook's folder.
args=(--ServerApp.root_dir="$PWD")
# As root (containers, CI, some classroom servers) jupyter refuses to start without --allow-root.
[ "$(id -u)" -eq 0 ] && args+=(--allow-root)
lesson=notebooks/00_start_here.ipynb
if [ -f "$lesson" ]; then
    args+=("$lesson")
else
    echo "start.sh: $lesson not found; opening JupyterLab at the repository root" >&2
fi

echo "start.sh: $BP_INSTALL_NOTE; starting JupyterLab with $("$BP_PY" --version) (stop it with Ctrl+C)"
echo "start.sh: if no browser window opens, copy the http://127.0.0.1:... address JupyterLab prints below into one"
exec .venv/bin/jupyter lab "${args[@]}" "$@"
