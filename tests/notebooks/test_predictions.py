"""Predict, then explore (issue 12): before a lesson's explorer the student commits to a prediction, and after it
is asked what they saw. A checked prediction (``check("P<lesson>", prediction)``) is registered, is left blank in
the stored lesson (its stored output is the "not answered" prompt, never the answer), and its expected letter is
one of its options."""

from __future__ import annotations

import re

import nbformat
import pytest
from support import ROOT

from betweenpowers.checks import ChoiceQuestion, Outcome, evaluate, get_question
from betweenpowers.checks.questions import compute_expected

EXPLORER_CALL = re.compile(r"^\w+_explorer\(", re.M)
PREDICTION_CHECK = re.compile(r'check\("(P\d\d)", prediction\)')
#: Lessons whose explorer gets a checked prediction (the others a written one: see the lesson).
CHECKED = {"00", "01", "02", "04", "06"}
LESSONS = sorted(path for path in (ROOT / "notebooks").glob("*.ipynb") if path.name[:2] not in {"05", "08"})


def _around_explorer(path):
    cells = nbformat.read(path, as_version=4).cells
    at = next(i for i, c in enumerate(cells) if c.cell_type == "code" and EXPLORER_CALL.search(c.source))
    return cells[max(0, at - 3):at], cells[at + 1:at + 3]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_a_prediction_comes_before_the_explorer_and_a_question_after(path):
    before, after = _around_explorer(path)
    assert any(c.cell_type == "markdown" and c.source.startswith("**Predict first.**") for c in before), path.name
    assert any(c.cell_type == "markdown" and c.source.startswith("**What did you see?**") for c in after), path.name
    checks = [m[1] for c in before if c.cell_type == "code" for m in PREDICTION_CHECK.finditer(c.source)]
    assert checks == ([f"P{path.name[:2]}"] if path.name[:2] in CHECKED else []), path.name


@pytest.mark.parametrize("number", sorted(CHECKED))
def test_a_checked_prediction_is_registered_blank_and_never_answered_in_the_lesson(number):
    question = get_question(f"P{number}")
    assert isinstance(question, ChoiceQuestion)
    assert compute_expected(question) in question.letters()
    path = next((ROOT / "notebooks").glob(f"{number}_*.ipynb"))
    cell = next(c for c in nbformat.read(path, as_version=4).cells if PREDICTION_CHECK.search(c.source))
    assert cell.source.startswith("prediction = ...")
    stored = "".join(o.get("text", "") for o in cell.get("outputs", []))
    assert stored.startswith("Not answered yet"), f"{path.name}: stored output {stored!r}"
    wrong = next(letter for letter in question.letters() if letter != compute_expected(question))
    feedback = evaluate(question.id, wrong)
    right = compute_expected(question)
    assert feedback.outcome is Outcome.INCORRECT
    assert f"option {right}" not in feedback.message and question.options[right] not in feedback.message
