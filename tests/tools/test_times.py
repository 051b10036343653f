"""Honest times (betweenpowers_tools.times): every lesson and exercise set states the time the rule gives."""

from __future__ import annotations

import re

import nbformat
import pytest
from support import ROOT

from betweenpowers_tools.times import (
    DEEP_DIVE_MARK,
    exercise_minutes,
    has_deep_dive,
    lesson_minutes,
    reading_words,
    rounded,
    stated_times,
    within,
)

LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_reading_words_counts_prose_not_link_targets_tags_or_formulas():
    text = "Read [the guide](https://example.org/a/b/c) <b>now</b>: $p_e = x$ 1,000 words."
    assert reading_words(text) == 6  # Read, the, guide, now, 1,000, words


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_stated_times_follow_the_rule(lesson):
    stated = stated_times(lesson, ROOT / "exercises" / lesson.name)
    assert stated.lesson is not None, f"{lesson.name}: no 'About **N minutes** for the lesson and ...' statement"
    assert stated.exercises is not None, f"exercises/{lesson.name}: no 'Time: about N minutes'"
    estimate, set_estimate = lesson_minutes(lesson), exercise_minutes(ROOT / "exercises" / lesson.name)
    assert within(stated.lesson, estimate), f"{lesson.name}: states {stated.lesson} min, the rule gives {estimate:.0f}"
    assert within(stated.exercises, set_estimate), (f"exercises/{lesson.name}: states {stated.exercises} min, the rule "
                                                    f"gives {set_estimate:.0f}")
    assert stated.exercises_in_lesson == stated.exercises, f"{lesson.name}: lesson and exercise set disagree"
    if has_deep_dive(lesson):
        core = lesson_minutes(lesson, deep_dives=False)
        assert stated.core is not None, f"{lesson.name}: has a deep dive but states no time without it"
        assert within(stated.core, core), f"{lesson.name}: {stated.core} min without the deep dive, rule {core:.0f}"
    else:
        assert stated.core is None, f"{lesson.name}: states a time without a deep dive it does not have"


def test_the_guide_repeats_the_lessons_times():
    guide = (ROOT / "docs" / "instructor-guide.md").read_text(encoding="utf-8")
    found = dict(re.findall(r"solutions/(\d\d)_\w+\.ipynb\)\. Notebook estimate: (\d+ minutes for the lesson[^.]*? "
                            r"and \d+ for the exercises)", guide))
    expected = {}
    for lesson in LESSONS:
        stated = stated_times(lesson, ROOT / "exercises" / lesson.name)
        core = f" ({stated.core} without the deep dive" if stated.core else ""
        if core:
            core += "s)" if f"({stated.core} without the deep dives)" in guide else ")"
        expected[lesson.name[:2]] = (f"{stated.lesson} minutes for the lesson{core} and {stated.exercises} for the "
                                     "exercises")
    assert found == expected


def test_the_rule_catches_a_hopeful_time(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("word " * 1500)]
                                        + [nbformat.v4.new_code_cell("x = 1") for _ in range(20)])
    path = tmp_path / "long.ipynb"
    nbformat.write(notebook, path)
    assert lesson_minutes(path) == pytest.approx(30)  # 10 of reading, 20 code cells
    assert not within(20, lesson_minutes(path)) and within(rounded(lesson_minutes(path)), lesson_minutes(path))


def test_a_deep_dive_runs_from_its_heading_to_the_next_section(tmp_path):
    cells = [nbformat.v4.new_markdown_cell("## 1 · Core\n\n" + "word " * 150),
             nbformat.v4.new_markdown_cell(f"## 2 · Detour {DEEP_DIVE_MARK}\n\n" + "word " * 300),
             nbformat.v4.new_code_cell("x = 1"),
             nbformat.v4.new_markdown_cell("## 3 · Core again\n\n" + "word " * 150)]
    path = tmp_path / "deep.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    assert has_deep_dive(path)
    assert lesson_minutes(path, deep_dives=False) == pytest.approx(305 / 150)  # the two core cells: 152 + 153 words
    assert lesson_minutes(path) == pytest.approx((305 + 304) / 150 + 1)  # and the deep dive: 304 words, a code cell
