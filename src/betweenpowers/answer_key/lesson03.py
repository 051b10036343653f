"""Answer key for lesson 03 (Voting vectors at the UN).

Each expected answer is computed from the data tables when it is checked, with plain pandas written independently
of the lesson code and of :mod:`betweenpowers.measures.issues`, so no number is typed in here and a change in
``data/`` moves the key with it.
"""

from __future__ import annotations

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, NumberQuestion, TextQuestion, ValueQuestion, register

LESSON_03 = "solutions/03_voting_vectors.ipynb"
CENTRAL_ASIA = ["KAZ", "UZB", "KGZ", "TJK", "TKM"]


def _main_series_votes_wide() -> pd.DataFrame:
    """Main-series roll calls with one vote column per country (absent kept as 'absent')."""
    roll_calls = data.load_unga_roll_calls()
    main = roll_calls[roll_calls["in_main_series"]].set_index("vote_id")
    wide = data.load_unga_votes().pivot(index="vote_id", columns="iso3", values="vote")
    return main.join(wide, how="inner")


def _half_agreement(rows: pd.DataFrame, country: str, partner: str) -> float:
    """Mean agreement, abstention = half, over the rows where both countries voted."""
    a, b = rows[country], rows[partner]
    both = (a != "absent") & (b != "absent")
    a, b = a[both], b[both]
    scores = [1.0 if x == y else 0.5 if "abstain" in (x, y) else 0.0 for x, y in zip(a, b)]
    return sum(scores) / len(scores)


def _kaz_rus_human_rights_2015_2020() -> float:
    rows = _main_series_votes_wide()
    rows = rows[(rows["issue_human_rights"] == 1) & (rows["year"] >= 2015) & (rows["year"] <= 2020)]
    return _half_agreement(rows, "KAZ", "RUS")


def _kaz_rus_without_nuclear_2014_2020() -> float:
    rows = _main_series_votes_wide()
    rows = rows[(rows["year"] >= 2014) & (rows["year"] <= 2020) & (rows["issue_nuclear"] == 0)]
    return _half_agreement(rows, "KAZ", "RUS")


def _closest_to_usa_1992_2004() -> str:
    table = data.load_unga_agreement_yearly()
    rows = table[table["iso3"].isin(CENTRAL_ASIA) & (table["partner"] == "USA")
                 & (table["year"] >= 1992) & (table["year"] <= 2004)]
    return str(rows.groupby("iso3")["agreement_half"].mean().idxmax())


def _kaz_rus_on_ukraine_2022_2025() -> float:
    rows = _main_series_votes_wide()
    named = rows["title"].str.contains("Ukraine|Crimea|Russian Federation", regex=True)
    rows = rows[(rows["year"] >= 2022) & (rows["year"] <= 2025) & named]
    return _half_agreement(rows, "KAZ", "RUS")


def _kaz_rus_distance_2024_july_2025() -> float:
    table = data.load_unga_ideal_points()
    rows = table[(table["vintage"] == "2025-07_final_passage") & (table["year"] == 2024)].set_index("iso3")
    return abs(float(rows.loc["KAZ", "ideal_point"]) - float(rows.loc["RUS", "ideal_point"]))


register(
    NumberQuestion(
        id="03.1",
        prompt="Kazakhstan's agreement with Russia on human-rights roll calls 2015-2020 (abstention = half)",
        expected=_kaz_rus_human_rights_2015_2020,
        rel_tol=1e-3,
        hint="Keep main-series roll calls with issue_human_rights == 1 and year 2015-2020, pair KAZ's and RUS's votes "
             "(merge on vote_id), drop pairs where either was absent, score 1 / 0.5 / 0 and take the mean over all "
             "roll calls together (not the mean of yearly means).",
    ),
    NumberQuestion(
        id="03.2",
        prompt="Kazakhstan's agreement with Russia 2014-2020 leaving out roll calls coded nuclear (abstention = half)",
        expected=_kaz_rus_without_nuclear_2014_2020,
        rel_tol=1e-3,
        hint="Same recipe as 03.1: main series, years 2014-2020, but keep the roll calls with issue_nuclear == 0.",
    ),
    ValueQuestion(
        id="03.3",
        prompt="Central Asian state with the highest mean yearly agreement with the USA, 1992-2004 (agreement_half)",
        expected=_closest_to_usa_1992_2004,
        hint="Filter the yearly table to partner 'USA', the five Central Asian states and 1992-2004, take the mean "
             "of agreement_half by iso3, and find the largest (idxmax).",
    ),
    ChoiceQuestion(
        id="03.4",
        prompt="Why is Kazakhstan's agreement with Russia higher when abstentions are left out than when an "
               "abstention counts as disagreement?",
        options={
            "a": "Leaving abstentions out adds roll calls on which the two countries agreed.",
            "b": "Roll calls on which one of the two abstained count as disagreements under one rule and are "
                 "dropped under the other; the pairs where both took a side agree more often.",
            "c": "Russia abstains more often than Kazakhstan, so the rule changes Russia's votes.",
            "d": "The rules use different sources: the UN Digital Library has no abstentions.",
        },
        expected=lambda: "b",
        option_hints={
            "a": "Leaving abstentions out can only remove roll calls, never add any.",
            "c": "No rule changes anybody's votes; it changes how a pair of votes is scored.",
            "d": "All three rules are computed from the same votes; both sources record abstentions.",
        },
        hint="Write down how the pair (yes, abstain) is scored under each rule, and which roll calls count at all.",
    ),
    NumberQuestion(
        id="03.5",
        prompt="Ideal-point distance Kazakhstan-Russia in 2024, vintage 2025-07_final_passage",
        expected=_kaz_rus_distance_2024_july_2025,
        rel_tol=1e-3,
        abs_tol=1e-4,
        hint="Keep the rows of vintage '2025-07_final_passage' and year 2024, take KAZ's and RUS's ideal_point and "
             "the absolute value of their difference. Do not use another vintage.",
    ),
    ChoiceQuestion(
        id="03.6",
        prompt="Which yearly series of Kazakhstan's UN voting position can be drawn as one line?",
        options={
            "a": "Ideal points from the July-2025 file to 2023, then the 2026 file for 2024 and 2025.",
            "b": "Agreement with Russia from both sources for 2020, all roll calls stacked together.",
            "c": "Ideal points from the 2026 file for every year 1992-2025, with 2024 marked as resting on very "
                 "few votes.",
            "d": "Voeten's session agreement scores to 2019, then our calendar-year agreement_half from 2020.",
        },
        expected=lambda: "c",
        option_hints={
            "a": "That mixes two vintages: their values differ even for the same year, so the joint would look like "
                 "a change in policy.",
            "b": "Stacking both sources counts the roll calls they share twice.",
            "d": "Sessions and calendar years differ, and so do the rules: the step in 2020 would be an artefact.",
        },
        hint="One series, one source, one vintage, one definition; caveats are shown, not hidden.",
    ),
    TextQuestion(
        id="03.7",
        prompt="Do Kazakhstan's UN votes support the article's claims C03 (equidistance) and C04 (the war in Ukraine "
               "undermined simple balancing)?",
        min_words=40,
        solution_notebook=LESSON_03,
    ),
    NumberQuestion(
        id="03.8",
        prompt="Kazakhstan's agreement with Russia on the 2022-2025 roll calls whose title names Ukraine, Crimea or "
               "the Russian Federation (abstention = half)",
        expected=_kaz_rus_on_ukraine_2022_2025,
        rel_tol=1e-3,
        hint="Keep main-series roll calls of 2022-2025 whose title contains 'Ukraine', 'Crimea' or 'Russian "
             "Federation' (str.contains with a | between the words); then pair, drop absences and score as in 03.1.",
    ),
)
