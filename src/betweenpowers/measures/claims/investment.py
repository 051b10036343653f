"""The claim judged on foreign direct investment: C11 (the EU and the USA hold well over 40% of cumulative FDI).

The rule takes the ``tables`` dict (keys of :data:`~betweenpowers.measures.claims.CLAIM_TABLES`) and a choice of
:data:`~betweenpowers.measures.claims.CLAIM_CHOICES`, and returns a
:class:`~betweenpowers.measures.claims.ClaimEvidence`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from betweenpowers.measures.claims.evidence import ClaimEvidence, evidence, need_table, table_source
from betweenpowers.vectors import EU27

#: The claim's threshold: the West's share of the total FDI.
THRESHOLD = 0.4


def _cumulative(fdi: pd.DataFrame, choice: str) -> tuple[pd.DataFrame, str, str, str]:
    """Shares of cumulative FDI 1991-2019 (named EU members + USA, EU members, USA): bars, verdict, reasoning, title."""
    rows = fdi[fdi["concept"] == "cumulative"].set_index("counterpart_code")["value_usd_bn"].astype(float)
    total = rows["ALL"]
    eu = rows[rows.index.isin(EU27)]
    if choice == "cumulative_without_nld":
        eu = eu.drop("NLD")
    west = eu.sum() + rows["USA"]
    bars = pd.DataFrame({"value": [west / total * 100, eu.sum() / total * 100, rows["USA"] / total * 100],
                         "group": ["West", "EU-27", "USA"]},
                        index=pd.Index(["named EU members + USA", f"named EU members ({', '.join(eu.index)})",
                                        "USA"], name="investor"))
    share = west / total
    if choice == "cumulative":
        verdict = "partly supported" if share > THRESHOLD else "contradicted"
        reasoning = (f"The named EU members and the USA hold {share:.1%} of the {total:.0f} billion US$ "
                     "invested 1991-2019 (a lower bound: other EU members are not listed). Russia and China "
                     "have no cumulative figure, so 'far above Russia and China' cannot be checked here.")
    else:
        verdict = "supported" if share > THRESHOLD else "contradicted"
        reasoning = (f"Without the Netherlands, whose figure largely reflects holding companies, the named EU "
                     f"members and the USA hold {share:.1%}: below {THRESHOLD:.0%}.")
    return bars, verdict, reasoning, "C11: shares of cumulative FDI, 1991-2019"


def _one_period(fdi: pd.DataFrame, choice: str) -> tuple[pd.DataFrame, str, str, str]:
    """Shares of the mid-2021 stock or the 2022 gross inflow (USA and Netherlands, Russia, China): bars, verdict,
    reasoning, title."""
    concept, period = ("stock", "mid-2021") if choice == "stock" else ("gross_inflow", "2022")
    rows = fdi[(fdi["concept"] == concept) & (fdi["period"] == period)]
    rows = rows.drop_duplicates("counterpart_code").set_index("counterpart_code")["value_usd_bn"].astype(float)
    total = rows["ALL"]
    west_codes = [c for c in ("USA", "NLD") if c in rows.index]
    west = rows[west_codes].sum()
    names = {"USA": "USA", "NLD": "Netherlands (lower bound)"}
    bars = pd.DataFrame({"value": [west / total * 100, rows.get("RUS", math.nan) / total * 100,
                                   rows.get("CHN", math.nan) / total * 100],
                         "group": ["West", "Russia", "China"]},
                        index=pd.Index([" + ".join(names[c] for c in west_codes), "Russia", "China"],
                                       name="investor"))
    ratio = west / max(rows.get("RUS", math.nan), rows.get("CHN", math.nan))
    if choice == "stock":
        verdict = "supported" if west / total > THRESHOLD else "partly supported"
        reasoning = (f"Mid-2021 stock: the USA and the Netherlands hold {west / total:.1%} of {total:.1f} billion "
                     f"US$, {ratio:.0f} times Russia's or China's. A different concept from the claim's "
                     "cumulative total, and the Dutch figure may hide Russian or Kazakh owners.")
    else:
        verdict = "partly supported"
        reasoning = (f"2022 gross inflow: the USA alone brought {west / total:.1%} of {total:.1f} billion US$, "
                     f"{ratio:.1f} times Russia or China; the EU is not on the page, so the {THRESHOLD:.0%} cannot be "
                     "checked, and one year's inflow is not the cumulative total.")
    return bars, verdict, reasoning, f"C11: shares of FDI, {concept.replace('_', ' ')} {period}"


def c11(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """C11: the West's share of FDI, cumulative (with or without the Netherlands), as a stock or as a year's inflow.

    Rule: cumulative, above 40% = partly supported (a lower bound; Russia and China have no figure), without the
    Netherlands above 40% = supported, else contradicted; stock above 40% = supported, else partly; the 2022
    inflow = partly supported (another concept).
    """
    fdi = need_table(tables, "fdi")
    if choice in ("cumulative", "cumulative_without_nld"):
        bars, verdict, reasoning, title = _cumulative(fdi, choice)
    else:
        bars, verdict, reasoning, title = _one_period(fdi, choice)
    return evidence(bars, "C11", choice, "barh", verdict, reasoning, title=title,
                    xlabel="Share of the total, %", ylabel="Investor", source=table_source("fdi"),
                    reference=(THRESHOLD * 100, f"the claim: {THRESHOLD:.0%}"))


#: Claim id -> its rule.
RULES = {"C11": c11}
