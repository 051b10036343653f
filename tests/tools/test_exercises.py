"""Tests for betweenpowers_tools.exercises: solution notebooks -> exercise notebooks."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from betweenpowers_tools import exercises
from betweenpowers_tools.exercises import SolutionMarkerError, make_exercise, strip_solution_code

# ---------------------------------------------------------------------------
# Code transformation
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("answer_00_2 = 42  # SOLUTION", "answer_00_2 = ..."),
        ("answer = f(x=1, y=a == b)  # SOLUTION", "answer = ..."),
        ('answer = "a # b"  # SOLUTION', "answer = ..."),
        ("answer=42 #SOLUTION", "answer= ..."),
        ("    total += 1  # SOLUTION", "    total += ..."),
        ("share: float = 0.45  # SOLUTION", "share: float = ..."),
        ("a = b = 3  # SOLUTION", "a = b = ..."),
        ("table.loc[2020, 'x'] = 1  # SOLUTION", "table.loc[2020, 'x'] = ..."),
        ("    return x * 2  # SOLUTION", "    ..."),
        ("plt.plot(x, y == 1)  # SOLUTION", "..."),
        ("доля = 0.45  # SOLUTION", "доля = ..."),
    ],
)
def test_one_line_marker(line, expected):
    assert strip_solution_code(line) == expected


def test_block_marker_becomes_one_ellipsis_at_begin_indentation():
    source = "\n".join(
        [
            "def share(df):",
            "    # BEGIN SOLUTION",
            "    total = df.sum()",
            "    return df / total",
            "    # END SOLUTION",
            "",
            "# BEGIN SOLUTION",
            "x = 1",
            "# END SOLUTION",
            "check('00_1', x)",
        ]
    )
    assert strip_solution_code(source) == "def share(df):\n    ...\n\n...\ncheck('00_1', x)"


def test_code_without_markers_is_unchanged():
    source = "import pandas as pd\n# a solution is described below\nx = 1\n"
    assert strip_solution_code(source) == source


def test_one_line_marker_inside_block_is_removed_with_the_block():
    source = "# BEGIN SOLUTION\nanswer = 1  # SOLUTION\n# END SOLUTION"
    assert strip_solution_code(source) == "..."


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("x = 1\n# BEGIN SOLUTION\ny = 2", "'# BEGIN SOLUTION' on line 2 has no matching '# END SOLUTION'"),
        ("y = 2\n# END SOLUTION", "'# END SOLUTION' on line 2 has no matching '# BEGIN SOLUTION'"),
        ("# BEGIN SOLUTION\n# BEGIN SOLUTION\n# END SOLUTION", "cannot be nested"),
        ("# BEGIN SOLUTION part a\nx = 1\n# END SOLUTION", "malformed solution marker"),
        ("    # SOLUTION", "malformed solution marker"),
    ],
)
def test_marker_errors_name_the_cell(source, message):
    with pytest.raises(SolutionMarkerError, match=message) as info:
        strip_solution_code(source, where="01_trade.ipynb, cell 3")
    assert str(info.value).startswith("01_trade.ipynb, cell 3: ")


# ---------------------------------------------------------------------------
# Notebook transformation
# ---------------------------------------------------------------------------


def _solution_notebook() -> nbformat.NotebookNode:
    """A small solution notebook using every convention."""
    executed = new_code_cell(
        "import pandas as pd\nanswer_01_1 = 0.45  # SOLUTION\ncheck('01_1', answer_01_1)",
        execution_count=3,
        outputs=[new_output("stream", name="stdout", text="Correct! Well done.\n")],
        metadata={"execution": {"iopub.status.idle": "2024-01-01T00:00:00Z"}, "tags": ["keep"]},
    )
    cells = [
        new_markdown_cell("# 01 Trade\n\nA lesson."),
        executed,
        new_code_cell("# BEGIN SOLUTION\nshares = 1\n# END SOLUTION\nshares", execution_count=4),
        new_markdown_cell("**Model answer.** China's share rose.", metadata={"tags": ["solution"]}),
        new_markdown_cell("Rubric", metadata={"tags": ["solution", "rubric"]}),
        new_code_cell("assert answer_01_1 == 0.45", metadata={"tags": ["solution-only"]}),
        new_code_cell("secret = 42", metadata={"tags": ["solution"]}),
        new_markdown_cell("The end."),
    ]
    for index, cell in enumerate(cells):
        cell["id"] = f"c{index}"
    notebook = new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    return notebook


def test_make_exercise_applies_every_convention():
    solution = _solution_notebook()
    before = nbformat.writes(solution)
    exercise = make_exercise(solution, "01_trade.ipynb")
    assert nbformat.writes(solution) == before  # the input is not modified

    ids = [cell["id"] for cell in exercise.cells]
    assert ids == ["c0", "c1", "c2", "c3", "c4", "c6", "c7"]  # c5 (solution-only) dropped
    by_id = {cell["id"]: cell for cell in exercise.cells}

    assert by_id["c0"] == solution.cells[0]
    assert by_id["c1"].source == "import pandas as pd\nanswer_01_1 = ...\ncheck('01_1', answer_01_1)"
    assert by_id["c1"].metadata == {"tags": ["keep"]}
    assert by_id["c2"].source == "...\nshares"
    for cell_id in ("c1", "c2", "c6"):
        assert by_id[cell_id].outputs == []
        assert by_id[cell_id].execution_count is None

    for cell_id in ("c3", "c4"):
        assert by_id[cell_id].cell_type == "markdown"
        assert by_id[cell_id].source.startswith("✏️")
        assert "(../solutions/01_trade.ipynb)" in by_id[cell_id].source
    assert by_id["c3"].metadata == {"tags": ["answer"]}  # where the learner writes: the hand-in finds it
    assert by_id["c4"].metadata == {"tags": ["rubric", "answer"]}
    assert by_id["c6"].cell_type == "code" and by_id["c6"].source == "..."
    assert by_id["c7"] == solution.cells[7]

    assert exercise.metadata["kernelspec"]["name"] == "python3"
    assert "widgets" not in exercise.metadata
    text = exercises.render_notebook(exercise)
    for secret in ("0.45  # SOLUTION", "shares = 1", "Model answer", "Rubric", "solution-only", "secret = 42"):
        assert secret not in text
    nbformat.validate(nbformat.reads(text, as_version=4))


def test_exercise_code_cells_still_parse():
    exercise = make_exercise(_solution_notebook(), "01_trade.ipynb")
    for cell in exercise.cells:
        if cell.cell_type == "code":
            ast.parse(cell.source)


def test_notebook_without_markers_is_an_error():
    notebook = new_notebook(cells=[new_code_cell("x = 1")])
    with pytest.raises(SolutionMarkerError, match="02_empty.ipynb: no solution markers"):
        make_exercise(notebook, "02_empty.ipynb")


def test_unclosed_begin_names_notebook_and_cell():
    notebook = _solution_notebook()
    notebook.cells[2].source = "# BEGIN SOLUTION\nshares = 1"
    with pytest.raises(SolutionMarkerError) as info:
        make_exercise(notebook, "01_trade.ipynb")
    assert str(info.value).startswith("01_trade.ipynb, cell 3 (id c2): '# BEGIN SOLUTION' on line 1")


# ---------------------------------------------------------------------------
# Files: determinism and the command line
# ---------------------------------------------------------------------------


def _write(path: Path, notebook: nbformat.NotebookNode) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(nbformat.writes(notebook) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A minimal repository with one solution notebook."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    _write(tmp_path / "solutions" / "01_trade.ipynb", _solution_notebook())
    return tmp_path


def test_output_is_deterministic(repo):
    path = repo / "solutions" / "01_trade.ipynb"
    first = exercises.exercise_text(path)
    assert first == exercises.exercise_text(path)
    assert first.endswith("}\n") and not first.endswith("\n\n")
    data = json.loads(first)
    assert data["nbformat"] == 4 and data["cells"][0]["source"] == ["# 01 Trade\n", "\n", "A lesson."]


def test_missing_cell_ids_get_deterministic_ids(repo):
    path = repo / "solutions" / "01_trade.ipynb"
    data = json.loads(path.read_text())
    for cell in data["cells"]:
        del cell["id"]
    path.write_text(json.dumps(data))
    first = exercises.exercise_text(path)
    assert first == exercises.exercise_text(path)
    assert [cell["id"] for cell in json.loads(first)["cells"]][:2] == ["cell-0", "cell-1"]


def test_main_writes_then_check_passes(repo, capsys):
    assert exercises.main(["--root", str(repo)]) == 0
    target = repo / "exercises" / "01_trade.ipynb"
    assert target.read_text(encoding="utf-8") == exercises.exercise_text(repo / "solutions" / "01_trade.ipynb")
    assert "wrote exercises/01_trade.ipynb" in capsys.readouterr().out
    assert exercises.main(["--root", str(repo), "--check"]) == 0
    assert "in sync" in capsys.readouterr().out
    # writing again changes nothing
    assert exercises.main(["--root", str(repo)]) == 0
    assert "0 of 1" in capsys.readouterr().out


def test_check_detects_drift_without_writing(repo, capsys):
    exercises.main(["--root", str(repo)])
    target = repo / "exercises" / "01_trade.ipynb"
    drifted = target.read_text(encoding="utf-8").replace("The end.", "The end!")
    target.write_text(drifted, encoding="utf-8")
    capsys.readouterr()
    assert exercises.main(["--root", str(repo), "--check"]) == 1
    out = capsys.readouterr().out
    assert "exercises/01_trade.ipynb is out of date" in out
    assert target.read_text(encoding="utf-8") == drifted  # --check writes nothing


def test_check_detects_edited_solution(repo, capsys):
    exercises.main(["--root", str(repo)])
    solution = repo / "solutions" / "01_trade.ipynb"
    notebook = nbformat.reads(solution.read_text(), as_version=4)
    notebook.cells[0].source += "\nNew paragraph."
    _write(solution, notebook)
    assert exercises.main(["--root", str(repo), "--check"]) == 1


def test_check_reports_missing_and_orphaned_exercises(repo, capsys):
    _write(repo / "exercises" / "99_old.ipynb", new_notebook())
    assert exercises.main(["--root", str(repo), "--check"]) == 1
    out = capsys.readouterr().out
    assert "exercises/01_trade.ipynb is missing" in out
    assert "exercises/99_old.ipynb has no solutions/99_old.ipynb" in out


def test_names_select_notebooks(repo, capsys):
    _write(repo / "solutions" / "02_security.ipynb", _solution_notebook())
    assert exercises.main(["--root", str(repo), "02_security"]) == 0
    assert (repo / "exercises" / "02_security.ipynb").exists()
    assert not (repo / "exercises" / "01_trade.ipynb").exists()
    assert exercises.main(["--root", str(repo), "--check", "solutions/02_security.ipynb"]) == 0
    assert exercises.main(["--root", str(repo), "nope"]) == 2
    assert "no solution notebook solutions/nope.ipynb" in capsys.readouterr().err


def test_main_reports_marker_errors(repo, capsys):
    notebook = _solution_notebook()
    notebook.cells[1].source = "x = 1\n# BEGIN SOLUTION\ny = 2"
    _write(repo / "solutions" / "01_trade.ipynb", notebook)
    assert exercises.main(["--root", str(repo)]) == 2
    err = capsys.readouterr().err
    assert "01_trade.ipynb, cell 2 (id c1)" in err and "no matching '# END SOLUTION'" in err
    assert not (repo / "exercises" / "01_trade.ipynb").exists()


def test_root_is_found_from_the_working_directory(repo, monkeypatch, capsys):
    nested = repo / "notebooks" / "deep"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    assert exercises.find_root(Path.cwd()) == repo.resolve()
    assert exercises.main([]) == 0
    assert (repo / "exercises" / "01_trade.ipynb").exists()


def test_root_not_found(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert exercises.main(["--check"]) == 2
    assert "--root" in capsys.readouterr().err
