"""Lesson 05 explorer: agenda-setting and balancing events in two eras, split at a boundary year.

``eras_view`` (pure, tested over its whole grid) splits the events table at a boundary year into an earlier and a
later era, keeps the chosen category groups, and measures each era by mode: the number of events, the share of each
mode, or events per calendar year (the eras differ in length, so counts alone mislead). ``eras_figure`` draws it as
bars (agenda-setting filled, balancing hatched), and ``eras_explorer`` wires one checkbox per category group (the
first controls), a boundary-year slider and a measure dropdown to one ``Output``.

``yearly_figure`` draws the year-by-year picture behind the eras
(:func:`betweenpowers.measures.events.yearly_counts`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import ipywidgets as widgets
import pandas as pd
from matplotlib.patches import Patch

from betweenpowers.data import source_line
from betweenpowers.measures.events import CATEGORIES, MODE_LABELS, MODES
from betweenpowers.plots import AltFigure, finish, new_figure
from betweenpowers.widgets.common import explorer_box, show_in
from betweenpowers.widgets.events import COUNT_SOURCE_NOTE

#: Category groups of the explorer's checkboxes: label -> categories of the events table. The five kinds of event
#: the lesson follows get a box each; the three others share the last one. Together they cover every category once.
CATEGORY_GROUPS: dict[str, tuple[str, ...]] = {
    "Hosted summits": ("hosted_summit",),
    "Mediation": ("mediation",),
    "UN initiatives": ("un_initiative",),
    "Non-proliferation": ("nonproliferation",),
    "Corridors": ("corridor_connectivity",),
    "Forums, treaties, security": ("initiated_forum", "treaty_or_membership", "security_alignment"),
}

#: Measures of the dropdown, in its order: key -> label shown.
MEASURES: dict[str, str] = {
    "count": "Number of events",
    "share": "Share agenda-setting",
    "per_year": "Events per year",
}

#: The year the second era starts by default: Tokayev became president in March 2019, and no event of 2019 in the
#: table falls before that month (the lesson checks this), so splitting by year equals splitting by date.
DEFAULT_BOUNDARY = 2019

#: Columns of :func:`eras_view`.
VIEW_COLUMNS = ["first_year", "last_year", "years", "events", "agenda_setting", "balancing"]

#: How each mode is drawn: filled dark grey for agenda-setting, white with hatching for balancing (as the filled
#: and hollow markers of lesson 01), so the two differ in fill and pattern, not in colour.
MODE_STYLE: dict[str, dict[str, object]] = {
    "agenda_setting": {"facecolor": "#444444", "edgecolor": "#222222", "hatch": None},
    "balancing": {"facecolor": "white", "edgecolor": "#222222", "hatch": "///"},
}

#: The modes in the order they are drawn and described: agenda-setting first.
_ORDER = ("agenda_setting", "balancing")

_UNITS = {
    "count": "Events (count)",
    "share": "Share of events coded agenda-setting (0-1)",
    "per_year": "Events per calendar year in the era",
}

_NO_GROUP = ("Tick at least one category group (Hosted summits, Mediation, UN initiatives, Non-proliferation, "
             "Corridors, or Forums, treaties, security) to draw the chart.")


def group_categories(groups: Sequence[str]) -> list[str]:
    """The categories of the chosen group labels, in the order of the coding rule; unknown labels are ignored."""
    chosen = {label for label in groups if label in CATEGORY_GROUPS}
    wanted = {category for label in chosen for category in CATEGORY_GROUPS[label]}
    return [category for category in CATEGORIES if category in wanted]


def year_span(table: pd.DataFrame) -> tuple[int, int]:
    """First and last year of the events table (the eras run from the first to the last year, inclusive)."""
    years = table["year"].to_numpy(dtype=int)
    return int(years.min()), int(years.max())


def _year_range_label(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def era_labels(table: pd.DataFrame, boundary: int) -> tuple[str, str]:
    """Labels of the two eras, e.g. ('1991–2018', '2019–2025'); ValueError if the boundary leaves an era empty."""
    first, last = year_span(table)
    boundary = int(boundary)
    if not first < boundary <= last:
        raise ValueError(f"the boundary year must be between {first + 1} and {last} (the table covers "
                         f"{first}-{last}), so that both eras have at least one year; got {boundary}")
    return _year_range_label(first, boundary - 1), _year_range_label(boundary, last)


def eras_view(
    table: pd.DataFrame,
    boundary: int = DEFAULT_BOUNDARY,
    groups: Sequence[str] = tuple(CATEGORY_GROUPS),
    measure: str = "per_year",
) -> pd.DataFrame:
    """The two eras side by side, measured by mode, for the chosen category groups.

    ``table`` is :func:`betweenpowers.data.load_diplomatic_events`. The first era runs from the table's first year
    to ``boundary - 1``, the second from ``boundary`` to the table's last year (calendar years, both inclusive).
    ``groups`` are labels of :data:`CATEGORY_GROUPS`; unknown labels are ignored, and none gives an empty frame.
    ``measure`` is a key of :data:`MEASURES`.

    One row per era (index: the era's label, e.g. '1991–2018'). Columns: ``first_year``, ``last_year``, ``years``
    (the era's length in calendar years), ``events`` (number of events in the chosen groups), and, for each mode,
    ``agenda_setting`` and ``balancing``:

    * ``count``: the number of events of that mode (int);
    * ``share``: events of that mode / events in the era (the two add up to 1; NaN when the era has no event);
    * ``per_year``: events of that mode / years in the era.
    """
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {tuple(MEASURES)}, not {measure!r}")
    labels = era_labels(table, boundary)
    first, last = year_span(table)
    categories = group_categories(groups)
    if not categories:
        return pd.DataFrame(index=pd.Index([], name="era", dtype=object), columns=VIEW_COLUMNS)
    boundary = int(boundary)
    chosen = table["category"].isin(categories).to_numpy(dtype=bool)
    later = table["year"].to_numpy(dtype=int) >= boundary
    agenda = table["mode"].to_numpy(dtype=str) == "agenda_setting"
    years = [boundary - first, last - boundary + 1]
    columns: dict[str, list] = {"first_year": [first, boundary], "last_year": [boundary - 1, last], "years": years,
                                "events": [], "agenda_setting": [], "balancing": []}
    for era_is_later, n_years in zip((False, True), years):
        in_era = chosen & (later == era_is_later)
        n = {"agenda_setting": int((in_era & agenda).sum()), "balancing": int((in_era & ~agenda).sum())}
        total = n["agenda_setting"] + n["balancing"]
        columns["events"].append(total)
        for mode in _ORDER:
            if measure == "count":
                columns[mode].append(n[mode])
            elif measure == "share":
                columns[mode].append(n[mode] / total if total else math.nan)
            else:
                columns[mode].append(n[mode] / n_years)
    return pd.DataFrame(columns, index=pd.Index(list(labels), name="era", dtype=object))[VIEW_COLUMNS]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _groups_phrase(groups: Sequence[str]) -> str:
    chosen = [label for label in CATEGORY_GROUPS if label in set(groups)]
    if len(chosen) == len(CATEGORY_GROUPS):
        return "all categories"
    return ", ".join(chosen)


def _value_text(value: float, measure: str) -> str:
    if pd.isna(value):
        return "no events"
    if measure == "count":
        return str(int(value))
    return f"{value:.2f}"


def describe_eras(view: pd.DataFrame, measure: str = "per_year",
                  groups: Sequence[str] = tuple(CATEGORY_GROUPS)) -> str:
    """Alt text for the eras chart: the eras, their lengths and event counts, and the plotted values in numbers."""
    if view.empty:
        return "Empty chart: no category group chosen."
    eras = "; ".join(f"{era} ({_plural(int(row['years']), 'year')}, {_plural(int(row['events']), 'event')})"
                     for era, row in view.iterrows())
    if measure == "share":
        values = "; ".join(f"{era}: {_value_text(row['agenda_setting'], measure)}" for era, row in view.iterrows())
        shown = f"Share of events coded agenda-setting: {values}."
    else:
        parts = []
        for mode in _ORDER:
            series = " then ".join(_value_text(v, measure) for v in view[mode])
            parts.append(f"{MODE_LABELS[mode]} {series}")
        shown = f"{MEASURES[measure]}, earlier era then later era: {'; '.join(parts)}."
    return (f"Bar chart comparing Kazakhstan's diplomatic events in two eras, {_groups_phrase(groups)}. "
            f"Eras: {eras}. {shown}")


def _title(measure: str, groups: Sequence[str], labels: Sequence[str]) -> str:
    what = {"count": "How many events", "share": "What share of events set agendas",
            "per_year": "How many events per year"}[measure]
    title = f"{what}, {labels[0]} and {labels[1]}?"
    phrase = _groups_phrase(groups)
    return title if phrase == "all categories" else f"{title}\n({phrase})"


def eras_figure(view: pd.DataFrame, measure: str = "per_year",
                groups: Sequence[str] = tuple(CATEGORY_GROUPS)) -> AltFigure | str:
    """Bar chart of an :func:`eras_view`, or a message when there is nothing to draw.

    ``count`` and ``per_year``: for each era a filled bar (agenda-setting) and a hatched bar (balancing), each with
    its value written above it. ``share``: one filled bar per era with the share and 'k of n events' above it.
    """
    if view.empty:
        return _NO_GROUP
    if int(view["events"].sum()) == 0:
        return (f"No event in {_groups_phrase(groups)} in {view.index[0]} or {view.index[1]}: tick more category "
                "groups or move the boundary.")
    fig, ax = new_figure(9.0, 4.6)
    positions = range(len(view))
    tick_labels = [f"{era}\n{_plural(int(row['years']), 'year')}, {_plural(int(row['events']), 'event')}"
                   for era, row in view.iterrows()]
    if measure == "share":
        for x, (_era, row) in zip(positions, view.iterrows()):
            share = row["agenda_setting"]
            if pd.isna(share):
                ax.text(x, 0.02, "no events", ha="center", va="bottom", fontsize=9)
                continue
            ax.bar(x, share, width=0.5, **MODE_STYLE["agenda_setting"], linewidth=1.2)
            agenda = round(share * row["events"])
            ax.text(x, share + 0.02, f"{share:.2f}\n({agenda} of {int(row['events'])} events)", ha="center",
                    va="bottom", fontsize=9)
        ax.axhline(0.5, color="#767676", linestyle="--", linewidth=1)
        ax.text(len(view) - 0.55, 0.51, "half", color="#555555", fontsize=8, va="bottom")
        ax.set_ylim(0, 1.15)
        ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0])
        ax.legend(handles=[Patch(**MODE_STYLE["agenda_setting"], label="agenda-setting share")], frameon=False,
                  loc="upper left")
    else:
        width = 0.36
        top = float(view[list(MODES)].to_numpy(dtype=float).max())
        for offset, mode in zip((-width / 2, width / 2), _ORDER):
            values = view[mode].astype(float).to_numpy()
            xs = [x + offset for x in positions]
            encoding = "filled" if mode == "agenda_setting" else "hatched"
            ax.bar(xs, values, width=width, label=f"{MODE_LABELS[mode]} ({encoding})", linewidth=1.2,
                   **MODE_STYLE[mode])
            for x, value in zip(xs, values):
                ax.text(x, value + top * 0.02, _value_text(value, measure), ha="center", va="bottom", fontsize=9)
        ax.set_ylim(0, top * 1.18 if top > 0 else 1)
    ax.set_xticks(list(positions), tick_labels)
    ax.set_xlim(-0.6, len(view) - 0.4)
    ax.grid(False, axis="x")
    return finish(
        fig, ax,
        title=_title(measure, groups, list(view.index)),
        xlabel="Era (calendar years, both ends included)",
        ylabel=_UNITS[measure],
        source=source_line("diplomatic_events", note=COUNT_SOURCE_NOTE),
        alt=describe_eras(view, measure, groups),
    )


def eras_explorer(table: pd.DataFrame, boundary: int = DEFAULT_BOUNDARY, measure: str = "per_year") -> widgets.VBox:
    """Explorer of the two eras: tick category groups, move the boundary year, choose the measure."""
    first, last = year_span(table)
    start = min(max(int(boundary), first + 1), last)
    boxes = {label: widgets.Checkbox(value=True, description=label, indent=False,
                                     layout=widgets.Layout(width="auto")) for label in CATEGORY_GROUPS}
    year = widgets.IntSlider(value=start, min=first + 1, max=last, step=1, description="Era 2 from",
                             continuous_update=False, style={"description_width": "initial"},
                             layout=widgets.Layout(width="55%"))
    chooser = widgets.Dropdown(options=[(text, key) for key, text in MEASURES.items()], value=measure,
                               description="Measure")
    output = widgets.Output()

    def redraw(_change: object = None) -> None:
        chosen = [label for label, box in boxes.items() if box.value]
        view = eras_view(table, year.value, chosen, chooser.value)
        show_in(output, eras_figure(view, chooser.value, chosen))

    for control in (*boxes.values(), year, chooser):
        control.observe(redraw, names="value")
    redraw()
    group_row = widgets.HBox([widgets.Label("Categories:"), *boxes.values()],
                             layout=widgets.Layout(flex_flow="row wrap"))
    return explorer_box([group_row, widgets.HBox([year, chooser]), output])


def describe_yearly(counts: pd.DataFrame, boundary: int | None = None) -> str:
    """Alt text for the yearly chart: years, total, the busiest years and the years without events."""
    totals = counts.sum(axis=1)
    busiest = totals[totals == totals.max()]
    empty = [str(y) for y in totals.index[totals == 0]]
    text = (f"Stacked bar chart of Kazakhstan's diplomatic events per year, {counts.index.min()} to "
            f"{counts.index.max()}: {int(totals.sum())} events, {int(counts['agenda_setting'].sum())} agenda-setting "
            f"(filled) and {int(counts['balancing'].sum())} balancing (hatched). Most events in one year: "
            f"{int(busiest.iloc[0])} (in {', '.join(str(y) for y in busiest.index)}). "
            f"Years without an event: {len(empty)}.")
    if boundary is not None:
        text += f" A dashed line marks the start of {int(boundary)}."
    return text


def yearly_figure(counts: pd.DataFrame, boundary: int | None = DEFAULT_BOUNDARY) -> AltFigure:
    """Stacked bars of :func:`~betweenpowers.measures.events.yearly_counts`: agenda-setting filled at the bottom,
    balancing hatched on top."""
    fig, ax = new_figure(9.0, 4.2)
    years = counts.index.to_numpy()
    ax.bar(years, counts["agenda_setting"], width=0.8, linewidth=1, label="agenda-setting (filled)",
           **MODE_STYLE["agenda_setting"])
    ax.bar(years, counts["balancing"], bottom=counts["agenda_setting"], width=0.8, linewidth=1,
           label="balancing (hatched)", **MODE_STYLE["balancing"])
    if boundary is not None:
        ax.axvline(int(boundary) - 0.5, color="#000000", linestyle="--", linewidth=1.2)
        ax.text(int(boundary) - 0.7, counts.sum(axis=1).max(), f"era 2 from {int(boundary)}", ha="right",
                va="top", fontsize=8)
    ax.set_xlim(years.min() - 0.8, years.max() + 0.8)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.grid(False, axis="x")
    return finish(
        fig, ax,
        title="Kazakhstan's diplomatic events per year, by Kazakhstan's role",
        xlabel="Year",
        ylabel="Events in the table (count)",
        source=source_line("diplomatic_events", note=COUNT_SOURCE_NOTE),
        alt=describe_yearly(counts, boundary),
    )
