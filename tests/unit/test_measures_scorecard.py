"""Unit tests of the lesson 04 measures: arms TIV by year, the Russia / China / West splits and the composite."""

import math

import pandas as pd
import pytest

from betweenpowers import data
from betweenpowers.measures.arms import ARMS_GROUPS, tiv_by_year
from betweenpowers.measures.scorecard import (
    DIMENSION_TABLES,
    DIMENSIONS,
    INVESTMENT_BASES,
    POLES,
    arms_split,
    balance_index,
    composite_shares,
    investment_split,
    pole_of_vector,
    pole_split,
    scorecard_splits,
    trade_split,
    votes_split,
)


# -- arms -------------------------------------------------------------------------------------------------------
def test_tiv_by_year_fills_every_year_and_keeps_the_total(arms):
    wide = tiv_by_year(arms)
    assert list(wide.index) == list(range(1995, 2022))
    assert list(wide.columns) == list(ARMS_GROUPS)
    imports = arms[arms["direction"] == "import"]
    assert wide.to_numpy().sum() == pytest.approx(imports["tiv_mn"].sum())
    assert wide.loc[2015, "russia"] == 441.0
    assert wide.loc[1998].sum() == 0


def test_tiv_by_counterpart_and_exports(arms):
    wide = tiv_by_year(arms, "export", by="counterpart_iso3")
    assert wide.loc[1999, "PRK"] == 170.0
    assert tiv_by_year(arms, by="counterpart").loc[2015, "Russia"] == 441.0
    assert wide.index.min() == 1995


def test_tiv_by_vector_drops_no_export(arms):
    wide = tiv_by_year(arms, "export")
    exports = arms[arms["direction"] == "export"]
    assert wide.to_numpy().sum() == pytest.approx(exports["tiv_mn"].sum())
    assert list(wide.columns) == [*ARMS_GROUPS, "central_asia", "south_caucasus"]


def test_tiv_by_year_rejects_bad_arguments_and_handles_empty_tables(arms):
    with pytest.raises(ValueError):
        tiv_by_year(arms, "imports")
    with pytest.raises(ValueError):
        tiv_by_year(arms, by="year")
    assert tiv_by_year(arms.iloc[0:0]).empty


# -- poles and splits -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("vector,pole", [("russia", "russia"), ("china", "china"), ("eu27", "west"),
                                         ("other_west", "west"), ("turkey", None), ("central_asia", None),
                                         ("other", None), (None, None)])
def test_pole_of_vector(vector, pole):
    assert pole_of_vector(vector) == pole


def test_pole_split_normalises_and_fills_missing_poles():
    shares = pole_split({"russia": 3.0, "west": 1.0})
    assert list(shares.index) == list(POLES)
    assert shares.tolist() == [0.75, 0.0, 0.25]
    assert pole_split({}).isna().all()
    with pytest.raises(ValueError):
        pole_split({"russia": -1.0, "china": 2.0})


def test_trade_split_2020_matches_a_hand_calculation(trade):
    shares, coverage = trade_split(trade, 2020)
    rows = trade.query("year == 2020 and view == 'reported' and partner_type != 'world'")
    by_vector = rows.groupby("vector")["value_usd_mn"].sum()
    west = by_vector["eu27"] + by_vector["other_west"]
    poles = by_vector["russia"] + by_vector["china"] + west
    assert shares["russia"] == pytest.approx(by_vector["russia"] / poles)
    assert shares["west"] == pytest.approx(west / poles)
    assert shares.sum() == pytest.approx(1.0)
    assert coverage == pytest.approx(poles / rows["value_usd_mn"].sum())
    assert 0.8 < coverage < 0.85


def test_trade_split_mirror_view_differs_and_bad_year_raises(trade):
    reported, _ = trade_split(trade, 2010)
    mirror, _ = trade_split(trade, 2010, view="mirror")
    assert reported["west"] != pytest.approx(mirror["west"])
    with pytest.raises(ValueError):
        trade_split(trade, 2021)


def test_votes_split_normalises_mean_agreement(agreement):
    shares = votes_split(agreement, (2021, 2012))
    kaz = agreement[(agreement["iso3"] == "KAZ") & agreement["year"].between(2012, 2021)]
    means = kaz.groupby("partner")["agreement_half"].mean()
    total = means["RUS"] + means["CHN"] + means["USA"]
    assert shares["russia"] == pytest.approx(means["RUS"] / total)
    assert shares["west"] == pytest.approx(means["USA"] / total)
    with pytest.raises(ValueError):
        votes_split(agreement, (1980, 1985))
    strict = votes_split(agreement, (2012, 2021), rule="identical")
    means = kaz.groupby("partner")["agreement_identical"].mean()
    assert strict["china"] == pytest.approx(means["CHN"] / (means["RUS"] + means["CHN"] + means["USA"]))
    with pytest.raises(ValueError, match="rule must be one of"):
        votes_split(agreement, (2012, 2021), rule="agreement_half")


def test_arms_split_periods(arms):
    shares, coverage = arms_split(arms, (2010, 2021))
    rows = arms.query("direction == 'import' and 2010 <= year <= 2021")
    russia = rows.loc[rows["counterpart_iso3"] == "RUS", "tiv_mn"].sum()
    china = rows.loc[rows["counterpart_iso3"] == "CHN", "tiv_mn"].sum()
    west = rows.loc[rows["vector"].isin(["eu27", "other_west"]), "tiv_mn"].sum()
    assert shares["russia"] == pytest.approx(russia / (russia + china + west))
    assert coverage == pytest.approx((russia + china + west) / rows["tiv_mn"].sum())
    empty, no_coverage = arms_split(arms, (1998, 1998))
    assert empty.isna().all() and math.isnan(no_coverage)
    only_russia, _ = arms_split(arms, (1995, 1995))
    assert only_russia.tolist() == [1.0, 0.0, 0.0]


@pytest.mark.parametrize("basis", list(INVESTMENT_BASES))
def test_investment_split_uses_one_page_and_one_concept(fdi, basis):
    shares, coverage = investment_split(fdi, basis)
    assert shares.sum() == pytest.approx(1.0)
    assert 0 < coverage < 1


def test_investment_split_values(fdi):
    shares, coverage = investment_split(fdi, "stock_mid2021")
    assert shares["russia"] == pytest.approx(4.8 / (4.8 + 5.2 + 39.5))
    assert coverage == pytest.approx((4.8 + 5.2 + 39.5) / 152.8)
    with_nld, _ = investment_split(fdi, "stock_mid2021_nld")
    assert with_nld["west"] == pytest.approx((39.5 + 60.0) / (4.8 + 5.2 + 39.5 + 60.0))
    gross, coverage = investment_split(fdi, "gross_inflow_2022")
    assert gross["west"] == pytest.approx(5.1 / (1.5 + 1.4 + 5.1))
    assert coverage == pytest.approx(8.0 / 28.0)
    with pytest.raises(ValueError):
        investment_split(fdi, "cumulative")


@pytest.mark.parametrize("trade_year", [1992, 2005, 2020, 2030])
@pytest.mark.parametrize("vote_years", [(1992, 2021), (2021, 2012), (2030, 2035)])
@pytest.mark.parametrize("arms_years", [(1995, 2021), (1998, 1998), (2021, 2012)])
def test_scorecard_splits_over_the_data_choices(trade, agreement, arms, fdi, trade_year, vote_years, arms_years):
    splits = scorecard_splits(trade, agreement, arms, fdi, trade_year, vote_years, arms_years)
    assert list(splits.index) == list(DIMENSIONS)
    assert list(splits.columns) == [*POLES, "coverage", "basis", "label"]
    no_data = {"trade": trade_year == 2030, "votes": vote_years == (2030, 2035), "arms": arms_years == (1998, 1998),
               "investment": False}
    for dim, missing in no_data.items():
        row = splits.loc[dim, list(POLES)].astype(float)
        if missing:
            assert row.isna().all()
        else:
            assert row.sum() == pytest.approx(1.0)
    assert f"{min(arms_years)}-{max(arms_years)}" in splits.loc["arms", "basis"]


def test_coverage_of_each_dimension(trade, agreement, arms, fdi):
    splits = scorecard_splits(trade, agreement, arms, fdi, investment_basis="stock_mid2021")
    assert math.isnan(splits.loc["votes", "coverage"])
    assert 0 < splits.loc["arms", "coverage"] <= 1
    assert splits.loc["investment", "coverage"] == pytest.approx((4.8 + 5.2 + 39.5) / 152.8)


def test_every_dimension_names_the_table_it_is_built_from():
    assert list(DIMENSION_TABLES) == list(DIMENSIONS)
    for name in DIMENSION_TABLES.values():
        assert data.resource(name)["sources"]


# -- composite and balance --------------------------------------------------------------------------------------
SPLITS = pd.DataFrame({"russia": [0.6, 0.0, math.nan], "china": [0.2, 0.0, math.nan], "west": [0.2, 1.0, math.nan]},
                      index=["a", "b", "c"])


def test_composite_is_a_weighted_mean_and_weights_are_relative():
    composite = composite_shares(SPLITS, {"a": 1, "b": 1})
    assert composite.tolist() == pytest.approx([0.3, 0.1, 0.6])
    assert composite_shares(SPLITS, {"a": 3, "b": 3}).tolist() == pytest.approx([0.3, 0.1, 0.6])
    assert composite_shares(SPLITS, {"a": 3, "b": 1}).tolist() == pytest.approx([0.45, 0.15, 0.4])


def test_composite_skips_rows_without_data_and_rejects_bad_weights():
    assert composite_shares(SPLITS, {"a": 1, "c": 5}).tolist() == pytest.approx([0.6, 0.2, 0.2])
    with pytest.raises(ValueError, match="zero"):
        composite_shares(SPLITS, {"a": 0, "b": 0, "c": 0})
    with pytest.raises(ValueError, match="zero"):
        composite_shares(SPLITS, {"c": 1})
    with pytest.raises(ValueError, match="non-negative"):
        composite_shares(SPLITS, {"a": -1, "b": 2})


def test_balance_index_bounds():
    assert balance_index(pd.Series({"russia": 1 / 3, "china": 1 / 3, "west": 1 / 3})) == pytest.approx(1.0)
    assert balance_index(pd.Series({"russia": 1.0, "china": 0.0, "west": 0.0})) == 0.0
    assert 0.0 < balance_index(pd.Series({"russia": 0.6, "china": 0.2, "west": 0.2})) < 1.0


def test_numbers_quoted_in_the_lesson_04_questions_are_in_the_data(arms, fdi):
    """Questions 04.3 and 04.4 quote three figures in their text; they must still be what the tables hold."""
    russia_2015 = arms.query("direction == 'import' and counterpart_iso3 == 'RUS' and year == 2015")["tiv_mn"]
    assert russia_2015.tolist() == [441.0]
    in_2022 = fdi[(fdi["period"] == "2022") & (fdi["counterpart_code"] == "ALL")]
    assert set(in_2022.loc[in_2022["concept"] == "gross_inflow", "value_usd_bn"]) == {28.0}
    assert in_2022.loc[in_2022["concept"] == "net_inflow", "value_usd_bn"].tolist() == [6.1]
