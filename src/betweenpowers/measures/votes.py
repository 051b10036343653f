"""UN vote agreement: how often two countries vote the same way, under a rule for abstentions."""

from __future__ import annotations

import math

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

#: Each rule's column in the table ``unga_agreement_yearly``.
RULE_COLUMNS: dict[str, str] = {rule: f"agreement_{rule}" for rule in AGREEMENT_RULES}

#: Each rule as students read it, in the order explorers offer it (the default first).
RULE_LABELS: dict[str, str] = {
    "half": "abstention = half agreement",
    "identical": "abstention = disagreement",
    "excluding_abstentions": "abstentions left out",
}

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
