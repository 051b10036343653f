"""The bash side of the set-up: scripts/start.sh and scripts/test.sh hand over to scripts/launch.py, and
scripts/_setup_venv.sh gives test_matrix.sh and drift_watch.sh the launcher's answers (BP_SUPPORTED,
bp_python_version, bp_find_python).

Each case runs bash with a PATH holding only a folder of links to real interpreters of this machine (pyenv's, where
present), so nothing is installed. The launcher's own decisions are tested in test_launcher.py, whose helpers
(``interpreter``, ``links``) these tests share.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT
from test_launcher import SUPPORTED, interpreter, launch, links

SETUP = ROOT / "scripts" / "_setup_venv.sh"
BASH = shutil.which("bash")


def in_bash(script: str, path: Path, env: dict[str, str] | None = None, args: tuple[str, ...] = ()
            ) -> subprocess.CompletedProcess:
    """``script`` (its arguments ``args``: $1, ...) after sourcing _setup_venv.sh, with PATH = ``path`` only."""
    return subprocess.run([BASH, "-c", f'source "{SETUP}" && {script}', "-", *args], capture_output=True, text=True,
                          env={"PATH": str(path), "HOME": str(path), **(env or {})}, cwd=ROOT, timeout=120)


def test_bp_supported_is_the_launchers(tmp_path):
    path = links(tmp_path / "bin", {"python3": Path(sys.executable)})
    done = in_bash('echo "${BP_SUPPORTED[*]}"; bp_supported_in_launcher; echo "$BP_LAUNCH_PY"', path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [" ".join(SUPPORTED), " ".join(SUPPORTED), "python3"]


def test_bp_python_version_prints_a_supported_version_and_refuses_others(tmp_path):
    path = links(tmp_path / "bin", {"python3": Path(sys.executable)})
    done = in_bash('bp_python_version "$1"', path, args=(sys.executable,))
    assert done.returncode == 0 and done.stdout.strip() == f"{sys.version_info.major}.{sys.version_info.minor}"
    refused = in_bash('bp_python_version "$1"', path, args=(str(tmp_path / "no-such-python"),))
    assert refused.returncode != 0 and refused.stdout == ""
    old = interpreter("3.10") or interpreter("3.9")
    if old is not None:
        refused = in_bash('bp_python_version "$1"', path, args=(str(old),))
        assert refused.returncode != 0 and refused.stdout == ""


def test_bp_find_python_chooses_the_newest_on_path(tmp_path):
    found = {v: p for v in SUPPORTED if (p := interpreter(v)) is not None}
    if len(found) < 2:
        pytest.skip(f"needs two supported Pythons on this machine to tell the newest; found {sorted(found)}")
    oldest = min(found, key=launch.version_key)
    # python3 (which runs the launcher) is the oldest: the newest must still win
    path = links(tmp_path / "bin", {**{f"python{v}": p for v, p in found.items()}, "python3": found[oldest]})
    done = in_bash("bp_find_python", path)
    newest = max(found, key=launch.version_key)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(path / f"python{newest}") and f"Python {newest}" in done.stderr


def test_bp_find_python_takes_bp_python_and_refuses_a_bad_one(tmp_path):
    path = links(tmp_path / "bin", {"python3": Path(sys.executable)})
    done = in_bash("bp_find_python", path, env={"BP_PYTHON": sys.executable})
    assert done.returncode == 0 and done.stdout.strip() == sys.executable, done.stderr
    done = in_bash("bp_find_python", path, env={"BP_PYTHON": str(tmp_path / "no-such-python")})
    assert done.returncode == 1 and "BP_PYTHON=" in done.stderr and "not a working Python" in done.stderr


def test_an_unsupported_python_is_refused_with_the_supported_versions_named(tmp_path):
    old = interpreter("3.10") or interpreter("3.9")
    if old is None:
        pytest.skip("needs a Python 3.9 or 3.10 (pyenv) on this machine to stand for an unsupported version")
    done = in_bash("bp_find_python", links(tmp_path / "bin", {"python3": old, "python": old}))
    assert done.returncode == 1 and done.stdout == ""
    assert "no supported Python found" in done.stderr and launch.supported_text() in done.stderr
    assert "BP_PYTHON=" in done.stderr


def test_without_any_python_the_scripts_name_the_supported_versions(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    for script in ("start.sh", "test.sh"):
        done = subprocess.run([BASH, str(ROOT / "scripts" / script)], capture_output=True, text=True,
                              env={"PATH": str(empty)}, cwd=tmp_path, timeout=60)
        assert done.returncode == 1 and done.stdout == ""
        assert "no Python 3.9 or newer found to run scripts/launch.py" in done.stderr
        assert " ".join(SUPPORTED) in done.stderr and "python.org" in done.stderr


FAKE_LAUNCHER = f'''import json, os, sys
SUPPORTED = {SUPPORTED!r}
if sys.argv[1:] == ["--supported"]:
    print(" ".join(SUPPORTED))
else:
    print(json.dumps({{"argv": sys.argv, "cwd": os.getcwd()}}))
'''


@pytest.mark.parametrize("script, command", [("start.sh", "start"), ("test.sh", "test")])
def test_the_wrappers_hand_every_argument_to_the_launcher_from_any_folder(tmp_path, script, command):
    """start.sh and test.sh are thin: they run launch.py with the command and the arguments untouched."""
    scripts = tmp_path / "bp repo" / "scripts"
    scripts.mkdir(parents=True)
    for name in (script, "_setup_venv.sh"):
        shutil.copyfile(ROOT / "scripts" / name, scripts / name)
    (scripts / "launch.py").write_text(FAKE_LAUNCHER, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    path = links(tmp_path / "bin", {"python3": Path(sys.executable)})
    arguments = ["--no-browser", "a b", "$HOME", "*", "-k", "x or y"]
    done = subprocess.run([BASH, str(scripts / script), *arguments], capture_output=True, text=True,
                          env={"PATH": str(path)}, cwd=elsewhere, timeout=60)
    assert done.returncode == 0, done.stderr
    ran = json.loads(done.stdout)
    assert ran["argv"] == [str(scripts / "launch.py"), command, *arguments]


def test_the_wrappers_are_thin_and_the_launcher_is_where_the_decisions_are():
    for script in ("start.sh", "test.sh"):
        code = [line for line in (ROOT / "scripts" / script).read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
        assert len(code) <= 4, f"{script} should only hand over to scripts/launch.py: {code}"
        assert code[-1] == f'exec "$BP_LAUNCH_PY" "$BP_LAUNCHER" {script.removesuffix(".sh")} "$@"'
