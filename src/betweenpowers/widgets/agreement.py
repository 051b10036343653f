"""Lesson 00 explorer: Kazakhstan's yearly UN vote agreement with the USA, Russia and China."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import ipywidgets as widgets
import pandas as pd

from betweenpowers.data import source_line
from betweenpowers.measures.votes import RULE_COLUMNS, RULE_LABELS, check_rule, main_series_source
from betweenpowers.plots import AltFigure, finish, new_figure, style_for
from betweenpowers.vectors import GREAT_POWERS, country_name
from betweenpowers.widgets.common import explorer_box, show_in


def votes_source(years: Iterable[int], tables: Sequence[str] = ("unga_agreement_yearly",),
                 note: str = "Own calculation.") -> str:
    """The source line of a figure of vote agreement in ``years``: only the vote sources those years come from.

    Each year's roll calls come from one source (:data:`betweenpowers.measures.votes.MAIN_SERIES_SOURCES`: Voeten's
    data, the UN Digital Library, DGACM), credited as ``<source>_votes`` in the data package; ``tables`` are the
    tables the figure is computed from (``unga_agreement_yearly``, or ``unga_votes`` and ``unga_roll_calls``).
    Without any year, every source of the tables is named.
    """
    used = {main_series_source(int(year)) for year in years}
    return source_line(*tables, sources=tuple(f"{source}_votes" for source in sorted(used)), note=note)


def agreement_view(
    table: pd.DataFrame,
    partners: Sequence[str],
    years: tuple[int, int],
    rule: str = "half",
    country: str = "KAZ",
    show_median: bool = False,
) -> pd.DataFrame:
    """Yearly agreement of ``country`` with each chosen partner: index year, one column per partner label.

    ``table`` is :func:`betweenpowers.data.load_unga_agreement_yearly`. ``partners`` are labels of
    :data:`betweenpowers.vectors.GREAT_POWERS`; unknown labels are ignored, and no partner gives an empty frame
    (with the year index). ``years`` is inclusive and may be given in either order. With ``show_median`` each
    partner gets a second column, "<label>: median UN member", the median agreement of all countries with that
    partner that year (the partner itself left out), as a baseline.
    """
    check_rule(rule)
    first, last = sorted((int(years[0]), int(years[1])))
    column = RULE_COLUMNS[rule]
    in_years = table[(table["year"] >= first) & (table["year"] <= last)]
    index = pd.Index(sorted(in_years["year"].unique()), name="year")
    chosen = [label for label in GREAT_POWERS if label in set(partners)]
    view = pd.DataFrame(index=index)
    for label in chosen:
        code = GREAT_POWERS[label]
        rows = in_years[(in_years["partner"] == code)]
        view[label] = rows[rows["iso3"] == country].set_index("year")[column].astype(float)
        if show_median:
            others = rows[rows["iso3"] != code]
            view[f"{label}: median UN member"] = others.groupby("year")[column].median().astype(float)
    return view


def describe_agreement(view: pd.DataFrame, country: str = "KAZ") -> str:
    """Alt text for an agreement chart: what is plotted and the range of each line, in words."""
    if view.empty or view.shape[1] == 0:
        return "Empty chart: no partner chosen."
    years = f"{int(view.index.min())} to {int(view.index.max())}"
    parts = []
    for column in view.columns:
        series = view[column].dropna()
        if series.empty:
            continue
        parts.append(f"{column} from {series.min():.2f} (in {int(series.idxmin())}) "
                     f"to {series.max():.2f} (in {int(series.idxmax())})")
    lines = "; ".join(parts)
    return (f"Line chart of {country_name(country)}'s yearly UN General Assembly vote agreement, {years}, "
            f"on a scale from 0 (always opposed) to 1 (always the same). Ranges: {lines}.")


def agreement_figure(view: pd.DataFrame, rule: str = "half", country: str = "KAZ") -> AltFigure | str:
    """Line chart of an :func:`agreement_view`, or a message when there is nothing to draw."""
    if view.shape[1] == 0 or view.empty:
        return "Choose at least one partner (and a year range with data) to draw the chart."
    fig, ax = new_figure()
    for column in view.columns:
        label = column.split(":")[0]
        style = style_for(label)
        is_baseline = column.endswith("median UN member")
        ax.plot(view.index, view[column], label=column, color=style.color,
                marker=None if is_baseline else style.marker, markersize=4,
                linestyle=":" if is_baseline else style.linestyle, linewidth=1.2 if is_baseline else 2,
                alpha=0.8 if is_baseline else 1.0)
    ax.set_ylim(0, 1)
    ax.xaxis.get_major_locator().set_params(integer=True)
    name = country_name(country)
    return finish(
        fig, ax,
        title=f"How often did {name} vote with each partner at the UN?",
        xlabel="Year",
        ylabel=f"Agreement share (0-1), {RULE_LABELS[rule]}",
        source=votes_source(view.index),
        alt=describe_agreement(view, country),
    )


def agreement_explorer(table: pd.DataFrame, country: str = "KAZ") -> widgets.VBox:
    """Explorer of yearly UN vote agreement: tick partners, choose years and the abstention rule."""
    first, last = int(table["year"].min()), int(table["year"].max())
    boxes = {label: widgets.Checkbox(value=True, description=label, indent=False,
                                     layout=widgets.Layout(width="auto")) for label in GREAT_POWERS}
    years = widgets.IntRangeSlider(value=(first, last), min=first, max=last, step=1, description="Years",
                                   continuous_update=False, layout=widgets.Layout(width="60%"))
    rule = widgets.Dropdown(options=[(text, key) for key, text in RULE_LABELS.items()], value="half",
                            description="Abstentions", style={"description_width": "initial"})
    median = widgets.Checkbox(value=False, description="Show the median UN member", indent=False)
    output = widgets.Output()

    def redraw(_change: object = None) -> None:
        chosen = [label for label, box in boxes.items() if box.value]
        view = agreement_view(table, chosen, years.value, rule.value, country, median.value)
        show_in(output, agreement_figure(view, rule.value, country))

    for control in (*boxes.values(), years, rule, median):
        control.observe(redraw, names="value")
    redraw()
    partner_row = widgets.HBox([widgets.Label("Partners:"), *boxes.values()])
    return explorer_box([partner_row, years, widgets.HBox([rule, median]), output])
