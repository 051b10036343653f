"""What the whole suite shares: the repository root, the loaded tables (once per session) and the raw data folder.

Test folders mirror the repository: ``unit/`` (the student package, one file per module), ``tools/`` (the
maintainers' tools), ``notebooks/`` (lessons, exercises and solutions), ``repo/`` (hygiene: environment, docs,
glossary), ``browser/`` (JupyterLab and the static edition in headless Chromium). Helpers that tests import live
in :mod:`support`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
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
