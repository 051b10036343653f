"""Builders of the trade tables: IMF Direction of Trade Statistics by partner (``trade_dots``), the Bureau of National
Statistics' partner table 2020-2025 (``trade_bns``) and the partner trade figures read on web pages for 2021-2025
(``trade_page_figures``).

Raw folders: ``trade_imf_dots_kazakhstan_1992_2020``, ``trade_kazakhstan_by_partner_bns_2020_2025`` and
``trade_kazakhstan_partner_figures_pages_2022_2024``.
Partners get their trade vector from :func:`betweenpowers.vectors.trade_vector`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from betweenpowers.vectors import trade_vector
from betweenpowers_tools.build_data.rawfiles import read_raw, usd_bn

DOTS = "trade_imf_dots_kazakhstan_1992_2020/"
PAGES = "trade_kazakhstan_partner_figures_pages_2022_2024/"
BNS = "trade_kazakhstan_by_partner_bns_2020_2025/"

#: BNS flow names -> the values of ``trade_dots.flow``.
BNS_FLOWS = {"export": "exports", "import": "imports"}

#: Partner names on the pages -> ISO3, or EU27 / WLD (Kazakhstan's totals) / EUROPE (European countries).
PAGE_PARTNER_CODES = {
    "China": "CHN", "Russia": "RUS", "Uzbekistan": "UZB", "EU": "EU27", "Turkey": "TUR", "Italy": "ITA",
    "South Korea": "KOR", "Kyrgyzstan": "KGZ", "Azerbaijan": "AZE", "USA": "USA", "Germany": "DEU",
    "World (Kazakhstan total)": "WLD", "Netherlands": "NLD",
    "Europe (European countries, as stated; not necessarily EU)": "EUROPE",
}


def build_trade_dots(raw: Path) -> pd.DataFrame:
    """Kazakhstan's reported trade and its partners' mirror figures, turned to Kazakhstan's side, with vectors."""
    rep = read_raw(raw, DOTS + "dots_kaz_reported_trade_by_partner_1992_2020.csv")
    mir = read_raw(raw, DOTS + "dots_partner_reported_trade_with_kaz_1992_2020.csv")
    reported = pd.DataFrame({
        "year": rep["year"], "view": "reported",
        "flow": rep["flow"].map({"exports_fob": "exports", "imports_cif": "imports"}),
        "partner_iso3": rep["partner_iso3"], "partner": rep["partner"], "partner_type": rep["partner_type"],
        "value_usd_mn": rep["value_usd_mn"], "estimated": rep["estimated"],
    })
    mirror = pd.DataFrame({
        "year": mir["year"], "view": "mirror",
        "flow": mir["flow"].map({"reporter_imports_cif_from_kaz": "exports",
                                 "reporter_exports_fob_to_kaz": "imports"}),
        "partner_iso3": mir["reporter_iso3"], "partner": mir["reporter"], "partner_type": mir["reporter_type"],
        "value_usd_mn": mir["value_usd_mn"], "estimated": mir["estimated"],
    })
    out = pd.concat([reported, mirror], ignore_index=True)
    # The raw extract repeats some rows exactly (Australia in the reported view, Nicaragua in the mirror view).
    out = out.drop_duplicates(ignore_index=True)
    is_world = out["partner"] == "World"
    out.loc[is_world, "partner_type"] = "world"
    out.loc[is_world, "partner_iso3"] = "WLD"
    out = out[out["partner_type"].isin(["economy", "historic_entity", "world"])].copy()
    out["vector"] = [
        pd.NA if ptype == "world" else trade_vector(iso if isinstance(iso, str) else None, name)
        for iso, name, ptype in zip(out["partner_iso3"], out["partner"], out["partner_type"])
    ]
    out["value_usd_mn"] = out["value_usd_mn"].round(4)
    out["estimated"] = out["estimated"].astype(bool)
    if out["flow"].isna().any():
        raise ValueError("Unknown trade flow in IMF DOTS files")
    return out.sort_values(["year", "view", "flow", "partner"]).reset_index(drop=True)


def build_trade_bns(raw: Path) -> pd.DataFrame:
    """Kazakhstan's own partner table (BNS 312101, final annual editions), million US dollars, with vectors.

    Partners keep the IMF DOTS name of their ISO3 code where DOTS has one (so a partner's series has one name across
    the two tables), else the extract's English name. A World row per year and flow is the sum of the partner rows:
    BNS's partner rows add up exactly to its published total. Zero flows (blank cells in BNS) are kept.
    """
    src = read_raw(raw, BNS + "kaz_trade_by_partner_bns_2020_2025.csv")
    dots = read_raw(raw, DOTS + "dots_kaz_reported_trade_by_partner_1992_2020.csv")
    dots_names = dots.dropna(subset=["partner_iso3"]).sort_values("year").groupby("partner_iso3")["partner"].last()
    partners = pd.DataFrame({
        "year": src["year"].astype(int),
        "flow": src["flow"].map(BNS_FLOWS),
        "partner_iso3": src["partner_iso3"],
        "partner": src["partner_iso3"].map(dots_names).fillna(src["partner_name"]),
        "partner_type": "economy",
        "vector": [trade_vector(iso) for iso in src["partner_iso3"]],
        "value_usd_mn": src["value_thousand_usd"] / 1000,
    })
    if partners["flow"].isna().any():
        raise ValueError(f"Unknown trade flow in the BNS partner table: {sorted(set(src['flow']) - set(BNS_FLOWS))}")
    world = partners.groupby(["year", "flow"], as_index=False)["value_usd_mn"].sum()
    world = world.assign(partner_iso3="WLD", partner="World", partner_type="world", vector=pd.NA)
    out = pd.concat([partners, world[partners.columns]], ignore_index=True)
    out["value_usd_mn"] = out["value_usd_mn"].round(8)  # to the cent, as published; 4 decimals would zero small flows
    return out.sort_values(["year", "flow", "partner"]).reset_index(drop=True)


def period_kind(period: str) -> str:
    """``year`` for a full calendar year (``2022``, ``2022 (...)``), ``unspecified``, or ``partial``.

    >>> [period_kind(p) for p in ("2022", "2023-H1", "unspecified (page)")]
    ['year', 'partial', 'unspecified']
    """
    text = period.strip()
    if text.startswith("unspecified"):
        return "unspecified"
    if len(text) >= 4 and text[:4].isdigit() and (len(text) == 4 or text[4] == " "):
        return "year"
    return "partial"


def build_trade_page_figures(raw: Path) -> pd.DataFrame:
    """The page-read partner figures, with partner codes, period kind and values in billion US dollars."""
    src = read_raw(raw, PAGES + "kaz_trade_partner_figures_from_pages.csv")
    unknown = set(src["partner"]) - set(PAGE_PARTNER_CODES)
    if unknown:
        raise ValueError(f"Partners without a code in trade page figures: {sorted(unknown)}")
    return pd.DataFrame({
        "row_id": range(1, len(src) + 1),
        "period": src["period"],
        "period_kind": src["period"].map(period_kind),
        "year": src["period"].str.extract(r"^(\d{4})")[0].astype("Int64"),
        "flow": src["flow"],
        "partner": src["partner"],
        "partner_code": src["partner"].map(PAGE_PARTNER_CODES),
        "value": src["value"],
        "unit": src["unit"],
        "value_usd_bn": usd_bn(src["value"], src["unit"]),
        "reporter_side": src["reporter_side"],
        "statistics_source_as_stated": src["statistics_source_as_stated"],
        "source_url": src["source_url"],
        "page_date": src["page_date"],
        "quote": src["page_wording"],
    })
