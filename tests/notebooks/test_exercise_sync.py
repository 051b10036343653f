"""The committed exercise notebooks match their solution notebooks.

For every ``solutions/*.ipynb``: ``exercises/`` holds exactly what
``python -m betweenpowers_tools.exercises`` would write, with no outputs and no
solution markers, tags or model answers left in it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import ROOT

from betweenpowers_tools import exercises

SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
REGENERATE = "run `python -m betweenpowers_tools.exercises` and commit exercises/"

if SOLUTIONS:
    NOTEBOOKS = [pytest.param(path, id=path.stem) for path in SOLUTIONS]
else:
    NOTEBOOKS = [pytest.param(None, id="none", marks=pytest.mark.skip(reason="solutions/ has no notebooks yet"))]


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


@pytest.mark.parametrize("solution", NOTEBOOKS)
def test_exercise_is_in_sync(solution: Path):
    target = ROOT / "exercises" / solution.name
    assert target.is_file(), f"exercises/{solution.name} is missing: {REGENERATE}"
    assert target.read_bytes() == exercises.exercise_text(solution).encode("utf-8"), (
        f"exercises/{solution.name} is out of date: {REGENERATE}"
    )


@pytest.mark.parametrize("solution", NOTEBOOKS)
def test_exercise_has_no_outputs_or_solutions(solution: Path):
    target = ROOT / "exercises" / solution.name
    if not target.is_file():
        pytest.fail(f"exercises/{solution.name} is missing: {REGENERATE}")
    # Whole model answers (cells tagged "solution" or "solution-only") must not
    # reappear; very short ones are skipped to avoid matching ordinary text.
    hidden_tags = {exercises.SOLUTION_TAG, exercises.SOLUTION_ONLY_TAG}
    model_answers = [
        _source(cell).strip()
        for cell in _cells(solution)
        if hidden_tags & set(cell.get("metadata", {}).get("tags", []))
    ]
    for index, cell in enumerate(_cells(target), start=1):
        where = f"exercises/{solution.name}, cell {index}"
        tags = cell.get("metadata", {}).get("tags", [])
        assert exercises.SOLUTION_TAG not in tags and exercises.SOLUTION_ONLY_TAG not in tags, where
        source = _source(cell)
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{where} has outputs"
            assert cell["execution_count"] is None, f"{where} has an execution count"
            for marker in ("# SOLUTION", "#SOLUTION", "BEGIN SOLUTION", "END SOLUTION"):
                assert marker not in source, f"{where} contains {marker!r}"
        for answer in model_answers:
            if len(answer) >= 40:
                assert answer not in source, f"{where} contains a model answer"


def test_no_orphaned_exercises():
    names = {path.name for path in SOLUTIONS}
    orphans = sorted(p.name for p in (ROOT / "exercises").glob("*.ipynb") if p.name not in names)
    assert not orphans, f"exercise notebooks without a solutions notebook: {orphans}"
