#!/usr/bin/env bash
# Drift watch: bash scripts/drift_watch.sh [pytest arguments, e.g. tests/unit/test_checks_registry.py]
#
# What will next semester's package versions break? This installs the helper package with the NEWEST releases of
# its dependencies into a scratch virtual environment in a temporary folder (the '==' pins of pyproject.toml relaxed
# to '>=', constraints.txt ignored), runs the test suite with it, then prints which installed packages differ from
# constraints.txt and the test result. The repository's .venv and files are not touched; the scratch folder is
# deleted at the end (BP_DRIFT_KEEP=1 keeps it). Not part of the default test run. Needs a supported Python
# (python3 scripts/launch.py --supported lists them) and access to the package index; exit status is pytest's (2 if
# the environment could not be built).
#
# Default pytest arguments: -q -x, and -m "not browser" unless /usr/bin/chromium exists. Arguments given here are
# added after them.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/_setup_venv.sh || exit 2 # bp_find_python (asks scripts/launch.py)

started=$(date +%s)
if ! base_python=$(bp_find_python); then
    exit 2  # bp_find_python said which versions are supported
fi
scratch=$(mktemp -d -t bp-drift.XXXXXX)
if [ "${BP_DRIFT_KEEP:-}" = "1" ]; then
    echo "drift_watch: keeping the scratch environment in $scratch"
else
    trap 'rm -rf "$scratch"' EXIT
fi
venv="$scratch/venv"
py="$venv/bin/python"
pip_flags=(--disable-pip-version-check --quiet)
[ -n "${CI:-}" ] && pip_flags+=(--progress-bar off)

echo "drift_watch: scratch venv in $scratch with $("$base_python" --version 2>&1)"
"$base_python" -m venv "$venv" || exit 2

# pyproject's direct requirements (package and [test] extra), with every '==' pin relaxed to '>='.
"$py" - pyproject.toml >"$scratch/requirements-newest.txt" <<'PY' || exit 2
import re
import sys
import tomllib

with open(sys.argv[1], "rb") as f:
    project = tomllib.load(f)["project"]
for requirement in project["dependencies"] + project["optional-dependencies"]["test"]:
    print(re.sub(r"==", ">=", requirement, count=1))
PY
echo "drift_watch: installing the newest releases of:" $(cut -d'>' -f1 "$scratch/requirements-newest.txt")
if "$py" -m pip config list 2>/dev/null | grep -qi "constraint"; then
    echo "drift_watch: note: pip's own configuration names constraints, which may cap versions:" \
        "$("$py" -m pip config list 2>/dev/null | grep -i constraint | tr '\n' ' ')"
fi
"$py" -m pip install "${pip_flags[@]}" --upgrade -r "$scratch/requirements-newest.txt" || exit 2
# The package itself, without its pinned dependencies (pip would otherwise go back to the pins).
"$py" -m pip install "${pip_flags[@]}" --no-deps --no-build-isolation -e . 2>/dev/null ||
    "$py" -m pip install "${pip_flags[@]}" --no-deps -e . || exit 2
mkdir -p "$venv/share/jupyter/lab/settings"
cp .jupyter-overrides.json "$venv/share/jupyter/lab/settings/overrides.json"

# What moved: installed versions against constraints.txt.
"$py" -m pip freeze --exclude-editable >"$scratch/freeze.txt" 2>/dev/null
drift_report=$("$py" - constraints.txt "$scratch/freeze.txt" <<'PY'
import re
import sys


def read(path):
    versions = {}
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            versions[re.sub(r"[-_.]+", "-", name).lower()] = version.strip()
    return versions


pinned, installed = read(sys.argv[1]), read(sys.argv[2])
installed.pop("betweenpowers", None)
changed = [f"  {name}: {pinned[name]} -> {installed[name]}" for name in sorted(pinned)
           if name in installed and installed[name] != pinned[name]]
new = [f"  {name}: (not in constraints.txt) {installed[name]}" for name in sorted(set(installed) - set(pinned))]
gone = [f"  {name}: {pinned[name]} -> (no longer installed)" for name in sorted(set(pinned) - set(installed))]
print(f"{len(changed)} of {len(pinned)} pinned packages changed version, {len(new)} new, {len(gone)} gone")
print("\n".join(changed + new + gone))
PY
)

pytest_args=(-q -x -p no:cacheprovider)
if [ -x /usr/bin/chromium ]; then
    browser_note="browser tests included (chromium at /usr/bin/chromium)"
else
    pytest_args+=(-m "not browser")
    browser_note="browser tests left out (no /usr/bin/chromium)"
fi
echo "drift_watch: running pytest ${pytest_args[*]} $* ($browser_note)"
BP_DRIFT_WATCH=1 "$py" -m pytest "${pytest_args[@]}" "$@" # (the test that ruff is the pinned version skips)
status=$?

echo
echo "==== drift watch: newest releases against constraints.txt ===="
echo "$drift_report"
if [ "$status" -eq 0 ]; then
    result="PASSED"
else
    result="FAILED (pytest exit status $status)"
fi
echo "==== drift watch: test suite $result with the newest releases, in $(($(date +%s) - started)) s ===="
exit "$status"
