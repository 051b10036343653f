"""Honest times: the rule behind every "Time to learn" of the series (docs/authoring.md, "Time to learn").

A lesson's time is what a student needs to read its prose and work through its cells; an exercise set's, what they
need to read the questions and answer them. Both are estimated from the notebook itself:

* reading: :data:`READING_WORDS_PER_MINUTE` words of Markdown a minute (links, HTML tags and formulas not counted);
* lessons: :data:`MINUTES_PER_CODE_CELL` per code cell (read, run, read the output), :data:`MINUTES_PER_FIGURE` more
  per stored figure, :data:`MINUTES_PER_EXPLORER` per explorer (predict, then explore);
* exercise sets: :data:`MINUTES_PER_QUESTION_CELL` per code cell the student fills in (one with a ``check(`` or a
  ``...`` blank), :data:`MINUTES_PER_WRITTEN`
  per written answer (an interpretation of 80-150 words).

A section whose heading ends with :data:`DEEP_DIVE_MARK` (a provenance detour or a source reconciliation that a
class can skip) is a *deep dive*: a lesson that has one also states its time without it, the *core*.

A stated time passes when it is within :data:`TOLERANCE` of the rule's estimate (``tests/tools/test_times.py``).
Run ``python -m betweenpowers_tools.times`` for the table of estimates against the stated times.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

READING_WORDS_PER_MINUTE = 150
MINUTES_PER_CODE_CELL = 1.0
MINUTES_PER_FIGURE = 1.0
MINUTES_PER_EXPLORER = 5.0
MINUTES_PER_QUESTION_CELL = 3.0
MINUTES_PER_WRITTEN = 8.0
#: How far a stated time may be from the estimate (a share of the estimate).
TOLERANCE = 0.25

_NOT_WORDS = re.compile(r"\]\([^)]*\)|<[^>]+>|\$\$.*?\$\$|\$[^$\n]*\$|`{3}.*?`{3}", re.S)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,%-]*")
_EXPLORER_CALL = re.compile(r"\b\w+_explorer\(")
_WRITTEN = re.compile(r"# write your answer|as a string", re.I)
#: The end of a section heading that marks a deep dive, e.g. ``## 7 · Why must sources not be mixed? (deep dive)``.
DEEP_DIVE_MARK = "(deep dive)"
_SECTION = re.compile(r"^## ", re.M)
#: "About **40 minutes** for the lesson and **20 minutes** for the exercises", or with a deep dive
#: "About **70 minutes** for the lesson (**55** without the deep dive) and **30 minutes** for the exercises"
LESSON_STATEMENT = re.compile(r"About \*\*(\d+) minutes\*\* for the lesson (?:\(\*\*(\d+)\*\* without the deep "
                              r"dives?\) )?and \*\*(\d+) minutes\*\* for the exercises")
#: "Time: about 20 minutes" in an exercise set's first cell
EXERCISE_STATEMENT = re.compile(r"Time: about (\d+) minutes")


def reading_words(markdown: str) -> int:
    """Words a student reads in a Markdown text (link targets, tags, formulas and code blocks left out)."""
    return len(_WORD.findall(_NOT_WORDS.sub(" ", markdown)))


def _markdown_words(notebook: nbformat.NotebookNode) -> int:
    return sum(reading_words(cell.source) for cell in notebook.cells if cell.cell_type == "markdown")


def _code_cells(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def _figures(cell: nbformat.NotebookNode) -> int:
    return sum("image/png" in output.get("data", {}) for output in cell.get("outputs", []))


def _cell_minutes(cell: nbformat.NotebookNode) -> float:
    if cell.cell_type == "markdown":
        return reading_words(cell.source) / READING_WORDS_PER_MINUTE
    if cell.cell_type != "code":
        return 0.0
    return (MINUTES_PER_CODE_CELL + MINUTES_PER_FIGURE * _figures(cell)
            + MINUTES_PER_EXPLORER * bool(_EXPLORER_CALL.search(cell.source)))


def _in_deep_dive(notebook: nbformat.NotebookNode) -> list[bool]:
    """For each cell, whether it belongs to a deep-dive section (from its ``## ...(deep dive)`` heading to the next
    ``## `` heading)."""
    inside, flags = False, []
    for cell in notebook.cells:
        headings = [line for line in cell.source.splitlines() if line.startswith("## ")] \
            if cell.cell_type == "markdown" else []
        if headings:
            inside = headings[0].rstrip().endswith(DEEP_DIVE_MARK)
        flags.append(inside)
        if headings and len(headings) > 1:  # a cell that closes one section and opens another
            inside = headings[-1].rstrip().endswith(DEEP_DIVE_MARK)
    return flags


def has_deep_dive(path: Path) -> bool:
    """Whether a lesson has a section marked as a deep dive."""
    return any(_in_deep_dive(nbformat.read(path, as_version=4)))


def lesson_minutes(path: Path, deep_dives: bool = True) -> float:
    """The rule's estimate for a lesson notebook, in minutes (without its deep dives if ``deep_dives`` is False)."""
    notebook = nbformat.read(path, as_version=4)
    flags = _in_deep_dive(notebook)
    return sum(_cell_minutes(cell) for cell, deep in zip(notebook.cells, flags, strict=True)
               if deep_dives or not deep)


def exercise_minutes(path: Path) -> float:
    """The rule's estimate for an exercise set (an exercises/ notebook), in minutes."""
    notebook = nbformat.read(path, as_version=4)
    # cells the student works in: a check or a blank to fill; the set-up, hand-in and reveal cells are only run
    cells = [cell for cell in _code_cells(notebook) if "check(" in cell.source or "..." in cell.source]
    written = sum(bool(_WRITTEN.search(cell.source)) for cell in cells)
    return (_markdown_words(notebook) / READING_WORDS_PER_MINUTE + MINUTES_PER_QUESTION_CELL * (len(cells) - written)
            + MINUTES_PER_WRITTEN * written)


def rounded(minutes: float) -> int:
    """A time as a lesson states it: to the nearest 5 minutes, at least 5."""
    return max(5, int(5 * round(minutes / 5)))


def within(stated: float, estimate: float) -> bool:
    """True when a stated time is within :data:`TOLERANCE` of the estimate."""
    return abs(stated - estimate) <= TOLERANCE * estimate


@dataclass(frozen=True)
class StatedTimes:
    """The times a lesson and its exercise set state, in minutes (None where none is stated)."""

    lesson: int | None
    core: int | None  #: without the deep dives, where the lesson has some
    exercises_in_lesson: int | None
    exercises: int | None


def stated_times(lesson: Path, exercises: Path) -> StatedTimes:
    """The lesson's "Time to learn" statement and the exercise set's "Time: about N minutes"."""
    first = nbformat.read(lesson, as_version=4).cells[0].source
    match = LESSON_STATEMENT.search(first)
    set_first = nbformat.read(exercises, as_version=4).cells[0].source
    set_match = EXERCISE_STATEMENT.search(set_first)
    return StatedTimes(int(match[1]) if match else None, int(match[2]) if match and match[2] else None,
                       int(match[3]) if match else None, int(set_match[1]) if set_match else None)


def main(root: Path = Path(".")) -> int:
    """Print, per lesson, the rule's estimates and the stated times."""
    print(f"{'lesson':32} {'rule':>5} {'stated':>6} {'core rule':>9} {'stated':>6}  {'exercises rule':>14} "
          f"{'stated':>6}")
    for lesson in sorted((root / "notebooks").glob("*.ipynb")):
        exercises = root / "exercises" / lesson.name
        stated = stated_times(lesson, exercises)
        core = rounded(lesson_minutes(lesson, deep_dives=False)) if has_deep_dive(lesson) else "-"
        print(f"{lesson.stem:32} {rounded(lesson_minutes(lesson)):>5} {stated.lesson!s:>6} {core!s:>9} "
              f"{stated.core or '-'!s:>6}  {rounded(exercise_minutes(exercises)):>14} {stated.exercises!s:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
