"""Unit tests of the lesson 04 measures: arms TIV by year, the Russia / China / West splits and the composite."""

import math

import pandas as pd
import pytest

from betweenpowers import data
from betweenpowers.measures.arms import ARMS_GROUPS, tiv_by_year, years_without_deliveries
from betweenpowers.measures.scorecard import (
    INVESTMENT_BASES,
    POLES,
    arms_split,
    balance_index,
    composite_shares,
    investment_split,
    pole_of_vector,
    pole_split,
    trade_split,
    votes_split,
)

ARMS = data.load_arms_transfers_sipri()
TRADE = data.load_trade_dots()
AGREEMENT = data.load_unga_agreement_yearly()
FDI = data.load_fdi_page_figures()


# -- arms -------------------------------------------------------------------------------------------------------
def test_tiv_by_year_fills_every_year_and_keeps_the_total():
    wide = tiv_by_year(ARMS)
    assert list(wide.index) == list(range(1995, 2022))
    assert list(wide.columns) == list(ARMS_GROUPS)
    imports = ARMS[ARMS["direction"] == "import"]
    assert wide.to_numpy().sum() == pytest.approx(imports["tiv_mn"].sum())
    assert wide.loc[2015, "russia"] == 441.0
    assert wide.loc[1998].sum() == 0


def test_years_without_deliveries_are_the_gaps_of_the_sipri_table():
    assert years_without_deliveries(ARMS) == [1998, 2003]


def test_tiv_by_counterpart_and_exports():
    wide = tiv_by_year(ARMS, "export", by="counterpart_iso3")
    assert wide.loc[1999, "PRK"] == 170.0
    assert tiv_by_year(ARMS, by="counterpart").loc[2015, "Russia"] == 441.0
    assert wide.index.min() == 1995


def test_tiv_by_year_rejects_bad_arguments_and_handles_empty_tables():
    with pytest.raises(ValueError):
        tiv_by_year(ARMS, "imports")
    with pytest.raises(ValueError):
        tiv_by_year(ARMS, by="year")
    assert tiv_by_year(ARMS.iloc[0:0]).empty


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


def test_trade_split_2020_matches_a_hand_calculation():
    shares, coverage = trade_split(TRADE, 2020)
    rows = TRADE.query("year == 2020 and view == 'reported' and partner_type != 'world'")
    by_vector = rows.groupby("vector")["value_usd_mn"].sum()
    west = by_vector["eu27"] + by_vector["other_west"]
    poles = by_vector["russia"] + by_vector["china"] + west
    assert shares["russia"] == pytest.approx(by_vector["russia"] / poles)
    assert shares["west"] == pytest.approx(west / poles)
    assert shares.sum() == pytest.approx(1.0)
    assert coverage == pytest.approx(poles / rows["value_usd_mn"].sum())
    assert 0.8 < coverage < 0.85


def test_trade_split_mirror_view_differs_and_bad_year_raises():
    reported, _ = trade_split(TRADE, 2010)
    mirror, _ = trade_split(TRADE, 2010, view="mirror")
    assert reported["west"] != pytest.approx(mirror["west"])
    with pytest.raises(ValueError):
        trade_split(TRADE, 2021)


def test_votes_split_normalises_mean_agreement():
    shares = votes_split(AGREEMENT, (2021, 2012))
    kaz = AGREEMENT[(AGREEMENT["iso3"] == "KAZ") & AGREEMENT["year"].between(2012, 2021)]
    means = kaz.groupby("partner")["agreement_half"].mean()
    total = means["RUS"] + means["CHN"] + means["USA"]
    assert shares["russia"] == pytest.approx(means["RUS"] / total)
    assert shares["west"] == pytest.approx(means["USA"] / total)
    with pytest.raises(ValueError):
        votes_split(AGREEMENT, (1980, 1985))


def test_arms_split_periods():
    shares, coverage = arms_split(ARMS, (2010, 2021))
    rows = ARMS.query("direction == 'import' and 2010 <= year <= 2021")
    russia = rows.loc[rows["counterpart_iso3"] == "RUS", "tiv_mn"].sum()
    china = rows.loc[rows["counterpart_iso3"] == "CHN", "tiv_mn"].sum()
    west = rows.loc[rows["vector"].isin(["eu27", "other_west"]), "tiv_mn"].sum()
    assert shares["russia"] == pytest.approx(russia / (russia + china + west))
    assert coverage == pytest.approx((russia + china + west) / rows["tiv_mn"].sum())
    empty, no_coverage = arms_split(ARMS, (1998, 1998))
    assert empty.isna().all() and math.isnan(no_coverage)
    only_russia, _ = arms_split(ARMS, (1995, 1995))
    assert only_russia.tolist() == [1.0, 0.0, 0.0]


@pytest.mark.parametrize("basis", list(INVESTMENT_BASES))
def test_investment_split_uses_one_page_and_one_concept(basis):
    shares, coverage = investment_split(FDI, basis)
    assert shares.sum() == pytest.approx(1.0)
    assert 0 < coverage < 1


def test_investment_split_values():
    shares, coverage = investment_split(FDI, "stock_mid2021")
    assert shares["russia"] == pytest.approx(4.8 / (4.8 + 5.2 + 39.5))
    assert coverage == pytest.approx((4.8 + 5.2 + 39.5) / 152.8)
    with_nld, _ = investment_split(FDI, "stock_mid2021_nld")
    assert with_nld["west"] == pytest.approx((39.5 + 60.0) / (4.8 + 5.2 + 39.5 + 60.0))
    gross, coverage = investment_split(FDI, "gross_inflow_2022")
    assert gross["west"] == pytest.approx(5.1 / (1.5 + 1.4 + 5.1))
    assert coverage == pytest.approx(8.0 / 28.0)
    with pytest.raises(ValueError):
        investment_split(FDI, "cumulative")


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


def test_numbers_quoted_in_the_lesson_04_questions_are_in_the_data():
    """Questions 04.3 and 04.4 quote three figures in their text; they must still be what the tables hold."""
    russia_2015 = ARMS.query("direction == 'import' and counterpart_iso3 == 'RUS' and year == 2015")["tiv_mn"]
    assert russia_2015.tolist() == [441.0]
    in_2022 = FDI[(FDI["period"] == "2022") & (FDI["counterpart_code"] == "ALL")]
    assert set(in_2022.loc[in_2022["concept"] == "gross_inflow", "value_usd_bn"]) == {28.0}
    assert in_2022.loc[in_2022["concept"] == "net_inflow", "value_usd_bn"].tolist() == [6.1]
