"""Fixtures shared by the unit tests of one topic in two modules (a measure and its explorer)."""

from __future__ import annotations

import pandas as pd
import pytest

from betweenpowers.measures import exposure


@pytest.fixture(scope="module")
def annual(trade: pd.DataFrame, macro: pd.DataFrame) -> pd.DataFrame:
    """Lesson 07's annual exposure table (measures.exposure.annual_exposure_table)."""
    return exposure.annual_exposure_table(trade, macro)


@pytest.fixture(scope="module")
def inputs(trade: pd.DataFrame, macro: pd.DataFrame) -> pd.DataFrame:
    """The inputs of lesson 07's teaching model (measures.exposure.model_inputs)."""
    return exposure.model_inputs(trade, macro)
