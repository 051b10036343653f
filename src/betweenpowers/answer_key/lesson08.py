"""Answer key for lesson 08 (Capstone: test the article).

Each expected answer is computed from the data tables when it is checked, with plain pandas written
independently of the lesson code (no call into ``betweenpowers.measures`` or ``betweenpowers.widgets``), so no
number is typed in here and a change in ``data/`` moves the key with it. Even the letters of the multiple-choice
questions are derived from the data where the right option depends on it.
"""

from __future__ import annotations

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, FigureQuestion, NumberQuestion, TextQuestion, register

LESSON_08 = "solutions/08_capstone.ipynb"


def _usa_by_year(*, views: tuple[str, ...] = ("reported",),
                 flows: tuple[str, ...] = ("exports", "imports")) -> pd.Series:
    """Yearly trade with the USA in million US$, summed over ``views`` and ``flows``."""
    trade = data.load_trade_dots()
    usa = trade[(trade["partner_iso3"] == "USA") & trade["view"].isin(views) & trade["flow"].isin(flows)]
    return usa.groupby("year")["value_usd_mn"].sum()


def _usa_best_year_bn(**choices: tuple[str, ...]) -> float:
    return float(_usa_by_year(**choices).max() / 1000)


def _oil_gdp_correlation(*, first: int | None = 1995, last: int | None = 2023, changes: bool = True) -> float:
    """Correlation of Brent and GDP over ``first``-``last`` (None: every year with both values)."""
    macro = data.load_macro_kaz_annual().set_index("year")
    years = macro.loc[first:last, ["brent_usd_per_barrel", "gdp_usd_wdi"]].astype(float).dropna()
    if changes:
        years = years.pct_change().dropna()
    return float(years["brent_usd_per_barrel"].corr(years["gdp_usd_wdi"]))


def _oil_gdp_change_correlation() -> float:
    return _oil_gdp_correlation()


def _agenda_rates(boundary: int = 2022) -> tuple[float, float, int, int]:
    """Agenda-setting events per year before and from ``boundary`` (1991 to 2025), and the two counts."""
    events = data.load_diplomatic_events()
    agenda = events[events["mode"] == "agenda_setting"]
    before = int(((agenda["year"] >= 1991) & (agenda["year"] < boundary)).sum())
    after = int(((agenda["year"] >= boundary) & (agenda["year"] <= 2025)).sum())
    return before / (boundary - 1991), after / (2025 - boundary + 1), before, after


def _agenda_rate_ratio() -> float:
    before, after, _, _ = _agenda_rates()  # 1991-2021: 31 years; 2022-2025: 4 years
    return float(after / before)


def _c01_letter() -> str:
    events = data.load_diplomatic_events()
    visits = events[events["title"].str.contains("Guterres") & events["date"].str.startswith("2025-08")]
    if visits.empty:
        return "d"
    return "a" if visits["title"].str.contains("Astana").all() else "b"


def _top_partner(view: str, eu_as_bloc: bool) -> str:
    trade = data.load_trade_dots()
    rows = trade[(trade["year"] == 2020) & (trade["view"] == view) & (trade["partner_type"] != "world")].copy()
    rows["who"] = rows["partner"]
    if eu_as_bloc:
        rows.loc[rows["vector"] == "eu27", "who"] = "EU-27"
    totals = rows.groupby("who")["value_usd_mn"].sum()
    return str(totals.idxmax())


def _c12_letter() -> str:
    china = "China, P.R.: Mainland"
    if _top_partner("reported", False) == china:
        return "a"
    if _top_partner("reported", True) == china:
        return "b"
    if _top_partner("mirror", False) == china and _top_partner("mirror", True) == china:
        return "c"
    return "d"


def _c11_letter() -> str:
    fdi = data.load_fdi_page_figures()
    cumulative = fdi[fdi["concept"] == "cumulative"].set_index("counterpart_code")["value_usd_bn"]
    eu = ["NLD", "FRA", "ITA", "BEL", "DEU"]
    named = cumulative.reindex(eu).dropna().sum() + cumulative["USA"]
    stock = fdi[fdi["concept"] == "stock"].set_index("counterpart_code")["value_usd_bn"]
    shares = {
        "a": named / cumulative["ALL"],
        "b": (named - cumulative["NLD"]) / cumulative["ALL"],
        "c": (stock["USA"] + stock["NLD"]) / stock["ALL"],
    }
    below = [letter for letter, share in shares.items() if share < 0.4]
    return below[0] if len(below) == 1 else "d"


register(
    NumberQuestion(
        id="08.1",
        level="transfer",
        prompt="Highest yearly total trade with the USA in Kazakhstan's own IMF figures, billion US$",
        expected=_usa_best_year_bn,
        rel_tol=1e-3,
        decimals=2,
        mistakes={
            "that is the year of the highest trade, a row label such as .idxmax() gives: the question asks for the "
            "trade itself (.max()).": lambda: int(_usa_by_year().idxmax()),
            "that adds Kazakhstan's and the partners' figures together: keep view 'reported' only.":
                lambda: _usa_best_year_bn(views=("reported", "mirror")),
            "that uses the partners' figures: keep view 'reported' (Kazakhstan's own).":
                lambda: _usa_best_year_bn(views=("mirror",)),
            "that is the highest year of exports only: add exports and imports for each year first.":
                lambda: _usa_best_year_bn(flows=("exports",)),
            "that is the highest year of imports only: add exports and imports for each year first.":
                lambda: _usa_best_year_bn(flows=("imports",)),
        },
        hint="Exports + imports for each year, then the largest, in billions.",
    ),
    NumberQuestion(
        id="08.2",
        level="reproduce",
        prompt="Correlation of the yearly % changes of Brent and GDP (WDI), years 1995-2023",
        expected=_oil_gdp_change_correlation,
        rel_tol=1e-3,
        decimals=3,
        mistakes={
            "that correlates the levels: correlate the yearly per cent changes (pct_change()).":
                lambda: _oil_gdp_correlation(changes=False),
            "that uses every year of the table: keep 1995 to 2023.":
                lambda: _oil_gdp_correlation(first=None, last=None),
        },
        hint="Select the years, then pct_change() before corr().",
    ),
    NumberQuestion(
        id="08.3",
        level="transfer",
        prompt="Agenda-setting events per year in 2022-2025 divided by the rate in 1991-2021",
        expected=_agenda_rate_ratio,
        rel_tol=1e-3,
        decimals=2,
        mistakes={
            "that divides the counts: divide each era's count by its number of years first, then the rates.":
                lambda: _agenda_rates()[3] / _agenda_rates()[2],
            "that is the earlier rate divided by the later one: divide the 2022-2025 rate by the 1991-2021 rate.":
                lambda: _agenda_rates()[0] / _agenda_rates()[1],
            "that splits the eras at 2019, as the lesson did: this question splits them at 2022.":
                lambda: _agenda_rates(2019)[1] / _agenda_rates(2019)[0],
        },
        hint="A rate per year for each era (count / years), then the later rate over the earlier one.",
    ),
    ChoiceQuestion(
        id="08.4",
        level="reproduce",
        prompt="Which verdict fits C01 (the Secretary-General's August 2025 visit to Astana)?",
        options={
            "a": "supported: the events table has the visit in August 2025",
            "b": "partly supported: the visit happened in August 2025, but the table places it in Almaty",
            "c": "contradicted: there is no visit to Astana in August 2025, so the claim is false",
            "d": "not testable with this data: the table does not say where the Secretary-General went",
        },
        expected=_c01_letter,
        option_hints={
            "a": "Check the city in the title of the August 2025 row, not only its date.",
            "c": "The core of the claim, a visit in August 2025, holds; only one detail is wrong.",
            "d": "The title of the August 2025 row names the city.",
        },
        hint="Filter the events on 'Guterres' and look at the date and city of each row.",
    ),
    ChoiceQuestion(
        id="08.5",
        level="reproduce",
        prompt="In the IMF data for 2020, under which choice is China Kazakhstan's largest trading partner?",
        options={
            "a": "Kazakhstan's statistics, EU member states counted separately",
            "b": "Kazakhstan's statistics, the EU counted as one bloc",
            "c": "the partners' statistics, whichever way the EU is counted",
            "d": "none: Russia leads under every choice",
        },
        expected=_c12_letter,
        option_hints={
            "a": "In Kazakhstan's 2020 figures, with the EU by member state, Russia is ahead of China.",
            "b": "Counting the EU as one bloc puts the EU-27 first in Kazakhstan's figures.",
            "d": "Switch the statistics to the partners' (mirror) view and look again.",
        },
        hint="Rank the partners of 2020 by exports + imports for each view, with and without adding up the EU-27.",
    ),
    ChoiceQuestion(
        id="08.6",
        level="reproduce",
        prompt="Which reading of the FDI figures takes the West below 40% although EU members and the USA are in it?",
        options={
            "a": "cumulative FDI 1991-2019, the EU members named on the page and the USA",
            "b": "cumulative FDI 1991-2019, the same without the Netherlands",
            "c": "FDI stock in mid-2021, the USA and the Netherlands",
            "d": "none of them: every reading is above 40%",
        },
        expected=_c11_letter,
        option_hints={
            "a": "With the Netherlands the named EU members and the USA are well above 40%.",
            "c": "The mid-2021 stock of the USA and the Netherlands is far above 40% of the total.",
            "d": "Compute the share without the Netherlands.",
        },
        hint="Divide each group's value_usd_bn by the 'ALL' row of the same concept.",
    ),
    TextQuestion(
        id="08.7",
        level="interpret",
        prompt="A verdict paragraph for a claim whose verdict moves with a definition",
        min_words=60,
        solution_notebook=LESSON_08,
    ),
    FigureQuestion(
        id="08.8",
        level="extend",
        prompt="A figure for your policy brief",
    ),
)
