"""Answer key for lesson 00 (Start here).

Each expected answer is computed from the data tables when it is checked, with plain pandas written
independently of the lesson code, so no number is typed in here and a change in ``data/`` moves the key with it.
"""

from __future__ import annotations

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, FigureQuestion, NumberQuestion, TextQuestion, ValueQuestion, register


# -- Lesson 00: Start here -------------------------------------------------------------------------------------
def _kaz_votes(*, main_only: bool = True) -> pd.Series:
    votes = data.load_unga_votes()
    roll_calls = data.load_unga_roll_calls()
    kept = roll_calls["in_main_series"] if main_only else roll_calls["vote_id"].notna()
    kaz = votes[(votes["iso3"] == "KAZ") & votes["vote_id"].isin(set(roll_calls.loc[kept, "vote_id"]))]
    return kaz["vote"]


def _abstention_share(*, main_only: bool = True, drop_absent: bool = True) -> float:
    counted = _kaz_votes(main_only=main_only)
    if drop_absent:
        counted = counted[counted != "absent"]
    return float((counted == "abstain").mean())


def _abstention_count() -> int:
    return int((_kaz_votes() == "abstain").sum())


def _usa_gaps(*, column: str = "agreement_half") -> pd.Series:
    """Kazakhstan's agreement with the USA minus the median member's (the USA left out), by year."""
    table = data.load_unga_agreement_yearly()
    with_usa = table[(table["partner"] == "USA") & (table["iso3"] != "USA")]
    median = with_usa.groupby("year")[column].median()
    kaz = with_usa[with_usa["iso3"] == "KAZ"].set_index("year")[column]
    return kaz - median


def _year_furthest_below_median_with_usa() -> int:
    return int(_usa_gaps().idxmin())


def _year_furthest_above_median_with_usa() -> int:
    return int(_usa_gaps().idxmax())


def _year_of_lowest_agreement_with_usa() -> int:
    table = data.load_unga_agreement_yearly()
    kaz = table[(table["iso3"] == "KAZ") & (table["partner"] == "USA")].set_index("year")["agreement_half"]
    return int(kaz.idxmin())


def _kaz_rus_2024() -> float:
    table = data.load_unga_agreement_yearly()
    row = table[(table["iso3"] == "KAZ") & (table["partner"] == "RUS") & (table["year"] == 2024)]
    return float(row["agreement_half"].iloc[0])


def _kaz_rus_2024_from_votes(*, drop_absent: bool = True, rule: str = "half") -> float:
    """Kazakhstan's agreement with Russia on the main-series roll calls of 2024, computed from the votes.

    ``rule`` scores a pair with one abstention: "half" 0.5, "identical" 0 (a disagreement), "excluding" left out.
    """
    roll_calls = data.load_unga_roll_calls()
    in_2024 = set(roll_calls.loc[roll_calls["in_main_series"] & (roll_calls["year"] == 2024), "vote_id"])
    votes = data.load_unga_votes()
    votes = votes[votes["vote_id"].isin(in_2024) & votes["iso3"].isin(["KAZ", "RUS"])]
    pairs = votes.pivot(index="vote_id", columns="iso3", values="vote")
    if drop_absent:
        pairs = pairs[(pairs["KAZ"] != "absent") & (pairs["RUS"] != "absent")]
    one_abstained = (pairs["KAZ"] == "abstain") != (pairs["RUS"] == "abstain")
    if rule == "excluding":
        pairs, one_abstained = pairs[~one_abstained], one_abstained[~one_abstained]
    score = (pairs["KAZ"] == pairs["RUS"]).astype(float)
    if rule == "half":
        score = score.where(~one_abstained, 0.5)
    return float(score.mean())


def _usa_gap_2007(*, leave_out_usa: bool = True, statistic: str = "median", column: str = "agreement_half") -> float:
    table = data.load_unga_agreement_yearly()
    in_2007 = table[(table["year"] == 2007) & (table["partner"] == "USA")]
    kaz = float(in_2007.loc[in_2007["iso3"] == "KAZ", column].iloc[0])
    others = in_2007[in_2007["iso3"] != "USA"] if leave_out_usa else in_2007
    return kaz - float(others[column].agg(statistic))


def _kaz_usa_gap_to_median_2007() -> float:
    return _usa_gap_2007()


LESSON_00 = "solutions/00_start_here.ipynb"

register(
    NumberQuestion(
        id="00.1",
        level="reproduce",
        prompt="Share of abstentions among Kazakhstan's yes/no/abstain votes, main series 1992-2025",
        expected=_abstention_share,
        rel_tol=1e-3,
        decimals=3,
        mistakes={
            "that share still counts the 'absent' votes: leave them out before dividing.":
                lambda: _abstention_share(drop_absent=False),
            "that share uses every roll call: keep the main series only (roll_calls[\"in_main_series\"]).":
                lambda: _abstention_share(main_only=False),
            "that is the number of abstentions, not a share: divide it by the number of votes counted.":
                _abstention_count,
        },
        hint="A share of votes: which votes belong in the denominator?",
    ),
    NumberQuestion(
        id="00.2",
        level="transfer",
        prompt="Kazakhstan's 2007 agreement with the USA minus the median UN member's (abstention = half)",
        expected=_kaz_usa_gap_to_median_2007,
        rel_tol=1e-3,
        abs_tol=1e-4,
        decimals=4,
        mistakes={
            "the USA itself is still in that median: leave it out (iso3 != \"USA\").":
                lambda: _usa_gap_2007(leave_out_usa=False),
            "that compares with the mean of the members: the question asks for the median.":
                lambda: _usa_gap_2007(statistic="mean"),
            "that uses another abstention rule: take the column agreement_half.":
                lambda: _usa_gap_2007(column="agreement_identical"),
        },
        hint="Kazakhstan's value minus the median of all countries (the USA left out). It can be negative.",
    ),
    NumberQuestion(
        id="00.3",
        level="transfer",
        prompt="Kazakhstan's agreement with Russia in 2024, abstention = half, computed from the votes",
        expected=_kaz_rus_2024,
        rel_tol=1e-4,
        decimals=3,
        mistakes={
            "the absences are still in: leave out the roll calls on which either country was absent.":
                lambda: _kaz_rus_2024_from_votes(drop_absent=False),
            "there an abstention counts as a disagreement: the rule of the lesson scores it 0.5.":
                lambda: _kaz_rus_2024_from_votes(rule="identical"),
            "there the abstentions are left out: the rule of the lesson scores one abstention 0.5.":
                lambda: _kaz_rus_2024_from_votes(rule="excluding"),
        },
        hint="Pair the two countries' votes on each roll call (merge on vote_id), then score each pair.",
    ),
    ValueQuestion(
        id="00.4",
        level="transfer",
        prompt="Year in which Kazakhstan's agreement with the USA was furthest below the median UN member's "
               "(abstention = half)",
        expected=_year_furthest_below_median_with_usa,
        mistakes={
            "that is the year of Kazakhstan's own lowest agreement with the USA; the question asks for the year "
            "furthest below the median member.": _year_of_lowest_agreement_with_usa,
            "that is the year furthest above the median: the most negative gap needs .idxmin().":
                _year_furthest_above_median_with_usa,
        },
        hint="For each year, Kazakhstan's agreement minus the median member's; then the year of the most negative "
             "gap.",
    ),
    ChoiceQuestion(
        id="00.5",
        level="reproduce",
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
        level="interpret",
        prompt="Does the agreement chart alone show that Kazakhstan balances between Russia, China and the West?",
        min_words=25,
        solution_notebook=LESSON_00,
    ),
    FigureQuestion(
        id="00.7",
        level="extend",
        prompt="Kazakhstan's agreement with Russia against the median UN member's, 1992–2025",
    ),
)
