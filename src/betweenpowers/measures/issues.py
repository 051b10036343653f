"""UN vote agreement by year and by issue, computed for many country pairs at once (vectorised pandas).

:mod:`betweenpowers.measures.votes` defines the measure: it pairs votes, scores them under the three abstention
rules and averages the scores, for whole columns at once. This module applies it by issue, so that agreement can be
computed for every comparison country, partner, year, issue and rule in well under a second:

* :func:`pair_votes` puts each country's vote next to each partner's vote, with the roll call's year, source and
  issue codes;
* :func:`issue_rows` keeps the roll calls coded under one issue (or all of them);
* :func:`agreement_table` is the long table behind the lesson 03 explorer: one row per country, partner, issue,
  rule and year, with the number of roll calls counted and the mean agreement.

Issue codes are Voeten's six dummies (``issue_*`` columns of ``unga_roll_calls``). They exist only for roll calls
from the Voeten data (1992-2020); the UN Digital Library's and DGACM's records (the main series from 2021) have
none, so an issue other than ``"all"`` has no roll calls after 2020. A roll call can carry several issue codes (a
resolution on nuclear weapons in the Middle East counts under both), so the issues do not add up to the total.

Reference for the data and the issue codes: Voeten, E., Strezhnev, A. and Bailey, M., *United Nations General
Assembly Voting Data*, Harvard Dataverse, hdl:1902.1/12379. For the abstention rules see
:data:`betweenpowers.measures.votes.AGREEMENT_RULES` (Lijphart 1963).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from betweenpowers.measures.votes import (
    AGREEMENT_RULES,
    MAIN_SERIES_SOURCES,
    agreement_by,
    partner_pairs,
    score_pairs,
)

__all__ = ["ISSUE_COLUMNS", "ISSUE_LABELS", "LAST_CODED_YEAR", "agreement_table", "issue_rows", "pair_votes"]

#: Issue key -> column of ``unga_roll_calls`` holding Voeten's 0/1 code.
ISSUE_COLUMNS: dict[str, str] = {
    "middle_east": "issue_middle_east",
    "nuclear": "issue_nuclear",
    "disarmament": "issue_disarmament",
    "human_rights": "issue_human_rights",
    "colonialism": "issue_colonialism",
    "economic": "issue_economic",
}

#: Issue key -> label shown to students ("all" means every roll call, coded or not). Wording follows Voeten's
#: names of the codes (as in the R package unvotes): Palestinian conflict, Nuclear weapons and nuclear material,
#: Arms control and disarmament, Human rights, Colonialism, Economic development.
ISSUE_LABELS: dict[str, str] = {
    "all": "All roll calls",
    "middle_east": "Middle East (Palestinian conflict)",
    "nuclear": "Nuclear weapons and material",
    "disarmament": "Arms control and disarmament",
    "human_rights": "Human rights",
    "colonialism": "Colonialism",
    "economic": "Economic development",
}

#: The last year with issue codes: the last calendar year of the main series taken from the Voeten data.
LAST_CODED_YEAR = MAIN_SERIES_SOURCES["voeten"][1]


def _check_issue(issue: str) -> None:
    if issue not in ISSUE_LABELS:
        raise ValueError(f"issue must be one of {tuple(ISSUE_LABELS)}, not {issue!r}")


def pair_votes(
    votes: pd.DataFrame,
    roll_calls: pd.DataFrame,
    countries: Iterable[str],
    partners: Iterable[str],
    main_series: bool = True,
) -> pd.DataFrame:
    """Each country's vote next to each partner's vote: one row per roll call, country and partner.

    ``votes`` and ``roll_calls`` are :func:`betweenpowers.data.load_unga_votes` and
    :func:`~betweenpowers.data.load_unga_roll_calls`. With ``main_series`` (the default) only roll calls of the
    one-source-per-year main series are kept. Returns columns vote_id, year, source, iso3, vote, partner,
    partner_vote and the ``issue_*`` columns, sorted by iso3, partner and vote_id. Absences are kept (they score
    NaN in :func:`score_votes`). A country paired with itself is left out.
    """
    calls = roll_calls
    if main_series:
        calls = calls[calls["in_main_series"].fillna(False).astype(bool)]
    calls = calls[["vote_id", "year", "source", *ISSUE_COLUMNS.values()]]
    mine = votes.loc[votes["iso3"].isin(list(countries)), ["vote_id", "iso3", "vote"]]
    pairs = partner_pairs(mine, votes, partners).merge(calls, on="vote_id")
    pairs = pairs[pairs["iso3"] != pairs["partner"]]
    columns = ["vote_id", "year", "source", "iso3", "vote", "partner", "partner_vote", *ISSUE_COLUMNS.values()]
    return pairs[columns].sort_values(["iso3", "partner", "vote_id"]).reset_index(drop=True)


def issue_rows(pairs: pd.DataFrame, issue: str) -> pd.DataFrame:
    """The rows of ``pairs`` (or of a roll-call table) coded under ``issue``; ``"all"`` keeps every row.

    A roll call without issue codes (UN Digital Library records) belongs to no issue.
    """
    _check_issue(issue)
    if issue == "all":
        return pairs
    return pairs[pairs[ISSUE_COLUMNS[issue]].fillna(0).astype(int) == 1]


def agreement_table(
    votes: pd.DataFrame,
    roll_calls: pd.DataFrame,
    countries: Sequence[str],
    partners: Sequence[str] = ("USA", "RUS", "CHN"),
) -> pd.DataFrame:
    """Yearly agreement of each country with each partner, for every issue and abstention rule (main series).

    Returns a long table with columns iso3, partner, issue (a key of :data:`ISSUE_LABELS`), rule (one of
    ``AGREEMENT_RULES``), year, n_votes (roll calls that count under the rule) and agreement (their mean score,
    0-1); iso3, partner, issue and rule are categorical, in the order given. Only combinations with at least one
    counted roll call appear. With issue ``"all"`` the values equal
    ``unga_agreement_yearly`` (same main series, same rules).
    """
    scored = score_pairs(pair_votes(votes, roll_calls, countries, partners))
    keys = ["iso3", "partner", "year"]
    parts = [agreement_by(issue_rows(scored, issue), keys).assign(issue=issue) for issue in ISSUE_LABELS]
    table = pd.concat(parts, ignore_index=True)
    table = table[table["n_votes"] > 0].reset_index(drop=True)
    table["year"] = table["year"].astype(int)
    columns = ["iso3", "partner", "issue", "rule", "year", "n_votes", "agreement"]
    table = table[columns]
    # Categories make the explorer's filters fast (a comparison on codes, not on strings).
    categories = {"iso3": list(dict.fromkeys(countries)), "partner": list(dict.fromkeys(partners)),
                  "issue": list(ISSUE_LABELS), "rule": list(AGREEMENT_RULES)}
    for column, values in categories.items():
        table[column] = pd.Categorical(table[column].astype(str), categories=values)
    return table.sort_values(columns[:5]).reset_index(drop=True)
