"""Benchmark of the series: prints figures against the performance targets (a command, not a timed test).

    .venv/bin/python scripts/benchmark.py                    # notebooks, explorers, import + loading
    .venv/bin/python scripts/benchmark.py --suite            # also the test suite, without and with browser tests
    .venv/bin/python scripts/benchmark.py --only explorers --redraws 30
    .venv/bin/python scripts/benchmark.py --only notebooks --repeat 1 --match 00_
    .venv/bin/python scripts/benchmark.py --json after.json     # save every measurement ...
    .venv/bin/python scripts/benchmark.py --compare before.json after.json   # ... and print before/after tables

What is measured (docs/performance.md records the results and the method):

* notebooks (lessons, solutions, exercises): wall time of a fresh kernel executing the notebook with nbclient,
  nothing written, kernel start and shutdown included; next to it the *floor* measured in the same run: a fresh
  kernel executing only the notebook's import statements (the top-level ``import`` and ``from ... import``
  statements of its code cells, in order), started and shut down the same way; and their ratio. Floor and full
  run alternate, notebook by notebook, after one untimed warm-up run. Target: the whole series within 1.3x its
  floor.
* explorers: each registered explorer is built in this process as the lesson builds it; its first Checkbox or
  Dropdown (the browser tests' control) is changed back and forth, and each change is timed end to end: the
  ``observe`` callback, the view, the figure, the PNG and the Output update. Next to it the *bare draw*: the same
  figure (the same figure function on the same view, captured during the redraws, so the same artists, title,
  labels, legend, source line, size and layout engine) drawn to PNG by a plain ``fig.savefig`` instead of the
  series' :func:`betweenpowers.plots.render`; no widget, no Output, no alt text. For scale, a third column
  draws the same figure with its layout engine removed (matplotlib's default fixed margins): what constrained
  layout costs. Targets: every redraw within 1.5x the bare draw and under 150 ms (medians).
* ``import betweenpowers`` and loading every table, two ways, each in a fresh interpreter per run: the whole
  (Python start, pandas, the package and its 15 tables, wall time seen from outside, with Python's start and
  ``import pandas`` alone beside it for scale), and the package's own part (timed inside an interpreter that
  has already imported pandas, as every lesson does in its first line). Target: under 0.3 s.
* ``--suite``: wall time of ``pytest`` without (``-m "not browser"``) and with the browser tests.

Runs are sequential (the machine has 2 cores); medians of ``--repeat`` runs are reported.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
FOLDERS = ("notebooks", "solutions", "exercises")

NOTEBOOK_TARGET = 1.3
REDRAW_RATIO_TARGET = 1.5
REDRAW_MS_TARGET = 150.0
IMPORT_TARGET_S = 0.3

IMPORT_AND_LOAD = ("import betweenpowers\n"
                   "from betweenpowers import data\n"
                   "for name in data.table_names():\n"
                   "    data.load_table(name)\n")
OWN_PART = ("import time\n"
            "import pandas\n"
            "start = time.perf_counter()\n"
            + IMPORT_AND_LOAD +
            "print(time.perf_counter() - start)\n")


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


# -- notebooks -------------------------------------------------------------------------------------------------
def floor_source(notebook) -> str:
    """The notebook's import statements, in order (top-level statements of its code cells)."""
    lines = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                lines.append(ast.get_source_segment(cell.source, node))
    return "\n".join(lines) + "\n"


def run_notebook(notebook, folder: Path) -> tuple[float, str]:
    """Wall time of one execution in a fresh kernel (start, all cells, shutdown); outputs stay in memory."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    client = NotebookClient(notebook, timeout=300, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(folder)}})
    start = time.perf_counter()
    error = ""
    try:
        client.execute(stderr=subprocess.DEVNULL)  # the kernel's own start-up warnings
    except CellExecutionError as exc:
        error = str(exc).strip().splitlines()[-1][:80]
    return time.perf_counter() - start, error


def bench_notebooks(repeat: int, match: str) -> dict:
    import nbformat

    paths = [p for folder in FOLDERS for p in sorted((ROOT / folder).glob("*.ipynb")) if match in str(p)]
    rows = []
    print(f"\n## Notebooks: fresh kernel, nbclient, no output written; median of {repeat} run(s)\n")
    print(f"{'notebook':42} {'run s':>7} {'floor s':>8} {'ratio':>6}")
    if paths:  # one untimed run: file caches and the kernel's first start are not counted against anyone
        run_notebook(nbformat.read(paths[0], as_version=4), paths[0].parent)
    for path in paths:
        original = nbformat.read(path, as_version=4)
        floor_nb = nbformat.v4.new_notebook()
        floor_nb.cells = [nbformat.v4.new_code_cell(floor_source(original))]
        runs, floors, errors = [], [], set()
        for _ in range(repeat):
            seconds, _error = run_notebook(nbformat.from_dict(floor_nb), path.parent)
            floors.append(seconds)
            seconds, error = run_notebook(nbformat.read(path, as_version=4), path.parent)
            runs.append(seconds)
            if error:
                errors.add(error)
        row = {"notebook": str(path.relative_to(ROOT)), "run": median(runs), "floor": median(floors),
               "runs": runs, "floors": floors, "errors": sorted(errors)}
        rows.append(row)
        note = f"  ERROR: {'; '.join(errors)}" if errors else ""
        print(f"{row['notebook']:42} {row['run']:7.2f} {row['floor']:8.2f} {row['run'] / row['floor']:6.2f}{note}",
              flush=True)
    for folder in FOLDERS:
        part = [r for r in rows if r["notebook"].startswith(folder + "/")]
        if part:
            run, floor = sum(r["run"] for r in part), sum(r["floor"] for r in part)
            print(f"{'total ' + folder:42} {run:7.1f} {floor:8.1f} {run / floor:6.2f}")
    run, floor = sum(r["run"] for r in rows), sum(r["floor"] for r in rows)
    ratio = run / floor if floor else float("nan")
    print(f"{'whole series':42} {run:7.1f} {floor:8.1f} {ratio:6.2f}   target <= {NOTEBOOK_TARGET}: "
          f"{mark(ratio <= NOTEBOOK_TARGET)}")
    return {"rows": rows, "run": run, "floor": floor, "ratio": ratio}


# -- explorers (built from the one registry, betweenpowers.explorers) ------------------------------------------
def first_control(box):
    """The first Checkbox or Dropdown of an explorer, depth first (the control the browser tests change)."""
    import ipywidgets as widgets

    stack = [box]
    while stack:
        widget = stack.pop(0)
        if isinstance(widget, widgets.Checkbox | widgets.Dropdown):
            return widget
        stack = list(getattr(widget, "children", ())) + stack
    raise ValueError("explorer without a Checkbox or Dropdown")


def _other_value(control):
    import ipywidgets as widgets

    if isinstance(control, widgets.Checkbox):
        return not control.value
    values = [option[1] if isinstance(option, tuple) else option for option in control.options]
    index = values.index(control.value)
    return values[(index + 1) % len(values)]


def _plain_png(fig, _alt: str = "") -> bytes:
    """The bare draw: the figure as built, with its layout engine, saved to PNG by matplotlib alone."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)  # matplotlib's own canvas, whatever canvas the series gave the figure
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()


def _fixed_margins_png(fig, _alt: str = "") -> bytes:
    """The same figure with its layout engine removed (matplotlib's default margins): for scale only."""
    fig.set_layout_engine(None)
    return _plain_png(fig)


def _figure_modules(module) -> list:
    """The modules whose ``render`` a figure function may call: the plots module and the explorer's own."""
    from betweenpowers import plots

    return [plots, module] if hasattr(module, "render") else [plots]


@contextlib.contextmanager
def _patched(module, replacements: dict) -> Iterator[None]:
    saved = {name: getattr(module, name) for name in replacements if hasattr(module, name)}
    for name, value in replacements.items():
        if name in saved:
            setattr(module, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(module, name, value)


def bench_explorer(explorer, redraws: int) -> dict:
    """Time one registered explorer (a :class:`betweenpowers.explorers.Explorer`)."""
    import importlib
    import warnings

    module = importlib.import_module(explorer.figure.__module__)
    built = time.perf_counter()
    box = explorer.build()
    build_s = time.perf_counter() - built
    control = first_control(box)
    output = box.children[-1]
    values = [_other_value(control), control.value]
    calls: list[tuple[tuple, dict]] = []
    figure_name = explorer.figure.__name__
    real_figure = getattr(module, figure_name)

    def recording(*args, **kwargs):
        calls.append((args, kwargs))
        return real_figure(*args, **kwargs)

    times = []
    with _patched(module, {figure_name: recording}):
        for i in range(redraws):
            before = output.outputs
            start = time.perf_counter()
            control.value = values[i % 2]
            times.append(time.perf_counter() - start)
            if output.outputs is before or not output.outputs:
                raise RuntimeError(f"{explorer.lesson}: changing {control.description!r} did not redraw")
    last_two = calls[-2:]  # the two states (changed, back to the default), each drawn redraws / 2 times
    draws: dict[str, list[float]] = {"bare": [], "fixed": []}
    for kind, replacement in (("bare", _plain_png), ("fixed", _fixed_margins_png)):
        with contextlib.ExitStack() as stack, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # legends placed outside the axes warn without a layout engine
            for figure_module in _figure_modules(module):
                stack.enter_context(_patched(figure_module, {"render": replacement}))
            for i in range(redraws):
                args, kwargs = last_two[i % len(last_two)]
                start = time.perf_counter()
                png = real_figure(*args, **kwargs)
                draws[kind].append(time.perf_counter() - start)
                if not isinstance(png, bytes):
                    raise RuntimeError(f"{explorer.lesson}: the {kind} draw made no PNG")
    bare = draws["bare"]
    fixed_ms = 1000 * median(draws["fixed"][2:] or draws["fixed"])
    redraw_ms, bare_ms = 1000 * median(times[2:] or times), 1000 * median(bare[2:] or bare)
    return {"lesson": explorer.lesson, "explorer": explorer.call_name,
            "control": f"{type(control).__name__} {control.description!r}",
            "build_s": build_s, "redraw_ms": redraw_ms, "bare_ms": bare_ms, "ratio": redraw_ms / bare_ms,
            "fixed_margins_ms": fixed_ms, "redraws": [1000 * t for t in times], "bare": [1000 * t for t in bare]}


def bench_explorers(redraws: int, match: str) -> dict:
    from betweenpowers.explorers import REGISTRY

    explorers = [e for e in REGISTRY.values() if match in e.lesson or match in e.call_name]
    print(f"\n## Explorers: median of {redraws} changes of the first control (first 2 dropped as warm-up)\n")
    print(f"{'explorer':26} {'control':38} {'redraw ms':>9} {'bare ms':>8} {'ratio':>6}  targets  "
          f"{'no-layout ms':>12}")
    rows = []
    for explorer in explorers:
        row = bench_explorer(explorer, redraws)
        rows.append(row)
        ok = row["ratio"] <= REDRAW_RATIO_TARGET and row["redraw_ms"] < REDRAW_MS_TARGET
        print(f"{row['explorer']:26} {row['control'][:38]:38} {row['redraw_ms']:9.1f} {row['bare_ms']:8.1f} "
              f"{row['ratio']:6.2f}  {mark(ok):7}  {row['fixed_margins_ms']:12.1f}", flush=True)
    if rows:
        worst = max(rows, key=lambda r: r["ratio"])
        slowest = max(rows, key=lambda r: r["redraw_ms"])
        print(f"worst ratio {worst['ratio']:.2f} ({worst['explorer']}, target <= {REDRAW_RATIO_TARGET}); slowest "
              f"redraw {slowest['redraw_ms']:.0f} ms ({slowest['explorer']}, target < {REDRAW_MS_TARGET:.0f} ms)")
    return {"rows": rows}


# -- import and loading ----------------------------------------------------------------------------------------
def _wall(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([PYTHON, "-c", code], check=True, cwd=ROOT)
    return time.perf_counter() - start


def _own_part() -> float:
    done = subprocess.run([PYTHON, "-c", OWN_PART], check=True, cwd=ROOT, capture_output=True, text=True)
    return float(done.stdout.strip().splitlines()[-1])


def bench_import(runs: int) -> dict:
    print(f"\n## import betweenpowers + loading every table: fresh interpreter, median of {runs} runs\n")
    cases = {"python -c pass": "pass", "import pandas": "import pandas",
             "import betweenpowers + load every table": IMPORT_AND_LOAD}
    result: dict[str, list[float]] = {}
    _wall(IMPORT_AND_LOAD)  # warm the file cache
    for _ in range(runs):
        for label, code in cases.items():
            result.setdefault(label, []).append(_wall(code))
        result.setdefault("own part: package + tables, pandas loaded", []).append(_own_part())
    for label, values in result.items():
        line = f"{label:42} {median(values):6.3f} s  (min {min(values):.3f}, max {max(values):.3f})"
        if label.startswith("import betweenpowers"):
            line += f"   whole, against target < {IMPORT_TARGET_S} s: {mark(median(values) < IMPORT_TARGET_S)}"
        if label.startswith("own part"):
            line += f"   target < {IMPORT_TARGET_S} s: {mark(median(values) < IMPORT_TARGET_S)}"
        print(line)
    return {label: median(values) for label, values in result.items()}


# -- test suite ------------------------------------------------------------------------------------------------
def bench_suite() -> dict:
    print("\n## Test suite: wall time of one run each\n")
    result = {}
    for label, args in (("without browser tests", ["-m", "not browser"]), ("with browser tests", [])):
        start = time.perf_counter()
        done = subprocess.run([PYTHON, "-m", "pytest", "-q", "-x", *args], cwd=ROOT, capture_output=True,
                              text=True)
        seconds = time.perf_counter() - start
        summary = (done.stdout.strip().splitlines() or ["(no output)"])[-1]
        result[label] = seconds
        print(f"{label:42} {seconds:7.1f} s   {summary}", flush=True)
    return result


# -- before/after report ----------------------------------------------------------------------------------------
def _folder_totals(notebooks: dict) -> dict[str, tuple[float, float]]:
    totals = {}
    for folder in FOLDERS:
        part = [r for r in notebooks["rows"] if r["notebook"].startswith(folder + "/")]
        totals[folder] = (sum(r["run"] for r in part), sum(r["floor"] for r in part))
    totals["whole series"] = (notebooks["run"], notebooks["floor"])
    return totals


def compare(before: dict, after: dict) -> str:
    """Markdown tables of two runs saved with ``--json`` (as in docs/performance.md)."""
    lines = ["| Notebooks | before: run / floor (s) | ratio | after: run / floor (s) | ratio | target |",
             "|---|---|---|---|---|---|"]
    old, new = _folder_totals(before["notebooks"]), _folder_totals(after["notebooks"])
    for key in new:
        (run0, floor0), (run1, floor1) = old[key], new[key]
        target = f"<= {NOTEBOOK_TARGET}" if key == "whole series" else ""
        lines.append(f"| {key} | {run0:.1f} / {floor0:.1f} | {run0 / floor0:.2f} | {run1:.1f} / {floor1:.1f} | "
                     f"{run1 / floor1:.2f} | {target} |")
    lines += ["", "| Explorer (first control) | redraw before (ms) | redraw after (ms) | bare draw after (ms) | "
                  "ratio after | no layout engine (ms) |", "|---|---|---|---|---|---|"]
    earlier = {row.get("explorer", row["lesson"]): row for row in before["explorers"]["rows"]}
    for row in after["explorers"]["rows"]:
        was = earlier.get(row["explorer"], earlier.get(row["lesson"], {})).get("redraw_ms", float("nan"))
        lines.append(f"| {row['lesson']}: {row['explorer']} ({row['control']}) | {was:.0f} | {row['redraw_ms']:.0f} | "
                     f"{row['bare_ms']:.0f} | {row['ratio']:.2f} | {row['fixed_margins_ms']:.0f} |")
    lines += ["", "| Import and loading (s) | before | after |", "|---|---|---|"]
    for label, value in after["import"].items():
        lines.append(f"| {label} | {before['import'].get(label, float('nan')):.3f} | {value:.3f} |")
    if "suite" in after:
        lines += ["", "| Test suite (s) | after |", "|---|---|"]
        lines += [f"| {label} | {seconds:.0f} |" for label, seconds in after["suite"].items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=("notebooks", "explorers", "import"), action="append",
                        help="run only these parts (repeatable); default: all three")
    parser.add_argument("--suite", action="store_true", help="also time the test suite (takes minutes)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per notebook (default 3)")
    parser.add_argument("--redraws", type=int, default=20, help="control changes per explorer (default 20)")
    parser.add_argument("--import-runs", type=int, default=9, help="fresh interpreters for the import (default 9)")
    parser.add_argument("--match", default="", help="only notebooks and explorers whose path contains this")
    parser.add_argument("--json", type=Path, help="also write every measurement to this JSON file")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"),
                        help="print markdown tables of two --json files and stop (nothing is measured)")
    args = parser.parse_args(argv)
    if args.compare:
        before, after = (json.loads(path.read_text(encoding="utf-8")) for path in args.compare)
        print(compare(before, after))
        return 0
    parts = args.only or ["notebooks", "explorers", "import"]
    load = os.getloadavg()
    print(f"# Between Powers benchmark, {date.today()}: {platform.python_implementation()} "
          f"{platform.python_version()}, {os.cpu_count()} cores, load average at start "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    results: dict = {"date": str(date.today()), "cores": os.cpu_count(), "load_start": load}
    if "import" in parts:
        results["import"] = bench_import(args.import_runs)
    if "explorers" in parts:
        results["explorers"] = bench_explorers(args.redraws, args.match)
    if "notebooks" in parts:
        results["notebooks"] = bench_notebooks(args.repeat, args.match)
    if args.suite:
        results["suite"] = bench_suite()
    load = os.getloadavg()
    results["load_end"] = load
    print(f"\nload average at end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
