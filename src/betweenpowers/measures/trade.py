"""Trade by partner: flows, shares of the total, concentration, a balance index and a size benchmark (lesson 02).

Every function takes the IMF trade table (:func:`betweenpowers.data.load_trade_dots`), the IMF and BNS tables joined
(:func:`betweenpowers.data.load_trade_by_partner`, see :func:`join_trade_tables`) or frames made from them, and
returns a new frame or number; nothing here reads files or draws.

Definitions used throughout the series:

* a *flow* is ``"exports"``, ``"imports"`` or ``"total"`` (exports + imports, often called *turnover*);
* a *view* is ``"reported"`` (Kazakhstan's own statistics) or ``"mirror"`` (what the partners report about their
  trade with Kazakhstan, turned to Kazakhstan's perspective). Never mix the two in one series;
* a *share* is a partner's value divided by Kazakhstan's total with the World in the same year, view and flow
  (the IMF's ``World`` row). The World total also holds trade that the statistics do not allocate to any country,
  so the partners' shares can add up to a little less than 1.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import pandas as pd

from betweenpowers.measures.concentration import hhi, normalised_entropy
from betweenpowers.vectors import EU27, country_name

FLOWS: tuple[str, ...] = ("exports", "imports", "total")
VIEWS: tuple[str, ...] = ("reported", "mirror")

WEST_VECTORS: tuple[str, ...] = ("eu27", "other_west")

#: Label and code of the EU when its 27 member states are counted as one partner.
EU_LABEL = "EU-27"
EU_CODE = "EU27"

#: Kazakhstan's own (reported) trade by partner is in two tables: which one serves which years. IMF DOTS ends in
#: 2020 and the Bureau of National Statistics' partner table starts in 2020: 2020 is in both, and belongs to DOTS
#: in the joined series (:func:`join_trade_tables`), so the years before stay comparable; the mirror view exists
#: only in DOTS, to 2020.
REPORTED_TABLES: dict[str, tuple[int, int]] = {"trade_dots": (1992, 2020), "trade_bns": (2021, 2025)}

_KEY = ["year", "partner", "partner_iso3", "partner_type", "vector"]


def source_switch(years: Iterable[int]) -> float | None:
    """Where a series of Kazakhstan's statistics over ``years`` changes table (2020.5: between the IMF's last year and
    BNS's first, :data:`REPORTED_TABLES`), or None when the years stay on one side.

    >>> source_switch(range(1994, 2026)), source_switch([2021, 2025])
    (2020.5, None)
    """
    shown = [int(year) for year in years]
    at = REPORTED_TABLES["trade_dots"][1] + 0.5
    return at if shown and min(shown) < at < max(shown) else None


def join_trade_tables(dots: pd.DataFrame, bns: pd.DataFrame, overlap: bool = False) -> pd.DataFrame:
    """``trade_dots`` and ``trade_bns`` as one table 1992-2025, with a column ``table`` naming each row's source.

    Each table serves the years :data:`REPORTED_TABLES` gives it; BNS rows are in the reported view (Kazakhstan's
    own statistics). With ``overlap=True`` BNS's 2020 rows are kept too, so the two sources can be compared in the
    year they share: then group by ``table`` as well, or 2020 is counted twice. The result has the columns of
    ``trade_dots`` plus ``table``; every function of this module takes it.

    >>> dots = pd.DataFrame({"year": [2020], "view": ["reported"], "value_usd_mn": [1.0]})
    >>> bns = pd.DataFrame({"year": [2020, 2021], "value_usd_mn": [1.1, 2.0]})
    >>> join_trade_tables(dots, bns)[["year", "table", "value_usd_mn"]].values.tolist()
    [[2020, 'trade_dots', 1.0], [2021, 'trade_bns', 2.0]]
    """
    first_bns = REPORTED_TABLES["trade_bns"][0] - (1 if overlap else 0)
    parts = [
        dots[dots["year"].between(*REPORTED_TABLES["trade_dots"])].assign(table="trade_dots"),
        bns[bns["year"].between(first_bns, REPORTED_TABLES["trade_bns"][1])].assign(
            table="trade_bns", view="reported", estimated=False),
    ]
    joined = pd.concat(parts, ignore_index=True)
    return joined[[*dots.columns, "table"]]


def _check(flow: str, view: str) -> None:
    if flow not in FLOWS:
        raise ValueError(f"flow must be one of {FLOWS}, not {flow!r}")
    if view not in VIEWS:
        raise ValueError(f"view must be one of {VIEWS}, not {view!r}")


def flow_values(table: pd.DataFrame, view: str = "reported", flow: str = "total") -> pd.DataFrame:
    """One view and flow of the trade table: columns year, partner, partner_iso3, partner_type, vector, value_usd_mn.

    ``flow="total"`` adds each partner's exports and imports in a year (a partner missing from one flow counts as
    zero there). The World row (``partner_type == "world"``) is kept, so shares can be taken of it.
    """
    _check(flow, view)
    rows = table[table["view"] == view]
    if flow != "total":
        rows = rows[rows["flow"] == flow]
    summed = rows.groupby(_KEY, dropna=False, sort=True)["value_usd_mn"].sum().reset_index()
    return summed


def with_world_share(values: pd.DataFrame) -> pd.DataFrame:
    """Add a column ``share``: each row's value divided by the World row's value in the same year (0-1).

    ``values`` is a frame from :func:`flow_values`. The World rows are dropped from the result. Years without a
    World row (or with a zero World total) get NaN shares.
    """
    is_world = values["partner_type"] == "world"
    world = values[is_world].set_index("year")["value_usd_mn"].astype("float64")
    world = world.where(world > 0)
    partners = values[~is_world].copy()
    share = partners["value_usd_mn"] / partners["year"].map(world)
    partners["share"] = share.to_numpy(dtype="float64", na_value=math.nan)
    return partners.reset_index(drop=True)


def partner_shares(table: pd.DataFrame, year: int, view: str = "reported", flow: str = "total",
                   eu_as_bloc: bool = False) -> pd.DataFrame:
    """Every partner's value and share of Kazakhstan's total in one year, largest first.

    Columns: label (a readable name), partner_iso3, vector, value_usd_mn, share (0-1). With ``eu_as_bloc`` the 27 EU
    member states (and historic entities whose successors are all members) are added up as one partner,
    :data:`EU_LABEL`. A year without data gives an empty frame with these columns.
    """
    year = int(year)
    # Only that year's rows: the same result as taking the year out of every year's shares, without computing them.
    values = with_world_share(flow_values(table[table["year"] == year], view, flow))
    rows = values[values["year"] == year].copy()
    names = rows["partner_iso3"].map(country_name, na_action="ignore")
    rows["label"] = names.fillna(rows["partner"]).astype("string")
    if eu_as_bloc:
        in_eu = rows["vector"] == "eu27"
        rows.loc[in_eu, "label"] = EU_LABEL
        rows.loc[in_eu, "partner_iso3"] = EU_CODE
    grouped = (rows.groupby(["label", "partner_iso3", "vector"], dropna=False)[["value_usd_mn", "share"]].sum()
               .reset_index())
    grouped = grouped.sort_values(["share", "label"], ascending=[False, True], kind="mergesort")
    return grouped[["label", "partner_iso3", "vector", "value_usd_mn", "share"]].reset_index(drop=True)


def largest_partner_by_year(table: pd.DataFrame, view: str = "reported", flow: str = "total") -> pd.Series:
    """The label of Kazakhstan's largest partner in each year (index year): the first row of :func:`partner_shares`.

    Same partners, labels and order as ``partner_shares(table, year, view, flow)["label"].iloc[0]`` for every year
    with data (the EU's members counted separately), computed for all years at once.
    """
    values = with_world_share(flow_values(table, view, flow))
    names = values["partner_iso3"].map(country_name, na_action="ignore")
    values["label"] = names.fillna(values["partner"]).astype("string")
    grouped = (values.groupby(["year", "label", "partner_iso3", "vector"], dropna=False)[["value_usd_mn", "share"]]
               .sum().reset_index())
    grouped = grouped.sort_values(["year", "share", "label"], ascending=[True, False, True], kind="mergesort")
    first = grouped.drop_duplicates("year")
    return pd.Series(first["label"].to_numpy(), index=pd.Index(first["year"].to_numpy(), name="year"), name="label")


def vector_shares(table: pd.DataFrame, view: str = "reported", flow: str = "total") -> pd.DataFrame:
    """Share of Kazakhstan's total trade (0-1) by vector and year: index year, one column per vector.

    Vectors with no trade in a year get 0.
    """
    shares = with_world_share(flow_values(table, view, flow))
    wide = shares.pivot_table(index="year", columns="vector", values="share", aggfunc="sum", fill_value=0.0)
    wide.columns.name = "vector"
    return wide


def great_power_shares(vector_share_table: pd.DataFrame) -> pd.DataFrame:
    """Collapse vector shares to the three great-power directions: columns russia, china, west (= eu27 + other_west).

    ``vector_share_table`` is :func:`vector_shares` (or any frame with those vector columns); missing vectors
    count as 0.
    """
    frame = vector_share_table.reindex(columns=["russia", "china", *WEST_VECTORS], fill_value=0.0)
    result = pd.DataFrame({
        "russia": frame["russia"],
        "china": frame["china"],
        "west": frame[list(WEST_VECTORS)].sum(axis=1),
    }, index=frame.index)
    result.columns.name = None
    return result


def balance_index(share_values: Iterable[float]) -> float:
    """How evenly trade is spread across a few directions: 1 = perfectly even, 0 = all in one direction.

    The shares (for example Russia, China and the West, each as a share of *all* trade) are first rescaled to sum
    to 1, then the normalised Shannon entropy is taken (:func:`.concentration.normalised_entropy`):

        B = -sum(p_i * ln p_i) / ln n,   p_i = s_i / sum(s)

    So B compares the directions with each other only; it ignores trade with everyone else. NaN when the shares
    sum to 0 or fewer than two are given. Reference: Shannon, C. E. (1948), "A Mathematical Theory of
    Communication", Bell System Technical Journal 27: 379-423.
    """
    values = [float(s) for s in share_values]
    if any(v < 0 for v in values):
        raise ValueError("balance_index needs non-negative shares")
    total = sum(values)
    if len(values) < 2 or total <= 0:
        return math.nan
    return normalised_entropy(v / total for v in values)


def partner_hhi(table: pd.DataFrame, view: str = "reported", flow: str = "total",
                eu_as_bloc: bool = False) -> pd.Series:
    """Herfindahl-Hirschman index of Kazakhstan's trade across partners, by year (0-1 scale).

    HHI = sum of the squared shares of every partner (shares of the World total, see the module docstring).
    It is 1 when one partner takes everything and close to 0 when trade is spread thinly over many partners;
    1/n for n equal partners. Counting the EU as one partner raises it. Reference: Hirschman, A. O. (1945),
    *National Power and the Structure of Foreign Trade*, University of California Press.
    """
    shares = with_world_share(flow_values(table, view, flow))
    if eu_as_bloc:
        shares = shares.assign(partner=shares["partner"].where(shares["vector"] != "eu27", EU_LABEL))
        shares = shares.groupby(["year", "partner"], as_index=False)["share"].sum()
    result = shares.groupby("year")["share"].apply(lambda s: hhi(s.dropna()))
    result.name = "hhi"
    return result


def world_gdp_shares(gdp_table: pd.DataFrame, year: int, groups: Mapping[str, Iterable[str]]) -> pd.Series:
    """Each group's share of world GDP in one year (0-1), from :func:`betweenpowers.data.load_world_gdp_population`.

    ``groups`` maps a label to ISO3 codes (one code for a country, the 27 members for the EU). The world total is
    the ``WLD`` row. Members without a GDP value that year count as 0; a missing world total gives NaN.
    """
    in_year = gdp_table[gdp_table["year"] == int(year)].set_index("iso3")["gdp_usd"]
    world = in_year.get("WLD", math.nan)
    if pd.isna(world) or world <= 0:
        return pd.Series({label: math.nan for label in groups}, name="gdp_share", dtype=float)
    return pd.Series({label: float(in_year.reindex(list(codes)).fillna(0).sum()) / float(world)
                      for label, codes in groups.items()}, name="gdp_share", dtype=float)


#: Partner groups of the size benchmark: label -> ISO3 codes.
BENCHMARK_GROUPS: dict[str, tuple[str, ...]] = {
    "Russia": ("RUS",),
    "China": ("CHN",),
    EU_LABEL: tuple(sorted(EU27)),
    "USA": ("USA",),
    "Turkey": ("TUR",),
    "Uzbekistan": ("UZB",),
    "South Korea": ("KOR",),
}


def trade_intensity(trade_share: float | pd.Series, gdp_share: float | pd.Series) -> float | pd.Series:
    """A partner's share of Kazakhstan's trade divided by its share of world GDP.

    A simple gravity-style benchmark: if Kazakhstan traded with every economy in proportion to its size, the
    ratio would be 1 for everyone. Above 1, Kazakhstan trades more with the partner than its size alone suggests
    (neighbours and pipelines usually are); below 1, less. The full gravity model also accounts for distance and
    Kazakhstan's own size (Tinbergen, J. (1962), *Shaping the World Economy*, Twentieth Century Fund).
    """
    return trade_share / gdp_share
