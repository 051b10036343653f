"""Unit tests of betweenpowers.widgets.neighbours: the lesson 06 explorer over its whole grid, its UI and the
lesson's static figures."""

import itertools

import ipywidgets
import numpy as np
import pandas as pd
import pytest
from support import first_control, shown, shown_text

from betweenpowers import data
from betweenpowers.measures.neighbours import REGIONS
from betweenpowers.measures.trade import join_trade_tables
from betweenpowers.plots import AltFigure
from betweenpowers.widgets import neighbours as w
from betweenpowers.widgets.common import EXPLORER_CLASS

LABELS = list(REGIONS)
REGION_SUBSETS = [list(c) for r in range(len(LABELS) + 1) for c in itertools.combinations(LABELS, r)]
INDICATORS = list(w.INDICATORS)
YEAR_RANGES = [(1991, 2025), (1994, 2025), (2000, 2010), (2010, 2000), (2021, 2025), (1991, 1993), (2025, 2025),
               (2020, 2020)]
COVERAGE = {"trade_share": (1994, 2025), "trade_value": (1994, 2025), "agreement": (1992, 2025),
            "events": (1991, 2025)}


@pytest.fixture(scope="module")
def trade_all(table):
    """Kazakh-reported trade to 2025 (IMF DOTS joined to BNS), as lesson 06 and its explorer read it."""
    return join_trade_tables(table("trade_dots"), table("trade_bns"))


@pytest.fixture(scope="module")
def tables(trade_all, agreement, events):
    """Every indicator for every region, computed once per module."""
    return w.neighbour_tables(trade_all, agreement, events)


def _overlap(indicator, years):
    first, last = sorted(years)
    low, high = COVERAGE[indicator]
    return max(first, low), min(last, high)


def test_coverage_of_each_indicator(tables):
    for indicator, span in COVERAGE.items():
        assert w.coverage(tables, indicator) == span


@pytest.mark.parametrize("indicator", INDICATORS)
def test_view_over_the_whole_grid(tables, indicator):
    """Every region subset (empty included) x year range, for one indicator per test."""
    full = tables.frame(indicator)
    for regions, years in itertools.product(REGION_SUBSETS, YEAR_RANGES):
        where = (regions, indicator, years)
        view = w.neighbours_view(tables, regions, indicator, years)
        assert isinstance(view, w.NeighboursView), where
        assert view.indicator == indicator and view.regions == regions, where
        assert view.years == tuple(sorted(years)), where
        frame = view.frame
        if not regions:
            assert frame.empty and frame.shape[1] == 0, where
            assert w.neighbours_figure(view, tables) == w._NO_REGION, where
            continue
        expected_columns = regions + ([w.BASELINE] if indicator == "agreement" else [])
        assert list(frame.columns) == expected_columns, where
        low, high = _overlap(indicator, years)
        if low > high:
            assert frame.empty, where
            message = w.neighbours_figure(view, tables)
            assert isinstance(message, str) and message.startswith("No data for"), where
            assert f"covers {COVERAGE[indicator][0]}-{COVERAGE[indicator][1]}" in message, where
            continue
        assert frame.index.tolist() == list(range(low, high + 1)), where
        assert np.allclose(frame[regions].to_numpy(dtype=float), full.loc[low:high, regions].to_numpy(dtype=float),
                           equal_nan=True), where
        values = frame[regions].to_numpy(dtype=float)
        if indicator == "trade_share":
            assert np.nanmin(values) >= 0 and np.nanmax(values) < 20, where
        elif indicator == "trade_value":
            assert np.nanmin(values) >= 0, where
        elif indicator == "agreement":
            assert 0 <= np.nanmin(frame.to_numpy(dtype=float)) and np.nanmax(frame.to_numpy(dtype=float)) <= 1, where
            assert set(view.incomplete) == set(regions), where
            for missing in view.incomplete.values():
                assert all(low <= year <= high for year in missing), where
        else:
            assert (values >= 0).all() and np.array_equal(values, values.round()), where


@pytest.mark.parametrize("indicator", INDICATORS)
def test_figure_over_region_subsets(tables, indicator):
    for regions in REGION_SUBSETS[1:]:
        view = w.neighbours_view(tables, regions, indicator, w.DEFAULT_YEARS)
        figure = w.neighbours_figure(view, tables)
        assert isinstance(figure, AltFigure), (regions, indicator)
        assert figure.png.startswith(b"\x89PNG")
        for label in regions:
            assert label in figure.alt, (regions, indicator)
        for label in set(LABELS) - set(regions):
            assert f"{label}:" not in figure.alt and f"{label} " not in figure.alt.split(". ", 1)[1]
        assert ("Grouped bar chart" if indicator == "events" else "Line chart") in figure.alt


def test_default_view_values(tables):
    view = w.neighbours_view(tables, LABELS, "trade_share", w.DEFAULT_YEARS)
    share = view.frame
    assert share.index.tolist() == list(range(1994, 2026))
    assert round(share.loc[2020, "Central Asia"], 2) == 5.44 and round(share.loc[1995, "Central Asia"], 1) == 9.6
    assert round(share.loc[2020, "Turkey"], 1) == 3.6
    figure = w.neighbours_figure(view, tables)
    assert "Central Asia: 9.4% in 1994, 6.1% in 2025 (lowest 2.3% in 2006, highest 9.6% in 1995)" in figure.alt
    assert "dotted line marks the change of source after 2020" in figure.alt
    to_2020 = w.neighbours_figure(w.neighbours_view(tables, LABELS, "trade_share", (1994, 2020)), tables)
    assert "change of source" not in to_2020.alt and figure.png != to_2020.png
    value = w.neighbours_view(tables, ["Central Asia"], "trade_value", (2020, 2020)).frame
    assert round(value.loc[2020, "Central Asia"]) == 4628


def test_agreement_view_has_a_baseline_and_flags_incomplete_years(tables, agreement):
    view = w.neighbours_view(tables, LABELS, "agreement", (1992, 2021))
    frame = view.frame
    assert round(frame.loc[2020, w.BASELINE], 3) == 0.925
    assert view.incomplete == {"Central Asia": [1992, 1993, 1999, 2001], "South Caucasus": [1992], "Turkey": []}
    turkey = agreement[(agreement["iso3"] == "TUR") & (agreement["partner"] == "KAZ")].set_index("year")
    assert np.allclose(frame["Turkey"], turkey.loc[frame.index, "agreement_half"])
    figure = w.neighbours_figure(view, tables)
    assert "Hollow markers" in figure.alt and "Central Asia 1992, 1993, 1999, 2001" in figure.alt
    assert "median UN member" in figure.alt


def test_events_view_counts(tables):
    view = w.neighbours_view(tables, LABELS, "events", (1991, 2025))
    assert view.frame.sum().to_dict() == {"Central Asia": 17, "South Caucasus": 8, "Turkey": 6}
    figure = w.neighbours_figure(w.neighbours_view(tables, ["Central Asia"], "events", (2015, 2025)), tables)
    assert "Central Asia 11 events in all, at most 3 in a year (2022)" in figure.alt
    quiet = w.neighbours_figure(w.neighbours_view(tables, LABELS, "events", (2019, 2021)), tables)
    assert isinstance(quiet, AltFigure) and "Central Asia no events; South Caucasus no events" in quiet.alt


def test_bad_and_unknown_inputs(tables):
    with pytest.raises(ValueError, match="indicator must be one of"):
        w.neighbours_view(tables, LABELS, "gdp")
    view = w.neighbours_view(tables, ["Central Asia", "Mongolia", "turkey"], "trade_share")
    assert list(view.frame.columns) == ["Central Asia"]
    assert w.describe_neighbours(w.neighbours_view(tables, [], "events")) == "Empty chart: no region chosen."
    empty = w.neighbours_view(tables, LABELS, "trade_share", (2026, 2030))
    assert w.describe_neighbours(empty) == "Empty chart: no data in the years chosen."
    message = w.neighbours_figure(empty, tables)
    assert "covers 1994-2025" in message and "end in 2025" in message
    early = w.neighbours_figure(w.neighbours_view(tables, LABELS, "trade_value", (1991, 1993)), tables)
    assert "Russia is missing" in early
    assert w.neighbours_figure(empty).startswith("No data for")  # without the tables, still a message


# -- The explorer ------------------------------------------------------------------------------------------------
def _parts(explorer):
    region_row, indicator, years, output = explorer.children
    boxes = [c for c in region_row.children if isinstance(c, ipywidgets.Checkbox)]
    return boxes, indicator, years, output


def test_explorer_first_toggle_control_is_the_central_asia_checkbox(trade, agreement, events):
    explorer = w.neighbours_explorer(trade, agreement, events)
    assert EXPLORER_CLASS in explorer._dom_classes
    first_toggle = first_control(explorer)
    assert isinstance(first_toggle, ipywidgets.Checkbox) and first_toggle.description == "Central Asia"
    assert isinstance(explorer.children[-1], ipywidgets.Output)


def test_explorer_redraws_on_every_control(trade, agreement, events):
    explorer = w.neighbours_explorer(trade, agreement, events)
    boxes, indicator, years, output = _parts(explorer)
    assert [b.description for b in boxes] == LABELS and all(b.value for b in boxes)
    assert (years.min, years.max, years.value) == (1991, 2025, w.DEFAULT_YEARS)
    assert shown(output) == "figure"
    first = shown_text(output)
    assert first.startswith("Line chart of the share") and "Central Asia" in first
    boxes[0].value = False
    second = shown_text(output)
    assert second != first and "Central Asia" not in second
    indicator.value = "agreement"
    third = shown_text(output)
    assert "vote agreement" in third and "South Caucasus" in third
    indicator.value = "events"
    assert shown_text(output).startswith("Grouped bar chart")
    indicator.value = "trade_value"
    years.value = (1991, 1993)
    assert shown_text(output).startswith("No data for")
    years.value = (1994, 2020)
    for box in boxes:
        box.value = False
    assert shown(output) == "message" and shown_text(output) == w._NO_REGION + "\n"
    boxes[2].value = True
    assert "Turkey" in shown_text(output)


# -- Static figures ----------------------------------------------------------------------------------------------
def _uzbekistan(trade, pages):
    rows = trade[trade["partner_iso3"] == "UZB"]
    dots = rows.pivot_table(index="year", columns="view", values="value_usd_mn", aggfunc="sum").loc[1994:]
    full = pages[(pages["partner_code"] == "UZB") & (pages["period_kind"] == "year")
                 & (pages["flow"] == "trade turnover (exports+imports)")]
    return dots, full.assign(value_usd_mn=full["value_usd_bn"] * 1000)


def test_partner_trade_figure(trade, table):
    dots, pages = _uzbekistan(trade, table("trade_page_figures"))
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


def test_corridor_figure(events):
    corridor = events[events["category"] == "corridor_connectivity"]
    figure = w.corridor_figure(corridor)
    assert isinstance(figure, AltFigure)
    assert "the 6 corridor and connectivity events" in figure.alt and "2001 to 2022" in figure.alt
    assert "KZ053 Aktau ministerial signs Middle Corridor roadmap 2022–2027 (2022, agenda-setting)" in figure.alt
    assert figure.alt.count("balancing)") == 5
    assert w.corridor_figure(corridor.iloc[0:0]) == "No corridor events to draw."


def test_source_lines_name_the_tables_each_figure_draws(tables, trade, events, table, monkeypatch):
    seen = []
    monkeypatch.setattr(w, "finish", lambda fig, ax, **kwargs: seen.append(kwargs["source"]))
    w.neighbours_figure(w.neighbours_view(tables, LABELS, "trade_share", (2015, 2025)), tables)
    assert seen.pop() == data.source_line("trade_dots", "trade_bns", note="Own calculation.")
    for indicator in w.INDICATORS:
        w.neighbours_figure(w.neighbours_view(tables, LABELS, indicator, (1994, 2020)), tables)
    w.partner_trade_figure(*_uzbekistan(trade, table("trade_page_figures")), "Uzbekistan")
    w.corridor_figure(events[events["category"] == "corridor_connectivity"])
    trade_line = data.source_line("trade_dots", note="Own calculation.")
    voeten = data.source_line("unga_agreement_yearly", sources=("voeten_votes",), note="Own calculation.")
    assert seen == [trade_line, trade_line, voeten,  # the years 1994-2020 hold Voeten's roll calls only
                    data.source_line("diplomatic_events", note=w.COUNT_SOURCE_NOTE),
                    data.source_line("trade_dots", "trade_page_figures", note="Own calculation."),
                    data.source_line("diplomatic_events", note=w.SOURCE_NOTE)]


def test_view_shows_as_its_table_in_jupyter(tables):
    view = w.neighbours_view(tables, LABELS, "agreement")
    assert view._repr_html_() == view.frame._repr_html_()


def test_partner_trade_figure_carries_kazakh_statistics_past_2020_with_the_switch_marked(table):
    from betweenpowers.measures.trade import join_trade_tables

    joined = join_trade_tables(table("trade_dots"), table("trade_bns"))
    uzb = joined[joined["partner_iso3"] == "UZB"].pivot_table(index="year", columns="view", values="value_usd_mn",
                                                              aggfunc="sum")
    no_pages = pd.DataFrame({"year": [], "value_usd_mn": [], "reporter_side": []})
    figure = w.partner_trade_figure(uzb, no_pages, "Uzbekistan")
    assert "Kazakhstan's statistics (IMF DOTS, then BNS) from 117 in 1994 to 4,765 in 2025" in figure.alt
    assert "dotted line marks the change of source after 2020" in figure.alt and "IMF series ends" not in figure.alt
    imf_only = w.partner_trade_figure(uzb.loc[:2020], no_pages, "Uzbekistan")
    assert "IMF DOTS: Kazakhstan's statistics" in imf_only.alt and "dotted" not in imf_only.alt
