"""Reading the raw extracts, and the unit conversion the page-figure builders share.

Every builder reads its files through :func:`read_raw`, so a missing file is reported the same way everywhere:
``FileNotFoundError: Raw file not found: <path>`` (``main`` turns it into a message and exit code 2).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd


def read_raw(raw: Path, relative: str, **kwargs: Any) -> pd.DataFrame:
    """Read the CSV ``raw / relative`` with pandas (``kwargs`` go to :func:`pandas.read_csv`)."""
    path = raw / relative
    if not path.exists():
        raise FileNotFoundError(f"Raw file not found: {path}")
    return pd.read_csv(path, **kwargs)


def usd_bn(values: pd.Series, units: pd.Series) -> pd.Series:
    """Figures in billion US dollars, from values in 'USD bn ...' or 'USD mn ...'; NaN for any other unit."""
    factor = units.map(lambda u: 1.0 if u.startswith("USD bn") else (0.001 if u.startswith("USD mn") else None))
    return (values * factor.astype(float)).round(6)
