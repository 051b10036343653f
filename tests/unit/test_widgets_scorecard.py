"""Unit tests of the lesson 04 explorer (balance scorecard) over its whole parameter grid, and of its figures."""

import itertools
import math

import ipywidgets
import pytest

from betweenpowers import data
from betweenpowers.measures.arms import tiv_by_year
from betweenpowers.measures.scorecard import DIMENSIONS, INVESTMENT_BASES, POLES
from betweenpowers.plots import AltFigure
from betweenpowers.widgets.scorecard import (
    NO_WEIGHT_MESSAGE,
    SCORECARD_COLUMNS,
    arms_figure,
    describe_arms,
    fdi_quarterly_figure,
    scorecard_explorer,
    scorecard_figure,
    scorecard_splits,
    scorecard_view,
    within_balance,
)

TRADE = data.load_trade_dots()
AGREEMENT = data.load_unga_agreement_yearly()
ARMS = data.load_arms_transfers_sipri()
FDI = data.load_fdi_page_figures()
QUARTERLY = data.load_fdi_net_inflow_quarterly()

SPLITS = {basis: scorecard_splits(TRADE, AGREEMENT, ARMS, FDI, investment_basis=basis) for basis in INVESTMENT_BASES}
WEIGHT_GRID = list(itertools.product([0, 1, 3], repeat=len(DIMENSIONS)))


def _check_view(view, weights, include_investment, splits):
    counted = [d for d, w in weights.items() if w > 0 and (include_investment or d != "investment")
               and splits.loc[d, list(POLES)].notna().all()]
    if not counted:
        assert view.empty and list(view.columns) == list(SCORECARD_COLUMNS)
        return
    assert list(view.index) == [*counted, "composite"]
    assert list(view.columns) == list(SCORECARD_COLUMNS)
    assert view[list(POLES)].sum(axis=1).to_numpy() == pytest.approx(1.0)
    assert view.loc[counted, "weight"].sum() == pytest.approx(1.0)
    assert ((view["balance"] >= 0) & (view["balance"] <= 1 + 1e-12)).all()
    total = sum(weights[d] for d in counted)
    for pole in POLES:
        expected = sum(weights[d] * splits.loc[d, pole] for d in counted) / total
        assert view.loc["composite", pole] == pytest.approx(expected)


@pytest.mark.parametrize("basis", list(INVESTMENT_BASES))
@pytest.mark.parametrize("include_investment", [True, False])
def test_scorecard_view_over_the_whole_weight_grid(basis, include_investment):
    splits = SPLITS[basis]
    for combination in WEIGHT_GRID:
        weights = dict(zip(DIMENSIONS, combination))
        view = scorecard_view(splits, weights, include_investment)
        _check_view(view, weights, include_investment, splits)


@pytest.mark.parametrize("combination", list(itertools.product([0, 1], repeat=len(DIMENSIONS))),
                         ids=lambda c: "".join(map(str, c)))
@pytest.mark.parametrize("include_investment", [True, False])
def test_scorecard_figure_or_message(combination, include_investment):
    splits = SPLITS["stock_mid2021"]
    weights = dict(zip(DIMENSIONS, combination))
    view = scorecard_view(splits, weights, include_investment)
    result = scorecard_figure(view, splits)
    if view.empty:
        assert result == NO_WEIGHT_MESSAGE
    else:
        assert isinstance(result, AltFigure) and result.png.startswith(b"\x89PNG")
        assert f"balance index {view.loc['composite', 'balance']:.2f}" in result.alt
        for dim in view.index.drop("composite"):
            assert splits.loc[dim, "basis"] in result.alt


def test_all_zero_weights_and_investment_only_when_switched_off_give_the_message():
    splits = SPLITS["stock_mid2021"]
    assert scorecard_view(splits, {d: 0 for d in DIMENSIONS}).empty
    only_investment = scorecard_view(splits, {"investment": 2}, include_investment=False)
    assert only_investment.empty
    assert scorecard_figure(only_investment, splits) == NO_WEIGHT_MESSAGE
    with pytest.raises(ValueError):
        scorecard_view(splits, {"trade": -1, "votes": 1})


def test_default_composite_values():
    splits = SPLITS["stock_mid2021"]
    view = scorecard_view(splits, {d: 1 for d in DIMENSIONS})
    expected = splits[list(POLES)].mean()
    assert view.loc["composite", list(POLES)].tolist() == pytest.approx(expected.tolist())
    # Balance of the average is higher than the average balance: lopsided dimensions offset each other.
    assert view.loc["composite", "balance"] > within_balance(view)
    assert view.loc["arms", "russia"] > 0.85


@pytest.mark.parametrize("trade_year", [1992, 2005, 2020, 2030])
@pytest.mark.parametrize("vote_years", [(1992, 2021), (2021, 2012), (2030, 2035)])
@pytest.mark.parametrize("arms_years", [(1995, 2021), (1998, 1998), (2021, 2012)])
def test_scorecard_splits_over_the_data_choices(trade_year, vote_years, arms_years):
    splits = scorecard_splits(TRADE, AGREEMENT, ARMS, FDI, trade_year, vote_years, arms_years)
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
    view = scorecard_view(splits, {d: 1 for d in DIMENSIONS})
    assert "investment" in view.index
    assert all(not no_data[d] for d in view.index.drop("composite"))


def test_coverage_of_each_dimension():
    splits = SPLITS["stock_mid2021"]
    assert math.isnan(splits.loc["votes", "coverage"])
    assert 0 < splits.loc["arms", "coverage"] <= 1
    assert splits.loc["investment", "coverage"] == pytest.approx((4.8 + 5.2 + 39.5) / 152.8)


# -- the explorer -----------------------------------------------------------------------------------------------
def _controls(explorer):
    found = []

    def walk(widget):
        found.append(widget)
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(explorer)
    return found


def _shown(output):
    assert len(output.outputs) == 1
    return output.outputs[0]


def test_explorer_first_checkbox_redraws_and_every_control_redraws():
    explorer = scorecard_explorer(TRADE, AGREEMENT, ARMS, FDI)
    assert "bp-explorer" in explorer._dom_classes
    controls = _controls(explorer)
    output = controls[-1]
    assert isinstance(output, ipywidgets.Output)
    first = next(c for c in controls if isinstance(c, (ipywidgets.Checkbox, ipywidgets.Dropdown)))
    assert isinstance(first, ipywidgets.Checkbox) and first.description.startswith("Include investment")
    before = _shown(output)
    assert "image/png" in before["data"]
    first.value = not first.value
    after = _shown(output)
    assert after["data"]["image/png"] != before["data"]["image/png"]
    assert "FDI stock" in before["data"]["text/plain"] and "FDI stock" not in after["data"]["text/plain"]
    sliders = {c.description: c for c in controls if isinstance(c, ipywidgets.IntSlider)}
    assert sliders["Investment"].disabled
    first.value = True
    assert not sliders["Investment"].disabled
    for control in controls:
        if isinstance(control, (ipywidgets.IntSlider, ipywidgets.IntRangeSlider, ipywidgets.Dropdown)):
            previous = _shown(output)["data"]["image/png"]
            if isinstance(control, ipywidgets.Dropdown):
                control.value = [v for _, v in control.options if v != control.value][0]
            elif isinstance(control, ipywidgets.IntRangeSlider):
                control.value = (control.min, control.max)
            else:
                control.value = control.max if control.value != control.max else control.min
            assert _shown(output)["data"]["image/png"] != previous, control.description


def test_explorer_shows_a_message_when_every_weight_is_zero():
    explorer = scorecard_explorer(TRADE, AGREEMENT, ARMS, FDI)
    controls = _controls(explorer)
    output = controls[-1]
    for control in controls:
        if isinstance(control, ipywidgets.IntSlider) and control.description in ("Trade", "UN votes", "Arms",
                                                                                  "Investment"):
            control.value = 0
    shown = _shown(output)
    assert shown["output_type"] == "stream" and NO_WEIGHT_MESSAGE in shown["text"]


# -- the lesson's other figures ---------------------------------------------------------------------------------
def test_arms_figure_and_alt_text():
    wide = tiv_by_year(ARMS)
    figure = arms_figure(wide)
    assert isinstance(figure, AltFigure)
    assert "1995 to 2021" in figure.alt and "Russia 2,594 (86%)" in figure.alt
    assert "1998 and 2003" in figure.alt
    assert isinstance(arms_figure(wide.iloc[0:0]), str)
    assert describe_arms(wide.iloc[0:0]).startswith("Empty chart")


def test_fdi_quarterly_figure():
    figure = fdi_quarterly_figure(QUARTERLY)
    assert isinstance(figure, AltFigure)
    negative = int((QUARTERLY["fdi_net_inflow_usd_mn"] < 0).sum())
    assert f"{len(QUARTERLY)} quarters" in figure.alt and f"{negative} quarters are negative" in figure.alt
    assert isinstance(fdi_quarterly_figure(QUARTERLY.iloc[0:0]), str)
