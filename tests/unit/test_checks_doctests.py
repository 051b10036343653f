"""The examples in the docstrings of betweenpowers.checks run: every module of the package, and each has some.

The examples use the real answer key's ids (``"NN.k"``, e.g. ``"03.2"``), so copying one into a notebook works.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
from types import ModuleType

import pytest

import betweenpowers.checks

MODULE_NAMES = ["betweenpowers.checks"] + sorted(
    f"betweenpowers.checks.{info.name}" for info in pkgutil.iter_modules(betweenpowers.checks.__path__)
)
#: Modules whose docstrings must hold examples (a module added to the package should get some too).
MUST_HAVE_EXAMPLES = set(MODULE_NAMES)


def test_the_package_has_one_module_per_concern():
    assert MODULE_NAMES == [
        "betweenpowers.checks",
        "betweenpowers.checks.feedback",
        "betweenpowers.checks.mistakes",
        "betweenpowers.checks.parsing",
        "betweenpowers.checks.questions",
        "betweenpowers.checks.registry",
        "betweenpowers.checks.tables",
        "betweenpowers.checks.verdicts",
    ]


@pytest.mark.parametrize("name", MODULE_NAMES)
def test_docstring_examples_run(name):
    module: ModuleType = importlib.import_module(name)
    results = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=True, verbose=False)
    assert results.failed == 0, f"{results.failed} of {results.attempted} examples in {name} failed (see above)"
    if name in MUST_HAVE_EXAMPLES:
        assert results.attempted > 0, f"{name} has no docstring examples"


LOOKUP = re.compile(r"\b(?:check|evaluate|get_question)\(\s*\"([^\"]*)\"")
#: Ids that examples use to show the "Unknown question" message and the KeyError.
UNKNOWN_ON_PURPOSE = {"03_2", "03_4"}


def _looked_up_ids() -> set[str]:
    """The quoted ids passed to check(), evaluate() or get_question() in the package's examples."""
    finder = doctest.DocTestFinder()
    return {
        match
        for name in MODULE_NAMES
        for test in finder.find(importlib.import_module(name))
        for example in test.examples
        for match in LOOKUP.findall(example.source)
    }


def test_examples_use_real_question_ids():
    """Every id an example looks up is registered, except those that show what an unknown id gives."""
    used = _looked_up_ids()
    assert UNKNOWN_ON_PURPOSE <= used
    real = used - UNKNOWN_ON_PURPOSE
    assert real, "no example looks up a real question"
    assert real <= set(betweenpowers.checks.registered_ids()), sorted(real - set(betweenpowers.checks.registered_ids()))
    assert all(re.fullmatch(r"\d\d\.\d+", qid) for qid in real), sorted(real)
