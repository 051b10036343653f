"""The claim judged on the economy: C16 (commodity swings make the foundations fragile), the oil price against
Kazakhstan's GDP or exports.

The rule takes the ``tables`` dict (keys of :data:`~betweenpowers.measures.claims.CLAIM_TABLES`) and a choice of
:data:`~betweenpowers.measures.claims.CLAIM_CHOICES`, and returns a
:class:`~betweenpowers.measures.claims.ClaimEvidence`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from betweenpowers.measures.claims.evidence import ClaimEvidence, evidence, need_table, table_source
from betweenpowers.measures.claims.helpers import change_correlation, level_correlation

#: The correlation from which C16 counts as supported.
SUPPORTED_R = 0.3


def correlation_verdict(r: float) -> str:
    """C16's rule: r of :data:`SUPPORTED_R` or more = supported, above 0 = partly supported, else contradicted."""
    return "supported" if r >= SUPPORTED_R else "partly supported" if r > 0 else "contradicted"


def c16(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """C16: the correlation of the Brent price with GDP (changes or levels) or with exports (changes)."""
    macro = need_table(tables, "macro").set_index("year")
    if choice == "exports_changes":
        frame = macro.loc[2019:, ["brent_usd_per_barrel", "exports_usd_mn_bns"]].dropna().astype(float)
        other, what, sources = frame["exports_usd_mn_bns"], "exports (BNS)", ("eia", "bns")
    else:
        frame = macro.loc[1995:2023, ["brent_usd_per_barrel", "gdp_usd_wdi"]].dropna().astype(float)
        other, what, sources = frame["gdp_usd_wdi"], "GDP (WDI, current US$)", ("eia", "wdi")
    brent = frame["brent_usd_per_barrel"]
    if choice == "gdp_levels":
        points = pd.DataFrame({"x": brent, "y": other / 1e9})
        r = level_correlation(brent, other)
        xlabel, ylabel = "Brent oil price, US$ per barrel (yearly mean)", "GDP, billion current US$"
        caveat = " Levels share an upward trend, which inflates the correlation; changes are the fairer test."
    else:
        points = (pd.DataFrame({"x": brent, "y": other}).pct_change(fill_method=None) * 100).dropna()
        r = change_correlation(brent, other)
        xlabel, ylabel = "Brent oil price, % change on the year before", f"{what}, % change on the year before"
        caveat = ""
    points["label"] = [str(int(y)) for y in points.index]
    points = points.reset_index(drop=True)
    if len(points) < 10:
        caveat += f" Only {len(points)} points: a weak test on its own."
    reasoning = (f"Correlation of Brent with {what}, {int(frame.index.min())}-{int(frame.index.max())}: r = {r:.2f} "
                 f"({len(points)} points).{caveat} Rule: r of {SUPPORTED_R} or more = supported.")
    return evidence(points, "C16", choice, "scatter", correlation_verdict(r), reasoning,
                    title=f"C16: the oil price and Kazakhstan's {what.split(' (')[0]}",
                    xlabel=xlabel, ylabel=ylabel, source=table_source("macro", sources=sources), r=r)


#: Claim id -> its rule.
RULES = {"C16": c16}
