"""Pure measures the lessons teach: vote agreement, shares, concentration, balance.

Each function takes plain pandas objects and returns a new one; nothing here reads files or draws.
Formulas and references are in the docstrings, so students can check the code against the lesson.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

#: How an abstention is scored when two countries' votes are compared.
#:
#: * ``identical``: 1 if the two votes are the same (yes/yes, no/no, abstain/abstain), else 0.
#: * ``half``: as identical, but an abstention against a yes or a no scores 0.5 (a half agreement).
#: * ``excluding_abstentions``: only roll calls where both voted yes or no count.
#:
#: For the classic discussion of agreement indices in the General Assembly see Lijphart, A. (1963), "The Analysis
#: of Bloc Voting in the General Assembly", American Political Science Review 57(4): 902-917.
AGREEMENT_RULES: tuple[str, ...] = ("identical", "half", "excluding_abstentions")

_COUNTED_VOTES = frozenset({"yes", "no", "abstain"})


def vote_agreement(vote_a: str, vote_b: str, rule: str = "half") -> float:
    """Agreement between two votes on one roll call, under an abstention rule.

    Returns NaN when the pair does not count: either country was absent, or (rule
    ``excluding_abstentions``) either abstained.

    >>> vote_agreement("yes", "abstain", "half")
    0.5
    >>> vote_agreement("yes", "abstain", "identical")
    0.0
    """
    if rule not in AGREEMENT_RULES:
        raise ValueError(f"rule must be one of {AGREEMENT_RULES}, not {rule!r}")
    if vote_a not in _COUNTED_VOTES or vote_b not in _COUNTED_VOTES:
        return math.nan
    if rule == "excluding_abstentions" and "abstain" in (vote_a, vote_b):
        return math.nan
    if vote_a == vote_b:
        return 1.0
    if "abstain" in (vote_a, vote_b):
        return 0.5 if rule == "half" else 0.0
    return 0.0


def paired_votes(votes: pd.DataFrame, country: str, partner: str) -> pd.DataFrame:
    """Put two countries' votes side by side: one row per roll call both appear in.

    ``votes`` has columns vote_id, iso3, vote (as :func:`betweenpowers.data.load_unga_votes`).
    Returns columns vote_id, vote (the country's), partner_vote.
    """
    mine = votes.loc[votes["iso3"] == country, ["vote_id", "vote"]]
    theirs = votes.loc[votes["iso3"] == partner, ["vote_id", "vote"]].rename(columns={"vote": "partner_vote"})
    return mine.merge(theirs, on="vote_id", how="inner")


def agreement_share(pairs: pd.DataFrame, rule: str = "half") -> float:
    """Mean agreement over the roll calls in ``pairs`` (columns vote, partner_vote) that count under ``rule``.

    NaN if no roll call counts.
    """
    scores = [vote_agreement(a, b, rule) for a, b in zip(pairs["vote"], pairs["partner_vote"])]
    counted = [s for s in scores if not math.isnan(s)]
    return sum(counted) / len(counted) if counted else math.nan


def shares(values: pd.Series) -> pd.Series:
    """Each value's share of the total (0-1). Raises ValueError on negative values or a zero total."""
    if (values < 0).any():
        raise ValueError("shares need non-negative values")
    total = values.sum()
    if total == 0:
        raise ValueError("shares need a positive total")
    return values / total


def hhi(share_values: Iterable[float]) -> float:
    """Herfindahl-Hirschman index: the sum of squared shares (0-1 scale).

    1 means everything goes to one partner; 1/n means n equal partners. Multiply by 10,000 for the scale used
    in competition policy. Shares should sum to 1 (see :func:`shares`).
    """
    return float(sum(s * s for s in share_values))


def normalised_entropy(share_values: Iterable[float]) -> float:
    """Shannon entropy of the shares divided by its maximum, log(n): 1 = perfectly even, 0 = one partner.

    A balance index across vectors (for example Russia, China, West). Zero shares count as partners with
    nothing; n is the number of shares given. NaN for fewer than two shares.
    """
    values = list(share_values)
    if len(values) < 2:
        return math.nan
    entropy = -sum(s * math.log(s) for s in values if s > 0)
    return entropy / math.log(len(values))
