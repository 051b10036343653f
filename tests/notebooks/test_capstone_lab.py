"""Lesson 08 as a verdict lab: the student judges every claim before the course's verdicts are shown.

* One ``record_verdict`` cell per claim, after the claim's own block, left for the student to fill in.
* Nothing in the lesson (its text or its stored outputs) gives the course's verdicts: no "Verdict:" paragraphs, no
  verdict table, no course reason, no verdict word in the explorer's line.
* Every figure that a course reason cites is one the lesson itself prints or states, so the reveal adds judgement,
  not new numbers.
"""

from __future__ import annotations

import re

import nbformat
import pytest
from support import ROOT

from betweenpowers.answer_key.capstone import COURSE_VERDICTS
from betweenpowers.measures.claims import CLAIMS

LESSON = ROOT / "notebooks" / "08_capstone.ipynb"
RECORD = re.compile(r'^record_verdict\("(C\d\d)", \.\.\., "\.\.\."\)')


@pytest.fixture(scope="module")
def lesson() -> nbformat.NotebookNode:
    return nbformat.read(LESSON, as_version=4)


def _outputs_text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        parts += [str(value) for key, value in output.get("data", {}).items() if key.startswith("text/")]
        parts.append(str(output.get("metadata", {})))
    return "\n".join(parts)


def _whole_text(lesson) -> str:
    return "\n".join(cell.source + "\n" + _outputs_text(cell) for cell in lesson.cells)


def test_one_record_cell_per_claim_after_its_heading(lesson):
    recorded, current = [], None
    for cell in lesson.cells:
        headings = re.findall(r"^#+ (C\d\d) · ", cell.source, re.M) if cell.cell_type == "markdown" else []
        if headings:
            current = headings[-1]
        match = RECORD.match(cell.source) if cell.cell_type == "code" else None
        if match:
            assert match.group(1) == current, f"record cell for {match.group(1)} sits in the block of {current}"
            recorded.append(match.group(1))
            assert "not saved. No verdict yet" in _outputs_text(cell), f"{current}: stored output is not the prompt"
    assert sorted(recorded) == list(CLAIMS)


def test_the_lesson_gives_no_verdict_of_the_course(lesson):
    text = _whole_text(lesson)
    assert "**Verdict:" not in text and "verdicts[" not in text
    for claim, (_, reason) in COURSE_VERDICTS.items():
        assert reason[:40] not in text, f"{claim}: the course's reason is in the lesson"
    explorer_line = next(_outputs_text(c) for c in lesson.cells if c.source.startswith("default_view"))
    assert not re.search(r"\b(SUPPORTED|CONTRADICTED|NOT TESTABLE)\b", explorer_line)
    reveal = next(_outputs_text(c) for c in lesson.cells if c.source.strip() == "reveal_verdicts()")
    assert reveal.startswith("Not yet"), "the lesson was executed with a verdict sheet beside it"


def _numbers(reason: str) -> list[str]:
    """Figures a reason cites: numbers that are not years, event ids or claim ids."""
    found = re.findall(r"(?<![\w.])(\d+(?:\.\d+)?)(%?)(?![\w])", re.sub(r"\b(KZ|C)\d+\b", "", reason))
    return [number + percent for number, percent in found
            if not (len(number) == 4 and number.isdigit() and 1990 <= int(number) <= 2030)]


def _printed(figure: str, text: str) -> bool:
    forms = [figure]
    if figure.endswith("%"):  # 53.5% may be printed as a share, 0.535
        value = float(figure[:-1]) / 100
        forms += [f"{value:.3f}", f"{value:.2f}"]
    return any(re.search(rf"(?<![\d.]){re.escape(form)}(?!\d)", text) for form in forms)


def test_every_figure_in_a_course_reason_is_in_the_lesson(lesson):
    text = _whole_text(lesson)
    missing = {claim: [n for n in _numbers(reason) if not _printed(n, text)]
               for claim, (_, reason) in COURSE_VERDICTS.items()}
    assert {claim: numbers for claim, numbers in missing.items() if numbers} == {}


def test_the_figure_check_can_fail():
    assert _numbers("about 0.5 in 2019 (KZ067), 53.5% and 7 of 32") == ["0.5", "53.5%", "7", "32"]
    assert _printed("53.5%", "share 0.535") and not _printed("0.5", "r = 0.49")


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("0[0-7]_*.ipynb")), ids=lambda p: p.stem)
def test_earlier_lessons_leave_the_verdicts_to_the_student(path):
    """Lessons 00-07 show evidence on the claims; the verdicts are the student's, in the capstone."""
    text = _whole_text(nbformat.read(path, as_version=4))
    assert not re.search(r"\*\*Verdict on C\d\d|verdict from this lesson", text, re.I)
