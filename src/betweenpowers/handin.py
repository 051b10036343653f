"""Hand in your answers: one self-contained file with every answer of an exercise notebook, to upload.

The last cell of each exercise notebook calls :func:`handin`. It writes ``handin_<notebook>.html`` beside the
notebook (one HTML file: styles inline, no scripts, no links, no images to fetch) and prints its name and what is
still missing. For each question of the notebook the file shows its id and prompt, the answer as given (numbers,
strings and letters as they are, tables summarised, written answers in full), and the outcome of the check (correct,
close, not correct, wrong type, not answered: never the expected value). Text written in the notebook's "Your turn"
cells (markdown cells the exercise generator tags ``answer``; ``written-answer`` counts too) is shown in full, and
for lesson 08 the verdict sheet (``my_verdicts.csv``) as well. The file ends with the list of what is missing.

It never fails on an unfinished notebook: an unanswered question is listed as missing, a cell with a syntax error
or one that stopped with an error is reported (not a traceback), and an answer the checker cannot read is reported
as such.

Where the answers come from
---------------------------
* **In the notebook** (``handin()``), the answers are the values in the running notebook: the variables
  ``answer_NN_k`` of the kernel, already computed by the student's cells. Prompts, "Your turn" cells, syntax errors
  and the errors a cell stopped with are read from the notebook file, so save the notebook first. The file is found
  from the Jupyter session (``JPY_SESSION_NAME``, or VS Code's ``__vsc_ipynb_file__``), else as the notebook of the
  lesson (``NN_*.ipynb``, the most recently saved) in the current folder; ``handin("03_voting_vectors.ipynb")``
  names it.
* **From the command line**, ``python -m betweenpowers.handin exercises/03_voting_vectors.ipynb [--out FILE]``
  executes nothing: an answer written as a value (``answer_03_4 = "b"``, ``answer_03_2 = 0.61``, a string, simple
  arithmetic on numbers) is read with :func:`ast.literal_eval` and checked; an answer computed by code is listed as
  "not checked here". That is safe on any notebook (an instructor can run it on a student's file). With ``--run``
  the command executes the notebook's code in a fresh kernel, as "Run All" would, and then reads every answer from
  that kernel: use it on your own notebook only. ``--out x.md`` writes Markdown instead of HTML; ``--markdown``
  writes both.

By default the file goes beside the notebook. The tools that execute the notebooks (``scripts/execute_notebooks.py``,
the test suite) set ``BETWEENPOWERS_HANDIN_DIR`` (:data:`HANDIN_DIR_ENV`) to a temporary folder so that running the
series never writes a hand-in into the repository. Nothing is ever written into ``data/``.

>>> shown_answer(0.4523)
'0.4523'
>>> shown_answer("b")
'b'
>>> outcome_label(Outcome.CLOSE)
'close (not quite)'
>>> literal_value(ast.parse("answer = 45 / 100").body[0].value)
0.45
"""

from __future__ import annotations

import argparse
import ast
import enum
import html
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd

from betweenpowers.checks import Outcome, describe, evaluate, get_question, is_missing, registered_ids
from betweenpowers.checks.verdicts import SHEET_FILE, missing_claims, read_sheet
from betweenpowers.data import data_dir
from betweenpowers.measures.claims import CLAIMS

__all__ = [
    "ANSWER_TAGS",
    "HANDIN_DIR_ENV",
    "YOUR_TURN",
    "HandIn",
    "Item",
    "Status",
    "VerdictSheet",
    "build_handin",
    "handin",
    "literal_value",
    "main",
    "outcome_label",
    "render_html",
    "render_markdown",
    "shown_answer",
]

#: Environment variable: the folder :func:`handin` writes into when no ``out`` is given (default: the notebook's).
HANDIN_DIR_ENV = "BETWEENPOWERS_HANDIN_DIR"
#: Markdown cells with one of these tags hold a written answer.
ANSWER_TAGS = frozenset({"answer", "written-answer"})
#: How the exercise generator's "Your turn" cell (where a model answer was) begins.
YOUR_TURN = "✏️ *Your turn"
#: The lesson whose hand-in includes the verdict sheet.
VERDICT_LESSON = "08"
#: Longest text shown for one answer (written answers are far shorter).
MAX_TEXT = 20_000
#: Seconds a cell may run under ``--run``.
CELL_TIMEOUT = 300

_CHECK_CALL = re.compile(r"""\bcheck\(\s*(['"])(?P<id>[^'"\n]{1,40})\1\s*,\s*(?P<arg>[^\n]*)""")
_NAME = re.compile(r"[A-Za-z_]\w*")
_ANSWER_NAME = re.compile(r"^answer_(\d\d)_\d+$")
_HANDIN_CALL = re.compile(r"^[ \t]*(?:[\w.]+\.)?handin\(", re.MULTILINE)
_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.*\S)[ \t]*$", re.MULTILINE)
_QUESTION_ID = re.compile(r"\b(\d\d\.\d+)\b")
_REPORT_MARK = "BETWEENPOWERS-HANDIN-REPORT "
_KINDS = {"NumberQuestion": "number", "ChoiceQuestion": "multiple choice", "ValueQuestion": "exact value",
          "TableQuestion": "table", "TextQuestion": "written answer"}
_LABELS = {Outcome.CORRECT: "correct", Outcome.CLOSE: "close (not quite)", Outcome.INCORRECT: "not correct",
           Outcome.WRONG_TYPE: "wrong type", Outcome.NOT_ANSWERED: "not answered",
           Outcome.UNKNOWN_QUESTION: "unknown question"}


class Status(enum.Enum):
    """Where a question stands in the hand-in."""

    ANSWERED = "answered"
    MISSING = "missing"
    PROBLEM = "problem"  #: a syntax error, a cell that stopped with an error, an answer the checker cannot read
    NOT_CHECKED = "not checked here"  #: computed by code, and the command line executes nothing


@dataclass(frozen=True)
class Item:
    """One question of the notebook (or a written task without an id, such as lesson 08's brief plan)."""

    id: str  #: "03.1"; "" for a written task
    title: str  #: "03.1 · Human rights"
    prompt: str  #: the question as the notebook states it (markdown source)
    kind: str  #: "number", "multiple choice", "exact value", "table", "written answer", "written task"
    status: Status
    answer: str = ""  #: the answer as given, one line or a written text
    preview: str = ""  #: for a table: its first rows as text
    outcome: str = ""  #: the check's outcome, e.g. "correct", "close (not quite)"
    note: str = ""  #: why it is missing, the problem, or how to get it checked
    written: str = ""  #: text written in the question's "Your turn" cell

    @property
    def label(self) -> str:
        return self.id or self.title


@dataclass(frozen=True)
class VerdictSheet:
    """Lesson 08's verdict sheet as found beside the notebook (never the course's verdicts)."""

    location: str  #: where it was read, relative to the notebook's folder ("" if not found)
    rows: tuple[tuple[str, str, str, str], ...] = ()  #: claim, the claim in short, verdict, reason
    missing: tuple[str, ...] = tuple(CLAIMS)
    problem: str = ""  #: why it could not be read, or that it was not found


@dataclass(frozen=True)
class HandIn:
    """Everything one hand-in file shows."""

    title: str
    notebook: str  #: the notebook's file name
    lesson: str  #: "03"
    source: str  #: where the answers were read from
    items: tuple[Item, ...]
    sheet: VerdictSheet | None = None
    created: str = ""  #: when, in UTC
    notes: tuple[str, ...] = ()

    @property
    def missing(self) -> list[str]:
        """One line per thing still to do, in the notebook's order (the verdict sheet last)."""
        lines = [f"{item.label}: {item.note or item.status.value}" for item in self.items
                 if item.status in (Status.MISSING, Status.PROBLEM)]
        if self.sheet is not None:
            if self.sheet.problem:
                lines.append(f"verdict sheet: {self.sheet.problem}")
            elif self.sheet.missing:
                lines.append(f"verdict sheet: no verdict yet on {', '.join(self.sheet.missing)}")
        return lines

    @property
    def not_checked(self) -> list[str]:
        return [item.id for item in self.items if item.status is Status.NOT_CHECKED]

    def summary(self) -> str:
        """'Answered 5 of 8 questions: 3 correct, 1 close (not quite), 1 written answer recorded.'"""
        questions = [item for item in self.items if item.id]
        answered = [item for item in questions if item.status is Status.ANSWERED]
        counts = Counter(item.outcome for item in answered)
        order = [*_LABELS.values(), "written answer recorded"]
        parts = [f"{n} {label.replace('answer', 'answers') if n > 1 and label.startswith('written') else label}"
                 for label, n in sorted(counts.items(), key=lambda pair: order.index(pair[0])
                                        if pair[0] in order else len(order))]
        text = f"Answered {len(answered)} of {len(questions)} questions"
        return text + (": " + ", ".join(parts) + "." if parts else ".")


# ---------------------------------------------------------------------------------------------------------------
# Showing answers and outcomes
# ---------------------------------------------------------------------------------------------------------------


def _safe_repr(value: object, limit: int = 300) -> str | None:
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a student's object may raise anything from repr
        return None
    return text if len(text) <= limit else text[:limit - 3] + "..."


def shown_answer(value: object) -> str:
    """The answer as the student gave it, on one line (a text in full, a table by its shape and columns).

    >>> shown_answer(np.float64(0.25)), shown_answer(2014), shown_answer(True)
    ('0.25', '2014', 'True')
    >>> shown_answer(pd.DataFrame({"vector": ["Russia"], "share": [0.4]}))
    'a table (DataFrame) of 1 row × 2 columns: vector, share'
    """
    try:
        if isinstance(value, str):
            return value if len(value) <= MAX_TEXT else value[:MAX_TEXT] + " [... cut at 20,000 characters]"
        if isinstance(value, np.generic):
            value = value.item()
        if isinstance(value, bool | int | float):
            return repr(value)
        if isinstance(value, pd.DataFrame):
            rows, columns = value.shape
            names = ", ".join(str(c) for c in list(value.columns)[:12]) + (", ..." if columns > 12 else "")
            return (f"a table (DataFrame) of {rows} row{'s' * (rows != 1)} × {columns} "
                    f"column{'s' * (columns != 1)}: {names}")
        if isinstance(value, pd.Series):
            return f"a Series of {len(value)} value{'s' * (len(value) != 1)} (name: {value.name!r})"
    except Exception:  # noqa: BLE001 - str and DataFrame subclasses may raise from anything
        return describe(value)
    text = _safe_repr(value)
    return describe(value) if text is None else f"{describe(value)}: {text}"


def _preview(value: object) -> str:
    """The first rows of a table or Series, as text ("" for anything else)."""
    if not isinstance(value, pd.DataFrame | pd.Series):
        return ""
    try:
        with pd.option_context("display.max_columns", 12, "display.width", 110, "display.max_colwidth", 40):
            return value.head(10).to_string() + ("\n..." if len(value) > 10 else "")
    except Exception:  # noqa: BLE001
        return ""


def outcome_label(outcome: Outcome, written: bool = False) -> str:
    """The outcome in words; a written answer that was accepted is "recorded" (it is not graded)."""
    if written and outcome is Outcome.CORRECT:
        return "written answer recorded"
    return _LABELS.get(outcome, str(outcome.value))


def _kind(question_id: str) -> str:
    try:
        return _KINDS.get(type(get_question(question_id)).__name__, "question")
    except KeyError:
        return "unknown question"


def _missing(value: object) -> bool:
    try:
        return value is _UNDEFINED or is_missing(value)
    except Exception:  # noqa: BLE001 - a str subclass whose strip() raises
        return False


def _graded(item: Item, value: object) -> Item:
    """The item with the answer shown and checked (never the expected value: only the outcome is kept)."""
    answer = "" if _missing(value) else shown_answer(value)
    item = replace(item, answer=answer, preview=_preview(value))
    try:
        feedback = evaluate(item.id, value)
    except Exception as exc:  # noqa: BLE001 - the answer key could not compute: not the student's fault
        return replace(item, status=Status.PROBLEM, outcome="not checked",
                       note=f"the checker could not check it ({type(exc).__name__}); ask your instructor")
    label = outcome_label(feedback.outcome, written=item.kind == "written answer")
    if feedback.outcome is Outcome.NOT_ANSWERED:
        why = "not answered yet" if not answer else feedback.message.split(": ", 1)[-1].splitlines()[0]
        return replace(item, status=Status.MISSING, outcome=label, note=why)
    if feedback.outcome is Outcome.UNKNOWN_QUESTION:
        return replace(item, status=Status.PROBLEM, outcome=label, note="check(...) names no question of the course")
    return replace(item, status=Status.ANSWERED, outcome=label)


# ---------------------------------------------------------------------------------------------------------------
# Reading the notebook file
# ---------------------------------------------------------------------------------------------------------------


def _python(source: str) -> str:
    """Cell source as plain Python (IPython's ``%magic`` and ``!shell`` lines turned into calls)."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
    try:
        return TransformerManager().transform_cell(source)
    except Exception:  # noqa: BLE001 - leave it to ast.parse to report
        return source


def _syntax_error(source: str) -> str:
    """'line 3: unterminated string literal' for a cell that does not parse, else ''."""
    try:
        ast.parse(_python(source))
    except SyntaxError as exc:
        return f"line {exc.lineno}: {exc.msg}" if exc.lineno else exc.msg
    except (ValueError, MemoryError, RecursionError) as exc:
        return str(exc)[:200]
    return ""


def _stored_error(cell: Mapping) -> str:
    """'NameError: name 'x' is not defined' when the cell's saved output is an error, else ''."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            value = str(output.get("evalue", "")).strip().splitlines()
            return f"{output.get('ename', 'Error')}: {value[0][:200]}" if value else str(output.get("ename", "Error"))
    return ""


def _tags(cell: Mapping) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _heading(source: str) -> str:
    match = _HEADING.search(source)
    return match.group("text") if match else ""


def _body(source: str) -> str:
    """A markdown cell without its heading line."""
    return _HEADING.sub("", source, count=1).strip() if _HEADING.search(source) else source.strip()


def _written_text(cell: Mapping) -> str:
    """What the student wrote in a "Your turn" (or tagged) cell: the cell without the invitation line."""
    lines = [line for line in cell.get("source", "").splitlines() if not line.startswith(YOUR_TURN)]
    return "\n".join(lines).strip()


def _is_written_cell(cell: Mapping) -> bool:
    return cell.get("cell_type") == "markdown" and (
        cell.get("source", "").lstrip().startswith(YOUR_TURN) or bool(ANSWER_TAGS & _tags(cell)))


@dataclass(frozen=True)
class _Check:
    """One ``check("NN.k", answer)`` call found in a code cell."""

    id: str
    variable: str
    cell: int
    title: str
    prompt: str
    syntax_error: str
    stored_error: str


def _sections(cells: Sequence[Mapping]) -> list[int | None]:
    """For each cell, the index of the nearest markdown cell with a heading at or before it."""
    current, sections = None, []
    for index, cell in enumerate(cells):
        if cell.get("cell_type") == "markdown" and _heading(cell.get("source", "")) and not _is_written_cell(cell):
            current = index
        sections.append(current)
    return sections


def _title(question_id: str, heading: str) -> str:
    text = re.sub(r"^Question\s+", "", heading)
    return text if text.startswith(question_id) else f"{question_id} · {text}" if text else question_id


def _section_text(cells: Sequence[Mapping], start: int | None, end: int) -> tuple[str, str]:
    """The heading of the section that begins at cell ``start``, and its markdown up to cell ``end``."""
    if start is None:
        return "", ""
    parts = [_body(cells[start]["source"])]
    parts += [cell["source"].strip() for cell in cells[start + 1:end]
              if cell.get("cell_type") == "markdown" and not _is_written_cell(cell)]
    return _heading(cells[start]["source"]), "\n\n".join(part for part in parts if part)


def _checks(cells: Sequence[Mapping]) -> list[_Check]:
    """The check(...) calls of the notebook, in order, with the prompt of the section each one answers."""
    sections = _sections(cells)
    found: dict[str, _Check] = {}
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        for match in _CHECK_CALL.finditer(source):
            question_id = match.group("id").strip()
            name = _NAME.match(match.group("arg").strip())
            variable = name.group(0) if name else "answer_" + question_id.replace(".", "_")
            heading, prompt = _section_text(cells, sections[index], index)
            found[question_id] = _Check(question_id, variable, index, _title(question_id, heading), prompt,
                                        _syntax_error(source), _stored_error(cell))
    return list(found.values())


class _Computed:
    """An answer computed by code (not a value written in the notebook)."""

    def __init__(self, expression: str) -> None:
        self.expression = expression


_NUMBER_OPS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
               ast.Div: lambda a, b: a / b}


def literal_value(node: ast.expr) -> object:
    """The value of an expression written as a value: a literal, or + - * / on numbers. ``ValueError`` otherwise.

    Nothing is executed: the expression is read from its syntax tree.

    >>> literal_value(ast.parse('("Kazakhstan " "votes")').body[0].value)
    'Kazakhstan votes'
    >>> literal_value(ast.parse("shares.max()").body[0].value)
    Traceback (most recent call last):
    ...
    ValueError: not a value written in the notebook
    """
    if isinstance(node, ast.BinOp) and type(node.op) in _NUMBER_OPS:
        left, right = literal_value(node.left), literal_value(node.right)
        if all(isinstance(v, int | float) and not isinstance(v, bool) for v in (left, right)):
            try:
                return _NUMBER_OPS[type(node.op)](left, right)
            except (ArithmeticError, ValueError) as exc:
                raise ValueError("not a value written in the notebook") from exc
        raise ValueError("not a value written in the notebook")
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        value = literal_value(node.operand)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return -value if isinstance(node.op, ast.USub) else value
        raise ValueError("not a value written in the notebook")
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError) as exc:
        raise ValueError("not a value written in the notebook") from exc


def _literal_answers(cells: Sequence[Mapping], checks: Sequence[_Check]) -> dict[str, object]:
    """variable -> its value (or a :class:`_Computed`), from the last top-level assignment before its check."""
    wanted = {check.variable: check.cell for check in checks}
    values: dict[str, object] = {}
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        python = _python(cell.get("source", ""))
        try:
            tree = ast.parse(python)
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            continue
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, ast.AnnAssign) and node.value is not None else []
            for target in targets:
                if isinstance(target, ast.Name) and target.id in wanted and index <= wanted[target.id]:
                    try:
                        values[target.id] = literal_value(node.value)
                    except ValueError:
                        values[target.id] = _Computed(ast.get_source_segment(python, node.value) or "...")
    return values


# ---------------------------------------------------------------------------------------------------------------
# Building the hand-in
# ---------------------------------------------------------------------------------------------------------------

_UNDEFINED = object()


def _question_item(check: _Check, value: object, error: str, running: bool) -> Item:
    """One question, checked if there is an answer to check. ``running``: the values come from a kernel."""
    item = Item(id=check.id, title=check.title, prompt=check.prompt, kind=_kind(check.id), status=Status.MISSING)
    if check.syntax_error:
        return replace(item, status=Status.PROBLEM,
                       note=f"its cell has a syntax error ({check.syntax_error}): fix it, run it, save, hand in again")
    if isinstance(value, _Computed):
        return replace(item, status=Status.NOT_CHECKED, answer=f"computed by code: {value.expression}",
                       note="computed in the notebook: call handin() in its last cell (or use --run) to check it")
    if _missing(value):
        if error:
            return replace(item, status=Status.PROBLEM, note=f"its cell stopped with an error ({error})")
        if value is _UNDEFINED:
            return replace(item, note=f"not run yet: {check.variable} is not defined (run its cell)" if running
                           else f"no answer assigned to {check.variable}")
    item = _graded(item, value)
    if error and item.status is Status.ANSWERED:
        item = replace(item, note=f"its cell last stopped with an error ({error}): this answer may come from an "
                                  "earlier run")
    return item


def _registry_only(lesson: str, seen: set[str]) -> list[str]:
    return [qid for qid in registered_ids() if qid.startswith(f"{lesson}.") and qid not in seen]


def _lesson_of(name: str, checks: Sequence[_Check]) -> str:
    if re.match(r"^\d\d(_|$)", name):
        return name[:2]
    return checks[0].id[:2] if checks else ""


def _written_items(cells: Sequence[Mapping], items: list[Item]) -> list[Item]:
    """Attach each "Your turn" text to its question, or add it as a written task of its own."""
    sections = _sections(cells)
    by_id = {item.id: n for n, item in enumerate(items)}
    tasks: list[Item] = []
    for index, cell in enumerate(cells):
        if not _is_written_cell(cell):
            continue
        text = _written_text(cell)
        start = sections[index]
        heading = _heading(cells[start]["source"]) if start is not None else ""
        ids = [qid for qid in _QUESTION_ID.findall(heading) if qid in by_id]
        if ids:
            n = by_id[ids[0]]
            if text:
                joined = "\n\n".join(t for t in (items[n].written, text) if t)
                items[n] = replace(items[n], written=joined)
            continue
        prompt = _body(cells[start]["source"]) if start is not None else ""
        status = Status.ANSWERED if text else Status.MISSING
        tasks.append(Item(id="", title=heading or "Written answer", prompt=prompt, kind="written task",
                          status=status, answer=text, outcome="written" if text else "",
                          note="" if text else "nothing written yet in its \"Your turn\" cell"))
    return items + tasks


def _verdict_sheet(folder: Path | None, path: str | Path | None = None) -> VerdictSheet:
    """The verdict sheet beside the notebook, or in ../notebooks/ (where lesson 08 saves it)."""
    candidates = [Path(path)] if path is not None else \
        [folder / SHEET_FILE, folder.parent / "notebooks" / SHEET_FILE] if folder is not None else [Path(SHEET_FILE)]
    found = next((c for c in candidates if c.is_file()), None)
    if found is None:
        return VerdictSheet(location="", problem=f"no {SHEET_FILE} found (record your verdicts in lesson 08)")
    try:
        location = os.path.relpath(found, folder) if folder is not None else found.name
    except ValueError:  # another drive (Windows)
        location = found.name
    location = Path(location).as_posix()
    try:
        sheet = read_sheet(found)
    except (ValueError, OSError) as exc:
        return VerdictSheet(location=location, problem=f"{location} could not be read: {exc}")
    rows = tuple((claim, CLAIMS[claim], verdict, reason) for claim, (verdict, reason) in sheet.items())
    return VerdictSheet(location=location, rows=rows, missing=tuple(missing_claims(sheet)))


def _title_of(cells: Sequence[Mapping], name: str) -> str:
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            match = re.search(r"^#[ \t]+(.*\S)", cell.get("source", ""), flags=re.MULTILINE)
            if match:
                return match.group(1)
    return name


def build_handin(notebook: str | Path | nbformat.NotebookNode | None, values: Mapping[str, object] | None = None,
                 *, name: str = "", folder: str | Path | None = None, cell_errors: Mapping[int, str] | None = None,
                 verdicts: str | Path | None = None, lesson: str = "", now: datetime | None = None) -> HandIn:
    """Collect the answers of a notebook into a :class:`HandIn` (pure: nothing is written or printed).

    ``notebook`` is the notebook's path or its content (None when it could not be found: the questions then come
    from the answer key). ``values`` are the running notebook's variables; None reads the answers written as values
    in the file and leaves computed ones "not checked here". ``cell_errors`` (cell index -> "NameError: ...") are
    the errors of a fresh run; by default the errors saved in the notebook count. ``verdicts`` is the verdict
    sheet's path (lesson 08; by default found beside the notebook or in ``../notebooks/``).
    """
    notes: list[str] = []
    if isinstance(notebook, str | Path):
        path = Path(notebook)
        name = name or path.name
        folder = folder if folder is not None else path.parent
        try:
            notebook = nbformat.read(path, as_version=4)
        except Exception as exc:  # noqa: BLE001 - a damaged or half-written file
            notes.append(f"The notebook file could not be read ({type(exc).__name__}); the questions below come "
                         "from the answer key.")
            notebook = None
    cells = list(notebook.cells) if notebook is not None else []
    checks = _checks(cells)
    lesson = lesson or _lesson_of(Path(name).stem, checks)
    running = values is not None
    if values is None:
        values, source = _literal_answers(cells, checks), "the saved notebook (only answers written as values)"
    else:
        source = "the running notebook"
    errors = dict(cell_errors) if cell_errors is not None else \
        {check.cell: check.stored_error for check in checks if check.stored_error}
    items = [_question_item(check, values.get(check.variable, _UNDEFINED), errors.get(check.cell, ""), running)
             for check in checks]
    for question_id in _registry_only(lesson, {check.id for check in checks}) if lesson else []:
        variable = "answer_" + question_id.replace(".", "_")
        prompt = get_question(question_id).prompt
        check = _Check(question_id, variable, -1, question_id, prompt, "", "")
        item = _question_item(check, values.get(variable, _UNDEFINED), "", running)
        if notebook is not None and item.status is not Status.ANSWERED:
            item = replace(item, note="its check(...) cell is not in the notebook")
        items.append(item)
    items = _written_items(cells, items)
    folder_path = Path(folder) if folder is not None else None
    sheet = _verdict_sheet(folder_path, verdicts) if lesson == VERDICT_LESSON else None
    created = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    return HandIn(title=_title_of(cells, name or f"Lesson {lesson}"), notebook=name, lesson=lesson, source=source,
                  items=tuple(items), sheet=sheet, created=created, notes=tuple(notes))


# ---------------------------------------------------------------------------------------------------------------
# Rendering: HTML (self-contained, every student text escaped) and Markdown
# ---------------------------------------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;
background:#fff;margin:0}
main{max-width:52rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.1rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;
vertical-align:top}
.text,.prompt,pre{white-space:pre-wrap;overflow-wrap:anywhere}
.prompt{background:#f4f4f4;padding:.5rem .75rem;border-left:4px solid #888;font-size:.95rem}
.text{border:1px solid #bbb;padding:.5rem .75rem}
pre{background:#f4f4f4;padding:.5rem;font-size:.85rem;overflow-x:auto}
.ok{color:#0b5d1e}.close,.not-checked{color:#6b4e00}.wrong{color:#8a1c1c}
.missing,.problem{color:#8a1c1c;font-weight:bold}
section{margin-bottom:1.5rem}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _status_cell(item: Item) -> str:
    """The outcome (or status) in words, with a class that colours it (the words carry the meaning)."""
    if item.status is not Status.ANSWERED:
        return f'<span class="{item.status.name.lower().replace("_", "-")}">{_e(item.status.value)}</span>'
    css = "ok" if item.outcome in ("correct", "written answer recorded", "written") else \
        "close" if item.outcome.startswith("close") else "wrong"
    return f'<span class="{css}">{_e(item.outcome)}</span>'


def _html_item(item: Item, anchor: str) -> list[str]:
    out = [f'<section id="{_e(anchor)}">', f"<h3>{_e(item.title)}</h3>"]
    if item.prompt:
        out.append(f'<div class="prompt">{_e(item.prompt)}</div>')
    if item.kind in ("written answer", "written task") and item.answer and not item.answer.startswith("computed"):
        out += ["<p><strong>Answer</strong> (written):</p>", f'<div class="text">{_e(item.answer)}</div>']
    elif item.answer:
        out.append(f"<p><strong>Answer:</strong> <code>{_e(item.answer)}</code></p>")
    else:
        out.append("<p><strong>Answer:</strong> none</p>")
    if item.preview:
        out.append(f"<pre>{_e(item.preview)}</pre>")
    if item.written:
        out += ["<p><strong>Written in the notebook:</strong></p>", f'<div class="text">{_e(item.written)}</div>']
    status = f"<p><strong>Check:</strong> {_status_cell(item)}"
    out.append(status + (f" ({_e(item.note)})" if item.note else "") + "</p>")
    out.append("</section>")
    return out


def render_html(report: HandIn) -> str:
    """The hand-in as one HTML page: styles inline, no scripts, links or external resources; all text escaped."""
    anchors = [f"item-{n}" for n in range(len(report.items))]
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<meta name="generator" content="betweenpowers.handin">',
           f"<title>Hand-in: {_e(report.title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>", "<main>",
           f"<h1>Hand-in: {_e(report.title)}</h1>",
           f"<p>Notebook <code>{_e(report.notebook)}</code> · made {_e(report.created)} · answers read from "
           f"{_e(report.source)}.</p>", f"<p>{_e(report.summary())}</p>"]
    out += [f"<p>{_e(note)}</p>" for note in report.notes]
    out += ["<h2>Summary</h2>", "<table>", "<thead><tr><th scope=\"col\">question</th><th scope=\"col\">kind</th>"
            "<th scope=\"col\">check</th></tr></thead>", "<tbody>"]
    out += [f"<tr><td>{_e(item.label)}</td><td>{_e(item.kind)}</td><td>{_status_cell(item)}</td></tr>"
            for item in report.items]
    out += ["</tbody>", "</table>", "<h2>Answers</h2>"]
    for item, anchor in zip(report.items, anchors):
        out += _html_item(item, anchor)
    if report.sheet is not None:
        out += _html_sheet(report.sheet)
    out += ["<h2>What is missing</h2>"]
    missing, unchecked = report.missing, report.not_checked
    if missing:
        out += ["<ul>", *(f"<li>{_e(line)}</li>" for line in missing), "</ul>"]
    else:
        out.append("<p>Nothing: every question has an answer.</p>")
    if unchecked:
        out.append(f"<p>Not checked here (computed by code): {_e(', '.join(unchecked))}. Run the notebook and call "
                   "<code>handin()</code> in its last cell to check them.</p>")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _html_sheet(sheet: VerdictSheet) -> list[str]:
    out = ["<h2>Verdict sheet (lesson 08)</h2>"]
    if sheet.problem and not sheet.rows:
        return out + [f'<p class="missing">{_e(sheet.problem)}</p>']
    out += [f"<p>Read from <code>{_e(sheet.location)}</code>: {len(sheet.rows)} of {len(CLAIMS)} verdicts.</p>",
            "<table>", "<thead><tr>" + "".join(f'<th scope="col">{h}</th>' for h in
                                                ("claim", "in short", "your verdict", "your reason")) + "</tr></thead>",
            "<tbody>"]
    out += ["<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>" for row in sheet.rows]
    out += ["</tbody>", "</table>"]
    if sheet.missing:
        out.append(f'<p class="missing">No verdict yet on {_e(", ".join(sheet.missing))}.</p>')
    return out


def _fenced(text: str) -> str:
    """A Markdown code block that no backticks in ``text`` can close."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def _md_escape(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _md_cell(text: str) -> str:
    return _md_escape(text).replace("|", "\\|").replace("\n", " ")


def render_markdown(report: HandIn) -> str:
    """The hand-in as Markdown; the student's text sits in code blocks, so a platform shows it and never runs it."""
    out = [f"# Hand-in: {_md_escape(report.title)}", "",
           f"Notebook `{report.notebook}` · made {report.created} · answers read from {report.source}.", "",
           report.summary(), ""]
    out += [*(f"{_md_escape(note)}\n" for note in report.notes)]
    out += ["| question | kind | check |", "|---|---|---|"]
    out += [f"| {_md_cell(item.label)} | {item.kind} | "
            f"{_md_cell(item.outcome if item.status is Status.ANSWERED else item.status.value)} |"
            for item in report.items]
    for item in report.items:
        out += ["", f"## {_md_escape(item.title)}", ""]
        if item.prompt:
            out += ["> " + line for line in _md_escape(item.prompt).splitlines()] + [""]
        out += ["Answer:", "", _fenced(item.answer) if item.answer else "none", ""]
        if item.preview:
            out += [_fenced(item.preview), ""]
        if item.written:
            out += ["Written in the notebook:", "", _fenced(item.written), ""]
        status = item.outcome if item.status is Status.ANSWERED else item.status.value
        out.append(f"Check: **{status}**" + (f" ({_md_escape(item.note)})" if item.note else ""))
    if report.sheet is not None:
        sheet = report.sheet
        out += ["", "## Verdict sheet (lesson 08)", ""]
        if sheet.problem and not sheet.rows:
            out.append(_md_escape(sheet.problem))
        else:
            out += [f"Read from `{sheet.location}`: {len(sheet.rows)} of {len(CLAIMS)} verdicts.", "",
                    "| claim | in short | your verdict | your reason |", "|---|---|---|---|"]
            out += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in sheet.rows]
    out += ["", "## What is missing", ""]
    out += [f"* {_md_escape(line)}" for line in report.missing] or ["Nothing: every question has an answer."]
    if report.not_checked:
        out += ["", f"Not checked here (computed by code): {', '.join(report.not_checked)}. Run the notebook and "
                "call `handin()` in its last cell to check them."]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------------------------
# Writing, and the two ways in: handin() in a notebook, python -m betweenpowers.handin on the command line
# ---------------------------------------------------------------------------------------------------------------


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def _write(report: HandIn, out: Path, markdown: bool) -> tuple[list[Path], str]:
    """Write the HTML (or Markdown, by the suffix) and, with ``markdown``, a Markdown copy; return (paths, problem)."""
    targets = [out]
    if markdown and out.suffix.lower() != ".md":
        targets.append(out.with_suffix(".md"))
    if any(_inside(target, data_dir()) for target in targets):
        return [], "not written: a hand-in never goes into data/ (choose another place with out=... or --out)"
    written = []
    for target in targets:
        text = render_markdown(report) if target.suffix.lower() == ".md" else render_html(report)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            return written, f"could not write {target.name}: {exc.strerror or type(exc).__name__}"
        written.append(target)
    return written, ""


def _print_summary(report: HandIn, shown: Sequence[str], problem: str) -> None:
    if problem:
        print(f"Sorry, the hand-in was {problem}." if problem.startswith("not written") else f"Sorry, {problem}.")
    else:
        print(f"Hand-in saved: {' and '.join(shown)}. Upload {'it' if len(shown) == 1 else 'the HTML file'} "
              "to your course page.")
    print(report.summary())
    for note in report.notes:
        print(note)
    missing = report.missing
    if missing:
        print(f"Still missing ({len(missing)}):")
        for line in missing:
            print(f"  {line}")
    if report.not_checked:
        print(f"Not checked here (computed by code): {', '.join(report.not_checked)}. Run the notebook and call "
              "handin() in its last cell, or use --run, to check them.")
    if not missing and not report.not_checked:
        print("Nothing is missing.")


def _session_notebook(namespace: Mapping[str, object], lesson: str) -> Path | None:
    """The notebook this kernel runs, from Jupyter or VS Code, or the lesson's notebook in the current folder."""
    here = Path.cwd()
    for candidate in (namespace.get("__vsc_ipynb_file__"), os.environ.get("JPY_SESSION_NAME"),
                      namespace.get("__session__")):
        if isinstance(candidate, str) and candidate.endswith(".ipynb"):
            for path in (Path(candidate), here / Path(candidate).name):
                if path.is_file() and _inside(path.parent, here) and _inside(here, path.parent):
                    return path
    pattern = f"{lesson}_*.ipynb" if lesson else "*.ipynb"
    found = sorted(here.glob(pattern), key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
    if lesson or len(found) == 1:
        return found[0] if found else None
    return None


def _namespace_lesson(namespace: Mapping[str, object]) -> str:
    lessons = {match.group(1) for name in list(namespace) if (match := _ANSWER_NAME.match(str(name)))}
    return lessons.pop() if len(lessons) == 1 else ""


def handin(notebook: str | Path | None = None, out: str | Path | None = None, *, markdown: bool = False,
           verdicts: str | Path | None = None, namespace: Mapping[str, object] | None = None,
           cell_errors: Mapping[int, str] | None = None) -> None:
    """Write your hand-in file beside the notebook and print its name and what is still missing; never raises.

    Call it in the last cell of an exercise notebook, after saving the notebook. It reads your answers from the
    running notebook (``namespace``: by default the variables of the notebook that calls it) and the questions and
    your written cells from the notebook file (``notebook``: found by itself, see the module docstring). ``out``
    chooses the file (``.html``, or ``.md`` for Markdown); ``markdown=True`` also writes a Markdown copy.
    """
    try:
        if namespace is None:
            namespace = sys._getframe(1).f_globals
        lesson = _namespace_lesson(namespace)
        path = Path(notebook) if notebook is not None else _session_notebook(namespace, lesson)
        report = build_handin(path, namespace, cell_errors=cell_errors, verdicts=verdicts, lesson=lesson,
                              folder=path.parent if path is not None else Path.cwd())
        if path is None:
            report = replace(report, notes=(*report.notes, "The notebook file was not found in this folder, so "
                                            "the questions come from the answer key and no written cells are "
                                            "included: call handin(\"NN_name.ipynb\") with your notebook's name."))
        stem = path.stem if path is not None else (lesson or "answers")
        if out is None:
            folder = Path(os.environ.get(HANDIN_DIR_ENV) or (path.parent if path is not None else Path.cwd()))
            target, shown = folder / f"handin_{stem}.html", None
        else:
            target, shown = Path(out), str(out)
        written, problem = _write(report, target, markdown)
        _print_summary(report, [shown if shown and p == target else p.name for p in written], problem)
    except Exception as exc:  # noqa: BLE001 - a hand-in must never end in a traceback
        print(f"Sorry, the hand-in could not be made ({type(exc).__name__}: {str(exc)[:200]}). Save the notebook, "
              "run all cells, and try again; if it happens again, tell your instructor.")


# -- the command line ------------------------------------------------------------------------------------------------


def _report_to_json(report: HandIn) -> str:
    data = asdict(report)
    data["items"] = [{**item, "status": item["status"].value} for item in data["items"]]
    return json.dumps(data)


def _report_from_json(text: str) -> HandIn:
    data = json.loads(text)
    items = tuple(Item(**{**item, "status": Status(item["status"])}) for item in data.pop("items"))
    sheet = data.pop("sheet")
    if sheet is not None:
        sheet = VerdictSheet(location=sheet["location"], rows=tuple(tuple(r) for r in sheet["rows"]),
                             missing=tuple(sheet["missing"]), problem=sheet["problem"])
    return HandIn(**{**data, "items": items, "sheet": sheet, "notes": tuple(data["notes"])})


def _print_report(notebook: str, cell_errors: Mapping[int, str]) -> None:
    """Run in the kernel by ``--run``: print the hand-in as JSON for the command line to write."""
    namespace = sys._getframe(1).f_globals
    report = build_handin(notebook, namespace, cell_errors=cell_errors, lesson=_namespace_lesson(namespace))
    print(_REPORT_MARK + _report_to_json(report))


def _run(path: Path) -> tuple[HandIn | None, str]:
    """Execute the notebook in a fresh kernel (its folder as the working folder), then collect the answers there."""
    try:
        from nbclient import NotebookClient

        notebook = nbformat.read(path, as_version=4)
    except Exception as exc:  # noqa: BLE001
        return None, f"could not run the notebook ({type(exc).__name__}: {str(exc)[:200]})"
    for cell in notebook.cells:  # a hand-in inside the run would write a file of its own
        if cell.cell_type == "code" and _HANDIN_CALL.search(cell.source):
            cell.source = ""
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT, kernel_name="python3", allow_errors=True,
                            record_timing=False, resources={"metadata": {"path": str(path.parent)}})
    errors: dict[int, str] = {}
    try:
        with client.setup_kernel():
            for index, cell in enumerate(notebook.cells):
                if cell.cell_type == "code":
                    client.execute_cell(cell, index)
                    if _stored_error(cell):
                        errors[index] = _stored_error(cell)
            final = nbformat.v4.new_code_cell("from betweenpowers.handin import _print_report\n"
                                              f"_print_report({str(path.resolve())!r}, {errors!r})")
            notebook.cells.append(final)
            client.execute_cell(final, len(notebook.cells) - 1)
    except Exception as exc:  # noqa: BLE001 - a kernel that would not start, a timeout, a dead kernel
        return None, f"could not run the notebook ({type(exc).__name__}: {str(exc).strip()[:200]})"
    printed = "".join(o.get("text", "") for o in final.outputs if o.get("output_type") == "stream")
    for line in printed.splitlines():
        if line.startswith(_REPORT_MARK):
            return _report_from_json(line.removeprefix(_REPORT_MARK)), ""
    return None, "the run did not report the answers (" + (_stored_error(final) or "no output") + ")"


def _shown_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m betweenpowers.handin NOTEBOOK [--out FILE] [--markdown] [--run]``; exit 0 when written."""
    parser = argparse.ArgumentParser(prog="python -m betweenpowers.handin",
                                     description="Collect the answers of an exercise notebook into one file to "
                                                 "upload (HTML; Markdown with --out FILE.md or --markdown).")
    parser.add_argument("notebook", type=Path, help="the exercise notebook, e.g. exercises/03_voting_vectors.ipynb")
    parser.add_argument("--out", type=Path, help="the file to write (default: handin_<notebook>.html beside it)")
    parser.add_argument("--markdown", action="store_true", help="also write a Markdown copy")
    parser.add_argument("--run", action="store_true",
                        help="execute the notebook's code in a fresh kernel first, to check computed answers "
                             "(only for your own notebook)")
    parser.add_argument("--verdicts", type=Path, help="lesson 08: the verdict sheet (default: found beside the "
                                                      "notebook or in ../notebooks/)")
    args = parser.parse_args(argv)
    path: Path = args.notebook
    try:
        nbformat.read(path, as_version=4)
    except Exception as exc:  # noqa: BLE001 - a missing, damaged or foreign file
        print(f"error: {path} cannot be read as a notebook ({type(exc).__name__})", file=sys.stderr)
        return 2
    report, problem = (None, "")
    if args.run:
        report, problem = _run(path)
        if report is None:
            print(f"Sorry, {problem}. The hand-in below checks only the answers written as values.")
    if report is None:
        report = build_handin(path, None, verdicts=args.verdicts)
    elif args.verdicts is not None and report.lesson == VERDICT_LESSON:
        report = replace(report, sheet=_verdict_sheet(path.parent, args.verdicts))
    folder = Path(os.environ.get(HANDIN_DIR_ENV) or path.parent)
    target = args.out if args.out is not None else folder / f"handin_{path.stem}.html"
    written, problem = _write(report, target, args.markdown)
    _print_summary(report, [_shown_path(p) for p in written], problem)
    return 2 if problem else 0


if __name__ == "__main__":
    raise SystemExit(main())
