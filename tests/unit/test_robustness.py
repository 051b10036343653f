"""Robustness gates: whatever a student does, the series keeps working.

* Every notebook (lessons, solutions, exercises) runs twice in one kernel without an error (all cells, then all
  cells again, as a student who presses "Run All" twice), and the second run prints what the first printed.
* Every notebook runs with the network blocked: as root, the runs happen under ``unshare -n`` (a private network
  namespace with loopback only: the kernel works, the internet does not). Elsewhere that test is skipped, saying
  why, except under ``CI=true``, where it fails.
* Nothing a notebook does writes into ``data/``: sha256 and modification time of every file there are the same
  before and after the runs (under ``unshare``, ``data/`` is also bind-mounted read-only, so a write fails where
  it happens).
* ``check(...)`` survives a fuzz of bad answers for every question of the real answer key: a short, friendly
  message, never an exception.
* Every explorer survives each of its controls swept over all its values, and empty selections (every checkbox
  off): its Output always shows a figure or a message.

The notebook runs happen once, in one subprocess (this file run as a script) that executes two notebooks at a time,
each in its own kernel kept alive for both runs. It starts with the first test of this module and works in the
background while the fuzz and explorer tests run; the notebook tests at the end wait for it.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import datetime
import decimal
import functools
import hashlib
import importlib
import json
import math
import os
import pkgutil
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hostile_answers import EqRaises, FloatRaises, LenRaises, ReprRaises

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
ALL_NOTEBOOKS = sorted(p for d in ("notebooks", "solutions", "exercises") for p in (ROOT / d).glob("*.ipynb"))
CELL_TIMEOUT = 120
#: How many notebooks the runner executes at once (each in its own kernel).
JOBS = int(os.environ.get("BP_ROBUSTNESS_JOBS", "2"))


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
    """``python tests/test_robustness.py OUT.json NOTEBOOK...``: run each notebook twice, write the results."""
    out, paths = Path(argv[0]), [Path(a).resolve() for a in argv[1:]]
    interfaces = sorted(name for _, name in socket.if_nameindex())
    data_readonly = bool(os.statvfs(DATA).f_flag & os.ST_RDONLY)
    results = asyncio.run(_run_all(paths, JOBS))
    out.write_text(json.dumps({"interfaces": interfaces, "data_readonly": data_readonly, "notebooks": results},
                              indent=1), encoding="utf-8")
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


# ---------------------------------------------------------------------------------------------------------------
# check(...) against the real answer key: a fuzz of bad answers
# ---------------------------------------------------------------------------------------------------------------

MARKERS = ("Correct", "Thanks", "Not answered yet", "Wrong type", "Close, but not quite", "Not quite",
           "Unknown question", "Sorry, the checker")










class FrameWithBadRepr(pd.DataFrame):
    def __repr__(self) -> str:
        raise RuntimeError("no repr")


def generic_bad_answers() -> list[object]:
    """Answers no question accepts: wrong types, NaN, huge numbers, odd shapes, objects that misbehave."""
    return [
        math.nan, np.nan, math.inf, -math.inf, 10**400, -(10**400), 1e308 * 10, np.float64(1e308), -0.0,
        True, False, np.bool_(True), 1 + 2j, decimal.Decimal("NaN"), datetime.date(2014, 1, 1),
        "", "banana", "0.45", "45%", "(z)", "x" * 10_000, "\x00\n\t", "🙂",
        [], [1, 2, 3], [None], [[1, 2], [3]], {}, {"share": 0.45}, set(), (0.45,), b"0.45", range(3),
        np.array([]), np.array([0.45, 0.55]), np.array([[1, 2], [3, 4]]), np.zeros((2, 0, 3)), np.array(["a", "b"]),
        np.array(None, dtype=object), np.array([ReprRaises()], dtype=object), np.datetime64("2014-01-01"),
        pd.Series(dtype=float), pd.Series([1, 2, 3]), pd.Series(["a"]), pd.Series([np.nan] * 3),
        pd.Series([ReprRaises(), EqRaises()]),
        pd.DataFrame(), pd.DataFrame({"wrong": [1, 2, 3]}), pd.DataFrame({"a": ["x"], "b": [None]}),
        pd.DataFrame({"value": [EqRaises()] * 3}), pd.DataFrame([[1, 2]], columns=["a", "a"]),
        pd.DataFrame([[1, 2], [3, 4]], columns=pd.MultiIndex.from_tuples([("a", "b"), ("c", "d")])),
        FrameWithBadRepr({"wrong": [1.0]}), pd.NA, pd.NaT,
        ReprRaises(), EqRaises(), FloatRaises(), LenRaises(), object(), int, pd.DataFrame, ReprRaises,
        lambda: 0.45, (x for x in range(3)), math, print,
    ]


def tailored_bad_answers(question, expected: object) -> list[object]:
    """Near misses built from the expected answer: wrong shapes, types and columns of the right data."""
    answers: list[object] = []
    if isinstance(expected, pd.DataFrame):
        answers += [
            expected.rename(columns=lambda c: f"wrong_{c}"), expected.iloc[:1], expected.iloc[:0], expected.T,
            expected.to_numpy(), expected.to_dict(), expected.astype(str), expected.reset_index(),
            expected.iloc[::-1], pd.concat([expected, expected]), expected.map(lambda _: np.nan),
            expected.iloc[:, :1], expected.assign(extra_column=1),
        ]
    elif isinstance(expected, pd.Series):
        answers += [
            expected.to_frame(), expected.iloc[:1], expected.iloc[:0], expected.astype(str), expected.reset_index(),
            expected.to_list(), expected.to_numpy(), pd.concat([expected, expected]), expected * 100,
            expected.iloc[::-1], expected.map(lambda _: np.nan), expected.to_dict(),
        ]
    elif isinstance(expected, str):
        answers += [expected + "x", expected * 3, [expected], {expected}, pd.Series([expected] * 2),
                    expected.encode(), f"({expected})(", np.array([expected, expected])]
        options = getattr(question, "options", None)
        if options:
            answers += [options.get(expected, ""), list(options), "".join(options), options]
    elif isinstance(expected, (int, float, np.number)):
        answers += [str(expected), f"{expected}%", [expected], (expected, expected), {expected: expected},
                    np.array([expected, expected]), pd.Series([expected] * 3), pd.DataFrame({"value": [expected]}),
                    float(expected) * 1e308, -float(expected) * 1e308, complex(float(expected), 1),
                    float(expected) + 0.5, int(round(float(expected))) + 10**30]
    else:  # text questions: no expected value
        answers += [["many", "words"] * 20, b"bytes " * 20, 42, pd.Series(["a b c d e f g h"] * 3),
                    " ".join(["word"] * 2)]
    return answers


def _cached(func: Callable[[], object]) -> Callable[[], object]:
    """The answer key's callable, computed once; each call gets a deep copy (grading may not mutate it)."""
    value = func()
    return lambda: copy.deepcopy(value)


@pytest.fixture(scope="module")
def real_answer_key():
    """Every registered question of the real answer key, with its expected answer computed once."""
    from betweenpowers import checks

    importlib.import_module(checks.ANSWER_KEY_MODULE)
    ids = checks.registered_ids()
    questions = {}
    for qid in ids:
        question = checks.get_question(qid)
        if callable(getattr(question, "expected", None)):
            question = dataclasses.replace(question, expected=_cached(question.expected))
        questions[qid] = question
    return questions


def test_the_real_answer_key_has_questions_for_every_lesson(real_answer_key):
    lessons = {p.name[:2] for p in (ROOT / "notebooks").glob("*.ipynb")}
    covered = {qid.split(".")[0] for qid in real_answer_key}
    assert lessons <= covered, f"lessons without registered questions: {sorted(lessons - covered)}"


def _question_ids() -> list[str]:
    from betweenpowers import checks

    return checks.registered_ids()


@pytest.mark.parametrize("qid", _question_ids())
def test_check_survives_bad_answers_to_every_real_question(real_answer_key, monkeypatch, capsys, qid):
    from betweenpowers import checks

    monkeypatch.setattr(checks, "_REGISTRY", dict(real_answer_key))
    monkeypatch.setattr(checks, "_answer_key_loaded", True)
    question = real_answer_key[qid]
    expected = question.expected() if callable(getattr(question, "expected", None)) else None
    generic = generic_bad_answers()
    for index, answer in enumerate(generic + tailored_bad_answers(question, expected)):
        label = f"{qid}: {'generic' if index < len(generic) else 'tailored'} answer #{index} ({type(answer).__name__})"
        try:
            checks.check(qid, answer)
        except BaseException as exc:  # the point of the test: nothing may escape
            pytest.fail(f"{label}: check raised {type(exc).__name__}: {exc}")
        out = capsys.readouterr()
        assert out.out.strip(), f"{label}: printed nothing"
        assert out.out.startswith(MARKERS), f"{label}: {out.out!r}"
        assert len(out.out.strip().splitlines()) <= 2 and len(out.out) < 800, f"{label}: too long: {out.out!r}"
        assert "Traceback" not in out.out + out.err, f"{label}: {out.out!r} {out.err!r}"
        if index < len(generic):
            outcome = checks.evaluate(qid, answer).outcome
            assert outcome is not checks.Outcome.CORRECT, f"{label}: a bad answer was accepted"


# ---------------------------------------------------------------------------------------------------------------
# Explorers: every control over all its values, empty selections
# ---------------------------------------------------------------------------------------------------------------


@functools.cache
def _table(name: str) -> pd.DataFrame:
    from betweenpowers import data

    return getattr(data, f"load_{name}")()


def _votes_table() -> pd.DataFrame:
    from betweenpowers import data
    from betweenpowers.measures.issues import agreement_table
    from betweenpowers.widgets.votes import COMPARISON_COUNTRIES

    return agreement_table(data.load_unga_votes(), data.load_unga_roll_calls(), COMPARISON_COUNTRIES)


def _claims_tables() -> dict[str, pd.DataFrame]:
    from betweenpowers.widgets.claims import TABLE_NAMES

    return {key: _table(loader.removeprefix("load_")) for key, loader in TABLE_NAMES.items()}


# How each lesson builds its explorer (the cell that calls it, and the tables loaded before it).
EXPLORER_ARGS: dict[str, Callable[[], tuple]] = {
    "agreement_explorer": lambda: (_table("unga_agreement_yearly"),),  # 00: agreement_explorer(agreement)
    "events_explorer": lambda: (_table("diplomatic_events"),),  # 01: events_explorer(events)
    "trade_explorer": lambda: (_table("trade_dots"),),  # 02: trade_explorer(trade)
    "votes_explorer": lambda: (_votes_table(),),  # 03: votes_explorer(table), table = agreement_table(...)
    "scorecard_explorer": lambda: (_table("trade_dots"), _table("unga_agreement_yearly"),
                                   _table("arms_transfers_sipri"), _table("fdi_page_figures")),  # 04
    "eras_explorer": lambda: (_table("diplomatic_events"),),  # 05: eras_explorer(events)
    "neighbours_explorer": lambda: (_table("trade_dots"), _table("unga_agreement_yearly"),
                                    _table("diplomatic_events")),  # 06
    "exposure_explorer": lambda: (_table("trade_dots"), _table("macro_kaz_annual")),  # 07
    "claims_explorer": lambda: (_claims_tables(),),  # 08: claims_explorer(tables)
}


def explorer_functions() -> dict[str, Callable]:
    """Every ``*_explorer`` function defined in a module of betweenpowers.widgets."""
    import betweenpowers.widgets as package

    found = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for name, obj in vars(module).items():
            if name.endswith("_explorer") and callable(obj) and getattr(obj, "__module__", "") == module.__name__:
                found[name] = obj
    return found


def test_every_explorer_is_covered_here_and_has_a_grid_test():
    functions = explorer_functions()
    assert set(functions) == set(EXPLORER_ARGS), (
        f"explorers without a way to build them in EXPLORER_ARGS: {sorted(set(functions) - set(EXPLORER_ARGS))}; "
        f"stale entries: {sorted(set(EXPLORER_ARGS) - set(functions))}")
    called = set()
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        called |= set(re.findall(r"\b(\w+_explorer)\(", path.read_text(encoding="utf-8")))
    assert called <= set(functions), f"lessons call unknown explorers: {sorted(called - set(functions))}"
    for name, function in functions.items():
        topic = function.__module__.rsplit(".", 1)[-1]
        test_file = ROOT / "tests" / f"test_widgets_{topic}.py"
        assert test_file.exists(), f"{name}: no tests/test_widgets_{topic}.py"
        text = test_file.read_text(encoding="utf-8")
        assert re.search(r"def test_\w*grid\w*\(", text), f"{test_file.name}: no test over the parameter grid"
        assert f"{name}(" in text, f"{test_file.name}: does not build {name}"


def _walk(widget) -> Iterator:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def shown(output) -> str:
    """'figure' or 'message' for what an explorer's Output shows; fails on anything else."""
    outputs = list(output.outputs)
    assert len(outputs) == 1, f"the Output holds {len(outputs)} outputs: {outputs!r:.300}"
    item = outputs[0]
    if item.get("output_type") == "stream":
        assert item.get("name") == "stdout" and item.get("text", "").strip(), f"not a message: {item!r:.300}"
        return "message"
    data = item.get("data", {})
    assert item.get("output_type") == "display_data" and "image/png" in data, f"not a figure: {item!r:.300}"
    assert item.get("metadata", {}).get("image/png", {}).get("alt", "").strip(), "a figure without alt text"
    return "figure"


def _control_name(control) -> str:
    return f"{type(control).__name__} {getattr(control, 'description', '') or '?'!r}"


def sweep_explorer(explorer) -> list[tuple[str, str]]:
    """Drive every control of an explorer; return (step, what was shown) for each step.

    From the default state: each dropdown through all its options (a dropdown whose options change with another
    one is swept through its new options each time), each slider to its minimum and maximum (range sliders: both
    ends at the minimum, at the maximum, then the full range), each restored afterwards. Then every checkbox off,
    one by one; when that leaves an empty selection (a message), the same sweep again. (Where the checkboxes are
    options rather than a selection, their combinations with the other controls are the business of the grid
    tests in tests/test_widgets_<topic>.py.)
    """
    from ipywidgets import Checkbox, Dropdown, FloatRangeSlider, FloatSlider, IntRangeSlider, IntSlider, Output

    widgets = list(_walk(explorer))
    outputs = [w for w in widgets if isinstance(w, Output)]
    assert len(outputs) == 1, f"expected one Output, found {len(outputs)}"
    output = outputs[0]
    boxes = [w for w in widgets if isinstance(w, Checkbox)]
    dropdowns = [w for w in widgets if isinstance(w, Dropdown)]
    sliders = [w for w in widgets if isinstance(w, (IntSlider, FloatSlider))]
    ranges = [w for w in widgets if isinstance(w, (IntRangeSlider, FloatRangeSlider))]
    steps: list[tuple[str, str]] = []

    def step(what: str, control, value) -> None:
        label = f"{_control_name(control)} = {value!r}"
        try:
            setattr(control, what, value)
        except Exception as exc:
            pytest.fail(f"{label} raised {type(exc).__name__}: {exc}")
        try:
            steps.append((label, shown(output)))
        except AssertionError as exc:
            pytest.fail(f"after {label}: {exc}")

    def sweep_dropdown(dropdown) -> None:
        start = dropdown.index
        for index in range(len(dropdown.options)):
            others = {id(d): tuple(d.options) for d in dropdowns if d is not dropdown}
            step("index", dropdown, index)
            for other in dropdowns:
                if other is not dropdown and tuple(other.options) != others[id(other)]:
                    for other_index in range(len(other.options)):
                        step("index", other, other_index)
        if start is not None and dropdown.index != start:
            step("index", dropdown, start)

    def sweep_controls() -> None:
        for dropdown in dropdowns:
            sweep_dropdown(dropdown)
        for slider in sliders:
            start = slider.value
            for value in (slider.min, slider.max, start):
                step("value", slider, value)
        for slider in ranges:
            start = slider.value
            low, high = slider.min, slider.max
            for value in ((low, low), (high, high), (low, high), start):
                step("value", slider, value)

    steps.append(("built", shown(output)))
    sweep_controls()
    for box in boxes:
        step("value", box, False)
    if boxes and steps[-1][1] == "message":  # an empty selection: every other control must cope with it too
        sweep_controls()
    for box in boxes:
        step("value", box, True)
    return steps


@pytest.mark.parametrize("name", sorted(EXPLORER_ARGS))
def test_explorer_survives_every_control_and_empty_selections(name):
    function = explorer_functions()[name]
    steps = sweep_explorer(function(*EXPLORER_ARGS[name]()))
    assert len(steps) > 5, f"{name}: only {len(steps)} steps: does it have controls?"
    assert ("built", "figure") == steps[0], f"{name}: the default view is not a figure"


def test_sweep_catches_an_explorer_that_breaks():
    """The sweep fails on an explorer whose Output is left empty, and on one whose redraw raises."""
    import ipywidgets as widgets

    def broken_explorer(fail_on: str) -> widgets.VBox:
        dropdown = widgets.Dropdown(options=["ok", "bad"], value="ok")
        output = widgets.Output()

        def redraw(_change: object = None) -> None:
            output.outputs = ()
            if dropdown.value == "bad" and fail_on == "raise":
                raise ValueError("boom")
            if dropdown.value == "ok" or fail_on != "empty":
                output.append_stdout("a message\n")

        dropdown.observe(redraw, names="value")
        redraw()
        return widgets.VBox([dropdown, output])

    for mode in ("raise", "empty"):
        with pytest.raises(pytest.fail.Exception):
            sweep_explorer(broken_explorer(mode))


# ---------------------------------------------------------------------------------------------------------------
# Notebooks: twice in one kernel, network blocked, data/ untouched (the runner works in the background while the
# tests above run; these tests wait for it)
# ---------------------------------------------------------------------------------------------------------------


@dataclasses.dataclass
class Runs:
    notebooks: dict[str, dict]
    isolated: bool
    data_readonly: bool
    why_not_isolated: str
    data_before: dict
    data_after: dict


class Runner:
    """The runner subprocess: started once, in the background, by the first test of this module that needs it."""

    def __init__(self, folder: Path) -> None:
        self.prefix, self.why_not = isolation_prefix()
        self.readonly_expected = self.prefix is not None and "-m" in self.prefix
        self.out, self.log = folder / "runs.json", folder / "runner.log"
        self.data_before = data_snapshot()
        command = [*(self.prefix or []), sys.executable, str(Path(__file__).resolve()), str(self.out),
                   *map(str, ALL_NOTEBOOKS)]
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)

    def result(self) -> Runs:
        try:
            code = self.process.wait(timeout=3600)
        except subprocess.TimeoutExpired:
            self.stop()
            pytest.fail("the notebook runner took more than an hour")
        data_after = data_snapshot()
        if code != 0 or not self.out.exists():
            log = self.log.read_text(encoding="utf-8", errors="replace")
            pytest.fail(f"the notebook runner failed (exit {code}):\n{log[-4000:]}")
        result = json.loads(self.out.read_text(encoding="utf-8"))
        isolated = self.prefix is not None and result["interfaces"] == ["lo"]
        why_not = self.why_not
        if self.prefix is not None and not isolated:
            why_not = f"the runner still saw network interfaces {result['interfaces']}"
        readonly = result["data_readonly"] or not self.readonly_expected
        return Runs(result["notebooks"], isolated, readonly, why_not, self.data_before, data_after)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="module", autouse=True)
def _runner(request, tmp_path_factory) -> Iterator[Runner | None]:
    """Start the runner at the start of this module if any selected test needs its results."""
    needed = any("runs" in getattr(item, "fixturenames", ()) and getattr(item, "module", None) is request.module
                 for item in request.session.items)
    runner = Runner(tmp_path_factory.mktemp("robustness")) if needed else None
    yield runner
    if runner is not None:
        runner.stop()


@pytest.fixture(scope="module")
def runs(_runner: Runner | None) -> Runs:
    assert _runner is not None, "the runner was not started"
    return _runner.result()


NOTEBOOK_IDS = [_rel(p) for p in ALL_NOTEBOOKS]


@pytest.mark.parametrize("name", NOTEBOOK_IDS)
def test_notebook_runs_twice_in_one_kernel(runs, name):
    passes = runs.notebooks[name]["passes"]
    assert passes[0]["error"] is None, f"{name}, first run: {passes[0]['error']}"
    assert len(passes) == 2 and passes[1]["error"] is None, f"{name}, second run in the same kernel: " \
                                                            f"{passes[-1]['error']}"


@pytest.mark.parametrize("name", NOTEBOOK_IDS)
def test_second_run_prints_what_the_first_printed(runs, name):
    """Re-running a cell must not change a result (e.g. a column scaled in place twice)."""
    passes = runs.notebooks[name]["passes"]
    if len(passes) < 2 or passes[0]["error"] or passes[1]["error"]:
        pytest.skip("the notebook did not run twice (see test_notebook_runs_twice_in_one_kernel)")
    first, second = passes[0]["printed"], passes[1]["printed"]
    changed = [index for index in first if first[index] != second.get(index)]
    details = [f"cell {i}:\n  first:  {first[i]!r:.300}\n  second: {second.get(i)!r:.300}" for i in changed[:3]]
    assert not changed, f"{name}: the second run showed something else in cell(s) {changed}:\n" + "\n".join(details)


@pytest.mark.parametrize("name", NOTEBOOK_IDS)
def test_notebook_runs_with_the_network_blocked(runs, name):
    if not runs.isolated:
        message = f"could not block the network: {runs.why_not_isolated}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message} (CI=true: this gate must run in CI; run the tests as root)")
        pytest.skip(message)
    error = runs.notebooks[name]["passes"][0]["error"]
    assert error is None, f"{name} failed without network access: {error}"


def test_notebooks_do_not_write_into_data(runs):
    before, after = runs.data_before, runs.data_after
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(name for name in set(before) & set(after) if before[name] != after[name])
    assert not (added or removed or changed), (
        f"running the notebooks changed data/: added {added}, removed {removed}, changed {changed}")
    if runs.isolated:
        assert runs.data_readonly, "data/ was not read-only inside the isolated run"


def test_data_snapshot_sees_a_write(tmp_path, monkeypatch):
    """The snapshot catches a changed file, even one rewritten with the same bytes (its mtime moves)."""
    monkeypatch.setattr(sys.modules[__name__], "DATA", tmp_path)
    (tmp_path / "table.csv").write_text("a\n1\n")
    before = data_snapshot()
    os.utime(tmp_path / "table.csv", ns=(0, 0))
    assert data_snapshot() != before
    (tmp_path / "new.csv").write_text("b\n")
    assert "new.csv" in data_snapshot()


if __name__ == "__main__":
    raise SystemExit(_runner_main(sys.argv[1:]))
