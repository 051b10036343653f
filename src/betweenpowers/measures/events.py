"""Counting diplomatic events: by year, decade, category, mode and vector, and the share that is agenda-setting.

The table is :func:`betweenpowers.data.load_diplomatic_events`: one row per dated event, coded with the rules in
``data/README.md``. Three codes matter here:

* ``category``: what kind of event it is (the first that fits, in the order of :data:`CATEGORIES`);
* ``mode``: ``agenda_setting`` when Kazakhstan proposed or initiated it, hosted or chaired it, mediated,
  sponsored or championed it at the UN, or settled a regional question with its neighbours; ``balancing``
  otherwise (joining, signing or aligning with frameworks that others lead);
* ``vector``: the main external orientation (:data:`VECTORS`).

A count of events is a count of *what the compiler found and coded*, not of everything that happened: the
1990s have fewer rows partly because fewer pages about them were found. The functions here are pure (they
take and return pandas objects and never read files), so lessons can show every step.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import pandas as pd

#: Vectors of the events table, in display order (the three great powers first).
VECTORS: tuple[str, ...] = ("russia", "china", "west", "regional", "global", "multi")

#: Readable names of the vectors.
VECTOR_LABELS: dict[str, str] = {
    "russia": "Russia",
    "china": "China",
    "west": "West",
    "regional": "Regional",
    "global": "Global",
    "multi": "Multi",
}

#: Modes: Kazakhstan's role in an event.
MODES: tuple[str, ...] = ("balancing", "agenda_setting")

MODE_LABELS: dict[str, str] = {"balancing": "balancing", "agenda_setting": "agenda-setting"}

#: Categories in the order the coding rule tries them (an event gets the first that fits).
CATEGORIES: tuple[str, ...] = (
    "mediation",
    "un_initiative",
    "nonproliferation",
    "corridor_connectivity",
    "security_alignment",
    "hosted_summit",
    "initiated_forum",
    "treaty_or_membership",
)

CATEGORY_LABELS: dict[str, str] = {
    "mediation": "Mediation",
    "un_initiative": "UN initiative",
    "nonproliferation": "Non-proliferation",
    "corridor_connectivity": "Corridor / connectivity",
    "security_alignment": "Security alignment",
    "hosted_summit": "Hosted summit",
    "initiated_forum": "Initiated forum",
    "treaty_or_membership": "Treaty or membership",
}

#: Rows whose coding the compiler flagged as borderline (``PROVENANCE.md`` of the raw events folder, section 3),
#: with the reason in a few words. ``data/README.md`` names three of them as examples (KZ027, KZ034, KZ064).
#: Good material for discussion: the lesson shows how a count moves when one of them is recoded.
BORDERLINE_EVENTS: dict[str, str] = {
    "KZ001": "a national decree, coded agenda-setting because later UN initiatives grew from it",
    "KZ002": "joining the UN as an ordinary member, so coded balancing",
    "KZ010": "signing the CTBT, coded agenda-setting because of Kazakhstan's part in drafting it",
    "KZ020": "a treaty signed with neighbours; Kazakhstan counted as a co-founder",
    "KZ027": "joining a Russia-centred bloc (balancing), though the idea was Nazarbayev's and it was signed in Astana",
    "KZ034": "one of three equal founders of a route (balancing); the 2022 roadmap hosted in Aktau is agenda-setting",
    "KZ054": "a bilateral border treaty, agenda-setting as a regional question settled with a neighbour",
    "KZ059": "a visit by the UN Secretary-General, agenda-setting because Kazakhstan hosted it",
    "KZ064": "a bilateral state visit (balancing), although Astana hosted the CSTO summit that week",
    "KZ066": "hosted in Astana (agenda-setting), but the format was proposed by China",
}

_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def event_timestamp(date: str) -> pd.Timestamp:
    """The point in time at which to draw an event.

    ``YYYY-MM-DD`` is that day. ``YYYY-MM`` (the day is uncertain, ``date_precision`` = month) is drawn on the
    15th, the middle of the month, so that a timeline never suggests more precision than the source gives.

    >>> event_timestamp("2016-06")
    Timestamp('2016-06-15 00:00:00')
    """
    match = _DATE.match(str(date).strip())
    if not match:
        raise ValueError(f"an event date must look like YYYY-MM-DD or YYYY-MM, not {date!r}")
    year, month, day = match.groups()
    return pd.Timestamp(int(year), int(month), int(day) if day else 15)


def event_timestamps(dates: pd.Series) -> pd.Series:
    """:func:`event_timestamp` of every date in a Series (same index)."""
    return pd.Series([event_timestamp(d) for d in dates], index=dates.index, dtype="datetime64[ns]",
                     name=dates.name)


def decade_label(year: int) -> str:
    """The decade a year falls in, as a label: 1994 -> '1990s'."""
    return f"{int(year) // 10 * 10}s"


def in_years(events: pd.DataFrame, years: tuple[int, int]) -> pd.DataFrame:
    """Events whose ``year`` lies in ``years`` (inclusive; the two ends may be given in either order)."""
    first, last = sorted((int(years[0]), int(years[1])))
    return events[(events["year"] >= first) & (events["year"] <= last)]


def counts_by(events: pd.DataFrame, column: str, order: Sequence[str] | None = None) -> pd.Series:
    """Number of events per value of ``column``, as plain ints.

    With ``order`` every listed value appears, in that order, with 0 where there is no event (so tables of
    different periods line up); without it, values are sorted by count, largest first (ties by name).
    """
    counts = events[column].astype(str).value_counts()
    if order is not None:
        result = counts.reindex(list(order), fill_value=0)
    else:
        frame = counts.rename("n").reset_index()
        frame.columns = [column, "n"]
        frame = frame.sort_values(["n", column], ascending=[False, True])
        result = frame.set_index(column)["n"]
    result = result.astype(int)
    result.index.name = column
    return result.rename("events")


def agenda_setting_share(events: pd.DataFrame) -> float:
    """Share of events coded ``agenda_setting`` (0-1); NaN when there are no events.

    share = (number of rows with mode == "agenda_setting") / (number of rows)
    """
    if len(events) == 0:
        return math.nan
    return float((events["mode"] == "agenda_setting").sum() / len(events))


def mode_table(events: pd.DataFrame, by: str | pd.Series, order: Sequence[str] | None = None) -> pd.DataFrame:
    """Events per group, split by mode, with the agenda-setting share of each group.

    ``by`` is a column name or a Series aligned with ``events`` (for example decade labels). Columns:
    ``events``, ``balancing``, ``agenda_setting`` (counts) and ``agenda_share`` (agenda_setting / events, NaN
    for an empty group). With ``order`` every listed group appears, in that order.
    """
    keys = events[by] if isinstance(by, str) else by
    name = by if isinstance(by, str) else (by.name or "group")
    keys = keys.astype(str).rename(name)
    table = pd.crosstab(keys, events["mode"].astype(str)).reindex(columns=list(MODES), fill_value=0)
    if order is not None:
        table = table.reindex(list(order), fill_value=0)
    table = table.astype(int)
    table.insert(0, "events", table.sum(axis=1))
    total = table["events"].where(table["events"] > 0)
    table["agenda_share"] = table["agenda_setting"] / total
    table.columns.name = None
    table.index.name = name
    return table
