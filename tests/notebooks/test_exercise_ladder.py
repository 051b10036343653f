"""The exercise ladder (issue 11): every question has a rung; each set has at least one *reproduce*, two
*transfer* questions and one *extend* task (a figure whose form is checked); and the answer to a transfer question
is never printed in its lesson (stored outputs or prose) at the precision a lesson prints numbers: a student must
compute it, not read it off."""

from __future__ import annotations

import re
from collections import Counter

import nbformat
import pytest
from support import ROOT

from betweenpowers.checks import NumberQuestion, get_question, registered_ids
from betweenpowers.checks.questions import LEVELS, compute_expected

EXERCISE_IDS = [qid for qid in registered_ids() if re.fullmatch(r"\d\d\.\d+", qid)]
SETS = sorted({qid[:2] for qid in EXERCISE_IDS})


def lesson_text(number: str) -> str:
    """A lesson's prose and the text of its stored outputs (HTML tables are left out: their text/plain is kept)."""
    path = next((ROOT / "notebooks").glob(f"{number}_*.ipynb"))
    parts = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts += [str(v) for k, v in output.get("data", {}).items() if k.startswith("text/") and k != "text/html"]
    return "\n".join(parts)


def printed_forms(value: float) -> set[str]:
    """How a lesson could print ``value`` with at least three significant digits: 0.214, 21.4%, 21.39 % ..."""
    forms = set()
    for decimals in range(5):
        for text in (f"{value:.{decimals}f}", f"{value * 100:.{decimals}f}%", f"{value * 100:.{decimals}f} %"):
            if len(re.sub(r"\D", "", text).lstrip("0")) >= 3:
                forms.add(text)
    return forms


def found_in(forms: set[str], text: str) -> list[str]:
    return sorted(f for f in forms if re.search(rf"(?<![\d.]){re.escape(f)}(?!\d)", text))


def test_every_question_has_a_rung():
    missing = [qid for qid in registered_ids() if get_question(qid).level not in LEVELS]
    assert missing == []


@pytest.mark.parametrize("number", SETS)
def test_each_set_reproduces_then_transfers(number):
    rungs = Counter(get_question(qid).level for qid in EXERCISE_IDS if qid.startswith(f"{number}."))
    assert rungs["reproduce"] >= 1 and rungs["transfer"] >= 2 and rungs["extend"] >= 1, f"set {number}: {dict(rungs)}"


@pytest.mark.parametrize("number", SETS)
def test_no_transfer_answer_is_printed_in_the_lesson(number):
    text = lesson_text(number)
    printed = {}
    for qid in EXERCISE_IDS:
        question = get_question(qid)
        if qid.startswith(f"{number}.") and question.level == "transfer" and isinstance(question, NumberQuestion):
            hits = found_in(printed_forms(float(compute_expected(question))), text)
            if hits:
                printed[qid] = hits
    assert printed == {}, "transfer answers printed in the lesson"


def test_the_printed_answer_check_can_fail():
    assert found_in(printed_forms(0.21394), "Russia 21.4% of the total, share 0.214") == ["0.214", "21.4%"]
    assert found_in(printed_forms(0.21394), "0.2140 and 121.4%") == []
