"""Sponsorship of UN General Assembly resolutions as a trace of initiative (lesson 05, section 6).

A state *sponsors* a resolution when its name is on the draft (a **main** sponsor) or when it joins the draft before
adoption (an **additional** sponsor); ``any`` counts both, each resolution once per state. The tables are
``unga_sponsorship`` (one row per resolution and state), ``unga_sponsorship_yearly`` (per state and year, zeros
included, every UN member) and ``unga_resolutions`` (title, subjects); see ``data/README.md`` for the source
(UN DGACM, October 2019 to June 2026) and its caveats: main sponsors are listed alphabetically (order is not
leadership), a draft adopted without a vote counts the same, and sponsoring is not leading.

Examples with a tiny yearly table::

    >>> import pandas as pd
    >>> yearly = pd.DataFrame({"iso3": ["KAZ", "KAZ", "AAA", "AAA", "BBB", "BBB"],
    ...                        "year": [2020, 2021] * 3, "un_member": [True] * 6,
    ...                        "n_main": [2, 3, 0, 1, 5, 0], "n_additional": [1, 1, 0, 0, 1, 2],
    ...                        "n_sponsored": [3, 4, 0, 1, 6, 2]})
    >>> sponsored_per_year(yearly, ["KAZ", "BBB"], role="main").to_dict()
    {'KAZ': {2020: 2, 2021: 3}, 'BBB': {2020: 5, 2021: 0}}
    >>> median_member(yearly, role="any").tolist()
    [3.0, 2.0]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

#: Roles a count can take: key -> column of ``unga_sponsorship_yearly``.
ROLE_COLUMNS: dict[str, str] = {"main": "n_main", "additional": "n_additional", "any": "n_sponsored"}

#: How each role is said in labels and messages.
ROLE_LABELS: dict[str, str] = {
    "main": "as main sponsor (named on the draft)",
    "additional": "as additional sponsor (joined later)",
    "any": "as main or additional sponsor",
}

#: The five Central Asian states, in the order the series uses.
CENTRAL_ASIA: tuple[str, ...] = ("KAZ", "KGZ", "TJK", "TKM", "UZB")

#: The peers lesson 05 compares Kazakhstan with: its neighbours, two comparable states (landlocked, post-Soviet or
#: wedged between Russia and China, of middling size: Mongolia and Azerbaijan) and the great powers of the series.
PEER_GROUPS: dict[str, tuple[str, ...]] = {
    "Central Asia": CENTRAL_ASIA,
    "Comparable states": ("MNG", "AZE"),
    "Great powers": ("RUS", "CHN", "USA"),
}

#: Names of the states the lesson and the explorer show.
STATE_NAMES: dict[str, str] = {
    "KAZ": "Kazakhstan", "KGZ": "Kyrgyzstan", "TJK": "Tajikistan", "TKM": "Turkmenistan", "UZB": "Uzbekistan",
    "MNG": "Mongolia", "AZE": "Azerbaijan", "RUS": "Russia", "CHN": "China", "USA": "USA",
}

#: Calendar years the source covers in full enough to compare: 2019 holds October-December (when the Assembly
#: adopts most of a year's resolutions), 2026 only January-June and is left out.
FULL_YEARS: tuple[int, int] = (2019, 2025)


def _role_column(role: str) -> str:
    if role not in ROLE_COLUMNS:
        raise ValueError(f"role must be one of {tuple(ROLE_COLUMNS)}, not {role!r}")
    return ROLE_COLUMNS[role]


def _in_years(table: pd.DataFrame, years: tuple[int, int] | None) -> pd.DataFrame:
    if years is None:
        return table
    first, last = (int(y) for y in years)
    return table[(table["year"] >= first) & (table["year"] <= last)]


def sponsored_per_year(yearly: pd.DataFrame, states: Sequence[str], role: str = "any",
                       years: tuple[int, int] | None = FULL_YEARS) -> pd.DataFrame:
    """Resolutions each state sponsored per calendar year in ``role`` (main, additional or any): year x state.

    Reads ``unga_sponsorship_yearly``; columns in the order of ``states`` (unknown codes are dropped), years from
    ``years`` (both ends included; ``None`` keeps all, 2026's half-year too).
    """
    column = _role_column(role)
    rows = _in_years(yearly, years)
    rows = rows[rows["iso3"].isin(list(states))]
    wide = rows.groupby(["year", "iso3"], observed=True)[column].sum().unstack("iso3")
    wide = wide[[state for state in states if state in wide.columns]].astype(int)
    wide.index = wide.index.astype(int)
    wide.index.name = "year"
    wide.columns.name = "iso3"
    return wide


def median_member(yearly: pd.DataFrame, role: str = "any", years: tuple[int, int] | None = FULL_YEARS
                  ) -> pd.Series:
    """The median UN member's number of resolutions sponsored per year in ``role``.

    Over all 193 members, zeros included (a member that sponsored nothing counts as 0), so the observer State of
    Palestine is left out.
    """
    column = _role_column(role)
    rows = _in_years(yearly, years)
    rows = rows[rows["un_member"].astype(bool)]
    median = rows.groupby("year")[column].median().astype(float)
    median.index = median.index.astype(int)
    return median.rename("median member")


def share_above_median(yearly: pd.DataFrame, state: str, role: str = "any",
                       years: tuple[int, int] | None = FULL_YEARS) -> pd.Series:
    """Per year, the share of UN members that sponsored *fewer* resolutions than ``state`` (its percentile rank)."""
    column = _role_column(role)
    rows = _in_years(yearly, years)
    rows = rows[rows["un_member"].astype(bool)]
    own = rows[rows["iso3"] == state].set_index("year")[column]
    ranks = {int(year): float((group[column] < own.loc[year]).mean()) for year, group in rows.groupby("year")
             if year in own.index}
    return pd.Series(ranks, name=f"share of members below {state}", dtype=float).rename_axis("year")


def joint_drafts(sponsorship: pd.DataFrame, resolutions: pd.DataFrame,
                 states: Iterable[str] = CENTRAL_ASIA) -> pd.DataFrame:
    """Resolutions whose **main** sponsors include every one of ``states`` (default: all five Central Asian states).

    One row per resolution with symbol, year, date, title and the number of main sponsors (``n_main``): a draft
    with five main sponsors is a Central Asian draft; one with a hundred is a broad draft the five joined.
    """
    states = set(states)
    main = sponsorship[(sponsorship["role"] == "main") & sponsorship["iso3"].isin(states)]
    n_states = main.groupby("symbol")["iso3"].nunique()
    symbols = n_states.index[n_states == len(states)]
    rows = resolutions[resolutions["symbol"].isin(symbols)]
    return rows[["symbol", "year", "date", "title", "n_main"]].sort_values(["date", "symbol"]).reset_index(drop=True)


def subject_counts(sponsorship: pd.DataFrame, resolutions: pd.DataFrame, state: str, role: str = "any",
                   top: int | None = 10) -> pd.Series:
    """The subjects of the resolutions ``state`` sponsored in ``role``, most frequent first.

    A resolution has several subjects (``"Disarmament | Nuclear Weapons"``); each counts once for it, so the counts
    add up to more than the number of resolutions. The source writes some subjects in capitals and some not: they
    are compared in title case.
    """
    _role_column(role)
    own = sponsorship[sponsorship["iso3"] == state]
    if role != "any":
        own = own[own["role"] == role]
    subjects = resolutions[resolutions["symbol"].isin(own["symbol"])]["subjects"].dropna()
    counts = subjects.str.split(" | ", regex=False).explode().str.strip().str.title().value_counts()
    counts = counts[counts.index != ""].rename("resolutions").rename_axis("subject")
    return counts if top is None else counts.head(top)
