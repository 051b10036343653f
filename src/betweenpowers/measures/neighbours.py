"""Kazakhstan's neighbours and transit partners: trade, UN vote agreement and events by region (lesson 06).

Three regions of the lesson, each a group of ISO3 codes (:data:`REGIONS`):

* **Central Asia**: Uzbekistan, Kyrgyzstan, Tajikistan, Turkmenistan (:data:`betweenpowers.vectors.CENTRAL_ASIA`);
* **South Caucasus**: Azerbaijan, Armenia, Georgia (:data:`betweenpowers.vectors.SOUTH_CAUCASUS`);
* **Turkey**.

The *transit partners* of the Middle Corridor (the Trans-Caspian International Transport Route) west of the
Caspian are Azerbaijan, Georgia and Turkey (:data:`TRANSIT_PARTNERS`). Trade *with* them is not trade *through*
them: goods that cross Azerbaijan on their way to the EU are recorded as trade with the EU, and the course has no
transit volumes. See the lesson for what data would be needed.

Every function takes a course table (or a frame made from it) and returns a new frame; nothing here reads files
or draws. Groups are given as a mapping ``label -> ISO3 codes``, so a lesson can define its own (for example the
transit partners with or without Turkey).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from betweenpowers.measures.trade import flow_values, with_world_share
from betweenpowers.measures.votes import RULE_COLUMNS, check_rule
from betweenpowers.vectors import CENTRAL_ASIA, SOUTH_CAUCASUS

#: The lesson's regions: label -> ISO3 codes (sorted, so results do not depend on set order).
REGIONS: dict[str, tuple[str, ...]] = {
    "Central Asia": tuple(sorted(CENTRAL_ASIA)),
    "South Caucasus": tuple(sorted(SOUTH_CAUCASUS)),
    "Turkey": ("TUR",),
}

#: The house style key (:func:`betweenpowers.plots.style_for`) of each region.
REGION_STYLE_KEYS: dict[str, str] = {
    "Central Asia": "central_asia",
    "South Caucasus": "south_caucasus",
    "Turkey": "turkey",
}

#: Middle Corridor partners west of the Caspian, in route order.
TRANSIT_PARTNERS: tuple[str, ...] = ("AZE", "GEO", "TUR")

def _groups(groups: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    return {str(label): tuple(codes) for label, codes in groups.items()}


def group_trade(table: pd.DataFrame, groups: Mapping[str, Iterable[str]], view: str = "reported",
                flow: str = "total", measure: str = "share") -> pd.DataFrame:
    """Each group's trade with Kazakhstan by year: index year, one column per group label.

    ``table`` is :func:`betweenpowers.data.load_trade_dots`. With ``measure="value"`` the values are the sum of the
    group's partners in million US$; with ``measure="share"`` they are that sum divided by Kazakhstan's total with
    the World in the same year, view and flow (0-1):

        share(group, year) = sum of value(partner, year) over the group's partners / value(World, year)

    Every year with a World row appears; a group without rows in a year counts 0 (no trade recorded). An empty
    mapping gives a frame with the year index and no columns.
    """
    if measure not in ("share", "value"):
        raise ValueError(f"measure must be 'share' or 'value', not {measure!r}")
    values = flow_values(table, view, flow)
    rows = with_world_share(values)
    years = pd.Index(sorted(values.loc[values["partner_type"] == "world", "year"].astype(int).unique()), name="year")
    column = "share" if measure == "share" else "value_usd_mn"
    result = pd.DataFrame(index=years)
    for label, codes in _groups(groups).items():
        mine = rows[rows["partner_iso3"].isin(list(codes))]
        summed = mine.groupby(mine["year"].astype(int))[column].sum()
        result[label] = summed.reindex(years, fill_value=0.0).astype(float)
    return result


def involves(events: pd.DataFrame, codes: Iterable[str]) -> pd.Series:
    """True for each event whose ``partners`` list (codes separated by ``;``) names any of ``codes``.

    Codes are matched whole, so ``"ARM"`` never matches inside another name.
    """
    wanted = set(codes)
    listed = events["partners"].fillna("").astype(str).str.split(";")
    return listed.map(lambda names: bool(wanted.intersection(n.strip() for n in names))).astype(bool)


def event_counts(events: pd.DataFrame, groups: Mapping[str, Iterable[str]],
                 years: tuple[int, int] | None = None) -> pd.DataFrame:
    """Number of events per year that involve each group: index year, one int column per group label.

    ``events`` is :func:`betweenpowers.data.load_diplomatic_events`. Every year from ``years`` (inclusive, either
    order; default: the table's first to last year) appears, with 0 where no event involves the group. An event
    that involves two groups counts once for each. A count is of what the compiler found, not of everything that
    happened (see ``data/README.md``).
    """
    if years is None:
        first, last = int(events["year"].min()), int(events["year"].max())
    else:
        first, last = sorted((int(years[0]), int(years[1])))
    index = pd.Index(range(first, last + 1), name="year")
    result = pd.DataFrame(index=index)
    for label, codes in _groups(groups).items():
        mine = events[involves(events, codes).to_numpy()]
        result[label] = mine.groupby(mine["year"].astype(int)).size().reindex(index, fill_value=0).astype(int)
    return result


def group_agreement(agreement: pd.DataFrame, groups: Mapping[str, Iterable[str]], partner: str = "KAZ",
                    rule: str = "half") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Mean yearly UN vote agreement of each group's countries with ``partner``, and how many countries it rests on.

    ``agreement`` is :func:`betweenpowers.data.load_unga_agreement_yearly` (its ``partner`` column includes KAZ:
    every country's agreement with Kazakhstan). For each year the group's value is the plain (unweighted) mean of
    its countries' values that year; a country without a value that year (absent from every roll call) is left
    out. Returns ``(means, counts)``, both with index year and one column per group label; ``counts`` says how
    many countries each mean rests on (0 gives NaN in ``means``).
    """
    check_rule(rule)
    rows = agreement[agreement["partner"] == partner]
    years = pd.Index(sorted(rows["year"].astype(int).unique()), name="year")
    means, counts = pd.DataFrame(index=years), pd.DataFrame(index=years)
    for label, codes in _groups(groups).items():
        mine = rows[rows["iso3"].isin([c for c in codes if c != partner])]
        mine = mine[mine[RULE_COLUMNS[rule]].notna()]
        by_year = mine.groupby(mine["year"].astype(int))[RULE_COLUMNS[rule]]
        means[label] = by_year.mean().reindex(years).astype(float)
        counts[label] = by_year.size().reindex(years, fill_value=0).astype(int)
    return means, counts


def median_agreement(agreement: pd.DataFrame, partner: str = "KAZ", rule: str = "half") -> pd.Series:
    """The median UN member's yearly agreement with ``partner`` (the partner itself left out): a baseline."""
    check_rule(rule)
    rows = agreement[(agreement["partner"] == partner) & (agreement["iso3"] != partner)]
    median = rows.groupby(rows["year"].astype(int))[RULE_COLUMNS[rule]].median().astype(float)
    median.index.name = "year"
    return median.rename("median UN member")

