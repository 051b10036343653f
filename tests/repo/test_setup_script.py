"""scripts/_setup_venv.sh picks a supported Python (newest first, or the one BP_PYTHON names) and says which.

Each case runs the script's functions in bash with a PATH holding only a folder of links named python3.X to real
interpreters of this machine (pyenv's, where present), so the choice is tested without installing anything.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from support import ROOT

SETUP = ROOT / "scripts" / "_setup_venv.sh"


def supported_versions() -> list[str]:
    """BP_SUPPORTED as the script writes it, newest first."""
    match = re.search(r"^BP_SUPPORTED=\(([^)]*)\)", SETUP.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return match.group(1).split()


def interpreter(version: str) -> Path | None:
    """A real interpreter of ``version`` on this machine (this one, a python3.X on PATH, or a pyenv install)."""
    if f"{sys.version_info.major}.{sys.version_info.minor}" == version:
        return Path(sys.executable)
    found = shutil.which(f"python{version}")
    if found and subprocess.run([found, "-c", ""], capture_output=True).returncode == 0:
        return Path(found)
    for folder in sorted(Path.home().glob(f".pyenv/versions/{version}.*"), reverse=True):
        if (folder / "bin" / "python").exists():
            return folder / "bin" / "python"
    return None


def find_python(tmp_path: Path, links: dict[str, Path], env: dict[str, str] | None = None
                ) -> subprocess.CompletedProcess:
    """Run bp_find_python with a PATH of only ``links`` (name -> interpreter): nothing else of the machine's."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    for name, target in links.items():
        (folder / name).symlink_to(target)
    return subprocess.run([shutil.which("bash"), "-c", f'source "{SETUP}" && bp_find_python'], capture_output=True,
                          text=True, env={"PATH": str(folder), "HOME": str(tmp_path), **(env or {})}, cwd=ROOT)


def test_supported_versions_match_requires_python():
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    versions = supported_versions()
    assert versions == sorted(versions, key=lambda v: tuple(map(int, v.split("."))), reverse=True)
    low, high = re.fullmatch(r">=(3\.\d+),<(3\.\d+)", requires).groups()
    minors = range(int(low.split(".")[1]), int(high.split(".")[1]))
    assert versions == [f"3.{minor}" for minor in reversed(minors)], (versions, requires)


def test_the_newest_supported_python_is_chosen(tmp_path):
    available = {v: interpreter(v) for v in supported_versions()}
    found = {v: path for v, path in available.items() if path is not None}
    if len(found) < 2:
        pytest.skip(f"needs two supported Pythons on this machine to tell the newest; found {sorted(found)}")
    done = find_python(tmp_path, {f"python{v}": path for v, path in found.items()})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"python{max(found, key=lambda v: int(v.split('.')[1]))}"


def test_python3_is_used_when_no_versioned_name_exists(tmp_path):
    done = find_python(tmp_path, {"python3": Path(sys.executable)})
    assert done.returncode == 0 and done.stdout.strip() == "python3", done.stderr


def test_an_unsupported_python_is_refused_with_the_supported_versions_named(tmp_path):
    old = next((p for p in sorted(Path.home().glob(".pyenv/versions/3.10.*")) if (p / "bin/python").exists()), None)
    if old is None:
        pytest.skip("needs a Python 3.10 (pyenv) on this machine to stand for an unsupported version")
    done = find_python(tmp_path, {"python3": old / "bin" / "python", "python": old / "bin" / "python"})
    assert done.returncode == 1 and done.stdout == ""
    assert "no supported Python found" in done.stderr and " ".join(supported_versions()) in done.stderr
    assert "BP_PYTHON=" in done.stderr


def test_bp_python_names_the_interpreter_and_a_bad_one_is_refused(tmp_path):
    done = find_python(tmp_path, {}, env={"BP_PYTHON": sys.executable})
    assert done.returncode == 0 and done.stdout.strip() == sys.executable, done.stderr
    done = find_python(tmp_path, {}, env={"BP_PYTHON": str(tmp_path / "no-such-python")})
    assert done.returncode == 1 and "BP_PYTHON=" in done.stderr and "not a working Python" in done.stderr


def test_bp_python_version_prints_a_supported_version_and_refuses_others(tmp_path):
    def version_of(python: str) -> subprocess.CompletedProcess:
        return subprocess.run(["bash", "-c", f'source "{SETUP}" && bp_python_version "$0"', python],
                              capture_output=True, text=True, cwd=ROOT)

    done = version_of(sys.executable)
    assert done.returncode == 0 and done.stdout.strip() == f"{sys.version_info.major}.{sys.version_info.minor}"
    refused = version_of(str(tmp_path / "no-such-python"))
    assert refused.returncode != 0 and refused.stdout == ""
