"""Unit tests of the lesson 05 eras explorer: the pure view over its whole grid, the figures, and the UI."""

import itertools
import math

import ipywidgets
import numpy as np
import pandas as pd
import pytest
from support import assert_each_change_redraws, first_control, shown, shown_text

from betweenpowers import data
from betweenpowers.measures.events import CATEGORIES, yearly_counts
from betweenpowers.plots import AltFigure
from betweenpowers.widgets import eras as w
from betweenpowers.widgets.common import EXPLORER_CLASS

GROUPS = list(w.CATEGORY_GROUPS)
GROUP_SUBSETS = [list(s) for r in range(len(GROUPS) + 1) for s in itertools.combinations(GROUPS, r)]
FIRST, LAST = 1991, 2025  # the events table's first and last year (checked below)
BOUNDARIES = list(range(FIRST + 1, LAST + 1))
MEASURES = list(w.MEASURES)


@pytest.fixture(scope="module")
def per_year(events):
    """The same counts written independently: events per group, year and mode (summed over each era below)."""
    return {
        label: {mode: np.array([int(((events["year"] == year) & events["category"].isin(cats)
                                      & (events["mode"] == mode)).sum())
                                for year in range(FIRST, LAST + 1)])
                for mode in ("agenda_setting", "balancing")}
        for label, cats in w.CATEGORY_GROUPS.items()
    }


def _expected(per_year, boundary, groups, measure):
    cut = boundary - FIRST
    rows = []
    for era, years in ((slice(0, cut), cut), (slice(cut, None), LAST - boundary + 1)):
        agenda = sum(int(per_year[g]["agenda_setting"][era].sum()) for g in groups)
        balancing = sum(int(per_year[g]["balancing"][era].sum()) for g in groups)
        total = agenda + balancing
        if measure == "count":
            values = (agenda, balancing)
        elif measure == "share":
            values = (agenda / total, balancing / total) if total else (math.nan, math.nan)
        else:
            values = (agenda / years, balancing / years)
        rows.append((years, total, *values))
    return rows


def test_the_table_spans_the_years_these_tests_assume(events):
    assert w.year_span(events) == (FIRST, LAST)


def test_groups_cover_every_category_exactly_once():
    listed = [cat for cats in w.CATEGORY_GROUPS.values() for cat in cats]
    assert sorted(listed) == sorted(CATEGORIES) and len(listed) == len(set(listed))
    assert GROUPS[:5] == ["Hosted summits", "Mediation", "UN initiatives", "Non-proliferation", "Corridors"]
    assert w.group_categories(["Corridors", "Atlantis", "Hosted summits"]) == ["corridor_connectivity",
                                                                               "hosted_summit"]


def test_eras_view_over_the_whole_grid(events, per_year):
    """Every boundary year x every subset of category groups (the empty one included) x every measure."""
    n_views = n_empty = 0
    for boundary, groups, measure in itertools.product(BOUNDARIES, GROUP_SUBSETS, MEASURES):
        view = w.eras_view(events, boundary, groups, measure)
        where = f"{boundary} {groups} {measure}"
        assert list(view.columns) == w.VIEW_COLUMNS, where
        n_views += 1
        if not groups:
            assert view.empty, where
            n_empty += 1
            continue
        assert list(view.index) == list(w.era_labels(events, boundary)), where
        assert view["first_year"].tolist() == [FIRST, boundary], where
        assert view["last_year"].tolist() == [boundary - 1, LAST], where
        expected = _expected(per_year, boundary, groups, measure)
        assert view["years"].tolist() == [row[0] for row in expected], where
        assert view["events"].tolist() == [row[1] for row in expected], where
        got = view[["agenda_setting", "balancing"]].to_numpy(dtype=float)
        np.testing.assert_allclose(got, [row[2:] for row in expected], rtol=1e-12, equal_nan=True, err_msg=where)
    assert n_views == len(BOUNDARIES) * 64 * 3
    assert n_empty == len(BOUNDARIES) * 3


@pytest.mark.parametrize("boundary", [FIRST + 1, 2001, 2019, LAST])
def test_the_groups_add_up_to_all_events(events, boundary):
    whole = w.eras_view(events, boundary, GROUPS, "count")
    parts = sum(w.eras_view(events, boundary, [group], "count") for group in GROUPS)
    pd.testing.assert_frame_equal(parts[["events", "agenda_setting", "balancing"]],
                                  whole[["events", "agenda_setting", "balancing"]])
    assert whole["events"].sum() == len(events)
    assert whole["years"].sum() == LAST - FIRST + 1


def test_default_view_is_the_lesson_result(events):
    view = w.eras_view(events)
    assert list(view.index) == ["1991–2018", "2019–2025"]
    assert view["years"].tolist() == [28, 7] and view["events"].tolist() == [42, 28]
    assert view["agenda_setting"].tolist() == pytest.approx([23 / 28, 19 / 7])
    assert view["balancing"].tolist() == pytest.approx([19 / 28, 9 / 7])
    share = w.eras_view(events, measure="share")
    assert share["agenda_setting"].tolist() == pytest.approx([23 / 42, 19 / 28])
    assert (share["agenda_setting"] + share["balancing"]).tolist() == pytest.approx([1, 1])
    counts = w.eras_view(events, measure="count")
    assert counts[["agenda_setting", "balancing"]].dtypes.tolist() == [np.dtype("int64")] * 2


def test_one_year_era_gets_a_single_year_label_and_nan_share_when_empty(events):
    view = w.eras_view(events, FIRST + 1, ["Corridors"], "share")
    assert list(view.index) == [str(FIRST), f"{FIRST + 1}–{LAST}"]
    assert view["events"].iloc[0] == 0 and math.isnan(view["agenda_setting"].iloc[0])


@pytest.mark.parametrize(("kwargs", "message"), [({"measure": "mean"}, "measure must be one of"),
                                                  ({"boundary": FIRST}, "boundary year must be between"),
                                                  ({"boundary": LAST + 1}, "boundary year must be between")])
def test_bad_parameters_are_rejected_with_a_clear_message(events, kwargs, message):
    with pytest.raises(ValueError, match=message):
        w.eras_view(events, **kwargs)


@pytest.mark.parametrize("measure", MEASURES)
@pytest.mark.parametrize("groups", [GROUPS, ["Hosted summits"], ["Mediation", "Corridors"], []],
                         ids=["all", "summits", "mediation+corridors", "none"])
def test_figure_for_each_measure(events, measure, groups):
    view = w.eras_view(events, 2019, groups, measure)
    result = w.eras_figure(view, measure, groups)
    if not groups:
        assert isinstance(result, str) and result.startswith("Tick at least one category group")
        return
    assert isinstance(result, AltFigure) and result.png.startswith(b"\x89PNG")
    for era, row in view.iterrows():
        assert f"{era} ({int(row['years'])} years, {int(row['events'])} event" in result.alt
    first = view["agenda_setting"].iloc[0]
    shown = str(int(first)) if measure == "count" else f"{first:.2f}"
    assert shown in result.alt


def test_describe_eras_in_numbers(events):
    alt = w.describe_eras(w.eras_view(events), "per_year")
    assert alt == ("Bar chart comparing Kazakhstan's diplomatic events in two eras, all categories. Eras: "
                   "1991–2018 (28 years, 42 events); 2019–2025 (7 years, 28 events). Events per year, earlier era "
                   "then later era: agenda-setting 0.82 then 2.71; balancing 0.68 then 1.29.")
    share = w.describe_eras(w.eras_view(events, 2019, ["Mediation"], "share"), "share", ["Mediation"])
    assert "two eras, Mediation." in share and "1991–2018: 1.00; 2019–2025: 1.00" in share
    one = w.describe_eras(w.eras_view(events, FIRST + 1, ["Corridors"], "share"), "share", ["Corridors"])
    assert "1991 (1 year, 0 events)" in one and "1991: no events" in one
    assert w.describe_eras(w.eras_view(events, 2019, [], "share"), "share", []) == \
        "Empty chart: no category group chosen."


def test_figure_message_when_the_groups_have_no_event_in_either_era(events):
    empty_table = events[events["category"] != "mediation"]
    view = w.eras_view(empty_table, 2019, ["Mediation"], "count")
    assert view["events"].tolist() == [0, 0]
    message = w.eras_figure(view, "count", ["Mediation"])
    assert isinstance(message, str) and message.startswith("No event in Mediation in 1991–2018 or 2019–2025")


def test_yearly_figure(events):
    counts = yearly_counts(events)
    figure = w.yearly_figure(counts, 2019)
    assert isinstance(figure, AltFigure)
    assert "1991 to 2025: 70 events, 42 agenda-setting (filled) and 28 balancing (hatched)" in figure.alt
    assert "Most events in one year: 8 (in 2022)" in figure.alt and "start of 2019" in figure.alt


def test_source_line_matches_the_data_package(events, monkeypatch):
    seen = []
    monkeypatch.setattr(w, "finish", lambda fig, ax, **kwargs: seen.append(kwargs["source"]))
    w.eras_figure(w.eras_view(events))
    w.yearly_figure(yearly_counts(events))
    title = data.resource("diplomatic_events")["sources"][0]["title"]
    assert len(seen) == 2 and all(source.split(": ", 1)[0] == "Source" for source in seen)
    assert all(source.split(": ", 1)[1].startswith(title) for source in seen)  # the events table, by its title
    assert seen[0] == seen[1] == data.source_line("diplomatic_events", note=w.COUNT_SOURCE_NOTE)


def _parts(explorer):
    group_row, controls, output = explorer.children
    boxes = [child for child in group_row.children if isinstance(child, ipywidgets.Checkbox)]
    year, measure = controls.children
    return boxes, year, measure, output


def test_explorer_controls(events):
    explorer = w.eras_explorer(events)
    assert EXPLORER_CLASS in explorer._dom_classes
    boxes, year, measure, _ = _parts(explorer)
    assert [box.description for box in boxes] == GROUPS and all(box.value for box in boxes)
    assert first_control(explorer) is boxes[0]
    assert (year.value, year.min, year.max) == (2019, FIRST + 1, LAST)
    assert [key for _, key in measure.options] == ["count", "share", "per_year"] and measure.value == "per_year"


def test_explorer_redraws_on_every_control_starting_with_the_first_checkbox(events):
    explorer = w.eras_explorer(events)
    boxes, year, measure, output = _parts(explorer)
    assert shown(output) == "figure"
    assert "agenda-setting 0.82 then 2.71" in shown_text(output)
    assert_each_change_redraws(output, ((boxes[0], False), (year, 2010), (measure, "share"), (measure, "count")))


def test_explorer_shows_messages_not_errors_for_empty_selections(events):
    explorer = w.eras_explorer(events)
    boxes, year, measure, output = _parts(explorer)
    for box in boxes:
        box.value = False
    assert shown(output) == "message" and "Tick at least one category group" in shown_text(output)
    boxes[4].value = True  # Corridors only
    year.value = FIRST + 1
    measure.value = "share"
    assert shown(output) == "figure"  # the first era is empty: drawn with 'no events'


def test_explorer_clips_its_start_boundary_to_the_table(events):
    _, year, _, _ = _parts(w.eras_explorer(events, boundary=1900))
    assert year.value == FIRST + 1
    _, year, _, _ = _parts(w.eras_explorer(events, boundary=2100))
    assert year.value == LAST
