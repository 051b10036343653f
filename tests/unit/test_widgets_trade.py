"""Unit tests of betweenpowers.widgets.trade: the partner explorer's view over its whole grid, its figure, its UI,
and the lesson's static figures."""

import itertools

import ipywidgets
import pandas as pd
import pytest

from betweenpowers import data
from betweenpowers.measures import trade as measures
from betweenpowers.plots import AltFigure
from betweenpowers.widgets import trade

TABLE = data.load_trade_dots()
YEARS = list(range(1992, 2021))
GRID = list(itertools.product(measures.FLOWS, measures.VIEWS, [True, False]))


@pytest.mark.parametrize("year", YEARS)
def test_trade_view_grid(year):
    """Every year x flow x view x EU definition: up to ten partners, largest first, valid shares and attrs."""
    for flow, view, bloc in GRID:
        frame = trade.trade_view(TABLE, year, flow, view, bloc)
        assert list(frame.columns) == trade.VIEW_COLUMNS
        assert len(frame) == min(10, frame.attrs["n_partners"]), (year, flow, view, bloc)
        assert len(frame) >= (5 if year < 1994 else 10)
        shares = frame["share_pct"].to_numpy()
        assert (shares[:-1] >= shares[1:]).all()
        assert 0 < shares.sum() <= 100.1
        assert frame["label"].is_unique
        assert ("EU-27" in set(frame["label"])) == (bloc and "eu27" in set(frame["vector"]))
        if not bloc:
            assert "EU-27" not in set(frame["label"])
        assert frame.attrs["year"] == year and frame.attrs["flow"] == flow and frame.attrs["view"] == view
        assert frame.attrs["allocated_pct"] >= shares.sum() - 1e-9


@pytest.mark.parametrize(("flow", "view", "bloc"), GRID)
@pytest.mark.parametrize("year", [1992, 2010, 2020])
def test_trade_figure_grid(year, flow, view, bloc):
    frame = trade.trade_view(TABLE, year, flow, view, bloc)
    figure = trade.trade_figure(frame)
    assert isinstance(figure, AltFigure)
    assert figure.png.startswith(b"\x89PNG")
    assert str(year) in figure.alt and trade.FLOW_LABELS[flow] in figure.alt
    assert f"{frame.loc[0, 'label']} {frame.loc[0, 'share_pct']:.1f}%" in figure.alt


@pytest.mark.parametrize("year", [1980, 1991, 2021, 2035])
def test_year_without_data_gives_a_message(year):
    frame = trade.trade_view(TABLE, year)
    assert frame.empty and list(frame.columns) == trade.VIEW_COLUMNS
    message = trade.trade_figure(frame)
    assert isinstance(message, str) and f"No trade data for {year}" in message and "1992-2020" in message
    assert trade.describe_trade(frame) == f"Empty chart: no trade data for {year}."


def test_top_zero_gives_a_message_not_an_error():
    frame = trade.trade_view(TABLE, 2020, top=0)
    assert frame.empty
    assert isinstance(trade.trade_figure(frame), str)


def test_bad_parameters_are_rejected_with_clear_messages():
    with pytest.raises(ValueError, match="flow must be one of"):
        trade.trade_view(TABLE, 2020, flow="turnover")
    with pytest.raises(ValueError, match="view must be one of"):
        trade.trade_view(TABLE, 2020, view="chinese")
    with pytest.raises(ValueError, match="year must be a whole number"):
        trade.trade_view(TABLE, "twenty")


def test_trade_view_values_for_2020():
    bloc = trade.trade_view(TABLE, 2020, "total", "reported", True)
    assert list(bloc["label"][:3]) == ["EU-27", "Russia", "China"]
    assert round(bloc.loc[0, "share_pct"], 1) == 27.6
    separate = trade.trade_view(TABLE, 2020, "total", "reported", False)
    assert list(separate["label"][:3]) == ["Russia", "China", "Italy"]
    assert round(separate.loc[0, "share_pct"], 1) == 21.4
    mirror = trade.trade_view(TABLE, 2020, "total", "mirror", False)
    assert mirror.loc[0, "label"] == "China"
    imports = trade.trade_view(TABLE, 2020, "imports", "reported", False)
    assert imports.loc[0, "label"] == "Russia" and round(imports.loc[0, "share_pct"], 1) == 34.9


def test_years_without_russia_carry_a_caution():
    frame = trade.trade_view(TABLE, 1993, "total", "reported", False)
    assert "Russia" not in set(frame["label"])
    assert isinstance(trade.trade_figure(frame), AltFigure)


# -- The explorer ---------------------------------------------------------------------------------------------------
def _parts(explorer):
    first_row, second_row, output = explorer.children
    bloc, side = first_row.children
    year, flow = second_row.children
    return bloc, side, year, flow, output


def _shown(output):
    assert len(output.outputs) == 1
    return output.outputs[0]


def test_explorer_first_toggle_control_is_the_eu_checkbox():
    explorer = trade.trade_explorer(TABLE)
    assert "bp-explorer" in explorer._dom_classes
    controls = [w for row in explorer.children[:2] for w in row.children]
    first_toggle = next(w for w in controls if isinstance(w, (ipywidgets.Checkbox, ipywidgets.Dropdown)))
    assert isinstance(first_toggle, ipywidgets.Checkbox) and first_toggle.description == "EU as one bloc"


def test_explorer_renders_and_redraws_on_every_control():
    explorer = trade.trade_explorer(TABLE)
    bloc, side, year, flow, output = _parts(explorer)
    assert (year.min, year.max, year.value) == (1992, 2020, 2020)
    first = _shown(output)
    assert first["output_type"] == "display_data"
    assert first["metadata"]["image/png"]["alt"].startswith("Horizontal bar chart")
    assert "EU-27 27.6%" in first["metadata"]["image/png"]["alt"]
    seen = {first["data"]["image/png"]}
    changes = (lambda: setattr(bloc, "value", False), lambda: setattr(side, "value", "mirror"),
               lambda: setattr(year, "value", 2005), lambda: setattr(flow, "value", "imports"),
               lambda: setattr(bloc, "value", True))
    for change in changes:
        change()
        shown = _shown(output)
        assert shown["output_type"] == "display_data"
        assert shown["data"]["image/png"] not in seen
        seen.add(shown["data"]["image/png"])


def test_explorer_checkbox_changes_the_figure_in_every_year():
    """The browser test clicks the first checkbox: whatever the year, that must redraw a different figure."""
    explorer = trade.trade_explorer(TABLE)
    bloc, _side, year, _flow, output = _parts(explorer)
    for value in (1992, 1993, 2000, 2010, 2020):
        year.value = value
        before = _shown(output)["data"]["image/png"]
        bloc.value = not bloc.value
        assert _shown(output)["data"]["image/png"] != before, value


# -- Static figures -------------------------------------------------------------------------------------------------
def test_vector_share_figure_and_alt_text():
    shares = measures.vector_shares(TABLE).loc[1994:, ["russia", "china"]] * 100
    figure = trade.vector_share_figure(shares)
    assert isinstance(figure, AltFigure)
    assert "Russia: 41.9% in 1994, 21.4% in 2020" in figure.alt
    assert isinstance(trade.vector_share_figure(shares.iloc[:, :0]), str)


def test_balance_figure_and_alt_text():
    indices = pd.DataFrame({"HHI": measures.partner_hhi(TABLE)}).loc[2019:]
    figure = trade.balance_figure(indices)
    assert isinstance(figure, AltFigure) and "HHI: 0.09 in 2019, 0.10 in 2020" in figure.alt
    assert isinstance(trade.balance_figure(indices.iloc[:, :0]), str)


def test_mirror_and_benchmark_figures():
    comparison = pd.DataFrame({"reported": [6645.0, 9004.0], "mirror": [1429.0, 9726.0]}, index=["Italy", "China"])
    figure = trade.mirror_figure(comparison, 2020, "exports")
    assert isinstance(figure, AltFigure) and "Italy: reported 6.6, mirror 1.4" in figure.alt
    assert isinstance(trade.mirror_figure(comparison.iloc[:0], 2020), str)
    benchmark = pd.DataFrame({"trade_share": [0.214], "gdp_share": [0.017]}, index=["Russia"])
    figure = trade.benchmark_figure(benchmark, 2020)
    assert isinstance(figure, AltFigure) and "Russia: 21.4% of trade, 1.7% of world GDP" in figure.alt
    assert isinstance(trade.benchmark_figure(benchmark.iloc[:0], 2020), str)
