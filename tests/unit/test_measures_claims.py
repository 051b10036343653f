"""Unit tests of betweenpowers.measures.claims: the helpers behind the capstone's verdicts."""

import math

import pandas as pd
import pytest

from betweenpowers.measures.claims import (
    CLAIM_LESSONS,
    CLAIMS,
    VERDICTS,
    before_after,
    change_correlation,
    check_verdict,
    city_in_title,
    level_correlation,
    per_year_by_era,
    share_verdict,
    years_at_or_above,
)


def test_sixteen_claims_each_with_a_lesson():
    assert list(CLAIMS) == [f"C{n:02d}" for n in range(1, 17)]
    assert set(CLAIM_LESSONS) == set(CLAIMS)
    assert VERDICTS == ("supported", "partly supported", "contradicted", "not testable with this data")


def test_check_verdict_accepts_the_four_and_names_them_otherwise():
    for verdict in VERDICTS:
        assert check_verdict(verdict) == verdict
    with pytest.raises(ValueError, match="not testable with this data"):
        check_verdict("true")


def test_city_in_title_finds_the_first_city_or_nothing():
    titles = pd.Series(["Guterres in Almaty: host-country agreement", "Almaty hosts talks in Astana", "No venue"],
                       index=[5, 6, 7])
    cities = city_in_title(titles)
    assert cities.tolist() == ["Almaty", "Almaty", ""]
    assert cities.index.tolist() == [5, 6, 7]


def test_years_at_or_above_keeps_order_and_skips_missing():
    series = pd.Series([0.95, None, 0.9, 0.89], index=[2003, 2004, 2005, 2006])
    assert years_at_or_above(series, 0.9) == [2003, 2005]
    assert years_at_or_above(series, 2.0) == []


def test_before_after_means_and_change():
    series = pd.Series([1.0, 3.0, 10.0, 20.0], index=[2012, 2013, 2014, 2015])
    result = before_after(series, 2014)
    assert result["before"] == 2.0 and result["after"] == 15.0 and result["change"] == 13.0
    empty_side = before_after(series, 2030)
    assert math.isnan(empty_side["after"]) and math.isnan(empty_side["change"])


def test_per_year_by_era_divides_by_the_length_of_each_era():
    table = per_year_by_era([1992, 2010, 2019, 2020, 2025, 2030], boundary=2019, first=1991, last=2025)
    assert table.index.tolist() == ["1991-2018", "2019-2025"]
    assert table["years"].tolist() == [28, 7]
    assert table["events"].tolist() == [2, 3]  # 2030 lies outside the range
    assert table.loc["2019-2025", "per_year"] == pytest.approx(3 / 7)
    with pytest.raises(ValueError):
        per_year_by_era([2000], boundary=1991, first=1991, last=2025)


def test_change_correlation_uses_changes_not_levels():
    years = range(2000, 2006)
    x = pd.Series([100, 110, 115, 125, 130, 140], index=years)  # big, small, big, small, big steps
    y = pd.Series([100, 103, 110, 112, 120, 122], index=years)  # small, big, small, big, small steps
    # Both rise, so their levels correlate strongly; their yearly changes move against each other.
    assert level_correlation(x, y) > 0.9
    assert change_correlation(x, y) < -0.8
    assert change_correlation(y, y * 2) == pytest.approx(1.0)
    assert math.isnan(change_correlation(y.iloc[:3], y.iloc[:3]))  # two changes are too few
    assert math.isnan(level_correlation(y.iloc[:2], y.iloc[:2]))


def test_share_verdict_cut_points():
    assert share_verdict(27, 27) == "supported"
    assert share_verdict(22, 27) == "supported"  # 81%
    assert share_verdict(18, 27) == "partly supported"
    assert share_verdict(9, 27) == "partly supported"  # exactly one third
    assert share_verdict(2, 27) == "contradicted"
    assert share_verdict(0, 0) == "not testable with this data"
