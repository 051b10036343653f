"""Unit tests of betweenpowers.measures (the concentration measures it re-exports): edge cases and the formulas on small
known inputs. The vote-agreement measure is tested in test_measures_votes.py."""

import math

import pandas as pd
import pytest

from betweenpowers import measures


def test_shares_sum_to_one_and_reject_bad_input():
    result = measures.shares(pd.Series([1.0, 3.0], index=["a", "b"]))
    assert list(result) == [0.25, 0.75]
    with pytest.raises(ValueError):
        measures.shares(pd.Series([1.0, -1.0]))
    with pytest.raises(ValueError):
        measures.shares(pd.Series([0.0, 0.0]))


def test_hhi_extremes():
    assert measures.hhi([1.0]) == 1.0
    assert measures.hhi([0.25] * 4) == pytest.approx(0.25)
    assert measures.hhi([0.5, 0.3, 0.2]) == pytest.approx(0.38)


def test_normalised_entropy_extremes():
    assert measures.normalised_entropy([1 / 3] * 3) == pytest.approx(1.0)
    assert measures.normalised_entropy([1.0, 0.0, 0.0]) == pytest.approx(0.0)
    assert 0 < measures.normalised_entropy([0.6, 0.3, 0.1]) < 1
    assert math.isnan(measures.normalised_entropy([1.0]))
