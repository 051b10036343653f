"""Unit tests of the lesson 04 explorer (balance scorecard) over its whole parameter grid, and of its figures."""

import itertools

import ipywidgets
import pytest
from support import first_control, shown, shown_item, shown_text, walk

from betweenpowers import data
from betweenpowers.measures.arms import tiv_by_year
from betweenpowers.measures.scorecard import DIMENSIONS, INVESTMENT_BASES, POLES, scorecard_splits
from betweenpowers.plots import AltFigure
from betweenpowers.widgets import scorecard as w
from betweenpowers.widgets.common import EXPLORER_CLASS
from betweenpowers.widgets.scorecard import (
    NO_WEIGHT_MESSAGE,
    SCORECARD_COLUMNS,
    arms_figure,
    describe_arms,
    fdi_quarterly_figure,
    scorecard_explorer,
    scorecard_figure,
    scorecard_view,
    within_balance,
)

WEIGHT_GRID = list(itertools.product([0, 1, 3], repeat=len(DIMENSIONS)))


@pytest.fixture(scope="module")
def tables(table):
    """The explorer's four tables, in the order it takes them: trade, agreement, arms, fdi."""
    return (table("trade_dots"), table("unga_agreement_yearly"), table("arms_transfers_sipri"),
            table("fdi_page_figures"))


@pytest.fixture(scope="module")
def splits_by_basis(tables):
    return {basis: scorecard_splits(*tables, investment_basis=basis) for basis in INVESTMENT_BASES}


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
def test_scorecard_view_over_the_whole_weight_grid(splits_by_basis, basis, include_investment):
    splits = splits_by_basis[basis]
    for combination in WEIGHT_GRID:
        weights = dict(zip(DIMENSIONS, combination))
        view = scorecard_view(splits, weights, include_investment)
        _check_view(view, weights, include_investment, splits)


@pytest.mark.parametrize("combination", list(itertools.product([0, 1], repeat=len(DIMENSIONS))),
                         ids=lambda c: "".join(map(str, c)))
@pytest.mark.parametrize("include_investment", [True, False])
def test_scorecard_figure_or_message(splits_by_basis, combination, include_investment):
    splits = splits_by_basis["stock_mid2021"]
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


def test_all_zero_weights_and_investment_only_when_switched_off_give_the_message(splits_by_basis):
    splits = splits_by_basis["stock_mid2021"]
    assert scorecard_view(splits, {d: 0 for d in DIMENSIONS}).empty
    only_investment = scorecard_view(splits, {"investment": 2}, include_investment=False)
    assert only_investment.empty
    assert scorecard_figure(only_investment, splits) == NO_WEIGHT_MESSAGE
    with pytest.raises(ValueError):
        scorecard_view(splits, {"trade": -1, "votes": 1})


def test_default_composite_values(splits_by_basis):
    splits = splits_by_basis["stock_mid2021"]
    view = scorecard_view(splits, {d: 1 for d in DIMENSIONS})
    expected = splits[list(POLES)].mean()
    assert view.loc["composite", list(POLES)].tolist() == pytest.approx(expected.tolist())
    # Balance of the average is higher than the average balance: lopsided dimensions offset each other.
    assert view.loc["composite", "balance"] > within_balance(view)
    assert view.loc["arms", "russia"] > 0.85


@pytest.mark.parametrize("trade_year", [1992, 2005, 2020, 2030])
@pytest.mark.parametrize("vote_years", [(1992, 2021), (2021, 2012), (2030, 2035)])
@pytest.mark.parametrize("arms_years", [(1995, 2021), (1998, 1998), (2021, 2012)])
def test_scorecard_view_leaves_out_the_dimensions_without_data(tables, trade_year, vote_years, arms_years):
    splits = scorecard_splits(*tables, trade_year, vote_years, arms_years)
    no_data = {"trade": trade_year == 2030, "votes": vote_years == (2030, 2035), "arms": arms_years == (1998, 1998),
               "investment": False}
    view = scorecard_view(splits, {d: 1 for d in DIMENSIONS})
    assert "investment" in view.index
    assert all(not no_data[d] for d in view.index.drop("composite"))


# -- the explorer -----------------------------------------------------------------------------------------------
def test_explorer_first_checkbox_redraws_and_every_control_redraws(tables):
    explorer = scorecard_explorer(*tables)
    assert EXPLORER_CLASS in explorer._dom_classes
    controls = list(walk(explorer))
    output = controls[-1]
    assert isinstance(output, ipywidgets.Output)
    first = first_control(explorer)
    assert isinstance(first, ipywidgets.Checkbox) and first.description.startswith("Include investment")
    before = shown_item(output)
    assert shown(output) == "figure"
    first.value = not first.value
    after = shown_item(output)
    assert after["data"]["image/png"] != before["data"]["image/png"]
    assert "FDI stock" in before["data"]["text/plain"] and "FDI stock" not in after["data"]["text/plain"]
    sliders = {c.description: c for c in controls if isinstance(c, ipywidgets.IntSlider)}
    assert sliders["Investment"].disabled
    first.value = True
    assert not sliders["Investment"].disabled
    for control in controls:
        if isinstance(control, (ipywidgets.IntSlider, ipywidgets.IntRangeSlider, ipywidgets.Dropdown)):
            previous = shown_item(output)["data"]["image/png"]
            if isinstance(control, ipywidgets.Dropdown):
                control.value = [v for _, v in control.options if v != control.value][0]
            elif isinstance(control, ipywidgets.IntRangeSlider):
                control.value = (control.min, control.max)
            else:
                control.value = control.max if control.value != control.max else control.min
            assert shown_item(output)["data"]["image/png"] != previous, control.description


def test_explorer_shows_a_message_when_every_weight_is_zero(tables):
    explorer = scorecard_explorer(*tables)
    controls = list(walk(explorer))
    output = controls[-1]
    for control in controls:
        if isinstance(control, ipywidgets.IntSlider) and control.description in ("Trade", "UN votes", "Arms",
                                                                                  "Investment"):
            control.value = 0
    assert shown(output) == "message" and NO_WEIGHT_MESSAGE in shown_text(output)


# -- the lesson's other figures ---------------------------------------------------------------------------------
def test_arms_figure_and_alt_text(tables):
    wide = tiv_by_year(tables[2])
    figure = arms_figure(wide)
    assert isinstance(figure, AltFigure)
    assert "1995 to 2021" in figure.alt and "Russia 2,594 (86%)" in figure.alt
    assert "1998 and 2003" in figure.alt
    assert isinstance(arms_figure(wide.iloc[0:0]), str)
    assert describe_arms(wide.iloc[0:0]).startswith("Empty chart")


def test_fdi_quarterly_figure(table):
    quarterly = table("fdi_net_inflow_quarterly")
    figure = fdi_quarterly_figure(quarterly)
    assert isinstance(figure, AltFigure)
    negative = int((quarterly["fdi_net_inflow_usd_mn"] < 0).sum())
    assert f"{len(quarterly)} quarters" in figure.alt and f"{negative} quarters are negative" in figure.alt
    assert isinstance(fdi_quarterly_figure(quarterly.iloc[0:0]), str)


def test_source_lines_name_the_tables_each_figure_draws(splits_by_basis, tables, table, monkeypatch):
    seen = []
    monkeypatch.setattr(w, "finish", lambda fig, ax, **kwargs: seen.append(kwargs["source"]))
    splits = splits_by_basis["stock_mid2021"]
    scorecard_figure(scorecard_view(splits, {d: 1 for d in DIMENSIONS}), splits)
    scorecard_figure(scorecard_view(splits, {"arms": 1, "votes": 2}), splits)
    arms_figure(tiv_by_year(tables[2]))
    fdi_quarterly_figure(table("fdi_net_inflow_quarterly"))
    assert seen == [
        data.source_line("trade_dots", "unga_agreement_yearly", "arms_transfers_sipri", "fdi_page_figures",
                         note="Own calculation."),
        data.source_line("unga_agreement_yearly", "arms_transfers_sipri", note="Own calculation."),
        data.source_line("arms_transfers_sipri", note="Own calculation."),
        data.source_line("fdi_net_inflow_quarterly", note=""),
    ]
