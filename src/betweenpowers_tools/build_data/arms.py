"""Builder of ``arms_transfers_sipri``: arms deliveries to and from Kazakhstan in SIPRI trend-indicator values.

Raw folder: ``arms_sipri_tiv_kazakhstan``. Counterparts get ISO3 codes (SIPRI's own codes mapped) and the trade
vector of :func:`betweenpowers.vectors.trade_vector`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from betweenpowers.vectors import trade_vector
from betweenpowers_tools.build_data.rawfiles import read_raw

#: SIPRI's own country codes where they differ from ISO 3166 alpha-3.
SIPRI_TO_ISO3 = {"CHI": "CHN", "FRG": "DEU", "SA": "ZAF", "KOS": "KOR", "SPA": "ESP"}
#: Recipients of Kazakhstan's exports (SIPRI gives no code for them) -> ISO3.
SIPRI_RECIPIENTS = {"Angola": "AGO", "Congo": "COG", "Ethiopia": "ETH", "Georgia": "GEO", "India": "IND",
                    "Kyrgyzstan": "KGZ", "Nepal": "NPL", "North Korea": "PRK", "North Macedonia": "MKD",
                    "Serbia": "SRB", "Sri Lanka": "LKA"}


def build_arms_transfers_sipri(raw: Path) -> pd.DataFrame:
    """Imports (Kazakhstan as recipient) and exports (as supplier) by counterpart and year."""
    src = read_raw(raw, "arms_sipri_tiv_kazakhstan/sipri_tiv_kazakhstan_arms_transfers.csv")
    imports = src[src["recipient"] == "Kazakhstan"]
    exports = src[src["supplier"] == "Kazakhstan"]
    imp = pd.DataFrame({
        "direction": "import", "year": imports["year"],
        "counterpart_iso3": imports["supplier_sipri_code"].map(lambda c: SIPRI_TO_ISO3.get(c, c)),
        "counterpart": imports["supplier"], "tiv_mn": imports["tiv_mn"],
    })
    exp = pd.DataFrame({
        "direction": "export", "year": exports["year"],
        "counterpart_iso3": exports["recipient"].map(SIPRI_RECIPIENTS),
        "counterpart": exports["recipient"], "tiv_mn": exports["tiv_mn"],
    })
    out = pd.concat([imp, exp], ignore_index=True)
    if out["counterpart_iso3"].isna().any():
        raise ValueError("SIPRI counterpart without an ISO3 code")
    out["vector"] = out["counterpart_iso3"].map(trade_vector)
    return out.sort_values(["direction", "counterpart_iso3", "year"]).reset_index(drop=True)
