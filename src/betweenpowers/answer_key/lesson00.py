"""Answer key for lesson 00 (Start here).

Each expected answer is computed from the data tables when it is checked, with plain pandas written
independently of the lesson code, so no number is typed in here and a change in ``data/`` moves the key with it.
"""

from __future__ import annotations

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, NumberQuestion, TextQuestion, ValueQuestion, register


# -- Lesson 00: Start here -------------------------------------------------------------------------------------
def _kaz_main_series_votes() -> pd.Series:
    votes = data.load_unga_votes()
    roll_calls = data.load_unga_roll_calls()
    main_ids = set(roll_calls.loc[roll_calls["in_main_series"], "vote_id"])
    kaz = votes[(votes["iso3"] == "KAZ") & votes["vote_id"].isin(main_ids)]
    return kaz["vote"]


def _abstention_share() -> float:
    counted = _kaz_main_series_votes()
    counted = counted[counted != "absent"]
    return float((counted == "abstain").mean())


def _year_furthest_below_median_with_usa() -> int:
    table = data.load_unga_agreement_yearly()
    with_usa = table[(table["partner"] == "USA") & (table["iso3"] != "USA")]
    median = with_usa.groupby("year")["agreement_half"].median()
    kaz = with_usa[with_usa["iso3"] == "KAZ"].set_index("year")["agreement_half"]
    return int((kaz - median).idxmin())


def _kaz_rus_2024() -> float:
    table = data.load_unga_agreement_yearly()
    row = table[(table["iso3"] == "KAZ") & (table["partner"] == "RUS") & (table["year"] == 2024)]
    return float(row["agreement_half"].iloc[0])


def _kaz_usa_gap_to_median_2007() -> float:
    table = data.load_unga_agreement_yearly()
    in_2007 = table[(table["year"] == 2007) & (table["partner"] == "USA")]
    kaz = float(in_2007.loc[in_2007["iso3"] == "KAZ", "agreement_half"].iloc[0])
    median = float(in_2007.loc[in_2007["iso3"] != "USA", "agreement_half"].median())
    return kaz - median


LESSON_00 = "solutions/00_start_here.ipynb"

register(
    NumberQuestion(
        id="00.1",
        prompt="Share of abstentions among Kazakhstan's yes/no/abstain votes, main series 1992-2025",
        expected=_abstention_share,
        rel_tol=1e-3,
        hint="Keep the main series, drop 'absent', then divide the number of 'abstain' votes by the votes left.",
    ),
    NumberQuestion(
        id="00.2",
        prompt="Kazakhstan's 2007 agreement with the USA minus the median UN member's (abstention = half)",
        expected=_kaz_usa_gap_to_median_2007,
        rel_tol=1e-3,
        abs_tol=1e-4,
        hint="Take all countries' 2007 agreement with the USA (without the USA itself), find the median, and "
             "subtract it from Kazakhstan's value. The answer can be negative.",
    ),
    NumberQuestion(
        id="00.3",
        prompt="Kazakhstan's agreement with Russia in 2024, abstention = half, computed from the votes",
        expected=_kaz_rus_2024,
        rel_tol=1e-4,
        hint="Pair the two countries' votes on each 2024 roll call of the main series, leave out absences, score "
             "same = 1, one abstention = 0.5, yes against no = 0, and take the mean.",
    ),
    ValueQuestion(
        id="00.4",
        prompt="Year in which Kazakhstan's agreement with the USA was furthest below the median UN member's "
               "(abstention = half)",
        expected=_year_furthest_below_median_with_usa,
        hint="The year of the lowest agreement itself is not the answer: in some years every member agreed less "
             "with the USA. For each year take the median of all members' agreement with the USA (the USA left "
             "out), subtract it from Kazakhstan's, and find the year of the most negative gap.",
    ),
    ChoiceQuestion(
        id="00.5",
        prompt="Which comparison tells whether a low agreement with the USA is unusual?",
        options={
            "a": "Kazakhstan's agreement with the USA in 1992",
            "b": "The median UN member's agreement with the USA in the same year",
            "c": "Kazakhstan's agreement with China in the same year",
            "d": "The number of roll calls held that year",
        },
        expected=lambda: "b",
        option_hints={
            "a": "That shows change over time, but the agenda of 1992 was different; it does not say whether the "
                 "value is unusual among UN members.",
            "c": "That compares two partners; it does not say whether low agreement with the USA is unusual.",
            "d": "The number of votes tells how much evidence there is, not what is normal.",
        },
        hint="A number means little alone: what do most countries do?",
    ),
    TextQuestion(
        id="00.6",
        prompt="Does the agreement chart alone show that Kazakhstan balances between Russia, China and the West?",
        min_words=25,
        solution_notebook=LESSON_00,
    ),
)
