"""The capstone's claims (lesson 08): the verdict scale, the evidence for each claim and the rules that judge it.

A *verdict* is one of :data:`VERDICTS`. It is a judgement, but one that must rest on evidence computed from the
tables in ``data/``. :func:`claim_view` ``(tables, claim, choice)`` returns that evidence for one claim under one
definitional choice of :data:`CLAIM_CHOICES`, as a :class:`ClaimEvidence` with the verdict and its reasoning (the
rule is stated in it, so it can be argued with). ``tables`` maps the keys of :data:`CLAIM_TABLES` to loaded
tables::

    tables = {key: data.load_table(name) for key, name in CLAIM_TABLES.items()}
    claim_view(tables, "C12", "mirror_bloc").verdict   # 'supported'

Where the rules are, by the data they read:

* :mod:`.events`: C01, C02, C06, C08, C15;
* :mod:`.votes`: C03, C04, C13 (balancing between the great powers);
* :mod:`.trade`: C05, C07, C09, C10, C12, C14;
* :mod:`.investment`: C11;
* :mod:`.economy`: C16.

:mod:`.scale` holds the verdicts, the claims and their choices; :mod:`.helpers` the small pieces of evidence the
rules share; :mod:`.evidence` the :class:`ClaimEvidence` type and the table keys. Nothing here draws; the figures
and the explorer are in :mod:`betweenpowers.widgets.claims`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from betweenpowers.measures.claims import economy, events, investment, trade, votes
from betweenpowers.measures.claims.evidence import CLAIM_TABLES, KIND_COLUMNS, KINDS, ClaimEvidence, need_table
from betweenpowers.measures.claims.helpers import (
    CITIES,
    before_after,
    change_correlation,
    city_in_title,
    format_years,
    level_correlation,
    per_year_by_era,
    years_at_or_above,
)
from betweenpowers.measures.claims.scale import (
    CLAIM_CHOICES,
    CLAIM_LESSONS,
    CLAIMS,
    VERDICTS,
    check_verdict,
    share_verdict,
)

Rule = Callable[[Mapping[str, pd.DataFrame], str], ClaimEvidence]

#: Claim id -> the rule that gives its evidence and verdict under a choice, in the order of :data:`CLAIMS`.
_BY_MODULE: dict[str, Rule] = {**events.RULES, **votes.RULES, **trade.RULES, **investment.RULES, **economy.RULES}
RULES: dict[str, Rule] = {claim: _BY_MODULE[claim] for claim in CLAIMS}


def claim_view(tables: Mapping[str, pd.DataFrame], claim: str, choice: str | None = None) -> ClaimEvidence:
    """The evidence for one claim under one definitional choice, with its verdict and reasoning.

    ``tables`` maps the keys of :data:`CLAIM_TABLES` to the loaded tables (a missing one the claim needs raises
    ``ValueError`` naming it); ``claim`` is an id of :data:`CLAIM_CHOICES` (``"C01"`` ... ``"C16"``); ``choice``
    one of its keys (default: the first). An unknown claim or choice raises ``ValueError`` naming the allowed
    values. See :class:`ClaimEvidence` for what the result holds.
    """
    if claim not in CLAIM_CHOICES:
        raise ValueError(f"claim must be one of {list(CLAIM_CHOICES)}, not {claim!r}")
    choices = CLAIM_CHOICES[claim]
    choice = next(iter(choices)) if choice is None else choice
    if choice not in choices:
        raise ValueError(f"choice for {claim} must be one of {list(choices)}, not {choice!r}")
    return RULES[claim](tables, choice)


__all__ = [
    "CITIES", "CLAIMS", "CLAIM_CHOICES", "CLAIM_LESSONS", "CLAIM_TABLES", "KINDS", "KIND_COLUMNS", "RULES",
    "VERDICTS", "ClaimEvidence", "before_after", "change_correlation", "check_verdict", "city_in_title",
    "claim_view", "format_years", "level_correlation", "need_table", "per_year_by_era", "share_verdict",
    "years_at_or_above",
]
