"""Fixtures for browser tests: a throw-away JupyterLab server and headless Debian Chromium via Playwright.

The server serves a temporary copy of notebooks/ and data/ (same layout as the repository), so running
cells or autosaving in the browser never touches committed notebooks. The helper package is installed
editable, so the kernel imports the repository's code.

One server serves the whole session; the tests are parametrized (``lesson``) over the ``*.ipynb`` files of the
notebook folder at collection time. Each test gets a fresh browser context (``lab_page``); when the test ends, the
context is closed and every session and kernel of the server is shut down, so kernels do not pile up.

Environment variables:
  BP_BROWSER_NOTEBOOK_DIR  folder copied in place of notebooks/ (default: the repository's notebooks/);
                           lets the tests run against stand-in notebooks (every *.ipynb in it becomes a test).
  CI                       when set, a missing chromium or playwright fails the tests instead of skipping.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
SERVER_READY_TIMEOUT = 60
KERNEL_SHUTDOWN_TIMEOUT = 15


def notebook_dir() -> Path:
    """The folder whose notebooks are served and tested: $BP_BROWSER_NOTEBOOK_DIR, else the repository's notebooks/."""
    return Path(os.environ.get("BP_BROWSER_NOTEBOOK_DIR") or ROOT / "notebooks").resolve()


def lesson_notebooks() -> list[str]:
    """File names of the notebooks to test, sorted (what is present when the tests are collected)."""
    folder = notebook_dir()
    return sorted(p.name for p in folder.glob("*.ipynb") if p.is_file()) if folder.is_dir() else []


def pytest_generate_tests(metafunc):
    """A test that takes a ``lesson`` argument runs once per notebook (the argument is its file name), or once
    with ``lesson=None`` when the folder holds no notebook."""
    if "lesson" in metafunc.fixturenames:
        names = lesson_notebooks()
        if names:
            metafunc.parametrize("lesson", names, ids=[Path(n).stem for n in names])
        else:  # one test that fails (a missing or empty folder is a mistake, not a reason to test nothing)
            metafunc.parametrize("lesson", [None], ids=["no-notebooks"])


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


def _skip_or_fail(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, and CI must run the browser tests)", pytrace=False)
    pytest.skip(reason)


class Lab:
    """A running JupyterLab server: base URL, token and JSON access to its REST API."""

    def __init__(self, base_url: str, token: str, root: Path, log: Path, source: Path | None = None):
        self.base_url, self.token, self.root, self.log = base_url, token, root, log
        self.source = source  # the folder that root/notebooks was copied from

    def url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.base_url}{path}{sep}token={self.token}"

    def api(self, path: str, method: str = "GET"):
        """JSON answer of the REST API (None for an empty answer, e.g. the 204 of a DELETE)."""
        req = urllib.request.Request(
            f"{self.base_url}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self, timeout: float = KERNEL_SHUTDOWN_TIMEOUT) -> list[str]:
        """Delete every session (which shuts its kernel down), then any kernel left; wait until none is listed.
        Returns the ids of kernels still listed after ``timeout`` (empty when all are gone)."""
        for kind in ("sessions", "kernels"):
            for item in self.api(f"/api/{kind}"):
                try:
                    self.api(f"/api/{kind}/{item['id']}", method="DELETE")
                except urllib.error.HTTPError as exc:
                    if exc.code != 404:  # 404: already gone (a session's kernel, deleted with the session)
                        raise
        deadline = time.monotonic() + timeout
        while (left := [k["id"] for k in self.api("/api/kernels")]) and time.monotonic() < deadline:
            time.sleep(0.2)
        return left

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return "(no server log)"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _user_settings(settings_dir: Path):
    """The repository's JupyterLab overrides as user settings of this server (in case test.sh did not copy
    them into the environment): no news pop-up, no update check, off-screen cells rendered."""
    overrides = json.loads((ROOT / ".jupyter-overrides.json").read_text(encoding="utf-8"))
    for plugin_id, values in overrides.items():
        package, plugin = plugin_id.split(":")
        target = settings_dir / package / f"{plugin}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """Start JupyterLab on 127.0.0.1 (free port, random token) over a temporary copy of notebooks/ (every file in
    it, checkpoints left out) and data/."""
    notebooks = notebook_dir()
    if not notebooks.is_dir():
        pytest.fail(f"notebook folder {notebooks} does not exist (BP_BROWSER_NOTEBOOK_DIR?)", pytrace=False)
    tmp = tmp_path_factory.mktemp("lab")
    served = tmp / "repo"
    shutil.copytree(notebooks, served / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    if (ROOT / "data").is_dir():
        shutil.copytree(ROOT / "data", served / "data")
    home = tmp / "jupyter-home"
    _user_settings(home / "lab-user-settings")
    env = dict(
        os.environ,
        # Keep the developer's own Jupyter config, workspaces and settings out of the test.
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(home / "lab-user-settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
        IPYTHONDIR=str(home / "ipython"),
    )
    port, token = _free_port(), secrets.token_hex(16)
    log = tmp / "jupyter-lab.log"
    cmd = [
        sys.executable, "-m", "jupyterlab",
        "--allow-root", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        f"--IdentityProvider.token={token}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
        f"--ServerApp.root_dir={served}",
    ]  # fmt: skip
    with open(log, "wb") as log_file:
        proc = subprocess.Popen(
            cmd, cwd=served, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = Lab(f"http://127.0.0.1:{port}", token, served, log, source=notebooks)
    try:
        deadline = time.monotonic() + SERVER_READY_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"jupyter lab exited with {proc.returncode}:\n{server.log_tail()}", pytrace=False)
            try:
                server.api("/api/status")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"jupyter lab not ready after {SERVER_READY_TIMEOUT} s:\n{server.log_tail()}",
                        pytrace=False,
                    )
                time.sleep(0.3)
        yield server
    finally:
        # The kernels are the server's children, in its process group: end them all.
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                proc.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (never a Playwright-downloaded browser)."""
    if not CHROMIUM.exists():
        _skip_or_fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _skip_or_fail("playwright is not installed: pip install -c constraints.txt -e '.[test]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def lab_page(browser, lab):
    """A page in a fresh browser context. Afterwards the context (and so the notebook tab) is closed first, then
    every session and kernel of the server is shut down: the next test starts with no kernel running."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        yield context.new_page()
    finally:
        context.close()
        left = lab.shutdown_kernels()
        if left:
            warnings.warn(f"kernels still running {KERNEL_SHUTDOWN_TIMEOUT} s after shutdown: {left}", stacklevel=1)
