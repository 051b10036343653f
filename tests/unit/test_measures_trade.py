"""Unit tests of betweenpowers.measures.trade: formulas on small known inputs, and agreement with the real table."""

import math

import pandas as pd
import pytest

from betweenpowers import data
from betweenpowers.measures import trade


@pytest.fixture(scope="module")
def dots(table):
    return table("trade_dots")


def _toy() -> pd.DataFrame:
    """A two-year trade table: partners A (russia), B (eu27), C (eu27), the World row, both views."""
    rows = []
    for view in ("reported", "mirror"):
        for year, (a, b, c, world_x, world_m) in {2000: (10, 20, 10, 50, 40), 2001: (0, 30, 0, 30, 10)}.items():
            for flow, values, world in (("exports", (a, b, c), world_x), ("imports", (a, 0, 5), world_m)):
                for (name, iso, vector), value in zip((("A", "RUS", "russia"), ("B", "ITA", "eu27"),
                                                       ("C", "NLD", "eu27")), values):
                    rows.append((year, view, flow, iso, name, "economy", vector, float(value), False))
                rows.append((year, view, flow, "WLD", "World", "world", pd.NA, float(world), False))
    columns = [field["name"] for field in data.resource("trade_dots")["schema"]["fields"]]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({"year": "Int64", "partner_iso3": "string", "partner": "string", "vector": "string"})


def test_flow_values_total_adds_exports_and_imports():
    values = trade.flow_values(_toy(), "reported", "total")
    in_2000 = values[values["year"] == 2000].set_index("partner")["value_usd_mn"]
    assert in_2000.to_dict() == {"A": 20.0, "B": 20.0, "C": 15.0, "World": 90.0}


def test_shares_are_of_the_world_row_not_of_the_sum_of_partners():
    shares = trade.with_world_share(trade.flow_values(_toy(), "reported", "exports"))
    in_2000 = shares[shares["year"] == 2000].set_index("partner")["share"]
    assert in_2000["B"] == pytest.approx(20 / 50)
    assert in_2000.sum() == pytest.approx(40 / 50)  # 10 of 50 not allocated to any partner
    assert "World" not in set(shares["partner"])


def test_partner_shares_with_and_without_eu_bloc():
    separate = trade.partner_shares(_toy(), 2000, "reported", "total", eu_as_bloc=False)
    assert list(separate["label"]) == ["Italy", "Russia", "Netherlands"]  # a tie is sorted by name
    assert list(separate["share"].round(6)) == [round(20 / 90, 6)] * 2 + [round(15 / 90, 6)]
    bloc = trade.partner_shares(_toy(), 2000, "reported", "total", eu_as_bloc=True)
    assert list(bloc["label"]) == ["EU-27", "Russia"]
    assert bloc.loc[0, "share"] == pytest.approx(35 / 90)
    assert bloc.loc[0, "partner_iso3"] == "EU27"


def test_partner_shares_of_a_missing_year_is_empty_with_columns():
    empty = trade.partner_shares(_toy(), 1999)
    assert empty.empty
    assert list(empty.columns) == ["label", "partner_iso3", "vector", "value_usd_mn", "share"]


@pytest.mark.parametrize("view", ["reported", "mirror"])
@pytest.mark.parametrize("flow", ["exports", "imports", "total"])
def test_largest_partner_by_year_is_the_first_row_of_partner_shares(dots, view, flow):
    toy = trade.largest_partner_by_year(_toy(), view, flow)
    assert list(toy.index) == [2000, 2001]
    assert all(toy[year] == trade.partner_shares(_toy(), year, view, flow)["label"].iloc[0] for year in (2000, 2001))
    leaders = trade.largest_partner_by_year(dots, view, flow)
    years = sorted(int(y) for y in dots["year"].unique())
    assert list(leaders.index) == years
    for year in years:
        assert leaders[year] == trade.partner_shares(dots, year, view, flow)["label"].iloc[0]


def test_vector_and_great_power_shares():
    vectors = trade.vector_shares(_toy(), "mirror", "exports")
    assert vectors.loc[2000, "eu27"] == pytest.approx(30 / 50)
    assert vectors.loc[2001, "russia"] == 0.0
    powers = trade.great_power_shares(vectors)
    assert list(powers.columns) == ["russia", "china", "west"]
    assert powers.loc[2000, "china"] == 0.0
    assert powers.loc[2000, "west"] == pytest.approx(30 / 50)


def test_flow_and_view_are_validated():
    with pytest.raises(ValueError, match="flow must be one of"):
        trade.flow_values(_toy(), "reported", "turnover")
    with pytest.raises(ValueError, match="view must be one of"):
        trade.flow_values(_toy(), "partner", "total")


@pytest.mark.parametrize(
    ("shares", "expected"),
    [
        ([1 / 3, 1 / 3, 1 / 3], 1.0),
        ([0.2, 0.2, 0.2], 1.0),  # rescaled: only the proportions count
        ([0.5, 0.0, 0.0], 0.0),
        ([0.5, 0.5, 0.0], math.log(2) / math.log(3)),
    ],
)
def test_balance_index(shares, expected):
    assert trade.balance_index(shares) == pytest.approx(expected)


def test_balance_index_edge_cases():
    assert math.isnan(trade.balance_index([0.0, 0.0, 0.0]))
    assert math.isnan(trade.balance_index([0.4]))
    with pytest.raises(ValueError):
        trade.balance_index([0.5, -0.1, 0.2])


def test_partner_hhi_on_toy_table():
    hhi = trade.partner_hhi(_toy(), "reported", "total")
    assert hhi[2000] == pytest.approx((20 / 90) ** 2 + (20 / 90) ** 2 + (15 / 90) ** 2)
    assert hhi[2001] == pytest.approx((30 / 40) ** 2 + (5 / 40) ** 2)  # A traded nothing: a zero share adds 0
    bloc = trade.partner_hhi(_toy(), "reported", "total", eu_as_bloc=True)
    assert bloc[2000] == pytest.approx((20 / 90) ** 2 + (35 / 90) ** 2)
    assert bloc[2000] > hhi[2000]


def test_world_gdp_shares_and_intensity():
    gdp = pd.DataFrame({"iso3": ["WLD", "AAA", "BBB", "CCC", "WLD"], "year": [2020, 2020, 2020, 2020, 2021],
                        "gdp_usd": [100.0, 10.0, 5.0, None, None], "population": [1, 1, 1, 1, 1]})
    shares = trade.world_gdp_shares(gdp, 2020, {"A": ["AAA"], "bloc": ["BBB", "CCC"]})
    assert shares.to_dict() == {"A": pytest.approx(0.1), "bloc": pytest.approx(0.05)}
    assert trade.world_gdp_shares(gdp, 2021, {"A": ["AAA"]}).isna().all()
    assert trade.trade_intensity(0.2, 0.1) == pytest.approx(2.0)


# -- The real table -----------------------------------------------------------------------------------------------
def test_real_2020_shares_match_a_hand_calculation(dots):
    rows = dots[(dots["view"] == "reported") & (dots["year"] == 2020)]
    world = rows.loc[rows["partner_iso3"] == "WLD", "value_usd_mn"].sum()
    russia = rows.loc[rows["partner_iso3"] == "RUS", "value_usd_mn"].sum()
    shares = trade.partner_shares(dots, 2020).set_index("partner_iso3")["share"]
    assert shares["RUS"] == pytest.approx(russia / world)
    assert round(shares["RUS"], 3) == 0.214
    assert round(shares["CHN"], 3) == 0.180


def test_real_2020_largest_partner_depends_on_definitions(dots):
    """Claim C12 in one test: the answer moves with the view and with the EU definition."""
    def top(view, bloc):
        return trade.partner_shares(dots, 2020, view, "total", bloc).loc[0, "label"]

    assert top("reported", False) == "Russia"
    assert top("reported", True) == "EU-27"
    assert top("mirror", False) == "China"
    assert top("mirror", True) == "China"


def test_real_balance_and_hhi_values(dots):
    powers = trade.great_power_shares(trade.vector_shares(dots))
    assert round(trade.balance_index(powers.loc[2020]), 3) == 0.936
    hhi = trade.partner_hhi(dots)
    assert round(hhi[2020], 3) == 0.100
    assert round(trade.partner_hhi(dots, eu_as_bloc=True)[2020], 3) == 0.164
    assert powers.loc[1992, "russia"] == 0.0  # Russia is missing from the IMF data in 1992-1993


def test_real_vector_shares_stay_below_one(dots):
    for view in trade.VIEWS:
        for flow in trade.FLOWS:
            total = trade.vector_shares(dots, view, flow).sum(axis=1)
            # Partner values are rounded in the source, so a year can sum a hair above its World total (1993).
            assert ((total > 0.75) & (total <= 1.001)).all(), (view, flow)


# --------------------------------------------------------------------------------------------------
# IMF DOTS and BNS joined: one reported series 1992-2025
# --------------------------------------------------------------------------------------------------
def test_reported_tables_cover_consecutive_years_and_name_real_tables():
    spans = list(trade.REPORTED_TABLES.values())
    assert all(first <= last for first, last in spans)
    assert all(later[0] == earlier[1] + 1 for earlier, later in zip(spans, spans[1:]))  # no gap, no overlap
    assert set(trade.REPORTED_TABLES) <= set(data.table_names())


def test_joined_series_has_one_table_per_year_and_keeps_the_columns(table):
    dots, bns = table("trade_dots"), table("trade_bns")
    joined = trade.join_trade_tables(dots, bns)
    assert list(joined.columns) == [*dots.columns, "table"]
    assert joined.groupby("year")["table"].nunique().eq(1).all()
    assert (int(joined["year"].min()), int(joined["year"].max())) == (1992, 2025)
    for name, (first, last) in trade.REPORTED_TABLES.items():
        years = joined.loc[joined["table"] == name, "year"]
        assert (int(years.min()), int(years.max())) == (first, last)
    from_bns = joined[joined["table"] == "trade_bns"]
    assert set(from_bns["view"]) == {"reported"} and not from_bns["estimated"].any()
    # The measures work on it unchanged: China's share of turnover passes Russia's in 2023 in Kazakh figures.
    shares = trade.with_world_share(trade.flow_values(joined, "reported", "total"))
    by_partner = shares[shares["partner_iso3"].isin(["CHN", "RUS"])].pivot(index="year", columns="partner_iso3",
                                                                           values="share")
    assert (by_partner.loc[2021, "RUS"] > by_partner.loc[2021, "CHN"]
            and by_partner.loc[2023, "CHN"] > by_partner.loc[2023, "RUS"])


def test_overlap_keeps_both_sources_of_2020_and_nothing_else(table):
    dots, bns = table("trade_dots"), table("trade_bns")
    plain = trade.join_trade_tables(dots, bns)
    both = trade.join_trade_tables(dots, bns, overlap=True)
    marked = both.merge(plain, how="left", indicator=True)
    added = marked[marked["_merge"] == "left_only"]
    assert set(added["year"]) == {2020} and set(added["table"]) == {"trade_bns"}
    assert len(added) == int((bns["year"] == 2020).sum())
    world = both[(both["year"] == 2020) & (both["partner_iso3"] == "WLD") & (both["view"] == "reported")]
    gap = world.pivot_table(index="flow", columns="table", values="value_usd_mn")
    assert ((gap["trade_bns"] / gap["trade_dots"] - 1).abs() < 0.05).all()  # revisions, not another concept


def test_load_trade_by_partner_is_the_join_of_the_two_loaders():
    pd.testing.assert_frame_equal(data.load_trade_by_partner(),
                                  trade.join_trade_tables(data.load_trade_dots(), data.load_trade_bns()))
    assert set(data.load_trade_by_partner(overlap=True)["year"]) == set(range(1992, 2026))
