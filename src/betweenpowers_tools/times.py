"""Honest times: the rule behind every "Time to learn" of the series (docs/authoring.md, "Time to learn").

A lesson's time is what a student needs to read its prose and work through its cells; an exercise set's, what they
need to read the questions and answer them. Both are estimated from the notebook itself:

* reading: :data:`READING_WORDS_PER_MINUTE` words of Markdown a minute (links, HTML tags and formulas not counted);
* lessons: :data:`MINUTES_PER_CODE_CELL` per code cell (read, run, read the output), :data:`MINUTES_PER_FIGURE` more
  per stored figure, :data:`MINUTES_PER_EXPLORER` per explorer (predict, then explore);
* exercise sets: :data:`MINUTES_PER_QUESTION_CELL` per code cell the student fills in (one with a ``check(`` or a
  ``...`` blank), :data:`MINUTES_PER_WRITTEN`
  per written answer (an interpretation of 80-150 words).

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
#: "About **40 minutes** for the lesson and **20 minutes** for the exercises"
LESSON_STATEMENT = re.compile(r"About \*\*(\d+) minutes\*\* for the lesson and \*\*(\d+) minutes\*\* for the exercises")
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


def lesson_minutes(path: Path) -> float:
    """The rule's estimate for a lesson notebook, in minutes."""
    notebook = nbformat.read(path, as_version=4)
    cells = _code_cells(notebook)
    return (_markdown_words(notebook) / READING_WORDS_PER_MINUTE + MINUTES_PER_CODE_CELL * len(cells)
            + MINUTES_PER_FIGURE * sum(_figures(cell) for cell in cells)
            + MINUTES_PER_EXPLORER * sum(bool(_EXPLORER_CALL.search(cell.source)) for cell in cells))


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
    exercises_in_lesson: int | None
    exercises: int | None


def stated_times(lesson: Path, exercises: Path) -> StatedTimes:
    """The lesson's "Time to learn" statement and the exercise set's "Time: about N minutes"."""
    first = nbformat.read(lesson, as_version=4).cells[0].source
    match = LESSON_STATEMENT.search(first)
    set_first = nbformat.read(exercises, as_version=4).cells[0].source
    set_match = EXERCISE_STATEMENT.search(set_first)
    return StatedTimes(int(match[1]) if match else None, int(match[2]) if match else None,
                       int(set_match[1]) if set_match else None)


def main(root: Path = Path(".")) -> int:
    """Print, per lesson, the rule's estimates and the stated times."""
    print(f"{'lesson':32} {'rule':>5} {'stated':>6}  {'exercises rule':>14} {'stated':>6}")
    for lesson in sorted((root / "notebooks").glob("*.ipynb")):
        exercises = root / "exercises" / lesson.name
        stated = stated_times(lesson, exercises)
        print(f"{lesson.stem:32} {rounded(lesson_minutes(lesson)):>5} {stated.lesson!s:>6}  "
              f"{rounded(exercise_minutes(exercises)):>14} {stated.exercises!s:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
