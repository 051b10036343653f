"""Lesson 03: UN vote agreement by partner, issue, country, years and abstention rule, and the lesson's figures.

The explorer works on the long table of :func:`betweenpowers.measures.issues.agreement_table` (computed once from
``unga_votes`` and ``unga_roll_calls``):

* :func:`votes_view` (pure, tested over its whole grid) picks one comparison country, the ticked partners, an
  issue, a year range and an abstention rule, and returns agreement by year with the number of roll calls behind
  each value;
* :func:`votes_figure` draws it, or returns a message when there is nothing to draw;
* :func:`votes_explorer` wires partner checkboxes (the first controls), country, issue and rule dropdowns and a
  year slider to one ``Output``.

The static figures of the lesson are here too: :func:`issue_figure` and :func:`neighbours_figure` (dot plots),
:func:`ideal_point_figure` (one vintage of ideal points, with thin estimates marked) and :func:`rules_figure`
(one partner under the three abstention rules).
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets
import numpy as np
import pandas as pd

from betweenpowers.data import source_line
from betweenpowers.measures.ideal_points import VINTAGES, ideal_points
from betweenpowers.measures.issues import ISSUE_LABELS, LAST_CODED_YEAR
from betweenpowers.measures.votes import AGREEMENT_RULES, MAIN_SERIES_YEARS, RULE_LABELS, check_rule
from betweenpowers.plots import AltFigure, finish, new_figure, style_for
from betweenpowers.vectors import GREAT_POWERS, country_name
from betweenpowers.widgets.agreement import votes_source
from betweenpowers.widgets.common import explorer_box, show_in

#: Countries the explorer compares: Kazakhstan first, then its Central Asian neighbours, Belarus, the South Caucasus,
#: Ukraine and Turkey (the post-Soviet states of ``unga_votes`` and Turkey; all are in ``unga_votes``).
COMPARISON_COUNTRIES: tuple[str, ...] = ("KAZ", "UZB", "KGZ", "TJK", "TKM", "BLR", "AZE", "ARM", "GEO", "UKR", "TUR")

#: Year range of the main series (:data:`betweenpowers.measures.votes.MAIN_SERIES_SOURCES`).
YEARS: tuple[int, int] = MAIN_SERIES_YEARS

ISSUE_NOTE = f"Issue codes exist only for Voeten roll calls (1992-{LAST_CODED_YEAR})."

#: The tables every agreement figure of the lesson is computed from (through ``agreement_table`` or by hand).
VOTES_TABLES: tuple[str, ...] = ("unga_votes", "unga_roll_calls")

_NO_PARTNER = "Choose at least one partner (USA, Russia or China) to draw the chart."
_MARKERS_FOR_RULES: dict[str, tuple[str, str]] = {
    "identical": ("v", ":"),
    "half": ("s", "--"),
    "excluding_abstentions": ("^", "-"),
}


def _check(rule: str, issue: str, country: str) -> None:
    check_rule(rule)
    if issue not in ISSUE_LABELS:
        raise ValueError(f"issue must be one of {tuple(ISSUE_LABELS)}, not {issue!r}")
    if not isinstance(country, str) or not country:
        raise ValueError(f"country must be an ISO3 code such as 'KAZ', not {country!r}")


def _equals(column: pd.Series, value: str) -> np.ndarray:
    """``column == value`` as a numpy array; fast on categorical columns (compares integer codes)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        categories = column.cat.categories
        if value not in categories:
            return np.zeros(len(column), dtype=bool)
        return column.cat.codes.to_numpy() == categories.get_loc(value)
    return (column.astype(str).to_numpy() == value)


def _empty_view(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns=columns, index=pd.Index([], name="year", dtype=int), dtype=float)


def votes_view(
    table: pd.DataFrame,
    partners: Sequence[str],
    country: str = "KAZ",
    issue: str = "all",
    years: tuple[int, int] = YEARS,
    rule: str = "half",
) -> pd.DataFrame:
    """Yearly agreement of ``country`` with each chosen partner on one issue, under one abstention rule.

    ``table`` is :func:`betweenpowers.measures.issues.agreement_table`. ``partners`` are labels of
    :data:`betweenpowers.vectors.GREAT_POWERS` (unknown labels are ignored); ``issue`` is a key of
    :data:`~betweenpowers.measures.issues.ISSUE_LABELS`; ``years`` is inclusive, in either order.

    Returns index year (only years with at least one counted roll call for a chosen partner), one column per
    chosen partner label (agreement, 0-1) and then one column ``"n: <label>"`` per partner (the number of roll
    calls counted). No partner, or no data in the years, gives an empty frame with those columns.
    """
    _check(rule, issue, country)
    first, last = sorted((int(years[0]), int(years[1])))
    chosen = [label for label in GREAT_POWERS if label in set(partners)]
    codes = {GREAT_POWERS[label]: label for label in chosen}
    columns = chosen + [f"n: {label}" for label in chosen]
    if not chosen:
        return _empty_view(columns)
    year = table["year"].to_numpy()
    keep = (_equals(table["iso3"], country) & _equals(table["issue"], issue) & _equals(table["rule"], rule)
            & (year >= first) & (year <= last))
    year = year[keep].astype(int)
    agreement = table["agreement"].to_numpy(dtype=float)[keep]
    counts = table["n_votes"].to_numpy()[keep]
    index = np.unique(year)
    if index.size == 0:
        return _empty_view(columns)
    data: dict[str, np.ndarray] = {}
    n_data: dict[str, np.ndarray] = {}
    for code, label in codes.items():
        mine = _equals(table["partner"], code)[keep]
        values = np.full(index.size, np.nan)
        n_votes = np.zeros(index.size, dtype=int)
        where = np.searchsorted(index, year[mine])
        values[where] = agreement[mine]
        n_votes[where] = counts[mine]
        data[label], n_data[f"n: {label}"] = values, n_votes
    has_data = np.column_stack(list(n_data.values())).sum(axis=1) > 0
    if not has_data.any():
        return _empty_view(columns)
    view = pd.DataFrame({**data, **n_data}, index=pd.Index(index, name="year"))
    return view[has_data]


def _agreement_columns(view: pd.DataFrame) -> list[str]:
    return [c for c in view.columns if not str(c).startswith("n: ")]


#: A yearly agreement resting on fewer roll calls than this is drawn with a hollow marker ("could this be chance?").
THIN_ROLL_CALLS = 10
THIN_NOTE = f"Hollow markers: fewer than {THIN_ROLL_CALLS} roll calls behind the point"


def _thin_years(view: pd.DataFrame) -> list[int]:
    """Years in which some drawn line rests on fewer than :data:`THIN_ROLL_CALLS` roll calls."""
    lines = _agreement_columns(view)
    if view.empty or not lines:
        return []
    counts = view[[f"n: {c}" for c in lines]]
    thin = (counts < THIN_ROLL_CALLS) & view[lines].notna().to_numpy()
    return [int(year) for year in view.index[thin.any(axis=1)]]


def describe_votes(view: pd.DataFrame, country: str = "KAZ", issue: str = "all", rule: str = "half") -> str:
    """Alt text for :func:`votes_figure`: what is plotted, the years, each line's range and the roll calls behind it."""
    lines = _agreement_columns(view)
    if view.empty or not lines:
        return "Empty chart: no partner chosen or no roll calls in the years chosen."
    parts = []
    for column in lines:
        series = view[column].dropna()
        if series.empty:
            continue
        parts.append(f"{column} from {series.min():.2f} (in {int(series.idxmin())}) "
                     f"to {series.max():.2f} (in {int(series.idxmax())})")
    counts = view[[f"n: {c}" for c in lines]].to_numpy()
    issue_text = "all roll calls" if issue == "all" else f"roll calls on {ISSUE_LABELS[issue].lower()}"
    return (f"Line chart of {country_name(country)}'s yearly UN General Assembly vote agreement with "
            f"{', '.join(lines)}, {issue_text}, {int(view.index.min())} to {int(view.index.max())}, "
            f"{RULE_LABELS[rule]}, on a scale from 0 (always opposed) to 1 (always the same). "
            f"Ranges: {'; '.join(parts)}. Each yearly value rests on {int(counts.min())} to {int(counts.max())} "
            "roll calls." + _thin_sentence(view) + ("" if issue == "all" else f" {ISSUE_NOTE}"))


def _thin_sentence(view: pd.DataFrame) -> str:
    years = _thin_years(view)
    if not years:
        return ""
    return (f" Hollow markers for the {len(years)} year{'s' * (len(years) != 1)} with fewer than {THIN_ROLL_CALLS} "
            f"roll calls: {', '.join(map(str, years))}.")


def no_data_message(country: str, issue: str, years: tuple[int, int]) -> str:
    """What to tell the student when a chosen country, issue and year range hold no roll calls."""
    first, last = sorted((int(years[0]), int(years[1])))
    if issue != "all" and first > LAST_CODED_YEAR:
        return (f"No roll calls coded under '{ISSUE_LABELS[issue]}' in {first}-{last}. {ISSUE_NOTE} "
                f"Choose 'All roll calls', or years up to {LAST_CODED_YEAR}.")
    return (f"No roll calls with a vote by {country_name(country)} in {first}-{last}. "
            f"The main series covers {YEARS[0]}-{YEARS[1]}.")


def votes_figure(view: pd.DataFrame, country: str = "KAZ", issue: str = "all", rule: str = "half",
                 years: tuple[int, int] | None = None) -> AltFigure | str:
    """Line chart of a :func:`votes_view`, or a message when there is nothing to draw."""
    lines = _agreement_columns(view)
    if not lines:
        return _NO_PARTNER
    if view.empty:
        return no_data_message(country, issue, years if years is not None else YEARS)
    fig, ax = new_figure()
    for column in lines:
        style = style_for(column)
        ax.plot(view.index, view[column], label=column, color=style.color, marker=style.marker, markersize=4,
                linestyle=style.linestyle, linewidth=2)
        thin = view[view[f"n: {column}"] < THIN_ROLL_CALLS]
        if not thin.empty:  # hollow markers: a point that rests on few roll calls
            ax.plot(thin.index, thin[column], linestyle="none", marker=style.marker, markersize=5,
                    markerfacecolor="white", markeredgecolor=style.color, markeredgewidth=1.2)
    ax.set_ylim(0, 1.02)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if _thin_years(view):
        ax.text(0.01, 0.02, THIN_NOTE, transform=ax.transAxes, ha="left", va="bottom", fontsize=8, color="#444444")
    if issue != "all":
        ax.text(0.99, 0.02, ISSUE_NOTE, transform=ax.transAxes, ha="right", va="bottom", fontsize=8,
                color="#444444")
    topic = "all roll calls" if issue == "all" else ISSUE_LABELS[issue].lower()
    return finish(
        fig, ax,
        title=f"{country_name(country)}: UN vote agreement, {topic}",
        xlabel="Year",
        ylabel=f"Agreement share (0-1), {RULE_LABELS[rule]}",
        source=votes_source(view.index, VOTES_TABLES),
        alt=describe_votes(view, country, issue, rule),
    )


def votes_explorer(table: pd.DataFrame) -> widgets.VBox:
    """Explorer of UN vote agreement: tick partners, choose the country, issue, years and abstention rule."""
    boxes = {label: widgets.Checkbox(value=True, description=label, indent=False,
                                     layout=widgets.Layout(width="auto")) for label in GREAT_POWERS}
    country = widgets.Dropdown(options=[(country_name(c), c) for c in COMPARISON_COUNTRIES], value="KAZ",
                               description="Country")
    issue = widgets.Dropdown(options=[(text, key) for key, text in ISSUE_LABELS.items()], value="all",
                             description="Issue")
    years = widgets.IntRangeSlider(value=YEARS, min=YEARS[0], max=YEARS[1], step=1, description="Years",
                                   continuous_update=False, layout=widgets.Layout(width="60%"))
    rule = widgets.Dropdown(options=[(text, key) for key, text in RULE_LABELS.items()], value="half",
                            description="Abstentions", style={"description_width": "initial"})
    output = widgets.Output()

    def redraw(_change: object = None) -> None:
        chosen = [label for label, box in boxes.items() if box.value]
        view = votes_view(table, chosen, country.value, issue.value, years.value, rule.value)
        show_in(output, votes_figure(view, country.value, issue.value, rule.value, years.value))

    for control in (*boxes.values(), country, issue, years, rule):
        control.observe(redraw, names="value")
    redraw()
    partner_row = widgets.HBox([widgets.Label("Partners:"), *boxes.values()])
    return explorer_box([partner_row, widgets.HBox([country, issue]), widgets.HBox([years, rule]), output])


# -- Static figures of the lesson --------------------------------------------------------------------------------
def _dot_plot(summary: pd.DataFrame, *, title: str, ylabel: str, source: str, alt: str,
              bold: str | None = None, xlabel: str = "Agreement share (0-1)") -> AltFigure:
    """Dots per row (y) and column (marker per partner), x from 0 to 1; rows read top to bottom."""
    rows = list(summary.index)
    height = 1.2 + 0.42 * len(rows)
    fig, ax = new_figure(8.0, max(3.2, height))
    offsets = np.linspace(-0.18, 0.18, num=max(1, summary.shape[1]))
    positions = np.arange(len(rows))[::-1]
    for offset, column in zip(offsets, summary.columns):
        style = style_for(column)
        ax.scatter(summary[column].to_numpy(dtype=float), positions + offset, label=column, color=style.color,
                   marker=style.marker, s=42, zorder=3)
    ax.set_yticks(positions, labels=rows)
    if bold is not None:
        for tick in ax.get_yticklabels():
            if tick.get_text() == bold:
                tick.set_fontweight("bold")
    ax.set_xlim(0, 1)
    ax.grid(True, axis="y", color="#eeeeee")
    return finish(fig, ax, title=title, xlabel=xlabel, ylabel=ylabel, source=source, alt=alt)


def _describe_dots(summary: pd.DataFrame, what: str) -> str:
    parts = []
    for column in summary.columns:
        values = summary[column].dropna()
        if values.empty:
            continue
        parts.append(f"with {column} from {values.min():.2f} ({values.idxmin()}) to {values.max():.2f} "
                     f"({values.idxmax()})")
    return f"Dot plot of {what}, on a scale from 0 (always opposed) to 1 (always the same): " + "; ".join(parts) + "."


def issue_figure(summary: pd.DataFrame, country: str = "KAZ", period: str = "1992-2020",
                 rule: str = "half") -> AltFigure:
    """Dot plot of agreement by issue: ``summary`` has issue labels as index and partner labels as columns."""
    name = country_name(country)
    return _dot_plot(
        summary,
        title=f"{name}: UN vote agreement by issue, {period}",
        ylabel="Issue (Voeten's codes)",
        xlabel=f"Agreement share (0-1), {RULE_LABELS[rule]}",
        source=source_line(*VOTES_TABLES, sources=("voeten_votes",),
                           note="Own calculation (issue codes of Voeten's data)."),
        alt=_describe_dots(summary, f"{name}'s UN General Assembly vote agreement by issue, {period}, "
                                    f"{RULE_LABELS[rule]}"),
    )


def neighbours_figure(summary: pd.DataFrame, period: str, rule: str = "half", highlight: str = "KAZ") -> AltFigure:
    """Dot plot of agreement by country: ``summary`` has country names as index and partner labels as columns."""
    return _dot_plot(
        summary,
        title=f"Kazakhstan and its neighbours: UN vote agreement, {period}",
        ylabel="Country",
        xlabel=f"Agreement share (0-1), {RULE_LABELS[rule]}",
        source=source_line(*VOTES_TABLES, note="Own calculation."),
        bold=country_name(highlight),
        alt=_describe_dots(summary, f"UN General Assembly vote agreement of {len(summary)} countries, {period}, "
                                    f"{RULE_LABELS[rule]}"),
    )


def ideal_point_figure(table: pd.DataFrame, countries: Sequence[str] = ("USA", "KAZ", "RUS", "CHN"),
                       vintage: str = "2026_final_passage", few_votes: int = 20,
                       years: tuple[int, int] = (1992, 2025)) -> AltFigure:
    """Ideal points of ``countries`` by year from one vintage; estimates from fewer than ``few_votes`` votes hollow.

    ``table`` is :func:`betweenpowers.data.load_unga_ideal_points`.
    """
    first, last = sorted(years)
    points = ideal_points(table, countries, vintage).loc[first:last]
    rows = table[(table["vintage"] == vintage) & table["iso3"].isin(list(countries))]
    votes = rows.pivot(index="year", columns="iso3", values="n_votes").reindex(points.index)
    fig, ax = new_figure(8.0, 5.0)
    thin_notes = []
    for code in countries:
        label = country_name(code)
        style = style_for(label)
        series = points[code]
        ax.plot(series.index, series, label=label, color=style.color, marker=style.marker, markersize=4,
                linestyle=style.linestyle, linewidth=1.8)
        thin = votes[code].lt(few_votes).fillna(False).astype(bool) & series.notna()
        if thin.any():
            ax.scatter(series.index[thin], series[thin], s=110, facecolors="white", edgecolors=style.color,
                       marker=style.marker, linewidths=1.8, zorder=4)
            for year in series.index[thin]:
                thin_notes.append(f"{label} {year}: {int(votes.loc[year, code])} votes")
    if thin_notes:  # an empty artist, so that finish() puts the hollow marker in the legend
        ax.scatter([], [], s=80, facecolors="white", edgecolors="#444444", marker="o",
                   label=f"hollow: fewer than {few_votes} votes")
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ranges = "; ".join(f"{country_name(c)} from {points[c].min():.2f} to {points[c].max():.2f}"
                       for c in countries if points[c].notna().any())
    thin_text = (f" Estimates from fewer than {few_votes} votes are drawn hollow: {', '.join(thin_notes)}."
                 if thin_notes else "")
    alt = (f"Line chart of UN General Assembly ideal points, {int(points.index.min())} to "
           f"{int(points.index.max())}, vintage {vintage} ({VINTAGES[vintage]}); higher means closer to the "
           f"US-led Western position. Ranges: {ranges}.{thin_text}")
    return finish(fig, ax, title="Where do the four states sit on the ideal-point scale?",
                  xlabel="Year", ylabel="Ideal point (model units; higher = closer to the USA)",
                  source=source_line("unga_ideal_points", note=f"Vintage {vintage}."), alt=alt)


def rules_view(table: pd.DataFrame, country: str = "KAZ", partner: str = "Russia",
               years: tuple[int, int] = YEARS) -> pd.DataFrame:
    """Agreement of ``country`` with one partner (a label of :data:`~betweenpowers.vectors.GREAT_POWERS`) under each
    abstention rule.

    Returns index year and one column per rule label (:data:`~betweenpowers.measures.votes.RULE_LABELS`), all
    roll calls. An unknown partner raises ValueError.
    """
    if partner not in GREAT_POWERS:
        raise ValueError(f"partner must be one of {tuple(GREAT_POWERS)}, not {partner!r}")
    columns = {}
    for rule in AGREEMENT_RULES:
        columns[RULE_LABELS[rule]] = votes_view(table, [partner], country, "all", years, rule)[partner]
    return pd.DataFrame(columns)


def rules_figure(view: pd.DataFrame, country: str = "KAZ", partner: str = "Russia") -> AltFigure:
    """Line chart of a :func:`rules_view`: one line per abstention rule, each with its own marker and line style."""
    fig, ax = new_figure()
    colour = style_for(partner).color
    by_label = {RULE_LABELS[rule]: rule for rule in AGREEMENT_RULES}
    for column in view.columns:
        marker, linestyle = _MARKERS_FOR_RULES[by_label[column]]
        ax.plot(view.index, view[column], label=column, color=colour, marker=marker, markersize=5,
                linestyle=linestyle, linewidth=1.8)
    ax.set_ylim(0, 1.02)
    ax.xaxis.get_major_locator().set_params(integer=True)
    parts = "; ".join(f"{c} from {view[c].min():.2f} to {view[c].max():.2f}" for c in view.columns)
    name = country_name(country)
    alt = (f"Line chart of {name}'s yearly UN General Assembly vote agreement with {partner}, "
           f"{int(view.index.min())} to {int(view.index.max())}, under three rules for abstentions, "
           f"on a scale from 0 to 1. Ranges: {parts}.")
    return finish(fig, ax, title=f"{name} and {partner}: one set of votes, three rules for abstentions",
                  xlabel="Year", ylabel="Agreement share (0-1)",
                  source=votes_source(view.index, VOTES_TABLES), alt=alt)
