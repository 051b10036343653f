"""Small pure helpers for judging the article's claims against the data (lesson 08, the capstone).

A *verdict* is one of :data:`VERDICTS`. It is a judgement, but one that must rest on evidence computed from the
tables in ``data/``; these helpers compute the pieces of evidence the capstone uses more than once (a count of
years above a threshold, a mean before and after a boundary year, a yearly rate of events per era, a correlation of
yearly changes). Nothing here reads files or draws; every function takes and returns pandas objects or numbers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import pandas as pd

#: The four verdicts of the capstone, from strongest to weakest support.
VERDICTS: tuple[str, ...] = ("supported", "partly supported", "contradicted", "not testable with this data")

#: The article's claims, paraphrased in a few words (the full paraphrases are in lesson 01, section 6).
CLAIMS: dict[str, str] = {
    "C01": "UN Secretary-General visited Astana in August 2025",
    "C02": "the UNGA 2025 speech departs from past appearances",
    "C03": "thirty years of equidistance between Russia, China and the West",
    "C04": "the Ukraine war undermined simple balancing",
    "C05": "Kazakhstan and Uzbekistan moved from rivalry to partnership",
    "C06": "Kazakhstan championed the Central Asian Consultative Meetings",
    "C07": "trade with Azerbaijan above USD 330 million in H1 2025",
    "C08": "Almaty hosted talks leading to the Armenia-Azerbaijan declaration",
    "C09": "EU trade near USD 50 billion in 2024; a leading oil supplier",
    "C10": "trade with the USA above USD 4 billion a year",
    "C11": "EU and USA well over 40% of cumulative FDI",
    "C12": "China has become the largest trading partner",
    "C13": "refused to recognise Russia's annexations",
    "C14": "still exposed to Russia; defence integration discouraged",
    "C15": "activism raised Central Asia's profile at the UN",
    "C16": "commodity swings make the foundations fragile",
}

#: Where each claim is examined in depth (lesson numbers); lesson 01 lists the claims, lesson 08 judges them all.
CLAIM_LESSONS: dict[str, str] = {
    "C01": "05", "C02": "05", "C03": "01-04", "C04": "03", "C05": "06", "C06": "05", "C07": "06", "C08": "06",
    "C09": "02", "C10": "02", "C11": "04", "C12": "02", "C13": "03", "C14": "04, 07", "C15": "05", "C16": "07",
}

#: Cities that event titles name as venues.
CITIES: tuple[str, ...] = ("Astana", "Almaty", "Aktau", "Tashkent", "Moscow", "New York")


def check_verdict(verdict: str) -> str:
    """Return ``verdict`` if it is one of :data:`VERDICTS`; raise ``ValueError`` naming the allowed ones if not."""
    if verdict not in VERDICTS:
        raise ValueError(f"a verdict must be one of {VERDICTS}, not {verdict!r}")
    return verdict


def city_in_title(titles: pd.Series) -> pd.Series:
    """The first city of :data:`CITIES` named in each title ("" when none is named), same index.

    >>> city_in_title(pd.Series(["Guterres in Almaty: host-country agreement"])).tolist()
    ['Almaty']
    """
    pattern = re.compile("|".join(re.escape(c) for c in CITIES))

    def first(title: object) -> str:
        match = pattern.search(str(title))
        return match.group(0) if match else ""

    return titles.map(first).astype("string")


def years_at_or_above(series: pd.Series, threshold: float) -> list[int]:
    """The index labels (years) where ``series`` is at or above ``threshold``, in order; missing values never count."""
    values = pd.to_numeric(series, errors="coerce")
    return [int(year) for year in values.index[values >= threshold]]


def before_after(series: pd.Series, boundary: int) -> pd.Series:
    """Mean of a yearly series before ``boundary`` (years < boundary) and from it on, and the change.

    Returns a Series with labels ``before``, ``after`` and ``change`` (after - before); NaN where a side is empty.
    """
    values = pd.to_numeric(series, errors="coerce").dropna()
    years = pd.Index(values.index).astype(int)
    before = float(values[years < boundary].mean()) if (years < boundary).any() else math.nan
    after = float(values[years >= boundary].mean()) if (years >= boundary).any() else math.nan
    return pd.Series({"before": before, "after": after, "change": after - before})


def per_year_by_era(years: Iterable[int], boundary: int, first: int, last: int) -> pd.DataFrame:
    """Events per year before and from ``boundary`` on, for events dated in ``years`` (one entry per event).

    The eras are ``first`` to ``boundary - 1`` and ``boundary`` to ``last`` (whole years, both ends included), so
    the rate is comparable between eras of different length:

        per_year = events in the era / number of years in the era

    Index: ``"<first>-<boundary-1>"`` and ``"<boundary>-<last>"``; columns ``years``, ``events``, ``per_year``.
    Events outside ``first``..``last`` are ignored.
    """
    if not first < boundary <= last:
        raise ValueError(f"the boundary year must lie after {first} and not after {last}, not {boundary}")
    counted = pd.Series([int(y) for y in years], dtype="int64")
    eras = {f"{first}-{boundary - 1}": (first, boundary - 1), f"{boundary}-{last}": (boundary, last)}
    rows = {}
    for label, (start, end) in eras.items():
        n_years = end - start + 1
        n_events = int(((counted >= start) & (counted <= end)).sum())
        rows[label] = {"years": n_years, "events": n_events, "per_year": n_events / n_years}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "era"
    return table.astype({"years": "int64", "events": "int64"})


def change_correlation(x: pd.Series, y: pd.Series) -> float:
    """Pearson correlation of the yearly percentage changes of two series aligned on their index.

    Changes are ``x.pct_change()`` and ``y.pct_change()`` over consecutive index labels; pairs with a missing change
    are dropped. Correlating changes rather than levels removes most of a shared trend, which would otherwise
    inflate the correlation. NaN with fewer than three pairs.
    """
    frame = pd.DataFrame({"x": pd.to_numeric(x, errors="coerce"), "y": pd.to_numeric(y, errors="coerce")})
    changes = frame.sort_index().pct_change(fill_method=None).dropna()
    if len(changes) < 3:
        return math.nan
    return float(changes["x"].corr(changes["y"]))


def level_correlation(x: pd.Series, y: pd.Series) -> float:
    """Pearson correlation of two series' levels aligned on their index (NaN with fewer than three pairs)."""
    frame = pd.DataFrame({"x": pd.to_numeric(x, errors="coerce"), "y": pd.to_numeric(y, errors="coerce")}).dropna()
    if len(frame) < 3:
        return math.nan
    return float(frame["x"].corr(frame["y"]))


def share_verdict(n_meeting: int, n_total: int) -> str:
    """A verdict for a claim about "most years": the share of years in which a condition holds.

    ``supported`` if it holds in at least 80% of the years, ``partly supported`` from one third, ``contradicted``
    below one third, ``not testable with this data`` when there are no years. The cut points are a teaching
    convention, stated so that students can argue with them.
    """
    if n_total <= 0:
        return "not testable with this data"
    share = n_meeting / n_total
    if share >= 0.8:
        return "supported"
    if share >= 1 / 3:
        return "partly supported"
    return "contradicted"
