"""Unit tests of betweenpowers.measures.neighbours: trade, events and vote agreement by region (lesson 06)."""

import math

import numpy as np
import pandas as pd
import pytest

from betweenpowers.measures import neighbours as m
from betweenpowers.measures import votes
from betweenpowers.vectors import CENTRAL_ASIA, SOUTH_CAUCASUS


def test_regions_are_the_vectors_of_the_series():
    assert set(m.REGIONS["Central Asia"]) == set(CENTRAL_ASIA)
    assert set(m.REGIONS["South Caucasus"]) == set(SOUTH_CAUCASUS)
    assert m.REGIONS["Turkey"] == ("TUR",)
    assert set(m.REGION_STYLE_KEYS) == set(m.REGIONS)
    assert m.TRANSIT_PARTNERS == ("AZE", "GEO", "TUR")


# -- group_trade ---------------------------------------------------------------------------------------------------
def _by_hand(trade, view: str, codes, year: int) -> tuple[float, float]:
    rows = trade[(trade["view"] == view) & (trade["year"] == year)]
    value = rows.loc[rows["partner_iso3"].isin(list(codes)), "value_usd_mn"].sum()
    world = rows.loc[rows["partner_type"] == "world", "value_usd_mn"].sum()
    return float(value), float(value / world)


@pytest.mark.parametrize("view", ["reported", "mirror"])
@pytest.mark.parametrize("year", [1994, 2006, 2020])
def test_group_trade_matches_a_hand_calculation(trade, view, year):
    groups = {**m.REGIONS, "transit": m.TRANSIT_PARTNERS}
    shares = m.group_trade(trade, groups, view=view)
    values = m.group_trade(trade, groups, view=view, measure="value")
    for label, codes in groups.items():
        value, share = _by_hand(trade, view, codes, year)
        assert math.isclose(values.loc[year, label], value, rel_tol=1e-12)
        assert math.isclose(shares.loc[year, label], share, rel_tol=1e-12)


def test_group_trade_values_for_2020(trade):
    shares = m.group_trade(trade, m.REGIONS)
    assert round(shares.loc[2020, "Central Asia"], 4) == 0.0544
    assert round(shares.loc[2020, "Turkey"], 4) == 0.0360
    assert round(shares.loc[2020, "South Caucasus"], 4) == 0.0029
    values = m.group_trade(trade, m.REGIONS, measure="value")
    assert round(values.loc[2020, "Central Asia"]) == 4628
    transit = m.group_trade(trade, {"t": m.TRANSIT_PARTNERS, "c": ("AZE", "GEO")})
    assert round(transit.loc[2020, "t"] * 100, 2) == 3.86 and round(transit.loc[2020, "c"] * 100, 2) == 0.27


def test_group_trade_shape_empty_groups_and_unknown_codes(trade):
    shares = m.group_trade(trade, {"nobody": ("XXX",)})
    assert shares.index.name == "year" and shares.index.is_monotonic_increasing
    assert shares.index.min() == int(trade["year"].min()) and shares.index.max() == 2020
    assert (shares["nobody"] == 0).all()
    assert m.group_trade(trade, {}).shape[1] == 0
    exports = m.group_trade(trade, m.REGIONS, flow="exports", measure="value")
    imports = m.group_trade(trade, m.REGIONS, flow="imports", measure="value")
    total = m.group_trade(trade, m.REGIONS, measure="value")
    assert np.allclose((exports + imports).loc[1994:], total.loc[1994:])


def test_group_trade_rejects_bad_parameters(trade):
    with pytest.raises(ValueError, match="measure must be"):
        m.group_trade(trade, m.REGIONS, measure="percent")
    with pytest.raises(ValueError, match="view must be one of"):
        m.group_trade(trade, m.REGIONS, view="chinese")


# -- events ------------------------------------------------------------------------------------------------------
def test_involves_matches_whole_codes_only():
    frame = pd.DataFrame({"partners": ["ARM;AZE", "ARMY", "none", "UN", " TUR ;GEO", None]})
    assert m.involves(frame, ["ARM"]).tolist() == [True, False, False, False, False, False]
    assert m.involves(frame, ["TUR", "XXX"]).tolist() == [False, False, False, False, True, False]
    assert m.involves(frame, []).sum() == 0


def test_involves_on_the_events_table(events):
    assert int(m.involves(events, ["UZB"]).sum()) == 12
    assert int(m.involves(events, ["UZB"]).sum()) == int(events["partners"].str.contains("UZB").sum())
    assert set(events.loc[m.involves(events, ["AZE", "ARM"]), "event_id"]) >= {"KZ058", "KZ053", "KZ034"}


def test_event_counts(events):
    counts = m.event_counts(events, m.REGIONS)
    assert counts.index.tolist() == list(range(1991, 2026))
    assert counts.sum().to_dict() == {"Central Asia": 17, "South Caucasus": 8, "Turkey": 6}
    assert counts.loc[2022].to_dict() == {"Central Asia": 3, "South Caucasus": 2, "Turkey": 1}
    assert all(str(dtype).startswith("int") for dtype in counts.dtypes)
    window = m.event_counts(events, m.REGIONS, (2025, 2015))
    assert window.index.tolist() == list(range(2015, 2026))
    assert window.loc[2019:2021].to_numpy().sum() == 0
    outside = m.event_counts(events, m.REGIONS, (1980, 1985))
    assert len(outside) == 6 and outside.to_numpy().sum() == 0
    # an event that involves two groups counts once for each (KZ053: AZE;GEO;TUR)
    both = m.event_counts(events[events["event_id"] == "KZ053"], m.REGIONS, (2022, 2022))
    assert both.loc[2022].to_dict() == {"Central Asia": 0, "South Caucasus": 1, "Turkey": 1}


# -- votes -------------------------------------------------------------------------------------------------------
def test_group_agreement_of_one_country_is_its_own_series(agreement):
    means, counts = m.group_agreement(agreement, {"Uzbekistan": ("UZB",)})
    rows = agreement[(agreement["partner"] == "KAZ") & (agreement["iso3"] == "UZB")].set_index("year")
    shared = rows.index.intersection(means.index)
    assert np.allclose(means.loc[shared, "Uzbekistan"], rows.loc[shared, "agreement_half"])
    assert means.loc[1992, "Uzbekistan"] != means.loc[1992, "Uzbekistan"]  # NaN: no value that year
    assert counts.loc[1992, "Uzbekistan"] == 0 and counts.loc[2020, "Uzbekistan"] == 1


def test_the_rules_are_the_series_rules():
    assert m.RULE_COLUMNS is votes.RULE_COLUMNS


def test_group_agreement_regions_and_rules(agreement):
    means, counts = m.group_agreement(agreement, m.REGIONS)
    assert means.index.tolist() == list(range(1992, 2026))
    assert counts.index[counts["Central Asia"] < 4].tolist() == [1992, 1993, 1999, 2001]
    assert counts.index[counts["South Caucasus"] < 3].tolist() == [1992]
    assert (counts["Turkey"] == 1).all()
    rows = agreement[(agreement["partner"] == "KAZ") & (agreement["year"] == 2020)].set_index("iso3")
    assert math.isclose(means.loc[2020, "Central Asia"], rows.loc[list(CENTRAL_ASIA), "agreement_half"].mean())
    identical, _ = m.group_agreement(agreement, m.REGIONS, rule="identical")
    assert (identical.to_numpy() <= means.to_numpy() + 1e-12)[~np.isnan(means.to_numpy())].all()
    with pytest.raises(ValueError, match="rule must be one of"):
        m.group_agreement(agreement, m.REGIONS, rule="strict")


def test_a_group_never_includes_the_partner_itself(agreement):
    _means, counts = m.group_agreement(agreement, {"with KAZ": ("KAZ", "UZB")})
    assert counts["with KAZ"].max() == 1


def test_median_agreement(agreement):
    median = m.median_agreement(agreement)
    rows = agreement[(agreement["partner"] == "KAZ") & (agreement["iso3"] != "KAZ") & (agreement["year"] == 2020)]
    assert math.isclose(median.loc[2020], rows["agreement_half"].median())
    assert round(median.loc[2020], 3) == 0.925
    assert median.name == "median UN member" and median.index.tolist() == list(range(1992, 2026))
    with pytest.raises(ValueError, match="rule must be one of"):
        m.median_agreement(agreement, rule="strict")
