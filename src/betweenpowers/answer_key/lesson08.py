"""Answer key for lesson 08 (Capstone: test the article).

Each expected answer is computed from the data tables when it is checked, with plain pandas written
independently of the lesson code (no call into ``betweenpowers.measures`` or ``betweenpowers.widgets``), so no
number is typed in here and a change in ``data/`` moves the key with it. Even the letters of the multiple-choice
questions are derived from the data where the right option depends on it.
"""

from __future__ import annotations

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, NumberQuestion, TextQuestion, register

LESSON_08 = "solutions/08_capstone.ipynb"


def _usa_best_year_bn() -> float:
    trade = data.load_trade_dots()
    usa = trade[(trade["partner_iso3"] == "USA") & (trade["view"] == "reported")]
    return float(usa.groupby("year")["value_usd_mn"].sum().max() / 1000)


def _oil_gdp_change_correlation() -> float:
    macro = data.load_macro_kaz_annual().set_index("year")
    years = macro.loc[1995:2023, ["brent_usd_per_barrel", "gdp_usd_wdi"]].astype(float)
    changes = years.pct_change().dropna()
    return float(changes["brent_usd_per_barrel"].corr(changes["gdp_usd_wdi"]))


def _agenda_rate_ratio() -> float:
    events = data.load_diplomatic_events()
    agenda = events[events["mode"] == "agenda_setting"]
    before = ((agenda["year"] >= 1991) & (agenda["year"] <= 2021)).sum() / 31  # 1991-2021: 31 years
    after = ((agenda["year"] >= 2022) & (agenda["year"] <= 2025)).sum() / 4  # 2022-2025: 4 years
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
        prompt="Highest yearly total trade with the USA in Kazakhstan's own IMF figures, billion US$",
        expected=_usa_best_year_bn,
        rel_tol=1e-3,
        hint="Keep view 'reported' and partner_iso3 'USA', add exports and imports by year (groupby year, sum), take "
             "the maximum and divide million US$ by 1,000.",
    ),
    NumberQuestion(
        id="08.2",
        prompt="Correlation of the yearly % changes of Brent and GDP (WDI), years 1995-2023",
        expected=_oil_gdp_change_correlation,
        rel_tol=1e-3,
        hint="Select the years 1995 to 2023 of the two columns, take .pct_change(), drop the first (empty) row, and "
             "correlate the two columns. Correlating the levels gives a much higher number.",
    ),
    NumberQuestion(
        id="08.3",
        prompt="Agenda-setting events per year in 2022-2025 divided by the rate in 1991-2021",
        expected=_agenda_rate_ratio,
        rel_tol=1e-3,
        hint="Count agenda-setting events in each era and divide by its number of years (31 for 1991-2021, 4 for "
             "2022-2025), then divide the later rate by the earlier one.",
    ),
    ChoiceQuestion(
        id="08.4",
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
        prompt="A verdict paragraph for a claim whose verdict moves with a definition",
        min_words=60,
        solution_notebook=LESSON_08,
    ),
)
