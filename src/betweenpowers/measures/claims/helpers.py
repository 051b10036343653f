"""Small pure helpers for the evidence behind the capstone's verdicts (lesson 08).

They compute the pieces of evidence the claims use more than once: the city an event title names, the years at or
above a threshold, a mean before and after a boundary year, a yearly rate of events per era, a correlation of
yearly changes or levels, and a short list of years for a reasoning text. Nothing here reads files or draws; every
function takes and returns pandas objects, numbers or strings.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import pandas as pd

#: Cities that event titles name as venues.
CITIES: tuple[str, ...] = ("Astana", "Almaty", "Aktau", "Tashkent", "Moscow", "New York")


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


def format_years(years: list[int]) -> str:
    """Years for a reasoning text: all of them up to six, else the first three and the last; "none" when empty.

    >>> format_years([1994, 1995, 1996, 1997, 1998, 1999, 2000])
    '1994, 1995, 1996, ..., 2000'
    """
    if not years:
        return "none"
    if len(years) > 6:
        return f"{', '.join(str(y) for y in years[:3])}, ..., {years[-1]}"
    return ", ".join(str(y) for y in years)


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
