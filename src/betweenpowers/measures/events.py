"""Diplomatic events: the codes of the events table, the dates to draw events at, and events per year by mode.

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

import re

import numpy as np
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
    return pd.Timestamp(_iso_day(date))


def _iso_day(date: str) -> str:
    """``YYYY-MM-DD`` for an event date, the 15th when only the month is given; ValueError if not a date."""
    match = _DATE.match(str(date).strip())
    if not match:
        raise ValueError(f"an event date must look like YYYY-MM-DD or YYYY-MM, not {date!r}")
    year, month, day = match.groups()
    return f"{year}-{month}-{day or '15'}"


def event_timestamps(dates: pd.Series) -> pd.Series:
    """:func:`event_timestamp` of every date in a Series (same index).

    Parsed in one step from ISO strings: the lesson-01 explorer calls this on every redraw.
    """
    days = np.array([_iso_day(date) for date in dates], dtype="datetime64[ns]")
    return pd.Series(days, index=dates.index, name=dates.name)


def yearly_counts(events: pd.DataFrame) -> pd.DataFrame:
    """Events per calendar year by mode: one row per year from the table's first to its last (0 where none).

    ``events`` is :func:`betweenpowers.data.load_diplomatic_events` (or rows of it). Columns ``balancing`` and
    ``agenda_setting`` (ints, in the order of :data:`MODES`); index ``year``. A count is of what the compiler found
    and coded, not of everything that happened.
    """
    years = events["year"].to_numpy(dtype=int)
    counts = pd.crosstab(events["year"].astype(int), events["mode"].astype(str))
    counts = counts.reindex(index=range(int(years.min()), int(years.max()) + 1), columns=list(MODES),
                            fill_value=0).astype(int)
    counts.index.name, counts.columns.name = "year", None
    return counts
