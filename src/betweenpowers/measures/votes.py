"""UN vote agreement: how often two countries vote the same way, under a rule for abstentions.

This module is the one definition of the measure. Everything that computes agreement uses it: the lessons, the
lesson 03 explorer (:mod:`betweenpowers.measures.issues`) and the data build, which writes the table
``unga_agreement_yearly`` with :func:`yearly_agreement`. It works on whole columns of votes at once (vectorised
pandas), in three steps:

* :func:`partner_pairs` puts each country's vote next to each partner's vote on the same roll call;
* :func:`score_votes` (or :func:`score_pairs`, for every rule at once) scores each pair of votes;
* :func:`agreement_by` counts the pairs that count and averages their scores, by any grouping (year, issue, ...).

>>> votes = pd.DataFrame({"vote_id": ["V1", "V1", "V2", "V2"], "iso3": ["KAZ", "USA", "KAZ", "USA"],
...                       "vote": ["yes", "yes", "abstain", "no"]})
>>> pairs = partner_pairs(votes[votes["iso3"] == "KAZ"], votes, ["USA"])
>>> agreement_by(score_pairs(pairs), ["iso3", "partner"])[["rule", "n_votes", "agreement"]].values.tolist()
[['identical', 2, 0.5], ['half', 2, 0.75], ['excluding_abstentions', 1, 1.0]]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from betweenpowers.vectors import AGREEMENT_PARTNERS

#: How an abstention is scored when two countries' votes are compared.
#:
#: * ``identical``: 1 if the two votes are the same (yes/yes, no/no, abstain/abstain), else 0.
#: * ``half``: as identical, but an abstention against a yes or a no scores 0.5 (a half agreement).
#: * ``excluding_abstentions``: only roll calls where both voted yes or no count.
#:
#: For the classic discussion of agreement indices in the General Assembly see Lijphart, A. (1963), "The Analysis
#: of Bloc Voting in the General Assembly", American Political Science Review 57(4): 902-917.
AGREEMENT_RULES: tuple[str, ...] = ("identical", "half", "excluding_abstentions")

#: Each rule's column in the table ``unga_agreement_yearly``.
RULE_COLUMNS: dict[str, str] = {rule: f"agreement_{rule}" for rule in AGREEMENT_RULES}

#: Each rule's count column in the table ``unga_agreement_yearly``: the roll calls that count under the rule
#: (the same for ``identical`` and ``half``).
RULE_COUNTS: dict[str, str] = {"identical": "n_votes", "half": "n_votes", "excluding_abstentions": "n_votes_yes_no"}

#: Each rule as students read it, in the order explorers offer it (the default first).
RULE_LABELS: dict[str, str] = {
    "half": "abstention = half agreement",
    "identical": "abstention = disagreement",
    "excluding_abstentions": "abstentions left out",
}

#: The votes that count when two countries are compared.
COUNTED_VOTES: tuple[str, ...] = ("yes", "no", "abstain")

#: Every value of the column ``vote`` in the table ``unga_votes``: a counted vote, or absent.
VOTE_VALUES: tuple[str, ...] = (*COUNTED_VOTES, "absent")

#: The main series of roll calls, one source per calendar year: source -> (first year, last year), in time order.
#: Voeten's data (with issue codes) to 2020, the UN Digital Library for 2021, the UN's machine-readable
#: resolutions (DGACM) for 2022-2025. 2026 is left out: its data covers only the first half of the year.
#: The data build flags these roll calls ``in_main_series``; explorers take their year ranges from here.
MAIN_SERIES_SOURCES: dict[str, tuple[int, int]] = {"voeten": (1992, 2020), "undl": (2021, 2021), "dgacm": (2022, 2025)}

#: First and last year of the main series.
MAIN_SERIES_YEARS: tuple[int, int] = (min(first for first, _ in MAIN_SERIES_SOURCES.values()),
                                      max(last for _, last in MAIN_SERIES_SOURCES.values()))


def main_series_source(year: int) -> str:
    """The source of the main series for a calendar year; ValueError outside :data:`MAIN_SERIES_YEARS`.

    >>> main_series_source(2020), main_series_source(2021), main_series_source(2024)
    ('voeten', 'undl', 'dgacm')
    """
    for source, (first, last) in MAIN_SERIES_SOURCES.items():
        if first <= year <= last:
            return source
    raise ValueError(f"the main series covers {MAIN_SERIES_YEARS[0]}-{MAIN_SERIES_YEARS[1]}, not {year}")


#: Columns of the table ``unga_agreement_yearly``, in order (see :func:`yearly_agreement`).
YEARLY_COLUMNS: tuple[str, ...] = (
    "year", "iso3", "partner",
    RULE_COUNTS["identical"], RULE_COLUMNS["identical"], RULE_COLUMNS["half"],
    RULE_COUNTS["excluding_abstentions"], RULE_COLUMNS["excluding_abstentions"],
)


def check_rule(rule: str) -> None:
    """Raise ValueError unless ``rule`` is one of :data:`AGREEMENT_RULES`."""
    if rule not in AGREEMENT_RULES:
        raise ValueError(f"rule must be one of {AGREEMENT_RULES}, not {rule!r}")


_ABSTAIN = COUNTED_VOTES.index("abstain")


def _vote_codes(votes: Iterable[str]) -> np.ndarray:
    """Position of each vote in :data:`COUNTED_VOTES`; -1 for anything else (absent, missing, unknown)."""
    return pd.Index(COUNTED_VOTES).get_indexer(pd.Series(votes).to_numpy(dtype=object))


def score_votes(vote: pd.Series, partner_vote: pd.Series, rule: str = "half") -> pd.Series:
    """Agreement of two columns of votes, roll call by roll call, under an abstention rule.

    Each pair scores 1 when the votes are the same, 0 for yes against no, and for an abstention against a yes or
    a no 0.5 (rule ``half``) or 0 (rule ``identical``). Pairs that do not count are NaN: either vote is not yes,
    no or abstain (absent, missing), or, under ``excluding_abstentions``, either vote is an abstention.

    The two columns are paired by position; the result has the index of ``vote``.

    >>> score_votes(pd.Series(["yes", "yes", "abstain"]), pd.Series(["yes", "abstain", "absent"])).tolist()
    [1.0, 0.5, nan]
    >>> score_votes(pd.Series(["yes", "yes", "no"]), pd.Series(["yes", "abstain", "yes"]), "identical").tolist()
    [1.0, 0.0, 0.0]
    >>> score_votes(pd.Series(["yes", "abstain"]), pd.Series(["no", "abstain"]), "excluding_abstentions").tolist()
    [0.0, nan]
    """
    check_rule(rule)
    a, b = _vote_codes(vote), _vote_codes(partner_vote)
    if len(a) != len(b):
        raise ValueError("vote and partner_vote must have the same length")
    counted = (a >= 0) & (b >= 0)
    same = a == b
    abstained = (a == _ABSTAIN) | (b == _ABSTAIN)
    if rule == "half":
        score = np.where(same, 1.0, np.where(abstained, 0.5, 0.0))
    else:
        score = same.astype(float)
    valid = counted & ~abstained if rule == "excluding_abstentions" else counted
    index = vote.index if isinstance(vote, pd.Series) else None
    return pd.Series(np.where(valid, score, np.nan), index=index, dtype=float)


def score_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """``pairs`` (columns vote and partner_vote) with one more column per rule, named after the rule: the scores.

    >>> score_pairs(pd.DataFrame({"vote": ["yes"], "partner_vote": ["abstain"]}))
      vote partner_vote  identical  half  excluding_abstentions
    0  yes      abstain        0.0   0.5                    NaN
    """
    scores = {rule: score_votes(pairs["vote"], pairs["partner_vote"], rule).to_numpy() for rule in AGREEMENT_RULES}
    return pairs.assign(**scores)


def partner_pairs(votes: pd.DataFrame, partner_votes: pd.DataFrame, partners: Iterable[str]) -> pd.DataFrame:
    """Each vote in ``votes`` next to each partner's vote on the same roll call.

    ``votes`` has columns vote_id, iso3, vote and any others (year, issue codes, ...), which are kept;
    ``partner_votes`` has columns vote_id, iso3, vote (often the same table). Returns the columns of ``votes``
    followed by partner and partner_vote: one row per vote and partner who voted on that roll call. A country is
    also paired with itself when it is a partner (it agrees fully with itself).
    """
    theirs = partner_votes.loc[partner_votes["iso3"].isin(list(partners)), ["vote_id", "iso3", "vote"]]
    return votes.merge(theirs.rename(columns={"iso3": "partner", "vote": "partner_vote"}), on="vote_id")


def agreement_by(scored: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Agreement in each group of ``keys``, under each rule: the roll calls that count, and their mean score.

    ``scored`` is :func:`score_pairs` output (one score column per rule) with the ``keys`` columns. Returns a
    long table with columns ``*keys``, rule, n_votes (pairs that count under the rule) and agreement (their mean
    score, 0-1), one row per group and rule, sorted by ``keys`` and then in the order of :data:`AGREEMENT_RULES`.
    A group where nothing counts under a rule has n_votes 0 and agreement NaN.
    """
    keys = list(keys)
    grouped = scored.groupby(keys, observed=True, sort=True)[list(AGREEMENT_RULES)]
    long = pd.concat({"n_votes": grouped.count().stack(), "agreement": grouped.mean().stack()}, axis=1)
    long.index = long.index.set_names([*keys, "rule"])
    long = long.reset_index()
    long["n_votes"] = long["n_votes"].astype(int)
    return long


def _main_series(roll_calls: pd.DataFrame) -> pd.Series:
    """True for the roll calls of the one-source-per-year main series."""
    return roll_calls["in_main_series"].fillna(False).astype(bool)


def yearly_agreement(
    votes: pd.DataFrame,
    roll_calls: pd.DataFrame,
    partners: Sequence[str] = AGREEMENT_PARTNERS,
) -> pd.DataFrame:
    """Yearly agreement of every country in ``votes`` with each partner: the table ``unga_agreement_yearly``.

    ``votes`` (vote_id, iso3, vote) and ``roll_calls`` (vote_id, year, in_main_series) are as
    :func:`betweenpowers.data.load_unga_votes` and :func:`~betweenpowers.data.load_unga_roll_calls`; the partners
    must be among the countries of ``votes``. Only roll calls of the main series (one source per calendar year)
    are used. Returns the columns of :data:`YEARLY_COLUMNS`: year, iso3, partner, n_votes (roll calls where both
    voted yes, no or abstain), the agreement under the rules ``identical`` and ``half``, n_votes_yes_no (roll
    calls where both voted yes or no) and the agreement under ``excluding_abstentions`` (NaN when there are
    none). One row per year, country and partner with at least one roll call that counts (a partner compared
    with itself included), sorted by year, iso3 and partner. Values are not rounded.
    """
    keys = ["year", "iso3", "partner"]
    main = votes.merge(roll_calls.loc[_main_series(roll_calls), ["vote_id", "year"]], on="vote_id")
    long = agreement_by(score_pairs(partner_pairs(main, main, partners)), keys)
    wide = long.pivot(index=keys, columns="rule", values=["n_votes", "agreement"])
    table = pd.DataFrame(index=wide.index)
    for rule in AGREEMENT_RULES:
        table[RULE_COUNTS[rule]] = wide[("n_votes", rule)].astype(int)
        table[RULE_COLUMNS[rule]] = wide[("agreement", rule)].astype(float)
    table = table[table[RULE_COUNTS["half"]] > 0].reset_index()
    return table[list(YEARLY_COLUMNS)].sort_values(keys).reset_index(drop=True)
