"""The hand-in (betweenpowers.handin): blank, half-done and complete notebooks, errors reported, safe HTML.

The answers of a complete notebook are the solutions' own, computed here by running the solution code cells in a
namespace (as the kernel would hold them); the questions and the "Your turn" cells come from the exercise
notebooks. Every file is written under ``tmp_path``.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from support import ROOT

from betweenpowers import handin as hi
from betweenpowers.answer_key.capstone import COURSE_VERDICTS
from betweenpowers.checks import NumberQuestion, get_question, registered_ids
from betweenpowers.checks.verdicts import save_verdict
from betweenpowers_tools.exercises import ANSWER_TAG, PLACEHOLDER_MARKDOWN, SOLUTION_ONLY_TAG

EXERCISES = sorted((ROOT / "exercises").glob("*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
VOTING = "03_voting_vectors"
LONG_TEXT = ("Kazakhstan voted with Russia on most roll calls, but it parted from Russia on nuclear votes and on "
             "the Ukraine resolutions; vote data cannot show the bargaining behind each vote, so the claims of "
             "an equal distance are only partly supported.")


def solution_answers(name: str) -> dict[str, object]:
    """The variables the solution notebook's code leaves in its kernel (check, display and print silenced)."""
    notebook = nbformat.read(ROOT / "solutions" / f"{name}.ipynb", as_version=4)
    namespace: dict[str, object] = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in notebook.cells:
            if cell.cell_type != "code" or SOLUTION_ONLY_TAG in cell.metadata.get("tags", []):
                continue
            if "handin(" in cell.source or "reveal_verdicts(" in cell.source:
                continue
            exec(compile(cell.source, name, "exec"), namespace)  # noqa: S102 - the course's own solution code
            namespace.update(check=lambda *a: None, display=lambda *a, **k: None)
    return {key: value for key, value in namespace.items() if key.startswith("answer_")}


def blank_answers(lesson: str) -> dict[str, object]:
    """A blank exercise notebook after "Run All": every answer is still ``...``."""
    return {"answer_" + qid.replace(".", "_"): ... for qid in registered_ids() if qid.startswith(f"{lesson}.")}


def copy_exercise(tmp_path: Path, name: str, folder: str = "exercises") -> Path:
    (tmp_path / folder).mkdir(exist_ok=True)
    return Path(shutil.copy(ROOT / "exercises" / f"{name}.ipynb", tmp_path / folder / f"{name}.ipynb"))


def edit_cell(path: Path, question_id: str, source: str, outputs: list | None = None) -> None:
    """Replace the source of the code cell that checks ``question_id``."""
    notebook = nbformat.read(path, as_version=4)
    cell = next(c for c in notebook.cells if c.cell_type == "code" and f'check("{question_id}"' in c.source)
    cell.source = source
    if outputs is not None:
        cell.outputs = outputs
    nbformat.write(notebook, path)


def by_id(report: hi.HandIn) -> dict[str, hi.Item]:
    return {item.id: item for item in report.items if item.id}


@pytest.fixture(scope="module")
def complete() -> dict[str, object]:
    return solution_answers(VOTING)


@pytest.fixture(autouse=True)
def _default_folder(monkeypatch):
    """The hand-in goes beside the notebook, as for a student (the suite points it elsewhere for the notebooks)."""
    monkeypatch.delenv(hi.HANDIN_DIR_ENV, raising=False)


# -- blank -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_a_blank_exercise_notebook_lists_everything_as_missing(path, tmp_path, capsys):
    assert hi.main([str(path), "--out", str(tmp_path / "blank.html")]) == 0
    printed = capsys.readouterr().out
    report = hi.build_handin(path, blank_answers(path.stem[:2]))
    ids = [qid for qid in registered_ids() if qid.startswith(path.stem[:2] + ".")]
    assert [item.id for item in report.items if item.id] == ids
    assert all(item.status is hi.Status.MISSING for item in report.items), report.missing
    assert report.summary() == f"Answered 0 of {len(ids)} questions."
    for qid in ids:
        assert f"  {qid}: not answered yet" in printed
    assert "Traceback" not in printed and (tmp_path / "blank.html").is_file()


def test_a_notebook_that_was_never_run_says_to_run_the_cells(tmp_path):
    report = hi.build_handin(copy_exercise(tmp_path, VOTING), {"check": print})
    assert {item.note for item in report.items if item.id} == {
        f"not run yet: answer_{item.id.replace('.', '_')} is not defined (run its cell)"
        for item in report.items if item.id}


# -- half done ---------------------------------------------------------------------------------------------------


def half_done(complete: dict[str, object]) -> dict[str, object]:
    answers = blank_answers("03")
    answers.update(answer_03_1=complete["answer_03_1"], answer_03_2=0.5, answer_03_4=complete["answer_03_4"],
                   answer_03_5="0.3", answer_03_7="Too short to count.")
    del answers["answer_03_3"]
    return answers


def test_a_half_done_notebook_shows_answers_outcomes_and_what_is_missing(complete, tmp_path, capsys):
    path = copy_exercise(tmp_path, VOTING)
    report = hi.build_handin(path, half_done(complete))
    items = by_id(report)
    assert (items["03.1"].status, items["03.1"].outcome) == (hi.Status.ANSWERED, "correct")
    assert (items["03.2"].outcome, items["03.2"].answer) == ("not correct", "0.5")
    assert (items["03.4"].outcome, items["03.5"].outcome) == ("correct", "wrong type")
    assert items["03.3"].note == "not run yet: answer_03_3 is not defined (run its cell)"
    assert items["03.7"].status is hi.Status.MISSING and "too short (4 words)" in items["03.7"].note
    assert items["03.7"].answer == "Too short to count."
    assert [line.split(":")[0] for line in report.missing] == ["03.3", "03.6", "03.7", "03.8", "03.9"]
    assert report.summary() == "Answered 4 of 9 questions: 2 correct, 1 not correct, 1 wrong type."

    hi.handin(path, namespace=half_done(complete))
    printed = capsys.readouterr().out
    assert printed.startswith("Hand-in saved: handin_03_voting_vectors.html. Upload it to your course page.\n")
    assert "Still missing (5):\n  03.3: not run yet" in printed
    assert str(tmp_path) not in printed, "the printed path is the file name, not a path of this machine"
    page = (path.parent / "handin_03_voting_vectors.html").read_text(encoding="utf-8")
    assert "Too short to count." in page and "<h2>What is missing</h2>" in page
    assert page.index("<h2>What is missing</h2>") > page.index("03.9 ·")


def _renderings(value: float) -> set[str]:
    return {repr(value), *(f"{value:.{digits}f}" for digits in range(3, 7)), f"{value:.2%}", f"{value:.1%}"}


def test_the_expected_values_never_appear_in_a_hand_in(complete, tmp_path):
    answers = half_done(complete) | {"answer_03_1": 0.1, "answer_03_5": 9.0, "answer_03_8": 0.2}
    report = hi.build_handin(copy_exercise(tmp_path, VOTING), answers)
    page, markdown = hi.render_html(report), hi.render_markdown(report)
    checked = 0
    for qid in ("03.1", "03.2", "03.5", "03.8"):
        question = get_question(qid)
        assert isinstance(question, NumberQuestion)
        for text in _renderings(float(question.expected())):
            assert text not in page and text not in markdown, f"{qid}: the expected value shows as {text}"
            checked += 1
    assert checked >= 20
    assert "Hint" not in page and "expected" not in page.lower()


# -- complete ----------------------------------------------------------------------------------------------------


def test_a_complete_notebook_has_every_answer_checked_and_nothing_missing(complete, tmp_path, capsys):
    path = copy_exercise(tmp_path, VOTING)
    report = hi.build_handin(path, complete)
    assert report.missing == [] and report.not_checked == []
    outcomes = {item.id: item.outcome for item in report.items}
    assert outcomes.pop("03.7") == "written answer recorded"
    assert set(outcomes.values()) == {"correct"}
    n = len([qid for qid in registered_ids() if qid.startswith("03.")])
    assert report.summary() == f"Answered {n} of {n} questions: {n - 1} correct, 1 written answer recorded."
    page = hi.render_html(report)
    text = str(complete["answer_03_7"])
    assert hi._e(text) in page, "the written answer is in the hand-in in full"
    hi.handin(path, out=tmp_path / "mine.md", namespace=complete)
    assert capsys.readouterr().out.endswith("Nothing is missing.\n")
    assert text in (tmp_path / "mine.md").read_text(encoding="utf-8")


def test_a_table_answer_is_summarised():
    answers = solution_answers("01_multivector_doctrine")
    report = hi.build_handin(ROOT / "exercises" / "01_multivector_doctrine.ipynb", answers)
    table = by_id(report)["01.3"]
    assert isinstance(answers["answer_01_3"], pd.DataFrame | pd.Series)
    assert table.answer.startswith(("a table (DataFrame) of", "a Series of")) and table.preview
    assert table.outcome == "correct" and report.missing == []


def test_lesson_08_includes_the_verdict_sheet_and_never_the_courses_verdicts(tmp_path):
    path = copy_exercise(tmp_path, "08_capstone")
    (tmp_path / "notebooks").mkdir()
    save_verdict("C01", "partly supported", "the visit happened but the city is wrong", tmp_path / "notebooks" /
                 "my_verdicts.csv")
    save_verdict("C16", "supported", "oil and GDP growth move together, r above 0.8", tmp_path / "notebooks" /
                 "my_verdicts.csv")
    report = hi.build_handin(path, solution_answers("08_capstone"))
    assert report.sheet.location == "../notebooks/my_verdicts.csv"
    assert [row[0] for row in report.sheet.rows] == ["C01", "C16"] and len(report.sheet.missing) == 14
    page = hi.render_html(report)
    assert "the visit happened but the city is wrong" in page and "No verdict yet on C02, C03" in page
    for _, reason in COURSE_VERDICTS.values():
        assert hi._e(reason) not in page
    assert report.missing[-1].startswith("verdict sheet: no verdict yet on C02, C03")
    tasks = [item.title for item in report.items if not item.id]
    assert tasks == ["The policy brief: plan yours", "The debate: prepare your evidence cards"]


def test_lesson_08_without_a_sheet_says_so(tmp_path):
    report = hi.build_handin(copy_exercise(tmp_path, "08_capstone"), blank_answers("08"))
    assert report.missing[-1] == "verdict sheet: no my_verdicts.csv found (record your verdicts in lesson 08)"


# -- errors are reported, not raised -----------------------------------------------------------------------------


def test_a_syntax_error_in_an_answer_cell_is_reported(complete, tmp_path, capsys):
    path = copy_exercise(tmp_path, VOTING)
    edit_cell(path, "03.7", 'answer_03_7 = "Kazakhstan said "no" to that resolution"\ncheck("03.7", answer_03_7)')
    for report in (hi.build_handin(path, complete), hi.build_handin(path, None)):
        item = by_id(report)["03.7"]
        assert item.status is hi.Status.PROBLEM
        assert item.note.startswith("its cell has a syntax error (line 1: ")
        assert any(line.startswith("03.7: its cell has a syntax error") for line in report.missing)
    assert hi.main([str(path), "--out", str(tmp_path / "x.html")]) == 0
    assert "03.7: its cell has a syntax error" in capsys.readouterr().out


def test_a_cell_that_stopped_with_an_error_is_reported(tmp_path):
    path = copy_exercise(tmp_path, VOTING)
    error = nbformat.v4.new_output("error", ename="NameError", evalue="name 'pairs' is not defined", traceback=[])
    edit_cell(path, "03.1", 'answer_03_1 = pairs.mean()\ncheck("03.1", answer_03_1)', outputs=[error])
    item = by_id(hi.build_handin(path, blank_answers("03")))["03.1"]
    assert (item.status, item.note) == (hi.Status.PROBLEM, "its cell stopped with an error (NameError: name "
                                                           "'pairs' is not defined)")
    stale = by_id(hi.build_handin(path, {"answer_03_1": 0.5}))["03.1"]
    assert stale.outcome == "not correct" and "may come from an earlier run" in stale.note


class Hostile(str):
    def strip(self, *args):
        raise RuntimeError("no strip")

    def __repr__(self):
        raise RuntimeError("no repr")


class Unreadable:
    def __repr__(self):
        raise RuntimeError("no repr")

    def __float__(self):
        raise RuntimeError("no float")


def test_answers_that_raise_are_reported_not_raised(tmp_path, capsys):
    path = copy_exercise(tmp_path, VOTING)
    answers = blank_answers("03") | {"answer_03_1": Unreadable(), "answer_03_3": Hostile("KAZ"),
                                     "answer_03_7": Hostile(LONG_TEXT)}
    report = hi.build_handin(path, answers)
    items = by_id(report)
    assert items["03.1"].answer == "an Unreadable" and items["03.1"].outcome == "wrong type"
    assert items["03.3"].status is not None and items["03.7"].status is not None
    hi.handin(path, namespace=answers)
    assert capsys.readouterr().out.startswith("Hand-in saved: handin_03_voting_vectors.html.")


def test_handin_never_raises(tmp_path, monkeypatch, capsys):
    hi.handin(tmp_path / "nothing.ipynb", out=tmp_path / "h.html", namespace={"answer_03_1": 0.5})
    printed = capsys.readouterr().out
    assert "Traceback" not in printed and "could not be read" in printed
    monkeypatch.chdir(tmp_path)
    hi.handin()  # called from a module: no answers, no notebook in this folder
    assert "Traceback" not in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.html", "handin_answers.html"]


# -- a safe, self-contained file ---------------------------------------------------------------------------------

SCRIPT = "<script>alert('hand-in')</script>"


def test_the_html_is_self_contained_and_shows_student_text_without_running_it(complete, tmp_path):
    path = copy_exercise(tmp_path, VOTING)
    notebook = nbformat.read(path, as_version=4)
    turn = next(c for c in notebook.cells if c.cell_type == "markdown" and c.source.startswith(hi.YOUR_TURN))
    turn.source += '\n\nMy notes <img src="https://example.org/x.png" onerror="alert(1)"> & more'
    nbformat.write(notebook, path)
    answers = complete | {"answer_03_7": f"{SCRIPT} {LONG_TEXT}", "answer_03_3": '"><a href="https://x">x</a>'}
    report = hi.build_handin(path, answers)
    page = hi.render_html(report)
    assert "<script" not in page.lower() and "onerror=" not in page.replace("onerror=&quot;", "")
    assert not re.search(r"""<[^>]+\s(?:src|href)\s*=""", page), "no element loads or links anything"
    assert "&lt;script&gt;alert(&#x27;hand-in&#x27;)&lt;/script&gt;" in page
    assert "&lt;img src=&quot;https://example.org/x.png&quot;" in page
    assert "<link" not in page and "@import" not in page and "url(" not in page
    markdown = hi.render_markdown(report)
    block = re.search(r"```text\n(.*?)\n```", markdown.split("## 03.7")[1], flags=re.DOTALL).group(1)
    assert block.startswith(SCRIPT), "Markdown keeps the student's text in a code block"


def test_a_fence_in_the_text_does_not_close_the_markdown_block():
    assert hi._fenced("a ``` b").startswith("````text\n")


# -- where it writes ---------------------------------------------------------------------------------------------


def test_nothing_is_written_into_data(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(hi, "data_dir", lambda: tmp_path / "data")
    report = hi.build_handin(ROOT / "exercises" / f"{VOTING}.ipynb", blank_answers("03"))
    written, problem = hi._write(report, tmp_path / "data" / "handin.html", markdown=True)
    assert written == [] and problem.startswith("not written") and not (tmp_path / "data").exists()
    hi.handin(ROOT / "exercises" / f"{VOTING}.ipynb", out=tmp_path / "data" / "h.html",
              namespace=blank_answers("03"))
    assert "a hand-in never goes into data/" in capsys.readouterr().out


def test_the_handin_folder_variable_moves_the_file_and_the_print_shows_only_its_name(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(hi.HANDIN_DIR_ENV, str(tmp_path / "elsewhere"))
    hi.handin(ROOT / "exercises" / f"{VOTING}.ipynb", namespace=blank_answers("03"), markdown=True)
    assert sorted(p.name for p in (tmp_path / "elsewhere").iterdir()) == [f"handin_{VOTING}.html",
                                                                          f"handin_{VOTING}.md"]
    printed = capsys.readouterr().out
    assert printed.splitlines()[0] == (f"Hand-in saved: handin_{VOTING}.html and handin_{VOTING}.md. Upload the "
                                       "HTML file to your course page.")
    assert str(tmp_path) not in printed


def test_the_notebook_is_found_in_the_current_folder(tmp_path, monkeypatch, capsys, complete):
    copy_exercise(tmp_path, VOTING, folder=".")
    copy_exercise(tmp_path, "08_capstone", folder=".")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JPY_SESSION_NAME", str(ROOT / "notebooks" / "00_start_here.ipynb"))  # another folder
    hi.handin(namespace=complete)
    assert capsys.readouterr().out.endswith("Nothing is missing.\n")
    assert (tmp_path / f"handin_{VOTING}.html").is_file()


def test_without_the_notebook_file_the_questions_come_from_the_answer_key(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    hi.handin(namespace=blank_answers("03") | {"answer_03_4": "z"})
    printed = capsys.readouterr().out
    assert "Hand-in saved: handin_03.html" in printed and "handin(\"NN_name.ipynb\")" in printed
    assert "03.1: not answered yet" in printed


# -- the command line --------------------------------------------------------------------------------------------


def test_the_command_line_checks_answers_written_as_values_only(tmp_path, capsys):
    path = copy_exercise(tmp_path, VOTING)
    edit_cell(path, "03.2", 'answer_03_2 = 1 / 2\ncheck("03.2", answer_03_2)')
    edit_cell(path, "03.1", 'pairs = votes.head()\nanswer_03_1 = pairs["vote"].mean()\ncheck("03.1", answer_03_1)')
    edit_cell(path, "03.7", f'answer_03_7 = ...\nanswer_03_7 = ("{LONG_TEXT[:90]}"\n "{LONG_TEXT[90:]}")\n'
                            'check("03.7", answer_03_7)')
    assert hi.main([str(path), "--markdown"]) == 0
    printed = capsys.readouterr().out
    assert "Hand-in saved: " in printed and "Not checked here (computed by code): 03.1." in printed
    report = hi.build_handin(path, None)
    items = by_id(report)
    assert (items["03.2"].answer, items["03.2"].outcome) == ("0.5", "not correct")
    assert items["03.1"].status is hi.Status.NOT_CHECKED and 'pairs["vote"].mean()' in items["03.1"].answer
    assert items["03.7"].answer == LONG_TEXT and items["03.7"].outcome == "written answer recorded"
    assert (path.parent / f"handin_{VOTING}.html").is_file() and (path.parent / f"handin_{VOTING}.md").is_file()


def test_the_command_line_refuses_what_is_not_a_notebook(tmp_path, capsys):
    (tmp_path / "03_x.ipynb").write_text("{not json", encoding="utf-8")
    assert hi.main([str(tmp_path / "03_x.ipynb")]) == 2
    assert hi.main([str(tmp_path / "missing.ipynb")]) == 2
    assert "cannot be read as a notebook" in capsys.readouterr().err


def test_run_executes_a_copy_in_a_kernel_and_reports_what_raised(tmp_path, capsys):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# 03 · A short set"),
        nbformat.v4.new_code_cell("from betweenpowers.checks import check\nfrom betweenpowers.handin import handin"),
        nbformat.v4.new_markdown_cell("## Question 03.2 · Computed"),
        nbformat.v4.new_code_cell('answer_03_2 = float(sum([0.25, 0.25]))\ncheck("03.2", answer_03_2)'),
        nbformat.v4.new_markdown_cell("## Question 03.3 · Raises"),
        nbformat.v4.new_code_cell('answer_03_3 = no_such_table["iso3"]\ncheck("03.3", answer_03_3)'),
        nbformat.v4.new_code_cell("handin()"),
    ]
    path = tmp_path / "03_short.ipynb"
    nbformat.write(notebook, path)
    assert hi.main([str(path), "--run", "--out", str(tmp_path / "run.html")]) == 0
    printed = capsys.readouterr().out
    assert "03.3: its cell stopped with an error (NameError: name 'no_such_table' is not defined)" in printed
    assert "03.1: its check(...) cell is not in the notebook" in printed
    page = (tmp_path / "run.html").read_text(encoding="utf-8")
    assert "<code>0.5</code>" in page and "answers read from the running notebook" in page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["03_short.ipynb", "run.html"], "the run wrote nothing else"


def test_the_report_survives_its_trip_from_the_kernel(complete):
    report = hi.build_handin(ROOT / "exercises" / "08_capstone.ipynb", blank_answers("08"))
    assert hi._report_from_json(hi._report_to_json(report)) == report
    json.loads(hi._report_to_json(report))


# -- the notebooks -----------------------------------------------------------------------------------------------


def test_the_your_turn_marker_and_tag_match_the_exercise_generator():
    assert PLACEHOLDER_MARKDOWN.startswith(hi.YOUR_TURN) and ANSWER_TAG in hi.ANSWER_TAGS


def test_text_typed_over_the_invitation_is_still_found(tmp_path):
    path = copy_exercise(tmp_path, VOTING)
    notebook = nbformat.read(path, as_version=4)
    turn = next(c for c in notebook.cells if ANSWER_TAG in c.metadata.get("tags", []))
    turn.source = "My draft: partly supported; 2022 changed little."
    nbformat.write(notebook, path)
    assert by_id(hi.build_handin(path, blank_answers("03")))["03.7"].written == turn.source


@pytest.mark.parametrize("path", SOLUTIONS + EXERCISES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_exercise_set_ends_with_the_handin_call(path):
    notebook = nbformat.read(path, as_version=4)
    heading, call = notebook.cells[-2:]
    assert heading.cell_type == "markdown" and heading.source.startswith("## Hand in your answers\n")
    assert call.cell_type == "code" and call.source == "handin()"
    setup = next(c for c in notebook.cells if c.cell_type == "code")
    assert "from betweenpowers.handin import handin" in setup.source
    if path.parent.name == "solutions":
        printed = "".join(o.get("text", "") for o in call.outputs)
        assert printed.startswith(f"Hand-in saved: handin_{path.stem}.html.")
