"""Unit tests of betweenpowers.measures.events: dates, counts, shares and mode tables on small known inputs,
and the constants against the events table's schema."""

import math

import pandas as pd
import pytest

from betweenpowers import data
from betweenpowers.measures import events as ev

SMALL = pd.DataFrame({
    "event_id": ["E1", "E2", "E3", "E4", "E5"],
    "year": pd.array([1992, 1995, 2001, 2001, 2015], dtype="Int64"),
    "category": ["un_initiative", "treaty_or_membership", "hosted_summit", "treaty_or_membership", "mediation"],
    "mode": ["agenda_setting", "balancing", "agenda_setting", "balancing", "agenda_setting"],
    "vector": ["global", "russia", "multi", "china", "multi"],
})


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


def test_borderline_rows_exist_and_include_the_readme_examples():
    table = data.load_diplomatic_events()
    assert set(ev.BORDERLINE_EVENTS) <= set(table["event_id"])
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


def test_event_timestamps_keep_the_index_and_parse_every_stored_date():
    table = data.load_diplomatic_events()
    stamps = ev.event_timestamps(table["date"])
    assert stamps.index.equals(table.index)
    assert (stamps.dt.year == table["year"].astype(int)).all()
    month_only = table["date_precision"] == "month"
    assert month_only.sum() == 6
    assert (stamps[month_only].dt.day == 15).all()


@pytest.mark.parametrize(("year", "label"), [(1991, "1990s"), (1999, "1990s"), (2000, "2000s"), (2019, "2010s")])
def test_decade_label(year, label):
    assert ev.decade_label(year) == label


def test_in_years_is_inclusive_and_order_free():
    assert list(ev.in_years(SMALL, (1995, 2001))["event_id"]) == ["E2", "E3", "E4"]
    assert list(ev.in_years(SMALL, (2001, 1995))["event_id"]) == ["E2", "E3", "E4"]
    assert ev.in_years(SMALL, (1980, 1985)).empty


def test_counts_by_with_and_without_order():
    counts = ev.counts_by(SMALL, "vector")
    assert list(counts.items()) == [("multi", 2), ("china", 1), ("global", 1), ("russia", 1)]
    ordered = ev.counts_by(SMALL, "vector", ev.VECTORS)
    assert list(ordered.index) == list(ev.VECTORS)
    assert ordered.to_dict() == {"russia": 1, "china": 1, "west": 0, "regional": 0, "global": 1, "multi": 2}
    assert ordered.name == "events" and ordered.index.name == "vector"
    assert ev.counts_by(SMALL.iloc[:0], "mode", ev.MODES).tolist() == [0, 0]


def test_agenda_setting_share():
    assert ev.agenda_setting_share(SMALL) == pytest.approx(3 / 5)
    assert ev.agenda_setting_share(SMALL[SMALL["vector"] == "multi"]) == 1.0
    assert math.isnan(ev.agenda_setting_share(SMALL.iloc[:0]))


def test_mode_table_by_column_and_by_series():
    table = ev.mode_table(SMALL, "vector", ev.VECTORS)
    assert list(table.columns) == ["events", "balancing", "agenda_setting", "agenda_share"]
    assert list(table.index) == list(ev.VECTORS)
    assert table.loc["multi"].tolist() == [2, 0, 2, 1.0]
    assert table.loc["russia", "agenda_share"] == 0.0
    assert math.isnan(table.loc["west", "agenda_share"])
    decades = SMALL["year"].map(ev.decade_label).rename("decade")
    by_decade = ev.mode_table(SMALL, decades)
    assert by_decade.index.name == "decade"
    assert by_decade["events"].to_dict() == {"1990s": 2, "2000s": 2, "2010s": 1}
    assert by_decade.loc["2000s", "agenda_share"] == pytest.approx(0.5)


def test_the_lesson_numbers_add_up_on_the_real_table():
    table = ev.in_years(data.load_diplomatic_events(), (1991, 2019))
    by_vector = ev.mode_table(table, "vector", ev.VECTORS)
    assert by_vector["events"].sum() == len(table)
    assert (by_vector["balancing"] + by_vector["agenda_setting"] == by_vector["events"]).all()
    assert ev.counts_by(table, "category", ev.CATEGORIES).sum() == len(table)
    share = ev.agenda_setting_share(table)
    assert share == pytest.approx(by_vector["agenda_setting"].sum() / len(table))
