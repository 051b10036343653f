"""Lesson 01 explorer: the timeline of Kazakhstan's diplomatic events, by vector, category and mode.

``events_view`` filters the events table (pure, tested over its whole grid), ``events_figure`` draws a strip per
vector with one marker per event (filled = agenda-setting, hollow = balancing), and ``events_explorer`` wires
checkboxes (one per vector, the first controls), two dropdowns and a year slider to one ``Output``.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from betweenpowers.data import source_line
from betweenpowers.measures.events import (
    CATEGORIES,
    CATEGORY_LABELS,
    MODE_LABELS,
    MODES,
    VECTOR_LABELS,
    VECTORS,
    event_timestamps,
)
from betweenpowers.plots import AltFigure, finish, new_figure, style_for
from betweenpowers.widgets.common import explorer_box, show_in

#: Options of the mode dropdown: label shown -> value passed to :func:`events_view`.
MODE_OPTIONS: dict[str, str] = {"All": "all", "Balancing": "balancing", "Agenda-setting": "agenda_setting"}

#: Options of the category dropdown: "All", then every category in the order of the coding rule.
CATEGORY_OPTIONS: dict[str, str] = {"All": "all", **{CATEGORY_LABELS[c]: c for c in CATEGORIES}}

#: The years the lesson looks at; the explorer's slider starts here and can reach the whole table.
DEFAULT_YEARS: tuple[int, int] = (1991, 2019)

#: Notes after the credit of the events table in a source line: events drawn as coded (the timelines), and counts
#: of them (the eras of lesson 05, the regions of lesson 06).
SOURCE_NOTE = "Own coding; coding rules in data/README.md."
COUNT_SOURCE_NOTE = "Own coding and calculation; coding rules in data/README.md."

VIEW_COLUMNS = ["event_id", "when", "year", "date_precision", "title", "category", "mode", "vector"]

_NO_VECTOR = "Tick at least one vector (Russia, China, West, Regional, Global or Multi) to draw the timeline."
_CLOSE_SHARE = 0.035  # events closer than this share of the x range go on different lanes, so none hides another
_LANES = (0.0, 0.24, -0.24, 0.12, -0.12, 0.36, -0.36)
_ANNOTATE_AT_MOST = 14  # with this many events or fewer, each marker gets its event_id


class _YearLocator(mdates.YearLocator):
    """Matplotlib's YearLocator, remembering the ticks of the last view limits it was asked about.

    Laying out and drawing one figure asks a locator for its ticks some thirty times, always for the same limits
    (they are set once, with ``set_xlim``), and each answer walks a dateutil rule year by year. The ticks are the
    same; only the repeated walk is saved.
    """

    def __init__(self, base: int = 1) -> None:
        super().__init__(base)
        self._last: tuple[object, object] | None = None

    def tick_values(self, vmin, vmax):
        if self._last is None or self._last[0] != (vmin, vmax):
            self._last = ((vmin, vmax), super().tick_values(vmin, vmax))
        return self._last[1].copy()


def _vector_codes(vectors: Sequence[str]) -> list[str]:
    """Vector codes in display order from labels or codes ('Russia' or 'russia'); unknown names are ignored."""
    chosen = {str(v).strip().lower() for v in vectors}
    return [code for code in VECTORS if code in chosen]


def events_view(
    table: pd.DataFrame,
    vectors: Sequence[str] = VECTORS,
    category: str = "all",
    mode: str = "all",
    years: tuple[int, int] = DEFAULT_YEARS,
) -> pd.DataFrame:
    """The events that pass the filters, in date order, one row each.

    ``table`` is :func:`betweenpowers.data.load_diplomatic_events`. ``vectors`` are vector names, as labels
    ("Russia") or codes ("russia"); unknown names are ignored and none gives an empty frame. ``category`` is
    ``"all"`` or one of :data:`~betweenpowers.measures.events.CATEGORIES`; ``mode`` is ``"all"``,
    ``"balancing"`` or ``"agenda_setting"``; ``years`` is inclusive, in either order.

    Columns: event_id, when (the date to draw it at: mid-month when only the month is known), year,
    date_precision, title, category, mode, vector.
    """
    if category != "all" and category not in CATEGORIES:
        raise ValueError(f"category must be 'all' or one of {CATEGORIES}, not {category!r}")
    if mode != "all" and mode not in MODES:
        raise ValueError(f"mode must be 'all' or one of {MODES}, not {mode!r}")
    first, last = sorted((int(years[0]), int(years[1])))
    # Filtered and ordered on numpy arrays, then one take of the rows: the explorer redraws on every click, and the
    # grid test calls this 6,912 times.
    year = table["year"].to_numpy(dtype=int)
    keep = np.isin(table["vector"].to_numpy(dtype=object), _vector_codes(vectors)) & (year >= first) & (year <= last)
    if category != "all":
        keep &= table["category"].to_numpy(dtype=object) == category
    if mode != "all":
        keep &= table["mode"].to_numpy(dtype=object) == mode
    rows = np.flatnonzero(keep)
    when = event_timestamps(table["date"].iloc[rows]).to_numpy()
    order = np.lexsort((table["event_id"].to_numpy(dtype=object)[rows], when))
    columns = [table.columns.get_loc(name) for name in VIEW_COLUMNS if name != "when"]
    view = table.iloc[rows[order], columns].reset_index(drop=True)
    view.insert(VIEW_COLUMNS.index("when"), "when", when[order])
    return view


def _count_phrase(n: int, agenda: int) -> str:
    return f"{n} event{'' if n == 1 else 's'} ({agenda} agenda-setting, {n - agenda} balancing)"


def count_line(view: pd.DataFrame) -> str:
    """One line with the number of events shown and how many are agenda-setting, e.g. for alt text."""
    return "Count: " + _count_phrase(len(view), int((view["mode"] == "agenda_setting").sum()))


def describe_events(view: pd.DataFrame, vectors: Sequence[str] = VECTORS) -> str:
    """Alt text for the timeline: what is drawn, the years, the count line and the count per vector."""
    codes = _vector_codes(vectors)
    if not codes:
        return "Empty chart: no vector chosen."
    if view.empty:
        return "Empty chart: no event matches the filters."
    per_vector = []
    for code in codes:
        rows = view[view["vector"] == code]
        agenda = int((rows["mode"] == "agenda_setting").sum())
        per_vector.append(f"{VECTOR_LABELS[code]} {len(rows)} ({agenda} agenda-setting)")
    first, last = int(view["year"].min()), int(view["year"].max())
    return (f"Timeline of Kazakhstan's diplomatic events, {first} to {last}, one strip per vector, one marker per "
            f"event: filled for agenda-setting, hollow for balancing. {count_line(view)}. By vector: "
            f"{'; '.join(per_vector)}.")


def _lanes(when: pd.Series, close_days: float) -> list[float]:
    """Vertical offsets within one strip so that events close in time do not hide each other (deterministic)."""
    last_in_lane: dict[float, pd.Timestamp] = {}
    offsets = []
    for moment in when:
        lane = next((off for off in _LANES if off not in last_in_lane
                     or (moment - last_in_lane[off]).days >= close_days), _LANES[-1])
        last_in_lane[lane] = moment
        offsets.append(lane)
    return offsets


def _title(category: str, mode: str, first: int, last: int) -> str:
    parts = [f"Kazakhstan's diplomatic events by vector, {first}–{last}"]
    if category != "all":
        parts.append(CATEGORY_LABELS[category])
    if mode != "all":
        parts.append(f"{MODE_LABELS[mode]} only")
    return " · ".join(parts)


def events_figure(
    view: pd.DataFrame,
    vectors: Sequence[str] = VECTORS,
    years: tuple[int, int] | None = None,
    category: str = "all",
    mode: str = "all",
) -> AltFigure | str:
    """Strip chart of an :func:`events_view`: a row per chosen vector, a marker per event; or a message.

    Markers have the vector's house colour and shape; agenda-setting events are filled, balancing events hollow.
    ``years`` fixes the x range (default: the years of the events shown).
    """
    codes = _vector_codes(vectors)
    if not codes:
        return _NO_VECTOR
    if view.empty:
        where = f" in {min(years)}–{max(years)}" if years else ""
        return (f"No event matches these filters{where}. Tick more vectors, widen the years, or choose 'All' "
                "in the category or mode menu.")
    first, last = (sorted(int(y) for y in years) if years else (int(view["year"].min()), int(view["year"].max())))
    fig, ax = new_figure(9.0, 1.6 + 0.55 * len(codes))
    annotate = len(view) <= _ANNOTATE_AT_MOST
    span_days = (last - first + 1) * 365.25
    close_days = span_days * _CLOSE_SHARE * (2 if annotate else 1)
    tick_labels = []
    for row, code in enumerate(codes):
        y = len(codes) - 1 - row
        rows = view[view["vector"] == code]
        style = style_for(code)
        heights = y + pd.Series(_lanes(rows["when"], close_days), index=rows.index, dtype="float64")
        is_agenda = rows["mode"] == "agenda_setting"
        # One line of markers per kind (filled agenda-setting, hollow balancing): a row's events drawn together.
        for agenda in (True, False):
            chosen = is_agenda == agenda
            if chosen.any():
                ax.plot(rows.loc[chosen, "when"], heights[chosen], linestyle="", marker=style.marker, markersize=9,
                        markeredgewidth=1.6, markeredgecolor=style.color,
                        markerfacecolor=style.color if agenda else "white", zorder=3)
        if annotate:
            for event_id, when, height in zip(rows["event_id"], rows["when"], heights):
                ax.annotate(event_id, (when, height), xytext=(6, 3), textcoords="offset points", fontsize=7,
                            color="#333333")
        agenda_n = int((rows["mode"] == "agenda_setting").sum())
        tick_labels.append((y, f"{VECTOR_LABELS[code]}\n{len(rows)} ({agenda_n} agenda)"))
    ax.set_yticks([y for y, _ in tick_labels], [text for _, text in tick_labels], fontsize=8)
    ax.set_ylim(-0.6, len(codes) - 0.4)
    margin = pd.Timedelta(days=120)
    ax.set_xlim(pd.Timestamp(first, 1, 1) - margin, pd.Timestamp(last, 12, 31) + margin)
    span = last - first
    ax.xaxis.set_major_locator(_YearLocator(1 if span <= 6 else 2 if span <= 14 else 5))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    if span > 14:
        ax.xaxis.set_minor_locator(_YearLocator(1))
    ax.grid(True, axis="y", color="#eeeeee")
    legend = [Line2D([], [], linestyle="", marker="o", markersize=8, markeredgewidth=1.6, markeredgecolor="#444444",
                     markerfacecolor="#444444", label="agenda-setting\n(filled marker)"),
              Line2D([], [], linestyle="", marker="o", markersize=8, markeredgewidth=1.6, markeredgecolor="#444444",
                     markerfacecolor="white", label="balancing\n(hollow marker)")]
    fig.legend(handles=legend, loc="outside right upper", frameon=False, fontsize=8, title="Kazakhstan's role",
               title_fontsize=8)
    return finish(
        fig, ax,
        title=_title(category, mode, first, last),
        xlabel="Date of the event (year)",
        ylabel="Main vector (events, of which agenda-setting)",
        source=source_line("diplomatic_events", note=SOURCE_NOTE),
        alt=describe_events(view, codes),
    )


def events_explorer(table: pd.DataFrame, years: tuple[int, int] = DEFAULT_YEARS) -> widgets.VBox:
    """Explorer of the events timeline: tick vectors, choose a category and a mode, narrow the years."""
    low, high = int(table["year"].min()), int(table["year"].max())
    start = (max(low, min(years)), min(high, max(years)))
    boxes = {label: widgets.Checkbox(value=True, description=label, indent=False,
                                     layout=widgets.Layout(width="auto")) for label in VECTOR_LABELS.values()}
    category = widgets.Dropdown(options=list(CATEGORY_OPTIONS.items()), value="all", description="Category")
    mode = widgets.Dropdown(options=list(MODE_OPTIONS.items()), value="all", description="Mode")
    year_range = widgets.IntRangeSlider(value=start, min=low, max=high, step=1, description="Years",
                                        continuous_update=False, layout=widgets.Layout(width="60%"))
    output = widgets.Output()

    def redraw(_change: object = None) -> None:
        chosen = [label for label, box in boxes.items() if box.value]
        view = events_view(table, chosen, category.value, mode.value, year_range.value)
        show_in(output, events_figure(view, chosen, year_range.value, category.value, mode.value))

    for control in (*boxes.values(), category, mode, year_range):
        control.observe(redraw, names="value")
    redraw()
    vector_row = widgets.HBox([widgets.Label("Vectors:"), *boxes.values()])
    return explorer_box([vector_row, widgets.HBox([category, mode]), year_range, output])
