# Shared set-up for scripts/start.sh and scripts/test.sh (sourced, not run on its own).
#
#   bp_setup_venv ""      -> .venv with the helper package (what start.sh needs)
#   bp_setup_venv "test"  -> .venv with the helper package and its [test] extra (what test.sh needs)
#
# Makes .venv with Python 3.11 when it is missing or broken, installs the package editable with
# `-c constraints.txt`, and skips pip when the stamp in .venv still matches pyproject.toml, constraints.txt
# and the Python version (so a second run starts in about a second). Then copies .jupyter-overrides.json
# to .venv/share/jupyter/lab/settings/overrides.json: no news pop-up, no update check, and every cell
# rendered even when it is off-screen (windowingMode none).
# Expects the current directory to be the repository root. Sets BP_PY (the venv's python) and
# BP_INSTALL_NOTE (what was done, for the scripts' summary line).

bp_find_python() {
    local candidate
    for candidate in python3.11 python3 python; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' >/dev/null 2>&1; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

bp_setup_venv() {
    local extras="$1" spec="." wanted stamp_file=".venv/.betweenpowers-install-stamp" base_python
    [ -n "$extras" ] && spec=".[$extras]"

    if ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' >/dev/null 2>&1; then
        if ! base_python=$(bp_find_python); then
            echo "error: Python 3.11 is needed to make .venv (tried python3.11, python3, python)." >&2
            echo "       Install Python 3.11, or use conda: conda env create -f environment.yml" >&2
            return 1
        fi
        [ -e .venv ] && echo "setup: .venv is missing Python 3.11 or is broken; making it again" >&2
        rm -rf .venv
        echo "setup: creating .venv with $(command -v "$base_python") ($("$base_python" --version 2>&1))"
        "$base_python" -m venv .venv
    fi
    BP_PY="$PWD/.venv/bin/python"

    # What the install depends on: both files, the Python version and the extras asked for.
    wanted=$("$BP_PY" - "$extras" <<'PY'
import hashlib, sys
h = hashlib.sha256()
for name in ("pyproject.toml", "constraints.txt"):
    with open(name, "rb") as f:
        h.update(f.read())
h.update(sys.version.encode())
print(h.hexdigest(), sys.argv[1] or "core")
PY
)
    local have=""
    [ -f "$stamp_file" ] && have=$(cat "$stamp_file")
    # A [test] install also serves start.sh, so "core" accepts a "test" stamp with the same hash.
    if [ "$have" = "$wanted" ] || { [ -z "$extras" ] && [ "$have" = "${wanted% *} test" ]; }; then
        BP_INSTALL_NOTE="install up to date (skipped pip)"
    else
        echo "setup: installing -e '$spec' with constraints.txt into .venv (first run takes a minute or two)"
        local pip_flags=(--disable-pip-version-check --quiet)
        [ -n "${CI:-}" ] && pip_flags+=(--progress-bar off)
        rm -f "$stamp_file"
        "$BP_PY" -m pip install "${pip_flags[@]}" -c constraints.txt -e "$spec"
        echo "$wanted" >"$stamp_file"
        BP_INSTALL_NOTE="installed -e '$spec'"
    fi

    mkdir -p .venv/share/jupyter/lab/settings
    cp .jupyter-overrides.json .venv/share/jupyter/lab/settings/overrides.json
}
