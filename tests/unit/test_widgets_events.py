"""Unit tests of the lesson 01 events explorer: the pure view over its whole grid, the figure, and the UI."""

import itertools

import ipywidgets
import numpy as np
import pandas as pd
import pytest
from support import assert_each_change_redraws, first_control, shown, shown_text

from betweenpowers import data
from betweenpowers.measures.events import CATEGORIES, VECTORS
from betweenpowers.plots import AltFigure
from betweenpowers.widgets import events as w
from betweenpowers.widgets.common import EXPLORER_CLASS

LABELS = ["Russia", "China", "West", "Regional", "Global", "Multi"]
VECTOR_SUBSETS = [list(c) for r in range(len(LABELS) + 1) for c in itertools.combinations(LABELS, r)]
CATEGORY_VALUES = ["all", *CATEGORIES]
MODE_VALUES = ["all", "balancing", "agenda_setting"]
YEAR_RANGES = [(1991, 2019), (2025, 2005), (2005, 2005), (1980, 1985)]


@pytest.fixture(scope="module")
def expected_ids(events):
    """``expected_ids(vectors, category, mode, years)``: the event_ids that pass the filters, in date order.

    The same filter written independently with numpy: the table in date order (month-only dates on the 15th).
    """
    when = pd.to_datetime(events["date"].where(events["date"].str.len() == 10, events["date"] + "-15"))
    ordered = events.assign(when=when).sort_values(["when", "event_id"])
    columns = {name: ordered[name].astype(str).to_numpy() for name in ("event_id", "vector", "category", "mode")}
    year = ordered["year"].astype(int).to_numpy()

    def ids(vectors, category, mode, years):
        first, last = sorted(years)
        keep = np.isin(columns["vector"], [label.lower() for label in vectors]) & (year >= first) & (year <= last)
        if category != "all":
            keep &= columns["category"] == category
        if mode != "all":
            keep &= columns["mode"] == mode
        return list(columns["event_id"][keep])

    return ids


def test_events_view_over_the_whole_grid(events, expected_ids):
    """Every vector subset x category x mode x year range, empty selections included (6,912 views)."""
    n_views = n_empty = 0
    for vectors, category, mode, years in itertools.product(VECTOR_SUBSETS, CATEGORY_VALUES, MODE_VALUES,
                                                            YEAR_RANGES):
        view = w.events_view(events, vectors, category, mode, years)
        where = f"{vectors} {category} {mode} {years}"
        assert list(view.columns) == w.VIEW_COLUMNS, where
        assert list(view["event_id"]) == expected_ids(vectors, category, mode, years), where
        assert view["when"].is_monotonic_increasing, where
        assert set(view["vector"]) <= {label.lower() for label in vectors}, where
        n_views += 1
        n_empty += view.empty
    assert n_views == 64 * 9 * 3 * 4
    assert 0 < n_empty < n_views


def test_labels_and_codes_select_the_same_rows_and_unknown_names_are_ignored(events):
    by_label = w.events_view(events, ["Russia", "West"])
    by_code = w.events_view(events, ["russia", "west"])
    pd.testing.assert_frame_equal(by_label, by_code)
    pd.testing.assert_frame_equal(w.events_view(events, ["Atlantis", "Russia"]), w.events_view(events, ["Russia"]))
    assert w.events_view(events, ["Atlantis"]).empty


@pytest.mark.parametrize(("kwargs", "message"), [({"category": "summit"}, "category must be"),
                                                  ({"mode": "hedging"}, "mode must be")])
def test_bad_category_or_mode_is_rejected_with_a_clear_message(events, kwargs, message):
    with pytest.raises(ValueError, match=message):
        w.events_view(events, LABELS, **kwargs)


def test_default_view_is_the_1991_2019_record(events):
    view = w.events_view(events)
    record = events[events["year"].between(1991, 2019)]
    assert len(view) == len(record) == 44
    assert (view["mode"] == "agenda_setting").sum() == (record["mode"] == "agenda_setting").sum() == 25
    assert view.loc[view["event_id"] == "KZ032", "when"].iloc[0] == pd.Timestamp(2016, 6, 15)  # month only


@pytest.mark.parametrize("vectors", VECTOR_SUBSETS, ids=lambda v: "+".join(v) or "none")
def test_figure_for_every_vector_subset(events, vectors):
    view = w.events_view(events, vectors, years=(1991, 2019))
    result = w.events_figure(view, vectors, (1991, 2019))
    if not vectors:
        assert isinstance(result, str) and result.startswith("Tick at least one vector")
        return
    assert isinstance(result, AltFigure)
    assert result.png.startswith(b"\x89PNG")
    assert f"Count: {len(view)} event" in result.alt
    for label in vectors:
        n = int((view["vector"] == label.lower()).sum())
        assert f"{label} {n} (" in result.alt


@pytest.mark.parametrize("category", CATEGORY_VALUES)
@pytest.mark.parametrize("mode", MODE_VALUES)
def test_figure_for_every_category_and_mode(events, category, mode):
    view = w.events_view(events, LABELS, category, mode, (1991, 2025))
    result = w.events_figure(view, LABELS, (1991, 2025), category, mode)
    if view.empty:
        assert isinstance(result, str) and result.startswith("No event matches these filters")
    else:
        assert isinstance(result, AltFigure)
        agenda = int((view["mode"] == "agenda_setting").sum())
        assert f"Count: {len(view)} event" in result.alt and f"({agenda} agenda-setting" in result.alt


def test_figure_message_when_nothing_matches(events):
    view = w.events_view(events, ["China"], "mediation", "all", (1991, 2019))
    assert view.empty
    message = w.events_figure(view, ["China"], (1991, 2019), "mediation")
    assert message.startswith("No event matches these filters in 1991–2019")


def test_describe_events_counts_each_vector(events):
    view = w.events_view(events, ["Russia", "China"], years=(1991, 2019))
    alt = w.describe_events(view, ["Russia", "China"])
    assert alt.startswith("Timeline of Kazakhstan's diplomatic events, 1992 to 2014")
    assert "Count: 7 events (1 agenda-setting, 6 balancing)" in alt
    assert "Russia 5 (1 agenda-setting); China 2 (0 agenda-setting)" in alt
    assert w.describe_events(view, []) == "Empty chart: no vector chosen."
    assert w.count_line(view.iloc[:1]) == "Count: 1 event (0 agenda-setting, 1 balancing)"


def test_events_source_matches_the_data_package(events, monkeypatch):
    seen = {}
    monkeypatch.setattr(w, "finish", lambda fig, ax, **kwargs: seen.update(kwargs))
    w.events_figure(w.events_view(events))
    title = data.resource("diplomatic_events")["sources"][0]["title"]
    label, credits = seen["source"].split(": ", 1)
    assert label == "Source" and credits.startswith(title)  # one source: the events table, named by its title
    assert seen["source"] == data.source_line("diplomatic_events", note=w.SOURCE_NOTE)


def _parts(explorer):
    vector_row, menus, years, output = explorer.children
    boxes = [child for child in vector_row.children if isinstance(child, ipywidgets.Checkbox)]
    category, mode = menus.children
    return boxes, category, mode, years, output


def test_explorer_controls_and_labels(events):
    explorer = w.events_explorer(events)
    assert EXPLORER_CLASS in explorer._dom_classes
    boxes, category, mode, years, _ = _parts(explorer)
    assert [box.description for box in boxes] == LABELS
    assert all(box.value for box in boxes)
    assert first_control(explorer) is boxes[0]
    assert category.options[0] == ("All", "all") and [v for _, v in category.options[1:]] == list(CATEGORIES)
    assert [v for _, v in mode.options] == ["all", "balancing", "agenda_setting"]
    assert years.value == (1991, 2019) and (years.min, years.max) == (1991, 2025)


def test_explorer_redraws_on_every_control_starting_with_the_first_checkbox(events):
    explorer = w.events_explorer(events)
    boxes, category, mode, years, output = _parts(explorer)
    assert shown(output) == "figure"
    assert "Count: 44 events (25 agenda-setting, 19 balancing)" in shown_text(output)
    assert_each_change_redraws(output, ((boxes[0], False), (category, "hosted_summit"), (mode, "agenda_setting"),
                                        (years, (2000, 2025))))


def test_explorer_shows_messages_not_errors_for_empty_selections(events):
    explorer = w.events_explorer(events)
    boxes, category, mode, years, output = _parts(explorer)
    for box in boxes:
        box.value = False
    assert shown(output) == "message" and "Tick at least one vector" in shown_text(output)
    boxes[1].value = True  # China
    category.value = "mediation"
    assert shown(output) == "message" and "No event matches these filters" in shown_text(output)
    category.value = "all"
    assert shown(output) == "figure"


def test_explorer_clips_its_start_years_to_the_table(events):
    explorer = w.events_explorer(events, years=(1900, 2100))
    *_, years, _ = _parts(explorer)
    assert years.value == (int(events["year"].min()), int(events["year"].max()))
    assert set(VECTORS) == {label.lower() for label in LABELS}
