"""Answer key for lesson 07 (Fragile foundations).

Each expected answer is computed from the data tables when it is checked, with plain pandas written
independently of the lesson code (no call into ``betweenpowers.measures`` or ``betweenpowers.widgets``), so no
number is typed in here and a change in ``data/`` moves the key with it.
"""

from __future__ import annotations

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, NumberQuestion, TextQuestion, register

LESSON_07 = "solutions/07_fragile_foundations.ipynb"


def _world_totals() -> pd.DataFrame:
    """IMF DOTS World rows, Kazakh-reported: index year, columns exports and imports (million US$)."""
    trade = data.load_trade_dots()
    world = trade[(trade["partner_type"] == "world") & (trade["view"] == "reported")]
    return world.pivot_table(index="year", columns="flow", values="value_usd_mn", aggfunc="sum")


def _brent() -> pd.Series:
    macro = data.load_macro_kaz_annual()
    return macro.set_index("year")["brent_usd_per_barrel"]


def _import_change_correlation() -> float:
    frame = pd.DataFrame({"brent": _brent(), "imports": _world_totals()["imports"]}).loc[1994:2020]
    changes = frame.pct_change().loc[1995:2020]
    return float(changes["brent"].corr(changes["imports"]))


def _openness_2021() -> float:
    macro = data.load_macro_kaz_annual().set_index("year")
    return float(macro.loc[2021, "exports_usd_mn_bns"] * 1e6 / macro.loc[2021, "gdp_usd_wdi"] * 100)


def _implied_elasticity_2015() -> float:
    exports = _world_totals()["exports"]
    brent = _brent()
    export_change = exports.loc[2015] / exports.loc[2014] - 1
    oil_change = brent.loc[2015] / brent.loc[2014] - 1
    return float(export_change / oil_change)


def _china_scenario_balance_2020() -> float:
    """Trade balance (billion US$) with base year 2020, oil +20%, elasticity 0.5, China cutting 50% of its trade."""
    trade = data.load_trade_dots()
    rows = trade[(trade["year"] == 2020) & (trade["view"] == "reported")]
    world = rows[rows["partner_type"] == "world"].groupby("flow")["value_usd_mn"].sum()
    china = rows[rows["partner_iso3"] == "CHN"].groupby("flow")["value_usd_mn"].sum()
    share_x = china["exports"] / world["exports"]
    share_m = china["imports"] / world["imports"]
    exports = world["exports"] * (1 + 0.5 * 20 / 100) * (1 - share_x * 50 / 100)
    imports = world["imports"] * (1 - share_m * 50 / 100)
    return float((exports - imports) / 1000)


register(
    NumberQuestion(
        id="07.1",
        prompt="Correlation of yearly % changes of the Brent price and Kazakhstan's imports (IMF DOTS, reported), "
               "1995-2020",
        expected=_import_change_correlation,
        rel_tol=1e-3,
        hint="Put the Brent price (macro) and the World row's imports (trade, view 'reported') side by side for "
             "1994-2020, take pct_change(), and correlate the two columns of changes (1995-2020).",
    ),
    NumberQuestion(
        id="07.2",
        prompt="Merchandise openness in 2021: BNS exports / World Bank GDP, in per cent",
        expected=_openness_2021,
        rel_tol=1e-3,
        hint="exports_usd_mn_bns is in million US$ but gdp_usd_wdi is in US$: multiply the exports by 1,000,000 "
             "(or divide GDP by it) before dividing, then multiply by 100.",
    ),
    NumberQuestion(
        id="07.3",
        prompt="Elasticity implied by 2014-2015: % change of exports (IMF DOTS, reported) / % change of Brent",
        expected=_implied_elasticity_2015,
        rel_tol=1e-3,
        hint="Compute each change as value_2015 / value_2014 - 1 (exports from the World row, view 'reported'; "
             "Brent from macro), then divide the export change by the oil price change. Both are negative.",
    ),
    NumberQuestion(
        id="07.4",
        prompt="Teaching model, base year 2020, oil +20%, elasticity 0.5, China cuts 50%: trade balance, bn US$",
        expected=_china_scenario_balance_2020,
        rel_tol=1e-3,
        hint="X1 = X0 x (1 + 0.5 x 20/100) x (1 - s_X x 50/100) and M1 = M0 x (1 - s_M x 50/100), where s_X and s_M "
             "are China's 2020 shares of exports and imports (partner_iso3 'CHN' over the World row). The answer "
             "is (X1 - M1) / 1000.",
    ),
    ChoiceQuestion(
        id="07.5",
        prompt="Which conclusion do the monthly correlations (levels, month-on-month, 12-month, lags) support?",
        options={
            "a": "The oil price causes Kazakhstan's export value, with a delay of exactly three months",
            "b": "From one month to the next exports do not respond to oil, so Kazakhstan is not exposed to it",
            "c": "Over twelve months export value moves with the oil price, apparently a few months later; monthly "
                 "noise hides this, and the correlations alone do not show that oil is the cause",
            "d": "The correlation of levels is the most trustworthy of the three, because it uses all 90 months",
        },
        expected=lambda: "c",
        option_hints={
            "a": "A correlation cannot show a cause, and the best of seven lags was chosen after looking at all of "
                 "them: treat the three months as a hypothesis.",
            "b": "Month-on-month changes are noisy and seasonal; the 12-month changes show a clear link.",
            "d": "Levels of two series that both trend upward correlate whether or not they are linked.",
        },
        hint="Compare what each of the three correlations measures, and remember how the best lag was found.",
    ),
    ChoiceQuestion(
        id="07.6",
        prompt="A student runs the teaching model (base year 2020, oil -40%, elasticity 1.0) and writes 'Kazakhstan's "
               "exports will fall to 28 billion dollars'. What is wrong?",
        options={
            "a": "Nothing: the model uses 2020 data, so it forecasts the following year",
            "b": "The model applies chosen assumptions to a past year: it shows the size of an exposure under those "
                 "assumptions, not what will happen",
            "c": "Only the elasticity: once it is estimated properly, the statement becomes a forecast",
            "d": "Only the base year: with the latest year of data the statement would be a forecast",
        },
        expected=lambda: "b",
        option_hints={
            "a": "The model knows nothing about future prices, volumes or reactions; it starts from a past year.",
            "c": "Even with a good elasticity, the model leaves out every reaction (imports, volumes, other "
                 "partners, GDP). It is a what-if calculation, not a forecast.",
            "d": "A later base year does not add any information about the future.",
        },
        hint="Read the box at the start of section 6 of the lesson.",
    ),
    TextQuestion(
        id="07.7",
        prompt="Does the evidence support C16 (commodity swings expose the economy)? What does it not show, and how "
               "does the exposure to Russia (C14) change the answer?",
        min_words=40,
        solution_notebook=LESSON_07,
    ),
)
