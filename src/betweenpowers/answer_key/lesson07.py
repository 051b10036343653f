"""Answer key for lesson 07 (Fragile foundations).

Each expected answer is computed from the data tables when it is checked, with plain pandas written
independently of the lesson code (no call into ``betweenpowers.measures`` or ``betweenpowers.widgets``), so no
number is typed in here and a change in ``data/`` moves the key with it.
"""

from __future__ import annotations

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, FigureQuestion, NumberQuestion, TextQuestion, register

LESSON_07 = "solutions/07_fragile_foundations.ipynb"


def _world_totals(view: str = "reported") -> pd.DataFrame:
    """IMF DOTS World rows: index year, columns exports and imports (million US$)."""
    trade = data.load_trade_dots()
    world = trade[(trade["partner_type"] == "world") & (trade["view"] == view)]
    return world.pivot_table(index="year", columns="flow", values="value_usd_mn", aggfunc="sum")


def _brent() -> pd.Series:
    macro = data.load_macro_kaz_annual()
    return macro.set_index("year")["brent_usd_per_barrel"]


def _change_correlation(flow: str = "imports", *, changes: bool = True) -> float:
    """Correlation of Brent and the World row's ``flow`` over 1995-2020: of yearly % changes, or of levels."""
    frame = pd.DataFrame({"brent": _brent(), flow: _world_totals()[flow]}).loc[1994:2020]
    frame = frame.pct_change().loc[1995:2020] if changes else frame.loc[1995:2020]
    return float(frame["brent"].corr(frame[flow]))


def _import_change_correlation() -> float:
    return _change_correlation()


def _openness_2021(*, exports_column: str = "exports_usd_mn_bns", units: bool = True, per_cent: bool = True) -> float:
    macro = data.load_macro_kaz_annual().set_index("year")
    ratio = macro.loc[2021, exports_column] * (1e6 if units else 1) / macro.loc[2021, "gdp_usd_wdi"]
    return float(ratio * (100 if per_cent else 1))


def _implied_elasticity_2015(*, flow: str = "exports", inverted: bool = False, ratios: bool = False) -> float:
    trade = _world_totals()[flow]
    brent = _brent()
    trade_change = trade.loc[2015] / trade.loc[2014] - (0 if ratios else 1)
    oil_change = brent.loc[2015] / brent.loc[2014] - (0 if ratios else 1)
    return float(oil_change / trade_change if inverted else trade_change / oil_change)


def _china_scenario_balance(*, elasticity: float = 0.5, cut_exports: bool = True, cut_imports: bool = True,
                            same_share: bool = False) -> float:
    """Trade balance (billion US$) with base year 2020, oil +20%, China cutting 50% of its trade.

    The keywords give the typical mistakes: ``elasticity`` 1 (left out), the cut on one flow only, and China's
    share of total trade used for both flows (``same_share``).
    """
    trade = data.load_trade_dots()
    rows = trade[(trade["year"] == 2020) & (trade["view"] == "reported")]
    world = rows[rows["partner_type"] == "world"].groupby("flow")["value_usd_mn"].sum()
    china = rows[rows["partner_iso3"] == "CHN"].groupby("flow")["value_usd_mn"].sum()
    share_x = china["exports"] / world["exports"]
    share_m = china["imports"] / world["imports"]
    if same_share:
        share_x = share_m = china.sum() / world.sum()
    exports = world["exports"] * (1 + elasticity * 20 / 100) * (1 - (share_x * 50 / 100 if cut_exports else 0))
    imports = world["imports"] * (1 - (share_m * 50 / 100 if cut_imports else 0))
    return float((exports - imports) / 1000)


def _china_scenario_balance_2020() -> float:
    """Trade balance (billion US$) with base year 2020, oil +20%, elasticity 0.5, China cutting 50% of its trade."""
    return _china_scenario_balance()


register(
    NumberQuestion(
        id="07.1",
        level="transfer",
        prompt="Correlation of yearly % changes of the Brent price and Kazakhstan's imports (IMF DOTS, reported), "
               "1995-2020",
        expected=_import_change_correlation,
        rel_tol=1e-3,
        decimals=3,
        mistakes={
            "that correlates the levels: correlate the yearly per cent changes (pct_change()).":
                lambda: _change_correlation(changes=False),
            "that uses exports, as the lesson did: this question takes imports.":
                lambda: _change_correlation("exports"),
        },
        hint="Two columns side by side (Brent and the World row's imports), pct_change(), then corr().",
    ),
    NumberQuestion(
        id="07.2",
        level="transfer",
        prompt="Merchandise openness in 2021: BNS exports / World Bank GDP, in per cent",
        expected=_openness_2021,
        rel_tol=1e-3,
        decimals=1,
        mistakes={
            "that divides million US$ by US$, and is a share: bring both to the same unit, then multiply by 100.":
                lambda: _openness_2021(units=False, per_cent=False),
            "that uses the imports: this question takes the exports (exports_usd_mn_bns).":
                lambda: _openness_2021(exports_column="imports_usd_mn_bns"),
        },
        hint="Check the units of the two columns before dividing.",
    ),
    NumberQuestion(
        id="07.3",
        level="transfer",
        prompt="Elasticity implied by 2014-2015: % change of exports (IMF DOTS, reported) / % change of Brent",
        expected=_implied_elasticity_2015,
        rel_tol=1e-3,
        decimals=2,
        mistakes={
            "that divides the oil price change by the export change: the elasticity is the export change divided by "
            "the oil price change.": lambda: _implied_elasticity_2015(inverted=True),
            "that divides the ratios 2015 / 2014 themselves: subtract 1 from each to get the changes first.":
                lambda: _implied_elasticity_2015(ratios=True),
            "that uses imports: this question takes exports.": lambda: _implied_elasticity_2015(flow="imports"),
        },
        hint="A per cent change is value_2015 / value_2014 - 1; divide the export change by the oil change.",
    ),
    NumberQuestion(
        id="07.4",
        level="transfer",
        prompt="Teaching model, base year 2020, oil +20%, elasticity 0.5, China cuts 50%: trade balance, bn US$",
        expected=_china_scenario_balance_2020,
        rel_tol=1e-3,
        decimals=2,
        mistakes={
            "that raises exports by the full 20%: the elasticity 0.5 turns an oil price 20% higher into exports "
            "10% higher.": lambda: _china_scenario_balance(elasticity=1.0),
            "that cuts only the exports to China: China's cut applies to imports too.":
                lambda: _china_scenario_balance(cut_imports=False),
            "that cuts only the imports from China: China's cut applies to exports too.":
                lambda: _china_scenario_balance(cut_exports=False),
            "that uses China's share of total trade for both flows: use s_X for exports and s_M for imports.":
                lambda: _china_scenario_balance(same_share=True),
        },
        hint="X1 and M1 from the formulas of section 6, each with China's share of that flow; then (X1 - M1) in "
             "billions.",
    ),
    ChoiceQuestion(
        id="07.5",
        level="reproduce",
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
        level="transfer",
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
        level="interpret",
        prompt="Does the evidence support C16 (commodity swings expose the economy)? What does it not show, and how "
               "does the exposure to Russia (C14) change the answer?",
        min_words=40,
        solution_notebook=LESSON_07,
    ),
    FigureQuestion(
        id="07.8",
        level="extend",
        prompt="Oil price and exports, year on year",
    ),
)
