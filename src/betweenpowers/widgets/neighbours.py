"""Lesson 06: Kazakhstan's neighbours and transit partners by region. The explorer, and the lesson's static figures.

The explorer compares three regions (:data:`betweenpowers.measures.neighbours.REGIONS`: Central Asia, the South
Caucasus, Turkey) on one of four indicators (:data:`INDICATORS`) over a range of years:

* :func:`neighbour_tables` computes every indicator for every region once (from ``trade_dots``,
  ``unga_agreement_yearly`` and ``diplomatic_events``);
* :func:`neighbours_view` (pure, tested over its whole grid) picks the ticked regions, one indicator and the years,
  and returns a :class:`NeighboursView`;
* :func:`neighbours_figure` draws it (lines, or grouped bars for event counts), or returns a message when there is
  nothing to draw;
* :func:`neighbours_explorer` wires one checkbox per region (the first controls), an indicator dropdown and a year
  slider to one ``Output``.

The static figures of the lesson are here too: :func:`partner_trade_figure` (one partner's trade from the IMF series
with page figures after 2020 as separate, unconnected markers), :func:`transit_share_figure` and
:func:`corridor_figure`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

import ipywidgets as widgets
import numpy as np
import pandas as pd

from betweenpowers.data import source_line
from betweenpowers.measures.events import VECTOR_LABELS, VECTORS, event_timestamps
from betweenpowers.measures.neighbours import (
    REGION_STYLE_KEYS,
    REGIONS,
    event_counts,
    group_agreement,
    group_trade,
    median_agreement,
)
from betweenpowers.measures.trade import source_switch
from betweenpowers.measures.votes import RULE_LABELS
from betweenpowers.plots import AltFigure, finish, new_figure, style_for
from betweenpowers.widgets.agreement import votes_source
from betweenpowers.widgets.common import FrameView, explorer_box, show_in
from betweenpowers.widgets.events import COUNT_SOURCE_NOTE, SOURCE_NOTE
from betweenpowers.widgets.trade import mark_trade_switch, trade_source

#: Indicator key -> label shown to students.
INDICATORS: dict[str, str] = {
    "trade_share": "Trade, % of Kazakhstan's total (Kazakh-reported)",
    "trade_value": "Trade, million US$ (Kazakh-reported)",
    "agreement": "UN vote agreement with Kazakhstan",
    "events": "Events involving the region (count)",
}

#: The first year of the trade indicators: Russia is missing from the IMF table in 1992-1993 (see lesson 02).
TRADE_FIRST_YEAR = 1994

#: The years the explorer's slider can reach (the events table's span) and its default.
YEAR_RANGE: tuple[int, int] = (1991, 2025)
DEFAULT_YEARS: tuple[int, int] = (1994, 2025)

BASELINE = "median UN member"

_NO_REGION = "Tick at least one region (Central Asia, South Caucasus or Turkey) to draw the chart."
_HATCHES: dict[str, str] = {"Central Asia": "\\\\", "South Caucasus": "++", "Turkey": ""}


@dataclass(frozen=True)
class NeighbourTables:
    """Every indicator of :data:`INDICATORS` for every region, by year (computed once by :func:`neighbour_tables`).

    ``trade_share`` is in per cent; ``trade_value`` in million US$ (both Kazakh-reported total trade, from
    :data:`TRADE_FIRST_YEAR`); ``agreement`` is the mean agreement (abstention = half) of the region's countries
    with Kazakhstan, with ``agreement_countries`` the number of countries behind each mean and ``baseline`` the
    median UN member's agreement with Kazakhstan; ``events`` counts events that involve the region.
    """

    trade_share: pd.DataFrame
    trade_value: pd.DataFrame
    agreement: pd.DataFrame
    agreement_countries: pd.DataFrame
    baseline: pd.Series
    events: pd.DataFrame

    def frame(self, indicator: str) -> pd.DataFrame:
        """The table of one indicator: index year, one column per region label."""
        _check_indicator(indicator)
        return getattr(self, indicator)


@dataclass(frozen=True, eq=False)
class NeighboursView(FrameView):
    """What :func:`neighbours_figure` draws: one indicator for the chosen regions by year, and the choices behind it.

    ``frame`` has index year and one column per chosen region (and :data:`BASELINE` for ``"agreement"``);
    ``indicator``, ``years`` (inclusive, in order) and ``regions`` are the choices of :func:`neighbours_view`.
    ``incomplete`` (``"agreement"`` only) gives, for each region, the years whose mean rests on fewer of its
    countries than it has (a country absent from every roll call that year).
    """

    frame: pd.DataFrame
    indicator: str
    years: tuple[int, int]
    regions: list[str]
    incomplete: dict[str, list[int]] = field(default_factory=dict)


def _check_indicator(indicator: str) -> None:
    if indicator not in INDICATORS:
        raise ValueError(f"indicator must be one of {tuple(INDICATORS)}, not {indicator!r}")


def neighbour_tables(trade: pd.DataFrame, agreement: pd.DataFrame, events: pd.DataFrame) -> NeighbourTables:
    """Compute every indicator for every region from ``load_trade_by_partner()`` (Kazakh-reported trade to 2025;
    ``load_trade_dots()`` gives it to 2020), ``load_unga_agreement_yearly()`` and ``load_diplomatic_events()``."""
    share = group_trade(trade, REGIONS, "reported", "total", "share") * 100
    value = group_trade(trade, REGIONS, "reported", "total", "value")
    means, countries = group_agreement(agreement, REGIONS, "KAZ", "half")
    return NeighbourTables(
        trade_share=share.loc[TRADE_FIRST_YEAR:],
        trade_value=value.loc[TRADE_FIRST_YEAR:],
        agreement=means,
        agreement_countries=countries,
        baseline=median_agreement(agreement, "KAZ", "half").reindex(means.index),
        events=event_counts(events, REGIONS),
    )


def _regions(regions: Sequence[str]) -> list[str]:
    chosen = {str(r).strip() for r in regions}
    return [label for label in REGIONS if label in chosen]


def coverage(tables: NeighbourTables, indicator: str) -> tuple[int, int]:
    """First and last year of an indicator's data."""
    index = tables.frame(indicator).index
    return int(index.min()), int(index.max())


def neighbours_view(tables: NeighbourTables, regions: Sequence[str], indicator: str = "trade_share",
                    years: tuple[int, int] = DEFAULT_YEARS) -> NeighboursView:
    """One indicator for the chosen regions, by year, as a :class:`NeighboursView`.

    The view's ``frame`` has index year and one column per region (in the order of
    :data:`~betweenpowers.measures.neighbours.REGIONS`). ``regions`` are region labels (unknown labels are
    ignored); ``indicator`` a key of :data:`INDICATORS`; ``years`` is inclusive, in either order. For
    ``"agreement"`` a last column, :data:`BASELINE`, holds the median UN member's agreement with Kazakhstan, and
    the view's ``incomplete`` flags the years whose mean rests on fewer countries. No region gives an empty frame
    without columns; years without data give an empty frame with the region columns.
    """
    _check_indicator(indicator)
    first, last = sorted((int(years[0]), int(years[1])))
    chosen = _regions(regions)
    if not chosen:
        empty = pd.DataFrame(index=pd.Index([], name="year", dtype=int))
        return NeighboursView(frame=empty, indicator=indicator, years=(first, last), regions=chosen)
    table = tables.frame(indicator)
    in_years = (table.index >= first) & (table.index <= last)
    frame = table.loc[in_years, chosen].copy()
    incomplete: dict[str, list[int]] = {}
    if indicator == "agreement":
        frame[BASELINE] = tables.baseline.loc[in_years].to_numpy()
        countries = tables.agreement_countries.loc[in_years]
        incomplete = {label: [int(y) for y in countries.index[countries[label] < len(REGIONS[label])]]
                      for label in chosen}
    frame.index = frame.index.astype(int)
    frame.index.name = "year"
    return NeighboursView(frame=frame, indicator=indicator, years=(first, last), regions=chosen,
                          incomplete=incomplete)


def _region_columns(view: pd.DataFrame) -> list[str]:
    return [c for c in view.columns if c in REGIONS]


def _number(value: float, indicator: str) -> str:
    if indicator == "trade_share":
        return f"{value:.1f}%"
    if indicator == "trade_value":
        return f"{value:,.0f} million US$"
    if indicator == "agreement":
        return f"{value:.2f}"
    return f"{int(value)}"


def describe_neighbours(view: NeighboursView) -> str:
    """Alt text for :func:`neighbours_figure`: what is drawn, the years and each region's range, in words."""
    indicator, frame = view.indicator, view.frame
    columns = _region_columns(frame)
    if not columns:
        return "Empty chart: no region chosen."
    if frame.empty:
        return "Empty chart: no data in the years chosen."
    years = f"{int(frame.index.min())} to {int(frame.index.max())}"
    parts = []
    for column in [*columns, *([BASELINE] if BASELINE in frame.columns else [])]:
        series = frame[column].dropna()
        if series.empty:
            continue
        if indicator == "events" and series.sum() == 0:
            parts.append(f"{column} no events")
        elif indicator == "events":
            parts.append(f"{column} {int(series.sum())} events in all, at most {int(series.max())} in a year "
                         f"({int(series.idxmax())})")
        else:
            parts.append(f"{column}: {_number(series.iloc[0], indicator)} in {int(series.index[0])}, "
                         f"{_number(series.iloc[-1], indicator)} in {int(series.index[-1])} (lowest "
                         f"{_number(series.min(), indicator)} in {int(series.idxmin())}, highest "
                         f"{_number(series.max(), indicator)} in {int(series.idxmax())})")
    kind = "Grouped bar chart" if indicator == "events" else "Line chart"
    what = {
        "trade_share": "the share of Kazakhstan's total trade (exports + imports, Kazakh-reported) with each region, "
                       "in per cent",
        "trade_value": "Kazakhstan's total trade (exports + imports, Kazakh-reported) with each region, in million US$",
        "agreement": "the mean UN General Assembly vote agreement of each region's countries with Kazakhstan "
                     f"({RULE_LABELS['half']}), with the median UN member as a dash-dotted baseline",
        "events": "the number of events in the course's events table that involve each region, per year",
    }[indicator]
    text = f"{kind} of {what}, {years}. " + "; ".join(parts) + "."
    incomplete = {k: v for k, v in view.incomplete.items() if v}
    if incomplete:
        text += " Hollow markers: years whose mean rests on fewer countries (" + "; ".join(
            f"{k} {', '.join(str(y) for y in v)}" for k, v in incomplete.items()) + ")."
    return text


def no_data_message(tables: NeighbourTables, indicator: str, years: tuple[int, int]) -> str:
    """What to tell the student when the chosen years hold no data for an indicator."""
    first, last = sorted((int(years[0]), int(years[1])))
    low, high = coverage(tables, indicator)
    extra = ""
    if indicator.startswith("trade") and first > high:
        extra = f" Kazakhstan's trade statistics in the course end in {high}."
    elif indicator.startswith("trade") and last < low:
        extra = " Russia is missing from the IMF data in 1992-1993, so trade shares start in 1994."
    return (f"No data for '{INDICATORS[indicator]}' in {first}-{last}: it covers {low}-{high}. "
            f"Choose years in that range.{extra}")


def _events_bars(ax, view: pd.DataFrame, columns: list[str]) -> None:
    width = 0.8 / len(columns)
    for number, column in enumerate(columns):
        style = style_for(REGION_STYLE_KEYS[column])
        offset = (number - (len(columns) - 1) / 2) * width
        ax.bar(view.index + offset, view[column], width=width, label=column, color=style.color,
               edgecolor="#333333", linewidth=0.6, hatch=_HATCHES[column])
    top = int(np.nanmax(view[columns].to_numpy())) if view[columns].size else 0
    ax.set_ylim(0, max(top, 1) + 0.8)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", visible=False)
    ax.text(0.01, 0.97, "A count of the events the compiler found and coded, not of everything that happened.",
            transform=ax.transAxes, ha="left", va="top", fontsize=8, color="#444444")


def _lines(ax, view: pd.DataFrame, columns: list[str], incomplete: dict[str, list[int]]) -> None:
    for column in columns:
        style = style_for(REGION_STYLE_KEYS[column])
        ax.plot(view.index, view[column], label=column, color=style.color, marker=style.marker, markersize=5,
                linestyle=style.linestyle, linewidth=2)
        hollow = [y for y in incomplete.get(column, []) if y in view.index and pd.notna(view.loc[y, column])]
        if hollow:
            ax.scatter(hollow, view.loc[hollow, column], s=70, facecolors="white", edgecolors=style.color,
                       marker=style.marker, linewidths=1.6, zorder=4)
    if any(incomplete.get(c) for c in columns):
        ax.scatter([], [], s=60, facecolors="white", edgecolors="#444444", marker="o",
                   label="hollow: not every country voted")
    if BASELINE in view.columns:
        ax.plot(view.index, view[BASELINE], label=BASELINE, color=style_for("other").color, linestyle="-.",
                linewidth=1.4)


def _source(view: NeighboursView) -> str:
    """The source line of an indicator's figure, from the table (and, for votes, the sources) it is computed from."""
    indicator = view.indicator
    if indicator == "agreement":
        return votes_source(view.frame.index)
    if indicator == "events":
        return source_line("diplomatic_events", note=COUNT_SOURCE_NOTE)
    return trade_source(view.frame.index)


def neighbours_figure(view: NeighboursView, tables: NeighbourTables | None = None) -> AltFigure | str:
    """Lines (trade, agreement) or grouped bars (events) of a :func:`neighbours_view`, or a message.

    ``tables`` is only used to word the message when the chosen years hold no data.
    """
    indicator, frame = view.indicator, view.frame
    columns = _region_columns(frame)
    if not columns:
        return _NO_REGION
    if frame.empty or frame[columns].isna().all().all():
        years = view.years
        if tables is not None:
            return no_data_message(tables, indicator, years)
        return f"No data for '{INDICATORS[indicator]}' in {years[0]}-{years[1]}. Choose other years."
    fig, ax = new_figure(8.5, 4.8)
    if indicator == "events":
        _events_bars(ax, frame, columns)
    else:
        _lines(ax, frame, columns, view.incomplete)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if indicator == "agreement":
        low = float(np.nanmin(frame.to_numpy(dtype=float)))
        ax.set_ylim(0.5 if low >= 0.5 else 0, 1.01)
        if low >= 0.5:
            ax.text(0.99, 0.02, "The axis starts at 0.5.", transform=ax.transAxes, ha="right", va="bottom",
                    fontsize=8, color="#444444")
    elif indicator == "trade_share":
        ax.set_ylim(0, max(float(np.nanmax(frame[columns].to_numpy())) * 1.25, 1))
    elif indicator == "trade_value":
        ax.set_ylim(0, max(float(np.nanmax(frame[columns].to_numpy())) * 1.25, 10))
    titles = {
        "trade_share": ("What share of Kazakhstan's trade is with its neighbours?",
                        "Share of Kazakhstan's total trade, % (Kazakh-reported)"),
        "trade_value": ("How much does Kazakhstan trade with its neighbours?",
                        "Total trade (exports + imports), million US$"),
        "agreement": ("How often do the neighbours vote with Kazakhstan at the UN?",
                      f"Agreement with Kazakhstan (0-1), {RULE_LABELS['half']}"),
        "events": ("How many events in the table involve each region?", "Events per year (count)"),
    }
    title, ylabel = titles[indicator]
    switch = ""
    if indicator.startswith("trade"):
        switch = mark_trade_switch(ax, frame.index)
    return finish(fig, ax, title=title, xlabel="Year", ylabel=ylabel, source=_source(view),
                  alt=describe_neighbours(view) + switch)


def neighbours_explorer(trade: pd.DataFrame, agreement: pd.DataFrame, events: pd.DataFrame) -> widgets.VBox:
    """Explorer of Kazakhstan's neighbours: tick regions, choose an indicator and the years."""
    tables = neighbour_tables(trade, agreement, events)
    boxes = {label: widgets.Checkbox(value=True, description=label, indent=False,
                                     layout=widgets.Layout(width="auto")) for label in REGIONS}
    indicator = widgets.Dropdown(options=[(text, key) for key, text in INDICATORS.items()], value="trade_share",
                                 description="Indicator", style={"description_width": "initial"},
                                 layout=widgets.Layout(width="auto"))
    years = widgets.IntRangeSlider(value=DEFAULT_YEARS, min=YEAR_RANGE[0], max=YEAR_RANGE[1], step=1,
                                   description="Years", continuous_update=False, layout=widgets.Layout(width="60%"))
    output = widgets.Output()

    def redraw(_change: object = None) -> None:
        chosen = [label for label, box in boxes.items() if box.value]
        view = neighbours_view(tables, chosen, indicator.value, years.value)
        show_in(output, neighbours_figure(view, tables))

    for control in (*boxes.values(), indicator, years):
        control.observe(redraw, names="value")
    redraw()
    region_row = widgets.HBox([widgets.Label("Regions:"), *boxes.values()])
    return explorer_box([region_row, indicator, years, output])


# -- Static figures of the lesson ------------------------------------------------------------------------------
#: How page figures are drawn, by ``reporter_side`` of ``trade_page_figures``: (marker, filled, label).
_PAGE_MARKERS: dict[str, tuple[str, bool, str]] = {
    "Kazakh statistics": ("D", True, "page figure: Kazakh statistics"),
    "partner statistics": ("D", False, "page figure: partner statistics"),
    "unknown": ("X", True, "page figure: statistics not named"),
}


def partner_trade_figure(dots: pd.DataFrame, pages: pd.DataFrame, partner: str, unit: str = "million US$",
                         scale: float = 1.0, digits: int | None = None) -> AltFigure | str:
    """One partner's total trade with Kazakhstan: lines for the two statistics, page figures as unconnected markers.

    ``dots`` has index year and columns ``reported`` and/or ``mirror`` (million US$). ``reported`` may run past 2020
    in Kazakhstan's own statistics (IMF DOTS to 2020, then the Bureau of National Statistics, as
    :func:`betweenpowers.data.load_trade_by_partner` joins them): a dotted line then marks the switch. ``pages`` has
    columns year, value_usd_mn and reporter_side (full-year turnover rows of ``trade_page_figures`` only: the caller
    filters units and periods). Values are divided by ``scale`` for display in ``unit`` and written with ``digits``
    decimals in the alt text (default: 2 when ``scale`` > 1, else 0). Each reporter side of the pages keeps its own
    marker and is never joined to a line, so no line mixes compilers other than the documented IMF-BNS switch.
    """
    if dots.empty and pages.empty:
        return f"Nothing to draw for {partner}."
    digits = (2 if scale > 1 else 0) if digits is None else int(digits)

    def number(value: float) -> str:
        return f"{value:,.{digits}f}"

    def as_stated(value: float) -> str:
        return f"{value:,.3f}".rstrip("0").rstrip(".")

    fig, ax = new_figure(8.5, 4.8)
    reported = dots["reported"].dropna() if "reported" in dots.columns else pd.Series(dtype=float)
    joined = source_switch(reported.index) is not None
    labels = {"reported": ("Kazakhstan's statistics (IMF DOTS, then BNS)" if joined
                           else "IMF DOTS: Kazakhstan's statistics", "Kazakhstan", "-"),
              "mirror": (f"IMF DOTS: {partner}'s statistics (mirror)", "other", "--")}
    parts = []
    for column in [c for c in ("reported", "mirror") if c in dots.columns]:
        label, key, linestyle = labels[column]
        style = style_for(key)
        series = dots[column].dropna() / scale
        ax.plot(series.index, series, label=label, color=style.color, marker=style.marker, markersize=4,
                linestyle=linestyle, linewidth=2)
        parts.append(f"{label} from {number(series.iloc[0])} in {int(series.index[0])} to {number(series.iloc[-1])} "
                     f"in {int(series.index[-1])}, highest {number(series.max())} in {int(series.idxmax())}")
    points = []
    for side, (marker, filled, label) in _PAGE_MARKERS.items():
        rows = pages[pages["reporter_side"] == side].sort_values(["year", "value_usd_mn"])
        if rows.empty:
            continue
        color = style_for("regional").color
        ax.scatter(rows["year"].astype(int), rows["value_usd_mn"] / scale, s=70, marker=marker, label=label,
                   facecolors=color if filled else "white", edgecolors=color, linewidths=1.6, zorder=4)
        points += [(int(r.year), f"{int(r.year)} {as_stated(r.value_usd_mn / scale)} ({side})")
                   for r in rows.itertuples()]
    points = [text for _, text in sorted(points, key=lambda p: p[0])]
    switch = mark_trade_switch(ax, reported.index) if joined else ""
    if not joined and not pages.empty and not dots.empty:
        end = float(dots.index.max()) + 0.5
        ax.axvline(end, color="#999999", linewidth=0.8, linestyle=":")
        ax.text(end - 0.2, 0.02, "IMF series ends", transform=ax.get_xaxis_transform(), ha="right", va="bottom",
                fontsize=8, color="#444444")
    ax.set_ylim(0, None)
    ax.xaxis.get_major_locator().set_params(integer=True)
    alt = (f"Line chart of Kazakhstan's total trade (exports + imports) with {partner}, in {unit}. "
           + "; ".join(parts) + "." + switch)
    if points:
        alt += " Page figures, drawn as separate markers: " + "; ".join(points) + "."
    return finish(
        fig, ax,
        title=f"Kazakhstan's trade with {partner}: both statistics, and page figures",
        xlabel="Year",
        ylabel=f"Total trade, {unit}",
        source=trade_source(dots.index, *(["trade_page_figures"] if not pages.empty else [])),
        alt=alt,
    )


#: How the lines of :func:`transit_share_figure` are drawn, in column order: (style key, line style, filled marker).
TRANSIT_LINE_STYLES: tuple[tuple[str, str, bool], ...] = (
    ("turkey", "-", True),
    ("turkey", "--", False),
    ("south_caucasus", ":", True),
)


def transit_share_figure(shares_pct: pd.DataFrame) -> AltFigure | str:
    """Line chart of shares of Kazakhstan's trade (per cent, index year, one column per series label).

    Used for the Middle Corridor partners. Columns are drawn in the order of :data:`TRANSIT_LINE_STYLES`: the same
    partners in two views share a colour and marker and differ in line style (solid, dashed with hollow markers);
    a third series gets its own colour. The label of each column says which partners and which view it holds.
    """
    if shares_pct.empty or shares_pct.shape[1] == 0:
        return "Nothing to draw."
    fig, ax = new_figure(8.5, 4.6)
    parts = []
    for number, column in enumerate(shares_pct.columns):
        key, linestyle, filled = TRANSIT_LINE_STYLES[number % len(TRANSIT_LINE_STYLES)]
        style = style_for(key)
        series = shares_pct[column].dropna()
        ax.plot(series.index, series, label=column, color=style.color, marker=style.marker, markersize=5,
                markerfacecolor=style.color if filled else "white", linestyle=linestyle, linewidth=2)
        parts.append(f"{column}: {series.iloc[0]:.2f}% in {int(series.index[0])}, {series.iloc[-1]:.2f}% in "
                     f"{int(series.index[-1])} (lowest {series.min():.2f}% in {int(series.idxmin())}, highest "
                     f"{series.max():.2f}% in {int(series.idxmax())})")
    ax.set_ylim(0, max(float(shares_pct.max().max()) * 1.35, 1))
    ax.xaxis.get_major_locator().set_params(integer=True)
    years = f"{int(shares_pct.index.min())} to {int(shares_pct.index.max())}"
    return finish(
        fig, ax,
        title="Trade with the Middle Corridor partners west of the Caspian",
        xlabel="Year",
        ylabel="Share of Kazakhstan's total trade, %",
        source=source_line("trade_dots", note="Own calculation."),
        alt=f"Line chart of the share of Kazakhstan's total trade with its Middle Corridor partners, {years}, in "
            "per cent. " + "; ".join(parts) + ".",
    )


def corridor_figure(corridor: pd.DataFrame) -> AltFigure | str:
    """Timeline of corridor events: one row per vector, one marker per event, labelled with its id and title.

    ``corridor`` holds rows of ``diplomatic_events`` (columns event_id, date, title, mode, vector). Markers take the
    vector's house style; agenda-setting events are filled, balancing events hollow (as in lesson 01).
    """
    if corridor.empty:
        return "No corridor events to draw."
    rows = corridor.assign(when=event_timestamps(corridor["date"])).sort_values(["when", "event_id"])
    vectors = [v for v in VECTORS if v in set(rows["vector"])]
    fig, ax = new_figure(9.0, 1.8 + 0.75 * len(vectors))
    for event in rows.itertuples():
        y = len(vectors) - 1 - vectors.index(event.vector)
        style = style_for(event.vector)
        agenda = event.mode == "agenda_setting"
        ax.plot(event.when, y, linestyle="", marker=style.marker, markersize=11, markeredgewidth=1.8,
                markeredgecolor=style.color, markerfacecolor=style.color if agenda else "white", zorder=3)
        label = textwrap.fill(f"{event.event_id}: {event.title}", 30)
        ax.annotate(label, (event.when, y), xytext=(0, 11), textcoords="offset points", ha="center", va="bottom",
                    fontsize=7, color="#333333")
    ax.set_yticks(range(len(vectors)), [VECTOR_LABELS[v] for v in reversed(vectors)])
    ax.set_ylim(-0.5, len(vectors) - 0.1)
    first, last = rows["when"].min().year, rows["when"].max().year
    ax.set_xlim(pd.Timestamp(first - 2, 1, 1), pd.Timestamp(last + 3, 6, 30))
    ax.grid(True, axis="y", color="#eeeeee")
    ax.plot([], [], linestyle="", marker="o", markersize=8, color="#444444", label="agenda-setting (filled)")
    ax.plot([], [], linestyle="", marker="o", markersize=8, markerfacecolor="white", markeredgecolor="#444444",
            label="balancing (hollow)")
    ax.legend(frameon=False, loc="lower right", fontsize=8)
    per_vector = "; ".join(
        f"{VECTOR_LABELS[v]}: " + ", ".join(f"{r.event_id} {r.title} ({str(r.date)[:4]}, {r.mode.replace('_', '-')})"
                                           for r in rows[rows["vector"] == v].itertuples())
        for v in vectors)
    return finish(
        fig, ax,
        title=f"Pipelines and routes in the events table, {first}-{last}",
        xlabel="Date of the event (year)",
        ylabel="Main vector",
        source=source_line("diplomatic_events", note=SOURCE_NOTE),
        alt=(f"Timeline of the {len(rows)} corridor and connectivity events in the events table, {first} to {last}, "
             f"one row per vector, filled markers for agenda-setting and hollow for balancing. {per_vector}."),
    )
