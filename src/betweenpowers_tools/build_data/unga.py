"""Builders of the UN General Assembly tables: roll calls, votes, yearly agreement, Voeten's agreement scores,
ideal points and the key votes on Ukraine.

Raw folders: ``unga_votes_voeten_1992_2020`` (Voeten roll calls and the all-country wide vote file),
``unga_votes_undl_2020_2021`` (UN Digital Library records), ``unga_votes_dgacm_2021_2026`` (the UN's
machine-readable resolutions), ``unga_ideal_points_voeten_1946_2025`` and ``unga_key_votes_ukraine_2014_2022``.
Which source serves which year of the main series is :data:`betweenpowers.measures.votes.MAIN_SERIES_SOURCES`.
The yearly agreement is computed by the student package's one definition of
the measure, :func:`betweenpowers.measures.votes.yearly_agreement`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from betweenpowers.measures.ideal_points import VINTAGES
from betweenpowers.measures.issues import ISSUE_COLUMNS
from betweenpowers.measures.votes import MAIN_SERIES_SOURCES, RULE_COLUMNS, yearly_agreement
from betweenpowers.vectors import AGREEMENT_PARTNERS
from betweenpowers_tools.build_data.rawfiles import read_raw

VOETEN = "unga_votes_voeten_1992_2020/"
UNDL = "unga_votes_undl_2020_2021/"
DGACM = "unga_votes_dgacm_2021_2026/"
IDEAL = "unga_ideal_points_voeten_1946_2025/"
UKRAINE = "unga_key_votes_ukraine_2014_2022/"

#: Countries whose individual UN votes are shipped (the others enter only through yearly agreement scores).
FOCUS_COUNTRIES: tuple[str, ...] = (
    "KAZ", "USA", "RUS", "CHN", "GBR", "FRA", "DEU", "JPN", "IND", "TUR",
    "IRN", "UZB", "KGZ", "TJK", "TKM", "AZE", "ARM", "GEO", "BLR", "UKR",
)

#: Raw vote codes -> the values of ``unga_votes.vote``. Voeten's 9 (not a member) and blanks are dropped.
VOETEN_CODES = {1: "yes", 2: "abstain", 3: "no", 8: "absent"}
UNDL_CODES = {"Y": "yes", "A": "abstain", "N": "no", "X": "absent"}  # DGACM's wide file uses the same letters

#: Voeten's issue dummies (raw column) -> issue key of :data:`betweenpowers.measures.issues.ISSUE_COLUMNS`.
VOETEN_ISSUES = {"me": "middle_east", "nu": "nuclear", "di": "disarmament", "hr": "human_rights",
                 "co": "colonialism", "ec": "economic"}

_TOTALS = ("total_yes", "total_no", "total_abstain")


def _empty(n: int, dtype: str) -> pd.api.extensions.ExtensionArray:
    """``n`` missing values of a nullable dtype."""
    return pd.array([pd.NA] * n, dtype=dtype)


#: The first day of December on which a roll call on a Saturday or Sunday is plausible. The UN's own records
#: (UN Digital Library 2020-2021, DGACM 2022-2025) have no roll call on a weekend, and from 2003 on every weekend
#: roll call in Voeten's file falls on or after 20 December, at the end of the main part of a session.
WEEKEND_VOTES_FROM = 20


def voeten_years_without_reliable_days(dates: pd.Series) -> list[int]:
    """The calendar years whose days of the month in Voeten's file cannot be trusted, found from the dates alone.

    A year is flagged if (a) none of its roll calls falls on a day after the 7th, which no session of some 60-110
    roll calls does (the field looks like a weekday number), or (b) any of its roll calls falls on a Saturday or
    Sunday before :data:`WEEKEND_VOTES_FROM` December. In Voeten's file (a) and (b) both flag 1992-1996, (b) alone
    flags 1997-2002, and no later year is flagged. Only the day is in doubt: the month is kept as reliable.
    ``dates`` are ISO strings (``YYYY-MM-DD``).

    >>> voeten_years_without_reliable_days(pd.Series(["1992-09-03", "1992-12-06", "2003-12-09", "2007-12-22"]))
    [1992]
    """
    when = pd.to_datetime(dates, format="%Y-%m-%d")
    year = when.dt.year
    never_after_7th = when.dt.day.groupby(year).max() <= 7
    weekend = (when.dt.day_of_week >= 5) & ~((when.dt.month == 12) & (when.dt.day >= WEEKEND_VOTES_FROM))
    on_weekend = weekend.groupby(year).any()
    return sorted(int(y) for y in year.unique() if never_after_7th[y] or on_weekend[y])


def _date_precision(dates: pd.Series) -> pd.Series:
    """'month' for the roll calls of :func:`voeten_years_without_reliable_days`, else 'day'."""
    unreliable = voeten_years_without_reliable_days(dates)
    return dates.str[:4].astype(int).isin(unreliable).map({True: "month", False: "day"})


def _voeten_roll_calls(raw: Path) -> pd.DataFrame:
    rc = read_raw(raw, VOETEN + "unga_roll_calls_1992_2020.csv")
    out = pd.DataFrame({
        "vote_id": "V" + rc["rcid"].astype(str),
        "source": "voeten",
        "date": rc["date"],
        "date_precision": _date_precision(rc["date"]),
        "year": rc["date"].str[:4].astype(int),
        "session": rc["session"],
        "symbol": rc["unres"],
        "title": rc["descr"],
        "important_vote": rc["importantvote"].map({1.0: True, 0.0: False}).astype("boolean"),
        "amendment": rc["amend"].map({1.0: True, 0.0: False}).astype("boolean"),
    })
    for raw_col, issue in VOETEN_ISSUES.items():
        out[ISSUE_COLUMNS[issue]] = rc[raw_col].astype("Int64")
    for col in _TOTALS:
        out[col] = rc[col].astype("Int64")
    out["in_main_series"] = _in_years(out["year"], "voeten")
    return out


def _un_records(meta: pd.DataFrame, vote_id: pd.Series, source: str) -> pd.DataFrame:
    """Roll calls from a UN record (the UN Digital Library's or DGACM's): ``meta`` has date, resolution, title and
    the totals. The UN records carry no issue codes and no 'important vote' or amendment flag; the session is read
    from the symbol (none for emergency special sessions, A/RES/ES-11/...)."""
    out = pd.DataFrame({
        "vote_id": vote_id,
        "source": source,
        "date": meta["date"],
        "date_precision": "day",
        "year": meta["date"].str[:4].astype(int),
        "session": meta["resolution"].str.extract(r"^A/(?:RES/)?(\d+)/")[0].astype("Int64"),
        "symbol": meta["resolution"],
        "title": meta["title"],
        "important_vote": _empty(len(meta), "boolean"),
        "amendment": _empty(len(meta), "boolean"),
    })
    for col in ISSUE_COLUMNS.values():
        out[col] = _empty(len(meta), "Int64")
    for col in _TOTALS:
        out[col] = meta[col].astype("Int64")
    out["in_main_series"] = _in_years(out["year"], source)
    return out


def _undl_roll_calls(raw: Path) -> pd.DataFrame:
    """The UN Digital Library's records of 2020-2021; its five flagged duplicates stay out of the main series."""
    meta = read_raw(raw, UNDL + "undl_ga_resolutions_2020_2021.csv")
    out = _un_records(meta, "U" + meta["undl_id"].astype(str), "undl")
    out["in_main_series"] &= meta["use_for_agreement"].astype(bool)
    return out


def _dgacm_vote_id(raw_id: pd.Series) -> pd.Series:
    """'DGACM-0042' -> 'D0042'."""
    return "D" + raw_id.str.removeprefix("DGACM-")


def _dgacm_roll_calls(raw: Path) -> pd.DataFrame:
    """DGACM's recorded votes of the years it serves in the main series (2021 is the UN Digital Library's, and the
    first half of 2026 is left out)."""
    meta = read_raw(raw, DGACM + "unga_rollcalls_2021_2026.csv")
    meta = meta[_in_years(meta["year"], "dgacm")].reset_index(drop=True)
    return _un_records(meta, _dgacm_vote_id(meta["vote_id"]), "dgacm")


def _in_years(years: pd.Series, source: str) -> pd.Series:
    """True for the years that ``source`` serves in the main series."""
    first, last = MAIN_SERIES_SOURCES[source]
    return years.astype(int).between(first, last)


def build_unga_roll_calls(raw: Path) -> pd.DataFrame:
    """Voeten roll calls, UN Digital Library records and DGACM's, with the main-series flag (one source per year)."""
    table = pd.concat([_voeten_roll_calls(raw), _undl_roll_calls(raw), _dgacm_roll_calls(raw)], ignore_index=True)
    return table.sort_values(["date", "source", "vote_id"], kind="stable").reset_index(drop=True)


def all_votes_long(raw: Path) -> pd.DataFrame:
    """Every country's vote on every roll call, long form: vote_id, iso3, vote."""
    wide = read_raw(raw, VOETEN + "unga_votes_all_countries_wide_1992_2020.csv")
    voeten = wide.melt(id_vars="rcid", var_name="iso3", value_name="code").dropna(subset=["code"])
    voeten = voeten.assign(vote_id="V" + voeten["rcid"].astype(str),
                           vote=voeten["code"].astype(int).map(VOETEN_CODES))
    wide_u = read_raw(raw, UNDL + "undl_ga_votes_all_countries_wide_2020_2021.csv")
    undl = wide_u.melt(id_vars="undl_id", var_name="iso3", value_name="code").dropna(subset=["code"])
    undl = undl.assign(vote_id="U" + undl["undl_id"].astype(str), vote=undl["code"].map(UNDL_CODES))
    wide_d = read_raw(raw, DGACM + "unga_votes_wide_2021_2026.csv").drop(columns=["resolution", "date"])
    dgacm = wide_d.melt(id_vars="vote_id", var_name="iso3", value_name="code").dropna(subset=["code"])
    dgacm = dgacm.assign(vote_id=_dgacm_vote_id(dgacm["vote_id"]), vote=dgacm["code"].map(UNDL_CODES))
    every = pd.concat([part[["vote_id", "iso3", "vote"]] for part in (voeten, undl, dgacm)], ignore_index=True)
    return every.dropna(subset=["vote"])


def build_unga_votes(votes: pd.DataFrame, roll_calls: pd.DataFrame) -> pd.DataFrame:
    """The focus countries' votes on the roll calls of ``roll_calls`` (``votes`` is :func:`all_votes_long`), in
    roll-call order, then country order."""
    order = {vid: i for i, vid in enumerate(roll_calls["vote_id"])}
    votes = votes[votes["iso3"].isin(FOCUS_COUNTRIES) & votes["vote_id"].isin(order)]
    country_order = {c: i for i, c in enumerate(FOCUS_COUNTRIES)}
    votes = votes.assign(_r=votes["vote_id"].map(order), _c=votes["iso3"].map(country_order))
    return votes.sort_values(["_r", "_c"]).drop(columns=["_r", "_c"]).reset_index(drop=True)


def build_unga_agreement_yearly(votes: pd.DataFrame, roll_calls: pd.DataFrame) -> pd.DataFrame:
    """Yearly agreement of every country with each of :data:`AGREEMENT_PARTNERS`, rounded to 6 decimals.

    ``votes`` is :func:`all_votes_long` (every country, not only the focus countries).
    """
    out = yearly_agreement(votes, roll_calls, AGREEMENT_PARTNERS)
    for column in RULE_COLUMNS.values():
        out[column] = out[column].round(6)
    return out


def build_unga_voeten_agreement(raw: Path) -> pd.DataFrame:
    """Voeten's session file from session 47 (1992/93), with his agreement scores renamed."""
    src = read_raw(raw, IDEAL + "unga_ideal_points_agreement_jun2024_sessions_1_78.csv")
    src = src[src["session"] >= 47]
    out = pd.DataFrame({
        "iso3": src["iso3c"],
        "session": src["session"],
        "session_start_year": src["session_start_year"],
        "n_votes": src["NVotesAll"].astype("Int64"),
        "ideal_point_all": src["IdealPointAll"],
        "agree_usa": src["USAgree"],
        "agree_rus": src["RUSSAgree"],
        "agree_chn": src["ChinaAgree"],
        "agree_ind": src["IndiaAgree"],
        "agree_bra": src["BrazilAgree"],
        "agree_isr": src["IsraelAgree"],
    })
    return out.sort_values(["iso3", "session"]).reset_index(drop=True)


def build_unga_ideal_points(raw: Path) -> pd.DataFrame:
    """The three vintages of ideal points, stacked (order of :data:`betweenpowers.measures.ideal_points.VINTAGES`)."""
    fp26 = read_raw(raw, IDEAL + "unga_ideal_points_fp_1946_2025.csv")
    jul = read_raw(raw, IDEAL + "unga_ideal_points_jul2025_1946_2024.csv")
    parts = [
        pd.DataFrame({"vintage": "2026_final_passage", "iso3": fp26["iso3c"], "year": fp26["year"],
                      "n_votes": fp26["NVotesFP"], "ideal_point": fp26["IdealPointFP"],
                      "q5": fp26["Q5%FP"], "q95": fp26["Q95%FP"]}),
        pd.DataFrame({"vintage": "2025-07_final_passage", "iso3": jul["iso3c"], "year": jul["year"],
                      "n_votes": jul["nvotesfp"], "ideal_point": jul["idealpointfp"],
                      "q5": jul["q5fp"], "q95": jul["q95fp"]}),
        pd.DataFrame({"vintage": "2025-07_all_votes", "iso3": jul["iso3c"], "year": jul["year"],
                      "n_votes": jul["nvotesall"], "ideal_point": jul["idealpointall"],
                      "q5": jul["q5all"], "q95": jul["q95all"]}),
    ]
    out = pd.concat(parts, ignore_index=True)
    out = out[(out["year"] >= 1991) & out["ideal_point"].notna()].copy()
    out["n_votes"] = out["n_votes"].astype("Int64")
    vintage_order = {v: i for i, v in enumerate(VINTAGES)}
    out = out.assign(_v=out["vintage"].map(vintage_order)).sort_values(["_v", "iso3", "year"])
    return out.drop(columns="_v").reset_index(drop=True)


def build_unga_key_votes_ukraine(raw: Path, roll_calls: pd.DataFrame) -> pd.DataFrame:
    """Full country lists of A/RES/68/262 and ES-11/1, plus the page-read rows of the other Ukraine votes."""
    full = read_raw(raw, UKRAINE + "unga_key_votes_ukraine.csv")
    pages = read_raw(raw, UKRAINE + "unga_key_votes_ukraine_2022_2025_from_pages.csv")

    # The page-read ES-11/1 rows must agree with the full list before they are dropped.
    check = pages[pages["symbol"] == "A/RES/ES-11/1"].merge(full, on=["symbol", "iso3"], suffixes=("_p", "_f"))
    if not (check["vote_p"] == check["vote_f"]).all():
        raise ValueError("Page-read ES-11/1 votes disagree with the full transcription")

    titles = {"A/RES/ES-11/1": pages.loc[pages["symbol"] == "A/RES/ES-11/1", "title"].iloc[0]}
    voeten_68 = roll_calls[roll_calls["symbol"] == "R/68/262"]
    if len(voeten_68) == 1:
        titles["A/RES/68/262"] = voeten_68["title"].iloc[0]
    tallies = full.groupby(["symbol", "vote"]).size().unstack(fill_value=0)
    full_rows = pd.DataFrame({
        "symbol": full["symbol"],
        "date": full["date"],
        "title": full["symbol"].map(titles),
        "iso3": full["iso3"],
        "vote": full["vote"],
        "tally_yes": full["symbol"].map(tallies["yes"]),
        "tally_no": full["symbol"].map(tallies["no"]),
        "tally_abstain": full["symbol"].map(tallies["abstain"]),
        "record": "full_list",
        "source_url": pd.NA,
    })
    page_rows = pages[pages["symbol"] != "A/RES/ES-11/1"]
    page_rows = pd.DataFrame({
        "symbol": page_rows["symbol"],
        "date": page_rows["date"],
        "title": page_rows["title"],
        "iso3": page_rows["iso3"],
        "vote": page_rows["vote"],
        "tally_yes": page_rows["tally_yes"],
        "tally_no": page_rows["tally_no"],
        "tally_abstain": page_rows["tally_abstain"],
        "record": "news_page",
        "source_url": page_rows["source_url"],
    })
    out = pd.concat([full_rows, page_rows], ignore_index=True)
    for col in ("tally_yes", "tally_no", "tally_abstain"):
        out[col] = out[col].astype("Int64")
    return out.sort_values(["date", "symbol", "iso3"]).reset_index(drop=True)
