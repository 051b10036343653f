"""A balance scorecard: Kazakhstan's ties split between Russia, China and the West, by dimension, and weighted.

For each dimension (trade, UN votes, arms, investment) a *split* gives the shares of Russia, China and the West
**among these three poles** (they sum to 1; the rest of the world is left out, and ``coverage`` says how much of the
dimension the three poles hold). A *composite* is the weighted mean of the splits; its balance is the normalised
entropy of the composite shares (:func:`betweenpowers.measures.concentration.normalised_entropy`): 1 = equal thirds,
0 = everything with one pole.

The splits are teaching definitions, each stated in its docstring; the lesson shows how the verdict moves when the
definitions and the weights change.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from betweenpowers.measures.concentration import normalised_entropy
from betweenpowers.measures.votes import RULE_COLUMNS, check_rule
from betweenpowers.vectors import GREAT_POWERS

#: The three poles of "multi-vector" balancing, in display order.
POLES: tuple[str, ...] = ("russia", "china", "west")
POLE_LABELS: dict[str, str] = {"russia": "Russia", "china": "China", "west": "West"}

#: Dimensions of the scorecard, in display order.
DIMENSIONS: tuple[str, ...] = ("trade", "votes", "arms", "investment")
DIMENSION_LABELS: dict[str, str] = {"trade": "Trade", "votes": "UN votes", "arms": "Arms", "investment": "Investment"}

#: The table each dimension's split is built from (a name of ``data/datapackage.json``, for source lines).
DIMENSION_TABLES: dict[str, str] = {
    "trade": "trade_dots",
    "votes": "unga_agreement_yearly",
    "arms": "arms_transfers_sipri",
    "investment": "fdi_page_figures",
}

#: Trade vectors (see :mod:`betweenpowers.vectors`) counted as "the West".
WEST_VECTORS: frozenset[str] = frozenset({"eu27", "other_west"})

#: Investment splits that can be built from ``fdi_page_figures``: label (and a short one for charts), concept, period,
#: investor codes of the West.
#: Only these concept/period pairs give Russia, China and at least one Western investor from one page.
INVESTMENT_BASES: dict[str, dict] = {
    "stock_mid2021": {
        "label": "FDI stock, mid-2021; West = USA only",
        "short": "FDI stock mid-2021",
        "concept": "stock",
        "period": "mid-2021",
        "west": ("USA",),
    },
    "stock_mid2021_nld": {
        "label": "FDI stock, mid-2021; West = USA + Netherlands (lower bound, holding companies)",
        "short": "FDI stock mid-2021, incl. NLD",
        "concept": "stock",
        "period": "mid-2021",
        "west": ("USA", "NLD"),
    },
    "gross_inflow_2022": {
        "label": "Gross FDI inflow, 2022; West = USA only",
        "short": "gross FDI inflow 2022",
        "concept": "gross_inflow",
        "period": "2022",
        "west": ("USA",),
    },
}


def pole_of_vector(vector: str | None) -> str | None:
    """The pole of a trade vector: ``russia``, ``china``, ``west`` (EU-27 and other West), or None for the rest."""
    if vector in ("russia", "china"):
        return vector
    if vector in WEST_VECTORS:
        return "west"
    return None


def pole_split(values: Mapping[str, float]) -> pd.Series:
    """Shares of the three poles from non-negative amounts: Series indexed by :data:`POLES`, summing to 1.

    Missing poles count as 0. All NaN when the three amounts sum to 0 (nothing to split). Raises ValueError on a
    negative amount.
    """
    amounts = pd.Series({pole: float(values.get(pole, 0.0)) for pole in POLES})
    if (amounts < 0).any() or amounts.isna().any():
        raise ValueError(f"pole amounts must be non-negative numbers, got {dict(amounts)}")
    total = amounts.sum()
    if total == 0:
        return pd.Series(math.nan, index=list(POLES))
    return amounts / total


def trade_split(trade: pd.DataFrame, year: int, view: str = "reported") -> tuple[pd.Series, float]:
    """Russia / China / West shares of Kazakhstan's total trade (exports + imports) in one year (IMF DOTS).

    ``trade`` is :func:`betweenpowers.data.load_trade_dots`. The West is EU-27 plus other West (vectors of
    :mod:`betweenpowers.vectors`). Returns ``(shares, coverage)``: shares among the three poles, and the poles'
    share of trade with all partners (the sum of partner rows; the World row is not used). Raises ValueError for a
    year or view without data.
    """
    rows = trade[(trade["year"] == year) & (trade["view"] == view) & (trade["partner_type"] != "world")]
    if rows.empty:
        raise ValueError(f"no {view} trade data for {year}")
    poles = rows["vector"].map(pole_of_vector)
    amounts = rows.groupby(poles)["value_usd_mn"].sum()
    shares = pole_split(amounts.to_dict())
    return shares, float(amounts.sum() / rows["value_usd_mn"].sum())


#: The country that stands for each pole in UN votes (the USA for the West), from the series' one partner map.
VOTE_PARTNERS: dict[str, str] = {"russia": GREAT_POWERS["Russia"], "china": GREAT_POWERS["China"],
                                 "west": GREAT_POWERS["USA"]}


def votes_split(agreement: pd.DataFrame, years: tuple[int, int], country: str = "KAZ", rule: str = "half"
                ) -> pd.Series:
    """Kazakhstan's mean UN vote agreement with RUS, CHN and USA over ``years``, normalised to sum to 1.

    ``agreement`` is :func:`betweenpowers.data.load_unga_agreement_yearly`; the USA stands for the West. This is a
    relative closeness, not a share of anything: agreement 0.76 / 0.87 / 0.29 becomes 0.39 / 0.45 / 0.15. Years are
    inclusive, in either order; ``rule`` is an abstention rule (:data:`~betweenpowers.measures.votes.RULE_COLUMNS`).
    Raises ValueError when the years hold no data.
    """
    check_rule(rule)
    first, last = sorted((int(years[0]), int(years[1])))
    rows = agreement[(agreement["iso3"] == country) & agreement["year"].between(first, last)]
    means = rows.groupby("partner")[RULE_COLUMNS[rule]].mean()
    if any(code not in means.index or pd.isna(means[code]) for code in VOTE_PARTNERS.values()):
        raise ValueError(f"no UN agreement data for {country} in {first}-{last}")
    return pole_split({pole: means[code] for pole, code in VOTE_PARTNERS.items()})


def arms_split(arms: pd.DataFrame, years: tuple[int, int]) -> tuple[pd.Series, float]:
    """Russia / China / West shares of the TIV of arms delivered to Kazakhstan over ``years`` (SIPRI).

    ``arms`` is :func:`betweenpowers.data.load_arms_transfers_sipri`. Years are inclusive, in either order.
    Returns ``(shares, coverage)``: coverage is the three poles' share of all deliveries (Ukraine, Israel, Turkey
    and South Africa are outside the poles). With no delivery in the years, shares and coverage are NaN.
    """
    first, last = sorted((int(years[0]), int(years[1])))
    rows = arms[(arms["direction"] == "import") & arms["year"].between(first, last)]
    total = float(rows["tiv_mn"].sum())
    if total == 0:
        return pd.Series(math.nan, index=list(POLES)), math.nan
    amounts = rows.groupby(rows["vector"].map(pole_of_vector))["tiv_mn"].sum()
    return pole_split(amounts.to_dict()), float(amounts.sum() / total)


def investment_split(fdi: pd.DataFrame, basis: str = "stock_mid2021") -> tuple[pd.Series, float]:
    """Russia / China / West shares of one FDI figure published on a page, for a basis of :data:`INVESTMENT_BASES`.

    ``fdi`` is :func:`betweenpowers.data.load_fdi_page_figures`. Only rows of one concept and period are used, all
    from the page that gives Russia's figure. The West is only the investors the page names (the USA, and with
    ``stock_mid2021_nld`` the Netherlands, whose figure is a lower bound and largely holding companies). Returns
    ``(shares, coverage)``: coverage is the named investors' share of the page's all-country total.
    """
    if basis not in INVESTMENT_BASES:
        raise ValueError(f"basis must be one of {list(INVESTMENT_BASES)}, not {basis!r}")
    spec = INVESTMENT_BASES[basis]
    rows = fdi[(fdi["concept"] == spec["concept"]) & (fdi["period"] == spec["period"])]
    russia = rows[rows["counterpart_code"] == "RUS"]
    if russia.empty:
        raise ValueError(f"no {spec['concept']} figure for Russia in {spec['period']}")
    rows = rows[rows["source_url"] == russia["source_url"].iloc[0]]
    value = rows.set_index("counterpart_code")["value_usd_bn"]
    amounts = {"russia": value["RUS"], "china": value["CHN"], "west": sum(value[c] for c in spec["west"])}
    total = value.get("ALL", math.nan)
    return pole_split(amounts), float(sum(amounts.values()) / total)


def scorecard_splits(
    trade: pd.DataFrame,
    agreement: pd.DataFrame,
    arms: pd.DataFrame,
    fdi: pd.DataFrame,
    trade_year: int = 2020,
    vote_years: tuple[int, int] = (2012, 2021),
    arms_years: tuple[int, int] = (2012, 2021),
    investment_basis: str = "stock_mid2021",
) -> pd.DataFrame:
    """Russia / China / West split of each dimension: index :data:`DIMENSIONS`; columns poles, coverage, basis, label.

    ``coverage`` is the share of the dimension that the three poles hold (NaN for votes, where it has no meaning);
    ``basis`` says in words what the split is built from, and ``label`` is a short name for a chart axis. A dimension
    without data (for example an arms period with no delivery) gets NaN shares; the composite leaves it out.
    """
    first_v, last_v = sorted((int(vote_years[0]), int(vote_years[1])))
    first_a, last_a = sorted((int(arms_years[0]), int(arms_years[1])))
    rows = {}
    try:
        shares, coverage = trade_split(trade, int(trade_year))
    except ValueError:
        shares, coverage = pd.Series(float("nan"), index=list(POLES)), float("nan")
    rows["trade"] = (shares, coverage, f"Trade {int(trade_year)}: exports + imports, IMF DOTS (reported)",
                     f"Trade {int(trade_year)}")
    try:
        shares = votes_split(agreement, (first_v, last_v))
    except ValueError:
        shares = pd.Series(float("nan"), index=list(POLES))
    rows["votes"] = (shares, float("nan"),
                     f"UN votes {first_v}-{last_v}: mean agreement with RUS / CHN / USA, normalised",
                     f"UN votes {first_v}-{last_v}")
    shares, coverage = arms_split(arms, (first_a, last_a))
    rows["arms"] = (shares, coverage, f"Arms {first_a}-{last_a}: SIPRI TIV delivered", f"Arms {first_a}-{last_a}")
    shares, coverage = investment_split(fdi, investment_basis)
    spec = INVESTMENT_BASES[investment_basis]
    rows["investment"] = (shares, coverage, spec["label"], f"Investment: {spec['short']}")
    table = pd.DataFrame({d: {**rows[d][0].to_dict(), "coverage": rows[d][1], "basis": rows[d][2], "label": rows[d][3]}
                          for d in DIMENSIONS}).T
    table.index.name = "dimension"
    for column in (*POLES, "coverage"):
        table[column] = table[column].astype(float)
    return table


def composite_shares(splits: pd.DataFrame, weights: Mapping[str, float]) -> pd.Series:
    """Weighted mean of the splits: Series indexed by :data:`POLES`, summing to 1.

    ``splits`` has one row per dimension and the columns of :data:`POLES`; ``weights`` maps dimensions to
    non-negative weights (missing = 0). Weights are relative (1, 1, 2 is the same as 0.25, 0.25, 0.5). Rows with a
    zero weight or without data (NaN) are left out. Raises ValueError on a negative weight, or when no dimension
    with data has a positive weight.

    composite[p] = sum_d w_d * split[d, p] / sum_d w_d
    """
    w = pd.Series({d: float(weights.get(d, 0.0)) for d in splits.index}, dtype=float)
    if (w < 0).any() or w.isna().any():
        raise ValueError("weights must be non-negative numbers")
    usable = (w > 0) & splits[list(POLES)].notna().all(axis=1)
    if not usable.any():
        raise ValueError("every weight is zero (or only dimensions without data have weight)")
    rows = splits.loc[usable, list(POLES)].astype(float)
    return rows.mul(w[usable], axis=0).sum() / w[usable].sum()


def balance_index(shares: pd.Series) -> float:
    """Balance across the three poles: normalised entropy of the shares (1 = equal thirds, 0 = one pole only)."""
    return normalised_entropy([float(shares[pole]) for pole in POLES])
