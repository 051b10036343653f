"""What the whole suite shares: the loaded tables, the raw data folder and the notebook runner.

Test folders mirror the repository: ``unit/`` (the student package, one file per module), ``tools/`` (the
maintainers' tools), ``notebooks/`` (lessons, exercises and solutions), ``repo/`` (hygiene: environment, docs,
glossary), ``browser/`` (JupyterLab and the static edition in headless Chromium). Helpers that tests import live
in :mod:`support`. The suite runs in two pytest-xdist workers; the notebook runner (tests/notebook_runner.py)
executes every notebook twice once per test run, and the ``runs`` fixture gives any worker its results.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from notebook_runner import Runner, RunnerFailed, Runs, read_runs
from support import RAW

from betweenpowers import data


@pytest.fixture(scope="session")
def table() -> Callable[[str], pd.DataFrame]:
    """``table(name)``: a fresh copy of a shipped table (read and validated once per session by the loader)."""
    return data.load_table


# -- the tables under the names the lessons give them (a fresh copy for each test module) --------------------------
@pytest.fixture(scope="module")
def trade(table: Callable[[str], pd.DataFrame]) -> pd.DataFrame:
    return table("trade_dots")


@pytest.fixture(scope="module")
def agreement(table: Callable[[str], pd.DataFrame]) -> pd.DataFrame:
    return table("unga_agreement_yearly")


@pytest.fixture(scope="module")
def events(table: Callable[[str], pd.DataFrame]) -> pd.DataFrame:
    return table("diplomatic_events")


@pytest.fixture(scope="module")
def macro(table: Callable[[str], pd.DataFrame]) -> pd.DataFrame:
    return table("macro_kaz_annual")


@pytest.fixture(scope="module")
def arms(table: Callable[[str], pd.DataFrame]) -> pd.DataFrame:
    return table("arms_transfers_sipri")


@pytest.fixture(scope="module")
def fdi(table: Callable[[str], pd.DataFrame]) -> pd.DataFrame:
    return table("fdi_page_figures")


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    """``../shared/data-raw``; tests that rebuild the data skip, saying why, where it is absent."""
    if not RAW.is_dir():
        pytest.skip(f"the raw extracts are not here ({RAW}): data rebuild tests need ../shared/data-raw")
    return RAW


# -- hand-ins: handin() in the exercise and solution notebooks (nbval, the notebook runner) writes into a temporary
# folder, never beside the notebooks in the repository (workers and kernels inherit the variable)
_HANDIN_DIR = "BETWEENPOWERS_HANDIN_DIR"  # betweenpowers.handin.HANDIN_DIR_ENV
_made_handin_dir: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    if not os.environ.get(_HANDIN_DIR):
        os.environ[_HANDIN_DIR] = tempfile.mkdtemp(prefix="bp-handins-")
        _made_handin_dir.append(os.environ[_HANDIN_DIR])


def pytest_unconfigure(config: pytest.Config) -> None:
    for folder in _made_handin_dir:
        shutil.rmtree(folder, ignore_errors=True)


# -- the notebook runner: started once per test run, read by the tests that need it -----------------------------
def _waits_for_runs(item: pytest.Item) -> bool:
    return "runs" in getattr(item, "fixturenames", ())


def _under_xdist() -> bool:
    return bool(os.environ.get("PYTEST_XDIST_WORKER"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Without parallel workers, the tests that read the runner's results go last, so it works meanwhile."""
    if not _under_xdist():
        items.sort(key=_waits_for_runs)  # a stable sort: the order within each group is kept


def _runs_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder per test run, shared by the parallel workers (each has its own base temp below it)."""
    base = tmp_path_factory.getbasetemp()
    return (base.parent if _under_xdist() else base) / "notebook-runs"


@pytest.fixture(scope="session", autouse=True)
def _notebook_runner(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                     ) -> Iterator[Runner | None]:
    """Start tests/notebook_runner.py in the background with the first test, if any selected test needs it.

    Under pytest-xdist every worker gets here; the first to create the shared folder starts the runner, and lets it
    finish before its own session ends (another worker may be waiting for the results).
    """
    runner = None
    if any(_waits_for_runs(item) for item in request.session.items):
        folder = _runs_folder(tmp_path_factory)
        try:
            folder.mkdir()
        except FileExistsError:
            pass
        else:
            runner = Runner(folder)
    yield runner
    if runner is not None:
        runner.wait(timeout=3600) if _under_xdist() else runner.stop()


@pytest.fixture(scope="session")
def runs(_notebook_runner: Runner | None, tmp_path_factory: pytest.TempPathFactory) -> Runs:
    """The notebook runner's results (waits for them)."""
    try:
        return read_runs(_runs_folder(tmp_path_factory))
    except RunnerFailed as error:
        pytest.fail(str(error))
