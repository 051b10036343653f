"""Unit tests of betweenpowers.measures.exposure: annual totals by source, openness, and the teaching model."""

import math

import pandas as pd
import pytest

from betweenpowers.measures import exposure
from betweenpowers.measures.trade import vector_shares


# -- Annual tables ---------------------------------------------------------------------------------------------
def test_dots_world_totals_are_the_world_rows_of_one_view(trade):
    totals = exposure.dots_world_totals(trade, "reported")
    assert list(totals.columns) == ["exports", "imports"]
    assert totals.index.min() == 1992 and totals.index.max() == 2020
    assert totals.loc[2020, "exports"] == pytest.approx(46926.8349)
    assert totals.loc[2020, "imports"] == pytest.approx(38142.8894)
    mirror = exposure.dots_world_totals(trade, "mirror")
    assert mirror.loc[2020, "exports"] != pytest.approx(totals.loc[2020, "exports"])
    with pytest.raises(ValueError, match="view"):
        exposure.dots_world_totals(trade, "both")


def test_annual_table_keeps_each_source_in_its_own_column(annual):
    assert list(annual.columns) == list(exposure.ANNUAL_COLUMNS)
    assert annual.index.min() == 1990 and annual.index.max() == 2031
    assert annual["exports_dots_usd_mn"].dropna().index.max() == 2020
    assert annual["exports_bns_usd_mn"].dropna().index.min() == 2019
    assert annual["gdp_wdi_usd_mn"].dropna().index.max() == 2023
    # GDP is converted from US$ to million US$, so every money column has the same unit.
    assert annual.loc[2020, "gdp_wdi_usd_mn"] == pytest.approx(171082.365861)
    assert annual.loc[2022, "exports_bns_usd_mn"] == pytest.approx(84593.07)
    assert annual.loc[2015, "brent_usd_per_barrel"] == pytest.approx(52.32)
    projected = annual.index[annual["weo_projection"].fillna(False).astype(bool)]
    assert list(projected) == list(range(2026, 2032))


def test_annual_table_matches_the_raw_columns(macro, annual):
    by_year = macro.set_index("year")
    assert (annual["gdp_weo_usd_mn"] * 1e6).dropna().round().equals(by_year["gdp_usd_weo"].dropna().round())
    assert annual["imports_bns_usd_mn"].dropna().equals(by_year["imports_usd_mn_bns"].dropna().astype(float))


def test_merchandise_openness_formula_and_real_value(annual):
    assert exposure.merchandise_openness(25.0, 100.0) == pytest.approx(25.0)
    series = exposure.merchandise_openness(annual["exports_dots_usd_mn"], annual["gdp_wdi_usd_mn"])
    assert series.loc[2020] == pytest.approx(46926.8349 / 171082.365861 * 100)
    assert series.loc[2020] == pytest.approx(27.43, abs=0.01)
    assert series.loc[1994:2020].idxmax() == 2000
    assert math.isnan(series.loc[2022])  # no IMF DOTS value after 2020: no splice with BNS


def test_oil_slump_years(annual):
    assert exposure.oil_slump_years(annual["brent_usd_per_barrel"]) == [1998, 2009, 2015, 2020]
    assert exposure.oil_slump_years(annual["brent_usd_per_barrel"], threshold_pct=40) == [2015]
    assert exposure.oil_slump_years(pd.Series([100.0, math.nan, 70.0], index=[2000, 2001, 2002])) == [2002]


# -- Model inputs ----------------------------------------------------------------------------------------------
def test_model_inputs_cover_1994_to_2020_with_valid_shares(inputs):
    assert list(inputs.index) == list(range(1994, 2021))
    share_columns = [f"{v}_{f}_share" for f in ("exports", "imports") for v in exposure.MODEL_PARTNERS.values()]
    assert list(inputs.columns) == ["exports", "imports", "gdp", "brent", *share_columns]
    shares = inputs[share_columns].to_numpy()
    assert ((shares >= 0) & (shares <= 1)).all()
    assert not inputs.isna().any().any()


def test_model_inputs_values_for_2019(trade, inputs):
    row = inputs.loc[2019]
    assert row["exports"] == pytest.approx(57676.7277)
    assert row["imports"] == pytest.approx(38419.0231)
    assert row["gdp"] == pytest.approx(181667.184855)
    assert row["russia_imports_share"] == pytest.approx(0.366, abs=0.001)
    assert row["russia_exports_share"] == pytest.approx(0.097, abs=0.001)
    assert row["russia_imports_share"] == pytest.approx(vector_shares(trade, "reported", "imports").loc[2019, "russia"])
    assert row["eu27_exports_share"] == pytest.approx(vector_shares(trade, "reported", "exports").loc[2019, "eu27"])


# -- The teaching model ----------------------------------------------------------------------------------------
TOY = {"exports": 100.0, "imports": 50.0, "gdp": 200.0}


def test_no_shock_gives_the_base_year():
    result = exposure.shock_scenario(TOY)
    assert result["exports"] == 100 and result["imports"] == 50 and result["trade_balance"] == 50
    assert result["exports_to_gdp_pct"] == pytest.approx(50) and result["balance_to_gdp_pct"] == pytest.approx(25)
    assert result[["oil_effect", "partner_export_effect", "partner_import_effect"]].eq(0).all()
    base = exposure.base_indicators(TOY)
    assert list(base.index) == list(exposure.INDICATORS)


def test_toy_scenario_by_hand():
    result = exposure.shock_scenario(TOY, oil_change_pct=-20, elasticity=0.5, partner_cut_pct=50,
                                     partner_export_share=0.2, partner_import_share=0.4)
    # oil factor 1 - 0.5 x 0.2 = 0.9; exports 100 x 0.9 x (1 - 0.2 x 0.5) = 81; imports 50 x (1 - 0.4 x 0.5) = 40
    assert result["exports"] == pytest.approx(81.0)
    assert result["imports"] == pytest.approx(40.0)
    assert result["trade_balance"] == pytest.approx(41.0)
    assert result["exports_to_gdp_pct"] == pytest.approx(40.5)
    assert result["balance_to_gdp_pct"] == pytest.approx(20.5)
    assert result["oil_effect"] == pytest.approx(-10.0)
    assert result["partner_export_effect"] == pytest.approx(-9.0)
    assert result["partner_import_effect"] == pytest.approx(-10.0)
    assert result["oil_effect"] + result["partner_export_effect"] == pytest.approx(result["exports"] - 100)


def test_oil_factor_stops_at_zero():
    result = exposure.shock_scenario(TOY, oil_change_pct=-80, elasticity=1.5)
    assert result["exports"] == 0 and result["oil_effect"] == -100
    assert result["trade_balance"] == -50


def test_real_default_scenario_2019(inputs):
    row = inputs.loc[2019]
    result = exposure.shock_scenario(row, -30, 0.6, 25, row["russia_exports_share"], row["russia_imports_share"])
    assert result["exports"] / 1000 == pytest.approx(46.146, abs=0.001)
    assert result["imports"] / 1000 == pytest.approx(34.903, abs=0.001)
    assert result["exports_to_gdp_pct"] == pytest.approx(25.40, abs=0.01)
    assert result["oil_effect"] / row["gdp"] * 100 == pytest.approx(-5.71, abs=0.01)


@pytest.mark.parametrize("oil", [-60, -10, 0, 10, 60])
def test_more_oil_and_larger_cuts_move_exports_the_expected_way(oil):
    kwargs = {"elasticity": 0.8, "partner_export_share": 0.3, "partner_import_share": 0.3}
    lower = exposure.shock_scenario(TOY, oil_change_pct=oil - 10, partner_cut_pct=20, **kwargs)
    higher = exposure.shock_scenario(TOY, oil_change_pct=oil, partner_cut_pct=20, **kwargs)
    assert higher["exports"] > lower["exports"]
    deeper = exposure.shock_scenario(TOY, oil_change_pct=oil, partner_cut_pct=60, **kwargs)
    assert deeper["exports"] < higher["exports"] and deeper["imports"] < higher["imports"]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"oil_change_pct": -100}, "above -100"),
    ({"oil_change_pct": -150}, "above -100"),
    ({"elasticity": -0.1}, "elasticity must be 0 or more"),
    ({"partner_cut_pct": 101}, "between 0 and 100"),
    ({"partner_cut_pct": -5}, "between 0 and 100"),
    ({"partner_export_share": 1.5}, "between 0 and 1"),
    ({"partner_import_share": -0.1}, "between 0 and 1"),
    ({"oil_change_pct": float("nan")}, "finite"),
    ({"elasticity": "high"}, "must be a number"),
])
def test_impossible_inputs_get_plain_messages(kwargs, message):
    with pytest.raises(ValueError, match=message):
        exposure.shock_scenario(TOY, **kwargs)


def test_impossible_base_year_values_are_rejected():
    with pytest.raises(ValueError, match="GDP above 0"):
        exposure.shock_scenario({"exports": 1.0, "imports": 1.0, "gdp": 0.0})
    with pytest.raises(ValueError, match="0 or more"):
        exposure.shock_scenario({"exports": -1.0, "imports": 1.0, "gdp": 10.0})


def test_series_input_works_like_a_dict():
    row = pd.Series({"exports": 100.0, "imports": 50.0, "gdp": 200.0, "other": 1.0})
    assert exposure.shock_scenario(row, 10, 1.0)["exports"] == pytest.approx(110.0)
