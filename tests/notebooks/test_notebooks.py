"""Notebook-level tests: structure of the lessons, and exercises that give the right feedback when executed.

nbval (configured in pyproject.toml) proves that every notebook runs and compares the key outputs; the tests here
read what each ``check(...)`` printed when the notebook runner (tests/notebook_runner.py, the ``runs`` fixture)
executed the solution and exercise notebooks (tests/notebooks/test_exercise_sync.py proves the stored exercises are
what the generator makes of the solutions).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from support import ROOT

LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
ALL_NOTEBOOKS = sorted(p for d in ("notebooks", "exercises", "solutions") for p in (ROOT / d).glob("*.ipynb"))
CHECK_CALL = re.compile(r'check\("([^"]+)"')

SKELETON = ("## Overview", "### Learning objectives", "### Time to learn", "### Prerequisites",
            "## Check your understanding", "## Key takeaways", "## Sources and further reading")


def check_feedback(path: Path, printed: dict[str, list[str]]) -> dict[str, str]:
    """Map each question id to what its ``check(...)`` cell printed, from the runner's record of one run.

    ``printed`` maps a cell's index to what it showed as text (streams as ``"stdout: ..."``).
    """
    notebook = nbformat.read(path, as_version=4)
    feedback = {}
    for index, cell in enumerate(notebook.cells):
        ids = CHECK_CALL.findall(cell.source) if cell.cell_type == "code" else []
        if ids:
            shown = printed.get(str(index), [])
            feedback[ids[-1]] = "".join(t.removeprefix("stdout: ") for t in shown if t.startswith("stdout: "))
    return feedback


def test_there_is_a_lesson_and_every_lesson_has_a_pair():
    assert LESSONS, "notebooks/ has no lessons"
    for lesson in LESSONS:
        assert (ROOT / "solutions" / lesson.name).exists(), f"solutions/{lesson.name} is missing"
        assert (ROOT / "exercises" / lesson.name).exists(), f"exercises/{lesson.name} is missing"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_follows_the_skeleton_and_has_an_explorer(path):
    notebook = nbformat.read(path, as_version=4)
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    for heading in SKELETON:
        assert heading in markdown, f"{path.name}: missing '{heading}'"
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    assert "_explorer(" in code, f"{path.name}: no explorer"
    assert "NBVAL_CHECK_OUTPUT" in code, f"{path.name}: no key output compared by nbval"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_stored_notebook_is_clean(path):
    notebook = nbformat.read(path, as_version=4)
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    is_exercise = path.parent.name == "exercises"
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        if is_exercise:
            assert not cell.outputs, f"{path.name} cell {index}: exercises carry no outputs"
            continue
        assert cell.execution_count is not None, f"{path.name} cell {index}: not executed (store outputs)"
        for output in cell.outputs:
            assert output.get("output_type") != "error", f"{path.name} cell {index}: stored error"
            if "image/png" in output.get("data", {}):
                alt = output.get("metadata", {}).get("image/png", {}).get("alt", "")
                assert len(alt) > 20, f"{path.name} cell {index}: figure without alt text"


def _first_run(runs, path: Path) -> dict[str, list[str]]:
    first = runs.notebooks[f"{path.parent.name}/{path.name}"]["passes"][0]
    assert first["error"] is None, f"{path.parent.name}/{path.name} did not run: {first['error']}"
    return first["printed"]


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_solutions_pass_every_check(runs, path):
    feedback = check_feedback(path, _first_run(runs, path))
    # 4-8 questions, plus the set's one extend task (a figure: issue 11's ladder)
    assert 5 <= len(feedback) <= 9, f"expected 5-9 questions, found {sorted(feedback)}"
    for question, printed in feedback.items():
        assert printed.startswith(("Correct", "Thanks")), f"{question}: {printed!r}"


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_exercises_run_cleanly_and_report_not_answered(runs, path):
    exercise = ROOT / "exercises" / path.name
    feedback = check_feedback(exercise, _first_run(runs, exercise))
    assert feedback, "no check(...) calls in the exercise notebook"
    for question, printed in feedback.items():
        assert printed.startswith("Not answered yet"), f"{question}: {printed!r}"


def test_check_feedback_reads_the_stdout_of_each_check_cell(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_markdown_cell('check("00.1", x)'),
                      nbformat.v4.new_code_cell('check("00.1", x)'), nbformat.v4.new_code_cell('check("00.2", 2)')]
    path = tmp_path / "nb.ipynb"
    nbformat.write(notebook, path)
    printed = {"0": [], "2": ["stdout: Correct", "stdout: !\n", "stderr: noise"], "3": ["[Figure] chart"]}
    assert check_feedback(path, printed) == {"00.1": "Correct!\n", "00.2": ""}


def test_question_kinds_include_choice_and_interpretation():
    from betweenpowers.checks import ChoiceQuestion, TextQuestion, get_question

    for path in SOLUTIONS:
        notebook = nbformat.read(path, as_version=4)
        ids = {qid for c in notebook.cells if c.cell_type == "code" for qid in CHECK_CALL.findall(c.source)}
        kinds = {type(get_question(qid)) for qid in ids}
        assert ChoiceQuestion in kinds and TextQuestion in kinds, path.name


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_a_solution_with_its_answer_removed_fails_its_check(path):
    """Blank each '# SOLUTION' answer in turn: its check must then say the question is not answered."""
    from betweenpowers.checks import Outcome, evaluate

    notebook = nbformat.read(path, as_version=4)
    # One namespace for globals and locals, as in a kernel (comprehensions see the names of earlier cells).
    namespace: dict = {"_unused_check": lambda *a: None, "display": lambda *a, **k: None}
    sources = [c.source for c in notebook.cells if c.cell_type == "code"]
    blanked_any = False
    for source in sources:
        match = re.search(r"^(answer_\S+) = .*# SOLUTION$", source, flags=re.MULTILINE)
        question = CHECK_CALL.search(source)
        runnable = source.replace("check(", "_unused_check(")
        exec(compile(runnable, str(path), "exec"), namespace)
        if match and question:
            answer = namespace[match.group(1)]
            assert evaluate(question.group(1), answer).outcome is Outcome.CORRECT
            assert evaluate(question.group(1), ...).outcome is Outcome.NOT_ANSWERED
            blanked_any = True
    assert blanked_any, f"{path.name}: no '# SOLUTION' answers found"
