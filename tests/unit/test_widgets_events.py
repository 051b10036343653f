"""Unit tests of the lesson 01 events explorer: the pure view over its whole grid, the figure, and the UI."""

import itertools

import ipywidgets
import numpy as np
import pandas as pd
import pytest

from betweenpowers import data
from betweenpowers.measures.events import CATEGORIES, VECTORS
from betweenpowers.plots import AltFigure
from betweenpowers.widgets import events as w

TABLE = data.load_diplomatic_events()
LABELS = ["Russia", "China", "West", "Regional", "Global", "Multi"]
VECTOR_SUBSETS = [list(c) for r in range(len(LABELS) + 1) for c in itertools.combinations(LABELS, r)]
CATEGORY_VALUES = ["all", *CATEGORIES]
MODE_VALUES = ["all", "balancing", "agenda_setting"]
YEAR_RANGES = [(1991, 2019), (2025, 2005), (2005, 2005), (1980, 1985)]


# The same filter written independently with numpy: the table in date order (month-only dates on the 15th).
_WHEN = pd.to_datetime(TABLE["date"].where(TABLE["date"].str.len() == 10, TABLE["date"] + "-15"))
_ORDERED = TABLE.assign(when=_WHEN).sort_values(["when", "event_id"])
_COLUMNS = {name: _ORDERED[name].astype(str).to_numpy() for name in ("event_id", "vector", "category", "mode")}
_YEAR = _ORDERED["year"].astype(int).to_numpy()


def _expected_ids(vectors, category, mode, years):
    """event_ids that pass the filters, in date order."""
    first, last = sorted(years)
    keep = np.isin(_COLUMNS["vector"], [label.lower() for label in vectors]) & (_YEAR >= first) & (_YEAR <= last)
    if category != "all":
        keep &= _COLUMNS["category"] == category
    if mode != "all":
        keep &= _COLUMNS["mode"] == mode
    return list(_COLUMNS["event_id"][keep])


def test_events_view_over_the_whole_grid():
    """Every vector subset x category x mode x year range, empty selections included (6,912 views)."""
    n_views = n_empty = 0
    for vectors, category, mode, years in itertools.product(VECTOR_SUBSETS, CATEGORY_VALUES, MODE_VALUES,
                                                            YEAR_RANGES):
        view = w.events_view(TABLE, vectors, category, mode, years)
        where = f"{vectors} {category} {mode} {years}"
        assert list(view.columns) == w.VIEW_COLUMNS, where
        assert list(view["event_id"]) == _expected_ids(vectors, category, mode, years), where
        assert view["when"].is_monotonic_increasing, where
        assert set(view["vector"]) <= {label.lower() for label in vectors}, where
        n_views += 1
        n_empty += view.empty
    assert n_views == 64 * 9 * 3 * 4
    assert 0 < n_empty < n_views


def test_labels_and_codes_select_the_same_rows_and_unknown_names_are_ignored():
    by_label = w.events_view(TABLE, ["Russia", "West"])
    by_code = w.events_view(TABLE, ["russia", "west"])
    pd.testing.assert_frame_equal(by_label, by_code)
    pd.testing.assert_frame_equal(w.events_view(TABLE, ["Atlantis", "Russia"]), w.events_view(TABLE, ["Russia"]))
    assert w.events_view(TABLE, ["Atlantis"]).empty


@pytest.mark.parametrize(("kwargs", "message"), [({"category": "summit"}, "category must be"),
                                                  ({"mode": "hedging"}, "mode must be")])
def test_bad_category_or_mode_is_rejected_with_a_clear_message(kwargs, message):
    with pytest.raises(ValueError, match=message):
        w.events_view(TABLE, LABELS, **kwargs)


def test_default_view_is_the_1991_2019_record():
    view = w.events_view(TABLE)
    record = TABLE[TABLE["year"].between(1991, 2019)]
    assert len(view) == len(record) == 44
    assert (view["mode"] == "agenda_setting").sum() == (record["mode"] == "agenda_setting").sum() == 25
    assert view.loc[view["event_id"] == "KZ032", "when"].iloc[0] == pd.Timestamp(2016, 6, 15)  # month only


@pytest.mark.parametrize("vectors", VECTOR_SUBSETS, ids=lambda v: "+".join(v) or "none")
def test_figure_for_every_vector_subset(vectors):
    view = w.events_view(TABLE, vectors, years=(1991, 2019))
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
def test_figure_for_every_category_and_mode(category, mode):
    view = w.events_view(TABLE, LABELS, category, mode, (1991, 2025))
    result = w.events_figure(view, LABELS, (1991, 2025), category, mode)
    if view.empty:
        assert isinstance(result, str) and result.startswith("No event matches these filters")
    else:
        assert isinstance(result, AltFigure)
        agenda = int((view["mode"] == "agenda_setting").sum())
        assert f"Count: {len(view)} event" in result.alt and f"({agenda} agenda-setting" in result.alt


def test_figure_message_when_nothing_matches():
    view = w.events_view(TABLE, ["China"], "mediation", "all", (1991, 2019))
    assert view.empty
    message = w.events_figure(view, ["China"], (1991, 2019), "mediation")
    assert message.startswith("No event matches these filters in 1991–2019")


def test_describe_events_counts_each_vector():
    view = w.events_view(TABLE, ["Russia", "China"], years=(1991, 2019))
    alt = w.describe_events(view, ["Russia", "China"])
    assert alt.startswith("Timeline of Kazakhstan's diplomatic events, 1992 to 2014")
    assert "Count: 7 events (1 agenda-setting, 6 balancing)" in alt
    assert "Russia 5 (1 agenda-setting); China 2 (0 agenda-setting)" in alt
    assert w.describe_events(view, []) == "Empty chart: no vector chosen."
    assert w.count_line(view.iloc[:1]) == "Count: 1 event (0 agenda-setting, 1 balancing)"


def test_events_source_matches_the_data_package():
    title = data.resource("diplomatic_events")["sources"][0]["title"]
    assert w.EVENTS_SOURCE.startswith(f"Source: {title}")


def _parts(explorer):
    vector_row, menus, years, output = explorer.children
    boxes = [child for child in vector_row.children if isinstance(child, ipywidgets.Checkbox)]
    category, mode = menus.children
    return boxes, category, mode, years, output


def _shown(output):
    assert len(output.outputs) == 1
    return output.outputs[0]


def _first_control(widget):
    """The first Checkbox or Dropdown in the explorer, depth first (what the browser test clicks)."""
    if isinstance(widget, (ipywidgets.Checkbox, ipywidgets.Dropdown)):
        return widget
    for child in getattr(widget, "children", ()):
        found = _first_control(child)
        if found is not None:
            return found
    return None


def test_explorer_controls_and_labels():
    explorer = w.events_explorer(TABLE)
    assert "bp-explorer" in explorer._dom_classes
    boxes, category, mode, years, _ = _parts(explorer)
    assert [box.description for box in boxes] == LABELS
    assert all(box.value for box in boxes)
    assert _first_control(explorer) is boxes[0]
    assert category.options[0] == ("All", "all") and [v for _, v in category.options[1:]] == list(CATEGORIES)
    assert [v for _, v in mode.options] == ["all", "balancing", "agenda_setting"]
    assert years.value == (1991, 2019) and (years.min, years.max) == (1991, 2025)


def test_explorer_redraws_on_every_control_starting_with_the_first_checkbox():
    explorer = w.events_explorer(TABLE)
    boxes, category, mode, years, output = _parts(explorer)
    first = _shown(output)
    assert first["output_type"] == "display_data"
    assert "Count: 44 events (25 agenda-setting, 19 balancing)" in first["metadata"]["image/png"]["alt"]
    seen = {first["data"]["image/png"]}
    for change in (lambda: setattr(boxes[0], "value", False), lambda: setattr(category, "value", "hosted_summit"),
                   lambda: setattr(mode, "value", "agenda_setting"), lambda: setattr(years, "value", (2000, 2025))):
        change()
        shown = _shown(output)
        assert shown["output_type"] == "display_data"
        assert shown["data"]["image/png"] not in seen
        seen.add(shown["data"]["image/png"])


def test_explorer_shows_messages_not_errors_for_empty_selections():
    explorer = w.events_explorer(TABLE)
    boxes, category, mode, years, output = _parts(explorer)
    for box in boxes:
        box.value = False
    shown = _shown(output)
    assert shown["output_type"] == "stream" and "Tick at least one vector" in shown["text"]
    boxes[1].value = True  # China
    category.value = "mediation"
    shown = _shown(output)
    assert shown["output_type"] == "stream" and "No event matches these filters" in shown["text"]
    category.value = "all"
    assert _shown(output)["output_type"] == "display_data"


def test_explorer_clips_its_start_years_to_the_table():
    explorer = w.events_explorer(TABLE, years=(1900, 2100))
    *_, years, _ = _parts(explorer)
    assert years.value == (int(TABLE["year"].min()), int(TABLE["year"].max()))
    assert set(VECTORS) == {label.lower() for label in LABELS}
