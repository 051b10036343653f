# Shared set-up for scripts/start.sh, scripts/test.sh, scripts/test_matrix.sh and scripts/drift_watch.sh (sourced,
# not run on its own).
#
#   bp_setup_venv ""      -> .venv with the helper package (what start.sh needs)
#   bp_setup_venv "test"  -> .venv with the helper package and its [test] extra (what test.sh needs)
#
# Makes .venv with a supported Python (BP_SUPPORTED, newest first, or the interpreter named in $BP_PYTHON) when it
# is missing or broken, installs the package editable with `-c constraints.txt`, and skips pip when the stamp in
# .venv still matches pyproject.toml, constraints.txt and the Python version (so a second run starts in about a
# second). Then copies .jupyter-overrides.json to .venv/share/jupyter/lab/settings/overrides.json: no news pop-up,
# no update check, and every cell rendered even when it is off-screen (windowingMode none).
# Expects the current directory to be the repository root. Sets BP_PY (the venv's python) and
# BP_INSTALL_NOTE (what was done, for the scripts' summary line).

#: Supported Python versions, newest first (pyproject.toml's requires-python says the same; a test checks it).
BP_SUPPORTED=(3.13 3.12 3.11)

# Prints "X.Y" if the interpreter $1 runs and is a supported version; fails otherwise.
bp_python_version() {
    "$1" -c 'import sys; v = "%d.%d" % sys.version_info[:2]; print(v) if v in sys.argv[1:] else sys.exit(1)' \
        "${BP_SUPPORTED[@]}" 2>/dev/null
}

# Prints the command of the Python to make a venv with: $BP_PYTHON if set (it must be supported), else the first
# supported one of python3.13, python3.12, python3.11, python3, python. Fails with a message naming the versions.
bp_find_python() {
    local candidate
    if [ -n "${BP_PYTHON:-}" ]; then
        if bp_python_version "$BP_PYTHON" >/dev/null; then
            echo "$BP_PYTHON"
            return 0
        fi
        echo "error: BP_PYTHON=$BP_PYTHON is not a working Python of a supported version (${BP_SUPPORTED[*]})." >&2
        return 1
    fi
    for candidate in "${BP_SUPPORTED[@]/#/python}" python3 python; do
        if command -v "$candidate" >/dev/null 2>&1 && bp_python_version "$candidate" >/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "error: no supported Python found. The series needs Python ${BP_SUPPORTED[*]} (any one) with pip;" \
        "tried ${BP_SUPPORTED[*]/#/python}, python3, python. Name one with BP_PYTHON=/path/to/python." >&2
    echo "       Install one from python.org, or use conda: conda env create -f environment.yml" >&2
    return 1
}

bp_setup_venv() {
    local extras="$1" spec="." wanted stamp_file=".venv/.betweenpowers-install-stamp" base_python
    [ -n "$extras" ] && spec=".[$extras]"

    local have_version="" want_version=""
    have_version=$(bp_python_version .venv/bin/python) || have_version=""
    if [ -n "${BP_PYTHON:-}" ]; then
        want_version=$(bp_python_version "$BP_PYTHON") || { bp_find_python >/dev/null; return 1; }
    fi
    if [ -z "$have_version" ] || { [ -n "$want_version" ] && [ "$want_version" != "$have_version" ]; }; then
        base_python=$(bp_find_python) || return 1
        [ -e .venv ] && echo "setup: .venv has no supported Python, is broken or is not the one BP_PYTHON names;" \
            "making it again" >&2
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
        local count
        count=$(grep -c '^[A-Za-z0-9]' constraints.txt)
        echo "setup: installing -e '$spec' into .venv: up to $count pinned packages (constraints.txt), about 750 MB;"
        echo "       a first install usually takes one to two minutes. pip shows each package as it goes."
        local pip_flags=(--disable-pip-version-check --progress-bar on)
        [ -n "${CI:-}" ] && pip_flags=(--disable-pip-version-check --progress-bar off)
        rm -f "$stamp_file"
        "$BP_PY" -m pip install "${pip_flags[@]}" -c constraints.txt -e "$spec"
        echo "$wanted" >"$stamp_file"
        BP_INSTALL_NOTE="installed -e '$spec'"
    fi

    mkdir -p .venv/share/jupyter/lab/settings
    cp .jupyter-overrides.json .venv/share/jupyter/lab/settings/overrides.json
}
