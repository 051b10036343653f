"""Hygiene gates: lint, kernelspecs, no machine paths, clean stored outputs that match their code.

* ruff (the version pinned in pyproject's test extra, the rules in ``[tool.ruff]``) passes on the package, the
  tests, the scripts and the notebooks;
* every notebook's kernelspec is ``python3``;
* no absolute path that exists on one machine only (a home, temporary or work folder, a Windows drive) in the
  notebooks (sources, stored outputs, metadata) or in the package, tests and scripts;
* no stored error output or stderr (a traceback or a warning) in lessons and solutions; exercises carry no outputs;
* the stored outputs of lessons and solutions are up to date with their code: ``scripts/execute_notebooks.py``
  records a fingerprint of the code cells it executed (``metadata["betweenpowers"]["code_sha256"]``), and a
  notebook whose code changed since then fails here. Execution counts must run 1, 2, 3, ... (one run from the top,
  not cells re-run by hand).

Each check is a function that returns a list of problems; the tests run it on the real files and, to show that it
can fail, on small bad examples.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from support import ROOT

EXECUTED_DIRS = ("notebooks", "solutions")
NOTEBOOKS = sorted(p for d in ("notebooks", "solutions", "exercises") for p in (ROOT / d).glob("*.ipynb"))
EXECUTED = [p for p in NOTEBOOKS if p.parent.name in EXECUTED_DIRS]
EXERCISES = [p for p in NOTEBOOKS if p.parent.name == "exercises"]
CODE_DIRS = ("src/betweenpowers", "tests", "scripts")
CODE_SUFFIXES = {".py", ".sh", ".j2", ".json", ".css", ".toml", ".txt", ".cfg", ".md"}


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _load_execute_script():
    spec = importlib.util.spec_from_file_location("bp_execute_notebooks", ROOT / "scripts" / "execute_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


EXECUTE = _load_execute_script()


# ---------------------------------------------------------------------------------------------------------------
# ruff
# ---------------------------------------------------------------------------------------------------------------


def ruff_binary() -> Path:
    """The ruff of the environment running the tests (pinned in pyproject's test extra)."""
    candidate = Path(sys.executable).parent / ("ruff.exe" if sys.platform == "win32" else "ruff")
    if candidate.exists():
        return candidate
    found = shutil.which("ruff")
    if found is None:
        pytest.fail("ruff is not installed: it is pinned in the [test] extra of pyproject.toml "
                    "(bash scripts/test.sh installs it)")
    return Path(found)


def ruff_problems(folder: Path) -> str:
    """ruff's report on ``folder`` with the configuration found there ("" when it passes)."""
    done = subprocess.run([str(ruff_binary()), "check", "--no-cache", "--output-format", "concise", "."],
                          cwd=folder, capture_output=True, text=True, timeout=300)
    if done.returncode == 0:
        return ""
    return (done.stdout + done.stderr).strip() or f"ruff exited with {done.returncode}"


def test_ruff_passes():
    problems = ruff_problems(ROOT)
    assert not problems, f"ruff check found problems (fix them, or `ruff check --fix` what it can):\n{problems}"


def test_ruff_is_the_pinned_version():
    if os.environ.get("BP_DRIFT_WATCH") == "1":
        pytest.skip("scripts/drift_watch.sh installs the newest ruff on purpose")
    pins = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    pinned = [req.split("==", 1)[1] for req in pins["test"] if req.lower().startswith("ruff==")]
    assert pinned, "ruff is not pinned in the [test] extra of pyproject.toml"
    version = subprocess.run([str(ruff_binary()), "--version"], capture_output=True, text=True).stdout.split()
    assert version[-1:] == pinned, f"ruff {version[-1:]} is installed, pyproject pins {pinned[0]}"


def test_ruff_check_can_fail(tmp_path):
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "bad.py").write_text("import os\n\nx = '" + "a" * 130 + "'\n", encoding="utf-8")
    notebook = new_notebook(cells=[new_code_cell("import sys\nfor i in range(3):\n    print(1)")])
    nbformat.write(notebook, tmp_path / "bad.ipynb")
    problems = ruff_problems(tmp_path)
    for code in ("F401", "E501", "B007"):
        assert code in problems, f"{code} not reported:\n{problems}"
    assert "bad.ipynb" in problems


# ---------------------------------------------------------------------------------------------------------------
# Notebooks: kernelspec, outputs, fingerprint
# ---------------------------------------------------------------------------------------------------------------


def kernelspec_problems(notebook) -> list[str]:
    spec = notebook.metadata.get("kernelspec", {})
    problems = []
    if spec.get("name") != "python3":
        problems.append(f"kernelspec name is {spec.get('name')!r}, expected 'python3'")
    if spec.get("language", "python") != "python":
        problems.append(f"kernelspec language is {spec.get('language')!r}, expected 'python'")
    return problems


def stored_output_problems(notebook) -> list[str]:
    """Error outputs and stderr streams (tracebacks, warnings) stored in an executed notebook."""
    problems = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if output.get("output_type") == "error":
                problems.append(f"cell {index}: a stored error ({output.get('ename')}: {output.get('evalue')})")
            elif output.get("output_type") == "stream" and output.get("name") == "stderr":
                problems.append(f"cell {index}: stored stderr: {output.get('text', '')[:200]!r}")
    return problems


def exercise_problems(notebook) -> list[str]:
    """Exercises are handed out blank: no outputs, no execution counts, no widget state, no fingerprint."""
    problems = [f"cell {index}: has outputs or an execution count" for index, cell in enumerate(notebook.cells)
                if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)]
    for key in ("widgets", EXECUTE.METADATA_KEY):
        if key in notebook.metadata:
            problems.append(f"notebook metadata has {key!r} (regenerate: python -m betweenpowers_tools.exercises)")
    return problems


def freshness_problems(notebook, name: str) -> list[str]:
    """The stored outputs were made by scripts/execute_notebooks.py from the current code, in one run."""
    command = f"`.venv/bin/python scripts/execute_notebooks.py {name}`"
    if name.startswith("solutions/"):
        command += " and `.venv/bin/python -m betweenpowers_tools.exercises`"
    stored = notebook.metadata.get(EXECUTE.METADATA_KEY, {}).get(EXECUTE.HASH_KEY)
    if stored is None:
        return [f"no record of its execution (metadata {EXECUTE.METADATA_KEY}.{EXECUTE.HASH_KEY}): run {command}"]
    problems = []
    if stored != EXECUTE.code_sha256(notebook):
        problems.append(f"its code changed since its outputs were stored: run {command}")
    counts = [cell.get("execution_count") for cell in notebook.cells if cell.cell_type == "code"]
    if counts != list(range(1, len(counts) + 1)):
        problems.append(f"execution counts {counts[:12]}... are not 1, 2, 3, ... (cells run by hand?): run {command}")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_rel)
def test_kernelspec_is_python3(path):
    assert not kernelspec_problems(nbformat.read(path, as_version=4)), _rel(path)


@pytest.mark.parametrize("path", EXECUTED, ids=_rel)
def test_no_stored_errors(path):
    problems = stored_output_problems(nbformat.read(path, as_version=4))
    assert not problems, f"{_rel(path)}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", EXERCISES, ids=_rel)
def test_exercises_carry_no_outputs(path):
    problems = exercise_problems(nbformat.read(path, as_version=4))
    assert not problems, f"{_rel(path)}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", EXECUTED, ids=_rel)
def test_stored_outputs_are_up_to_date_with_the_code(path):
    problems = freshness_problems(nbformat.read(path, as_version=4), _rel(path))
    assert not problems, f"{_rel(path)}:\n" + "\n".join(problems)


def _executed_example() -> nbformat.NotebookNode:
    notebook = new_notebook(cells=[new_markdown_cell("# Title"), new_code_cell("x = 1"), new_code_cell("x + 1")])
    notebook.cells[1].execution_count, notebook.cells[2].execution_count = 1, 2
    notebook.cells[2].outputs = [new_output("execute_result", data={"text/plain": "2"}, execution_count=2)]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata[EXECUTE.METADATA_KEY] = {EXECUTE.HASH_KEY: EXECUTE.code_sha256(notebook)}
    return notebook


def test_notebook_checks_can_fail():
    good = _executed_example()
    assert not kernelspec_problems(good) and not stored_output_problems(good)
    assert not freshness_problems(good, "notebooks/x.ipynb")

    other_kernel = _executed_example()
    other_kernel.metadata["kernelspec"]["name"] = "conda-env-betweenpowers-py"
    assert kernelspec_problems(other_kernel)

    errors = _executed_example()
    errors.cells[2].outputs = [new_output("error", ename="KeyError", evalue="'x'", traceback=[]),
                               new_output("stream", name="stderr", text="FutureWarning: ...")]
    assert len(stored_output_problems(errors)) == 2

    edited = _executed_example()
    edited.cells[2].source = "x + 2"  # edited, not executed again
    assert "code changed" in " ".join(freshness_problems(edited, "notebooks/x.ipynb"))
    markdown_only = _executed_example()
    markdown_only.cells[0].source = "# Another title"  # prose edits do not need a new run
    assert not freshness_problems(markdown_only, "notebooks/x.ipynb")
    by_hand = _executed_example()
    by_hand.cells[2].execution_count = 7
    assert "execution counts" in " ".join(freshness_problems(by_hand, "notebooks/x.ipynb"))
    unrecorded = _executed_example()
    del unrecorded.metadata[EXECUTE.METADATA_KEY]
    assert "no record" in " ".join(freshness_problems(unrecorded, "solutions/x.ipynb"))

    exercise = _executed_example()
    assert len(exercise_problems(exercise)) == 3  # outputs, execution counts, fingerprint
    for cell in exercise.cells[1:]:
        cell.outputs, cell.execution_count = [], None
    del exercise.metadata[EXECUTE.METADATA_KEY]
    assert not exercise_problems(exercise)


def test_execute_script_records_the_fingerprint(tmp_path):
    """scripts/execute_notebooks.py stores the fingerprint that the freshness check reads."""
    notebook = new_notebook(cells=[new_code_cell("print(6 * 7)")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "tiny.ipynb"
    nbformat.write(notebook, path)
    EXECUTE.execute(path)
    executed = nbformat.read(path, as_version=4)
    assert executed.cells[0].outputs[0]["text"] == "42\n"
    assert not freshness_problems(executed, "notebooks/tiny.ipynb")


def test_exercises_drop_the_fingerprint():
    from betweenpowers_tools.exercises import make_exercise

    solution = _executed_example()
    solution.cells[1].source = "answer = 1  # SOLUTION"
    exercise = make_exercise(solution, "x.ipynb")
    assert EXECUTE.METADATA_KEY not in exercise.metadata
    assert EXECUTE.METADATA_KEY in solution.metadata  # the solution itself is not changed


# ---------------------------------------------------------------------------------------------------------------
# Absolute paths
# ---------------------------------------------------------------------------------------------------------------

# A path that only exists on one machine: a home, a temporary or a work folder (POSIX), or a drive (Windows).
# Relative paths (../data) and URLs (https://host/home/...) do not match; system tools such as /usr/bin/chromium
# are allowed (the browser tests name where Debian installs it).
_UNIX_PATH = re.compile(r"(?<![\w.~-])/(?:home|root|tmp|work|Users|mnt|private/var|var/folders)/")
_WINDOWS_PATH = re.compile(r"(?<![\w\\])[A-Za-z]:\\{1,2}(?:Users|Windows|Program Files|[\w .-]+\\)")


def absolute_paths(text: str) -> list[str]:
    """The machine-specific paths in ``text`` (each up to the next space)."""
    matches = [*_UNIX_PATH.finditer(text), *_WINDOWS_PATH.finditer(text)]
    return [text[m.start():m.start() + 100].split("\n")[0].split(" ")[0] or m.group(0) for m in matches]


def _strings(node: object, skip: frozenset[str] = frozenset({"image/png", "image/jpeg"})):
    """Every string in a JSON document, except binary payloads (base64 can spell anything)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item, skip)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in skip:
                yield from _strings(value, skip)


def notebook_path_problems(text: str) -> list[str]:
    """Absolute paths in a notebook's JSON text: cell sources, stored outputs (tracebacks too) and metadata."""
    document = json.loads(text)
    problems = []
    for index, cell in enumerate(document.get("cells", [])):
        for string in _strings(cell):
            problems += [f"cell {index}: {hit}" for hit in absolute_paths(string)]
    for string in _strings(document.get("metadata", {})):
        problems += [f"metadata: {hit}" for hit in absolute_paths(string)]
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_rel)
def test_no_absolute_paths_in_notebooks(path):
    problems = notebook_path_problems(path.read_text(encoding="utf-8"))
    assert not problems, f"{_rel(path)}: machine-specific paths:\n" + "\n".join(problems)


def test_no_absolute_paths_in_code():
    problems = []
    for base in CODE_DIRS:
        for path in sorted((ROOT / base).rglob("*")):
            if path.suffix in CODE_SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
                problems += [f"{_rel(path)}: {hit}" for hit in absolute_paths(path.read_text(encoding="utf-8"))]
    assert not problems, "machine-specific paths in the code:\n" + "\n".join(problems)


def test_absolute_path_checks_can_fail():
    home = "/" + "home/student/between-powers/data/trade.csv"
    drive = "C:" + "\\Users\\student\\data.csv"
    for text in (home, "/" + "tmp/x", "file://" + "/" + "work/main/data", drive, "C:" + "\\\\Users\\\\me"):
        assert absolute_paths(f"open('{text}')"), text
    for text in ("../data/trade.csv", "https://github.com/home/tmp/", "/usr/bin/chromium", "Hint:\\nRead it",
                 "print(f'{x}:\\n')", "~/tmp/x"):
        assert not absolute_paths(text), text
    notebook = new_notebook(cells=[new_code_cell("load()")])
    notebook.cells[0].outputs = [new_output("error", ename="DataError", evalue="missing",
                                            traceback=[f"File {home}, line 3"]),
                                 new_output("display_data", data={"image/png": "iVBOR/home/x/tmp/AAA"})]
    problems = notebook_path_problems(nbformat.writes(notebook))
    assert len(problems) == 1 and "student" in problems[0], problems


def test_execute_script_stores_one_print_as_one_output():
    """Consecutive stream outputs are joined, so a stored output does not depend on how the kernel flushed."""
    notebook = new_notebook(cells=[new_code_cell("print('a', end=''); print(' b')")])
    notebook.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="a"),
                                 nbformat.v4.new_output("stream", name="stdout", text=" b\n"),
                                 nbformat.v4.new_output("stream", name="stderr", text="warning\n")]
    EXECUTE.coalesce_streams(notebook)
    assert [(o["name"], o["text"]) for o in notebook.cells[0].outputs] == [("stdout", "a b\n"), ("stderr", "warning\n")]
