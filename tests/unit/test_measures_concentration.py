"""Unit tests of betweenpowers.measures.concentration (HHI, normalised entropy; re-exported by betweenpowers.measures):
edge cases and the formulas on small known inputs."""

import math

import pytest

from betweenpowers import measures


def test_hhi_extremes():
    assert measures.hhi([1.0]) == 1.0
    assert measures.hhi([0.25] * 4) == pytest.approx(0.25)
    assert measures.hhi([0.5, 0.3, 0.2]) == pytest.approx(0.38)


def test_normalised_entropy_extremes():
    assert measures.normalised_entropy([1 / 3] * 3) == pytest.approx(1.0)
    assert measures.normalised_entropy([1.0, 0.0, 0.0]) == pytest.approx(0.0)
    assert 0 < measures.normalised_entropy([0.6, 0.3, 0.1]) < 1
    assert math.isnan(measures.normalised_entropy([1.0]))
