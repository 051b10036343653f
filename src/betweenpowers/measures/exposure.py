"""Commodity and partner exposure (lesson 07): annual totals by source, merchandise openness, and a teaching model.

Every function takes the course's tables (or numbers) and returns a new frame or number; nothing here reads files
or draws.

Sources are kept apart, never spliced into one series:

* ``dots``: Kazakhstan's exports and imports with the World as Kazakhstan reported them to the IMF (*Direction of
  Trade Statistics*, :func:`betweenpowers.data.load_trade_dots`, ``view == "reported"``), 1992-2020;
* ``bns``: the same totals from Kazakhstan's Bureau of National Statistics, summed over complete years
  (:func:`betweenpowers.data.load_macro_kaz_annual`), 2019 onwards;
* GDP in current US dollars from the World Bank (``wdi``, to 2023) or the IMF *World Economic Outlook* (``weo``,
  whose values from 2026 are IMF projections, flagged ``weo_projection``).

The teaching model
------------------
:func:`shock_scenario` applies two shocks to one base year and nothing else. It is a transparent piece of
arithmetic for class discussion, **not a forecast**: it has no data about the future and fits nothing. With base
year values exports :math:`X_0`, imports :math:`M_0` and GDP :math:`Y_0` (all in million US$), an oil price change
:math:`p` (per cent), an elasticity :math:`\\varepsilon` of export value to the oil price, a partner whose shares of
Kazakhstan's exports and imports in the base year are :math:`s_X` and :math:`s_M` (0-1), and a cut :math:`c`
(per cent) of that partner's trade with Kazakhstan:

.. math::

    f &= \\max(0,\\; 1 + \\varepsilon \\cdot p / 100)            && \\text{(oil factor)} \\\\
    X_1 &= X_0 \\cdot f \\cdot (1 - s_X \\cdot c / 100)          && \\text{(exports)} \\\\
    M_1 &= M_0 \\cdot (1 - s_M \\cdot c / 100)                   && \\text{(imports)} \\\\
    B_1 &= X_1 - M_1                                              && \\text{(trade balance)} \\\\
    \\text{exports/GDP} &= X_1 / Y_0 \\cdot 100,\\quad \\text{balance/GDP} = B_1 / Y_0 \\cdot 100

Its assumptions, each a simplification to discuss: the elasticity applies to the whole export value (a linear
approximation: a 10% price change moves export value by :math:`\\varepsilon \\cdot 10`%; the oil factor stops at
zero, since exports cannot be negative); export volumes, imports and GDP do not react to the oil price; the
partner's share of exports is the same before and after the oil shock; lost trade with the partner is not
redirected to anyone else; GDP stays at its base-year value, so the ratios show the size of the shock against the
economy of that year, not a new GDP.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from betweenpowers.measures.trade import vector_shares

#: Partners of the teaching model: label shown to students -> trade vector in ``trade_dots``.
MODEL_PARTNERS: dict[str, str] = {"Russia": "russia", "China": "china", "EU-27": "eu27"}

#: First year of the model's base years: Russia has no row in the IMF table before 1994.
FIRST_MODEL_YEAR = 1994

#: Columns of :func:`annual_exposure_table`, all in million US$ except the oil price.
ANNUAL_COLUMNS: tuple[str, ...] = (
    "brent_usd_per_barrel",
    "exports_dots_usd_mn",
    "imports_dots_usd_mn",
    "exports_bns_usd_mn",
    "imports_bns_usd_mn",
    "gdp_wdi_usd_mn",
    "gdp_weo_usd_mn",
    "weo_projection",
)

#: A fall of the yearly Brent price larger than this (per cent) counts as an oil slump (:func:`oil_slump_years`).
OIL_SLUMP_PCT = 25.0

#: Indicators of :func:`shock_scenario`, in display order, with their units.
INDICATORS: dict[str, str] = {
    "exports": "million US$",
    "imports": "million US$",
    "trade_balance": "million US$",
    "exports_to_gdp_pct": "% of GDP",
    "balance_to_gdp_pct": "% of GDP",
}


def dots_world_totals(trade: pd.DataFrame, view: str = "reported") -> pd.DataFrame:
    """Kazakhstan's total exports and imports with the World by year (million US$): columns exports, imports.

    ``trade`` is :func:`betweenpowers.data.load_trade_dots`; the totals are its World rows
    (``partner_type == "world"``) in one ``view`` (``"reported"`` or ``"mirror"``; never mix them).
    """
    if view not in ("reported", "mirror"):
        raise ValueError(f"view must be 'reported' or 'mirror', not {view!r}")
    world = trade[(trade["partner_type"] == "world") & (trade["view"] == view)]
    totals = world.pivot_table(index="year", columns="flow", values="value_usd_mn", aggfunc="sum")
    totals = totals.reindex(columns=["exports", "imports"])
    totals.columns.name = None
    return totals.astype(float)


def annual_exposure_table(trade: pd.DataFrame, macro: pd.DataFrame) -> pd.DataFrame:
    """One row per year with every annual series of the lesson, each source in its own column.

    ``macro`` is :func:`betweenpowers.data.load_macro_kaz_annual`. Columns: :data:`ANNUAL_COLUMNS`: the Brent price
    (US$ per barrel), exports and imports from IMF DOTS (Kazakh-reported) and from the BNS, GDP from the World Bank
    and the IMF WEO (all converted to million US$), and the WEO projection flag. Index: year (every year of
    ``macro``). A series is NaN where its source has no value.
    """
    totals = dots_world_totals(trade, "reported")
    years = macro.set_index("year")
    table = pd.DataFrame({
        "brent_usd_per_barrel": years["brent_usd_per_barrel"].astype(float),
        "exports_dots_usd_mn": totals["exports"],
        "imports_dots_usd_mn": totals["imports"],
        "exports_bns_usd_mn": years["exports_usd_mn_bns"].astype(float),
        "imports_bns_usd_mn": years["imports_usd_mn_bns"].astype(float),
        "gdp_wdi_usd_mn": years["gdp_usd_wdi"].astype(float) / 1e6,
        "gdp_weo_usd_mn": years["gdp_usd_weo"].astype(float) / 1e6,
        "weo_projection": years["weo_projection"],
    }, index=years.index)
    table.index.name = "year"
    return table[list(ANNUAL_COLUMNS)]


def merchandise_openness(exports_usd_mn: pd.Series | float, gdp_usd_mn: pd.Series | float) -> pd.Series | float:
    """Merchandise exports as a share of GDP, in per cent: exports / GDP x 100 (both in million US$).

    A common measure of how open, and how exposed to world markets, an economy is. The World Bank's indicator of
    trade openness (``NE.TRD.GNFS.ZS``) also counts imports and services; this one counts goods exports only, so it
    is lower. Both numbers must be in the same unit: GDP in the data tables is in US$, trade in million US$.
    """
    return exports_usd_mn / gdp_usd_mn * 100


def oil_slump_years(brent: pd.Series, threshold_pct: float = OIL_SLUMP_PCT) -> list[int]:
    """Years in which the yearly Brent price fell by more than ``threshold_pct`` per cent from the year before.

    ``brent`` is a yearly price series indexed by year (for example ``brent_usd_per_barrel`` of
    :func:`annual_exposure_table`); years without a price are skipped, so a change is taken from the last year with
    one.
    """
    change = brent.dropna().pct_change() * 100
    return [int(year) for year, value in change.items() if value < -threshold_pct]


def model_inputs(trade: pd.DataFrame, macro: pd.DataFrame) -> pd.DataFrame:
    """Base-year values of the teaching model, one row per year from :data:`FIRST_MODEL_YEAR` to 2020.

    Columns: ``exports``, ``imports`` (million US$, IMF DOTS World rows, Kazakh-reported), ``gdp`` (million US$,
    World Bank), ``brent`` (US$ per barrel), and for each partner of :data:`MODEL_PARTNERS` its share (0-1) of
    Kazakhstan's exports and of its imports that year, as ``<vector>_exports_share`` and ``<vector>_imports_share``
    (:func:`betweenpowers.measures.trade.vector_shares`, same view). Years without GDP or trade are left out.
    """
    annual = annual_exposure_table(trade, macro)
    frame = pd.DataFrame({
        "exports": annual["exports_dots_usd_mn"],
        "imports": annual["imports_dots_usd_mn"],
        "gdp": annual["gdp_wdi_usd_mn"],
        "brent": annual["brent_usd_per_barrel"],
    })
    for flow in ("exports", "imports"):
        shares = vector_shares(trade, view="reported", flow=flow)
        for vector in MODEL_PARTNERS.values():
            column = shares[vector] if vector in shares.columns else pd.Series(0.0, index=shares.index)
            frame[f"{vector}_{flow}_share"] = column.astype(float)
    frame = frame.loc[frame.index >= FIRST_MODEL_YEAR].dropna()
    frame.index.name = "year"
    return frame


def _finite(value: object, name: str) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, not {value!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, not {value!r}")
    return number


def shock_scenario(base: Mapping[str, float], oil_change_pct: float = 0.0, elasticity: float = 0.0,
                   partner_cut_pct: float = 0.0, partner_export_share: float = 0.0,
                   partner_import_share: float = 0.0) -> pd.Series:
    """The teaching model (module docstring): exposure indicators after an oil shock and a partner's trade cut.

    ``base`` holds the base year's ``exports``, ``imports`` and ``gdp`` in million US$. ``oil_change_pct`` is the
    change of the oil price in per cent (above -100), ``elasticity`` (0 or more) the per cent change of export value
    per 1% change of the oil price, ``partner_cut_pct`` (0-100) how much of its trade with Kazakhstan the partner
    cuts, and the two shares (0-1) that partner's part of exports and imports in the base year.

    Returns a Series indexed by :data:`INDICATORS` plus the parts of the export change: ``oil_effect`` (change of
    exports from the oil price), ``partner_export_effect`` and ``partner_import_effect`` (changes from the cut), all
    in million US$. Raises ``ValueError`` with a plain message for impossible inputs.
    """
    exports0 = _finite(base["exports"], "base exports")
    imports0 = _finite(base["imports"], "base imports")
    gdp0 = _finite(base["gdp"], "base GDP")
    p = _finite(oil_change_pct, "the oil price change")
    e = _finite(elasticity, "the elasticity")
    c = _finite(partner_cut_pct, "the partner's cut")
    s_x = _finite(partner_export_share, "the partner's share of exports")
    s_m = _finite(partner_import_share, "the partner's share of imports")
    if exports0 < 0 or imports0 < 0 or gdp0 <= 0:
        raise ValueError("base exports and imports must be 0 or more, and GDP above 0")
    if p <= -100:
        raise ValueError(f"the oil price change must be above -100% (a price cannot fall below zero), not {p:g}%")
    if e < 0:
        raise ValueError(f"the elasticity must be 0 or more, not {e:g}")
    if not 0 <= c <= 100:
        raise ValueError(f"the partner's cut must be between 0 and 100%, not {c:g}%")
    if not (0 <= s_x <= 1 and 0 <= s_m <= 1):
        raise ValueError("the partner's shares of exports and imports must be between 0 and 1")

    oil_factor = max(0.0, 1 + e * p / 100)
    after_oil = exports0 * oil_factor
    exports1 = after_oil * (1 - s_x * c / 100)
    imports1 = imports0 * (1 - s_m * c / 100)
    balance1 = exports1 - imports1
    return pd.Series({
        "exports": exports1,
        "imports": imports1,
        "trade_balance": balance1,
        "exports_to_gdp_pct": exports1 / gdp0 * 100,
        "balance_to_gdp_pct": balance1 / gdp0 * 100,
        "oil_effect": after_oil - exports0,
        "partner_export_effect": exports1 - after_oil,
        "partner_import_effect": imports1 - imports0,
    }, dtype=float)


def base_indicators(base: Mapping[str, float]) -> pd.Series:
    """The indicators of :data:`INDICATORS` in the base year itself (the model with no shock)."""
    return shock_scenario(base)[list(INDICATORS)]
