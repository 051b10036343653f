#!/usr/bin/env python3
"""Set up the series' virtual environment and run JupyterLab or the tests, on Linux, macOS and Windows.

    python scripts/launch.py start [jupyter lab options, e.g. --no-browser --port 8899]
    python scripts/launch.py test  [pytest arguments, e.g. tests/repo -q]
    (on Windows: py scripts\\launch.py start   and   py scripts\\launch.py test)

``bash scripts/start.sh`` and ``bash scripts/test.sh`` run this file. It works from any folder, with the standard
library only, and runs on Python 3.9 or newer so that an older Python can at least say what is needed.

On first use it makes ``.venv`` in the repository with a supported Python (SUPPORTED below): the one the environment
variable BP_PYTHON names, else the newest one found (``py -3.X`` and ``python`` on Windows; ``python3.X``,
``python3`` and ``python`` elsewhere; the Python running this file counts too). It makes ``.venv`` again when it is
broken or of another version than BP_PYTHON names. Then it installs the helper package editable under
constraints.txt (with the ``[test]`` extra for ``test``) and writes a stamp, so later runs skip pip while
pyproject.toml, constraints.txt and the venv's Python are unchanged. Each run copies .jupyter-overrides.json into the
venv's JupyterLab settings. ``start`` then opens JupyterLab at the first lesson, serving the whole repository;
``test`` prints one summary line and runs pytest (exit status is pytest's).

For the bash scripts: ``--supported`` prints the supported versions; ``--version-of PYTHON`` prints PYTHON's "X.Y"
if it is supported (exit 1 otherwise); ``--find-python`` prints the interpreter a new .venv would be made with.

Decisions (which interpreter, which paths, what to install, when to skip) are pure functions; the few functions
that run programs or touch files are marked as such in their docstrings.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePath

#: The supported Python versions, newest first: the one place they are written down (pyproject.toml's
#: requires-python must agree; tests/repo/test_launcher.py checks it). The bash scripts ask this file for them.
SUPPORTED = ("3.13", "3.12", "3.11")
#: The oldest Python that can run this file (it then looks for a supported one to make .venv with).
RUNS_ON = (3, 9)

ROOT = Path(__file__).resolve().parent.parent
VENV = ".venv"
STAMP = ".betweenpowers-install-stamp"
LESSON = "notebooks/00_start_here.ipynb"
OVERRIDES = ".jupyter-overrides.json"
CHROMIUM = "/usr/bin/chromium"  # where tests/browser/conftest.py looks for Debian's chromium
APT_CHROMIUM = ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]
#: Run by every interpreter probed: its "X.Y", sys.version and executable, as JSON (valid Python 2 and 3).
PROBE = ("import json, sys; print(json.dumps({'version': '%d.%d' % sys.version_info[:2], 'full': sys.version, "
         "'executable': sys.executable}))")
PROBE_TIMEOUT = 60


class LaunchError(Exception):
    """A problem the user has to solve; its message says what and how (printed without a traceback)."""


@dataclass(frozen=True)
class Python:
    """An interpreter that ran: its executable, its "X.Y" version and its full ``sys.version``."""

    executable: str
    version: str
    full: str

    @property
    def label(self) -> str:
        """What ``python --version`` prints, e.g. "Python 3.12.1"."""
        return "Python " + self.full.split()[0] if self.full else "Python " + self.version

    @property
    def supported(self) -> bool:
        """Whether this is one of the SUPPORTED versions."""
        return self.version in SUPPORTED


# ---------------------------------------------------------------------------------------------------------------
# Which interpreter
# ---------------------------------------------------------------------------------------------------------------


def supported_text() -> str:
    """The supported versions for a message: "3.13, 3.12 or 3.11"."""
    return ", ".join(SUPPORTED[:-1]) + " or " + SUPPORTED[-1] if len(SUPPORTED) > 1 else SUPPORTED[0]


def parse_probe(stdout: str) -> Python | None:
    """The Python that PROBE's output describes, or None if the output is not PROBE's."""
    try:
        data = json.loads(stdout.strip().splitlines()[-1])
        return Python(executable=str(data["executable"]), version=str(data["version"]), full=str(data["full"]))
    except (IndexError, ValueError, KeyError, TypeError):
        return None


def probe(command: Sequence[str]) -> Python | None:
    """Runs ``command -c PROBE`` (side effect: a process) and returns the Python it is, or None if it did not run."""
    try:
        done = subprocess.run([*command, "-c", PROBE], capture_output=True, text=True, timeout=PROBE_TIMEOUT)
    except (OSError, subprocess.SubprocessError):
        return None
    return parse_probe(done.stdout) if done.returncode == 0 else None


def candidate_commands(os_name: str, which: Callable[[str], str | None], running: str | None) -> list[list[str]]:
    """The commands to try for a supported Python, in order of preference among equal versions.

    Windows ("nt"): the py launcher for each supported version (``py -3.13``, ...), then ``python``. Elsewhere:
    ``python3.13``, ..., ``python3``, ``python``. Names are resolved with ``which`` (absent ones are left out);
    ``running`` (the interpreter running this file) comes last.
    """
    commands: list[list[str]] = []
    if os_name == "nt":
        launcher = which("py")
        if launcher:
            commands += [[launcher, "-" + version] for version in SUPPORTED]
        names = ["python"]
    else:
        names = ["python" + version for version in SUPPORTED] + ["python3", "python"]
    commands += [[found] for found in map(which, names) if found]
    if running:
        commands.append([running])
    unique: list[list[str]] = []
    for command in commands:
        if command not in unique:
            unique.append(command)
    return unique


def tried_names(os_name: str) -> list[str]:
    """The commands candidate_commands looks for, as a user would type them (for messages)."""
    if os_name == "nt":
        return ["py -" + version for version in SUPPORTED] + ["python"]
    return ["python" + version for version in SUPPORTED] + ["python3", "python"]


def version_key(version: str) -> tuple[int, ...]:
    """A version as numbers for comparing: "3.13" -> (3, 13)."""
    return tuple(int(part) for part in version.split("."))


def choose_python(commands: Iterable[Sequence[str]], run_probe: Callable[[Sequence[str]], Python | None]
                  ) -> tuple[Python | None, list[Python]]:
    """The newest supported Python among ``commands`` (the first one of that version), and every Python found.

    Probes lazily and stops at the newest supported version (nothing can beat it).
    """
    best: Python | None = None
    found: list[Python] = []
    for command in commands:
        python = run_probe(command)
        if python is None:
            continue
        found.append(python)
        if python.supported and (best is None or version_key(python.version) > version_key(best.version)):
            best = python
            if python.version == SUPPORTED[0]:
                break
    return best, found


def bad_bp_python_message(name: str, python: Python | None) -> str:
    """Why the interpreter that BP_PYTHON names cannot be used."""
    what = "does not run" if python is None else "is " + python.label
    return (f"BP_PYTHON={name} is not a working Python of a supported version ({', '.join(SUPPORTED)}): it {what}.\n"
            f"       Unset BP_PYTHON to use the newest supported Python found, or name one of {supported_text()}.")


def no_python_message(os_name: str, found: Sequence[Python]) -> str:
    """What to do when no supported Python was found, naming the supported versions and what was tried."""
    seen = "; found only " + ", ".join(sorted({p.label for p in found})) if found else ""
    install = ("Install one from python.org (its installer adds the py launcher)" if os_name == "nt"
               else "Install one from python.org or your system's packages")
    return (f"no supported Python found. The series needs Python {supported_text()} (any one) with pip; "
            f"tried {', '.join(tried_names(os_name))}{seen}.\n"
            f"       Name one with BP_PYTHON=/path/to/python. {install}, or use conda: "
            f"conda env create -f environment.yml")


def find_python(environ: Mapping[str, str], os_name: str, which: Callable[[str], str | None],
                running: str | None, run_probe: Callable[[Sequence[str]], Python | None]) -> tuple[Python, str]:
    """The Python to make .venv with, and why it was chosen; raises LaunchError naming the supported versions."""
    named = environ.get("BP_PYTHON", "")
    if named:
        python = run_probe([named])
        if python is None or not python.supported:
            raise LaunchError(bad_bp_python_message(named, python))
        return python, "named by BP_PYTHON"
    best, found = choose_python(candidate_commands(os_name, which, running), run_probe)
    if best is None:
        raise LaunchError(no_python_message(os_name, found))
    return best, "the newest supported Python found"


def default_find_python(environ: Mapping[str, str] | None = None) -> tuple[Python, str]:
    """find_python with this machine's PATH, OS and interpreter (side effect: runs the candidates)."""
    return find_python(os.environ if environ is None else environ, os.name, shutil.which, sys.executable, probe)


# ---------------------------------------------------------------------------------------------------------------
# The virtual environment: where, whether to (re)make it, what to install, when to skip
# ---------------------------------------------------------------------------------------------------------------


def venv_python(venv: PurePath, os_name: str) -> PurePath:
    """The venv's interpreter: ``Scripts\\python.exe`` on Windows ("nt"), ``bin/python`` elsewhere."""
    return venv / "Scripts" / "python.exe" if os_name == "nt" else venv / "bin" / "python"


def venv_decision(exists: bool, have: Python | None, wanted_version: str | None) -> tuple[str, str]:
    """("keep" | "make" | "remake", why) for a .venv that ``exists``, whose Python is ``have`` (None: it does not
    run), when BP_PYTHON asks for ``wanted_version`` (None: any supported version will do)."""
    if not exists:
        return "make", ".venv does not exist yet"
    if have is None:
        return "remake", ".venv is broken (its Python does not run, or it was made on another system)"
    if not have.supported:
        return "remake", f".venv has {have.label}, which is not supported ({', '.join(SUPPORTED)})"
    if wanted_version and wanted_version != have.version:
        return "remake", f".venv has {have.label} but BP_PYTHON names Python {wanted_version}"
    return "keep", f".venv has {have.label}"


def stamp_text(pyproject: bytes, constraints: bytes, python_full: str, extras: str) -> str:
    """The install stamp: sha256 of pyproject.toml, constraints.txt and the venv Python's ``sys.version``, then the
    extras installed ("core" for none)."""
    digest = hashlib.sha256()
    for part in (pyproject, constraints, python_full.encode()):
        digest.update(part)
    return f"{digest.hexdigest()} {extras or 'core'}"


def install_needed(have: str | None, wanted: str) -> bool:
    """Whether pip must run: the stamp ``have`` is not ``wanted``; a "test" install also serves "core" (start)."""
    if have == wanted:
        return False
    digest, _, extras = wanted.partition(" ")
    return not (extras == "core" and have == digest + " test")


def count_pins(constraints: str) -> int:
    """How many packages constraints.txt pins (its lines that start with a letter or digit)."""
    return sum(1 for line in constraints.splitlines() if line[:1].isascii() and line[:1].isalnum())


def install_spec(extras: str) -> str:
    """What pip installs editable: "." or ".[test]"."""
    return f".[{extras}]" if extras else "."


def pip_command(python: PurePath | str, extras: str, ci: bool) -> list[str]:
    """The pip install of the helper package under constraints.txt (progress bar off in CI logs)."""
    return [str(python), "-m", "pip", "install", "--disable-pip-version-check", "--progress-bar",
            "off" if ci else "on", "-c", "constraints.txt", "-e", install_spec(extras)]


def install_messages(extras: str, pins: int) -> list[str]:
    """What the first install says before pip starts (what, how much, how long)."""
    return [f"setup: installing -e '{install_spec(extras)}' into .venv: up to {pins} pinned packages "
            "(constraints.txt), about 750 MB;",
            "       a first install usually takes one to two minutes. pip shows each package as it goes."]


def overrides_target(venv: PurePath) -> PurePath:
    """Where JupyterLab reads the repository's setting overrides (``{sys.prefix}/share/jupyter``, every OS)."""
    return venv / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


# ---------------------------------------------------------------------------------------------------------------
# What to run
# ---------------------------------------------------------------------------------------------------------------


def jupyter_command(python: PurePath | str, root: PurePath, lesson_exists: bool, as_root: bool,
                    extra: Sequence[str]) -> list[str]:
    """``jupyter lab`` of the venv serving the whole repository, at the first lesson, then the user's options.

    Without an explicit root_dir, jupyter would serve only the opened notebook's folder; as root (containers, CI,
    some classroom servers) it refuses to start without --allow-root.
    """
    command = [str(python), "-m", "jupyterlab", f"--ServerApp.root_dir={root}"]
    if as_root:
        command.append("--allow-root")
    if lesson_exists:
        command.append(LESSON)
    return command + list(extra)


def pytest_command(python: PurePath | str, extra: Sequence[str]) -> list[str]:
    """pytest of the venv with the user's arguments."""
    return [str(python), "-m", "pytest", *extra]


def browser_plan(platform: str, chromium_exists: bool, is_root: bool, sudo_ok: bool, has_apt: bool) -> str:
    """What to do about the browser tests' Chromium: "ready", "apt" (as root), "sudo-apt", "skip" (Linux, no way
    to install it) or "skip-os" (Windows, macOS: tests/browser uses Debian's chromium at /usr/bin/chromium only)."""
    if chromium_exists:
        return "ready"
    if not platform.startswith("linux"):
        return "skip-os"
    if has_apt and is_root:
        return "apt"
    if has_apt and sudo_ok:
        return "sudo-apt"
    return "skip"


def browser_messages(plan: str) -> tuple[str, list[str]]:
    """The summary line's browser note and the lines to print on stderr for a final ``browser_plan``."""
    if plan == "ready":
        return f"chromium at {CHROMIUM}", []
    note = "NO chromium: browser tests (tests/browser) will be skipped"
    if plan == "skip-os":
        return note, [f"test: the browser tests drive JupyterLab in Debian's headless Chromium at {CHROMIUM}, which",
                      "      only Linux has: on Windows and macOS they are skipped; every other test runs."]
    return note, [f"test: {CHROMIUM} is missing and could not be installed (that needs root or password-less sudo).",
                  "      Browser tests will be skipped (they drive JupyterLab in headless Chromium).",
                  "      To run them: sudo apt-get install chromium   (Debian/Ubuntu package 'chromium')"]


def parse_command(argv: Sequence[str]) -> tuple[str, list[str]]:
    """(command, the arguments after it); the arguments are passed on untouched (``test -q`` is pytest's -q)."""
    if not argv or argv[0] in ("-h", "--help", "help"):
        return "help", []
    return argv[0], list(argv[1:])


def too_old_message(version: Sequence[int]) -> str | None:
    """The message for a Python too old to run this file (None if it can)."""
    if tuple(version[:2]) >= RUNS_ON:
        return None
    return (f"error: scripts/launch.py needs Python {RUNS_ON[0]}.{RUNS_ON[1]} or newer to run; this is Python "
            f"{version[0]}.{version[1]}. The series needs Python {supported_text()} (any one) with pip:\n"
            "       install one from python.org, then run this command again (BP_PYTHON=/path/to/python names one).")


# ---------------------------------------------------------------------------------------------------------------
# Side effects: make the venv, install, copy settings, hand over
# ---------------------------------------------------------------------------------------------------------------


def say(*lines: str, err: bool = False) -> None:
    """Prints ``lines`` at once (stdout, or stderr) so they keep their order around the programs run."""
    stream = sys.stderr if err else sys.stdout
    for line in lines:
        print(line, file=stream)
    stream.flush()


def read_stamp(path: Path) -> str | None:
    """The stamp's text, or None if there is none (side effect: reads a file)."""
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        return None


def make_venv(base: Python, why: str, venv: Path, remake_reason: str | None) -> None:
    """Makes ``venv`` with ``base`` (side effects: deletes an old one, runs ``python -m venv``)."""
    if remake_reason:
        say(f"setup: {remake_reason}; making it again", err=True)
        shutil.rmtree(venv)
    say(f"setup: creating .venv with {base.executable} ({base.label}, {why})")
    done = subprocess.run([base.executable, "-m", "venv", str(venv)])
    if done.returncode != 0:
        raise LaunchError(f"'{base.executable} -m venv .venv' failed (exit {done.returncode}; its message is above)."
                          "\n       On Debian or Ubuntu install the venv module first, e.g. "
                          f"sudo apt-get install python{base.version}-venv")


def ensure_venv(root: Path, environ: Mapping[str, str],
                find: Callable[[], tuple[Python, str]]) -> Python:
    """The venv's Python, after making .venv if it is missing, broken or not what BP_PYTHON names (side effects)."""
    venv = root / VENV
    python_path = Path(venv_python(venv, os.name))
    have = probe([str(python_path)]) if python_path.exists() else None
    named = find() if environ.get("BP_PYTHON") else None  # raises LaunchError if it names no supported Python
    action, why = venv_decision(venv.exists(), have, named[0].version if named else None)
    if action == "keep" and have is not None:
        return have
    base, chosen = named or find()
    make_venv(base, chosen, venv, why if action == "remake" else None)
    made = probe([str(python_path)])
    if made is None:
        raise LaunchError(f"the new .venv has no working Python at {python_path}")
    return made


def ensure_installed(root: Path, python: Python, extras: str, ci: bool,
                     run: Callable[..., subprocess.CompletedProcess] = subprocess.run) -> str:
    """Runs pip (with ``run``) unless the stamp says the install is up to date; returns what was done (side
    effects: pip, the stamp)."""
    stamp = root / VENV / STAMP
    wanted = stamp_text((root / "pyproject.toml").read_bytes(), (root / "constraints.txt").read_bytes(),
                        python.full, extras)
    if not install_needed(read_stamp(stamp), wanted):
        return "install up to date (skipped pip)"
    say(*install_messages(extras, count_pins((root / "constraints.txt").read_text(encoding="utf-8"))))
    if stamp.exists():
        stamp.unlink()
    done = run(pip_command(python.executable, extras, ci), cwd=str(root))
    if done.returncode != 0:
        raise LaunchError(f"pip install failed (exit {done.returncode}); its messages above say why. "
                          "Run the same command again once that is fixed.")
    stamp.write_text(wanted + "\n", encoding="utf-8")
    return f"installed -e '{install_spec(extras)}'"


def copy_overrides(root: Path) -> None:
    """Copies .jupyter-overrides.json into the venv's JupyterLab settings (side effect: writes a file)."""
    target = Path(overrides_target(root / VENV))
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(root / OVERRIDES, target)


def setup(root: Path, extras: str, environ: Mapping[str, str],
          find: Callable[[], tuple[Python, str]]) -> tuple[Python, str]:
    """.venv made and installed for ``extras``, settings copied: (the venv's Python, what was done)."""
    python = ensure_venv(root, environ, find)
    note = ensure_installed(root, python, extras, ci=bool(environ.get("CI")))
    copy_overrides(root)
    return python, note


def is_root() -> bool:
    """Whether this process runs as root on a POSIX system."""
    return os.name == "posix" and hasattr(os, "geteuid") and os.geteuid() == 0


def sudo_ok() -> bool:
    """Whether password-less sudo works (side effect: runs ``sudo -n true``)."""
    if shutil.which("sudo") is None:
        return False
    return subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0


def chromium_present() -> bool:
    """Whether Debian's chromium is where the browser tests look for it (side effect: looks at a file)."""
    return os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)


def prepare_chromium() -> str:
    """Installs Debian's chromium with apt-get where possible (Linux, root or password-less sudo) and returns
    browser_messages' note, after printing its lines (side effects)."""
    on_linux = sys.platform.startswith("linux")
    plan = browser_plan(sys.platform, chromium_present(), is_root(), on_linux and not is_root() and sudo_ok(),
                        on_linux and shutil.which("apt-get") is not None)
    if plan in ("apt", "sudo-apt"):
        sudo = ["sudo"] if plan == "sudo-apt" else []
        say(f"test: {CHROMIUM} is missing; installing Debian's chromium{' with sudo' if sudo else ''} (about 480 MB)")
        if (subprocess.run([*sudo, "apt-get", "update"]).returncode != 0
                or subprocess.run([*sudo, *APT_CHROMIUM]).returncode != 0):
            say("test: apt-get could not install chromium", err=True)
        plan = "ready" if chromium_present() else "skip"
    note, lines = browser_messages(plan)
    say(*lines, err=True)
    return note


def hand_over(command: Sequence[str], cwd: Path) -> int:
    """Runs ``command`` in ``cwd`` in place of this process (POSIX: exec, so signals and the exit status are the
    program's), or as a child whose exit status is returned (Windows, where exec does not replace the process)."""
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == "posix":
        os.chdir(cwd)
        os.execv(command[0], list(command))
    child = subprocess.Popen(list(command), cwd=str(cwd))
    while True:
        try:
            return child.wait()
        except KeyboardInterrupt:  # Ctrl+C reaches the child too; it decides when to stop
            continue


# ---------------------------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------------------------


def run_start(root: Path, extra: Sequence[str], environ: Mapping[str, str],
              find: Callable[[], tuple[Python, str]]) -> int:
    """``start``: set up .venv, then JupyterLab at the first lesson."""
    python, note = setup(root, "", environ, find)
    lesson_exists = (root / LESSON).is_file()
    if not lesson_exists:
        say(f"start: {LESSON} not found; opening JupyterLab at the repository root", err=True)
    say(f"start: {note}; starting JupyterLab with {python.label} (stop it with Ctrl+C)",
        "start: if no browser window opens, copy the http://127.0.0.1:... address JupyterLab prints below into one")
    return hand_over(jupyter_command(python.executable, root, lesson_exists, is_root(), extra), root)


def run_test(root: Path, extra: Sequence[str], environ: Mapping[str, str],
             find: Callable[[], tuple[Python, str]]) -> int:
    """``test``: set up .venv with the [test] extra, say what runs (one line), then pytest."""
    started = time.monotonic()
    python, note = setup(root, "test", environ, find)
    browser = prepare_chromium()
    # One summary line before pytest, so pytest's own summary stays the last line of the output.
    say(f"test: {note} in {int(time.monotonic() - started)} s; {python.label}; {browser}; "
        f"running pytest {' '.join(extra)}".rstrip())
    return hand_over(pytest_command(python.executable, extra), root)


USAGE = """usage: python scripts/launch.py start [jupyter lab options]   (Windows: py scripts\\launch.py start)
       python scripts/launch.py test [pytest arguments]       (Windows: py scripts\\launch.py test)
       python scripts/launch.py --supported | --version-of PYTHON | --find-python"""


def main(argv: Sequence[str] | None = None, root: Path = ROOT,
         environ: Mapping[str, str] | None = None) -> int:
    """Runs one command; returns the exit status (errors are printed as one clear message, not a traceback)."""
    for stream in (sys.stdout, sys.stderr):  # a path in another script must not stop a message (Windows pipes)
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    too_old = too_old_message(sys.version_info)
    if too_old:
        say(too_old, err=True)
        return 1
    environ = os.environ if environ is None else environ
    command, rest = parse_command(sys.argv[1:] if argv is None else argv)
    find = partial(default_find_python, environ)
    try:
        if command == "start":
            return run_start(root, rest, environ, find)
        if command == "test":
            return run_test(root, rest, environ, find)
        if command == "--supported":
            say(" ".join(SUPPORTED))
            return 0
        if command == "--version-of" and len(rest) == 1:
            python = probe(rest)
            if python is None or not python.supported:
                return 1
            say(python.version)
            return 0
        if command == "--find-python":
            python, why = find()
            say(python.executable)
            say(f"launch: {python.label} ({why})", err=True)
            return 0
    except LaunchError as problem:
        say(f"error: {problem}", err=True)
        return 1
    say(USAGE, err=command != "help")
    return 0 if command == "help" else 2


if __name__ == "__main__":
    sys.exit(main())
