"""The layout keeps each thing in its place (docs/authoring.md, "Where things live").

* The student package (``src/betweenpowers``) holds only what a lesson's kernel imports: no notebook and no module
  of it imports the maintainers' tools (``src/betweenpowers_tools``).
* Figure source lines are written in one place, :func:`betweenpowers.data.source_line`: no string literal beginning
  with "Source:" or "Sources:" anywhere else in either package.
* No dead code in the measures: every public function, class or constant of ``betweenpowers.measures`` is used by a
  lesson, a solution, another module, a script or the data package's metadata (tests alone do not keep it alive).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from support import ROOT

STUDENT = ROOT / "src" / "betweenpowers"
TOOLS = ROOT / "src" / "betweenpowers_tools"
NOTEBOOK_DIRS = ("notebooks", "solutions", "exercises")
SOURCE_LINE_MODULE = STUDENT / "data.py"
SOURCE_PREFIX = re.compile(r"^Sources?:")


def notebook_code(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")


def imported_top_level(source: str) -> set[str]:
    """Top-level package names of the absolute imports in Python source (IPython magics are skipped)."""
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def source_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string literal (f-string parts included) that begins with 'Source:' or 'Sources:'."""
    return [(node.lineno, node.value[:60]) for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SOURCE_PREFIX.match(node.value)]


@pytest.mark.parametrize("folder", NOTEBOOK_DIRS)
def test_no_notebook_imports_the_maintainers_tools(folder):
    offenders = [p.name for p in sorted((ROOT / folder).glob("*.ipynb"))
                 if "betweenpowers_tools" in imported_top_level(notebook_code(p))]
    assert offenders == [], f"{folder}/ notebooks import betweenpowers_tools: {offenders}"


def test_the_student_package_does_not_import_the_tools():
    offenders = [str(p.relative_to(ROOT)) for p in sorted(STUDENT.rglob("*.py"))
                 if "betweenpowers_tools" in imported_top_level(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_source_lines_are_written_only_by_data_source_line():
    found = []
    for path in sorted([*STUDENT.rglob("*.py"), *TOOLS.rglob("*.py")]):
        if path == SOURCE_LINE_MODULE:
            continue
        found += [f"{path.relative_to(ROOT)}:{line}: {text!r}" for line, text in
                  source_literals(path.read_text(encoding="utf-8"))]
    assert found == [], "source lines typed by hand (use betweenpowers.data.source_line):\n" + "\n".join(found)


def test_the_source_literal_check_sees_plain_and_f_strings():
    code = 'A = "Source: x"\nB = f"Sources: {a}; b"\nC = "Open Source: no"\n'
    assert [line for line, _ in source_literals(code)] == [1, 2]


def public_names(path: Path) -> list[str]:
    """Module-level functions, classes and constants of a module that do not start with an underscore."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names += [t.id for t in targets if isinstance(t, ast.Name)]
    return [name for name in names if not name.startswith("_") and name != "__all__"]


def unused_names(definitions: dict[str, list[str]], users: dict[str, str]) -> list[str]:
    """'module: name' for each defined name that no user text mentions beyond its definition (a use elsewhere in
    its own module counts)."""
    unused = []
    for module, names in definitions.items():
        for name in names:
            pattern = re.compile(rf"\b{re.escape(name)}\b")
            mentions = sum(len(pattern.findall(text)) for text in users.values())
            if mentions - (module in users) <= 0:
                unused.append(f"{module}: {name}")
    return unused


def test_every_public_measure_is_used_outside_the_tests():
    measures = sorted((STUDENT / "measures").rglob("*.py"))
    definitions = {str(p.relative_to(ROOT)): public_names(p) for p in measures if p.name != "__init__.py"}
    users = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
             for p in sorted([*STUDENT.rglob("*.py"), *TOOLS.rglob("*.py"), *(ROOT / "scripts").glob("*.py")])
             if p.name != "__init__.py"}
    for folder in ("notebooks", "solutions"):
        users |= {f"{folder}/{p.name}": notebook_code(p) for p in sorted((ROOT / folder).glob("*.ipynb"))}
    users |= {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted(TOOLS.rglob("*.yaml"))}
    unused = unused_names(definitions, users)
    assert unused == [], "measures used by no lesson, solution, module or script (delete them):\n" + "\n".join(unused)


def test_the_unused_check_finds_a_name_only_defined():
    definitions = {"m.py": ["used", "orphan"]}
    users = {"m.py": "def used(): ...\ndef orphan(): ...\n", "lesson": "used()"}
    assert unused_names(definitions, users) == ["m.py: orphan"]
