"""Unit tests of betweenpowers.widgets.trade: the partner explorer's view over its whole grid, its figure, its UI,
and the lesson's static figures."""

import itertools

import ipywidgets
import pandas as pd
import pytest
from support import assert_each_change_redraws, first_control, shown, shown_item, shown_text

from betweenpowers import data
from betweenpowers.measures import trade as measures
from betweenpowers.plots import AltFigure
from betweenpowers.widgets import trade
from betweenpowers.widgets.common import EXPLORER_CLASS

YEARS = list(range(1992, 2021))
GRID = list(itertools.product(measures.FLOWS, measures.VIEWS, [True, False]))


@pytest.fixture(scope="module")
def dots(table):
    return table("trade_dots")


@pytest.fixture(scope="module")
def joined(table):
    """IMF DOTS to 2020 and the BNS partner table from 2021, as lesson 02's explorer gets them."""
    return measures.join_trade_tables(table("trade_dots"), table("trade_bns"))


@pytest.mark.parametrize("year", YEARS)
def test_trade_view_grid(dots, year):
    """Every year x flow x view x EU definition: up to ten partners, largest first, valid shares and choices."""
    for flow, side, bloc in GRID:
        view = trade.trade_view(dots, year, flow, side, bloc)
        assert isinstance(view, trade.TradeView)
        frame = view.frame
        assert list(frame.columns) == trade.VIEW_COLUMNS
        assert len(frame) == min(10, view.n_partners), (year, flow, side, bloc)
        assert len(frame) >= (5 if year < 1994 else 10)
        shares = frame["share_pct"].to_numpy()
        assert (shares[:-1] >= shares[1:]).all()
        assert 0 < shares.sum() <= 100.1
        assert frame["label"].is_unique
        assert ("EU-27" in set(frame["label"])) == (bloc and "eu27" in set(frame["vector"]))
        if not bloc:
            assert "EU-27" not in set(frame["label"])
        assert view.year == year and view.flow == flow and view.view == side and view.eu_as_bloc is bloc
        assert view.allocated_pct >= shares.sum() - 1e-9


@pytest.mark.parametrize(("flow", "side", "bloc"), GRID)
@pytest.mark.parametrize("year", [1992, 2010, 2020])
def test_trade_figure_grid(dots, year, flow, side, bloc):
    view = trade.trade_view(dots, year, flow, side, bloc)
    figure = trade.trade_figure(view)
    assert isinstance(figure, AltFigure)
    assert figure.png.startswith(b"\x89PNG")
    assert str(year) in figure.alt and trade.FLOW_LABELS[flow] in figure.alt
    assert f"{view.frame.loc[0, 'label']} {view.frame.loc[0, 'share_pct']:.1f}%" in figure.alt


@pytest.mark.parametrize("year", [1980, 1991, 2021, 2035])
def test_year_without_data_gives_a_message(dots, year):
    view = trade.trade_view(dots, year)
    assert view.frame.empty and list(view.frame.columns) == trade.VIEW_COLUMNS
    message = trade.trade_figure(view)
    assert isinstance(message, str) and f"trade data for {year}" in message and "cover 1992-2025" in message
    assert "mirror) figures end in 2020" in message
    assert trade.describe_trade(view) == f"Empty chart: no trade data for {year}."


@pytest.mark.parametrize("year", range(2021, 2026))
def test_joined_table_gives_kazakh_figures_after_2020_and_no_mirror(joined, year):
    for flow, bloc in itertools.product(measures.FLOWS, [True, False]):
        view = trade.trade_view(joined, year, flow, "reported", bloc)
        assert len(view.frame) == 10 and 99 < view.allocated_pct <= 100.001, (year, flow, bloc)
        assert ("EU-27" in set(view.frame["label"])) == bloc
        figure = trade.trade_figure(view)
        assert isinstance(figure, AltFigure) and str(year) in figure.alt
    mirror = trade.trade_view(joined, year, "total", "mirror")
    assert mirror.frame.empty and "partner-reported (mirror) trade data" in trade.trade_figure(mirror)


def test_joined_table_puts_china_ahead_of_russia_from_2023(joined):
    for year, first in [(2022, "Russia"), (2023, "China"), (2025, "China")]:
        assert trade.trade_view(joined, year, eu_as_bloc=False).frame.loc[0, "label"] == first, year
    assert trade.trade_view(joined, 2025, eu_as_bloc=True).frame.loc[0, "label"] == "EU-27"


def test_top_zero_gives_a_message_not_an_error(dots):
    view = trade.trade_view(dots, 2020, top=0)
    assert view.frame.empty
    assert isinstance(trade.trade_figure(view), str)


def test_bad_parameters_are_rejected_with_clear_messages(dots):
    with pytest.raises(ValueError, match="flow must be one of"):
        trade.trade_view(dots, 2020, flow="turnover")
    with pytest.raises(ValueError, match="view must be one of"):
        trade.trade_view(dots, 2020, view="chinese")
    with pytest.raises(ValueError, match="year must be a whole number"):
        trade.trade_view(dots, "twenty")


def test_trade_view_values_for_2020(dots):
    bloc = trade.trade_view(dots, 2020, "total", "reported", True).frame
    assert list(bloc["label"][:3]) == ["EU-27", "Russia", "China"]
    assert round(bloc.loc[0, "share_pct"], 1) == 27.6
    separate = trade.trade_view(dots, 2020, "total", "reported", False).frame
    assert list(separate["label"][:3]) == ["Russia", "China", "Italy"]
    assert round(separate.loc[0, "share_pct"], 1) == 21.4
    mirror = trade.trade_view(dots, 2020, "total", "mirror", False).frame
    assert mirror.loc[0, "label"] == "China"
    imports = trade.trade_view(dots, 2020, "imports", "reported", False).frame
    assert imports.loc[0, "label"] == "Russia" and round(imports.loc[0, "share_pct"], 1) == 34.9


def test_years_without_russia_carry_a_caution(dots):
    view = trade.trade_view(dots, 1993, "total", "reported", False)
    assert "Russia" not in set(view.frame["label"])
    assert isinstance(trade.trade_figure(view), AltFigure)


def test_view_shows_as_its_table_in_jupyter(dots):
    view = trade.trade_view(dots, 2020)
    assert view._repr_html_() == view.frame._repr_html_()


def test_figure_source_line_comes_from_the_data_package(dots, joined, monkeypatch):
    seen = []
    monkeypatch.setattr(trade, "finish", lambda fig, ax, **kwargs: seen.append(kwargs["source"]))
    trade.trade_figure(trade.trade_view(dots, 2020))
    trade.trade_figure(trade.trade_view(joined, 2024))
    assert seen == [data.source_line("trade_dots", note="Own calculation."),
                    data.source_line("trade_bns", note="Own calculation.")]


def test_trade_source_names_the_tables_of_the_years_drawn():
    imf, bns = (data.source_line(name, note="Own calculation.") for name in ("trade_dots", "trade_bns"))
    assert trade.trade_source([1995, 2020]) == imf and trade.trade_source([2021, 2025]) == bns
    both = trade.trade_source(range(1994, 2026))
    assert both == data.source_line("trade_dots", "trade_bns", note="Own calculation.")
    assert both.startswith("Sources: ") and "IMF" in both and "Bureau of National Statistics" in both
    assert trade.trade_source([1980]) == imf  # outside both spans: the IMF table, which every lesson uses
    with_gdp = trade.trade_source([2020], "world_gdp_population", note="")
    assert with_gdp == data.source_line("trade_dots", "world_gdp_population")


# -- The explorer ---------------------------------------------------------------------------------------------------
def _parts(explorer):
    first_row, second_row, output = explorer.children
    bloc, side = first_row.children
    year, flow = second_row.children
    return bloc, side, year, flow, output


def test_explorer_first_toggle_control_is_the_eu_checkbox(dots):
    explorer = trade.trade_explorer(dots)
    assert EXPLORER_CLASS in explorer._dom_classes
    first_toggle = first_control(explorer)
    assert isinstance(first_toggle, ipywidgets.Checkbox) and first_toggle.description == "EU as one bloc"


def test_explorer_renders_and_redraws_on_every_control(dots, joined):
    explorer = trade.trade_explorer(dots)
    bloc, side, year, flow, output = _parts(explorer)
    assert (year.min, year.max, year.value) == (1992, 2020, 2020)
    assert shown(output) == "figure"
    assert shown_text(output).startswith("Horizontal bar chart")
    assert "EU-27 27.6%" in shown_text(output)
    changes = ((bloc, False), (side, "mirror"), (year, 2005), (flow, "imports"), (bloc, True))
    assert_each_change_redraws(output, changes)

    bloc, side, year, flow, output = _parts(trade.trade_explorer(joined))  # as lesson 02 builds it
    assert (year.min, year.max, year.value) == (1992, 2025, 2025) and shown(output) == "figure"
    side.value = "mirror"
    assert shown(output) == "message" and "end in 2020" in shown_text(output)
    year.value = 2020
    assert shown(output) == "figure"


def test_explorer_checkbox_changes_the_figure_in_every_year(dots):
    """The browser test clicks the first checkbox: whatever the year, that must redraw a different figure."""
    explorer = trade.trade_explorer(dots)
    bloc, _side, year, _flow, output = _parts(explorer)
    for value in (1992, 1993, 2000, 2010, 2020):
        year.value = value
        before = shown_item(output)["data"]["image/png"]
        bloc.value = not bloc.value
        assert shown_item(output)["data"]["image/png"] != before, value


# -- Static figures -------------------------------------------------------------------------------------------------
def test_vector_share_figure_and_alt_text(dots, joined):
    shares = measures.vector_shares(dots).loc[1994:, ["russia", "china"]] * 100
    figure = trade.vector_share_figure(shares)
    assert isinstance(figure, AltFigure)
    assert "Russia: 41.9% in 1994, 21.4% in 2020" in figure.alt and "change of source" not in figure.alt
    assert isinstance(trade.vector_share_figure(shares.iloc[:, :0]), str)

    to_2025 = measures.vector_shares(joined).loc[1994:, ["russia", "china"]] * 100
    crossing = trade.vector_share_figure(to_2025)
    assert "China: 3.4% in 1994, 23.6% in 2025" in crossing.alt
    assert "dotted line marks the change of source after 2020" in crossing.alt
    assert crossing.png != figure.png
    after = trade.vector_share_figure(to_2025.loc[2021:])
    assert "change of source" not in after.alt  # only BNS years: nothing to mark


def test_balance_figure_and_alt_text(dots, joined):
    indices = pd.DataFrame({"HHI": measures.partner_hhi(dots)}).loc[2019:]
    figure = trade.balance_figure(indices)
    assert isinstance(figure, AltFigure) and "HHI: 0.09 in 2019, 0.10 in 2020" in figure.alt
    assert isinstance(trade.balance_figure(indices.iloc[:, :0]), str)
    to_2025 = trade.balance_figure(pd.DataFrame({"HHI": measures.partner_hhi(joined)}).loc[2019:])
    assert "0.12 in 2025" in to_2025.alt and "change of source after 2020" in to_2025.alt


def test_mirror_and_benchmark_figures():
    comparison = pd.DataFrame({"reported": [6645.0, 9004.0], "mirror": [1429.0, 9726.0]}, index=["Italy", "China"])
    figure = trade.mirror_figure(comparison, 2020, "exports")
    assert isinstance(figure, AltFigure) and "Italy: reported 6.6, mirror 1.4" in figure.alt
    assert isinstance(trade.mirror_figure(comparison.iloc[:0], 2020), str)
    benchmark = pd.DataFrame({"trade_share": [0.214], "gdp_share": [0.017]}, index=["Russia"])
    figure = trade.benchmark_figure(benchmark, 2020)
    assert isinstance(figure, AltFigure) and "Russia: 21.4% of trade, 1.7% of world GDP" in figure.alt
    assert isinstance(trade.benchmark_figure(benchmark.iloc[:0], 2020), str)
