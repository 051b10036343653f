"""Unit tests of the lesson 05 speech-themes explorer: the pure view over its whole grid, the figure, and the UI."""

import itertools
import math

import ipywidgets
import pytest
from support import first_control, shown, shown_text, walk

from betweenpowers.measures.speeches import THEMES, theme_rates
from betweenpowers.plots import AltFigure
from betweenpowers.widgets import speeches as w
from betweenpowers.widgets.common import EXPLORER_CLASS

STATE_SETS = [[]] + [[s] for s in w.STATES] + [list(w.DEFAULT_STATES), list(w.STATES)]
RANGES = [(1992, 2025), (1992, 1992), (2025, 2025), (2019, 2025), (2025, 2019), (2003, 2003), (2010, 2010)]


@pytest.fixture(scope="module")
def rates(table):
    return theme_rates(table("unga_speeches"))


@pytest.fixture(scope="module")
def expected(table):
    """Rates written independently: (iso3, year, theme) -> (hits, per_1000), counted with re over each text."""
    import re

    out = {}
    for row in table("unga_speeches").itertuples():
        for theme, words in THEMES.items():
            hits = len(re.findall(r"\b(?:" + "|".join(words) + r")\b", row.text, flags=re.IGNORECASE))
            out[(row.iso3, int(row.year), theme)] = (hits, hits / int(row.words) * 1000)
    return out


def test_speeches_view_over_the_whole_grid(rates, expected):
    """Every theme x no state, each state, the default, all x year ranges (one year, reversed, gaps)."""
    for theme, states, (a, b) in itertools.product(THEMES, STATE_SETS, RANGES):
        view = w.speeches_view(rates, theme, states, (a, b))
        where = f"{theme} {states} {(a, b)}"
        if not states:
            assert view.frame.empty and view.hits == 0, where
            continue
        first, last = min(a, b), max(a, b)
        assert list(view.frame.index) == list(range(first, last + 1)), where
        assert list(view.frame.columns) == [s for s in w.STATES if s in states], where
        n = hits = 0
        for year, state in itertools.product(range(first, last + 1), view.frame.columns):
            value = view.frame.loc[year, state]
            if (state, year, theme) in expected:
                n += 1
                hits += expected[(state, year, theme)][0]
                assert math.isclose(value, expected[(state, year, theme)][1]), where
            else:
                assert math.isnan(value), f"{where}: {state} {year} has no speech"
        assert (view.speeches, view.hits) == (n, hits), where
        figure = w.speeches_figure(view) if states == list(w.DEFAULT_STATES) and (a, b) == (2019, 2025) else None
        assert figure is None or isinstance(figure, (AltFigure, str)), where


def test_figure_and_messages(rates):
    figure = w.speeches_figure(w.speeches_view(rates, "Climate and water"))
    assert isinstance(figure, AltFigure) and "Kazakhstan" in figure.alt and "Hollow markers" in figure.alt
    assert "Tick at least one state" in w.speeches_figure(w.speeches_view(rates, "Afghanistan", []))
    assert "No speech" in w.speeches_figure(w.speeches_view(rates, "Afghanistan", ["TKM"], (2003, 2003)))


def test_speeches_explorer_counts_the_dictionary_it_is_given(table):
    """A student's own dictionary reaches the explorer: its themes are the dropdown's options, and a new keyword
    moves the figure."""
    speeches = table("unga_speeches")
    box = w.speeches_explorer(theme_rates(speeches, {"Water only": ["water"], "Aral": ["Aral"]}))
    assert EXPLORER_CLASS in box._dom_classes
    output = next(x for x in walk(box) if isinstance(x, ipywidgets.Output))
    dropdown = next(x for x in walk(box) if isinstance(x, ipywidgets.Dropdown))
    assert list(dropdown.options) == ["Water only", "Aral"] and shown(output) == "figure"
    assert isinstance(first_control(box), ipywidgets.Checkbox)
    before = shown_text(output)
    wider = w.speeches_explorer(theme_rates(speeches, {"Water only": ["water", "glacier\\w*"]}))
    after = shown_text(next(x for x in walk(wider) if isinstance(x, ipywidgets.Output)))
    assert before != after
