"""Unit tests of the lesson 05 sponsorship explorer: the pure view over its whole grid, the figure, and the UI."""

import itertools

import ipywidgets
import pytest
from support import first_control, shown, shown_text, walk

from betweenpowers.plots import AltFigure
from betweenpowers.widgets import sponsorship as w
from betweenpowers.widgets.common import EXPLORER_CLASS

ROLES = {"main": "n_main", "additional": "n_additional", "any": "n_sponsored"}
YEARS = list(range(w.YEARS[0], w.YEARS[1] + 1))
STATE_SETS = [[]] + [[s] for s in w.STATES] + [list(w.DEFAULT_STATES), list(w.STATES)]
#: Every year range, ends in order; reversed ends are checked once each below.
RANGES = [(a, b) for a, b in itertools.product(YEARS, YEARS) if a <= b]


@pytest.fixture(scope="module")
def yearly(table):
    return table("unga_sponsorship_yearly")


@pytest.fixture(scope="module")
def expected(yearly):
    """The same numbers written independently: (state, year, column) -> count, and (year, column) -> median."""
    counts = {(r.iso3, int(r.year), c): int(getattr(r, c)) for r in yearly.itertuples() for c in ROLES.values()}
    members = yearly[yearly["un_member"]]
    medians = {(int(y), c): float(g[c].astype(float).median())
               for y, g in members.groupby("year") for c in ROLES.values()}
    return counts, medians


def test_every_state_of_the_explorer_is_in_the_table_every_year(yearly):
    for state in w.STATES:
        assert sorted(yearly.loc[yearly["iso3"] == state, "year"].astype(int)) == YEARS, state
    assert int(yearly.groupby("year")["un_member"].sum().min()) == 193


def test_sponsorship_view_over_the_whole_grid(yearly, expected):
    """Every role x every year range x no state, each state alone, the default states, all of them."""
    counts, medians = expected
    n_views = 0
    for role, (a, b), states in itertools.product(ROLES, RANGES, STATE_SETS):
        view = w.sponsorship_view(yearly, states, role, (a, b))
        first, last = min(a, b), max(a, b)
        where = f"{role} {(a, b)} {states}"
        n_views += 1
        assert view.role == role and view.years == (first, last), where
        if not states:
            assert view.frame.empty, where
            continue
        assert list(view.frame.index) == list(range(first, last + 1)), where
        assert list(view.frame.columns) == [s for s in w.STATES if s in states] + [w.MEDIAN], where
        column = ROLES[role]
        for year in range(first, last + 1):
            for state in states:
                assert view.frame.loc[year, state] == counts[(state, year, column)], where
            assert view.frame.loc[year, w.MEDIAN] == medians[(year, column)], where
    assert n_views == len(ROLES) * len(RANGES) * len(STATE_SETS)


def test_reversed_year_ends_give_the_same_view(yearly):
    for a, b in RANGES:
        view, reversed_view = (w.sponsorship_view(yearly, w.DEFAULT_STATES, "main", ends) for ends in ((a, b), (b, a)))
        assert view.years == reversed_view.years and view.frame.equals(reversed_view.frame)


def test_known_counts_of_kazakhstan(yearly):
    """Issue 14's figures: 50 resolutions in 2019 and 79 in 2025, as main sponsor 24 and 43."""
    frame = w.sponsorship_view(yearly, ["KAZ"], "any").frame
    assert (frame.loc[2019, "KAZ"], frame.loc[2025, "KAZ"]) == (50, 79)
    frame = w.sponsorship_view(yearly, ["KAZ"], "main").frame
    assert (frame.loc[2019, "KAZ"], frame.loc[2025, "KAZ"]) == (24, 43)


def test_unknown_role_fails_loudly(yearly):
    with pytest.raises(ValueError, match="role must be one of"):
        w.sponsorship_view(yearly, ["KAZ"], "leader")


def test_figure_for_each_role_and_a_message_for_no_state(yearly):
    for role in ROLES:
        figure = w.sponsorship_figure(w.sponsorship_view(yearly, w.DEFAULT_STATES, role, w.YEARS))
        assert isinstance(figure, AltFigure) and figure.png
        assert "Kazakhstan" in figure.alt and "median member" in figure.alt
        assert "2026 covers January to June" in figure.alt
    message = w.sponsorship_figure(w.sponsorship_view(yearly, [], "any"))
    assert isinstance(message, str) and "Tick at least one state" in message


def test_each_state_has_its_own_line_style():
    styles = [w.state_style(s) for s in w.STATES]
    assert len({(s.color, s.marker, s.linestyle) for s in styles}) == len(styles)
    assert len({s.marker for s in styles}) == len(styles)


def test_sponsorship_explorer_redraws_and_copes_with_no_state(yearly):
    box = w.sponsorship_explorer(yearly)
    assert EXPLORER_CLASS in box._dom_classes
    output = next(x for x in walk(box) if isinstance(x, ipywidgets.Output))
    assert shown(output) == "figure"
    first = first_control(box)
    assert isinstance(first, ipywidgets.Checkbox) and first.description == "Kazakhstan"
    boxes = [x for x in walk(box) if isinstance(x, ipywidgets.Checkbox)]
    for check in boxes:
        check.value = False
    assert shown(output) == "message" and "Tick at least one state" in shown_text(output)
    first.value = True
    assert shown(output) == "figure"
