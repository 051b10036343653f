"""The notebook runner: every notebook (lessons, solutions, exercises) twice in one kernel, network blocked.

Run as a script (``python tests/notebook_runner.py OUT.json NOTEBOOK...``), possibly inside ``unshare -n`` (a private
network namespace with loopback only) with ``data/`` bind-mounted read-only; it writes what each run printed. The
suite starts it once, in the background, at the start of the session (:class:`Runner`, started by the ``runs``
fixture in ``tests/conftest.py``); the tests that read its results (tests/notebooks/test_notebook_robustness.py) run
last and wait for it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
ALL_NOTEBOOKS = sorted(p for d in ("notebooks", "solutions", "exercises") for p in (ROOT / d).glob("*.ipynb"))
CELL_TIMEOUT = 120
#: How many notebooks the runner executes at once (each in its own kernel).
JOBS = int(os.environ.get("BP_ROBUSTNESS_JOBS", "2"))


class RunnerFailed(RuntimeError):
    """The runner subprocess failed or took too long; the message carries the end of its log."""


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


# ---------------------------------------------------------------------------------------------------------------
# The runner (executed as a script, possibly inside `unshare -n`): every notebook twice in one kernel
# ---------------------------------------------------------------------------------------------------------------


def _printed(cell) -> list[str]:
    """What a code cell showed as text: streams, plain-text results and errors (not images or widget ids)."""
    shown: list[str] = []
    previous_stream = None
    for output in cell.get("outputs", []):
        kind = output.get("output_type")
        if kind == "stream":  # a stream may arrive in pieces: join consecutive pieces of the same stream
            if previous_stream == output.get("name"):
                shown[-1] += output.get("text", "")
            else:
                shown.append(f"{output.get('name')}: {output.get('text', '')}")
            previous_stream = output.get("name")
            continue
        previous_stream = None
        if kind in ("execute_result", "display_data"):
            data = output.get("data", {})
            if "application/vnd.jupyter.widget-view+json" in data:
                shown.append("[widget]")
            else:
                shown.append(str(data.get("text/plain", "")))
        elif kind == "error":
            shown.append(f"error: {output.get('ename')}: {output.get('evalue')}")
    return shown


async def _run_twice(path: Path) -> dict:
    """Execute every cell of the notebook, then every cell again, in one kernel started in the notebook's folder."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    passes = []
    start = time.monotonic()
    try:
        async with client.async_setup_kernel():
            for _ in range(2):
                error, printed = None, {}
                for index, cell in enumerate(notebook.cells):
                    if cell.cell_type != "code":
                        continue
                    try:
                        await client.async_execute_cell(cell, index,
                                                        execution_count=client.code_cells_executed + 1)
                    except Exception as exc:  # CellExecutionError, a timeout, a dead kernel
                        name = getattr(exc, "ename", type(exc).__name__)
                        value = getattr(exc, "evalue", str(exc).strip().splitlines()[-1:] or [""])
                        error = f"cell {index} ({cell.get('id', '?')}): {name}: {value}"
                        break
                    printed[str(index)] = _printed(cell)
                passes.append({"error": error, "printed": printed})
    except Exception as exc:  # the kernel did not start
        passes.append({"error": f"kernel: {type(exc).__name__}: {exc}", "printed": {}})
    return {"passes": passes, "seconds": round(time.monotonic() - start, 1)}


async def _run_all(paths: list[Path], jobs: int) -> dict[str, dict]:
    gate = asyncio.Semaphore(max(1, jobs))

    async def one(path: Path) -> tuple[str, dict]:
        async with gate:
            return _rel(path), await _run_twice(path)

    return dict(await asyncio.gather(*(one(p) for p in paths)))


def _runner_main(argv: list[str]) -> int:
    """``python tests/notebook_runner.py OUT.json NOTEBOOK...``: run each notebook twice, write the results.

    ``data/`` is snapshot before and after the runs; OUT.json appears only when everything is written (renamed into
    place), so a reader never sees half a file.
    """
    out, paths = Path(argv[0]), [Path(a).resolve() for a in argv[1:]]
    interfaces = sorted(name for _, name in socket.if_nameindex())
    data_readonly = bool(os.statvfs(DATA).f_flag & os.ST_RDONLY)
    before = data_snapshot()
    results = asyncio.run(_run_all(paths, JOBS))
    report = {"interfaces": interfaces, "data_readonly": data_readonly, "notebooks": results,
              "data_before": before, "data_after": data_snapshot()}
    partial = out.with_suffix(".partial")
    partial.write_text(json.dumps(report, indent=1), encoding="utf-8")
    partial.replace(out)
    return 0


# ---------------------------------------------------------------------------------------------------------------
# Running the runner: network isolation, data/ snapshot
# ---------------------------------------------------------------------------------------------------------------

# Inside a new network namespace (and mount namespace): bring loopback up (the kernel talks to nbclient over it),
# bind-mount data/ read-only, then run the command. Mounts made here vanish with the namespace.
_ISOLATE_WITH_READONLY_DATA = ('ip link set lo up && mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" '
                               '&& shift && exec "$@"')
_ISOLATE = 'ip link set lo up && shift && exec "$@"'


def isolation_prefix() -> tuple[list[str] | None, str]:
    """The command prefix that blocks the network (and makes data/ read-only when possible), or None and why not."""
    if not hasattr(os, "geteuid"):
        return None, "network isolation needs Linux (unshare -n)"
    missing = [tool for tool in ("unshare", "ip") if shutil.which(tool) is None]
    if missing:
        return None, f"network isolation needs {' and '.join(missing)} (util-linux, iproute2)"
    if os.geteuid() != 0:
        return None, "network isolation needs root: `unshare -n` (a private network namespace) is not permitted"
    probe = [sys.executable, "-c", "import socket; assert [n for _, n in socket.if_nameindex()] == ['lo']"]
    reasons = []
    for flags, script in ((["-n", "-m"], _ISOLATE_WITH_READONLY_DATA), (["-n"], _ISOLATE)):
        prefix = ["unshare", *flags, "sh", "-c", script, "sh", str(DATA)]
        try:
            done = subprocess.run([*prefix, *probe], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as exc:
            reasons.append(f"{' '.join(prefix[:len(flags) + 1])}: {exc}")
            continue
        if done.returncode == 0:
            return prefix, ""
        reasons.append(f"{' '.join(prefix[:len(flags) + 1])}: {(done.stderr.strip() or 'failed')[-300:]}")
    return None, "unshare -n is not permitted here (" + "; ".join(reasons) + ")"


def data_snapshot() -> dict[str, tuple[str, int]]:
    """{relative path: (sha256, mtime in ns)} of every file under data/."""
    snapshot = {}
    for path in sorted(DATA.rglob("*")):
        if path.is_file():
            snapshot[path.relative_to(DATA).as_posix()] = (hashlib.sha256(path.read_bytes()).hexdigest(),
                                                           path.stat().st_mtime_ns)
    return snapshot



@dataclasses.dataclass
class Runs:
    notebooks: dict[str, dict]
    isolated: bool
    data_readonly: bool
    why_not_isolated: str
    data_before: dict
    data_after: dict


class Runner:
    """The runner subprocess, started once in the background by one test process (see tests/conftest.py).

    It works in ``folder``: ``runs.json`` (its results, when done), ``runner.log`` (its output), ``start.json`` (its
    PID and how it was isolated). Any test process reads the results with :func:`read_runs`.
    """

    def __init__(self, folder: Path) -> None:
        prefix, why_not = isolation_prefix()
        out, log_path = folder / "runs.json", folder / "runner.log"
        command = [*(prefix or []), sys.executable, str(Path(__file__).resolve()), str(out), *map(str, ALL_NOTEBOOKS)]
        with open(log_path, "wb") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        start = {"pid": self.process.pid, "isolated": prefix is not None, "why_not": why_not,
                 "readonly_expected": prefix is not None and "-m" in prefix}
        (folder / "start.json").write_text(json.dumps(start), encoding="utf-8")

    def wait(self, timeout: float) -> None:
        """Let the runner finish (another process may be waiting for it); stop it after ``timeout`` seconds."""
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a finished child that nobody has waited for yet is a zombie: not alive
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def read_runs(folder: Path, timeout: float = 3600, poll: float = 0.5) -> Runs:
    """Wait for the runner working in ``folder`` to write its results, and read them."""
    out, log = folder / "runs.json", folder / "runner.log"
    deadline = time.monotonic() + timeout
    while not (folder / "start.json").exists():
        if time.monotonic() > deadline:
            raise RunnerFailed(f"no notebook runner started in {folder}")
        time.sleep(poll)
    start = json.loads((folder / "start.json").read_text(encoding="utf-8"))
    while not out.exists():
        if not _alive(start["pid"]) and not out.exists():
            text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
            raise RunnerFailed(f"the notebook runner stopped without results:\n{text[-4000:]}")
        if time.monotonic() > deadline:
            raise RunnerFailed(f"the notebook runner took more than {timeout:.0f} s")
        time.sleep(poll)
    result = json.loads(out.read_text(encoding="utf-8"))
    isolated = start["isolated"] and result["interfaces"] == ["lo"]
    why_not = start["why_not"]
    if start["isolated"] and not isolated:
        why_not = f"the runner still saw network interfaces {result['interfaces']}"
    readonly = result["data_readonly"] or not start["readonly_expected"]
    snapshot = {name: tuple(value) for name, value in result["data_before"].items()}
    after = {name: tuple(value) for name, value in result["data_after"].items()}
    return Runs(result["notebooks"], isolated, readonly, why_not, snapshot, after)


if __name__ == "__main__":
    raise SystemExit(_runner_main(sys.argv[1:]))
