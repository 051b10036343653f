"""Lesson 02: Kazakhstan's trade partners. The explorer of top partners, and the lesson's static figures.

The explorer (:func:`trade_explorer`) redraws a bar chart of the largest partners in one year for a flow
(exports, imports or both), a data view (Kazakhstan's own statistics or its partners') and a definition (the EU
as one bloc or as 27 member states). Its pure part, :func:`trade_view`, is unit-tested over every combination; it
returns a :class:`TradeView`, the partners with the choices behind them, which :func:`trade_figure` draws.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd

from betweenpowers.data import source_line
from betweenpowers.measures.trade import FLOWS, REPORTED_TABLES, VIEWS, partner_shares, source_switch
from betweenpowers.plots import AltFigure, finish, mark_source_switch, new_figure, style_for
from betweenpowers.vectors import TRADE_VECTOR_LABELS
from betweenpowers.widgets.common import FrameView, explorer_box, show_in

FLOW_LABELS: dict[str, str] = {
    "total": "total trade (exports + imports)",
    "exports": "exports",
    "imports": "imports",
}

VIEW_LABELS: dict[str, str] = {
    "reported": "as Kazakhstan reports it",
    "mirror": "as its partners report it (mirror)",
}

VIEW_SHORT: dict[str, str] = {"reported": "Kazakh-reported", "mirror": "partner-reported (mirror)"}

#: Years of the IMF table in which Russia (and most former Soviet partners) are missing altogether.
YEARS_WITHOUT_RUSSIA: tuple[int, ...] = (1992, 1993)


VIEW_COLUMNS = ["label", "vector", "value_usd_mn", "share_pct"]

_HATCHES: dict[str, str] = {
    "russia": "//", "china": "..", "eu27": "", "other_west": "xx", "central_asia": "\\\\",
    "south_caucasus": "++", "turkey": "--", "other": "",
}


@dataclass(frozen=True, eq=False)
class TradeView(FrameView):
    """What :func:`trade_figure` draws: Kazakhstan's largest partners in one year, and the choices behind them.

    ``frame`` has the columns :data:`VIEW_COLUMNS`, largest partner first. ``year``, ``flow``, ``view`` and
    ``eu_as_bloc`` are the choices of :func:`trade_view`; ``n_partners`` is the number of partners with trade that
    year and ``allocated_pct`` their combined share (below 100 where some trade is not allocated to any country).
    """

    frame: pd.DataFrame
    year: int
    flow: str
    view: str
    eu_as_bloc: bool
    n_partners: int
    allocated_pct: float


def _check_choice(value: str, allowed: tuple[str, ...], name: str) -> None:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {allowed}, not {value!r}")


def _as_year(year: object) -> int:
    try:
        return int(year)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise ValueError(f"year must be a whole number such as 2020, not {year!r}") from None


def trade_view(table: pd.DataFrame, year: int, flow: str = "total", view: str = "reported",
               eu_as_bloc: bool = True, top: int = 10) -> TradeView:
    """Kazakhstan's ``top`` largest partners in ``year``, as a :class:`TradeView`.

    ``table`` is :func:`betweenpowers.data.load_trade_by_partner` (or ``load_trade_dots``, to 2020). The view's
    ``frame`` has columns label, vector,
    value_usd_mn, share_pct: the partner's share of Kazakhstan's total with the World (same year, flow and view), in
    per cent. Rows are sorted largest first. A year without data, or ``top`` below 1, gives an empty frame with
    these columns. The view also records the choices, the number of partners with trade that year
    (``n_partners``) and the combined share of all of them (``allocated_pct``).
    """
    _check_choice(flow, FLOWS, "flow")
    _check_choice(view, VIEWS, "view")
    year = _as_year(year)
    shares = partner_shares(table, year, view, flow, eu_as_bloc)
    shares = shares[shares["value_usd_mn"] > 0]
    result = shares.head(max(int(top), 0)).assign(share_pct=lambda f: f["share"] * 100)
    return TradeView(frame=result[VIEW_COLUMNS].reset_index(drop=True), year=year, flow=flow, view=view,
                     eu_as_bloc=bool(eu_as_bloc), n_partners=int(len(shares)),
                     allocated_pct=float(shares["share"].sum() * 100))


def trade_source(years: Iterable[int], *tables: str, note: str = "Own calculation.") -> str:
    """The source line of a trade figure of ``years``: IMF DOTS, the BNS partner table, or both, as the years need.

    The tables follow :data:`betweenpowers.measures.trade.REPORTED_TABLES`; ``tables`` adds others (for example
    ``world_gdp_population``). Without a year in either table's span, IMF DOTS is named.
    """
    shown = {int(year) for year in years}
    trade = [name for name, (first, last) in REPORTED_TABLES.items() if any(first <= y <= last for y in shown)]
    return source_line(*(trade or ["trade_dots"]), *tables, note=note)


#: Label of the dotted line where Kazakhstan's statistics change source.
SWITCH_LABEL = "IMF | BNS"


def switch_sentence(at: float) -> str:
    """The alt text's sentence for the dotted line at ``at`` (:func:`~betweenpowers.measures.trade.source_switch`)."""
    return (f" A dotted line marks the change of source after {int(at)}: IMF Direction of Trade Statistics before, "
            "Kazakhstan's Bureau of National Statistics after.")


def mark_trade_switch(ax, years: pd.Index) -> str:
    """Draw a dotted line where the source changes, if the years cross it; returns a sentence for the alt text."""
    at = source_switch(years)
    if at is None:
        return ""
    mark_source_switch(ax, at, SWITCH_LABEL)
    return switch_sentence(at)


def _vector_label(vector: object) -> str:
    return TRADE_VECTOR_LABELS.get(str(vector), str(vector))


def describe_trade(view: TradeView) -> str:
    """Alt text for the partner chart: what is shown and every bar's share, in words."""
    frame, year = view.frame, view.year
    if frame.empty:
        return f"Empty chart: no trade data for {year}."
    eu = "the EU counted as one bloc" if view.eu_as_bloc else "EU member states counted separately"
    bars = "; ".join(f"{row.label} {row.share_pct:.1f}%" for row in frame.itertuples())
    return (f"Horizontal bar chart of Kazakhstan's {len(frame)} largest partners in {year} by share of its "
            f"{FLOW_LABELS[view.flow]}, {VIEW_LABELS[view.view]}, with {eu}: {bars}. Together they account for "
            f"{frame['share_pct'].sum():.1f}% of the total.")


def trade_figure(view: TradeView) -> AltFigure | str:
    """Horizontal bar chart of a :func:`trade_view`, or a message when there is nothing to draw."""
    frame, year = view.frame, view.year
    if frame.empty:
        (first, imf_last), (bns_first, last) = REPORTED_TABLES["trade_dots"], REPORTED_TABLES["trade_bns"]
        return (f"No {VIEW_SHORT[view.view]} trade data for {year}. Kazakhstan's own statistics cover {first}-{last} "
                f"(IMF to {imf_last}, Bureau of National Statistics from {bns_first}); its partners' (mirror) figures "
                f"end in {imf_last}.")
    fig, ax = new_figure(8.0, 5.0)
    ordered = frame.iloc[::-1]
    positions = range(len(ordered))
    for position, row in zip(positions, ordered.itertuples()):
        style = style_for(str(row.vector))
        ax.barh(position, row.share_pct, color=style.color, edgecolor="#333333", linewidth=0.6,
                hatch=_HATCHES.get(str(row.vector), ""))
        ax.text(row.share_pct + 0.3, position, f"{row.share_pct:.1f}%", va="center", fontsize=9)
    ax.set_yticks(list(positions))
    ax.set_yticklabels([f"{row.label} ({_vector_label(row.vector)})" if row.label != _vector_label(row.vector)
                        else str(row.label) for row in ordered.itertuples()])
    ax.set_xlim(0, max(float(frame["share_pct"].max()) * 1.18, 5))
    ax.grid(axis="y", visible=False)
    if year in YEARS_WITHOUT_RUSSIA:
        ax.text(0.99, 0.02, f"Caution: Russia is missing from the IMF data for {year};\nshares of this year "
                "are not comparable with later years.", transform=ax.transAxes, ha="right", va="bottom",
                fontsize=9, style="italic", color="#444444")
    eu = "EU as one bloc" if view.eu_as_bloc else "EU by member state"
    return finish(
        fig, ax,
        title=f"Kazakhstan's top partners, {year}: {eu}",
        xlabel=f"Share of Kazakhstan's {FLOW_LABELS[view.flow]}, %, {VIEW_LABELS[view.view]}",
        ylabel="Partner (vector)",
        source=trade_source([year]),
        alt=describe_trade(view),
    )


def trade_explorer(table: pd.DataFrame) -> widgets.VBox:
    """Explorer of Kazakhstan's largest partners: the EU as a bloc or not, data view, year and flow."""
    first, last = int(table["year"].min()), int(table["year"].max())
    bloc = widgets.Checkbox(value=True, description="EU as one bloc", indent=False,
                            layout=widgets.Layout(width="auto"))
    side = widgets.Dropdown(options=[("Kazakhstan's statistics (reported)", "reported"),
                                     ("partners' statistics (mirror)", "mirror")],
                            value="reported", description="Data", style={"description_width": "initial"})
    year = widgets.IntSlider(value=last, min=first, max=last, step=1, description="Year",
                             continuous_update=False, layout=widgets.Layout(width="50%"))
    flow = widgets.Dropdown(options=[(FLOW_LABELS[f], f) for f in ("total", "exports", "imports")],
                            value="total", description="Flow", style={"description_width": "initial"})
    output = widgets.Output()

    def redraw(_change: object = None) -> None:
        view = trade_view(table, year.value, flow.value, side.value, bloc.value)
        show_in(output, trade_figure(view))

    for control in (bloc, side, year, flow):
        control.observe(redraw, names="value")
    redraw()
    return explorer_box([widgets.HBox([bloc, side]), widgets.HBox([year, flow]), output])


# -- Static figures of the lesson ------------------------------------------------------------------------------
def _shade_years_without_russia(ax, years: pd.Index) -> None:
    missing = [y for y in YEARS_WITHOUT_RUSSIA if y in set(int(v) for v in years)]
    if missing:
        ax.axvspan(min(missing) - 0.5, max(missing) + 0.5, color="#eeeeee", zorder=0)
        ax.text(min(missing) - 0.4, ax.get_ylim()[1] * 0.97, "no data\non Russia", fontsize=8, va="top",
                color="#444444")


def describe_lines(frame: pd.DataFrame, what: str, unit: str, digits: int = 1) -> str:
    """Alt text for a line chart with a year index: the first and last value and the range of each line."""
    if frame.empty:
        return f"Empty chart of {what}."
    years = f"{int(frame.index.min())} to {int(frame.index.max())}"
    parts = []
    for column in frame.columns:
        series = frame[column].dropna()
        if series.empty:
            continue
        first_year, last_year = int(series.index[0]), int(series.index[-1])
        parts.append(f"{column}: {series.iloc[0]:.{digits}f}{unit} in {first_year}, {series.iloc[-1]:.{digits}f}"
                     f"{unit} in {last_year} (lowest {series.min():.{digits}f}{unit} in {int(series.idxmin())}, "
                     f"highest {series.max():.{digits}f}{unit} in {int(series.idxmax())})")
    return f"Line chart of {what}, {years}. " + "; ".join(parts) + "."


def vector_share_figure(shares_pct: pd.DataFrame, flow: str = "total", view: str = "reported") -> AltFigure | str:
    """Line chart of shares by vector over time: index year, one column per vector key, values in per cent."""
    if shares_pct.empty or shares_pct.shape[1] == 0:
        return "Nothing to draw: choose at least one vector and a year range with data."
    fig, ax = new_figure(8.5, 4.8)
    labelled = shares_pct.rename(columns=_vector_label)
    for key, column in zip(shares_pct.columns, labelled.columns):
        style = style_for(str(key))
        ax.plot(labelled.index, labelled[column], label=column, color=style.color, marker=style.marker,
                linestyle=style.linestyle, markersize=4, linewidth=2)
    ax.set_ylim(0, max(float(labelled.max().max()) * 1.4, 10))  # head room for the legend
    ax.xaxis.get_major_locator().set_params(integer=True)
    _shade_years_without_russia(ax, labelled.index)
    switch = mark_trade_switch(ax, labelled.index)
    return finish(
        fig, ax,
        title=f"Where does Kazakhstan trade? Share of {FLOW_LABELS[flow]} by vector",
        xlabel="Year",
        ylabel=f"Share of {FLOW_LABELS[flow].split(' (')[0]}, % ({VIEW_SHORT[view]})",
        source=trade_source(labelled.index),
        alt=describe_lines(labelled, f"the share of Kazakhstan's {FLOW_LABELS[flow]} by vector, "
                           f"{VIEW_LABELS[view]}, in per cent", "%") + switch,
    )


def balance_figure(indices: pd.DataFrame, view: str = "reported") -> AltFigure | str:
    """Line chart of 0-1 indices over time (for example the balance index and the HHI): index year, column = label."""
    if indices.empty or indices.shape[1] == 0:
        return "Nothing to draw: no index chosen."
    fig, ax = new_figure(8.5, 4.6)
    styles = ["multi", "global", "other"]  # neutral styles: these lines are not partners
    for column, key in zip(indices.columns, styles * 3):
        style = style_for(key)
        ax.plot(indices.index, indices[column], label=column, color=style.color, marker=style.marker,
                linestyle=style.linestyle, markersize=4, linewidth=2)
    ax.set_ylim(0, 1)
    ax.xaxis.get_major_locator().set_params(integer=True)
    _shade_years_without_russia(ax, indices.index)
    switch = mark_trade_switch(ax, indices.index)
    return finish(
        fig, ax,
        title="Balanced between the powers, or concentrated? Total trade",
        xlabel="Year",
        ylabel=f"Index, 0 to 1 ({VIEW_SHORT[view]} trade)",
        source=trade_source(indices.index),
        alt=describe_lines(indices, f"two indices of Kazakhstan's total trade, {VIEW_LABELS[view]}, on a scale "
                           "from 0 to 1", "", digits=2) + switch,
    )


def _paired_bars(ax, ordered: pd.DataFrame, bars: list[tuple[str, str, str, str]]) -> None:
    """Two horizontal bars per row of ``ordered``: (column, legend label, style key, hatch) for each bar."""
    positions = list(range(len(ordered)))
    height = 0.38
    for offset, (column, label, key, hatch) in zip((height / 2, -height / 2), bars):
        ax.barh([p + offset for p in positions], ordered[column], height=height, label=label,
                color=style_for(key).color, edgecolor="#333333", linewidth=0.6, hatch=hatch)
    ax.set_yticks(positions)
    ax.set_yticklabels(list(ordered.index))
    ax.grid(axis="y", visible=False)


def mirror_figure(comparison: pd.DataFrame, year: int, flow: str = "exports") -> AltFigure | str:
    """Paired bars: index partner label, columns ``reported`` and ``mirror`` in million US$."""
    if comparison.empty:
        return "Nothing to draw: choose at least one partner."
    fig, ax = new_figure(8.5, 4.8)
    ordered = comparison.iloc[::-1] / 1000
    _paired_bars(ax, ordered, [("reported", "Kazakhstan's statistics (reported)", "Kazakhstan", ""),
                                ("mirror", "partner's statistics (mirror)", "other", "//")])
    pairs = "; ".join(f"{name}: reported {row.reported / 1000:.1f}, mirror {row.mirror / 1000:.1f}"
                      for name, row in comparison.iterrows())
    noun = "exports to" if flow == "exports" else "imports from" if flow == "imports" else "total trade with"
    return finish(
        fig, ax,
        title=f"Two statistics, one trade: Kazakhstan's {noun} selected partners, {year}",
        xlabel="Billion US$",
        ylabel="Partner",
        source=trade_source([year]),
        alt=(f"Paired horizontal bar chart of Kazakhstan's {noun} selected partners in {year}, in billion US$, as "
             f"Kazakhstan reported them and as the partners reported them: {pairs}."),
    )


def benchmark_figure(benchmark: pd.DataFrame, year: int, view: str = "reported") -> AltFigure | str:
    """Paired bars: index partner label, columns ``trade_share`` and ``gdp_share`` (0-1), drawn in per cent."""
    if benchmark.empty:
        return "Nothing to draw: choose at least one partner."
    fig, ax = new_figure(8.5, 4.8)
    ordered = benchmark.iloc[::-1] * 100
    _paired_bars(ax, ordered, [("trade_share", "share of Kazakhstan's total trade", "Kazakhstan", ""),
                                ("gdp_share", "share of world GDP (benchmark)", "other", "xx")])
    pairs = "; ".join(f"{name}: {row.trade_share * 100:.1f}% of trade, {row.gdp_share * 100:.1f}% of world GDP"
                      for name, row in benchmark.iterrows())
    return finish(
        fig, ax,
        title=f"A simple gravity-style benchmark: trade share against economic size, {year}",
        xlabel="Per cent",
        ylabel="Partner",
        source=trade_source([year], "world_gdp_population", note=f"Own calculation; trade {VIEW_SHORT[view]}."),
        alt=(f"Paired horizontal bar chart for {year}: each partner's share of Kazakhstan's total trade next to its "
             f"share of world GDP, in per cent. {pairs}."),
    )
