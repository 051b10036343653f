"""Lesson 04: the balance scorecard explorer, and the lesson's arms and FDI figures.

The scorecard asks "how balanced is Kazakhstan?" on four dimensions (trade, UN votes, arms, investment). Each
dimension gets a Russia / China / West split (:mod:`betweenpowers.measures.scorecard`); the student weights the
dimensions and sees the composite shares and their balance index move.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import ipywidgets as widgets
import pandas as pd

from betweenpowers.data import source_line
from betweenpowers.measures.arms import ARMS_GROUPS
from betweenpowers.measures.scorecard import (
    DIMENSION_LABELS,
    DIMENSION_TABLES,
    DIMENSIONS,
    INVESTMENT_BASES,
    POLE_LABELS,
    POLES,
    balance_index,
    composite_shares,
    scorecard_splits,
)
from betweenpowers.plots import AltFigure, finish, new_figure, style_for
from betweenpowers.vectors import TRADE_VECTOR_LABELS
from betweenpowers.widgets.common import explorer_box, show_in

#: Hatch per pole and per supplier group, so that colour is never the only encoding of a bar segment.
POLE_HATCHES: dict[str, str] = {"russia": "///", "china": "...", "west": ""}
GROUP_HATCHES: dict[str, str] = {"russia": "///", "china": "...", "eu27": "", "other_west": "\\\\",
                                 "turkey": "xx", "other": "--"}

SCORECARD_COLUMNS: tuple[str, ...] = (*POLES, "weight", "balance")

NO_WEIGHT_MESSAGE = ("Every dimension in the scorecard has weight zero, so there is nothing to combine. "
                     "Give at least one dimension a weight above zero.")


# -- the scorecard ---------------------------------------------------------------------------------------------
def scorecard_view(splits: pd.DataFrame, weights: Mapping[str, float], include_investment: bool = True
                   ) -> pd.DataFrame:
    """Rows of the dimensions that count, then a ``composite`` row: columns poles, weight (share), balance.

    A dimension counts when its weight is above zero and it has data; with ``include_investment`` False the
    investment weight is set to zero. ``weight`` is each dimension's share of the total weight (1 for the composite
    row); ``balance`` is the normalised entropy of the row's shares. When no dimension counts the frame is empty
    (with these columns). Negative weights raise ValueError.
    """
    weights = {d: float(weights.get(d, 0.0)) for d in splits.index}
    if any(w < 0 for w in weights.values()):
        raise ValueError("weights must be non-negative")
    if not include_investment and "investment" in weights:
        weights["investment"] = 0.0
    empty = pd.DataFrame(columns=list(SCORECARD_COLUMNS), dtype=float)
    empty.index.name = "dimension"
    try:
        composite = composite_shares(splits, weights)
    except ValueError:
        return empty
    used = [d for d in splits.index if weights[d] > 0 and splits.loc[d, list(POLES)].notna().all()]
    total = sum(weights[d] for d in used)
    view = splits.loc[used, list(POLES)].astype(float).copy()
    view["weight"] = [weights[d] / total for d in used]
    view.loc["composite", list(POLES)] = composite.to_numpy()
    view.loc["composite", "weight"] = 1.0
    view["balance"] = [balance_index(view.loc[d]) for d in view.index]
    view.index.name = "dimension"
    return view


def within_balance(view: pd.DataFrame) -> float:
    """Weighted mean of the dimensions' own balance indices (how balanced each dimension is, on average)."""
    dims = view.drop(index="composite")
    return float((dims["weight"] * dims["balance"]).sum())


def _pct(value: float) -> str:
    return f"{100 * value:.0f}%"


def describe_scorecard(view: pd.DataFrame, splits: pd.DataFrame) -> str:
    """Alt text for a scorecard chart: each bar's shares and weight, and the composite balance, in words."""
    if view.empty:
        return "Empty chart: every dimension has weight zero."
    parts = []
    for dim in view.index.drop("composite"):
        row = view.loc[dim]
        shares = ", ".join(f"{POLE_LABELS[p]} {_pct(row[p])}" for p in POLES)
        parts.append(f"{splits.loc[dim, 'basis']} (weight {_pct(row['weight'])}): {shares}")
    comp = view.loc["composite"]
    shares = ", ".join(f"{POLE_LABELS[p]} {_pct(comp[p])}" for p in POLES)
    return (f"Horizontal stacked bar chart of the Russia, China and West shares (among these three) in each weighted "
            f"dimension and in the weighted composite. {'; '.join(parts)}. Composite: {shares}; balance index "
            f"{comp['balance']:.2f} (1 = equal thirds, 0 = one pole only), while the dimensions' own balance averages "
            f"{within_balance(view):.2f}.")


def scorecard_figure(view: pd.DataFrame, splits: pd.DataFrame) -> AltFigure | str:
    """Stacked horizontal bars per dimension and for the composite, or a message when every weight is zero."""
    if view.empty:
        return NO_WEIGHT_MESSAGE
    fig, ax = new_figure(8.5, 1.6 + 0.75 * len(view))
    labels, handles = [], []
    for position, dim in enumerate(view.index):
        row = view.loc[dim]
        left = 0.0
        is_composite = dim == "composite"
        for pole in POLES:
            width = 100 * float(row[pole])
            style = style_for(pole)
            bars = ax.barh(position, width, left=left, height=0.7 if is_composite else 0.55, color=style.color,
                           hatch=POLE_HATCHES[pole], edgecolor="white" if pole != "west" else style.color,
                           linewidth=0.5)
            if position == 0:
                handles.append((bars, POLE_LABELS[pole]))
            if width >= 6:
                ax.text(left + width / 2, position, f"{width:.0f}%", ha="center", va="center", fontsize=9,
                        fontweight="bold" if is_composite else "normal",
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
            left += width
        if is_composite:
            labels.append(f"Composite\nbalance {row['balance']:.2f}")
        else:
            labels.append(f"{splits.loc[dim, 'label']}\nweight {_pct(row['weight'])} · balance {row['balance']:.2f}")
    ax.set_yticks(range(len(view)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.grid(axis="y", visible=False)
    ax.axhline(len(view) - 1.5, color="#444444", linewidth=0.8)
    # A figure legend above the bars (finish() would place an axes legend over them).
    fig.legend([h for h, _ in handles], [text for _, text in handles], loc="outside upper right", ncols=3,
               frameon=False)
    used = [d for d in view.index if d != "composite"]
    source = source_line(*(DIMENSION_TABLES[d] for d in used), note="Own calculation.")
    comp = view.loc["composite"]
    figure = finish(
        fig, ax,
        title=f"How balanced is Kazakhstan? Composite balance index {comp['balance']:.2f}",
        xlabel="Share among Russia, China and the West (%)",
        ylabel="Dimension (weight share, balance index 0-1)",
        source=source,
        alt=describe_scorecard(view, splits),
    )
    return figure


def scorecard_explorer(trade: pd.DataFrame, agreement: pd.DataFrame, arms: pd.DataFrame, fdi: pd.DataFrame
                       ) -> widgets.VBox:
    """Explorer of the balance scorecard: weight the four dimensions, choose years and the investment figure."""
    include = widgets.Checkbox(value=True, description="Include investment (page figures, partial)", indent=False,
                               layout=widgets.Layout(width="auto"))
    basis = widgets.Dropdown(options=[(spec["label"], key) for key, spec in INVESTMENT_BASES.items()],
                             value="stock_mid2021", description="Investment figure",
                             style={"description_width": "initial"}, layout=widgets.Layout(width="95%"))
    sliders = {d: widgets.IntSlider(value=1, min=0, max=5, step=1, description=DIMENSION_LABELS[d],
                                    continuous_update=False, style={"description_width": "80px"},
                                    layout=widgets.Layout(width="300px"))
               for d in DIMENSIONS}
    wide = {"style": {"description_width": "100px"}, "layout": widgets.Layout(width="420px")}
    imports = arms[arms["direction"] == "import"]
    trade_year = widgets.IntSlider(value=int(trade["year"].max()), min=int(trade["year"].min()),
                                   max=int(trade["year"].max()), step=1, description="Trade year",
                                   continuous_update=False, **wide)
    vote_years = widgets.IntRangeSlider(value=(2012, int(agreement["year"].max())), min=int(agreement["year"].min()),
                                        max=int(agreement["year"].max()), step=1, description="UN vote years",
                                        continuous_update=False, **wide)
    arms_years = widgets.IntRangeSlider(value=(2012, int(imports["year"].max())), min=int(imports["year"].min()),
                                        max=int(imports["year"].max()), step=1, description="Arms years",
                                        continuous_update=False, **wide)
    output = widgets.Output()

    # The splits depend on the years and the investment figure only: moving a weight or the investment checkbox
    # reuses them (they are read, never changed, by scorecard_view and scorecard_figure).
    @functools.lru_cache(maxsize=32)
    def splits_for(year: int, votes: tuple[int, int], arms_span: tuple[int, int], investment: str) -> pd.DataFrame:
        return scorecard_splits(trade, agreement, arms, fdi, year, votes, arms_span, investment)

    def redraw(_change: object = None) -> None:
        sliders["investment"].disabled = not include.value
        basis.disabled = not include.value
        splits = splits_for(trade_year.value, tuple(vote_years.value), tuple(arms_years.value), basis.value)
        weights = {d: slider.value for d, slider in sliders.items()}
        view = scorecard_view(splits, weights, include.value)
        show_in(output, scorecard_figure(view, splits))

    for control in (include, basis, *sliders.values(), trade_year, vote_years, arms_years):
        control.observe(redraw, names="value")
    redraw()
    weights_box = widgets.VBox([widgets.HTML("<b>Weights</b> (relative: 1-1-1-1 = 2-2-2-2)"), *sliders.values()],
                               layout=widgets.Layout(width="340px"))
    data_box = widgets.VBox([widgets.HTML("<b>What each dimension is built from</b>"), trade_year, vote_years,
                             arms_years])
    return explorer_box([widgets.HBox([include]), basis, widgets.HBox([weights_box, data_box]), output])


# -- arms ------------------------------------------------------------------------------------------------------
def describe_arms(wide: pd.DataFrame) -> str:
    """Alt text for the arms chart: range, totals, Russia's share, peak year and years without deliveries."""
    if wide.empty or wide.to_numpy().sum() == 0:
        return "Empty chart: no deliveries recorded."
    totals = wide.sum(axis=1)
    total = float(totals.sum())
    russia = float(wide["russia"].sum()) if "russia" in wide else 0.0
    gaps = [str(y) for y, t in totals.items() if t == 0]
    listed = ", ".join(gaps[:-1]) + f" and {gaps[-1]}" if len(gaps) > 1 else "".join(gaps)
    gap_text = f" No delivery was recorded in {listed}." if gaps else ""
    return (f"Stacked bar chart of major arms delivered to Kazakhstan each year, {int(wide.index.min())} to "
            f"{int(wide.index.max())}, in SIPRI trend-indicator values (millions), by supplier group. Total "
            f"{total:,.0f} TIV, of which Russia {russia:,.0f} ({russia / total:.0%}). The largest year is "
            f"{int(totals.idxmax())} with {totals.max():,.0f}.{gap_text}")


def arms_figure(wide: pd.DataFrame) -> AltFigure | str:
    """Stacked bars of TIV per year by supplier group (``measures.arms.tiv_by_year``), or a message."""
    if wide.empty or wide.to_numpy().sum() == 0:
        return "No arms deliveries to draw for this selection."
    fig, ax = new_figure(9, 4.8)
    bottom = pd.Series(0.0, index=wide.index)
    for group in [g for g in ARMS_GROUPS if g in wide.columns] + [g for g in wide.columns if g not in ARMS_GROUPS]:
        values = wide[group]
        if values.sum() == 0:
            continue
        style = style_for(group)
        ax.bar(wide.index, values, bottom=bottom, color=style.color, hatch=GROUP_HATCHES.get(group, ""),
               edgecolor="white", linewidth=0.4, label=TRADE_VECTOR_LABELS.get(group, group))
        bottom = bottom + values
    for year in bottom.index[bottom == 0]:
        ax.text(year, 0, "none", rotation=90, ha="center", va="bottom", fontsize=8, color="#444444")
    ax.xaxis.get_major_locator().set_params(integer=True)
    first, last = int(wide.index.min()), int(wide.index.max())
    return finish(
        fig, ax,
        title=f"Who delivered major arms to Kazakhstan, {first}-{last}?",
        xlabel="Year of delivery",
        ylabel="SIPRI trend-indicator value (TIV, millions; not US$)",
        source=source_line("arms_transfers_sipri", note="Own calculation."),
        alt=describe_arms(wide),
    )


# -- FDI by quarter --------------------------------------------------------------------------------------------
def describe_fdi_quarterly(table: pd.DataFrame) -> str:
    """Alt text for the quarterly net FDI chart."""
    values = table.set_index("date_label")["fdi_net_inflow_usd_mn"]
    negative = int((values < 0).sum())
    return (f"Bar chart of Kazakhstan's net FDI inflow in {len(values)} quarters, date labels "
            f"{values.index.min()} to {values.index.max()}, in million US dollars. Values range from "
            f"{values.min():,.0f} (label {values.idxmin()}) to {values.max():,.0f} (label {values.idxmax()}); "
            f"{negative} quarters are negative (net outflow).")


def fdi_quarterly_figure(table: pd.DataFrame) -> AltFigure | str:
    """Bars of net FDI inflow per quarter, labelled as in the source (the quarter convention is not documented)."""
    if table.empty:
        return "No quarterly FDI values to draw."
    rows = table.sort_values("date_label")
    fig, ax = new_figure(9, 4.5)
    positive = rows["fdi_net_inflow_usd_mn"] >= 0
    positions = range(len(rows))
    inflow, outflow = style_for("west"), style_for("russia")
    ax.bar([p for p, ok in zip(positions, positive) if ok], rows.loc[positive, "fdi_net_inflow_usd_mn"],
           color=inflow.color, label="net inflow (positive)")
    ax.bar([p for p, ok in zip(positions, positive) if not ok], rows.loc[~positive, "fdi_net_inflow_usd_mn"],
           color=outflow.color, hatch="///", edgecolor="white", label="net outflow (negative)")
    ax.axhline(0, color="#444444", linewidth=0.8)
    ticks = list(range(0, len(rows), 8))
    ax.set_xticks(ticks, [rows["date_label"].iloc[i] for i in ticks], rotation=45, ha="right")
    ax.grid(axis="x", visible=False)
    return finish(
        fig, ax,
        title="Net FDI inflow into Kazakhstan, by quarter",
        xlabel="Date label as published (whether it marks a quarter's start or end is not documented)",
        ylabel="Net FDI inflow (million US$)",
        source=source_line("fdi_net_inflow_quarterly", note=""),
        alt=describe_fdi_quarterly(rows),
    )
