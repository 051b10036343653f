"""Lesson 05 explorer: how often a theme comes up in General Debate speeches, per 1,000 words, by state and year.

``speeches_view`` (pure, tested over its whole grid) keeps one theme, the chosen states and years of a rates table
from :func:`betweenpowers.measures.speeches.theme_rates` (so a dictionary the student edited shows here too);
``speeches_figure`` draws one line per state, with the 2025 statements (raw PDF text from another source; Russia's
is in Russian, so an English dictionary finds nothing in it) as hollow markers; ``speeches_explorer`` wires one
checkbox per state (the first controls), a theme dropdown and a years range slider to one ``Output``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd

from betweenpowers.data import source_line
from betweenpowers.measures.sponsorship import STATE_NAMES
from betweenpowers.plots import AltFigure, finish, new_figure
from betweenpowers.widgets.common import FrameView, explorer_box, show_in
from betweenpowers.widgets.sponsorship import state_style

#: States of the checkboxes, in their order (the eight states of the speeches table).
STATES: tuple[str, ...] = ("KAZ", "UZB", "KGZ", "TJK", "TKM", "RUS", "CHN", "USA")

#: States ticked when the explorer opens.
DEFAULT_STATES: tuple[str, ...] = ("KAZ", "UZB", "RUS")

#: The first year whose texts are raw PDF text from another source (drawn hollow).
RAW_PDF_YEAR = 2025

_NO_STATE = "Tick at least one state to draw the chart."


@dataclass(frozen=True)
class SpeechesView(FrameView):
    """Mentions of one theme per 1,000 words: years (rows) x chosen states (columns); NaN where no speech."""

    frame: pd.DataFrame
    theme: str
    hits: int
    speeches: int


def speeches_view(rates: pd.DataFrame, theme: str, states: Sequence[str] = DEFAULT_STATES,
                  years: tuple[int, int] = (1992, 2025)) -> SpeechesView:
    """The rate of ``theme`` per 1,000 words for the chosen states and years (ends in either order), with the
    number of keyword matches and of speeches behind it. No state chosen: an empty frame."""
    first, last = sorted(int(y) for y in years)
    chosen = [state for state in STATES if state in set(states)]
    rows = rates[(rates["theme"] == theme) & rates["iso3"].isin(chosen) & rates["year"].between(first, last)]
    if not chosen:
        return SpeechesView(pd.DataFrame(index=pd.Index([], name="year", dtype=int)), theme, 0, 0)
    frame = rows.pivot_table(index="year", columns="iso3", values="per_1000", aggfunc="sum")
    frame = frame.reindex(index=pd.RangeIndex(first, last + 1, name="year"),
                          columns=pd.Index(chosen, name="iso3")).astype(float)
    return SpeechesView(frame, theme, int(rows["hits"].sum()), len(rows))


def describe_speeches(view: SpeechesView) -> str:
    """Alt text: the theme, the years, how many speeches and matches, each state's highest rate."""
    frame = view.frame
    peaks = []
    for state in frame.columns:
        values = frame[state].dropna()
        name = STATE_NAMES.get(state, state)
        peaks.append(f"{name} highest {values.max():.1f} in {int(values.idxmax())}" if len(values)
                     else f"{name} no speech")
    return (f"Line chart of mentions of the theme '{view.theme}' per 1,000 words in General Debate speeches, "
            f"{int(frame.index.min())} to {int(frame.index.max())}: {view.speeches} speeches, {view.hits} keyword "
            f"matches. " + "; ".join(peaks) + ". Hollow markers: 2025 statements taken from PDF text.")


def speeches_figure(view: SpeechesView) -> AltFigure | str:
    """One line per state; 2025 (raw PDF text, another source) drawn with hollow markers."""
    if view.frame.empty:
        return _NO_STATE
    frame = view.frame
    if view.speeches == 0:
        return (f"No speech of {', '.join(STATE_NAMES.get(s, s) for s in frame.columns)} in "
                f"{int(frame.index.min())}-{int(frame.index.max())}: choose other years or states.")
    fig, ax = new_figure(8.5, 4.5)
    for state in frame.columns:
        style = state_style(state)
        ax.plot(frame.index, frame[state], color=style.color, marker=style.marker, linestyle=style.linestyle,
                markersize=4, linewidth=2.2 if state == "KAZ" else 1.2, label=STATE_NAMES.get(state, state))
        raw = frame.loc[frame.index >= RAW_PDF_YEAR, state].dropna()
        ax.plot(raw.index, raw, linestyle="", marker=style.marker, markersize=9, markerfacecolor="white",
                markeredgecolor=style.color)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=8, frameon=False, loc="upper left", ncol=4)
    ax.set_ylim(top=max(ax.get_ylim()[1], 1.0) * 1.2)
    return finish(
        fig, ax,
        title=f"'{view.theme}' in General Debate speeches ({view.speeches} speeches, {view.hits} matches)",
        xlabel="Year of the General Debate",
        ylabel="Keyword matches per 1,000 words",
        source=source_line("unga_speeches", note="Own calculation with the lesson's theme dictionary; hollow: "
                                                  "2025, raw PDF text."),
        alt=describe_speeches(view),
    )


def speeches_explorer(rates: pd.DataFrame) -> widgets.VBox:
    """Explorer of speech themes: tick states, choose the theme, move the years (``rates`` from ``theme_rates``)."""
    themes = list(dict.fromkeys(rates["theme"]))
    first, last = int(rates["year"].min()), int(rates["year"].max())
    boxes = {state: widgets.Checkbox(value=state in DEFAULT_STATES, description=STATE_NAMES[state], indent=False,
                                     layout=widgets.Layout(width="auto")) for state in STATES}
    chooser = widgets.Dropdown(options=themes, value=themes[0], description="Theme")
    span = widgets.IntRangeSlider(value=(first, last), min=first, max=last, step=1, description="Years",
                                  continuous_update=False, layout=widgets.Layout(width="50%"))
    output = widgets.Output()

    def redraw(_change: object = None) -> None:
        chosen = [state for state, box in boxes.items() if box.value]
        show_in(output, speeches_figure(speeches_view(rates, chooser.value, chosen, span.value)))

    for control in (*boxes.values(), chooser, span):
        control.observe(redraw, names="value")
    redraw()
    state_row = widgets.HBox([widgets.Label("States:"), *boxes.values()], layout=widgets.Layout(flex_flow="row wrap"))
    return explorer_box([state_row, widgets.HBox([chooser, span]), output])
