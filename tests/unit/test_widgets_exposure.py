"""Unit tests of betweenpowers.widgets.exposure: the teaching-model explorer's view over its whole grid, its figure,
its UI, and the lesson's static figures."""

import itertools

import ipywidgets
import pandas as pd
import pytest
from support import first_control, shown, shown_item

from betweenpowers import data
from betweenpowers.measures import exposure as measures
from betweenpowers.plots import AltFigure
from betweenpowers.widgets import exposure
from betweenpowers.widgets.common import EXPLORER_CLASS

YEARS = list(range(1994, 2021))
OIL = [-60, -30, 0, 60]
ELASTICITY = [0.0, 0.6, 1.5]
CUTS = [0, 25, 100]
PARTNERS = list(measures.MODEL_PARTNERS)
GRID = list(itertools.product(OIL, ELASTICITY, CUTS, [True, False], PARTNERS))
MONEY = ["exports", "imports", "trade_balance"]


@pytest.mark.parametrize("year", YEARS)
def test_exposure_view_grid(inputs, year):
    """Every base year x oil change x elasticity x cut x checkbox x partner: consistent, complete, non-negative."""
    row = inputs.loc[year]
    for oil, elasticity, cut, apply, partner in GRID:
        result = exposure.exposure_view(inputs, year, oil, elasticity, partner, cut, apply)
        assert isinstance(result, exposure.ExposureView)
        view = result.frame
        assert list(view.columns) == exposure.VIEW_COLUMNS
        assert list(view.index) == list(measures.INDICATORS)
        assert result.base_year == year and result.scenario.apply_cut is apply
        assert view.loc["exports", "base"] == pytest.approx(row["exports"])
        assert view.loc["exports_to_gdp_pct", "base"] == pytest.approx(row["exports"] / row["gdp"] * 100)
        assert (view["change"] - (view["scenario"] - view["base"])).abs().max() < 1e-9
        assert view.loc["exports", "scenario"] >= 0 and view.loc["imports", "scenario"] >= 0
        assert view.loc["trade_balance", "scenario"] == pytest.approx(
            view.loc["exports", "scenario"] - view.loc["imports", "scenario"])
        assert view.loc["balance_to_gdp_pct", "scenario"] == pytest.approx(
            view.loc["trade_balance", "scenario"] / row["gdp"] * 100)
        no_oil = oil == 0 or elasticity == 0
        no_cut = cut == 0 or not apply
        if no_cut:
            assert view.loc["imports", "change"] == pytest.approx(0)
        else:
            assert view.loc["imports", "change"] < 0
        if no_oil and no_cut:
            assert view["change"].abs().max() < 1e-9
        if not apply:
            same = exposure.exposure_view(inputs, year, oil, elasticity, partner, 0, True).frame
            assert view["scenario"].to_numpy() == pytest.approx(same["scenario"].to_numpy())
        if oil > 0 and elasticity > 0 and no_cut:
            assert view.loc["exports", "change"] > 0


@pytest.mark.parametrize("year", [1994, 1998, 2010, 2019, 2020])
@pytest.mark.parametrize(("oil", "elasticity", "cut", "apply"), [(0, 0.0, 0, True), (-60, 1.5, 100, True),
                                                                   (60, 1.5, 100, False), (-30, 0.6, 25, True)])
def test_exposure_figure_grid(inputs, year, oil, elasticity, cut, apply):
    view = exposure.exposure_view(inputs, year, oil, elasticity, "Russia", cut, apply)
    figure = exposure.exposure_figure(view)
    assert isinstance(figure, AltFigure) and figure.png.startswith(b"\x89PNG")
    assert "not a forecast" in figure.alt and f"Base year {year}" in figure.alt
    frame = view.frame
    assert f"Exports {frame.loc['exports', 'base'] / 1000:.1f} to {frame.loc['exports', 'scenario'] / 1000:.1f}" \
        in figure.alt
    assert ("cuts its trade" in figure.alt) == apply


def test_default_view_values_2019(inputs):
    result = exposure.exposure_view(inputs, 2019)
    view = result.frame
    assert result.scenario.partner == "Russia" and result.scenario.partner_cut_pct == 25
    assert view.loc["exports", "scenario"] / 1000 == pytest.approx(46.146, abs=0.001)
    assert view.loc["trade_balance", "change"] / 1000 == pytest.approx(-8.014, abs=0.001)
    assert view.loc["exports_to_gdp_pct", "scenario"] == pytest.approx(25.40, abs=0.01)
    assert result.import_share == pytest.approx(0.366, abs=0.001)


def test_checkbox_changes_the_result_and_the_figure(inputs):
    on = exposure.exposure_view(inputs, 2019, apply_cut=True)
    off = exposure.exposure_view(inputs, 2019, apply_cut=False)
    assert (on.frame.loc["imports", "scenario"] < off.frame.loc["imports", "scenario"]
            == pytest.approx(off.frame.loc["imports", "base"]))
    assert exposure.exposure_figure(on).png != exposure.exposure_figure(off).png
    # Even with a cut of 0% the figure says whether the cut is switched on.
    zero_on = exposure.exposure_figure(exposure.exposure_view(inputs, 2019, partner_cut_pct=0, apply_cut=True))
    zero_off = exposure.exposure_figure(exposure.exposure_view(inputs, 2019, partner_cut_pct=0, apply_cut=False))
    assert zero_on.png != zero_off.png


@pytest.mark.parametrize("year", [1980, 1993, 2021, 2030])
def test_year_without_base_data_gives_a_message(inputs, year):
    view = exposure.exposure_view(inputs, year)
    assert view.frame.empty and list(view.frame.columns) == exposure.VIEW_COLUMNS
    message = exposure.exposure_figure(view)
    assert isinstance(message, str) and f"No base-year data for {year}" in message and "1994-2020" in message
    assert exposure.describe_exposure(view) == f"Empty chart: no base-year data for {year}."


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"partner": "Atlantis"}, "partner must be one of"),
    ({"base_year": "last year"}, "base_year must be a whole number"),
    ({"oil_change_pct": -100}, "above -100"),
    ({"elasticity": -1}, "elasticity"),
    ({"partner_cut_pct": 150}, "between 0 and 100"),
    ({"base_year": 1980, "oil_change_pct": -120}, "above -100"),
    ({"elasticity": "high"}, "must be a number"),
    ({"partner_cut_pct": 150, "apply_cut": False}, "between 0 and 100"),
])
def test_bad_parameters_are_rejected_with_clear_messages(inputs, kwargs, match):
    arguments = {"base_year": 2019, **kwargs}
    with pytest.raises(ValueError, match=match):
        exposure.exposure_view(inputs, **arguments)


def test_scenario_label(inputs):
    scenario = exposure.exposure_view(inputs, 2019, -30, 0.6, "China", 50, True).scenario
    assert exposure.scenario_label(scenario) == "oil price \u221230%, elasticity 0.6; China cuts its trade by 50%"
    scenario = exposure.exposure_view(inputs, 2019, 10, 1.0, "China", 50, False).scenario
    assert exposure.scenario_label(scenario) == "oil price +10%, elasticity 1.0; no partner cut"
    assert scenario.partner_cut_pct == 50 and scenario.applied_cut_pct == 0


# -- The explorer ----------------------------------------------------------------------------------------------
def _parts(explorer):
    row1, row2, row3, output = explorer.children
    apply, partner, cut = row1.children
    oil, elasticity = row2.children
    base_year, _note = row3.children
    return apply, partner, cut, oil, elasticity, base_year, output


def _png(output):
    assert shown(output) == "figure"
    return shown_item(output)["data"]["image/png"]


def test_explorer_first_toggle_control_is_the_partner_cut_checkbox(trade, macro):
    explorer = exposure.exposure_explorer(trade, macro)
    assert EXPLORER_CLASS in explorer._dom_classes
    first = first_control(explorer)
    assert isinstance(first, ipywidgets.Checkbox)
    assert first.description == "Apply the partner trade cut" and first.value is True


def test_explorer_renders_and_redraws_on_every_control(trade, macro):
    explorer = exposure.exposure_explorer(trade, macro)
    apply, partner, cut, oil, elasticity, base_year, output = _parts(explorer)
    assert base_year.value == 2019 and list(base_year.options) == YEARS
    first = _png(output)
    apply.value = False
    assert partner.disabled and cut.disabled
    second = _png(output)
    assert second != first
    apply.value = True
    assert not partner.disabled and _png(output) == first
    seen = {first, second}
    for control, value in [(partner, "EU-27"), (cut, 100), (oil, 40), (elasticity, 1.2), (base_year, 2008)]:
        control.value = value
        figure = _png(output)
        assert figure not in seen, control.description
        seen.add(figure)


def test_explorer_extremes_do_not_break(trade, macro):
    explorer = exposure.exposure_explorer(trade, macro)
    _apply, _partner, cut, oil, elasticity, base_year, output = _parts(explorer)
    oil.value, elasticity.value, cut.value = oil.min, elasticity.max, cut.max
    for year in (1994, 2020):
        base_year.value = year
        assert shown(output) == "figure"


# -- Static figures --------------------------------------------------------------------------------------------
def test_annual_figure_alt_text_and_empty_input(annual):
    figure = exposure.annual_exposure_figure(annual.loc[1994:])
    assert isinstance(figure, AltFigure)
    assert "IMF projection 2026-2031" in figure.alt
    assert "1998, 2009, 2015, 2020" in figure.alt
    assert "highest 92.3 in 2012" in figure.alt  # IMF DOTS exports, billion US$
    assert exposure.annual_exposure_figure(annual.iloc[0:0]) == "Nothing to draw: no years chosen."


def _scatter_frame(annual):
    dots = annual.loc[1994:2020, ["brent_usd_per_barrel", "exports_dots_usd_mn"]].pct_change() * 100
    bns = annual.loc[2019:2025, ["brent_usd_per_barrel", "exports_bns_usd_mn"]].pct_change() * 100
    columns = ["oil_change_pct", "exports_change_pct"]
    return pd.concat([dots.set_axis(columns, axis=1).assign(source="IMF DOTS"),
                      bns.set_axis(columns, axis=1).assign(source="BNS")]).dropna()


def test_change_scatter_figure(annual):
    figure = exposure.change_scatter_figure(_scatter_frame(annual))
    assert isinstance(figure, AltFigure)
    assert "IMF DOTS 1995-2020 (26 years, correlation 0.86)" in figure.alt
    assert "2015 (oil -47%, exports -42%)" in figure.alt
    empty = _scatter_frame(annual).iloc[0:0]
    assert exposure.change_scatter_figure(empty) == "Nothing to draw: no years with both changes."


def test_monthly_index_figure(table):
    monthly = table("macro_monthly")
    months = monthly.set_index(pd.PeriodIndex(monthly["month"], freq="M"))[["brent_usd_per_barrel",
                                                                            "exports_usd_mn_bns"]]
    base = months.loc["2019"].mean()
    indexed = (months.loc["2019-01":] / base * 100).set_axis(["Brent oil price", "Exports (BNS)"], axis=1)
    figure = exposure.monthly_index_figure(indexed)
    assert isinstance(figure, AltFigure)
    assert "2019-01 to 2026-07" in figure.alt and "Exports (BNS) from 111 in 2019-01 to 203 in 2026-06" in figure.alt
    assert exposure.monthly_index_figure(indexed.iloc[0:0]) == "Nothing to draw: no months chosen."


def test_openness_figure(annual):
    frame = pd.DataFrame({
        "IMF DOTS exports / World Bank GDP": annual["exports_dots_usd_mn"] / annual["gdp_wdi_usd_mn"] * 100,
        "BNS exports / IMF WEO GDP": annual["exports_bns_usd_mn"] / annual["gdp_weo_usd_mn"] * 100,
    }).loc[1994:2025]
    figure = exposure.openness_figure(frame)
    assert isinstance(figure, AltFigure) and "highest 54.0 in 2000" in figure.alt
    assert exposure.openness_figure(frame.iloc[0:0]) == "Nothing to draw: no series chosen."


def test_source_lines_name_the_tables_each_figure_draws(inputs, annual, table, monkeypatch):
    seen = []
    monkeypatch.setattr(exposure, "finish_panels", lambda fig, axes, **kwargs: seen.append(kwargs["source"]))
    exposure.exposure_figure(exposure.exposure_view(inputs, 2019))
    exposure.annual_exposure_figure(annual.loc[1994:])
    exposure.change_scatter_figure(_scatter_frame(annual))
    exposure.openness_figure(annual[["exports_dots_usd_mn"]].dropna())
    monthly = table("macro_monthly").set_index("month")[["brent_usd_per_barrel"]]
    exposure.monthly_index_figure(monthly.loc["2019-01":"2019-12"])
    tables = ("trade_dots", "macro_kaz_annual")
    assert seen == [data.source_line(*tables, sources=("imf_dots", "wdi"), note=exposure.MODEL_NOTE),
                    data.source_line(*tables, note="Own calculation."),
                    data.source_line(*tables, sources=("imf_dots", "eia", "bns"), note="Own calculation."),
                    data.source_line(*tables, sources=("imf_dots", "wdi", "weo", "bns"), note="Own calculation."),
                    data.source_line("macro_monthly", note=exposure.MONTHLY_NOTE)]
    assert "not a forecast" in exposure.MODEL_NOTE


def test_view_shows_as_its_table_in_jupyter(inputs):
    view = exposure.exposure_view(inputs, 2019)
    assert view._repr_html_() == view.frame._repr_html_()
