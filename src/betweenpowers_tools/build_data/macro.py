"""Builders of the macro context tables: Kazakhstan by year (``macro_kaz_annual``) and by month
(``macro_monthly``), and every country's GDP and population (``world_gdp_population``).

Raw folder: ``context_macro`` (World Bank WDI, IMF WEO, US EIA Brent prices, BNS monthly trade totals).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pycountry

from betweenpowers_tools.build_data.rawfiles import read_raw

MACRO = "context_macro/"
WDI_GDP = MACRO + "wdi_gdp_current_usd_1990_2023.csv"
WDI_POPULATION = MACRO + "wdi_population_1990_2024.csv"
BNS_MONTHLY = MACRO + "bns_kaz_merchandise_trade_totals_monthly_2019_2026.csv"

#: The first year of WEO projections in the WEO file used.
FIRST_WEO_PROJECTION = 2026


def _bns_monthly(raw: Path) -> pd.DataFrame:
    """BNS exports and imports by month, thousand USD -> million USD (3 decimals)."""
    bns = read_raw(raw, BNS_MONTHLY)
    return pd.DataFrame({
        "month": bns["month"],
        "exports_usd_mn_bns": (bns["exports_thousand_usd"] / 1000).round(3),
        "imports_usd_mn_bns": (bns["imports_thousand_usd"] / 1000).round(3),
    })


def _bns_complete_years(raw: Path) -> pd.DataFrame:
    """BNS exports and imports summed by year (million USD), for years with all 12 months."""
    bns = read_raw(raw, BNS_MONTHLY)
    bns = bns.assign(year=bns["month"].str[:4].astype(int))
    by_year = bns.groupby("year").agg(months=("month", "size"), exports_usd_mn_bns=("exports_thousand_usd", "sum"),
                                      imports_usd_mn_bns=("imports_thousand_usd", "sum")).reset_index()
    by_year[["exports_usd_mn_bns", "imports_usd_mn_bns"]] /= 1000
    return by_year[by_year["months"] == 12].drop(columns="months")


def build_macro_kaz_annual(raw: Path) -> pd.DataFrame:
    """Kazakhstan's GDP (WDI, WEO), population, Brent price and BNS trade totals, one row per year 1990-2031."""
    wdi = read_raw(raw, WDI_GDP)
    pop = read_raw(raw, WDI_POPULATION)
    weo = read_raw(raw, MACRO + "imf_weo_kaz_gdp_current_usd_1992_2031.csv")
    brent = read_raw(raw, MACRO + "eia_brent_spot_annual_1987_2025.csv")
    years = pd.DataFrame({"year": range(1990, 2032)})
    out = (
        years
        .merge(wdi.loc[wdi["iso3"] == "KAZ", ["year", "gdp_current_usd"]].rename(
            columns={"gdp_current_usd": "gdp_usd_wdi"}), how="left")
        .merge(weo.loc[weo["iso3"] == "KAZ", ["year", "gdp_current_usd"]].rename(
            columns={"gdp_current_usd": "gdp_usd_weo"}), how="left")
        .merge(pop.loc[pop["iso3"] == "KAZ", ["year", "population"]], how="left")
        .merge(brent.rename(columns={"brent_usd_per_barrel_annual_avg": "brent_usd_per_barrel"}), how="left")
        .merge(_bns_complete_years(raw), how="left")
    )
    out["weo_projection"] = pd.array(
        [pd.NA if pd.isna(v) else y >= FIRST_WEO_PROJECTION for y, v in zip(out["year"], out["gdp_usd_weo"])],
        dtype="boolean")
    out["population"] = out["population"].astype("Int64")
    out["gdp_usd_wdi"] = out["gdp_usd_wdi"].round(0)
    out["gdp_usd_weo"] = out["gdp_usd_weo"].round(0)
    for col in ("exports_usd_mn_bns", "imports_usd_mn_bns"):
        out[col] = out[col].round(3)
    return out


def build_macro_monthly(raw: Path) -> pd.DataFrame:
    """Brent monthly average and BNS monthly trade totals, outer-joined on month."""
    brent = read_raw(raw, MACRO + "eia_brent_spot_monthly.csv").rename(
        columns={"brent_usd_per_barrel_monthly_avg": "brent_usd_per_barrel"})
    out = brent.merge(_bns_monthly(raw), on="month", how="outer")
    return out.sort_values("month").reset_index(drop=True)


def build_world_gdp_population(raw: Path) -> pd.DataFrame:
    """WDI GDP and population of every ISO 3166 country (checked with pycountry) and the World (WLD)."""
    gdp = read_raw(raw, WDI_GDP)
    pop = read_raw(raw, WDI_POPULATION)
    out = gdp[["iso3", "year", "gdp_current_usd"]].rename(columns={"gdp_current_usd": "gdp_usd"}).merge(
        pop[["iso3", "year", "population"]], on=["iso3", "year"], how="outer")
    keep = out["iso3"].map(lambda c: c == "WLD" or pycountry.countries.get(alpha_3=c) is not None)
    out = out[keep].copy()
    out["gdp_usd"] = out["gdp_usd"].round(0)
    out["population"] = out["population"].astype("Int64")
    return out.sort_values(["iso3", "year"]).reset_index(drop=True)
