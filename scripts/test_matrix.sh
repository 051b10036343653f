#!/usr/bin/env bash
# Test matrix: bash scripts/test_matrix.sh [--others] [--only 3.12] [pytest arguments]
#
# For every supported Python found on this machine (SUPPORTED in scripts/launch.py: on PATH as python3.X,
# or installed with pyenv), makes a scratch virtual environment in a temporary folder, installs the helper package
# with its [test] extra under constraints.txt, and runs the unit tests, the notebook tests and nbval over every
# notebook (not the browser tests). Then prints a table: version -> interpreter, result, pytest's summary, seconds.
#
#   --others     skip the version of .venv (the one scripts/test.sh just tested): what CI runs
#   --only X.Y   test one version (repeatable)
#
# The repository's .venv and files are not touched; the scratch folders are deleted (BP_MATRIX_KEEP=1 keeps them).
# Exit status: 0 if every version tested passed (or none was found besides .venv's), 1 otherwise.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/_setup_venv.sh || exit 2 # BP_SUPPORTED, bp_python_version (asked of scripts/launch.py)

others=0
only=()
pytest_args=()
while [ $# -gt 0 ]; do
    case "$1" in
    --others) others=1 ;;
    --only) only+=("$2"); shift ;;
    *) pytest_args+=("$1") ;;
    esac
    shift
done

# The interpreter of version $1 on this machine: python$1 on PATH, else the newest pyenv install of it.
find_version() {
    local version="$1" candidate root
    if command -v "python$version" >/dev/null 2>&1 && [ "$(bp_python_version "python$version")" = "$version" ]; then
        command -v "python$version"
        return 0
    fi
    if command -v pyenv >/dev/null 2>&1; then
        root=$(pyenv root)
        for candidate in $(pyenv versions --bare 2>/dev/null | grep -E "^${version//./\\.}(\.[0-9]+)?$" | sort -rV); do
            if [ "$(bp_python_version "$root/versions/$candidate/bin/python")" = "$version" ]; then
                echo "$root/versions/$candidate/bin/python"
                return 0
            fi
        done
    fi
    return 1
}

main_version=$(bp_python_version .venv/bin/python) || main_version=""
rows=()
failed=0
for version in "${BP_SUPPORTED[@]}"; do
    if [ ${#only[@]} -gt 0 ] && [[ ! " ${only[*]} " =~ " $version " ]]; then
        continue
    fi
    if [ "$others" = 1 ] && [ "$version" = "$main_version" ]; then
        rows+=("$version|.venv|tested by scripts/test.sh|-|-")
        continue
    fi
    if ! python=$(find_version "$version"); then
        rows+=("$version|not found|skipped|-|-")
        continue
    fi
    started=$(date +%s)
    scratch=$(mktemp -d -t "bp-matrix-$version.XXXXXX")
    log="$scratch/log.txt"
    echo "test_matrix: Python $version ($python): scratch venv in $scratch"
    result="passed"
    if ! "$python" -m venv "$scratch/venv" >>"$log" 2>&1 ||
        ! "$scratch/venv/bin/python" -m pip install --disable-pip-version-check --progress-bar off --quiet \
            -c constraints.txt -e '.[test]' >>"$log" 2>&1; then
        result="INSTALL FAILED"
        summary=$(tail -n 3 "$log" | tr '\n' ' ')
    else
        "$scratch/venv/bin/python" -m pytest -m "not browser" -q tests/unit tests/notebooks notebooks exercises \
            solutions "${pytest_args[@]}" 2>&1 | tee -a "$log" | tail -n 1
        code=${PIPESTATUS[0]}
        [ "$code" = 0 ] || result="FAILED (pytest exit $code)"
        summary=$(grep -E "^=*.*(passed|failed|error)" "$log" | tail -n 1 | tr -d '=' | sed 's/^ *//')
    fi
    [ "$result" = "passed" ] || failed=1
    rows+=("$version|$python|$result|$summary|$(($(date +%s) - started))")
    if [ "${BP_MATRIX_KEEP:-}" = "1" ]; then
        echo "test_matrix: kept $scratch"
    else
        # Keep the log of a failure for reading afterwards: its last lines go to the output.
        [ "$result" = "passed" ] || tail -n 40 "$log"
        rm -rf "$scratch"
    fi
done

echo
echo "| Python | interpreter | result | pytest | seconds |"
echo "|---|---|---|---|---|"
for row in "${rows[@]}"; do
    echo "| ${row//|/ | } |"
done
exit "$failed"
