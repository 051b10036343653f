"""scripts/launch.py: the decisions behind the README's commands (start, test) on Linux, macOS and Windows.

The decisions are pure functions, tested here with fakes (no Windows needed): which interpreter makes .venv, where
the venv's Python is on each OS, whether .venv must be made again, when pip is skipped, what pip, JupyterLab and
pytest are run with, what is said about the browser tests. A few tests use real interpreters of this machine (links
to pyenv's 3.11, 3.12 and 3.13 where present) and real scratch venvs in a folder whose name has spaces.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath
from types import ModuleType

import pytest
from support import ROOT

LAUNCH = ROOT / "scripts" / "launch.py"


def load_launcher() -> ModuleType:
    """scripts/launch.py as a module (registered in sys.modules, as dataclasses need)."""
    spec = importlib.util.spec_from_file_location("bp_launch", LAUNCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


launch = load_launcher()
Python = launch.Python
SUPPORTED = launch.SUPPORTED
NEWEST, OLDEST = SUPPORTED[0], SUPPORTED[-1]


def fake(version: str, executable: str | None = None) -> Python:
    """A probed Python of ``version`` (no process needed)."""
    return Python(executable=executable or f"python{version}", version=version, full=f"{version}.1 (main) [GCC]")


def fake_probe(table: dict[str, Python | None], calls: list[str] | None = None):
    """A probe that answers from ``table`` (command's first word -> Python), recording what it was asked."""

    def run_probe(command: Sequence[str]) -> Python | None:
        key = " ".join(command)
        if calls is not None:
            calls.append(key)
        return table.get(key)

    return run_probe


def fake_which(present: Sequence[str]):
    """shutil.which for a machine where only ``present`` exist (each found as "/bin-of-test/<name>")."""
    return lambda name: f"/bin-of-test/{name}" if name in present else None


def interpreter(version: str) -> Path | None:
    """A real interpreter of ``version`` on this machine (this one, python3.X on PATH, or a pyenv install)."""
    if f"{sys.version_info.major}.{sys.version_info.minor}" == version:
        return Path(sys.executable)
    found = shutil.which(f"python{version}")
    if found and subprocess.run([found, "-c", ""], capture_output=True).returncode == 0:
        return Path(found)
    pyenv_root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    for folder in sorted(pyenv_root.glob(f"versions/{version}.*"), reverse=True):
        if (folder / "bin" / "python").exists():
            return folder / "bin" / "python"
    return None


def links(folder: Path, targets: dict[str, Path]) -> Path:
    """A folder of links ``name -> interpreter``: a PATH with nothing else of the machine's."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, target in targets.items():
        (folder / name).symlink_to(target)
    return folder


def scratch_repo(folder: Path) -> Path:
    """A minimal repository in ``folder`` (a name with spaces): the files the launcher reads, and launch.py."""
    (folder / "scripts").mkdir(parents=True)
    (folder / "notebooks").mkdir()
    for name in ("pyproject.toml", "constraints.txt", ".jupyter-overrides.json", "scripts/launch.py"):
        shutil.copyfile(ROOT / name, folder / name)
    (folder / launch.LESSON).write_text("{}", encoding="utf-8")
    return folder


# ---------------------------------------------------------------------------------------------------------------
# The supported versions: one place, agreeing with pyproject.toml
# ---------------------------------------------------------------------------------------------------------------


def test_supported_versions_match_requires_python():
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    versions = list(SUPPORTED)
    assert versions == sorted(versions, key=launch.version_key, reverse=True), "SUPPORTED must be newest first"
    low, high = re.fullmatch(r">=(3\.\d+),<(3\.\d+)", requires).groups()
    minors = range(int(low.split(".")[1]), int(high.split(".")[1]))
    assert versions == [f"3.{minor}" for minor in reversed(minors)], (versions, requires)


def test_supported_versions_are_written_down_once():
    """No script lists the versions itself: the bash scripts ask the launcher (BP_SUPPORTED=(3.13 ...) is gone)."""
    listed = re.compile(r"3\.1[1-3][ ,\"']+3\.1[1-3]")
    offenders = [p.name for p in (ROOT / "scripts").iterdir()
                 if p.suffix in (".sh", ".py") and p != LAUNCH and listed.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
    assert listed.search(LAUNCH.read_text(encoding="utf-8")), "the check above must be able to see a list"
    assert launch.supported_text() == ", ".join(SUPPORTED[:-1]) + " or " + OLDEST


# ---------------------------------------------------------------------------------------------------------------
# Which interpreter
# ---------------------------------------------------------------------------------------------------------------


def test_windows_tries_the_py_launcher_newest_first_then_python_then_itself():
    which = fake_which(["py", "python"])
    assert launch.candidate_commands("nt", which, "C:/Python/python.exe") == [
        *[["/bin-of-test/py", f"-{v}"] for v in SUPPORTED], ["/bin-of-test/python"], ["C:/Python/python.exe"]]
    assert launch.candidate_commands("nt", fake_which(["python"]), None) == [["/bin-of-test/python"]]


def test_posix_tries_versioned_names_newest_first_then_python3_python_and_itself():
    names = [f"python{v}" for v in SUPPORTED] + ["python3", "python"]
    assert launch.candidate_commands("posix", fake_which(names), "/opt/py/bin/python3") == [
        *[[f"/bin-of-test/{n}"] for n in names], ["/opt/py/bin/python3"]]
    assert launch.candidate_commands("posix", fake_which([]), None) == []
    # the running interpreter is not tried twice when PATH finds it as well
    assert launch.candidate_commands("posix", fake_which(["python3"]), "/bin-of-test/python3") == [
        ["/bin-of-test/python3"]]


def test_the_newest_supported_python_wins_and_probing_stops_there():
    calls: list[str] = []
    table = {"old": fake("3.10"), "mid": fake(OLDEST), "new": fake(NEWEST), "later": fake(SUPPORTED[1])}
    best, found = launch.choose_python([["old"], ["mid"], ["broken"], ["new"], ["later"]], fake_probe(table, calls))
    assert best == table["new"]
    assert calls == ["old", "mid", "broken", "new"], "nothing can beat the newest supported version"
    assert found == [table["old"], table["mid"], table["new"]]


def test_among_equal_versions_the_first_command_wins_and_unsupported_ones_never_do():
    table = {"a": fake(OLDEST, "a"), "b": fake(OLDEST, "b"), "c": fake("3.99"), "d": fake("2.7")}
    best, _ = launch.choose_python([["c"], ["d"], ["a"], ["b"]], fake_probe(table))
    assert best.executable == "a"
    assert launch.choose_python([["c"], ["d"]], fake_probe(table))[0] is None


def test_the_interpreter_running_the_launcher_counts():
    python, why = launch.find_python({}, "posix", fake_which([]), "/opt/me/python", fake_probe(
        {"/opt/me/python": fake(OLDEST, "/opt/me/python")}))
    assert python.executable == "/opt/me/python" and "newest" in why


def test_windows_picks_the_newest_through_the_py_launcher():
    table = {"/bin-of-test/py -" + v: fake(v, f"py{v}.exe") for v in SUPPORTED[1:]}
    table["/bin-of-test/python"] = fake(OLDEST, "python.exe")
    python, _ = launch.find_python({}, "nt", fake_which(["py", "python"]), None, fake_probe(table))
    assert python.version == SUPPORTED[1] and python.executable == f"py{SUPPORTED[1]}.exe"


def test_bp_python_names_the_interpreter_and_a_bad_one_is_refused():
    table = {"/my/python": fake(OLDEST, "/my/python"), "/old/python": fake("3.10", "/old/python")}
    python, why = launch.find_python({"BP_PYTHON": "/my/python"}, "posix", fake_which([]), None, fake_probe(table))
    assert python.executable == "/my/python" and why == "named by BP_PYTHON"
    for name, what in (("/old/python", "is Python 3.10.1"), ("/no/such/python", "does not run")):
        with pytest.raises(launch.LaunchError) as refused:
            launch.find_python({"BP_PYTHON": name}, "posix", fake_which([]), None, fake_probe(table))
        message = str(refused.value)
        assert f"BP_PYTHON={name}" in message and "not a working Python" in message and what in message
        assert ", ".join(SUPPORTED) in message


@pytest.mark.parametrize("os_name, tried", [("posix", f"python{NEWEST}"), ("nt", f"py -{NEWEST}")])
def test_no_supported_python_names_the_versions_what_was_tried_and_what_to_do(os_name, tried):
    table = {"/bin-of-test/python": fake("3.10"), "/bin-of-test/py -" + NEWEST: None}
    with pytest.raises(launch.LaunchError) as refused:
        launch.find_python({}, os_name, fake_which(["python", "py"]), None, fake_probe(table))
    message = str(refused.value)
    assert message.startswith("no supported Python found")
    assert launch.supported_text() in message and tried in message and "found only Python 3.10.1" in message
    assert "BP_PYTHON=" in message and "python.org" in message and "environment.yml" in message
    assert ("py launcher" in message) == (os_name == "nt")


def test_real_interpreters_the_newest_on_path_is_chosen(tmp_path):
    found = {v: path for v in SUPPORTED if (path := interpreter(v)) is not None}
    if len(found) < 2:
        pytest.skip(f"needs two supported Pythons on this machine to tell the newest; found {sorted(found)}")
    folder = links(tmp_path / "bin", {f"python{v}": path for v, path in found.items()})
    newest = max(found, key=launch.version_key)
    python, _ = launch.find_python({}, "posix", lambda name: shutil.which(name, path=str(folder)),
                                   sys.executable, launch.probe)
    assert python.version == newest and python.executable == str(folder / f"python{newest}"), python


def test_real_interpreter_python3_is_used_when_no_versioned_name_exists(tmp_path):
    folder = links(tmp_path / "bin", {"python3": Path(sys.executable)})
    python, _ = launch.find_python({}, "posix", lambda name: shutil.which(name, path=str(folder)), None, launch.probe)
    assert python.executable == str(folder / "python3")
    assert python.version == f"{sys.version_info.major}.{sys.version_info.minor}"


def test_probe_reads_a_real_interpreter_and_refuses_what_does_not_run(tmp_path):
    python = launch.probe([sys.executable])
    assert python == Python(sys.executable, f"{sys.version_info.major}.{sys.version_info.minor}", sys.version)
    assert python.label == f"Python {sys.version.split()[0]}"
    assert launch.probe([str(tmp_path / "no-such-python")]) is None
    assert launch.probe([sys.executable, "-c", "raise SystemExit(3)", "--"]) is None
    assert launch.parse_probe("not json") is None and launch.parse_probe("") is None


@pytest.mark.parametrize("version", ["3.9", "3.10"])
def test_an_older_python_runs_the_launcher_and_says_which_versions_are_needed(tmp_path, version):
    old = interpreter(version)
    if old is None:
        pytest.skip(f"needs a Python {version} (pyenv) on this machine to stand for an older system Python")
    root = scratch_repo(tmp_path / "bp repo")  # no .venv yet: the launcher must find a Python to make one with
    path = links(tmp_path / "bin", {"python3": old, "python": old})
    for command in ("start", "test"):
        done = subprocess.run([str(old), str(root / "scripts" / "launch.py"), command], capture_output=True,
                              text=True, env={"PATH": str(path), "HOME": str(tmp_path)}, timeout=120)
        assert done.returncode == 1 and done.stdout == ""
        assert "error: no supported Python found" in done.stderr and launch.supported_text() in done.stderr
        assert f"found only Python {version}." in done.stderr and "BP_PYTHON=" in done.stderr
        assert "Traceback" not in done.stderr
    assert not (root / ".venv").exists()


def test_a_python_too_old_to_run_the_launcher_says_so():
    assert launch.too_old_message((3, 9, 0)) is None and launch.too_old_message((3, 13)) is None
    message = launch.too_old_message((3, 8, 18))
    assert "needs Python 3.9 or newer to run" in message and "Python 3.8" in message
    assert launch.supported_text() in message
    old = interpreter("3.8")
    if old is None:
        pytest.skip("needs a Python 3.8 (pyenv) on this machine to run the launcher with")
    done = subprocess.run([str(old), str(LAUNCH), "start"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stderr.strip() == message, done.stderr


# ---------------------------------------------------------------------------------------------------------------
# The venv: layout, (re)making, install stamp
# ---------------------------------------------------------------------------------------------------------------


def test_venv_python_is_scripts_python_exe_on_windows_and_bin_python_elsewhere():
    windows = launch.venv_python(PureWindowsPath("D:/My Documents/between powers/.venv"), "nt")
    assert windows == PureWindowsPath("D:/My Documents/between powers/.venv/Scripts/python.exe")
    assert windows.parts[-3:] == (".venv", "Scripts", "python.exe")
    posix = launch.venv_python(PurePosixPath("/srv/between powers/.venv"), "posix")
    assert posix == PurePosixPath("/srv/between powers/.venv/bin/python")
    assert launch.overrides_target(PureWindowsPath("D:/x/.venv")).parts[-5:] == (
        "share", "jupyter", "lab", "settings", "overrides.json")


@pytest.mark.parametrize("exists, have, wanted, action, why", [
    (False, None, None, "make", "does not exist"),
    (True, None, None, "remake", "broken"),
    (True, fake("3.10"), None, "remake", "not supported"),
    (True, fake(OLDEST), NEWEST, "remake", f"BP_PYTHON names Python {NEWEST}"),
    (True, fake(OLDEST), OLDEST, "keep", ""),
    (True, fake(OLDEST), None, "keep", ""),
])
def test_venv_decision(exists, have, wanted, action, why):
    done, reason = launch.venv_decision(exists, have, wanted)
    assert done == action and why in reason


def test_the_stamp_hashes_both_files_and_the_python_version_then_names_the_extras():
    expected = hashlib.sha256(b"toml" + b"pins" + b"3.12.1 (main) [GCC]").hexdigest()
    assert launch.stamp_text(b"toml", b"pins", "3.12.1 (main) [GCC]", "test") == f"{expected} test"
    assert launch.stamp_text(b"toml", b"pins", "3.12.1 (main) [GCC]", "") == f"{expected} core"
    assert launch.stamp_text(b"toml", b"pins", "3.12.2 (main) [GCC]", "").split()[0] != expected


def test_when_pip_is_skipped():
    digest = "ab" * 32
    assert not launch.install_needed(f"{digest} test", f"{digest} test")
    assert not launch.install_needed(f"{digest} core", f"{digest} core")
    assert not launch.install_needed(f"{digest} test", f"{digest} core"), "a test install serves start"
    assert launch.install_needed(f"{digest} core", f"{digest} test"), "start's install lacks the test extra"
    assert launch.install_needed(None, f"{digest} core")
    assert launch.install_needed(f"{'cd' * 32} test", f"{digest} core"), "changed files or Python"
    assert launch.install_needed("", f"{digest} test")


def test_pip_command_and_first_install_messages():
    assert launch.pip_command("/v/bin/python", "test", ci=False) == [
        "/v/bin/python", "-m", "pip", "install", "--disable-pip-version-check", "--progress-bar", "on",
        "-c", "constraints.txt", "-e", ".[test]"]
    assert launch.pip_command(PurePosixPath("/v/bin/python"), "", ci=True)[4:] == [
        "--disable-pip-version-check", "--progress-bar", "off", "-c", "constraints.txt", "-e", "."]
    lines = launch.install_messages("test", 97)
    assert lines[0].startswith("setup: installing -e '.[test]' into .venv: up to 97 pinned packages")
    assert "one to two minutes" in lines[1] and "pip shows each package" in lines[1]


def test_count_pins_counts_what_constraints_txt_pins():
    assert launch.count_pins("# comment\n\nnumpy==2.4.6\n  # indented\nPandas==3.1.1\n-c other.txt\n") == 2
    text = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    assert launch.count_pins(text) == len(re.findall(r"^[A-Za-z0-9]", text, flags=re.MULTILINE)) > 50


class FakeRun:
    """Stands in for subprocess.run: records each command and its cwd, answers with ``returncode``."""

    def __init__(self, returncode: int = 0):
        self.returncode, self.calls = returncode, []

    def __call__(self, command, cwd=None, **_):
        self.calls.append((list(command), cwd))
        return subprocess.CompletedProcess(command, self.returncode)


def test_install_runs_pip_writes_the_stamp_then_skips(tmp_path):
    root = scratch_repo(tmp_path / "bp repo")
    (root / ".venv").mkdir()
    python, stamp = fake(OLDEST, "/v/bin/python"), root / ".venv" / launch.STAMP
    run = FakeRun()
    assert launch.ensure_installed(root, python, "test", ci=True, run=run) == "installed -e '.[test]'"
    assert run.calls == [(launch.pip_command("/v/bin/python", "test", ci=True), str(root))]
    assert stamp.read_text(encoding="utf-8").strip().endswith(" test")
    for extras in ("test", ""):  # the test install serves start as well
        assert launch.ensure_installed(root, python, extras, ci=True, run=run) == "install up to date (skipped pip)"
    assert len(run.calls) == 1
    (root / "constraints.txt").write_text("numpy==0\n", encoding="utf-8")
    assert launch.ensure_installed(root, python, "test", ci=True, run=run).startswith("installed")
    failing = FakeRun(returncode=1)
    (root / "constraints.txt").write_text("numpy==1\n", encoding="utf-8")
    with pytest.raises(launch.LaunchError, match="pip install failed"):
        launch.ensure_installed(root, python, "test", ci=True, run=failing)
    assert not stamp.exists(), "a failed install leaves no stamp, so the next run installs again"


# ---------------------------------------------------------------------------------------------------------------
# What runs: JupyterLab, pytest, the browser note
# ---------------------------------------------------------------------------------------------------------------


def test_jupyter_command_serves_the_repository_opens_lesson_00_and_passes_options_on():
    root = PurePosixPath("/srv/between powers")
    command = launch.jupyter_command("/v/bin/python", root, lesson_exists=True, as_root=False,
                                     extra=["--no-browser", "--port", "8899"])
    assert command == ["/v/bin/python", "-m", "jupyterlab", "--ServerApp.root_dir=/srv/between powers",
                       "notebooks/00_start_here.ipynb", "--no-browser", "--port", "8899"]
    as_root = launch.jupyter_command("/v/bin/python", root, lesson_exists=False, as_root=True, extra=[])
    assert as_root == ["/v/bin/python", "-m", "jupyterlab", "--ServerApp.root_dir=/srv/between powers",
                       "--allow-root"]


def test_pytest_command_passes_the_arguments_on_untouched():
    assert launch.pytest_command("/v/bin/python", ["tests/repo", "-q", "-k", "a and b"]) == [
        "/v/bin/python", "-m", "pytest", "tests/repo", "-q", "-k", "a and b"]
    assert launch.parse_command(["test", "-q", "--", "x y"]) == ("test", ["-q", "--", "x y"])
    assert launch.parse_command([]) == ("help", [])


@pytest.mark.parametrize("platform, exists, root, sudo, apt, plan", [
    ("linux", True, False, False, False, "ready"),
    ("linux", False, True, False, True, "apt"),
    ("linux", False, False, True, True, "sudo-apt"),
    ("linux", False, False, False, True, "skip"),
    ("linux", False, True, False, False, "skip"),
    ("win32", False, False, False, False, "skip-os"),
    ("darwin", False, True, True, False, "skip-os"),
])
def test_browser_plan(platform, exists, root, sudo, apt, plan):
    assert launch.browser_plan(platform, exists, root, sudo, apt) == plan


def test_on_windows_and_macos_the_browser_tests_are_said_to_be_skipped_and_why():
    note, lines = launch.browser_messages("skip-os")
    assert "browser tests (tests/browser) will be skipped" in note
    said = " ".join(lines)
    assert "Windows and macOS" in said and launch.CHROMIUM in said and "every other test runs" in said
    assert launch.browser_messages("ready") == (f"chromium at {launch.CHROMIUM}", [])
    assert "sudo apt-get install chromium" in " ".join(launch.browser_messages("skip")[1])


def test_the_browser_note_matches_where_the_browser_tests_look():
    conftest = (ROOT / "tests" / "browser" / "conftest.py").read_text(encoding="utf-8")
    assert f'CHROMIUM = Path("{launch.CHROMIUM}")' in conftest
    assert "if not CHROMIUM.exists():" in conftest, "tests/browser no longer skips on a missing chromium"


# ---------------------------------------------------------------------------------------------------------------
# Real scratch venvs in a folder whose name has spaces
# ---------------------------------------------------------------------------------------------------------------


def fake_program(venv_python: Path, module: str) -> None:
    """Puts a stand-in ``module`` (run with -m) into a venv: it prints its argv, interpreter and cwd as JSON."""
    purelib = subprocess.run([str(venv_python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             capture_output=True, text=True, check=True).stdout.strip()
    package = Path(purelib) / module
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "__main__.py").write_text(
        "import json, os, sys\nprint(json.dumps({'argv': sys.argv[1:], 'python': sys.executable, "
        "'cwd': os.getcwd()}))\n", encoding="utf-8")


@pytest.fixture
def spaced_repo(tmp_path) -> tuple[Path, Path]:
    """A scratch repository in "bp repo with spaces" with a real .venv (no pip) holding stand-ins for jupyterlab
    and pytest, and an install stamp that matches: (root, the venv's python)."""
    root = scratch_repo(tmp_path / "bp repo with spaces")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root / ".venv")], check=True)
    python = Path(launch.venv_python(root / ".venv", os.name))
    fake_program(python, "jupyterlab")
    fake_program(python, "pytest")
    probed = launch.probe([str(python)])
    (root / ".venv" / launch.STAMP).write_text(launch.stamp_text(
        (root / "pyproject.toml").read_bytes(), (root / "constraints.txt").read_bytes(), probed.full, "test") + "\n",
        encoding="utf-8")
    return root, python


def test_start_in_a_folder_with_spaces_uses_its_venv(spaced_repo, tmp_path):
    root, python = spaced_repo
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run([sys.executable, str(root / "scripts" / "launch.py"), "start", "--no-browser", "a b"],
                          capture_output=True, text=True, cwd=elsewhere, timeout=120,
                          env={**os.environ, "BP_PYTHON": ""})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("start: install up to date (skipped pip); starting JupyterLab with Python 3.")
    assert lines[1].startswith("start: if no browser window opens, copy the http://127.0.0.1:")
    ran = json.loads(lines[-1])
    assert ran["python"] == str(python) and Path(ran["cwd"]) == root
    expected = [f"--ServerApp.root_dir={root}", "notebooks/00_start_here.ipynb", "--no-browser", "a b"]
    if os.name == "posix" and os.geteuid() == 0:
        expected.insert(1, "--allow-root")
    assert ran["argv"] == expected
    overrides = root / ".venv" / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert overrides.read_bytes() == (root / ".jupyter-overrides.json").read_bytes()


def test_test_in_a_folder_with_spaces_runs_pytest_of_its_venv(spaced_repo, monkeypatch, capsys):
    root, python = spaced_repo
    handed: list[tuple[list[str], Path]] = []
    monkeypatch.setattr(launch, "prepare_chromium", lambda: "NO chromium: (stand-in)")
    monkeypatch.setattr(launch, "hand_over", lambda command, cwd: handed.append((list(command), cwd)) or 0)
    assert launch.main(["test", "tests/repo", "-q"], root=root, environ={}) == 0
    said = capsys.readouterr().out.strip().splitlines()
    assert said[-1].startswith("test: install up to date (skipped pip) in ")
    assert said[-1].endswith("; NO chromium: (stand-in); running pytest tests/repo -q")
    [(command, cwd)] = handed
    assert command == [str(python), "-m", "pytest", "tests/repo", "-q"] and cwd == root
    ran = json.loads(subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True).stdout)
    assert ran["argv"] == ["tests/repo", "-q"] and ran["python"] == str(python)


def test_a_broken_venv_is_made_again(tmp_path, capsys):
    root = scratch_repo(tmp_path / "bp repo")
    (root / ".venv" / "bin").mkdir(parents=True)  # a .venv without a Python (as one copied from Windows)
    me = launch.probe([sys.executable])
    made = launch.ensure_venv(root, {}, lambda: (me, "the newest supported Python found"))
    assert made.version == me.version and made.executable == str(launch.venv_python(root / ".venv", os.name))
    said = capsys.readouterr()
    assert "setup: .venv is broken" in said.err and "making it again" in said.err
    assert f"setup: creating .venv with {sys.executable} (Python " in said.out
    assert made == launch.ensure_venv(root, {}, lambda: pytest.fail("a working .venv is kept"))


def test_a_venv_of_another_version_than_bp_python_names_is_made_again(spaced_repo, capsys):
    root, python = spaced_repo
    have = launch.probe([str(python)])
    other = next((v for v in SUPPORTED if v != have.version and interpreter(v) is not None), None)
    if other is None:
        pytest.skip("needs a second supported Python on this machine")
    environ = {"BP_PYTHON": str(interpreter(other))}
    made = launch.ensure_venv(root, environ, lambda: launch.default_find_python(environ))
    assert made.version == other and made.executable == str(python)
    said = capsys.readouterr()
    assert f"but BP_PYTHON names Python {other}" in said.err
    assert f"setup: creating .venv with {interpreter(other)} (Python {other}" in said.out
    assert "named by BP_PYTHON" in said.out


def test_main_prints_one_clear_error_and_usage(tmp_path, capsys):
    root = scratch_repo(tmp_path / "bp repo")
    assert launch.main(["start"], root=root, environ={"BP_PYTHON": str(tmp_path / "nothing")}) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: BP_PYTHON=") and "Traceback" not in err
    assert launch.main(["stat"], root=root, environ={}) == 2
    assert "usage:" in capsys.readouterr().err
    assert launch.main(["--supported"], root=root, environ={}) == 0
    assert capsys.readouterr().out.split() == list(SUPPORTED)
