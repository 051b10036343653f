"""Answer key for lesson 06 (Neighbours and corridors).

Each expected answer is computed from the data tables when it is checked, with plain pandas written
independently of :mod:`betweenpowers.measures.neighbours`, so no number is typed in here and a change in ``data/``
moves the key with it.
"""

from __future__ import annotations

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, NumberQuestion, TextQuestion, ValueQuestion, register

LESSON_06 = "solutions/06_neighbours_corridors.ipynb"

_CENTRAL_ASIA = ["UZB", "KGZ", "TJK", "TKM"]


def _central_asia_share_2020() -> float:
    trade = data.load_trade_dots()
    rows = trade[(trade["view"] == "reported") & (trade["year"] == 2020)]
    neighbours = rows.loc[rows["partner_iso3"].isin(_CENTRAL_ASIA), "value_usd_mn"].sum()
    world = rows.loc[rows["partner_iso3"] == "WLD", "value_usd_mn"].sum()
    return float(neighbours / world)


def _uzbekistan_growth_2016_2020() -> float:
    trade = data.load_trade_dots()
    rows = trade[(trade["view"] == "reported") & (trade["partner_iso3"] == "UZB")]
    by_year = rows.groupby("year")["value_usd_mn"].sum()
    return float((by_year[2020] / by_year[2016] - 1) * 100)


def _full_year_rows_with_named_statistics() -> int:
    pages = data.load_trade_page_figures()
    rows = pages[pages["partner_code"].isin(["UZB", "KGZ", "AZE", "TUR"]) & (pages["period_kind"] == "year")
                 & (pages["reporter_side"] != "unknown")]
    return len(rows)


def _uzbekistan_gap_identical_2017_2021() -> float:
    table = data.load_unga_agreement_yearly()
    rows = table[(table["partner"] == "KAZ") & (table["iso3"] != "KAZ") & table["year"].between(2017, 2021)]
    median_by_year = rows.groupby("year")["agreement_identical"].median()
    uzbekistan = rows[rows["iso3"] == "UZB"].set_index("year")["agreement_identical"]
    return float((uzbekistan - median_by_year.reindex(uzbekistan.index)).mean())


register(
    NumberQuestion(
        id="06.1",
        prompt="Share of Kazakhstan's total trade with its four Central Asian neighbours combined, 2020, "
               "Kazakh-reported",
        expected=_central_asia_share_2020,
        rel_tol=1e-3,
        hint="Keep view 'reported' and year 2020. Add the exports and imports of UZB, KGZ, TJK and TKM, and divide by "
             "the World row's exports + imports (partner_iso3 'WLD'). Give a share (0-1), not a percentage.",
    ),
    NumberQuestion(
        id="06.2",
        prompt="Growth of Kazakhstan's total trade with Uzbekistan from 2016 to 2020, in per cent, Kazakh-reported",
        expected=_uzbekistan_growth_2016_2020,
        rel_tol=1e-3,
        hint="Keep view 'reported' and partner_iso3 'UZB'; add exports and imports by year (groupby + sum); then "
             "(value 2020 / value 2016 - 1) * 100.",
    ),
    ValueQuestion(
        id="06.3",
        prompt="Page-figure rows for UZB, KGZ, AZE and TUR that cover a full year and name their statistics",
        expected=_full_year_rows_with_named_statistics,
        hint="Filter trade_page_figures on partner_code (isin), period_kind == 'year' and reporter_side != 'unknown', "
             "then count the rows (len). Count every flow, not only turnover.",
    ),
    NumberQuestion(
        id="06.4",
        prompt="Uzbekistan's agreement with Kazakhstan minus the median member's, 2017-2021, abstention = "
               "disagreement",
        expected=_uzbekistan_gap_identical_2017_2021,
        rel_tol=1e-3,
        abs_tol=1e-4,
        hint="Keep partner 'KAZ' (and leave Kazakhstan itself out), years 2017-2021, column agreement_identical. For "
             "each year take Uzbekistan's value minus the median over all countries, then average the five gaps.",
    ),
    ChoiceQuestion(
        id="06.5",
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
        prompt="Does the evidence support claim C05 (Kazakhstan and Uzbekistan moved from rivalry to partnership)?",
        min_words=40,
        solution_notebook=LESSON_06,
    ),
)
