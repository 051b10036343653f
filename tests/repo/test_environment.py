"""The environment files agree with each other and with what the code imports.

pyproject.toml is the single source of truth for versions:
- environment.yml (Binder, conda) only pins Python and installs the repository with pip;
- constraints.txt pins the whole transitive set and must agree with every direct pin;
- every third-party module that the package, the tests and the notebooks import is declared in pyproject.

Each check is a function of text that returns a list of problems; the tests below run it on the real files
and, to show that it can fail, on small bad examples.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from support import ROOT

PACKAGE = "betweenpowers"
#: The packages this repository ships: the student package and the maintainers' tools.
LOCAL_PACKAGES = frozenset({PACKAGE, "betweenpowers_tools"})
NOTEBOOK_DIRS = ("notebooks", "solutions", "exercises")

_REQ = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*?)\s*(?:;.*)?$")


def normalize(name: str) -> str:
    """PEP 503 normalised distribution name: 'PyYAML' and 'pyyaml' are the same, as are '_', '-' and '.'."""
    return re.sub(r"[-_.]+", "-", name).lower()


def split_requirement(req: str) -> tuple[str, str]:
    """'pandas==3.1.1' -> ('pandas', '==3.1.1'); 'numpy' -> ('numpy', '')."""
    m = _REQ.match(req)
    if not m:
        raise ValueError(f"cannot read requirement {req!r}")
    return normalize(m.group(1)), m.group(2).replace(" ", "")


def pyproject_requirements(pyproject_text: str) -> dict[str, list[str]]:
    """{'dependencies': [...], 'test': [...]} from the text of pyproject.toml."""
    project = tomllib.loads(pyproject_text)["project"]
    return {
        "dependencies": list(project.get("dependencies", [])),
        "test": list(project.get("optional-dependencies", {}).get("test", [])),
    }


def pin_problems(pyproject_text: str, constraints_text: str) -> list[str]:
    """Every direct requirement is an exact pin, and constraints.txt pins the same version."""
    problems = []
    constraints = {}
    for line in constraints_text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, spec = split_requirement(line)
        constraints[name] = spec
        if not spec.startswith("=="):
            problems.append(f"constraints.txt: {line!r} is not an exact '==' pin")
    if PACKAGE in constraints:
        problems.append(f"constraints.txt names {PACKAGE} itself (pip freeze --exclude-editable drops it)")
    for group, reqs in pyproject_requirements(pyproject_text).items():
        for req in reqs:
            name, spec = split_requirement(req)
            if not re.fullmatch(r"==[0-9][0-9A-Za-z.+!-]*", spec):
                problems.append(f"pyproject [{group}]: {req!r} is not an exact '==' pin")
            elif name not in constraints:
                problems.append(f"pyproject [{group}]: {name} is missing from constraints.txt")
            elif constraints[name] != spec:
                problems.append(
                    f"pyproject [{group}]: {name}{spec} but constraints.txt has {name}{constraints[name]}"
                )
    return problems


def environment_yml_problems(env_text: str, pyproject_text: str) -> list[str]:
    """environment.yml pins Python 3.11, installs the repository with pip under constraints.txt, and repeats no pin
    differently."""
    env = yaml.safe_load(env_text)
    if not isinstance(env, dict):
        return ["environment.yml is not a mapping"]
    problems = []
    pins = {}
    for reqs in pyproject_requirements(pyproject_text).values():
        for req in reqs:
            name, spec = split_requirement(req)
            pins[name] = spec.removeprefix("==")
    requires_python = tomllib.loads(pyproject_text)["project"].get("requires-python", "")

    if env.get("name") != PACKAGE:
        problems.append(f"name is {env.get('name')!r}, expected {PACKAGE!r}")
    if "conda-forge" not in (env.get("channels") or []):
        problems.append("channels do not include conda-forge")
    deps = env.get("dependencies") or []
    conda_deps = [d for d in deps if isinstance(d, str)]
    pip_sections = [d["pip"] for d in deps if isinstance(d, dict) and "pip" in d]

    conda_names = {}
    for dep in conda_deps:
        m = re.match(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)$", dep)
        conda_names[normalize(m.group(1))] = m.group(2).strip().lstrip("=").rstrip(".*")
    python = conda_names.get("python")
    if python is None:
        problems.append("python is not pinned")
    elif python != "3.11":
        problems.append(f"python is {python!r}, expected 3.11")
    if "3.11" not in requires_python:
        problems.append(f"pyproject requires-python {requires_python!r} does not name 3.11")
    if "pip" not in conda_names:
        problems.append("pip is not among the conda dependencies")
    for name, version in conda_names.items():
        if name in pins and version and version != pins[name]:
            problems.append(f"conda dependency {name}={version} but pyproject pins {name}=={pins[name]}")

    pip_reqs = [r for section in pip_sections for r in (section or [])]
    if not any(re.fullmatch(r"(-e\s+)?\.(/)?", str(r).strip()) for r in pip_reqs):
        problems.append("the pip section does not install the repository ('-e .' or '.')")
    if not any(re.fullmatch(r"(-c|--constraint)\s+(\./)?constraints\.txt", str(r).strip()) for r in pip_reqs):
        problems.append("the pip section does not apply constraints.txt ('-c constraints.txt')")
    for req in pip_reqs:
        req = str(req).strip()
        if req.startswith("-") or req.startswith("."):
            continue
        name, spec = split_requirement(req)
        if name in pins and spec and spec != f"=={pins[name]}":
            problems.append(f"pip dependency {req!r} but pyproject pins {name}=={pins[name]}")
        elif name not in pins and name != PACKAGE:
            problems.append(f"pip dependency {req!r} is not in pyproject: declare it there instead")
    return problems


def constraint_pins(constraints_text: str) -> dict[str, str]:
    """{normalised name: version} of the exact pins in constraints.txt."""
    pins = {}
    for line in constraints_text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, spec = split_requirement(line)
            pins[name] = spec.removeprefix("==")
    return pins


def pip_arguments(env_text: str, root: Path) -> list[str]:
    """The pip section of environment.yml as pip install arguments, paths made absolute from ``root`` (conda writes
    the section to a requirements file in the folder of environment.yml, so its paths are relative to that folder)."""
    env = yaml.safe_load(env_text)
    arguments = []
    for dep in env.get("dependencies") or []:
        for requirement in (dep.get("pip") or []) if isinstance(dep, dict) else []:
            option, _, value = str(requirement).strip().partition(" ")
            if option in ("-c", "--constraint", "-r", "--requirement", "-e", "--editable"):
                arguments += [option, str(root / value.strip())]
            else:
                arguments.append(str(root / option) if option.startswith(".") else option)
    return arguments


def off_pins(resolved: dict[str, str], pins: dict[str, str]) -> dict[str, str]:
    """What a resolution installs that constraints.txt does not pin at that version: {name: 'version (pin)'}."""
    return {name: f"{version} (constraints.txt: {pins.get(name, 'not pinned')})" for name, version in resolved.items()
            if name != PACKAGE and pins.get(name) != version}


_MAGIC_CELLS_WITH_PYTHON = {"time", "timeit", "capture", "prun", "debug"}


def code_cell_python(source: str) -> str | None:
    """The Python of a notebook code cell: IPython magics and shell lines blanked; None for non-Python cells."""
    lines = source.splitlines()
    if lines and lines[0].lstrip().startswith("%%"):
        magic = lines[0].lstrip()[2:].split()[0] if lines[0].strip() != "%%" else ""
        if magic not in _MAGIC_CELLS_WITH_PYTHON:
            return None  # %%bash, %%html, %%writefile, ...
        lines = [""] + lines[1:]
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in lines)


def imported_modules(source: str) -> set[str]:
    """Top-level names of the absolute imports in Python source (relative imports are local)."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def undeclared_modules(
    modules: set[str],
    declared: set[str],
    module_to_dists: dict[str, list[str]],
    local: set[str] = frozenset(),
) -> dict[str, str]:
    """{module: why} for each imported module that is neither stdlib, local, nor from a declared distribution."""
    declared = {normalize(d) for d in declared}
    bad = {}
    for module in sorted(modules):
        if module in sys.stdlib_module_names or module == "__future__" or module in LOCAL_PACKAGES or module in local:
            continue
        dists = module_to_dists.get(module)
        if not dists:
            bad[module] = "not installed in this environment, so not declared in pyproject.toml"
        elif not declared & {normalize(d) for d in dists}:
            bad[module] = f"comes from {', '.join(sorted(set(dists)))}, which pyproject.toml does not declare"
    return bad


def declared_distributions(pyproject_text: str) -> set[str]:
    return {split_requirement(r)[0] for reqs in pyproject_requirements(pyproject_text).values() for r in reqs}


def project_sources(root: Path) -> dict[str, str]:
    """{'path (cell n)': python source} for the package, the tests and the notebooks' code cells."""
    sources = {}
    for base in ("src", "tests", "scripts"):
        for path in sorted((root / base).rglob("*.py")):
            sources[str(path.relative_to(root))] = path.read_text(encoding="utf-8")
    for folder in NOTEBOOK_DIRS:
        for path in sorted((root / folder).glob("*.ipynb")):
            nb = json.loads(path.read_text(encoding="utf-8"))
            for i, cell in enumerate(nb.get("cells", [])):
                if cell.get("cell_type") != "code":
                    continue
                src = cell.get("source", "")
                code = code_cell_python("".join(src) if isinstance(src, list) else src)
                if code is not None:
                    sources[f"{path.relative_to(root)} (cell {i})"] = code
    return sources


def local_test_modules(root: Path) -> set[str]:
    """Helper modules in tests/ that tests import by bare name (pytest puts their folders on sys.path)."""
    return {p.stem for p in (root / "tests").rglob("*.py")}


# --------------------------------------------------------------------------- the real files

PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_environment_yml_pins_python_and_installs_the_repo():
    problems = environment_yml_problems((ROOT / "environment.yml").read_text(encoding="utf-8"), PYPROJECT)
    assert not problems, "environment.yml:\n" + "\n".join(problems)


def test_pyproject_pins_are_exact_and_match_constraints():
    problems = pin_problems(PYPROJECT, (ROOT / "constraints.txt").read_text(encoding="utf-8"))
    assert not problems, "\n".join(problems)


def test_every_imported_third_party_module_is_declared():
    declared = declared_distributions(PYPROJECT)
    mapping = importlib.metadata.packages_distributions()
    local = local_test_modules(ROOT)
    problems = []
    for where, source in project_sources(ROOT).items():
        try:
            modules = imported_modules(source)
        except SyntaxError as e:
            problems.append(f"{where}: cannot parse ({e.msg}, line {e.lineno})")
            continue
        for module, why in undeclared_modules(modules, declared, mapping, local).items():
            problems.append(f"{where}: import {module}: {why}")
    assert not problems, (
        "Declare these in pyproject.toml with the version from constraints.txt "
        "(dependencies, or the test extra for test-only imports):\n" + "\n".join(problems)
    )


# --------------------------------------------------------------------------- the checks can fail

GOOD_PYPROJECT = """
[project]
name = "betweenpowers"
requires-python = ">=3.11,<3.14"
dependencies = ["pandas==3.1.1", "PyYAML==6.0.4"]
[project.optional-dependencies]
test = ["pytest==9.2.0"]
"""
GOOD_CONSTRAINTS = "# header\npandas==3.1.1\npyyaml==6.0.4\npytest==9.2.0\nnumpy==2.4.6\n"
GOOD_ENV = """
name: betweenpowers
channels: [conda-forge]
dependencies:
  - python=3.11
  - pip
  - pip:
      - -c constraints.txt
      - -e .
"""


def test_good_examples_pass():
    assert pin_problems(GOOD_PYPROJECT, GOOD_CONSTRAINTS) == []
    assert environment_yml_problems(GOOD_ENV, GOOD_PYPROJECT) == []
    assert environment_yml_problems(GOOD_ENV.replace("-e .", "."), GOOD_PYPROJECT) == []


@pytest.mark.parametrize(
    ("pyproject", "constraints", "expected"),
    [
        (GOOD_PYPROJECT.replace("pandas==3.1.1", "pandas>=3.1"), GOOD_CONSTRAINTS, "not an exact"),
        (GOOD_PYPROJECT.replace("pandas==3.1.1", "pandas"), GOOD_CONSTRAINTS, "not an exact"),
        (GOOD_PYPROJECT, GOOD_CONSTRAINTS.replace("pytest==9.2.0", "pytest==9.1.0"), "but constraints.txt has"),
        (GOOD_PYPROJECT, GOOD_CONSTRAINTS.replace("pyyaml==6.0.4\n", ""), "missing from constraints.txt"),
        (GOOD_PYPROJECT, GOOD_CONSTRAINTS + "betweenpowers==0.1.0\n", "names betweenpowers itself"),
        (GOOD_PYPROJECT, GOOD_CONSTRAINTS + "rich>=15\n", "not an exact"),
    ],
)
def test_pin_problems_are_caught(pyproject, constraints, expected):
    problems = pin_problems(pyproject, constraints)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (GOOD_ENV.replace("python=3.11", "python=3.12"), "expected 3.11"),
        (GOOD_ENV.replace("  - python=3.11\n", ""), "python is not pinned"),
        (GOOD_ENV.replace("-e .", "pandas==3.1.1"), "does not install the repository"),
        (GOOD_ENV + "  - pandas=3.0.0\n", "pyproject pins pandas==3.1.1"),
        (GOOD_ENV + "      - pyyaml==6.0.3\n", "pyproject pins pyyaml==6.0.4"),
        (GOOD_ENV + "      - requests\n", "not in pyproject"),
        (GOOD_ENV.replace("name: betweenpowers", "name: other"), "expected 'betweenpowers'"),
        (GOOD_ENV.replace("  - pip\n", "", 1), "pip is not among"),
        (GOOD_ENV.replace("      - -c constraints.txt\n", ""), "does not apply constraints.txt"),
    ],
)
def test_environment_yml_problems_are_caught(env, expected):
    problems = environment_yml_problems(env, GOOD_PYPROJECT)
    assert any(expected in p for p in problems), problems


def test_pip_arguments_make_paths_absolute_and_off_pins_are_found(tmp_path):
    assert pip_arguments(GOOD_ENV, tmp_path) == ["-c", str(tmp_path / "constraints.txt"), "-e", str(tmp_path / ".")]
    assert constraint_pins(GOOD_CONSTRAINTS) == {"pandas": "3.1.1", "pyyaml": "6.0.4", "pytest": "9.2.0",
                                                 "numpy": "2.4.6"}
    resolved = {"betweenpowers": "0.1.0", "pandas": "3.1.1", "numpy": "2.5.0", "rich": "15.0.0"}
    assert off_pins(resolved, constraint_pins(GOOD_CONSTRAINTS)) == {
        "numpy": "2.5.0 (constraints.txt: 2.4.6)", "rich": "15.0.0 (constraints.txt: not pinned)"}


#: pip's words when the package index cannot be reached at all (then the resolution cannot be tested here).
_OFFLINE = ("Failed to establish a new connection", "Network is unreachable", "Temporary failure in name resolution")


#: A passing resolution is remembered here, in the local .venv (never committed; CI and fresh clones have none).
RESOLVED_STAMP = ROOT / ".venv" / ".betweenpowers-resolution-stamp"


def resolution_inputs(root: Path) -> str:
    """sha256 of the files that decide the resolution: environment.yml, constraints.txt and pyproject.toml."""
    digest = hashlib.sha256()
    for name in ("environment.yml", "constraints.txt", "pyproject.toml"):
        digest.update((root / name).read_bytes())
    return digest.hexdigest()


def test_resolution_inputs_change_with_each_file(tmp_path):
    for name in ("environment.yml", "constraints.txt", "pyproject.toml"):
        (tmp_path / name).write_text("a\n", encoding="utf-8")
    before = resolution_inputs(tmp_path)
    for name in ("environment.yml", "constraints.txt", "pyproject.toml"):
        (tmp_path / name).write_text("b\n", encoding="utf-8")
        assert resolution_inputs(tmp_path) != before, name
        (tmp_path / name).write_text("a\n", encoding="utf-8")
    assert resolution_inputs(tmp_path) == before


def test_environment_file_installs_exactly_the_pinned_set():
    """Resolve what Binder and conda would install (pip --dry-run of environment.yml's pip section): every package
    at its constraints.txt pin, none outside it.

    The resolution takes about 25 s of one core and depends only on the three files of :func:`resolution_inputs`
    (every package is pinned), so after it passes on a machine it is remembered in .venv: later local runs with the
    same files skip it, saying so. CI (variable CI set) and BP_RESOLVE=1 always resolve; so does any change.
    """
    inputs = resolution_inputs(ROOT)
    stamp = RESOLVED_STAMP.read_text(encoding="utf-8").strip() if RESOLVED_STAMP.exists() else ""
    if stamp == inputs and not os.environ.get("CI") and not os.environ.get("BP_RESOLVE"):
        pytest.skip("environment.yml, constraints.txt and pyproject.toml resolved to the pinned set earlier on this "
                    "machine and have not changed (stamp in .venv); CI resolves on every run, BP_RESOLVE=1 here")
    arguments = pip_arguments((ROOT / "environment.yml").read_text(encoding="utf-8"), ROOT)
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
                           "--disable-pip-version-check", "--report", "-", *arguments],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    if done.returncode != 0 and any(words in done.stderr for words in _OFFLINE):
        pytest.skip(f"the package index cannot be reached, so the resolution cannot be tested: {done.stderr[-300:]}")
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    resolved = {normalize(item["metadata"]["name"]): item["metadata"]["version"] for item in report["install"]}
    assert PACKAGE in resolved and len(resolved) > 50
    pins = constraint_pins((ROOT / "constraints.txt").read_text(encoding="utf-8"))
    assert off_pins(resolved, pins) == {}
    if RESOLVED_STAMP.parent.is_dir():
        RESOLVED_STAMP.write_text(inputs + "\n", encoding="utf-8")


def test_imported_modules_and_magics():
    src = "import os, numpy.linalg\nfrom pandas import DataFrame\nfrom . import data\nfrom .plots import x\n"
    assert imported_modules(src) == {"os", "numpy", "pandas"}
    cell = "%matplotlib inline\n!pip list\nimport seaborn as sns\n"
    assert imported_modules(code_cell_python(cell)) == {"seaborn"}
    assert code_cell_python("%%bash\nimport nothing\n") is None
    assert imported_modules(code_cell_python("%%time\nimport scipy\n")) == {"scipy"}


def test_undeclared_modules_are_caught():
    mapping = {"yaml": ["PyYAML"], "pandas": ["pandas"], "IPython": ["ipython"], "PIL": ["pillow"]}
    declared = declared_distributions(GOOD_PYPROJECT)
    ok = {"os", "json", "yaml", "pandas", PACKAGE, "__future__", "conftest"}
    assert undeclared_modules(ok, declared, mapping, {"conftest"}) == {}
    bad = undeclared_modules({"IPython", "PIL", "seaborn", "pandas"}, declared, mapping)
    assert set(bad) == {"IPython", "PIL", "seaborn"}
    assert "ipython" in bad["IPython"] and "not installed" in bad["seaborn"]
