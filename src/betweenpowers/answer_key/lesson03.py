"""Answer key for lesson 03 (Voting vectors at the UN).

Each expected answer is computed from the data tables when it is checked, with plain pandas written independently
of the lesson code and of :mod:`betweenpowers.measures.issues`, so no number is typed in here and a change in
``data/`` moves the key with it.
"""

from __future__ import annotations

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, FigureQuestion, NumberQuestion, TextQuestion, ValueQuestion, register

LESSON_03 = "solutions/03_voting_vectors.ipynb"
CENTRAL_ASIA = ["KAZ", "UZB", "KGZ", "TJK", "TKM"]


def _main_series_votes_wide() -> pd.DataFrame:
    """Main-series roll calls with one vote column per country (absent kept as 'absent')."""
    roll_calls = data.load_unga_roll_calls()
    main = roll_calls[roll_calls["in_main_series"]].set_index("vote_id")
    wide = data.load_unga_votes().pivot(index="vote_id", columns="iso3", values="vote")
    return main.join(wide, how="inner")


def _half_agreement(rows: pd.DataFrame, country: str, partner: str, *, rule: str = "half",
                    drop_absent: bool = True) -> float:
    """Mean agreement over the rows where both countries voted.

    ``rule`` scores a pair with one abstention: "half" 0.5, "identical" 0 (a disagreement). With ``drop_absent``
    false, absences stay in and score as votes of their own (what forgetting the filter gives).
    """
    a, b = rows[country], rows[partner]
    if drop_absent:
        both = (a != "absent") & (b != "absent")
        a, b = a[both], b[both]
    one_abstention = 0.5 if rule == "half" else 0.0
    scores = [1.0 if x == y else one_abstention if "abstain" in (x, y) else 0.0 for x, y in zip(a, b)]
    return sum(scores) / len(scores)


def _mean_of_yearly(rows: pd.DataFrame, country: str, partner: str) -> float:
    """The mean of the yearly agreements (a typical mistake: each year weighs the same, whatever its votes)."""
    return float(pd.Series({year: _half_agreement(group, country, partner)
                            for year, group in rows.groupby("year")}).mean())


def _human_rights_rows() -> pd.DataFrame:
    rows = _main_series_votes_wide()
    return rows[(rows["issue_human_rights"] == 1) & (rows["year"] >= 2015) & (rows["year"] <= 2020)]


def _kaz_rus_human_rights_2015_2020() -> float:
    return _half_agreement(_human_rights_rows(), "KAZ", "RUS")


def _rows_2014_2020(*, nuclear: int | None = 0) -> pd.DataFrame:
    """Main-series roll calls of 2014-2020: without the nuclear ones (0), only those (1), or all (None)."""
    rows = _main_series_votes_wide()
    rows = rows[(rows["year"] >= 2014) & (rows["year"] <= 2020)]
    return rows if nuclear is None else rows[rows["issue_nuclear"] == nuclear]


def _kaz_rus_without_nuclear_2014_2020() -> float:
    return _half_agreement(_rows_2014_2020(), "KAZ", "RUS")


def _central_asia_with_usa_1992_2004() -> pd.Series:
    table = data.load_unga_agreement_yearly()
    rows = table[table["iso3"].isin(CENTRAL_ASIA) & (table["partner"] == "USA")
                 & (table["year"] >= 1992) & (table["year"] <= 2004)]
    return rows.groupby("iso3")["agreement_half"].mean()


def _closest_to_usa_1992_2004() -> str:
    return str(_central_asia_with_usa_1992_2004().idxmax())


def _ukraine_rows(*, named: bool = True) -> pd.DataFrame:
    """Main-series roll calls of 2022-2025 whose title names Ukraine, Crimea or Russia (or, not ``named``, the rest)."""
    rows = _main_series_votes_wide()
    names = rows["title"].str.contains("Ukraine|Crimea|Russian Federation", regex=True)
    return rows[(rows["year"] >= 2022) & (rows["year"] <= 2025) & (names if named else ~names)]


def _kaz_rus_on_ukraine_2022_2025() -> float:
    return _half_agreement(_ukraine_rows(), "KAZ", "RUS")


def _kaz_rus_distance_2024(vintage: str = "2025-07_final_passage") -> float:
    table = data.load_unga_ideal_points()
    rows = table[(table["vintage"] == vintage) & (table["year"] == 2024)].set_index("iso3")
    return abs(float(rows.loc["KAZ", "ideal_point"]) - float(rows.loc["RUS", "ideal_point"]))


def _kaz_rus_distance_2024_july_2025() -> float:
    return _kaz_rus_distance_2024()


MEAN_OF_YEARLY = ("that is the mean of the yearly values: take the mean over all the roll calls together, so that "
                  "each roll call counts once.")
ABSTENTION_AS_NO = "there an abstention counts as a disagreement: the rule of the lesson scores it 0.5."
ABSENCES_KEPT = "the absences are still in: drop the pairs in which either country was absent."

register(
    NumberQuestion(
        id="03.1",
        level="transfer",
        prompt="Kazakhstan's agreement with Russia on human-rights roll calls 2015-2020 (abstention = half)",
        expected=_kaz_rus_human_rights_2015_2020,
        rel_tol=1e-3,
        decimals=3,
        mistakes={
            ABSTENTION_AS_NO: lambda: _half_agreement(_human_rights_rows(), "KAZ", "RUS", rule="identical"),
            ABSENCES_KEPT: lambda: _half_agreement(_human_rights_rows(), "KAZ", "RUS", drop_absent=False),
        },
        hint="Pair the two countries' votes on each roll call (merge on vote_id), score each pair, then one mean.",
    ),
    NumberQuestion(
        id="03.2",
        level="transfer",
        prompt="Kazakhstan's agreement with Russia 2014-2020 leaving out roll calls coded nuclear (abstention = half)",
        expected=_kaz_rus_without_nuclear_2014_2020,
        rel_tol=1e-3,
        decimals=3,
        mistakes={
            "that is the agreement on the nuclear roll calls only: keep those with issue_nuclear == 0.":
                lambda: _half_agreement(_rows_2014_2020(nuclear=1), "KAZ", "RUS"),
            "that still includes the nuclear roll calls: leave them out (issue_nuclear == 0).":
                lambda: _half_agreement(_rows_2014_2020(nuclear=None), "KAZ", "RUS"),
            MEAN_OF_YEARLY: lambda: _mean_of_yearly(_rows_2014_2020(), "KAZ", "RUS"),
            ABSTENTION_AS_NO: lambda: _half_agreement(_rows_2014_2020(), "KAZ", "RUS", rule="identical"),
        },
        hint="The recipe of 03.1 with another filter: years 2014-2020, issue_nuclear == 0.",
    ),
    ValueQuestion(
        id="03.3",
        level="transfer",
        prompt="Central Asian state with the highest mean yearly agreement with the USA, 1992-2004 (agreement_half)",
        expected=_closest_to_usa_1992_2004,
        mistakes={
            "that is the state with the lowest mean: the highest needs .idxmax().":
                lambda: str(_central_asia_with_usa_1992_2004().idxmin()),
        },
        hint="Mean of agreement_half by iso3 (groupby), then the label of the largest.",
    ),
    ChoiceQuestion(
        id="03.4",
        level="reproduce",
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
        level="transfer",
        prompt="Ideal-point distance Kazakhstan-Russia in 2024, vintage 2025-07_final_passage",
        expected=_kaz_rus_distance_2024_july_2025,
        rel_tol=1e-3,
        abs_tol=1e-4,
        decimals=3,
        mistakes={
            "that is the distance in the 2026 vintage: use only the vintage '2025-07_final_passage'.":
                lambda: _kaz_rus_distance_2024("2026_final_passage"),
        },
        hint="One vintage, one year: the absolute difference of two ideal points.",
    ),
    ChoiceQuestion(
        id="03.6",
        level="reproduce",
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
        level="interpret",
        prompt="Do Kazakhstan's UN votes support the article's claims C03 (equidistance) and C04 (the war in Ukraine "
               "undermined simple balancing)?",
        min_words=40,
        solution_notebook=LESSON_03,
    ),
    NumberQuestion(
        id="03.8",
        level="transfer",
        prompt="Kazakhstan's agreement with Russia on the 2022-2025 roll calls whose title names Ukraine, Crimea or "
               "the Russian Federation (abstention = half)",
        expected=_kaz_rus_on_ukraine_2022_2025,
        rel_tol=1e-3,
        decimals=2,
        mistakes={
            "that is the agreement on the other roll calls of those years: keep those whose title names Ukraine, "
            "Crimea or the Russian Federation.": lambda: _half_agreement(_ukraine_rows(named=False), "KAZ", "RUS"),
            ABSTENTION_AS_NO: lambda: _half_agreement(_ukraine_rows(), "KAZ", "RUS", rule="identical"),
            ABSENCES_KEPT: lambda: _half_agreement(_ukraine_rows(), "KAZ", "RUS", drop_absent=False),
        },
        hint="Select the roll calls with str.contains (a | between the words), then score as in 03.1.",
    ),
    FigureQuestion(
        id="03.9",
        level="extend",
        prompt="Two Central Asian ideal points, one vintage",
    ),
)
