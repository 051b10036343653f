"""Every docstring example in the student package runs and shows what it says (the checks package has its own,
stricter test: tests/unit/test_checks_doctests.py)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import betweenpowers

MODULES = sorted(info.name for info in pkgutil.walk_packages(betweenpowers.__path__, "betweenpowers.")
                 if not info.name.startswith("betweenpowers.checks"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} docstring examples failed"


def test_the_package_has_examples_to_run():
    attempted = sum(doctest.testmod(importlib.import_module(name)).attempted for name in MODULES)
    assert attempted >= 10, f"only {attempted} docstring examples in the student package"
