# Shared by scripts/start.sh, scripts/test.sh, scripts/test_matrix.sh and scripts/drift_watch.sh (sourced, not run
# on its own). The decisions live in scripts/launch.py (standard-library Python, Linux, macOS and Windows); this
# file only finds a Python to run it with and asks it:
#
#   BP_LAUNCH_PY            a python3/python (3.9 or newer) that runs scripts/launch.py
#   BP_SUPPORTED            the supported Python versions, newest first (launch.py's SUPPORTED)
#   bp_python_version PY    prints "X.Y" if PY runs and is a supported version; fails otherwise
#   bp_find_python          prints the Python a new .venv would be made with (BP_PYTHON, else the newest found);
#                           fails with a message naming the supported versions
#
# Sourcing fails (status 1, with a message) when no Python 3.9 or newer is on PATH. Up to the first Python it uses
# bash built-ins only, so even a bare PATH gets that message.

BP_LAUNCHER=${BASH_SOURCE[0]%/*}
[ "$BP_LAUNCHER" = "${BASH_SOURCE[0]}" ] && BP_LAUNCHER=.
BP_LAUNCHER="$(cd "$BP_LAUNCHER" && pwd)/launch.py"

# Prints launch.py's SUPPORTED versions as words (read from the file, for when no Python can run it).
bp_supported_in_launcher() {
    local line pattern='^SUPPORTED = \((.*)\)$'
    while IFS= read -r line; do
        if [[ $line =~ $pattern ]]; then
            line=${BASH_REMATCH[1]}
            echo "${line//[\",]/}"
            return 0
        fi
    done <"$BP_LAUNCHER"
}

# Prints the first of python3, python, python3.X (launch.py's versions) that runs and is 3.9 or newer.
bp_launcher_python() {
    local candidate versions names
    read -r -a versions <<<"$(bp_supported_in_launcher)"
    names=(python3 python "${versions[@]/#/python}")
    for candidate in "${names[@]}"; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 9))' >/dev/null 2>&1; then
            echo "$candidate"
            return 0
        fi
    done
    echo "error: no Python 3.9 or newer found to run scripts/launch.py (tried ${names[*]})." >&2
    echo "       The series needs Python ${versions[*]} (any one) with pip: install one from python.org." >&2
    return 1
}

BP_LAUNCH_PY=$(bp_launcher_python) || return 1
read -r -a BP_SUPPORTED <<<"$(bp_supported_in_launcher)" # (what launch.py --supported prints; a test checks it)

bp_python_version() {
    "$BP_LAUNCH_PY" "$BP_LAUNCHER" --version-of "$1" 2>/dev/null
}

bp_find_python() {
    "$BP_LAUNCH_PY" "$BP_LAUNCHER" --find-python
}
