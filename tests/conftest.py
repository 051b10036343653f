"""What the whole suite shares: the repository root, the loaded tables (once per session) and the raw data folder.

Test folders mirror the repository: ``unit/`` (the student package, one file per module), ``tools/`` (the
maintainers' tools), ``notebooks/`` (lessons, exercises and solutions), ``repo/`` (hygiene: environment, docs,
glossary), ``browser/`` (JupyterLab and the static edition in headless Chromium). Helpers that tests import live
in :mod:`support`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from notebook_runner import Runner, RunnerFailed, Runs
from support import RAW, ROOT

from betweenpowers import data


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root."""
    return ROOT


@pytest.fixture(scope="session")
def table() -> Callable[[str], pd.DataFrame]:
    """``table(name)``: a fresh copy of a shipped table (read and validated once per session by the loader)."""
    return data.load_table


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    """``../shared/data-raw``; tests that rebuild the data skip, saying why, where it is absent."""
    if not RAW.is_dir():
        pytest.skip(f"the raw extracts are not here ({RAW}): data rebuild tests need ../shared/data-raw")
    return RAW


# -- the notebook runner: started at the start of the session, read by the tests that need it, run last ----------
def _waits_for_runs(item: pytest.Item) -> bool:
    return "runs" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that read the notebook runner's results go last, so the runner works while everything else runs."""
    items.sort(key=_waits_for_runs)  # a stable sort: the order within each group is kept


@pytest.fixture(scope="session", autouse=True)
def _notebook_runner(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                     ) -> Iterator[Runner | None]:
    """Start tests/notebook_runner.py in the background with the first test, if any selected test needs it."""
    needed = any(_waits_for_runs(item) for item in request.session.items)
    runner = Runner(tmp_path_factory.mktemp("notebook-runs")) if needed else None
    yield runner
    if runner is not None:
        runner.stop()


@pytest.fixture(scope="session")
def runs(_notebook_runner: Runner | None) -> Runs:
    """The notebook runner's results (waits for it)."""
    assert _notebook_runner is not None, "the notebook runner was not started"
    try:
        return _notebook_runner.result()
    except RunnerFailed as error:
        pytest.fail(str(error))
