"""Predictions asked before the lessons' explorers (ids ``"P<lesson>"``, e.g. ``"P00"``).

A prediction is a commitment, not a test: the student answers before exploring, ``check`` says whether the guess
was right (with a hint on where to look, never the answer), and the explorer then shows the evidence. Each expected
letter is computed from the data tables with plain pandas, independently of the lessons' code, so a change in
``data/`` moves the key with it; the bands of the options are part of the question.
"""

from __future__ import annotations

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, register


def _band(share: float, low: float, high: float) -> str:
    """"a" below ``low``, "b" from ``low`` to ``high``, "c" above ``high``."""
    return "a" if share < low else ("b" if share <= high else "c")


def _china_above_russia_share() -> float:
    table = data.load_unga_agreement_yearly()
    kaz = table[table["iso3"] == "KAZ"].pivot(index="year", columns="partner", values="agreement_half")
    return float((kaz["CHN"] > kaz["RUS"]).mean())


def _busiest_vector_letter() -> str:
    events = data.load_diplomatic_events()
    counts = events.loc[events["year"].between(1991, 2019), "vector"].value_counts()
    letters = {"russia": "a", "china": "b", "west": "c", "global": "d", "multi": "e", "regional": "f"}
    return letters[str(counts.idxmax())]


def _reported_share(year: int, partners: list[str]) -> float:
    trade = data.load_trade_by_partner()
    rows = trade[(trade["year"] == year) & (trade["view"] == "reported")]
    world = rows.loc[rows["partner_type"] == "world", "value_usd_mn"].sum()
    return float(rows.loc[rows["partner_iso3"].isin(partners), "value_usd_mn"].sum() / world)


def _largest_arms_pole() -> str:
    arms = data.load_arms_transfers_sipri()
    imports = arms[arms["direction"] == "import"]
    pole = imports["vector"].map({"russia": "a", "china": "b", "eu27": "c", "other_west": "c"})
    return str(imports.groupby(pole)["tiv_mn"].sum().idxmax())


def _largest_region_2025() -> str:
    regions = {"a": ["KGZ", "TJK", "TKM", "UZB"], "b": ["ARM", "AZE", "GEO"], "c": ["TUR"]}
    shares = pd.Series({letter: _reported_share(2025, codes) for letter, codes in regions.items()})
    return str(shares.idxmax())


register(
    ChoiceQuestion(
        id="P00",
        level="predict",
        prompt="In what share of the years 1992-2025 does Kazakhstan agree more with China than with Russia?",
        options={"a": "fewer than a quarter of the years", "b": "between a quarter and three quarters",
                 "c": "more than three quarters"},
        expected=lambda: _band(_china_above_russia_share(), 0.25, 0.75),
        hint="Tick China and Russia in the explorer and count the years in which China's line is above Russia's.",
    ),
    ChoiceQuestion(
        id="P01",
        level="predict",
        prompt="Which vector holds the most events of 1991-2019 in the events table?",
        options={"a": "Russia", "b": "China", "c": "the West", "d": "global (the UN and worldwide forums)",
                 "e": "multilateral (several powers at once)", "f": "regional (Central Asia)"},
        expected=_busiest_vector_letter,
        hint="Compare the strips of the explorer's timeline: which one has the most markers?",
    ),
    ChoiceQuestion(
        id="P02",
        level="predict",
        prompt="Russia's share of Kazakhstan's total trade in 1995, Kazakhstan's statistics",
        options={"a": "under 25%", "b": "25% to 40%", "c": "over 40%"},
        expected=lambda: _band(_reported_share(1995, ["RUS"]), 0.25, 0.40),
        hint="Set the explorer's year to 1995 and read Russia's bar.",
    ),
    ChoiceQuestion(
        id="P04",
        level="predict",
        prompt="With all the weight on arms, which pole gets the largest share of the scorecard?",
        options={"a": "Russia", "b": "China", "c": "the West (the EU and other Western suppliers)"},
        expected=_largest_arms_pole,
        hint="Set every weight but arms to 0 in the explorer and read the composite row.",
    ),
    ChoiceQuestion(
        id="P06",
        level="predict",
        prompt="Which region had the largest share of Kazakhstan's trade in 2025 (Kazakhstan's statistics)?",
        options={"a": "Central Asia", "b": "the South Caucasus", "c": "Turkey"},
        expected=_largest_region_2025,
        hint="Choose the trade share in the explorer and read the last year of each line.",
    ),
)
