"""What a claim rule returns: :class:`ClaimEvidence`, the evidence for one claim under one choice, with its verdict.

The rules read their tables from one dict, keyed as :data:`CLAIM_TABLES` (the only place that says which tables
the capstone needs). :func:`evidence` builds a :class:`ClaimEvidence` and :func:`table_source` its source line, both
from the same keys; :func:`need_table` fetches a table from the dict, naming what is missing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from betweenpowers.data import source_line
from betweenpowers.measures.claims.scale import CLAIM_CHOICES, check_verdict

#: The tables the claims read: key in the ``tables`` dict -> table name in ``data/datapackage.json``.
CLAIM_TABLES: dict[str, str] = {
    "events": "diplomatic_events",
    "trade": "trade_dots",
    "trade_bns": "trade_bns",
    "trade_pages": "trade_page_figures",
    "agreement": "unga_agreement_yearly",
    "key_votes": "unga_key_votes_ukraine",
    "arms": "arms_transfers_sipri",
    "fdi": "fdi_page_figures",
    "macro": "macro_kaz_annual",
}

#: Chart kinds of the evidence (:attr:`ClaimEvidence.kind`).
KINDS: tuple[str, ...] = ("line", "barh", "dots", "scatter")

#: The columns ``data`` must have, in order, for each kind (a line chart has one column per series).
KIND_COLUMNS: dict[str, tuple[str, ...]] = {
    "barh": ("value", "group"),
    "dots": ("x", "y", "label", "highlight"),
    "scatter": ("x", "y", "label"),
}


@dataclass(frozen=True, eq=False)
class ClaimEvidence:
    """The evidence for one claim under one definitional choice, the verdict it gives and how to chart it.

    ``data`` depends on ``kind`` (one of :data:`KINDS`):

    * ``line``: index year, one column per series;
    * ``barh``: index the bar labels, columns ``value`` and ``group`` (a style key);
    * ``dots``: columns ``x`` (timestamp), ``y`` (category), ``label``, ``highlight`` (bool);
    * ``scatter``: columns ``x``, ``y``, ``label``.

    ``verdict`` is one of :data:`~betweenpowers.measures.claims.VERDICTS`; ``reasoning`` gives the evidence in
    words, with the rule used. The chart options after ``source`` are optional: ``digits`` (decimals of the values
    in labels and alt text), ``reference`` (a dashed line: value and what it marks), ``ylim``, ``boundary`` (a year
    marked on a line chart), ``source_switch`` (where a line chart's data change source, e.g. 2020.5),
    ``markers_only`` (a line chart of points), ``x_categorical`` (dots spaced evenly in date order), ``y_order`` (dot
    categories listed first, shown even when empty) and ``r`` (a scatter's correlation).
    Comparison is by identity (``data`` is a DataFrame).
    """

    claim: str
    choice: str
    choice_label: str
    kind: str
    verdict: str
    reasoning: str
    data: pd.DataFrame
    title: str
    xlabel: str
    ylabel: str
    source: str
    digits: int = 1
    reference: tuple[float, str] | None = None
    ylim: tuple[float, float] | None = None
    boundary: int | None = None
    source_switch: float | None = None
    markers_only: bool = False
    x_categorical: bool = False
    y_order: tuple[str, ...] = ()
    r: float = math.nan

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {self.kind!r}")
        check_verdict(self.verdict)
        if not isinstance(self.data, pd.DataFrame):
            raise TypeError(f"data must be a DataFrame, not {type(self.data).__name__}")
        columns = KIND_COLUMNS.get(self.kind)
        if columns is not None and tuple(self.data.columns) != columns:
            raise ValueError(f"a {self.kind} chart needs the columns {list(columns)}, not {list(self.data.columns)}")


def need_table(tables: Mapping[str, pd.DataFrame], key: str) -> pd.DataFrame:
    """``tables[key]``, or a ``ValueError`` naming the table and the keys :data:`CLAIM_TABLES` expects."""
    try:
        return tables[key]
    except (KeyError, TypeError):
        name = CLAIM_TABLES[key]
        raise ValueError(f"the claims explorer needs the table {key!r} (betweenpowers.data.load_table({name!r})); "
                         f"pass a dict with the keys {list(CLAIM_TABLES)}") from None


def table_source(*keys: str, sources: tuple[str, ...] = (), note: str = "Own calculation.") -> str:
    """The source line of a claim figure drawn from the tables ``keys`` (keys of :data:`CLAIM_TABLES`), limited to
    the named ``sources`` of those tables when given (see :func:`betweenpowers.data.source_line`)."""
    return source_line(*(CLAIM_TABLES[key] for key in keys), sources=sources, note=note)


def evidence(data: pd.DataFrame, claim: str, choice: str, kind: str, verdict: str, reasoning: str, *, title: str,
             xlabel: str, ylabel: str, source: str, **options: Any) -> ClaimEvidence:
    """A :class:`ClaimEvidence` with the choice's label from :data:`CLAIM_CHOICES` and a copy of ``data``.

    ``options`` are the optional chart fields of :class:`ClaimEvidence` (a misspelt one raises ``TypeError``).
    """
    return ClaimEvidence(claim=claim, choice=choice, choice_label=CLAIM_CHOICES[claim][choice], kind=kind,
                         verdict=verdict, reasoning=reasoning, data=data.copy(), title=title, xlabel=xlabel,
                         ylabel=ylabel, source=source, **options)
