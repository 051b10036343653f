"""Arms transfers in SIPRI trend-indicator values (TIV): yearly totals by supplier group.

SIPRI's TIV measures the military capability transferred, priced on the known unit production costs of a core set
of weapons; it is not the money paid and must not be compared with trade or GDP figures. Compare shares and
trends only. Source and method: SIPRI Arms Transfers Database, "Sources and methods",
https://www.sipri.org/databases/armstransfers/sources-and-methods.
"""

from __future__ import annotations

import pandas as pd

from betweenpowers.vectors import TRADE_VECTORS

#: Supplier groups of the arms chart, in display order (the trade vectors of :mod:`betweenpowers.vectors`).
ARMS_GROUPS: tuple[str, ...] = ("russia", "china", "eu27", "other_west", "turkey", "other")


def tiv_by_year(table: pd.DataFrame, direction: str = "import", by: str = "vector") -> pd.DataFrame:
    """TIV (millions) per year and group: index every year from the first to the last delivery, one column per group.

    ``table`` is :func:`betweenpowers.data.load_arms_transfers_sipri`; ``direction`` is ``"import"`` (deliveries to
    Kazakhstan) or ``"export"``; ``by`` is ``"vector"``, ``"counterpart"`` (SIPRI's name) or ``"counterpart_iso3"``.
    SIPRI lists only years with deliveries, so a year between the first and last without any row gets 0 in every
    column (no recorded delivery, or less than 0.5 million TIV). With ``by="vector"`` the columns are
    :data:`ARMS_GROUPS`, in that order, then any other trade vector that has deliveries (Kazakhstan's exports go to
    Central Asia and the South Caucasus too): no TIV is dropped.
    """
    if direction not in ("import", "export"):
        raise ValueError(f"direction must be 'import' or 'export', not {direction!r}")
    if by not in ("vector", "counterpart", "counterpart_iso3"):
        raise ValueError(f"by must be 'vector', 'counterpart' or 'counterpart_iso3', not {by!r}")
    rows = table[table["direction"] == direction]
    if rows.empty:
        return pd.DataFrame(index=pd.Index([], name="year", dtype="int64"))
    wide = rows.pivot_table(index="year", columns=by, values="tiv_mn", aggfunc="sum", fill_value=0.0)
    years = pd.Index(range(int(wide.index.min()), int(wide.index.max()) + 1), name="year")
    wide = wide.reindex(years, fill_value=0.0)
    if by == "vector":
        others = [vector for vector in TRADE_VECTORS if vector in wide.columns and vector not in ARMS_GROUPS]
        wide = wide.reindex(columns=[*ARMS_GROUPS, *others], fill_value=0.0)
    wide.columns.name = by
    return wide.astype(float)

