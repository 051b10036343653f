"""Unit tests of betweenpowers.widgets.neighbours: the lesson 06 explorer over its whole grid, its UI and the
lesson's static figures."""

import itertools

import ipywidgets
import numpy as np
import pandas as pd
import pytest

from betweenpowers import data
from betweenpowers.measures.neighbours import REGIONS
from betweenpowers.plots import AltFigure
from betweenpowers.widgets import neighbours as w

TRADE = data.load_trade_dots()
AGREEMENT = data.load_unga_agreement_yearly()
EVENTS = data.load_diplomatic_events()
TABLES = w.neighbour_tables(TRADE, AGREEMENT, EVENTS)  # once

LABELS = list(REGIONS)
REGION_SUBSETS = [list(c) for r in range(len(LABELS) + 1) for c in itertools.combinations(LABELS, r)]
INDICATORS = list(w.INDICATORS)
YEAR_RANGES = [(1991, 2025), (1994, 2025), (2000, 2010), (2010, 2000), (2021, 2025), (1991, 1993), (2025, 2025),
               (2020, 2020)]
COVERAGE = {"trade_share": (1994, 2020), "trade_value": (1994, 2020), "agreement": (1992, 2021),
            "events": (1991, 2025)}


def _overlap(indicator, years):
    first, last = sorted(years)
    low, high = COVERAGE[indicator]
    return max(first, low), min(last, high)


def test_coverage_of_each_indicator():
    for indicator, span in COVERAGE.items():
        assert w.coverage(TABLES, indicator) == span


@pytest.mark.parametrize("indicator", INDICATORS)
def test_view_over_the_whole_grid(indicator):
    """Every region subset (empty included) x year range, for one indicator per test."""
    full = TABLES.frame(indicator)
    for regions, years in itertools.product(REGION_SUBSETS, YEAR_RANGES):
        where = (regions, indicator, years)
        view = w.neighbours_view(TABLES, regions, indicator, years)
        assert view.attrs["indicator"] == indicator and view.attrs["regions"] == regions, where
        assert view.attrs["years"] == tuple(sorted(years)), where
        if not regions:
            assert view.empty and view.shape[1] == 0, where
            assert w.neighbours_figure(view, TABLES) == w._NO_REGION, where
            continue
        expected_columns = regions + ([w.BASELINE] if indicator == "agreement" else [])
        assert list(view.columns) == expected_columns, where
        low, high = _overlap(indicator, years)
        if low > high:
            assert view.empty, where
            message = w.neighbours_figure(view, TABLES)
            assert isinstance(message, str) and message.startswith("No data for"), where
            assert f"covers {COVERAGE[indicator][0]}-{COVERAGE[indicator][1]}" in message, where
            continue
        assert view.index.tolist() == list(range(low, high + 1)), where
        assert np.allclose(view[regions].to_numpy(dtype=float), full.loc[low:high, regions].to_numpy(dtype=float),
                           equal_nan=True), where
        values = view[regions].to_numpy(dtype=float)
        if indicator == "trade_share":
            assert np.nanmin(values) >= 0 and np.nanmax(values) < 20, where
        elif indicator == "trade_value":
            assert np.nanmin(values) >= 0, where
        elif indicator == "agreement":
            assert 0 <= np.nanmin(view.to_numpy(dtype=float)) and np.nanmax(view.to_numpy(dtype=float)) <= 1, where
            assert set(view.attrs["incomplete"]) == set(regions), where
            for missing in view.attrs["incomplete"].values():
                assert all(low <= year <= high for year in missing), where
        else:
            assert (values >= 0).all() and np.array_equal(values, values.round()), where


@pytest.mark.parametrize("indicator", INDICATORS)
def test_figure_over_region_subsets(indicator):
    for regions in REGION_SUBSETS[1:]:
        view = w.neighbours_view(TABLES, regions, indicator, w.DEFAULT_YEARS)
        figure = w.neighbours_figure(view, TABLES)
        assert isinstance(figure, AltFigure), (regions, indicator)
        assert figure.png.startswith(b"\x89PNG")
        for label in regions:
            assert label in figure.alt, (regions, indicator)
        for label in set(LABELS) - set(regions):
            assert f"{label}:" not in figure.alt and f"{label} " not in figure.alt.split(". ", 1)[1]
        assert ("Grouped bar chart" if indicator == "events" else "Line chart") in figure.alt


def test_default_view_values():
    share = w.neighbours_view(TABLES, LABELS, "trade_share", w.DEFAULT_YEARS)
    assert share.index.tolist() == list(range(1994, 2021))
    assert round(share.loc[2020, "Central Asia"], 2) == 5.44 and round(share.loc[1995, "Central Asia"], 1) == 9.6
    assert round(share.loc[2020, "Turkey"], 1) == 3.6
    figure = w.neighbours_figure(share, TABLES)
    assert "Central Asia: 9.4% in 1994, 5.4% in 2020 (lowest 2.3% in 2006, highest 9.6% in 1995)" in figure.alt
    value = w.neighbours_view(TABLES, ["Central Asia"], "trade_value", (2020, 2020))
    assert round(value.loc[2020, "Central Asia"]) == 4628


def test_agreement_view_has_a_baseline_and_flags_incomplete_years():
    view = w.neighbours_view(TABLES, LABELS, "agreement", (1992, 2021))
    assert round(view.loc[2020, w.BASELINE], 3) == 0.925
    assert view.attrs["incomplete"] == {"Central Asia": [1992, 1993, 1999, 2001], "South Caucasus": [1992],
                                        "Turkey": []}
    turkey = AGREEMENT[(AGREEMENT["iso3"] == "TUR") & (AGREEMENT["partner"] == "KAZ")].set_index("year")
    assert np.allclose(view["Turkey"], turkey.loc[view.index, "agreement_half"])
    figure = w.neighbours_figure(view, TABLES)
    assert "Hollow markers" in figure.alt and "Central Asia 1992, 1993, 1999, 2001" in figure.alt
    assert "median UN member" in figure.alt


def test_events_view_counts():
    view = w.neighbours_view(TABLES, LABELS, "events", (1991, 2025))
    assert view.sum().to_dict() == {"Central Asia": 17, "South Caucasus": 8, "Turkey": 6}
    figure = w.neighbours_figure(w.neighbours_view(TABLES, ["Central Asia"], "events", (2015, 2025)), TABLES)
    assert "Central Asia 11 events in all, at most 3 in a year (2022)" in figure.alt
    quiet = w.neighbours_figure(w.neighbours_view(TABLES, LABELS, "events", (2019, 2021)), TABLES)
    assert isinstance(quiet, AltFigure) and "Central Asia no events; South Caucasus no events" in quiet.alt


def test_bad_and_unknown_inputs():
    with pytest.raises(ValueError, match="indicator must be one of"):
        w.neighbours_view(TABLES, LABELS, "gdp")
    view = w.neighbours_view(TABLES, ["Central Asia", "Mongolia", "turkey"], "trade_share")
    assert list(view.columns) == ["Central Asia"]
    assert w.describe_neighbours(w.neighbours_view(TABLES, [], "events")) == "Empty chart: no region chosen."
    empty = w.neighbours_view(TABLES, LABELS, "trade_share", (2021, 2025))
    assert w.describe_neighbours(empty) == "Empty chart: no data in the years chosen."
    message = w.neighbours_figure(empty, TABLES)
    assert "ends in 2020" in message and "trade_page_figures" in message
    early = w.neighbours_figure(w.neighbours_view(TABLES, LABELS, "trade_value", (1991, 1993)), TABLES)
    assert "Russia is missing" in early
    assert w.neighbours_figure(empty).startswith("No data for")  # without the tables, still a message


# -- The explorer ------------------------------------------------------------------------------------------------
def _parts(explorer):
    region_row, indicator, years, output = explorer.children
    boxes = [c for c in region_row.children if isinstance(c, ipywidgets.Checkbox)]
    return boxes, indicator, years, output


def _shown(output):
    assert len(output.outputs) == 1
    return output.outputs[0]


def _alt_or_text(shown):
    if shown["output_type"] == "stream":
        return shown["text"]
    return shown["metadata"]["image/png"]["alt"]


def test_explorer_first_toggle_control_is_the_central_asia_checkbox():
    explorer = w.neighbours_explorer(TRADE, AGREEMENT, EVENTS)
    assert "bp-explorer" in explorer._dom_classes
    controls = [c for child in explorer.children[:-1]
                for c in (child.children if isinstance(child, ipywidgets.HBox) else [child])]
    first_toggle = next(c for c in controls if isinstance(c, (ipywidgets.Checkbox, ipywidgets.Dropdown)))
    assert isinstance(first_toggle, ipywidgets.Checkbox) and first_toggle.description == "Central Asia"
    assert isinstance(explorer.children[-1], ipywidgets.Output)


def test_explorer_redraws_on_every_control():
    explorer = w.neighbours_explorer(TRADE, AGREEMENT, EVENTS)
    boxes, indicator, years, output = _parts(explorer)
    assert [b.description for b in boxes] == LABELS and all(b.value for b in boxes)
    assert (years.min, years.max, years.value) == (1991, 2025, w.DEFAULT_YEARS)
    first = _alt_or_text(_shown(output))
    assert first.startswith("Line chart of the share") and "Central Asia" in first
    boxes[0].value = False
    second = _alt_or_text(_shown(output))
    assert second != first and "Central Asia" not in second
    indicator.value = "agreement"
    third = _alt_or_text(_shown(output))
    assert "vote agreement" in third and "South Caucasus" in third
    indicator.value = "events"
    assert _alt_or_text(_shown(output)).startswith("Grouped bar chart")
    indicator.value = "trade_value"
    years.value = (2021, 2025)
    assert _alt_or_text(_shown(output)).startswith("No data for")
    years.value = (1994, 2020)
    for box in boxes:
        box.value = False
    assert _alt_or_text(_shown(output)) == w._NO_REGION + "\n"
    boxes[2].value = True
    assert "Turkey" in _alt_or_text(_shown(output))


# -- Static figures ----------------------------------------------------------------------------------------------
def _uzbekistan():
    rows = TRADE[TRADE["partner_iso3"] == "UZB"]
    dots = rows.pivot_table(index="year", columns="view", values="value_usd_mn", aggfunc="sum").loc[1994:]
    pages = data.load_trade_page_figures()
    full = pages[(pages["partner_code"] == "UZB") & (pages["period_kind"] == "year")
                 & (pages["flow"] == "trade turnover (exports+imports)")]
    return dots, full.assign(value_usd_mn=full["value_usd_bn"] * 1000)


def test_partner_trade_figure():
    dots, pages = _uzbekistan()
    figure = w.partner_trade_figure(dots, pages, "Uzbekistan", unit="billion US$", scale=1000)
    assert isinstance(figure, AltFigure)
    assert "IMF DOTS: Kazakhstan's statistics from 0.12 in 1994 to 2.91 in 2020" in figure.alt
    assert "2021 3.9 (unknown); 2022 4.6 (unknown); 2022 5 (unknown)" in figure.alt
    only_dots = w.partner_trade_figure(dots[["reported"]], pages.iloc[0:0], "Uzbekistan")
    assert isinstance(only_dots, AltFigure) and "Page figures" not in only_dots.alt
    assert "from 117 in 1994" in only_dots.alt  # million US$, no decimals
    assert w.partner_trade_figure(dots.iloc[0:0], pages.iloc[0:0], "Uzbekistan") == "Nothing to draw for Uzbekistan."


def test_transit_share_figure():
    shares = pd.DataFrame({"a (Kazakh-reported)": [3.0, 3.5], "a (partner-reported)": [2.0, 2.5],
                           "b only": [0.5, 0.25]}, index=pd.Index([2019, 2020], name="year"))
    figure = w.transit_share_figure(shares)
    assert isinstance(figure, AltFigure)
    assert "b only: 0.50% in 2019, 0.25% in 2020" in figure.alt
    assert w.transit_share_figure(shares.iloc[0:0]) == "Nothing to draw."


def test_corridor_figure():
    corridor = EVENTS[EVENTS["category"] == "corridor_connectivity"]
    figure = w.corridor_figure(corridor)
    assert isinstance(figure, AltFigure)
    assert "the 6 corridor and connectivity events" in figure.alt and "2001 to 2022" in figure.alt
    assert "KZ053 Aktau ministerial signs Middle Corridor roadmap 2022–2027 (2022, agenda-setting)" in figure.alt
    assert figure.alt.count("balancing)") == 5
    assert w.corridor_figure(corridor.iloc[0:0]) == "No corridor events to draw."
