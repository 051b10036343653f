"""Builder of ``diplomatic_events``: Kazakhstan's diplomatic events, each with a cited page and a short quote.

Raw folder: ``kz-diplomatic-events``. The coding (category, mode, vector) is taken unchanged; its rules are in
``data/README.md`` and the allowed values in :mod:`betweenpowers.measures.events`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from betweenpowers_tools.build_data.rawfiles import read_raw


def build_diplomatic_events(raw: Path) -> pd.DataFrame:
    """The events table, source_quote renamed to quote, with the precision of each date (day or month)."""
    src = read_raw(raw, "kz-diplomatic-events/events.csv")
    out = pd.DataFrame({
        "event_id": src["event_id"],
        "date": src["date"],
        "date_precision": src["date"].map(lambda d: "day" if len(d) == 10 else "month"),
        "year": src["year"],
        "title": src["title"],
        "category": src["category"],
        "mode": src["mode"],
        "vector": src["vector"],
        "partners": src["partners"],
        "confidence": src["confidence"],
        "source_url": src["source_url"],
        "quote": src["source_quote"],
    })
    return out.sort_values("event_id").reset_index(drop=True)
