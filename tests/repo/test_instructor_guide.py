"""docs/instructor-guide.md: a section for every lesson, session plans that add up, a real answer key, no dead links.

For every notebook ``notebooks/NN_<slug>.ipynb`` the guide must have a section headed ``## Lesson NN · <title>``
that holds

* a ``### 45-minute plan`` and a ``### 90-minute plan``, each a table whose rows start with a minute range
  (``| 0–5 | ...``); the ranges start at 0, follow on without gaps or overlaps, and end at 45 and 90;
* a ``### Learning objectives`` list with as many items as the lesson's own list;
* a link to its answer key ``../solutions/NN_<slug>.ipynb`` (which must exist), and the question ids of that
  notebook's ``check("NN.k", ...)`` calls, each written in backticks (`` `NN.k` ``): at least one, none that the
  notebook does not check, and none of its questions left out.

Every relative link in the guide (``[text](path)``, ``[text](path#anchor)``, ``[text](#anchor)``) must point to
an existing file, and an anchor to a heading of that file.

The checks are pure functions of the guide's text and two folders, so the self-tests at the end run them on a
small, deliberately broken guide in a temporary folder and show that each kind of error is caught.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from support import ROOT

GUIDE = ROOT / "docs" / "instructor-guide.md"
NOTEBOOKS = ROOT / "notebooks"
SOLUTIONS = ROOT / "solutions"

PLAN_LENGTHS = (45, 90)

LESSON_FILE = re.compile(r"^(\d{2})_\w+\.ipynb$")
LESSON_HEADING = re.compile(r"^## Lesson (\d{2}) · \S.*$", re.MULTILINE)
LEVEL_2_HEADING = re.compile(r"^## ", re.MULTILINE)
SUBHEADING = re.compile(r"^### (.+?)\s*$", re.MULTILINE)
MINUTE_RANGE = re.compile(r"^(\d+)\s*[–-]\s*(\d+)$")
TABLE_SEPARATOR = re.compile(r"^\|[\s:|-]+\|$")
NUMBERED_ITEM = re.compile(r"^\d+\.\s", re.MULTILINE)
QUESTION_ID = re.compile(r"`(\d{2}\.\d+)`")
CHECK_CALL = re.compile(r"""\bcheck\(\s*["'](\d{2}\.\d+)["']""")
FENCED_BLOCK = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
URL_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)


# ---------------------------------------------------------------------------
# Reading the lessons and the answer keys
# ---------------------------------------------------------------------------


def lesson_notebooks(notebooks_dir: Path) -> dict[str, str]:
    """Lesson number -> notebook file name, for every ``NN_<slug>.ipynb`` in the folder."""
    lessons = {}
    for path in sorted(notebooks_dir.glob("*.ipynb")):
        match = LESSON_FILE.match(path.name)
        if match:
            lessons[match[1]] = path.name
    return lessons


def checked_ids(solutions_path: Path) -> set[str]:
    """The question ids passed to ``check(...)`` in the code cells of a solutions notebook."""
    notebook = nbformat.read(solutions_path, as_version=4)
    return {qid for cell in notebook.cells if cell.cell_type == "code" for qid in CHECK_CALL.findall(cell.source)}


def objectives_in(markdown: str) -> int:
    """Number of numbered items under a ``### Learning objectives`` heading, up to the next heading."""
    start = re.search(r"^### Learning objectives\s*$", markdown, re.MULTILINE)
    if start is None:
        return 0
    rest = markdown[start.end():]
    end = re.search(r"^#{1,6} ", rest, re.MULTILINE)
    return len(NUMBERED_ITEM.findall(rest[: end.start()] if end else rest))


def notebook_objectives(notebook_path: Path) -> int:
    notebook = nbformat.read(notebook_path, as_version=4)
    text = "\n\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    return objectives_in(text)


# ---------------------------------------------------------------------------
# Reading the guide
# ---------------------------------------------------------------------------


def lesson_sections(text: str) -> list[tuple[str, str]]:
    """(lesson number, section text) for every ``## Lesson NN · ...`` heading, in order; a section runs to the next
    level-2 heading."""
    sections = []
    for match in LESSON_HEADING.finditer(text):
        following = LEVEL_2_HEADING.search(text, match.end())
        sections.append((match[1], text[match.start(): following.start() if following else len(text)]))
    return sections


def subsection(section: str, title: str) -> str | None:
    """The text under ``### <title>`` up to the next level-3 heading, or None."""
    headings = list(SUBHEADING.finditer(section))
    for i, heading in enumerate(headings):
        if heading[1] == title:
            end = headings[i + 1].start() if i + 1 < len(headings) else len(section)
            return section[heading.end(): end]
    return None


def plan_rows(section: str, minutes: int) -> tuple[list[tuple[int, int]], list[str]] | None:
    """Minute ranges of the ``### <minutes>-minute plan`` table, and its rows that do not start with a range.

    None when the section has no such plan. The first table row is the header; separator rows are skipped.
    """
    body = subsection(section, f"{minutes}-minute plan")
    if body is None:
        return None
    rows = [line.strip() for line in body.splitlines() if line.strip().startswith("|")]
    ranges, bad = [], []
    for row in rows[1:]:
        if TABLE_SEPARATOR.match(row):
            continue
        first_cell = row.strip("|").split("|")[0].strip()
        match = MINUTE_RANGE.match(first_cell)
        if match:
            ranges.append((int(match[1]), int(match[2])))
        else:
            bad.append(row)
    return ranges, bad


def range_problems(ranges: list[tuple[int, int]], total: int) -> list[str]:
    """What is wrong with a plan's minute ranges: they must run 0–…–total, contiguous, each at least a minute."""
    if not ranges:
        return ["has no minute ranges"]
    problems = []
    if ranges[0][0] != 0:
        problems.append(f"starts at minute {ranges[0][0]}, not 0")
    for (start, end), (next_start, _) in zip(ranges, ranges[1:]):
        if next_start != end:
            problems.append(f"is not contiguous: {start}–{end} is followed by a range starting at {next_start}")
    problems += [f"has an empty or reversed range {start}–{end}" for start, end in ranges if end <= start]
    if ranges[-1][1] != total:
        problems.append(f"ends at minute {ranges[-1][1]}, not {total}")
    length = sum(end - start for start, end in ranges)
    if length != total:
        problems.append(f"ranges add up to {length} minutes, not {total}")
    return problems


def github_anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(markdown: str) -> set[str]:
    return {github_anchor(heading) for heading in MARKDOWN_HEADING.findall(FENCED_BLOCK.sub("", markdown))}


def relative_links(text: str) -> list[str]:
    """Targets of the Markdown links that are not URLs (code blocks are ignored)."""
    return [target for target in LINK.findall(FENCED_BLOCK.sub("", text)) if not URL_SCHEME.match(target)]


def link_problems(text: str, base_dir: Path) -> list[str]:
    """Relative links whose file does not exist, or whose anchor is not a heading of the linked Markdown file."""
    problems = []
    own_anchors = anchors(text)
    for target in relative_links(text):
        path_part, _, fragment = target.partition("#")
        if not path_part:
            if fragment not in own_anchors:
                problems.append(f"link {target!r}: no heading with that anchor in the guide")
            continue
        path = (base_dir / path_part).resolve()
        if not path.exists():
            problems.append(f"link {target!r}: {path_part} does not exist")
        elif fragment and path.suffix == ".md" and fragment not in anchors(path.read_text(encoding="utf-8")):
            problems.append(f"link {target!r}: no heading with anchor #{fragment} in {path_part}")
    return problems


def section_problems(number: str, section: str, notebook_name: str, notebooks_dir: Path,
                     solutions_dir: Path) -> list[str]:
    """Everything wrong with one lesson's section of the guide."""
    where = f"lesson {number}"
    problems = []
    for minutes in PLAN_LENGTHS:
        plan = plan_rows(section, minutes)
        if plan is None:
            problems.append(f"{where}: no '### {minutes}-minute plan'")
            continue
        ranges, bad_rows = plan
        problems += [f"{where}: {minutes}-minute plan row without a minute range: {row}" for row in bad_rows]
        problems += [f"{where}: {minutes}-minute plan {problem}" for problem in range_problems(ranges, minutes)]

    expected_objectives = notebook_objectives(notebooks_dir / notebook_name)
    found_objectives = objectives_in(section)
    if found_objectives != expected_objectives:
        problems.append(f"{where}: {found_objectives} learning objectives, the lesson lists {expected_objectives}")

    solutions_link = f"../solutions/{notebook_name}"
    solutions_path = solutions_dir / notebook_name
    if f"]({solutions_link})" not in section:
        problems.append(f"{where}: no link to its answer key {solutions_link}")
    if not solutions_path.exists():
        problems.append(f"{where}: the answer key {solutions_path.name} does not exist in {solutions_dir.name}/")
        return problems

    checked = checked_ids(solutions_path)
    named = {qid for qid in QUESTION_ID.findall(section) if qid.startswith(f"{number}.")}
    if not named & checked:
        problems.append(f"{where}: names no question id checked in {solutions_link}")
    problems += [f"{where}: question {qid} is not checked in {solutions_link}" for qid in sorted(named - checked)]
    problems += [f"{where}: question {qid} of {solutions_link} is not listed" for qid in sorted(checked - named)]
    return problems


def guide_problems(text: str, notebooks_dir: Path, solutions_dir: Path, base_dir: Path) -> list[str]:
    """Every problem of the guide: sections per lesson, their contents, and its relative links."""
    lessons = lesson_notebooks(notebooks_dir)
    sections = lesson_sections(text)
    numbers = [number for number, _ in sections]
    problems = [f"lesson {number}: no section '## Lesson {number} · ...'"
                for number in lessons if number not in numbers]
    problems += [f"lesson {number}: section but no notebook" for number in sorted(set(numbers) - set(lessons))]
    repeated = sorted({n for n in numbers if numbers.count(n) > 1})
    problems += [f"lesson {number}: more than one section" for number in repeated]
    for number, section in sections:
        if number in lessons:
            problems += section_problems(number, section, lessons[number], notebooks_dir, solutions_dir)
    return problems + link_problems(text, base_dir)


# ---------------------------------------------------------------------------
# The real guide
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def guide() -> str:
    assert GUIDE.exists(), "docs/instructor-guide.md is missing"
    return GUIDE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sections(guide) -> dict[str, str]:
    return dict(lesson_sections(guide))


LESSONS = lesson_notebooks(NOTEBOOKS)


def test_the_series_has_lessons():
    assert "00" in LESSONS and len(LESSONS) >= 2, f"no lessons found in {NOTEBOOKS}"


def test_every_lesson_has_exactly_one_section(guide):
    numbers = [number for number, _ in lesson_sections(guide)]
    assert sorted(numbers) == sorted(LESSONS), {"lessons": sorted(LESSONS), "sections": numbers}
    assert numbers == sorted(numbers), "lesson sections are not in course order"


@pytest.mark.parametrize("number", sorted(LESSONS))
@pytest.mark.parametrize("minutes", PLAN_LENGTHS)
def test_session_plan_is_contiguous_and_adds_up(sections, number, minutes):
    plan = plan_rows(sections[number], minutes)
    assert plan is not None, f"lesson {number} has no '### {minutes}-minute plan'"
    ranges, bad_rows = plan
    assert not bad_rows, f"lesson {number}: rows without a minute range: {bad_rows}"
    assert range_problems(ranges, minutes) == [], f"lesson {number}, {minutes}-minute plan: {ranges}"


@pytest.mark.parametrize("number", sorted(LESSONS))
def test_section_names_its_answer_key_and_real_question_ids(sections, number):
    problems = section_problems(number, sections[number], LESSONS[number], NOTEBOOKS, SOLUTIONS)
    assert problems == []


def test_relative_links_resolve(guide):
    assert relative_links(guide), "the guide has no relative links at all (did the link pattern break?)"
    assert link_problems(guide, GUIDE.parent) == []


def test_whole_guide_has_no_problems(guide):
    assert guide_problems(guide, NOTEBOOKS, SOLUTIONS, GUIDE.parent) == []


# ---------------------------------------------------------------------------
# Facts the guide states about the data agree with the data
# ---------------------------------------------------------------------------
KZ_ID = re.compile(r"\bKZ\d{3}\b")


def test_borderline_rows_named_for_the_coding_exercise_are_every_flagged_row_of_the_sample(guide):
    """The guide names the sample's rows the compiler flags as borderline: all of them, and no others."""
    from betweenpowers.measures.coding import CODING_SAMPLE
    from betweenpowers.measures.events import BORDERLINE_EVENTS

    flagged = {event for event in CODING_SAMPLE if event in BORDERLINE_EVENTS}
    text = " ".join(guide.split())
    start = text.index("the compiler flags as borderline")
    named = set(KZ_ID.findall(text[start:text.index(", and on ", start)]))
    assert named == flagged, f"the sample's borderline rows are {sorted(flagged)}, the guide names {sorted(named)}"
    words = {2: "two", 3: "three", 4: "four"}
    assert f"the {words[len(flagged)]} rows of the sample" in text


def _month_precision_roll_calls() -> list[dict[str, str]]:
    import csv

    with (ROOT / "data" / "unga_roll_calls.csv").open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["date_precision"] == "month"]


def test_guide_gives_no_day_for_a_roll_call_whose_day_is_unreliable(guide):
    """For Voeten's roll calls of 1992-2002 only the month is reliable: the guide may not state their day."""
    from datetime import date

    rows = _month_precision_roll_calls()
    assert rows, "unga_roll_calls has no row with date_precision 'month'"
    for row in rows:
        day = date.fromisoformat(row["date"])
        for written in (row["date"], f"{day.day} {day:%B %Y}", f"{day:%B} {day.day}, {day.year}"):
            assert written not in guide, f"the guide gives {written!r}, the unreliable date of {row['symbol']}"
    first_vote = next(line for line in guide.splitlines() if "first vote" in line)
    assert "R/47/1" in first_vote and "September 1992" in first_vote
    assert not re.search(r"\d{1,2} September 1992", first_vote)


# ---------------------------------------------------------------------------
# Self-tests: the checks catch a broken guide
# ---------------------------------------------------------------------------

GOOD_SECTION = """\
## Lesson {n} · Demo {n}

[solutions](../solutions/{n}_demo.ipynb)

### Learning objectives

1. one;
2. two.

### 45-minute plan

| minutes | activity |
|---|---|
| 0–20 | first |
| 20–45 | second |

### 90-minute plan

| minutes | activity |
|---|---|
| 0–30 | first |
| 30-60 | second |
| 60–90 | third |

### Answer key

`{n}.1` and `{n}.2`; see also [the intro](#intro).
"""

GOOD_GUIDE = "# Guide\n\n## Intro\n\nSee [the other page](other.md#a-heading).\n\n" + "".join(
    GOOD_SECTION.format(n=n) for n in ("00", "01"))


def write_notebook(path: Path, cells) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(new_notebook(cells=cells), path)


@pytest.fixture
def demo_repo(tmp_path) -> Path:
    """A tiny repository: two lessons with two objectives each, their solutions checking NN.1 and NN.2."""
    for n in ("00", "01"):
        write_notebook(tmp_path / "notebooks" / f"{n}_demo.ipynb",
                       [new_markdown_cell("# Demo\n\n### Learning objectives\n\n1. one;\n2. two.\n\n### Time")])
        write_notebook(tmp_path / "solutions" / f"{n}_demo.ipynb",
                       [new_code_cell(f'check("{n}.1", a)\ncheck(\'{n}.2\', b)')])
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "other.md").write_text("# Other\n\n## A heading\n", encoding="utf-8")
    return tmp_path


def problems_of(text: str, repo: Path) -> list[str]:
    return guide_problems(text, repo / "notebooks", repo / "solutions", repo / "docs")


def test_self_test_a_good_guide_has_no_problems(demo_repo):
    assert problems_of(GOOD_GUIDE, demo_repo) == []


BREAKAGES: dict[str, tuple[Callable[[str], str], str]] = {
    "missing section": (lambda t: t[: t.index("## Lesson 01")], "lesson 01: no section"),
    "gap in the 45-minute plan": (lambda t: t.replace("| 20–45 | second |", "| 25–45 | second |", 1),
                                  "is not contiguous"),
    "overlap in the 90-minute plan": (lambda t: t.replace("| 30-60 |", "| 25-60 |", 1), "is not contiguous"),
    "90-minute plan too short": (lambda t: t.replace("| 60–90 | third |", "| 60–85 | third |", 1),
                                 "ends at minute 85, not 90"),
    "plan not starting at 0": (lambda t: t.replace("| 0–20 | first |", "| 5–20 | first |", 1),
                               "starts at minute 5"),
    "row without a range": (lambda t: t.replace("| 20–45 | second |", "| twenty | second |", 1),
                            "row without a minute range"),
    "no 90-minute plan": (lambda t: t.replace("### 90-minute plan", "### Long plan", 1), "no '### 90-minute plan'"),
    "no link to the solutions": (lambda t: t.replace("](../solutions/00_demo.ipynb)", "](../exercises/x.ipynb)"),
                                 "no link to its answer key"),
    "unknown question id": (lambda t: t.replace("`00.2`", "`00.9`", 1), "question 00.9 is not checked"),
    "no question id at all": (lambda t: t.replace("`00.1` and `00.2`", "the questions", 1),
                              "names no question id"),
    "objectives differ": (lambda t: t.replace("2. two.\n", "", 1), "1 learning objectives, the lesson lists 2"),
    "broken file link": (lambda t: t.replace("(other.md#a-heading)", "(missing.md)"), "missing.md does not exist"),
    "broken anchor in another file": (lambda t: t.replace("other.md#a-heading", "other.md#nope"),
                                      "no heading with anchor #nope in other.md"),
    "broken anchor in the guide": (lambda t: t.replace("(#intro)", "(#nowhere)", 1),
                                   "no heading with that anchor in the guide"),
    "duplicate section": (lambda t: t + GOOD_SECTION.format(n="01"), "lesson 01: more than one section"),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_self_test_each_breakage_is_caught(demo_repo, name):
    break_it, expected = BREAKAGES[name]
    broken = break_it(GOOD_GUIDE)
    assert broken != GOOD_GUIDE, f"the breakage {name!r} did not change the text"
    problems = problems_of(broken, demo_repo)
    assert any(expected in problem for problem in problems), problems


def test_self_test_missing_solutions_notebook_is_caught(demo_repo):
    (demo_repo / "solutions" / "01_demo.ipynb").unlink()
    assert any("01_demo.ipynb does not exist" in p for p in problems_of(GOOD_GUIDE, demo_repo))


def test_self_test_unlisted_question_is_caught(demo_repo):
    write_notebook(demo_repo / "solutions" / "00_demo.ipynb",
                   [new_code_cell('check("00.1", a)\ncheck("00.2", b)\ncheck("00.3", c)')])
    assert any("question 00.3 of" in p and "is not listed" in p for p in problems_of(GOOD_GUIDE, demo_repo))


@pytest.mark.parametrize(("ranges", "total", "expected"), [
    ([(0, 10), (10, 45)], 45, []),
    ([], 45, ["has no minute ranges"]),
    ([(0, 10), (10, 10), (10, 45)], 45, ["has an empty or reversed range 10–10"]),
    ([(0, 50)], 45, ["ends at minute 50, not 45", "ranges add up to 50 minutes, not 45"]),
])
def test_self_test_range_problems(ranges, total, expected):
    assert range_problems(ranges, total) == expected


def test_self_test_github_anchor_matches_the_guide_headings():
    assert github_anchor("Running the coding-agreement exercise (lesson 05)") == (
        "running-the-coding-agreement-exercise-lesson-05")
    assert github_anchor("Lesson 00 · Start here") == "lesson-00--start-here"


def test_guide_lists_the_course_verdicts_as_the_answer_key_has_them(guide):
    from betweenpowers.answer_key.capstone import COURSE_VERDICTS
    from betweenpowers.measures.claims import VERDICTS

    rows = dict(re.findall(r"^\| (C\d\d) \| [^|]+ \| ([a-z ]+) \|$", guide, re.M))
    assert rows == {claim: verdict for claim, (verdict, _) in COURSE_VERDICTS.items()}
    tally = {v: sum(verdict == v for verdict, _ in COURSE_VERDICTS.values()) for v in VERDICTS}
    assert (f"{tally['supported']} supported, {tally['partly supported']} partly supported, "
            f"{tally['not testable with this data']} not testable") in guide


def _expected_as_shown(question_id: str) -> str:
    """How the guide's answer tables show a question's expected answer (computed by the answer key)."""
    from betweenpowers.checks import get_question
    from betweenpowers.checks.questions import (
        ChoiceQuestion,
        FigureQuestion,
        NumberQuestion,
        TextQuestion,
        compute_expected,
    )

    question = get_question(question_id)
    if isinstance(question, TextQuestion):
        return "rubric below"
    if isinstance(question, FigureQuestion):
        return "a figure (form checked)"
    value = compute_expected(question)
    if isinstance(question, ChoiceQuestion):
        return f"**{value}**"
    if isinstance(question, NumberQuestion):
        return f"{value:.3g}"
    if hasattr(value, "shape"):
        return f"a table of {len(value)} rows (see the solutions)"
    return f"`{value}`"


def test_answer_tables_give_the_expected_answer_the_key_computes(guide):
    rows = re.findall(r"^\| `(\d\d\.\d)` \| .* \| ([^|]+) \| [^|]+ \|$", guide, re.M)
    assert len(rows) >= 55 and len({qid for qid, _ in rows}) == len(rows)
    wrong = {qid: (shown, _expected_as_shown(qid)) for qid, shown in rows if shown != _expected_as_shown(qid)}
    assert wrong == {}, "guide value, key value"


def test_every_lesson_has_a_cut_list(sections):
    missing = [number for number, section in sections.items() if "**If the session runs behind**, cut" not in section]
    assert len(sections) == len(LESSONS) and missing == []
