"""Ideal points: one number per country and year that places its UN votes on a single scale.

Bailey, Strezhnev and Voeten estimate each state's *ideal point* from all its General Assembly votes with a
dynamic item-response model; higher values are closer to the US-led Western position. Because the model also
estimates where each resolution sits, an ideal point moves less with the agenda (which resolutions come to a vote)
than a raw agreement share does. The distance between two states is the absolute difference of their ideal points,
``|IP_a - IP_b|``, a standard dyadic measure: 0 means the same position.

Reference: Bailey, M. A., Strezhnev, A. and Voeten, E. (2017), "Estimating Dynamic State Preferences from United
Nations Voting Data", *Journal of Conflict Resolution* 61(2): 430-456; data doi:10.7910/DVN/LEJUQZ.

``unga_ideal_points`` holds three published estimates ("vintages"), made from different vote sets. Values differ
between vintages, so a series must take every year from the same vintage: every function here takes exactly one
``vintage`` and refuses anything else.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

#: Vintage key -> description (from data/datapackage.json and the July-2025 codebook).
VINTAGES: dict[str, str] = {
    "2026_final_passage": "2026 file, final-passage votes on resolutions, 1991-2025",
    "2025-07_final_passage": "July 2025 file, final-passage votes on resolutions, 1991-2024",
    "2025-07_all_votes": "July 2025 file, all votes incl. amendments and paragraphs, 1991-2023",
}


def _one_vintage(table: pd.DataFrame, vintage: str) -> pd.DataFrame:
    if not isinstance(vintage, str) or vintage not in VINTAGES:
        raise ValueError(f"vintage must be one of {tuple(VINTAGES)} (exactly one, never mixed), not {vintage!r}")
    return table[table["vintage"] == vintage]


def ideal_points(table: pd.DataFrame, countries: Sequence[str], vintage: str) -> pd.DataFrame:
    """Ideal points of ``countries`` from one vintage: index year, one column per country (NaN where missing).

    ``table`` is :func:`betweenpowers.data.load_unga_ideal_points`. Countries without rows in that vintage give
    an all-NaN column; no country gives a frame without columns.
    """
    rows = _one_vintage(table, vintage)
    rows = rows[rows["iso3"].isin(list(countries))]
    wide = rows.pivot(index="year", columns="iso3", values="ideal_point")
    index = pd.Index(sorted(_one_vintage(table, vintage)["year"].unique()), name="year")
    wide = wide.reindex(index=index, columns=list(dict.fromkeys(countries))).astype(float)
    wide.columns.name = None
    return wide


def ideal_point_distance(table: pd.DataFrame, country: str, partners: Sequence[str], vintage: str) -> pd.DataFrame:
    """Distance ``|IP_country - IP_partner|`` by year, one vintage, with the votes behind the country's estimate.

    Returns index year (years where the country has an estimate), one column per partner (the partner itself is
    allowed and gives 0), and a last column ``n_votes``: the number of votes behind the country's estimate that
    year. Read small ``n_votes`` as a warning: an estimate from a handful of votes is uncertain.
    """
    partners = list(dict.fromkeys(partners))
    points = ideal_points(table, [country, *partners], vintage)
    points = points[points[country].notna()]
    distance = pd.DataFrame(index=points.index)
    for partner in partners:
        distance[partner] = (points[country] - points[partner]).abs()
    rows = _one_vintage(table, vintage)
    votes = rows[rows["iso3"] == country].set_index("year")["n_votes"]
    distance["n_votes"] = votes.reindex(distance.index).astype("Int64")
    return distance


def compare_vintages(table: pd.DataFrame, country: str, partner: str, vintages: Sequence[str]) -> pd.DataFrame:
    """The distance ``country``-``partner`` by year as each vintage gives it: one column per vintage, side by side.

    For comparing vintages only; a single series must still use one column.
    """
    columns = {}
    for vintage in vintages:
        columns[vintage] = ideal_point_distance(table, country, [partner], vintage)[partner]
    return pd.DataFrame(columns).rename_axis("year")
