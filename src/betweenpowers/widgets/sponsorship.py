"""Lesson 05 explorer: UN General Assembly resolutions sponsored per year, by state and role, against the median
member.

``sponsorship_view`` (pure, tested over its whole grid) keeps the chosen states, role and years of
``unga_sponsorship_yearly`` and adds the median UN member as a baseline
(:mod:`betweenpowers.measures.sponsorship`); ``sponsorship_figure`` draws one line per state and the median member
as a thick dashed black line; ``sponsorship_explorer`` wires one checkbox per state (the first controls), a role
dropdown and a years range slider to one ``Output``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd

from betweenpowers.data import source_line
from betweenpowers.measures.sponsorship import (
    PEER_GROUPS,
    ROLE_LABELS,
    STATE_NAMES,
    median_member,
    sponsored_per_year,
)
from betweenpowers.plots import OKABE_ITO, AltFigure, SeriesStyle, finish, new_figure, style_for
from betweenpowers.widgets.common import FrameView, explorer_box, show_in

#: The states of the explorer's checkboxes, in their order: Kazakhstan, its neighbours, comparable states, the
#: great powers.
STATES: tuple[str, ...] = tuple(dict.fromkeys(state for group in PEER_GROUPS.values() for state in group))

#: States ticked when the explorer opens.
DEFAULT_STATES: tuple[str, ...] = ("KAZ", "UZB", "MNG", "RUS", "USA")

#: Years of the source: October 2019 to June 2026 (2026 is a half-year).
YEARS: tuple[int, int] = (2019, 2026)

#: Years shown when the explorer opens: the full calendar years (2019 from October, when most resolutions pass).
DEFAULT_YEARS: tuple[int, int] = (2019, 2025)

#: Line styles of the states without a house style (colour, marker and line style all differ).
_STYLES: dict[str, SeriesStyle] = {
    "KGZ": SeriesStyle(OKABE_ITO["bluish_green"], "v", "-"),
    "TJK": SeriesStyle(OKABE_ITO["bluish_green"], "<", "--"),
    "TKM": SeriesStyle(OKABE_ITO["bluish_green"], ">", ":"),
    "UZB": SeriesStyle(OKABE_ITO["bluish_green"], "d", "-."),
    "MNG": SeriesStyle(OKABE_ITO["reddish_purple"], "P", "-"),
    "AZE": SeriesStyle(OKABE_ITO["reddish_purple"], "X", "--"),
}

MEDIAN = "median member"

_NO_STATE = "Tick at least one state to draw the chart (the median member is drawn with them)."


def state_style(state: str) -> SeriesStyle:
    """How a state's line is drawn: the house style of its name where there is one, else this module's."""
    return _STYLES.get(state) or style_for(STATE_NAMES.get(state, state))


@dataclass(frozen=True)
class SponsorshipView(FrameView):
    """Resolutions sponsored per year (rows) by each chosen state and the median member (columns)."""

    frame: pd.DataFrame
    role: str
    years: tuple[int, int]


def sponsorship_view(yearly: pd.DataFrame, states: Sequence[str] = DEFAULT_STATES, role: str = "any",
                     years: tuple[int, int] = DEFAULT_YEARS) -> SponsorshipView:
    """The chosen states' yearly counts in ``role`` and the median member's, for ``years`` (both ends included).

    No state chosen: an empty frame. Years given in either order are put in order.
    """
    first, last = sorted(int(y) for y in years)
    chosen = [state for state in STATES if state in set(states)]
    if not chosen:
        return SponsorshipView(pd.DataFrame(index=pd.Index([], name="year", dtype=int)), role, (first, last))
    frame = sponsored_per_year(yearly, chosen, role, (first, last))
    frame[MEDIAN] = median_member(yearly, role, (first, last))
    return SponsorshipView(frame, role, (first, last))


def describe_sponsorship(view: SponsorshipView) -> str:
    """Alt text: what is plotted, the years, each state's first and last value and the median member's."""
    frame = view.frame
    first, last = int(frame.index.min()), int(frame.index.max())

    def ends(column: str) -> str:
        name = STATE_NAMES.get(column, column)
        values = frame[column]
        return f"{name} {values.iloc[0]:g} in {first} and {values.iloc[-1]:g} in {last}"

    states = [c for c in frame.columns if c != MEDIAN]
    text = (f"Line chart of UN General Assembly resolutions sponsored per year {ROLE_LABELS[view.role]}, {first} to "
            f"{last}: " + "; ".join(ends(c) for c in [*states, MEDIAN]) + ".")
    if last >= 2026:
        text += " 2026 covers January to June only."
    return text


def sponsorship_figure(view: SponsorshipView) -> AltFigure | str:
    """One line per state (colour, marker and line style differ), the median member thick, dashed and black."""
    if view.frame.empty:
        return _NO_STATE
    frame = view.frame
    fig, ax = new_figure(8.5, 4.5)
    for state in (c for c in frame.columns if c != MEDIAN):
        style = state_style(state)
        ax.plot(frame.index, frame[state], color=style.color, marker=style.marker, linestyle=style.linestyle,
                linewidth=2.2 if state == "KAZ" else 1.4, label=STATE_NAMES.get(state, state))
    ax.plot(frame.index, frame[MEDIAN], color="#000000", linestyle="--", linewidth=3, label="median UN member")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=8, ncol=3, frameon=False, loc="upper left")
    ax.set_ylim(top=ax.get_ylim()[1] * 1.2)
    note = "Own calculation; median over all 193 members, zeros included."
    if view.years[1] >= 2026:
        note += " 2026: January-June only."
    return finish(
        fig, ax,
        title=f"Resolutions sponsored per year, {ROLE_LABELS[view.role]}",
        xlabel="Year (2019: from 10 October)",
        ylabel="Resolutions adopted (count)",
        source=source_line("unga_sponsorship_yearly", note=note),
        alt=describe_sponsorship(view),
    )


def sponsorship_explorer(yearly: pd.DataFrame, role: str = "any") -> widgets.VBox:
    """Explorer of sponsorship: tick states, choose the role, move the years."""
    boxes = {state: widgets.Checkbox(value=state in DEFAULT_STATES, description=STATE_NAMES[state], indent=False,
                                     layout=widgets.Layout(width="auto")) for state in STATES}
    chooser = widgets.Dropdown(options=[(text, key) for key, text in ROLE_LABELS.items()], value=role,
                               description="Role", layout=widgets.Layout(width="45%"))
    span = widgets.IntRangeSlider(value=DEFAULT_YEARS, min=YEARS[0], max=YEARS[1], step=1, description="Years",
                                  continuous_update=False)
    output = widgets.Output()

    def redraw(_change: object = None) -> None:
        chosen = [state for state, box in boxes.items() if box.value]
        show_in(output, sponsorship_figure(sponsorship_view(yearly, chosen, chooser.value, span.value)))

    for control in (*boxes.values(), chooser, span):
        control.observe(redraw, names="value")
    redraw()
    state_row = widgets.HBox([widgets.Label("States:"), *boxes.values()], layout=widgets.Layout(flex_flow="row wrap"))
    return explorer_box([state_row, widgets.HBox([chooser, span]), output])
