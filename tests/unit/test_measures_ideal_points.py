"""Unit tests of betweenpowers.measures.ideal_points: one vintage per series, distances, votes behind each estimate."""

import pandas as pd
import pytest

from betweenpowers import data
from betweenpowers.measures.ideal_points import VINTAGES, compare_vintages, ideal_point_distance, ideal_points

SMALL = pd.DataFrame({
    "vintage": ["a_final", "a_final", "a_final", "a_final", "b_all", "b_all"],
    "iso3": ["KAZ", "RUS", "KAZ", "RUS", "KAZ", "RUS"],
    "year": [2020, 2020, 2021, 2021, 2020, 2020],
    "n_votes": [90, 91, 4, 5, 100, 100],
    "ideal_point": [-0.5, 1.5, 0.25, -0.25, 0.0, 0.0],
    "q5": [None] * 6,
    "q95": [None] * 6,
})


@pytest.fixture()
def small_vintages(monkeypatch):
    monkeypatch.setitem(VINTAGES, "a_final", "test vintage a")
    monkeypatch.setitem(VINTAGES, "b_all", "test vintage b")


def test_distance_is_the_absolute_difference_with_the_votes_behind_it(small_vintages):
    distance = ideal_point_distance(SMALL, "KAZ", ["RUS", "KAZ"], "a_final")
    assert distance["RUS"].tolist() == [2.0, 0.5]
    assert distance["KAZ"].tolist() == [0.0, 0.0]
    assert distance["n_votes"].tolist() == [90, 4]
    assert list(distance.columns) == ["RUS", "KAZ", "n_votes"]


def test_other_vintages_never_leak_in(small_vintages):
    assert ideal_points(SMALL, ["KAZ", "RUS"], "b_all").loc[2020].tolist() == [0.0, 0.0]
    side_by_side = compare_vintages(SMALL, "KAZ", "RUS", ["a_final", "b_all"])
    assert side_by_side.loc[2020].tolist() == [2.0, 0.0]
    assert pd.isna(side_by_side.loc[2021, "b_all"])


@pytest.mark.parametrize("bad", ["2024", "all", None, ["2026_final_passage", "2025-07_final_passage"]])
def test_one_known_vintage_is_required(bad):
    with pytest.raises(ValueError, match="vintage must be one of"):
        ideal_points(data.load_unga_ideal_points(), ["KAZ"], bad)


def test_real_distances_match_the_table_rows():
    table = data.load_unga_ideal_points()
    rows = table[table["vintage"] == "2026_final_passage"].set_index(["iso3", "year"])
    distance = ideal_point_distance(table, "KAZ", ["RUS", "USA", "CHN"], "2026_final_passage")
    for year in (1992, 2014, 2022, 2025):
        for partner in ("RUS", "USA", "CHN"):
            expected = abs(rows.loc[("KAZ", year), "ideal_point"] - rows.loc[(partner, year), "ideal_point"])
            assert distance.loc[year, partner] == pytest.approx(expected)
    assert distance.index.min() == 1992 and distance.index.max() == 2025
    # the caveat of data/README.md: in this vintage 2024 rests on very few votes
    assert distance.loc[2024, "n_votes"] == rows.loc[("KAZ", 2024), "n_votes"] < 10
    assert distance.loc[2025, "n_votes"] > 100


def test_vintages_differ_so_they_must_not_be_mixed():
    table = data.load_unga_ideal_points()
    side_by_side = compare_vintages(table, "KAZ", "RUS", ["2025-07_final_passage", "2026_final_passage"])
    assert list(side_by_side.columns) == ["2025-07_final_passage", "2026_final_passage"]
    assert pd.isna(side_by_side.loc[2025, "2025-07_final_passage"])
    gap_2024 = abs(side_by_side.loc[2024, "2026_final_passage"] - side_by_side.loc[2024, "2025-07_final_passage"])
    assert gap_2024 > 0.2  # the thin 2024 estimate of the 2026 file is far from the July-2025 one
