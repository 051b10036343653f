"""Unit tests of betweenpowers.measures.events: dates and yearly counts, and the constants against the events
table's schema."""

import pandas as pd
import pytest

from betweenpowers import data
from betweenpowers.measures import events as ev


def _schema_enum(column):
    fields = data.resource("diplomatic_events")["schema"]["fields"]
    return next(f for f in fields if f["name"] == column)["constraints"]["enum"]


@pytest.mark.parametrize(("constant", "column"), [(ev.VECTORS, "vector"), (ev.MODES, "mode"),
                                                   (ev.CATEGORIES, "category")])
def test_constants_cover_exactly_the_schema_values(constant, column):
    assert set(constant) == set(_schema_enum(column))
    assert len(constant) == len(set(constant))


def test_categories_follow_the_order_of_the_coding_rule():
    # data/README.md: "the first that fits of: mediation, un_initiative, ..., treaty_or_membership"
    assert list(ev.CATEGORIES) == _schema_enum("category")


def test_labels_exist_for_every_code():
    assert list(ev.VECTOR_LABELS) == list(ev.VECTORS)
    assert [ev.VECTOR_LABELS[v] for v in ev.VECTORS] == ["Russia", "China", "West", "Regional", "Global", "Multi"]
    assert set(ev.CATEGORY_LABELS) == set(ev.CATEGORIES)
    assert set(ev.MODE_LABELS) == set(ev.MODES)


def test_borderline_rows_exist_and_include_the_readme_examples(table):
    events = table("diplomatic_events")
    assert set(ev.BORDERLINE_EVENTS) <= set(events["event_id"])
    assert {"KZ027", "KZ034", "KZ064"} <= set(ev.BORDERLINE_EVENTS)  # the three named in data/README.md
    assert len(ev.BORDERLINE_EVENTS) == 10


@pytest.mark.parametrize(("text", "expected"), [
    ("1991-08-29", pd.Timestamp(1991, 8, 29)),
    ("2016-06", pd.Timestamp(2016, 6, 15)),
    (" 2024-11 ", pd.Timestamp(2024, 11, 15)),
])
def test_event_timestamp(text, expected):
    assert ev.event_timestamp(text) == expected


@pytest.mark.parametrize("bad", ["2016", "16-06-2016", "2016/06/01", "", "2016-6"])
def test_event_timestamp_rejects_other_formats(bad):
    with pytest.raises(ValueError, match="YYYY-MM-DD or YYYY-MM"):
        ev.event_timestamp(bad)


def test_event_timestamps_keep_the_index_and_parse_every_stored_date(table):
    events = table("diplomatic_events")
    stamps = ev.event_timestamps(events["date"])
    assert stamps.index.equals(events.index)
    assert (stamps.dt.year == events["year"].astype(int)).all()
    month_only = events["date_precision"] == "month"
    assert month_only.sum() == 6
    assert (stamps[month_only].dt.day == 15).all()


def test_yearly_counts(table):
    events = table("diplomatic_events")
    counts = ev.yearly_counts(events)
    assert counts.index.tolist() == list(range(1991, 2026))
    assert list(counts.columns) == list(ev.MODES) and counts.index.name == "year"
    assert counts.to_numpy().sum() == len(events)
    assert counts["agenda_setting"].sum() == int((events["mode"] == "agenda_setting").sum())
    assert counts.loc[2021].tolist() == [0, 0]  # no event in the table is dated 2021
    assert counts.loc[2022].sum() == counts.sum(axis=1).max() == 8
