"""Lesson 07: fragile foundations. The teaching-model explorer, and the lesson's static figures.

The explorer (:func:`exposure_explorer`) applies the teaching model of :mod:`betweenpowers.measures.exposure` to
one base year: an oil price change, an elasticity of export value to the oil price, and a partner (Russia, China
or the EU-27) cutting its trade with Kazakhstan. It redraws the base year's exposure indicators next to the
scenario's. It is a teaching model, not a forecast, and every figure says so. Its pure part, :func:`exposure_view`,
is unit-tested over its whole grid; it returns an :class:`ExposureView` (the indicators, the :class:`Scenario` and
the partner's shares used), which :func:`exposure_figure` draws.

Every series in the static figures keeps its source: IMF DOTS and BNS trade totals, World Bank and IMF GDP are drawn
as separate lines, and IMF projections are marked as such.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd
from matplotlib.axes import Axes

from betweenpowers.data import source_line
from betweenpowers.measures.exposure import (
    INDICATORS,
    MODEL_PARTNERS,
    OIL_SLUMP_PCT,
    base_indicators,
    model_inputs,
    oil_slump_years,
    shock_scenario,
)
from betweenpowers.plots import AltFigure, finish_panels, new_figure, new_panels, style_for
from betweenpowers.widgets.common import FrameView, explorer_box, show_in

#: The note of the teaching model's source line (its base-year data come from the tables it names).
MODEL_NOTE = "Teaching model, not a forecast (formulas: betweenpowers.measures.exposure). Own calculation."

#: The tables of the lesson's annual series and of the model's base years: trade from IMF DOTS, the rest (GDP,
#: the Brent price, BNS trade) from ``macro_kaz_annual``.
ANNUAL_TABLES: tuple[str, ...] = ("trade_dots", "macro_kaz_annual")

#: The note of the monthly figure's source line.
MONTHLY_NOTE = "Monthly averages; months of 2026 may be preliminary. Own calculation."

INDICATOR_LABELS: dict[str, str] = {
    "exports": "Exports",
    "imports": "Imports",
    "trade_balance": "Trade balance",
    "exports_to_gdp_pct": "Exports / GDP",
    "balance_to_gdp_pct": "Trade balance / GDP",
}

VIEW_COLUMNS = ["label", "unit", "base", "scenario", "change"]

#: Style keys (see :func:`betweenpowers.plots.style_for`) of the lesson's series, which are not partners.
_STYLE_KEYS: dict[str, str] = {
    "brent": "multi",
    "exports_dots": "Kazakhstan",
    "imports_dots": "other_west",
    "exports_bns": "global",
    "imports_bns": "china",
    "gdp_wdi": "regional",
    "gdp_weo": "other",
    "base": "other",
    "scenario": "Kazakhstan",
}


# -- Figure plumbing -------------------------------------------------------------------------------------------
def _line(ax: Axes, series: pd.Series, key: str, label: str, hollow: bool = False, linestyle: str | None = None):
    style = style_for(_STYLE_KEYS[key])
    ax.plot(series.index, series.to_numpy(dtype=float), label=label, color=style.color, marker=style.marker,
            markersize=4, linestyle=linestyle or style.linestyle, linewidth=2,
            markerfacecolor="white" if hollow else style.color)


def _fmt_signed(value: float, digits: int = 1) -> str:
    return f"{value:+.{digits}f}".replace("-", "\u2212")


# -- The teaching-model explorer -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Scenario:
    """The shocks of the teaching model as chosen: an oil price change, an elasticity and a partner's trade cut.

    With ``apply_cut`` false the cut is left out (as if it were 0%), whatever ``partner_cut_pct`` says.
    """

    oil_change_pct: float
    elasticity: float
    partner: str
    partner_cut_pct: float
    apply_cut: bool

    @property
    def applied_cut_pct(self) -> float:
        """The cut the model applies: ``partner_cut_pct``, or 0 when the cut is switched off."""
        return self.partner_cut_pct if self.apply_cut else 0.0


@dataclass(frozen=True, eq=False)
class ExposureView(FrameView):
    """What :func:`exposure_figure` draws: the teaching model for one base year, and the choices behind it.

    ``frame`` has the columns :data:`VIEW_COLUMNS`, one row per indicator (empty when the base year has no data).
    ``first_year`` and ``last_year`` are the base years the model has data for (None without any). The partner's
    shares of exports and imports used (0-1), the base year's GDP and the parts of the export change (million US$)
    are NaN when the base year has no data.
    """

    frame: pd.DataFrame
    base_year: int
    scenario: Scenario
    first_year: int | None
    last_year: int | None
    export_share: float = math.nan
    import_share: float = math.nan
    gdp: float = math.nan
    oil_effect: float = math.nan
    partner_export_effect: float = math.nan
    partner_import_effect: float = math.nan


def exposure_view(inputs: pd.DataFrame, base_year: int, oil_change_pct: float = -30.0, elasticity: float = 0.6,
                  partner: str = "Russia", partner_cut_pct: float = 25.0, apply_cut: bool = True) -> ExposureView:
    """The teaching model for one base year, as an :class:`ExposureView`.

    ``inputs`` is :func:`betweenpowers.measures.exposure.model_inputs`. The view's ``frame`` has columns label,
    unit, base, scenario, change and one row per indicator: values in million US$ (exports, imports, trade balance)
    or per cent of base-year GDP; ``change`` = scenario - base. With ``apply_cut`` false the partner cut is left out
    (as if it were 0%). A base year without data gives an empty frame with these columns. The view also records the
    :class:`Scenario`, the partner's shares used (0-1) and the parts of the export change. Impossible shock values
    raise ``ValueError`` with a plain message; so does an unknown partner.
    """
    if partner not in MODEL_PARTNERS:
        raise ValueError(f"partner must be one of {list(MODEL_PARTNERS)}, not {partner!r}")
    try:
        year = int(base_year)
    except (TypeError, ValueError):
        raise ValueError(f"base_year must be a whole number such as 2019, not {base_year!r}") from None
    # Check the shock values first (on a unit base year), so bad input gets a plain message, data or not.
    shock_scenario({"exports": 1.0, "imports": 1.0, "gdp": 1.0}, oil_change_pct, elasticity, partner_cut_pct)
    chosen = Scenario(float(oil_change_pct), float(elasticity), partner, float(partner_cut_pct), bool(apply_cut))
    span = {"first_year": int(inputs.index.min()) if len(inputs) else None,
            "last_year": int(inputs.index.max()) if len(inputs) else None}
    if year not in inputs.index:
        return ExposureView(frame=pd.DataFrame(columns=VIEW_COLUMNS), base_year=year, scenario=chosen, **span)
    row = inputs.loc[year]
    vector = MODEL_PARTNERS[partner]
    s_x, s_m = float(row[f"{vector}_exports_share"]), float(row[f"{vector}_imports_share"])
    base = base_indicators(row)
    scenario = shock_scenario(row, oil_change_pct, elasticity, chosen.applied_cut_pct, s_x, s_m)
    keys = list(INDICATORS)
    frame = pd.DataFrame({
        "label": [INDICATOR_LABELS[k] for k in keys],
        "unit": [INDICATORS[k] for k in keys],
        "base": base[keys].to_numpy(),
        "scenario": scenario[keys].to_numpy(),
    }, index=pd.Index(keys, name="indicator"))
    frame["change"] = frame["scenario"] - frame["base"]
    return ExposureView(frame=frame, base_year=year, scenario=chosen, **span, export_share=s_x, import_share=s_m,
                        gdp=float(row["gdp"]), oil_effect=float(scenario["oil_effect"]),
                        partner_export_effect=float(scenario["partner_export_effect"]),
                        partner_import_effect=float(scenario["partner_import_effect"]))


def scenario_label(scenario: Scenario) -> str:
    """The scenario in words, e.g. 'oil price -30%, elasticity 0.6; Russia cuts its trade by 25%'."""
    oil = f"oil price {_fmt_signed(scenario.oil_change_pct, 0)}%, elasticity {scenario.elasticity:.1f}"
    if scenario.apply_cut:
        return f"{oil}; {scenario.partner} cuts its trade by {scenario.partner_cut_pct:.0f}%"
    return f"{oil}; no partner cut"


def describe_shares(view: ExposureView) -> str:
    """The partner's base-year shares used by the model, in words (or that no cut is applied)."""
    if not view.scenario.apply_cut:
        return "partner cut switched off"
    return (f"{view.scenario.partner} took {view.export_share * 100:.1f}% of exports and supplied "
            f"{view.import_share * 100:.1f}% of imports")


def describe_exposure(view: ExposureView) -> str:
    """Alt text for the teaching-model chart: base year and scenario values of every indicator, in words."""
    year = view.base_year
    if view.frame.empty:
        return f"Empty chart: no base-year data for {year}."
    parts = []
    for key, row in view.frame.iterrows():
        if INDICATORS[key] == "million US$":
            parts.append(f"{row['label']} {row['base'] / 1000:.1f} to {row['scenario'] / 1000:.1f} bn US$")
        else:
            parts.append(f"{row['label']} {row['base']:.1f}% to {row['scenario']:.1f}%")
    shares = f" ({describe_shares(view)} in {year})" if view.scenario.apply_cut else ""
    return (f"Grouped bar chart from a teaching model, not a forecast. Base year {year} against a scenario with "
            f"{scenario_label(view.scenario)}{shares}: " + "; ".join(parts) + ". Ratios are to base-year GDP.")


def _bar_labels(ax: Axes, bars, values, fmt: str) -> None:
    for bar, value in zip(bars, values):
        height = bar.get_height()
        ax.annotate(fmt.format(value), (bar.get_x() + bar.get_width() / 2, height),
                    xytext=(0, 3 if height >= 0 else -3), textcoords="offset points", ha="center",
                    va="bottom" if height >= 0 else "top", fontsize=8)


def exposure_figure(view: ExposureView) -> AltFigure | str:
    """Two panels of paired bars (base year, scenario): values in billion US$, and shares of base-year GDP."""
    if view.frame.empty:
        first, last = view.first_year, view.last_year
        return (f"No base-year data for {view.base_year}: the model needs trade by partner (IMF DOTS) and "
                f"GDP, available for {first}-{last}. Choose a base year in that range.")
    fig, (left, right) = new_panels(1, 2, 9.5, 4.8)
    base_style, scenario_style = style_for(_STYLE_KEYS["base"]), style_for(_STYLE_KEYS["scenario"])
    year = view.base_year
    panels = [(left, ["exports", "imports", "trade_balance"], 1000, "{:.1f}", "Billion US$"),
              (right, ["exports_to_gdp_pct", "balance_to_gdp_pct"], 1, "{:.1f}%", "Per cent of base-year GDP")]
    width = 0.38
    for ax, keys, divisor, fmt, ylabel in panels:
        rows = view.frame.loc[keys]
        positions = list(range(len(keys)))
        base_bars = ax.bar([p - width / 2 for p in positions], rows["base"] / divisor, width,
                           label=f"Base year {year} (data)", color=base_style.color, edgecolor="#333333",
                           linewidth=0.6, hatch="//")
        scenario_bars = ax.bar([p + width / 2 for p in positions], rows["scenario"] / divisor, width,
                               label="Scenario (teaching model)", color=scenario_style.color, edgecolor="#333333",
                               linewidth=0.6)
        _bar_labels(ax, base_bars, rows["base"] / divisor, fmt)
        _bar_labels(ax, scenario_bars, rows["scenario"] / divisor, fmt)
        ax.axhline(0, color="#333333", linewidth=0.8)
        ax.set_xticks(positions)
        ax.set_xticklabels(list(rows["label"]))
        ax.grid(axis="x", visible=False)
        ax.set_ylabel(ylabel)
        low, high = ax.get_ylim()
        ax.set_ylim(min(low, 0) * 1.15, max(high, 0) * 1.15)
    left.set_title("Values", loc="left", fontsize=10)
    right.set_title("Against the base year's GDP", loc="left", fontsize=10)
    right.legend(frameon=False, fontsize=8.5, loc="upper right")
    return finish_panels(fig, [], title=f"Teaching model, not a forecast: two shocks to Kazakhstan's {year} trade",
                         source=source_line(*ANNUAL_TABLES, sources=("imf_dots", "wdi"), note=MODEL_NOTE),
                         alt=describe_exposure(view),
                         note=f"Scenario: {scenario_label(view.scenario)}. Base year {year}: {describe_shares(view)}.")


def exposure_explorer(trade: pd.DataFrame, macro: pd.DataFrame) -> widgets.VBox:
    """Explorer of the teaching model: the partner cut on or off, partner, cut, oil price change, elasticity, year."""
    inputs = model_inputs(trade, macro)
    years = [int(y) for y in inputs.index]
    apply = widgets.Checkbox(value=True, description="Apply the partner trade cut", indent=False,
                             layout=widgets.Layout(width="auto"))
    partner = widgets.Dropdown(options=list(MODEL_PARTNERS), value="Russia", description="Partner",
                               style={"description_width": "initial"})
    cut = widgets.IntSlider(value=25, min=0, max=100, step=5, description="Partner cut, %",
                            continuous_update=False, style={"description_width": "initial"})
    oil = widgets.IntSlider(value=-30, min=-60, max=60, step=5, description="Oil price change, %",
                            continuous_update=False, style={"description_width": "initial"})
    elasticity = widgets.FloatSlider(value=0.6, min=0.0, max=1.5, step=0.1, description="Elasticity",
                                     continuous_update=False, readout_format=".1f",
                                     style={"description_width": "initial"})
    base_year = widgets.Dropdown(options=years, value=2019 if 2019 in years else years[-1], description="Base year",
                                 style={"description_width": "initial"})
    note = widgets.HTML("<b>Teaching model, not a forecast.</b> It applies the formulas of the lesson to one base "
                        "year; nothing is estimated or predicted.")
    output = widgets.Output()

    def redraw(_change: object = None) -> None:
        partner.disabled = cut.disabled = not apply.value
        view = exposure_view(inputs, base_year.value, oil.value, elasticity.value, partner.value, cut.value,
                             apply.value)
        show_in(output, exposure_figure(view))

    for control in (apply, partner, cut, oil, elasticity, base_year):
        control.observe(redraw, names="value")
    redraw()
    return explorer_box([widgets.HBox([apply, partner, cut]), widgets.HBox([oil, elasticity]),
                         widgets.HBox([base_year, note]), output])


# -- Static figures of the lesson ------------------------------------------------------------------------------
def _shade(axes: list[Axes], years: list[int]) -> None:
    for ax in axes:
        for year in years:
            ax.axvspan(year - 0.5, year + 0.5, color="#e8e8e8", zorder=0)


def _range_text(series: pd.Series, unit: str, scale: float = 1.0, digits: int = 0) -> str:
    s = series.dropna() / scale
    if s.empty:
        return "no data"
    return (f"{int(s.index[0])}-{int(s.index[-1])}, from {s.iloc[0]:,.{digits}f} to {s.iloc[-1]:,.{digits}f}{unit} "
            f"(lowest {s.min():,.{digits}f} in {int(s.idxmin())}, highest {s.max():,.{digits}f} in {int(s.idxmax())})")


def annual_exposure_figure(annual: pd.DataFrame) -> AltFigure | str:
    """Three stacked panels by year: the Brent price; GDP (World Bank, IMF, IMF projection); exports and imports.

    ``annual`` is :func:`betweenpowers.measures.exposure.annual_exposure_table` (any year range). Each source is its
    own line; IMF projections are hollow, dotted and shaded; years with an oil slump are shaded grey.
    """
    if annual.empty:
        return "Nothing to draw: no years chosen."
    fig, (top, middle, bottom) = new_panels(3, 1, 8.5, 8.6, sharex=True)
    brent = annual["brent_usd_per_barrel"].dropna()
    slumps = oil_slump_years(annual["brent_usd_per_barrel"])
    _shade([top, middle, bottom], slumps)
    _line(top, brent, "brent", "Brent crude, annual average")
    top.set_ylabel("US$ per barrel")
    top.set_title("Oil price", loc="left", fontsize=10)
    if slumps:
        top.text(0.99, 0.97, f"grey bands: Brent fell more than {OIL_SLUMP_PCT:.0f}% from the year before",
                 transform=top.transAxes, ha="right", va="top", fontsize=8, color="#444444")

    wdi = annual["gdp_wdi_usd_mn"].dropna() / 1000
    projection = annual["weo_projection"].fillna(False).astype(bool)
    weo = annual["gdp_weo_usd_mn"] / 1000
    weo_actual = weo[~projection & (weo.index > (wdi.index.max() if len(wdi) else 0))].dropna()
    weo_projected = weo[projection].dropna()
    if len(wdi):
        _line(middle, wdi, "gdp_wdi", "GDP, World Bank WDI")
    if len(weo_actual):
        _line(middle, weo_actual, "gdp_weo", "GDP, IMF WEO (latest years, estimates)", linestyle="-")
    if len(weo_projected):
        _line(middle, weo_projected, "gdp_weo", "IMF projection (not data, not this course's)", hollow=True,
              linestyle=":")
        middle.axvspan(weo_projected.index.min() - 0.5, weo_projected.index.max() + 0.5, facecolor="#f3f3f3",
                       zorder=0, hatch="..", edgecolor="#dddddd")
    middle.set_ylabel("Billion US$ (current)")
    middle.set_title("GDP", loc="left", fontsize=10)

    for column, key, label in [("exports_dots_usd_mn", "exports_dots", "Exports, IMF DOTS (Kazakh-reported)"),
                               ("imports_dots_usd_mn", "imports_dots", "Imports, IMF DOTS (Kazakh-reported)"),
                               ("exports_bns_usd_mn", "exports_bns", "Exports, BNS"),
                               ("imports_bns_usd_mn", "imports_bns", "Imports, BNS")]:
        series = annual[column].dropna() / 1000
        if len(series):
            _line(bottom, series, key, label)
    bottom.set_ylabel("Billion US$")
    bottom.set_title("Merchandise trade", loc="left", fontsize=10)
    bottom.set_xlabel("Year")
    bottom.xaxis.get_major_locator().set_params(integer=True)

    years = f"{int(annual.index.min())} to {int(annual.index.max())}"
    alt = (f"Three stacked line charts by year, {years}. Brent oil price, US$ per barrel: {_range_text(brent, '')}. "
           f"GDP, billion current US$, World Bank: {_range_text(wdi, '', digits=1)}"
           + (f"; IMF estimates {_range_text(weo_actual, '', digits=1)}" if len(weo_actual) else "")
           + (f"; IMF projection {_range_text(weo_projected, '', digits=1)}" if len(weo_projected) else "")
           + f". Exports, billion US$, IMF DOTS: {_range_text(annual['exports_dots_usd_mn'], '', 1000, 1)}; BNS: "
           f"{_range_text(annual['exports_bns_usd_mn'], '', 1000, 1)}. Imports, IMF DOTS: "
           f"{_range_text(annual['imports_dots_usd_mn'], '', 1000, 1)}; BNS: "
           f"{_range_text(annual['imports_bns_usd_mn'], '', 1000, 1)}. Oil slumps (Brent down more than "
           f"{OIL_SLUMP_PCT:.0f}%) shaded: {', '.join(str(y) for y in slumps) or 'none'}.")
    return finish_panels(fig, [top, middle, bottom], title="Oil price, GDP and trade: Kazakhstan by year",
                         source=source_line(*ANNUAL_TABLES, note="Own calculation."), alt=alt)


def change_scatter_figure(changes: pd.DataFrame, label_above_pct: float = OIL_SLUMP_PCT) -> AltFigure | str:
    """Scatter of yearly per cent changes: oil price (x) against export value (y), one marker style per source.

    ``changes`` has a year index and columns ``oil_change_pct``, ``exports_change_pct`` and ``source`` (for example
    ``"IMF DOTS"`` and ``"BNS"``). Years whose oil price moved by more than ``label_above_pct`` are labelled. A dashed
    line shows where the two changes would be equal (elasticity 1).
    """
    data = changes.dropna(subset=["oil_change_pct", "exports_change_pct"])
    if data.empty:
        return "Nothing to draw: no years with both changes."
    fig, ax = new_figure(7.5, 5.6)
    keys = {0: "exports_dots", 1: "exports_bns"}
    parts = []
    labelled: set[int] = set()
    for number, (source, rows) in enumerate(data.groupby("source", sort=False)):
        style = style_for(_STYLE_KEYS[keys.get(number, "exports_bns")])
        ax.scatter(rows["oil_change_pct"], rows["exports_change_pct"], label=f"{source}, {int(rows.index.min())}-"
                   f"{int(rows.index.max())}", color=style.color, marker=style.marker, s=36, edgecolor="#333333",
                   linewidth=0.5, zorder=3)
        corr = rows["oil_change_pct"].corr(rows["exports_change_pct"]) if len(rows) > 2 else float("nan")
        parts.append(f"{source} {int(rows.index.min())}-{int(rows.index.max())} ({len(rows)} years"
                     + (f", correlation {corr:.2f})" if not math.isnan(corr) else ")"))
        for year, row in rows.iterrows():
            if abs(row["oil_change_pct"]) > label_above_pct and int(year) not in labelled:
                labelled.add(int(year))  # a year in two sources is labelled once
                left = row["oil_change_pct"] < 0
                ax.annotate(str(int(year)), (row["oil_change_pct"], row["exports_change_pct"]),
                            xytext=(-5 if left else 5, 3), textcoords="offset points", fontsize=8,
                            ha="right" if left else "left")
    low = float(min(data["oil_change_pct"].min(), data["exports_change_pct"].min())) - 5
    high = float(max(data["oil_change_pct"].max(), data["exports_change_pct"].max())) + 5
    ax.plot([low, high], [low, high], color="#767676", linestyle="--", linewidth=1,
            label="equal changes (elasticity 1)")
    ax.axhline(0, color="#333333", linewidth=0.8)
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.set_xlabel("Change of the Brent price from the year before, %")
    ax.set_ylabel("Change of export value from the year before, %")
    alt = ("Scatter plot of yearly per cent changes: the Brent oil price on the horizontal axis, Kazakhstan's export "
           "value on the vertical axis. Points: " + "; ".join(parts) + ". Labelled years, where oil moved more than "
           f"{label_above_pct:.0f}%: " + ", ".join(
               f"{int(y)} (oil {r.oil_change_pct:+.0f}%, exports {r.exports_change_pct:+.0f}%)"
               for y, r in data[data["oil_change_pct"].abs() > label_above_pct].iterrows()) + ".")
    return finish_panels(fig, [ax], title="When oil moves, do exports follow? Yearly changes",
                         source=source_line(*ANNUAL_TABLES, sources=("imf_dots", "eia", "bns"),
                                            note="Own calculation."), alt=alt)


def monthly_index_figure(indexed: pd.DataFrame, preliminary_from: str = "2026-01") -> AltFigure | str:
    """Line chart of monthly series rebased to 100: index month ('YYYY-MM' or a monthly PeriodIndex).

    Expected columns: ``"Brent oil price"`` and ``"Exports (BNS)"`` (others are drawn in grey). Months from
    ``preliminary_from`` on are shaded: the BNS says they may be revised.
    """
    frame = indexed.dropna(how="all")
    if frame.empty or frame.shape[1] == 0:
        return "Nothing to draw: no months chosen."
    months = pd.PeriodIndex(frame.index.astype(str), freq="M")
    dates = months.to_timestamp(how="start") + pd.Timedelta(days=14)
    fig, ax = new_figure(9.0, 4.8)
    keys = {"Brent oil price": "brent", "Exports (BNS)": "exports_bns"}
    parts = []
    for column in frame.columns:
        series = pd.Series(frame[column].to_numpy(dtype=float), index=dates)
        style = style_for(_STYLE_KEYS.get(keys.get(column, ""), "other"))
        ax.plot(series.index, series.to_numpy(), label=column, color=style.color, marker=style.marker, markersize=3,
                linestyle=style.linestyle, linewidth=1.6)
        valid = pd.Series(frame[column].to_numpy(dtype=float), index=months.astype(str)).dropna()
        parts.append(f"{column} from {valid.iloc[0]:.0f} in {valid.index[0]} to {valid.iloc[-1]:.0f} in "
                     f"{valid.index[-1]} (lowest {valid.min():.0f} in {valid.idxmin()}, highest {valid.max():.0f} in "
                     f"{valid.idxmax()})")
    start = pd.Period(preliminary_from, freq="M")
    if months.max() >= start:
        ax.axvspan(start.to_timestamp(how="start"), (months.max() + 1).to_timestamp(how="start"), color="#eeeeee",
                   zorder=0)
        ax.text(start.to_timestamp(how="start"), ax.get_ylim()[0], " 2026: may be\n preliminary\n", fontsize=8,
                va="bottom", color="#444444")
    ax.axhline(100, color="#767676", linewidth=0.8, linestyle=":")
    ax.set_xlabel("Month")
    ax.set_ylabel("Index, 2019 average = 100")
    alt = (f"Line chart of monthly series rebased to 100 = the 2019 average, {months.min()} to {months.max()}: "
           + "; ".join(parts) + ".")
    return finish_panels(fig, [ax], title="Oil price and Kazakhstan's exports, month by month",
                         source=source_line("macro_monthly", note=MONTHLY_NOTE), alt=alt)


def openness_figure(openness: pd.DataFrame) -> AltFigure | str:
    """Line chart of exports as a share of GDP, in per cent: index year, one column per source combination.

    Column names say which sources they divide (for example ``"IMF DOTS exports / World Bank GDP"``); the first
    column is drawn in the DOTS style, the second in the BNS style.
    """
    frame = openness.dropna(how="all")
    if frame.empty or frame.shape[1] == 0:
        return "Nothing to draw: no series chosen."
    fig, ax = new_figure(8.5, 4.6)
    parts = []
    for column, key in zip(frame.columns, ["exports_dots", "exports_bns", "gdp_weo", "gdp_wdi"]):
        series = frame[column].dropna()
        _line(ax, series, key, column)
        parts.append(f"{column}: {_range_text(series, '%', digits=1)}")
    ax.set_ylim(0, max(float(frame.max().max()) * 1.25, 10))
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Year")
    ax.set_ylabel("Merchandise exports, % of GDP")
    alt = "Line chart of Kazakhstan's merchandise exports as a share of GDP, in per cent. " + "; ".join(parts) + "."
    return finish_panels(fig, [ax], title="How much of the economy is exported? Merchandise exports / GDP",
                         source=source_line(*ANNUAL_TABLES, sources=("imf_dots", "wdi", "weo", "bns"),
                                            note="Own calculation."), alt=alt)
