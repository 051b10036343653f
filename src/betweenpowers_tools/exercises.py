"""Generate the exercise notebooks from the solution notebooks.

``solutions/NN_slug.ipynb`` is the single source; this module writes
``exercises/NN_slug.ipynb`` from it.  Never edit an exercise notebook by hand:
edit the solution notebook and run ::

    python -m betweenpowers_tools.exercises            # write every exercise notebook
    python -m betweenpowers_tools.exercises 01_trade   # only some of them
    python -m betweenpowers_tools.exercises --check    # exit 1 if any is out of sync

(also installed as ``betweenpowers-make-exercises``).  The repository root is
the nearest folder, from the current directory upwards, that holds both
``solutions/`` and ``pyproject.toml``; ``--root`` overrides it.

Marker conventions in solution notebooks
----------------------------------------
1. **One line** -- a code line ending in the comment ``# SOLUTION``.  If it
   is an assignment, everything after the assignment's ``=`` becomes
   ``...``; any other line becomes ``...`` at the same indentation::

       answer_01_2 = exports.loc[2022, "CHN"] / total  # SOLUTION
       ->  answer_01_2 = ...

   Use this for every variable that is passed to ``check(...)``, so that
   the exercise still defines it (as ``...``) and ``check`` reports
   "Not answered yet" instead of a ``NameError``.

2. **Block** -- lines between ``# BEGIN SOLUTION`` and ``# END SOLUTION``
   (each marker alone on its line), markers included, become a single
   ``...`` line at the indentation of the ``# BEGIN SOLUTION`` line::

       # BEGIN SOLUTION
       shares = exports.div(exports.sum(axis=1), axis=0)
       # END SOLUTION
       ->  ...

   A ``BEGIN`` without an ``END`` (or the other way round, or nested
   blocks, or a malformed marker such as ``# BEGIN SOLUTION part a``) is an
   error naming the notebook and the cell.

3. **Cell tags** (cell metadata ``tags``):

   * ``solution`` -- the whole cell is a model answer (typically a markdown
     cell with the model answer and marking rubric).  A markdown or raw cell
     is replaced by a markdown cell inviting the learner to answer and
     pointing to the solutions notebook (:data:`PLACEHOLDER_MARKDOWN`),
     tagged ``answer`` (:data:`ANSWER_TAG`: the hand-in,
     :mod:`betweenpowers.handin`, finds the learner's text by it, even once
     the invitation is typed over); a code cell is replaced by a single
     ``...`` line.  The cell keeps its id and other metadata, minus the
     ``solution`` tag.
   * ``solution-only`` -- the cell is dropped from the exercise.

Every solution notebook must contain at least one marker or tag.

Everything else is copied unchanged, except that code cells lose their
outputs, execution counts and ``execution`` timing metadata, and the
notebook-level ``widgets`` state metadata and execution fingerprint
(``betweenpowers`` -> ``code_sha256``) are dropped.  No note is inserted:
cells keep their ids and order (apart from dropped ``solution-only`` cells),
so the two versions can be compared cell by cell.  The output is written
with :func:`nbformat.writes` (sorted keys, one-space indent) plus a trailing
newline, so the same input always gives byte-identical output.
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import nbformat
from nbformat import NotebookNode

__all__ = [
    "ANSWER_TAG",
    "PLACEHOLDER_MARKDOWN",
    "SOLUTION_ONLY_TAG",
    "SOLUTION_TAG",
    "SolutionMarkerError",
    "exercise_text",
    "find_root",
    "main",
    "make_exercise",
    "out_of_sync",
    "read_notebook",
    "render_notebook",
    "select_solutions",
    "strip_solution_code",
    "write_exercises",
]

SOLUTION_TAG = "solution"
SOLUTION_ONLY_TAG = "solution-only"
#: The tag of the cell where the learner writes an answer (in betweenpowers.handin.ANSWER_TAGS).
ANSWER_TAG = "answer"

PLACEHOLDER_MARKDOWN = (
    "✏️ *Your turn: write your own answer first (double-click this cell to type here), "
    "then compare it with the model answer and rubric in "
    "[solutions/{name}](../solutions/{name}).*"
)

_BEGIN = re.compile(r"^(?P<indent>[ \t]*)#[ \t]*BEGIN SOLUTION[ \t]*\r?$")
_END = re.compile(r"^[ \t]*#[ \t]*END SOLUTION[ \t]*\r?$")
_ONE_LINE = re.compile(r"^(?P<code>.*?)[ \t]*#[ \t]*SOLUTION[ \t]*\r?$")
_ANY_MARKER = re.compile(r"(BEGIN|END) SOLUTION|#[ \t]*SOLUTION\b")


class SolutionMarkerError(ValueError):
    """A solution notebook's markers are missing or malformed."""


# ---------------------------------------------------------------------------
# Code cells
# ---------------------------------------------------------------------------


def _assignment_prefix(statement: str) -> str | None:
    """The text up to and including the ``=`` of a one-line assignment.

    ``"answer = f(x=1)"`` -> ``"answer ="``; ``"total += 1"`` ->
    ``"total +="``; ``None`` if ``statement`` is not a single assignment.
    """
    try:
        tree = ast.parse(statement)
    except SyntaxError:
        return None
    if len(tree.body) != 1:
        return None
    node = tree.body[0]
    if isinstance(node, ast.Assign):
        target_end = node.targets[-1]
    elif isinstance(node, ast.AugAssign):
        target_end = node.target
    elif isinstance(node, ast.AnnAssign) and node.value is not None:
        target_end = node.annotation
    else:
        return None
    if target_end.end_lineno != 1 or target_end.end_col_offset is None:
        return None
    raw = statement.encode("utf-8")  # ast offsets count UTF-8 bytes
    equals = raw.index(b"=", target_end.end_col_offset)
    return raw[: equals + 1].decode("utf-8").rstrip()


def _blank_one_line(code: str) -> str:
    """Replace the solution part of a one-line ``# SOLUTION`` statement by ``...``."""
    indent = code[: len(code) - len(code.lstrip())]
    prefix = _assignment_prefix(code.strip())
    return f"{indent}{prefix} ..." if prefix else f"{indent}..."


def strip_solution_code(source: str, where: str = "code cell") -> str:
    """Return ``source`` with its solution lines replaced by ``...``.

    ``where`` names the cell in error messages.  Raises
    :class:`SolutionMarkerError` for unbalanced or malformed markers.
    """
    lines = source.split("\n")
    result: list[str] = []
    block_start: int | None = None
    for number, line in enumerate(lines, start=1):
        begin = _BEGIN.match(line)
        if begin:
            if block_start is not None:
                raise SolutionMarkerError(
                    f"{where}: '# BEGIN SOLUTION' on line {number} is inside the block "
                    f"opened on line {block_start}; blocks cannot be nested."
                )
            block_start = number
            result.append(f"{begin.group('indent')}...")
            continue
        if _END.match(line):
            if block_start is None:
                raise SolutionMarkerError(
                    f"{where}: '# END SOLUTION' on line {number} has no matching '# BEGIN SOLUTION'."
                )
            block_start = None
            continue
        if block_start is not None:
            continue
        one_line = _ONE_LINE.match(line)
        if one_line and one_line.group("code").strip():
            result.append(_blank_one_line(one_line.group("code")))
            continue
        if _ANY_MARKER.search(line):
            raise SolutionMarkerError(
                f"{where}: line {number} has a malformed solution marker: {line.strip()!r}. "
                "Use '# BEGIN SOLUTION' / '# END SOLUTION' alone on their lines, or end a "
                "line of code with '# SOLUTION'."
            )
        result.append(line)
    if block_start is not None:
        raise SolutionMarkerError(
            f"{where}: '# BEGIN SOLUTION' on line {block_start} has no matching '# END SOLUTION'."
        )
    return "\n".join(result)


# ---------------------------------------------------------------------------
# Notebooks
# ---------------------------------------------------------------------------


def _tags(cell: NotebookNode) -> list[str]:
    """The cell's metadata tags (an empty list if there are none)."""
    return list(cell.get("metadata", {}).get("tags", []))


def _without_tag(metadata: dict, tag: str) -> dict:
    """A copy of cell metadata with ``tag`` removed (and ``tags`` if it empties)."""
    result = copy.deepcopy(dict(metadata))
    tags = [t for t in result.get("tags", []) if t != tag]
    if tags:
        result["tags"] = tags
    else:
        result.pop("tags", None)
    return result


def _cell_label(name: str, index: int, cell: NotebookNode) -> str:
    """``"01_trade.ipynb, cell 4 (id abc123)"`` for error messages (1-based)."""
    cell_id = cell.get("id")
    return f"{name}, cell {index + 1}" + (f" (id {cell_id})" if cell_id else "")


def _clear_code_cell(cell: NotebookNode) -> None:
    """Remove outputs, the execution count and execution timing metadata."""
    cell["outputs"] = []
    cell["execution_count"] = None
    cell.get("metadata", {}).pop("execution", None)


def _solution_cell_replacement(cell: NotebookNode, name: str) -> NotebookNode:
    """The exercise version of a cell tagged ``solution``."""
    metadata = _without_tag(cell.get("metadata", {}), SOLUTION_TAG)
    if cell["cell_type"] == "code":
        new = nbformat.v4.new_code_cell(source="...", metadata=metadata)
    else:
        metadata["tags"] = [*metadata.get("tags", []), ANSWER_TAG]
        new = nbformat.v4.new_markdown_cell(
            source=PLACEHOLDER_MARKDOWN.format(name=name), metadata=metadata
        )
    if "id" in cell:
        new["id"] = cell["id"]
    else:
        new.pop("id", None)
    return new


def make_exercise(solution: NotebookNode, name: str) -> NotebookNode:
    """Return the exercise version of a solution notebook (the input is not changed).

    ``name`` is the notebook's file name (e.g. ``"01_trade.ipynb"``), used in
    the placeholder link and in error messages.
    """
    notebook = copy.deepcopy(solution)
    cells = []
    n_markers = 0
    for index, cell in enumerate(notebook.cells):
        tags = _tags(cell)
        if SOLUTION_ONLY_TAG in tags:
            n_markers += 1
            continue
        if SOLUTION_TAG in tags:
            n_markers += 1
            cells.append(_solution_cell_replacement(cell, name))
            continue
        if cell["cell_type"] == "code":
            stripped = strip_solution_code(cell["source"], _cell_label(name, index, cell))
            if stripped != cell["source"]:
                n_markers += 1
            cell["source"] = stripped
            _clear_code_cell(cell)
        cells.append(cell)
    if n_markers == 0:
        raise SolutionMarkerError(
            f"{name}: no solution markers found. A solution notebook needs at least one "
            "'# SOLUTION' line, '# BEGIN SOLUTION' block, or cell tagged 'solution' or "
            "'solution-only'."
        )
    notebook.cells = cells
    notebook.metadata.pop("widgets", None)
    record = notebook.metadata.get("betweenpowers")
    if isinstance(record, dict):  # the solution's execution fingerprint (scripts/execute_notebooks.py)
        record.pop("code_sha256", None)
        if not record:
            notebook.metadata.pop("betweenpowers")
    return notebook


def read_notebook(path: Path) -> NotebookNode:
    """Read an nbformat-4 notebook without changing it.

    Unlike plain :func:`nbformat.read`, cells that lack an id in an
    nbformat 4.5+ notebook get a deterministic id (``cell-<n>``) rather than
    a random one, so that generated exercises are reproducible.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data.get("nbformat") != 4:
        raise SolutionMarkerError(f"{Path(path).name}: expected an nbformat 4 notebook")
    if data.get("nbformat_minor", 0) >= 5:
        cells = data.get("cells", [])
        used = {cell.get("id") for cell in cells}
        for index, cell in enumerate(cells):
            if not cell.get("id"):
                candidate = f"cell-{index}"
                while candidate in used:
                    candidate += "x"
                cell["id"] = candidate
                used.add(candidate)
    return nbformat.reads(json.dumps(data), as_version=4)


def render_notebook(notebook: NotebookNode) -> str:
    """Serialise a notebook deterministically, ending with a newline."""
    text = nbformat.writes(notebook, version=4)
    return text if text.endswith("\n") else text + "\n"


def exercise_text(solution_path: Path) -> str:
    """The full text of the exercise notebook generated from ``solution_path``."""
    solution_path = Path(solution_path)
    return render_notebook(make_exercise(read_notebook(solution_path), solution_path.name))


# ---------------------------------------------------------------------------
# Files and command line
# ---------------------------------------------------------------------------


def find_root(start: Path) -> Path:
    """The nearest folder from ``start`` upwards holding ``solutions/`` and ``pyproject.toml``."""
    start = Path(start).resolve()
    for candidate in (start, *start.parents):
        if (candidate / "solutions").is_dir() and (candidate / "pyproject.toml").is_file():
            return candidate
    raise FileNotFoundError(
        f"no folder containing solutions/ and pyproject.toml found from {start} upwards; use --root"
    )


def select_solutions(root: Path, names: Sequence[str] = ()) -> list[Path]:
    """Solution notebooks to process: all of ``root/solutions/*.ipynb``, or the named ones.

    A name may be ``01_trade``, ``01_trade.ipynb`` or ``solutions/01_trade.ipynb``.
    """
    folder = Path(root) / "solutions"
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} does not exist")
    if not names:
        return sorted(folder.glob("*.ipynb"))
    selected = []
    for name in names:
        file_name = Path(name).name
        if not file_name.endswith(".ipynb"):
            file_name += ".ipynb"
        path = folder / file_name
        if not path.is_file():
            raise FileNotFoundError(f"no solution notebook solutions/{file_name}")
        selected.append(path)
    return selected


def _exercise_path(root: Path, solution_path: Path) -> Path:
    """Where the exercise version of ``solution_path`` lives."""
    return Path(root) / "exercises" / Path(solution_path).name


def out_of_sync(root: Path, solutions: Sequence[Path], *, include_orphans: bool = True) -> list[str]:
    """Describe every exercise notebook that does not match its solution notebook.

    With ``include_orphans``, exercise notebooks without a solution notebook
    are reported too.  Nothing is written.
    """
    problems = []
    for solution_path in solutions:
        target = _exercise_path(root, solution_path)
        relative = f"exercises/{target.name}"
        if not target.is_file():
            problems.append(f"{relative} is missing")
        elif target.read_bytes() != exercise_text(solution_path).encode("utf-8"):
            problems.append(f"{relative} is out of date")
    if include_orphans:
        sources = {path.name for path in select_solutions(root)}
        for path in sorted((Path(root) / "exercises").glob("*.ipynb")):
            if path.name not in sources:
                problems.append(f"exercises/{path.name} has no solutions/{path.name}")
    return problems


def write_exercises(root: Path, solutions: Sequence[Path]) -> list[Path]:
    """Write the exercise notebooks that changed; return the paths written."""
    written = []
    for solution_path in solutions:
        target = _exercise_path(root, solution_path)
        data = exercise_text(solution_path).encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    return written


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="betweenpowers-make-exercises",
        description="Generate exercises/*.ipynb from solutions/*.ipynb.",
    )
    parser.add_argument("names", nargs="*", help="notebooks to process, e.g. 01_trade (default: all)")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if any exercise notebook is out of sync"
    )
    parser.add_argument("--root", type=Path, help="repository root (default: found from the current folder)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status (0 ok, 1 out of sync, 2 error)."""
    args = _parse_args(argv)
    try:
        root = args.root.resolve() if args.root else find_root(Path.cwd())
        solutions = select_solutions(root, args.names)
        if args.check:
            return _report_sync(out_of_sync(root, solutions, include_orphans=not args.names), len(solutions))
        written = write_exercises(root, solutions)
    except (SolutionMarkerError, FileNotFoundError, json.JSONDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote exercises/{path.name}")
    print(f"{len(written)} of {len(solutions)} exercise notebook(s) updated.")
    return 0


def _report_sync(problems: Sequence[str], n_notebooks: int) -> int:
    """Print the result of ``--check``; return 1 if anything is out of sync."""
    if problems:
        print("Exercise notebooks out of sync (run `python -m betweenpowers_tools.exercises`):")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print(f"All {n_notebooks} exercise notebook(s) are in sync.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
