"""Answer key for lesson 06 (Neighbours and corridors).

Each expected answer is computed from the data tables when it is checked, with plain pandas written
independently of :mod:`betweenpowers.measures.neighbours`, so no number is typed in here and a change in ``data/``
moves the key with it.
"""

from __future__ import annotations

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, FigureQuestion, NumberQuestion, TextQuestion, ValueQuestion, register

LESSON_06 = "solutions/06_neighbours_corridors.ipynb"

_CENTRAL_ASIA = ["UZB", "KGZ", "TJK", "TKM"]


def _central_asia_share_2020(*, partners: tuple[str, ...] = tuple(_CENTRAL_ASIA),
                             flows: tuple[str, ...] = ("exports", "imports"), denominator: str = "world") -> float:
    """The share of ``partners`` in Kazakhstan's 2020 trade (reported) over the World row or the sum of partners."""
    trade = data.load_trade_dots()
    rows = trade[(trade["view"] == "reported") & (trade["year"] == 2020) & trade["flow"].isin(flows)]
    neighbours = rows.loc[rows["partner_iso3"].isin(partners), "value_usd_mn"].sum()
    world = rows.loc[rows["partner_iso3"] == "WLD", "value_usd_mn"].sum()
    all_partners = rows.loc[rows["partner_type"] != "world", "value_usd_mn"].sum()
    return float(neighbours / (world if denominator == "world" else all_partners))


def _uzbekistan_trade(flows: tuple[str, ...] = ("exports", "imports")) -> pd.Series:
    trade = data.load_trade_dots()
    rows = trade[(trade["view"] == "reported") & (trade["partner_iso3"] == "UZB") & trade["flow"].isin(flows)]
    return rows.groupby("year")["value_usd_mn"].sum()


def _uzbekistan_growth_2016_2020(flows: tuple[str, ...] = ("exports", "imports")) -> float:
    by_year = _uzbekistan_trade(flows)
    return float((by_year[2020] / by_year[2016] - 1) * 100)


def _full_year_rows_with_named_statistics(*, full_year: bool = True, named: bool = True,
                                          turnover_only: bool = False) -> int:
    pages = data.load_trade_page_figures()
    rows = pages[pages["partner_code"].isin(["UZB", "KGZ", "AZE", "TUR"])]
    if full_year:
        rows = rows[rows["period_kind"] == "year"]
    if named:
        rows = rows[rows["reporter_side"] != "unknown"]
    if turnover_only:
        rows = rows[rows["flow"].str.startswith("trade turnover")]
    return len(rows)


def _uzbekistan_gap_2017_2021(*, column: str = "agreement_identical", leave_out_kaz: bool = True,
                              statistic: str = "median") -> float:
    table = data.load_unga_agreement_yearly()
    rows = table[(table["partner"] == "KAZ") & table["year"].between(2017, 2021)]
    if leave_out_kaz:
        rows = rows[rows["iso3"] != "KAZ"]
    baseline = rows.groupby("year")[column].agg(statistic)
    uzbekistan = rows[rows["iso3"] == "UZB"].set_index("year")[column]
    return float((uzbekistan - baseline.reindex(uzbekistan.index)).mean())


def _uzbekistan_gap_identical_2017_2021() -> float:
    return _uzbekistan_gap_2017_2021()


register(
    NumberQuestion(
        id="06.1",
        level="reproduce",
        prompt="Share of Kazakhstan's total trade with its four Central Asian neighbours combined, 2020, "
               "Kazakh-reported",
        expected=_central_asia_share_2020,
        rel_tol=1e-3,
        decimals=4,
        mistakes={
            "that divides by the sum of the partner rows: divide by the World row instead.":
                lambda: _central_asia_share_2020(denominator="partners"),
            "that is Uzbekistan alone: add all four neighbours (isin).":
                lambda: _central_asia_share_2020(partners=("UZB",)),
            "that is the share of exports only: add exports and imports (total trade).":
                lambda: _central_asia_share_2020(flows=("exports",)),
            "that is the share of imports only: add exports and imports (total trade).":
                lambda: _central_asia_share_2020(flows=("imports",)),
        },
        hint="The four neighbours' exports + imports over the World row's exports + imports.",
    ),
    NumberQuestion(
        id="06.2",
        level="reproduce",
        prompt="Growth of Kazakhstan's total trade with Uzbekistan from 2016 to 2020, in per cent, Kazakh-reported",
        expected=_uzbekistan_growth_2016_2020,
        rel_tol=1e-3,
        decimals=1,
        mistakes={
            "that is the 2020 value as a per cent of 2016's: growth subtracts 1 before multiplying by 100.":
                lambda: float(_uzbekistan_trade()[2020] / _uzbekistan_trade()[2016] * 100),
            "that compares the years the other way round: growth from 2016 is value 2020 / value 2016 - 1.":
                lambda: float((_uzbekistan_trade()[2016] / _uzbekistan_trade()[2020] - 1) * 100),
            "that is the growth of exports only: add exports and imports by year first.":
                lambda: _uzbekistan_growth_2016_2020(("exports",)),
            "that is the growth of imports only: add exports and imports by year first.":
                lambda: _uzbekistan_growth_2016_2020(("imports",)),
        },
        hint="Total trade by year (groupby + sum), then the per cent change from 2016 to 2020.",
    ),
    ValueQuestion(
        id="06.3",
        level="transfer",
        prompt="Page-figure rows for UZB, KGZ, AZE and TUR that cover a full year and name their statistics",
        expected=_full_year_rows_with_named_statistics,
        mistakes={
            "that also counts rows that do not name their statistics: keep reporter_side != 'unknown'.":
                lambda: _full_year_rows_with_named_statistics(named=False),
            "that also counts rows for part of a year: keep period_kind == 'year'.":
                lambda: _full_year_rows_with_named_statistics(full_year=False),
            "that counts the turnover rows only: count the rows of every flow.":
                lambda: _full_year_rows_with_named_statistics(turnover_only=True),
        },
        hint="Three conditions joined with &, then count the rows (len).",
    ),
    NumberQuestion(
        id="06.4",
        level="transfer",
        prompt="Uzbekistan's agreement with Kazakhstan minus the median member's, 2017-2021, abstention = "
               "disagreement",
        expected=_uzbekistan_gap_identical_2017_2021,
        rel_tol=1e-3,
        abs_tol=1e-4,
        decimals=3,
        mistakes={
            "that uses agreement_half (abstention = half): this question takes agreement_identical.":
                lambda: _uzbekistan_gap_2017_2021(column="agreement_half"),
            "that uses the agreement excluding abstentions: this question takes agreement_identical.":
                lambda: _uzbekistan_gap_2017_2021(column="agreement_excluding_abstentions"),
            "Kazakhstan itself is still in the median: leave it out (iso3 != 'KAZ').":
                lambda: _uzbekistan_gap_2017_2021(leave_out_kaz=False),
            "that compares with the mean of the members: the question asks for the median.":
                lambda: _uzbekistan_gap_2017_2021(statistic="mean"),
        },
        hint="One gap per year (Uzbekistan minus the median of all countries but Kazakhstan), then their mean.",
    ),
    ChoiceQuestion(
        id="06.5",
        level="reproduce",
        prompt="What does the share of Azerbaijan, Georgia and Turkey in Kazakhstan's trade measure?",
        options={
            "a": "The volume of goods that travel along the Middle Corridor",
            "b": "Kazakhstan's trade with those three countries themselves, whatever route the goods take; not the "
                 "goods that only pass through them to other countries",
            "c": "Kazakhstan's trade with Europe, because goods for Europe cross those countries",
            "d": "Transit between China and Europe across Kazakhstan",
        },
        expected=lambda: "b",
        option_hints={
            "a": "Trade statistics record the partner country of a sale, not the route; cargo volumes on a route are "
                 "a different statistic (tonnes or containers) that the course does not have.",
            "c": "Goods sold to an EU country are recorded as trade with that country, even when they cross "
                 "Azerbaijan and Georgia on the way.",
            "d": "Goods that only cross Kazakhstan are not Kazakhstan's exports or imports at all.",
        },
        hint="Ask what a trade statistic records: the partner, or the route?",
    ),
    ChoiceQuestion(
        id="06.6",
        level="reproduce",
        prompt="Why is KZ058 (Almaty talks, 2024) coded 'mediation' though Kazakhstan said it would not mediate?",
        options={
            "a": "The events table is wrong and should be corrected",
            "b": "The course's coding rule counts hosting or facilitating talks between third parties (good offices) "
                 "as mediation: the category is the compiler's rule, not Kazakhstan's description of itself",
            "c": "Kazakhstan took part in the negotiations as a third party",
            "d": "Under international law good offices and mediation are the same thing",
        },
        expected=lambda: "b",
        option_hints={
            "a": "The row follows its stated rule; the point is that a rule and an actor's own words can differ, and "
                 "a reader should know which one a label comes from.",
            "c": "The cited pages say the talks were held between the two sides only; Kazakhstan hosted them.",
            "d": "Kazakhstan's own ministry drew a line between the two; the course's rule chose to group them.",
        },
        hint="Reread section 3 of the lesson: which rule gives a row the category 'mediation', and who wrote it?",
    ),
    TextQuestion(
        id="06.7",
        level="interpret",
        prompt="Does the evidence support claim C05 (Kazakhstan and Uzbekistan moved from rivalry to partnership)?",
        min_words=40,
        solution_notebook=LESSON_06,
    ),
    FigureQuestion(
        id="06.8",
        level="extend",
        prompt="Kazakhstan's trade with Kyrgyzstan",
    ),
)
