"""Builders of the foreign direct investment tables: figures read on web pages (``fdi_page_figures``) and the
National Bank of Kazakhstan's quarterly net inflow (``fdi_net_inflow_quarterly``).

Raw folders: ``fdi_kazakhstan_pages`` and ``context_macro`` (the NBK file).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from betweenpowers_tools.build_data.rawfiles import read_raw, usd_bn

#: Investor names on the pages -> ISO3, or ALL (all countries); any other counterpart is a GROUP.
FDI_CODES = {"All countries": "ALL", "Russia": "RUS", "China": "CHN", "United States": "USA",
             "Netherlands": "NLD", "Switzerland": "CHE", "France": "FRA", "Italy": "ITA", "Belgium": "BEL",
             "Germany": "DEU"}


def fdi_concept(measure: str) -> str:
    """The FDI concept of a measure, from its wording on the page.

    >>> [fdi_concept(m) for m in ("Share of total FDI", "FDI net inflow", "Gross FDI inflow")]
    ['share', 'net_inflow', 'gross_inflow']
    """
    text = measure.lower()
    if "share" in text:
        return "share"
    if "net inflow" in text:
        return "net_inflow"
    if "cumulative" in text:
        return "cumulative"
    if "stock" in text:
        return "stock"
    return "gross_inflow"


def build_fdi_page_figures(raw: Path) -> pd.DataFrame:
    """The page-read FDI figures, with concept, counterpart code and values in billion US dollars."""
    src = read_raw(raw, "fdi_kazakhstan_pages/fdi_kazakhstan_figures_from_pages.csv")
    return pd.DataFrame({
        "row_id": range(1, len(src) + 1),
        "period": src["period"],
        "concept": src["measure"].map(fdi_concept),
        "measure": src["measure"],
        "counterpart": src["counterpart"],
        "counterpart_code": src["counterpart"].map(lambda c: FDI_CODES.get(c, "GROUP")),
        "value": src["value"],
        "unit": src["unit"],
        "value_usd_bn": usd_bn(src["value"], src["unit"]),
        "change_vs_previous_pct": src["change_vs_previous_pct"],
        "source_url": src["source_url"],
        "page_date": src["page_date"],
        "quote": src["page_wording"],
    })


def build_fdi_net_inflow_quarterly(raw: Path) -> pd.DataFrame:
    """NBK net FDI inflow by quarter, date labels as in the source, rounded to 3 decimals."""
    src = read_raw(raw, "context_macro/nbk_kaz_fdi_net_inflow_quarterly.csv")
    return pd.DataFrame({
        "date_label": src["date_label_as_in_source"],
        "fdi_net_inflow_usd_mn": src["fdi_net_inflow_usd_mn"].round(3),
    })
