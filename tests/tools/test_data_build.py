"""Rebuilding data/ from the raw public extracts gives the committed files, and the tables say what the raw files say.

These tests need the raw extracts in ``../shared/data-raw`` (the session fixture ``raw_dir`` of tests/conftest.py).
They are present in CI and on the maintainers' machines; people who clone the repository do not need them, so
there the tests are skipped, saying why. In CI (environment variable ``CI`` set) a missing raw folder is a failure,
not a skip (:func:`test_raw_folder_is_present_in_ci`).

The spot checks read the RAW files with pandas directly, without :mod:`betweenpowers_tools.build_data`, and compare
them with the committed tables in ``data/`` (loaded by the student loaders: the ``table`` fixture). The determinism
test proves that the committed tables are what the builder makes today, so together they check the builder against
an independent reading of the sources. The last section checks the build's own helpers and needs no raw files.
"""

from __future__ import annotations

import doctest
import hashlib
import os
import pkgutil
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

import pandas as pd
import pytest
from support import RAW, ROOT

from betweenpowers_tools import build_data

pytestmark = pytest.mark.rawdata

DATA = ROOT / "data"
Table = Callable[[str], pd.DataFrame]

VOETEN = "unga_votes_voeten_1992_2020/"
UNDL = "unga_votes_undl_2020_2021/"
DGACM = "unga_votes_dgacm_2021_2026/"
BNS = "trade_kazakhstan_by_partner_bns_2020_2025/"
UKRAINE = "unga_key_votes_ukraine_2014_2022/"
DOTS = "trade_imf_dots_kazakhstan_1992_2020/"
MACRO = "context_macro/"
SPONSORS = "unga_sponsorship_dgacm_2019_2026/"
SPEECHES = "unga_general_debate_speeches_ungdc_1992_2025/"
N_TABLES = len(build_data.load_tables())


def test_raw_folder_is_present_in_ci() -> None:
    assert build_data.DEFAULT_RAW == RAW, "the build and the tests must read the same raw folder"
    if os.environ.get("CI") and not RAW.is_dir():
        pytest.fail(f"raw files not found at {RAW}: CI is set, so the rebuild tests must run; provide the raw folder.")


@pytest.fixture(scope="module")
def built(raw_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One rebuild of every table into a temporary folder (shared by the module)."""
    out = tmp_path_factory.mktemp("rebuild")
    build_data.write_all(build_data.build_all(raw_dir), out)
    return out


def _csv(path: Path, **kwargs) -> pd.DataFrame:
    """Read a CSV keeping strings such as 'NA' (Namibia) as text; only empty cells are missing."""
    return pd.read_csv(path, keep_default_na=False, na_values=[""], **kwargs)


def raw_csv(raw: Path, relative: str, **kwargs) -> pd.DataFrame:
    return _csv(raw / relative, **kwargs)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.suffix == ".csv" or p.name == "datapackage.json"}


def _first_difference(a: bytes, b: bytes) -> str:
    lines_a, lines_b = a.decode("utf-8").split("\n"), b.decode("utf-8").split("\n")
    for i, (x, y) in enumerate(zip(lines_a, lines_b), start=1):
        if x != y:
            return f"line {i}: committed {x[:120]!r} vs rebuilt {y[:120]!r}"
    return f"{len(lines_a)} vs {len(lines_b)} lines"


# --------------------------------------------------------------------------------------------------
# Determinism: the committed data are exactly what the builder makes
# --------------------------------------------------------------------------------------------------
def test_rebuild_is_byte_identical_to_committed_data(built: Path) -> None:
    rebuilt, ours = _files(built), _files(DATA)
    assert sorted(rebuilt) == sorted(ours), "the rebuild writes other files than those committed in data/"
    assert len(rebuilt) == N_TABLES + 1
    stale = {name: _first_difference(ours[name], rebuilt[name]) for name in rebuilt if rebuilt[name] != ours[name]}
    assert not stale, ("data/ is not what `python -m betweenpowers_tools.build_data` makes from the raw files; rebuild "
                       f"and commit. Differences: {stale}")


def test_second_build_through_main_gives_the_same_bytes(raw_dir: Path, built: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "second"
    assert build_data.main(["--raw", str(raw_dir), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.count("wrote ") == N_TABLES + 1
    first, second = _files(built), _files(out)
    assert sorted(first) == sorted(second)
    for name in first:
        assert hashlib.sha256(first[name]).hexdigest() == hashlib.sha256(second[name]).hexdigest(), name


# --------------------------------------------------------------------------------------------------
# Spot checks: the tables against the raw files, read independently
# --------------------------------------------------------------------------------------------------
def test_kazakhstan_votes_on_ukraine_resolutions(raw_dir: Path, table: Table) -> None:
    key_votes = table("unga_key_votes_ukraine")
    kaz = key_votes[key_votes["iso3"] == "KAZ"].set_index("symbol")

    full = raw_csv(raw_dir, UKRAINE + "unga_key_votes_ukraine.csv")
    raw_es1 = full[(full["symbol"] == "A/RES/ES-11/1") & (full["iso3"] == "KAZ")]
    assert raw_es1["vote"].tolist() == ["abstain"]
    assert kaz.loc["A/RES/ES-11/1", "vote"] == "abstain"
    assert kaz.loc["A/RES/ES-11/1", "date"] == pd.Timestamp("2022-03-02")
    assert kaz.loc["A/RES/ES-11/1", "record"] == "full_list"
    # The tally of the full list is counted from the 193 votes: 141 yes, 5 no, 35 abstain.
    es1 = full[full["symbol"] == "A/RES/ES-11/1"]["vote"].value_counts()
    assert (es1["yes"], es1["no"], es1["abstain"]) == (141, 5, 35)
    assert tuple(kaz.loc["A/RES/ES-11/1", ["tally_yes", "tally_no", "tally_abstain"]]) == (141, 5, 35)
    assert kaz.loc["A/RES/68/262", "vote"] == "abstain"

    pages = raw_csv(raw_dir, UKRAINE + "unga_key_votes_ukraine_2022_2025_from_pages.csv")
    raw_es3 = pages[(pages["symbol"] == "A/RES/ES-11/3") & (pages["iso3"] == "KAZ")]
    assert raw_es3["vote"].tolist() == ["no"]
    assert kaz.loc["A/RES/ES-11/3", "vote"] == "no"
    assert kaz.loc["A/RES/ES-11/3", "record"] == "news_page"
    assert kaz.loc["A/RES/ES-11/3", "source_url"] == raw_es3["source_url"].iloc[0]
    # The 24 Feb 2025 votes of Kazakhstan were not found: no invented rows.
    assert not kaz.index.str.startswith("A/RES/ES-11/7").any()
    assert not kaz.index.str.startswith("A/RES/ES-11/8").any()


def test_kazakhstan_first_roll_call_is_in_1992(raw_dir: Path, table: Table) -> None:
    wide = raw_csv(raw_dir, VOETEN + "unga_votes_all_countries_wide_1992_2020.csv", usecols=["rcid", "KAZ"])
    calls = raw_csv(raw_dir, VOETEN + "unga_roll_calls_1992_2020.csv", usecols=["rcid", "date"])
    kaz_raw = wide.merge(calls, on="rcid").sort_values(["date", "rcid"])
    member = kaz_raw[kaz_raw["KAZ"].isin([1, 2, 3, 8])]
    assert member["date"].iloc[0] == "1992-08-03" and member["KAZ"].iloc[0] == 8
    cast = member[member["KAZ"].isin([1, 2, 3])]
    assert cast["date"].iloc[0] == "1992-09-03"

    roll_calls = table("unga_roll_calls")
    votes = table("unga_votes")
    kaz = votes[votes["iso3"] == "KAZ"].merge(roll_calls[["vote_id", "date", "year"]], on="vote_id")
    kaz = kaz.sort_values(["date", "vote_id"])
    assert kaz["year"].min() == 1992
    assert (kaz["date"].iloc[0], kaz["vote"].iloc[0]) == (pd.Timestamp("1992-08-03"), "absent")
    assert kaz.loc[kaz["vote"] != "absent", "date"].iloc[0] == pd.Timestamp("1992-09-03")
    assert roll_calls["date"].min() == pd.Timestamp("1992-08-03")
    # Those days are Voeten's and wrong (A/RES/47/1 was adopted later in September 1992): only the month holds.
    first_two = roll_calls.sort_values(["date", "vote_id"]).head(2)
    assert first_two["symbol"].tolist() == ["R/46/242", "R/47/1"]
    assert first_two["date_precision"].tolist() == ["month", "month"]


def test_date_precision_marks_the_voeten_years_with_wrong_days(raw_dir: Path, table: Table) -> None:
    """Read from the raw dates alone: in 1992-1996 no Voeten roll call falls after the 7th of a month, and in
    1997-2002 some fall on a Saturday or Sunday before 20 December (the UN's own records never do). Exactly those
    years' Voeten rows are 'month'; the dates themselves are kept as in the raw file."""
    calls = raw_csv(raw_dir, VOETEN + "unga_roll_calls_1992_2020.csv", usecols=["rcid", "date"])
    when = pd.to_datetime(calls["date"])
    year = when.dt.year
    max_day = when.dt.day.groupby(year).max()
    assert sorted(max_day[max_day <= 7].index) == list(range(1992, 1997))
    early_weekend = (when.dt.day_of_week >= 5) & ~((when.dt.month == 12) & (when.dt.day >= 20))
    weekend_years = sorted(year[early_weekend].unique())
    assert weekend_years == list(range(1992, 2003))
    un_records = table("unga_roll_calls")
    un_records = un_records[un_records["source"] != "voeten"]
    assert not (un_records["date"].dt.day_of_week >= 5).any(), "the UN's own records have no weekend roll call"

    roll_calls = table("unga_roll_calls")
    voeten = roll_calls[roll_calls["source"] == "voeten"]
    month = voeten["date"].dt.year.between(1992, 2002)
    assert (voeten.loc[month, "date_precision"] == "month").all()
    assert (voeten.loc[~month, "date_precision"] == "day").all()
    assert (roll_calls.loc[roll_calls["source"] != "voeten", "date_precision"] == "day").all()
    assert sorted(roll_calls.loc[roll_calls["date_precision"] == "month", "year"].unique()) == list(range(1992, 2003))
    kept = voeten.assign(rcid=voeten["vote_id"].str[1:].astype(int)).merge(calls, on="rcid")
    assert len(kept) == len(calls)
    assert (kept["date_x"].dt.strftime("%Y-%m-%d") == kept["date_y"]).all(), "dates are kept as in Voeten's file"

    from betweenpowers_tools.build_data.unga import voeten_years_without_reliable_days
    assert voeten_years_without_reliable_days(calls["date"]) == list(range(1992, 2003))


def test_kazakhstan_vote_counts_equal_the_raw_wide_files(raw_dir: Path, table: Table) -> None:
    votes = table("unga_votes").merge(table("unga_roll_calls")[["vote_id", "source"]], on="vote_id")
    kaz = votes[votes["iso3"] == "KAZ"]

    wide = raw_csv(raw_dir, VOETEN + "unga_votes_all_countries_wide_1992_2020.csv", usecols=["rcid", "KAZ"])
    raw_counts = wide["KAZ"].map({1: "yes", 2: "abstain", 3: "no", 8: "absent"}).value_counts().to_dict()
    assert raw_counts == {"yes": 2100, "abstain": 331, "no": 58, "absent": 98}  # PROVENANCE.md
    assert kaz[kaz["source"] == "voeten"]["vote"].value_counts().to_dict() == raw_counts

    wide_u = raw_csv(raw_dir, UNDL + "undl_ga_votes_all_countries_wide_2020_2021.csv", usecols=["undl_id", "KAZ"])
    raw_u = wide_u["KAZ"].map({"Y": "yes", "A": "abstain", "N": "no", "X": "absent"}).value_counts().to_dict()
    assert raw_u == {"yes": 167, "abstain": 14, "no": 4, "absent": 3}  # PROVENANCE.md
    assert kaz[kaz["source"] == "undl"]["vote"].value_counts().to_dict() == raw_u

    # DGACM: the table keeps 2022-2025; Kazakhstan's votes per year as its PROVENANCE.md counts them.
    wide_d = raw_csv(raw_dir, DGACM + "unga_votes_wide_2021_2026.csv", usecols=["vote_id", "date", "KAZ"])
    raw_d = wide_d.assign(year=wide_d["date"].str[:4].astype(int), vote=wide_d["KAZ"].map(
        {"Y": "yes", "A": "abstain", "N": "no", "X": "absent"}))
    per_year = raw_d.groupby(["year", "vote"]).size().unstack(fill_value=0)
    assert per_year.loc[2022].to_dict() == {"absent": 7, "abstain": 12, "no": 3, "yes": 67}
    assert per_year.loc[2025].to_dict() == {"absent": 5, "abstain": 7, "no": 0, "yes": 172}
    kept = raw_d[raw_d["year"].between(2022, 2025)]["vote"].value_counts().to_dict()
    assert kaz[kaz["source"] == "dgacm"]["vote"].value_counts().to_dict() == kept


def test_number_of_roll_calls_by_source(raw_dir: Path, table: Table) -> None:
    roll_calls = table("unga_roll_calls")
    n_voeten = len(raw_csv(raw_dir, VOETEN + "unga_roll_calls_1992_2020.csv"))
    n_undl = len(raw_csv(raw_dir, UNDL + "undl_ga_resolutions_2020_2021.csv"))
    dgacm = raw_csv(raw_dir, DGACM + "unga_rollcalls_2021_2026.csv", usecols=["vote_id", "year"])
    n_dgacm = int(dgacm["year"].between(2022, 2025).sum())
    assert (n_voeten, n_undl, len(dgacm), n_dgacm) == (2587, 188, 550, 89 + 88 + 92 + 184)  # PROVENANCE.md
    assert roll_calls["source"].value_counts().to_dict() == {"voeten": n_voeten, "undl": n_undl, "dgacm": n_dgacm}
    assert roll_calls["vote_id"].is_unique


def test_main_series_is_one_source_per_calendar_year(raw_dir: Path, table: Table) -> None:
    calls = raw_csv(raw_dir, VOETEN + "unga_roll_calls_1992_2020.csv", usecols=["rcid", "date"])
    meta = raw_csv(raw_dir, UNDL + "undl_ga_resolutions_2020_2021.csv",
                   usecols=["undl_id", "date", "use_for_agreement"])
    assert meta["use_for_agreement"].dtype == bool
    expected_voeten = {f"V{r}" for r in calls.loc[calls["date"].str[:4].astype(int) <= 2020, "rcid"]}
    undl_2021 = meta[(meta["date"].str[:4] == "2021") & meta["use_for_agreement"]]
    expected_undl = {f"U{u}" for u in undl_2021["undl_id"]}
    assert (len(expected_voeten), len(expected_undl)) == (2585, 86)
    # 183 distinct UNDL votes in 2020-2021 (PROVENANCE.md), of which 86 in 2021.
    assert int(meta["use_for_agreement"].sum()) == 183

    roll_calls = table("unga_roll_calls")
    main = roll_calls[roll_calls["in_main_series"]]
    dgacm = raw_csv(raw_dir, DGACM + "unga_rollcalls_2021_2026.csv", usecols=["vote_id", "year"])
    expected_dgacm = {"D" + v.removeprefix("DGACM-") for v in dgacm.loc[dgacm["year"].between(2022, 2025), "vote_id"]}
    assert set(main["vote_id"]) == expected_voeten | expected_undl | expected_dgacm
    assert main.groupby("year")["source"].nunique().eq(1).all()
    assert sorted(main["year"].unique()) == list(range(1992, 2026))  # 2026 (first half only) is left out
    assert set(main.loc[main["year"] == 2021, "source"]) == {"undl"}
    assert set(main.loc[main["year"] >= 2022, "source"]) == {"dgacm"}
    assert not (roll_calls["year"] > 2025).any()


def test_the_two_sources_of_2021_agree_vote_for_vote(raw_dir: Path) -> None:
    """The UN Digital Library's 2021 votes (the main series) and DGACM's lists of the same resolutions are the same."""
    meta = raw_csv(raw_dir, UNDL + "undl_ga_resolutions_2020_2021.csv", usecols=["undl_id", "date", "resolution",
                                                                                 "use_for_agreement"])
    meta = meta[(meta["date"].str[:4] == "2021") & meta["use_for_agreement"]]
    undl = raw_csv(raw_dir, UNDL + "undl_ga_votes_all_countries_wide_2020_2021.csv").merge(
        meta[["undl_id", "resolution"]], on="undl_id").drop(columns="undl_id")
    dgacm = raw_csv(raw_dir, DGACM + "unga_votes_wide_2021_2026.csv")
    dgacm = dgacm[dgacm["date"].str[:4] == "2021"].drop(columns=["vote_id", "date"])
    undl_long = undl.melt(id_vars="resolution", var_name="iso3", value_name="vote").dropna()
    dgacm_long = dgacm.melt(id_vars="resolution", var_name="iso3", value_name="vote").dropna()
    # The sources write part letters with and without a space: 'A/RES/75/250 B' and 'A/RES/75/250B'.
    for long in (undl_long, dgacm_long):
        long["resolution"] = long["resolution"].str.replace(" ", "")
    both = undl_long.merge(dgacm_long, on=["resolution", "iso3"], how="outer", suffixes=("_undl", "_dgacm"),
                           indicator=True)
    assert undl_long["resolution"].nunique() == dgacm_long["resolution"].nunique() == 86
    assert len(both) > 16_000 and (both["_merge"] == "both").all()
    assert (both["vote_undl"] == both["vote_dgacm"]).all()


def _agreement_from_raw(raw_dir: Path, year: int, country: str, partner: str) -> dict:
    """Yearly agreement of two countries from the raw wide files (main series: Voeten to 2020, UNDL 2021, DGACM
    2022-2025)."""
    if year <= 2020:
        calls = raw_csv(raw_dir, VOETEN + "unga_roll_calls_1992_2020.csv", usecols=["rcid", "date"])
        ids = calls.loc[calls["date"].str[:4] == str(year), "rcid"]
        wide = raw_csv(raw_dir, VOETEN + "unga_votes_all_countries_wide_1992_2020.csv",
                       usecols=["rcid", country, partner])
        pair = wide[wide["rcid"].isin(ids)]
        codes = {1: "yes", 2: "abstain", 3: "no"}  # 8 absent, 9 non-member and blanks are left out
    elif year >= 2022:
        wide = raw_csv(raw_dir, DGACM + "unga_votes_wide_2021_2026.csv", usecols=["date", country, partner])
        pair = wide[wide["date"].str[:4] == str(year)]
        codes = {"Y": "yes", "A": "abstain", "N": "no"}  # X (absent) is left out
    else:
        meta = raw_csv(raw_dir, UNDL + "undl_ga_resolutions_2020_2021.csv",
                       usecols=["undl_id", "date", "use_for_agreement"])
        ids = meta.loc[(meta["date"].str[:4] == str(year)) & meta["use_for_agreement"], "undl_id"]
        wide = raw_csv(raw_dir, UNDL + "undl_ga_votes_all_countries_wide_2020_2021.csv",
                       usecols=["undl_id", country, partner])
        pair = wide[wide["undl_id"].isin(ids)]
        codes = {"Y": "yes", "A": "abstain", "N": "no"}  # X (absent) is left out
    a, b = pair[country].map(codes), pair[partner].map(codes)
    both = a.notna() & b.notna()
    a, b = a[both].tolist(), b[both].tolist()
    scores = [1.0 if x == y else (0.5 if "abstain" in (x, y) else 0.0) for x, y in zip(a, b)]
    decisive = [(x, y) for x, y in zip(a, b) if "abstain" not in (x, y)]
    return {
        "n_votes": len(a),
        "agreement_identical": sum(x == y for x, y in zip(a, b)) / len(a),
        "agreement_half": sum(scores) / len(scores),
        "n_votes_yes_no": len(decisive),
        "agreement_excluding_abstentions": sum(x == y for x, y in decisive) / len(decisive),
    }


@pytest.mark.parametrize("year", [1995, 2021, 2022, 2025])
def test_kazakhstan_usa_agreement_recomputed_from_raw(raw_dir: Path, table: Table, year: int) -> None:
    expected = _agreement_from_raw(raw_dir, year, "KAZ", "USA")
    assert expected["n_votes"] > 50
    assert 0.05 < expected["agreement_half"] < 0.9  # a real pair, not a degenerate one (2025: 0.06, see PROVENANCE)
    yearly = table("unga_agreement_yearly").set_index(["year", "iso3", "partner"])
    for key in [(year, "KAZ", "USA"), (year, "USA", "KAZ")]:  # the measure is symmetric
        row = yearly.loc[key]
        assert int(row["n_votes"]) == expected["n_votes"], key
        assert int(row["n_votes_yes_no"]) == expected["n_votes_yes_no"], key
        for col in ("agreement_identical", "agreement_half", "agreement_excluding_abstentions"):
            assert row[col] == pytest.approx(expected[col], abs=5e-7), (key, col)


def test_dots_world_totals_2020(raw_dir: Path, table: Table) -> None:
    trade = table("trade_dots")
    world = trade[(trade["year"] == 2020) & (trade["view"] == "reported") & (trade["partner"] == "World")]
    world = world.set_index("flow")["value_usd_mn"]
    assert world["exports"] == pytest.approx(46_927, abs=0.5)  # PROVENANCE.md
    assert world["imports"] == pytest.approx(38_143, abs=0.5)
    rep = raw_csv(raw_dir, DOTS + "dots_kaz_reported_trade_by_partner_1992_2020.csv")
    raw_world = rep[(rep["year"] == 2020) & (rep["partner"] == "World")].set_index("flow")["value_usd_mn"]
    assert world["exports"] == pytest.approx(raw_world["exports_fob"], abs=5e-5)
    assert world["imports"] == pytest.approx(raw_world["imports_cif"], abs=5e-5)


def test_bns_trade_totals_and_partners_as_provenance_states(raw_dir: Path, table: Table) -> None:
    """BNS totals (sum of partners, USD bn) and China's and Russia's turnover, as PROVENANCE.md reports them."""
    bns = table("trade_bns")
    world = bns[bns["partner_iso3"] == "WLD"].set_index(["year", "flow"])["value_usd_mn"] / 1000
    for year, exports, imports in [(2020, 47.541, 38.929), (2022, 84.593, 50.934), (2025, 79.230, 65.431)]:
        assert (round(world[(year, "exports")], 3), round(world[(year, "imports")], 3)) == (exports, imports)
    turnover = bns.groupby(["year", "partner_iso3"])["value_usd_mn"].sum() / 1000
    assert [round(turnover[(y, "CHN")], 2) for y in (2022, 2023, 2025)] == [24.20, 30.06, 34.17]
    assert [round(turnover[(y, "RUS")], 2) for y in (2021, 2023, 2024)] == [24.62, 27.05, 28.14]

    raw = raw_csv(raw_dir, BNS + "kaz_trade_by_partner_bns_2020_2025.csv")
    assert len(raw) == 2338 and len(bns) == 2338 + 12  # a World row per year and flow
    partners = bns[bns["partner_iso3"] != "WLD"]
    assert partners["value_usd_mn"].sum() == pytest.approx(raw["value_usd"].sum() / 1e6, rel=1e-9)
    assert (partners["value_usd_mn"] == 0).sum() == (raw["value_usd"] == 0).sum()
    # One name per partner across trade_dots and trade_bns (DOTS's name where DOTS has the partner).
    dots = table("trade_dots")
    names = pd.concat([dots[["partner_iso3", "partner"]], partners[["partner_iso3", "partner"]]]).dropna()
    assert names.drop_duplicates().groupby("partner_iso3").size().max() <= dots.dropna(
        subset=["partner_iso3"]).drop_duplicates(["partner_iso3", "partner"]).groupby("partner_iso3").size().max()


def test_dots_has_no_duplicates_and_no_aggregates_but_world(raw_dir: Path, table: Table) -> None:
    trade = table("trade_dots")
    assert not trade.duplicated(["year", "view", "flow", "partner"]).any()
    assert set(trade["partner_type"]) == {"economy", "historic_entity", "world"}

    world = trade[trade["partner_type"] == "world"]
    assert set(world["partner"]) == {"World"} and set(world["partner_iso3"]) == {"WLD"}
    assert world["vector"].isna().all()
    assert not world.duplicated(["year", "view", "flow"]).any()
    assert len(world) == 29 * 2 * 2  # 1992-2020, two views, two flows

    rep = raw_csv(raw_dir, DOTS + "dots_kaz_reported_trade_by_partner_1992_2020.csv")
    mir = raw_csv(raw_dir, DOTS + "dots_partner_reported_trade_with_kaz_1992_2020.csv")
    aggregates = (set(rep.loc[rep["partner_type"] == "aggregate_or_unallocated", "partner"])
                  | set(mir.loc[mir["reporter_type"] == "aggregate_or_unallocated", "reporter"])) - {"World"}
    assert {"European Union", "Euro Area", "Advanced Economies"} <= aggregates
    assert not aggregates & set(trade["partner"])
    # Every economy and historic entity of the raw files is kept (aggregates are the only rows dropped).
    raw_partners = (set(rep.loc[rep["partner_type"] != "aggregate_or_unallocated", "partner"])
                    | set(mir.loc[mir["reporter_type"] != "aggregate_or_unallocated", "reporter"]))
    assert raw_partners | {"World"} == set(trade["partner"])


@pytest.mark.parametrize("iso3, vector", [
    ("RUS", "russia"), ("CHN", "china"), ("DEU", "eu27"), ("GBR", "other_west"), ("UZB", "central_asia"),
    ("AZE", "south_caucasus"), ("TUR", "turkey"), ("HKG", "other"),
])
def test_dots_partner_vectors(table: Table, iso3: str, vector: str) -> None:
    trade = table("trade_dots")
    rows = trade[trade["partner_iso3"] == iso3]
    assert len(rows) > 0, iso3
    assert set(rows["vector"]) == {vector}


def test_sipri_imports_from_russia(raw_dir: Path, table: Table) -> None:
    src = raw_csv(raw_dir, "arms_sipri_tiv_kazakhstan/sipri_tiv_kazakhstan_arms_transfers.csv")
    raw_total = src.loc[(src["recipient"] == "Kazakhstan") & (src["supplier"] == "Russia"), "tiv_mn"].sum()
    assert raw_total == 2594  # PROVENANCE.md
    arms = table("arms_transfers_sipri")
    russia = arms[(arms["direction"] == "import") & (arms["counterpart_iso3"] == "RUS")]
    assert russia["tiv_mn"].sum() == pytest.approx(raw_total)
    assert set(russia["vector"]) == {"russia"}
    assert russia["year"].between(1995, 2021).all()
    assert len(arms) == len(src) == 97


def test_diplomatic_events_counts(raw_dir: Path, table: Table) -> None:
    src = raw_csv(raw_dir, "kz-diplomatic-events/events.csv")
    events = table("diplomatic_events")
    assert len(events) == len(src) == 70
    assert events["mode"].value_counts().to_dict() == src["mode"].value_counts().to_dict()
    assert events["category"].value_counts().to_dict() == src["category"].value_counts().to_dict()
    assert events["event_id"].tolist() == [f"KZ{i:03d}" for i in range(1, 71)]
    assert events.set_index("event_id")["quote"].to_dict() == src.set_index("event_id")["source_quote"].to_dict()


def test_bns_annual_trade_2021_equals_monthly_sum(raw_dir: Path, table: Table) -> None:
    bns = raw_csv(raw_dir, MACRO + "bns_kaz_merchandise_trade_totals_monthly_2019_2026.csv")
    months = bns[bns["month"].str.startswith("2021-")]
    assert len(months) == 12
    annual = table("macro_kaz_annual").set_index("year")
    # The builder sums the monthly values after rounding each to 0.001 million: at most 12 x 0.0005 apart.
    assert annual.loc[2021, "exports_usd_mn_bns"] == pytest.approx(months["exports_thousand_usd"].sum() / 1000,
                                                                   abs=0.006)
    assert annual.loc[2021, "imports_usd_mn_bns"] == pytest.approx(months["imports_thousand_usd"].sum() / 1000,
                                                                   abs=0.006)
    assert annual.loc[2021, "exports_usd_mn_bns"] == pytest.approx(60_321.0, abs=0.1)
    # Incomplete years (2026: January-June only) get no annual total.
    assert bns["month"].str.startswith("2026-").sum() < 12
    assert pd.isna(annual.loc[2026, "exports_usd_mn_bns"]) and pd.isna(annual.loc[2026, "imports_usd_mn_bns"])


def test_weo_projection_flag(raw_dir: Path, table: Table) -> None:
    annual = table("macro_kaz_annual")
    assert str(annual["weo_projection"].dtype) == "boolean"
    weo = raw_csv(raw_dir, MACRO + "imf_weo_kaz_gdp_current_usd_1992_2031.csv")
    assert sorted(annual.loc[annual["gdp_usd_weo"].notna(), "year"]) == sorted(weo["year"])
    has_weo = annual["gdp_usd_weo"].notna()
    flag = annual.loc[has_weo].set_index("year")["weo_projection"]
    assert flag.notna().all()
    assert flag.to_dict() == {year: year >= 2026 for year in flag.index}
    assert flag.sum() == 6  # 2026-2031
    assert annual.loc[~has_weo, "weo_projection"].isna().all()


# --------------------------------------------------------------------------------------------------
# UN sponsorship (October 2019 - June 2026): resolutions, sponsors, yearly counts
# --------------------------------------------------------------------------------------------------
def _raw_sponsor_rows(raw_dir: Path) -> pd.DataFrame:
    """The raw extract's own long file (one row per resolution and state found, or per unmatched entry)."""
    return raw_csv(raw_dir, SPONSORS + "unga_sponsorship_long_2019_2026.csv.gz")


def _verification_counts(raw_dir: Path) -> dict[str, dict[int, int]]:
    """The lines 'ISO {year: count, ...}' of the sponsorship folder's verification.txt (all roles)."""
    import ast
    import re

    text = (raw_dir / SPONSORS / "verification.txt").read_text(encoding="utf-8")
    return {m[1]: ast.literal_eval(m[2]) for m in re.finditer(r"^  ([A-Z]{3}) (\{.*\})$", text, flags=re.M)}


def test_resolutions_are_the_raw_resolutions(raw_dir: Path, table: Table) -> None:
    src = raw_csv(raw_dir, SPONSORS + "unga_resolutions_2019_2026.csv")
    resolutions = table("unga_resolutions")
    assert len(resolutions) == len(src) == 2192  # PROVENANCE.md
    assert set(resolutions["symbol"]) == set(src["symbol"])
    assert resolutions["year"].value_counts().sort_index().to_dict() == {
        2019: 266, 2020: 257, 2021: 329, 2022: 333, 2023: 337, 2024: 333, 2025: 318, 2026: 19}  # verification.txt
    assert (resolutions["date"].min(), resolutions["date"].max()) == (pd.Timestamp("2019-10-10"),
                                                                        pd.Timestamp("2026-06-04"))
    assert resolutions["recorded_vote"].value_counts().to_dict() == {False: 1457, True: 731}
    assert int(resolutions["recorded_vote"].isna().sum()) == 4
    assert int(resolutions["submitted_by_officer"].sum()) == 607
    # The session is read from the symbol; the source writes it in words ('Seventy-fourth session').
    words = {"Seventy-fourth": 74, "Seventy-fifth": 75, "Seventy-sixth": 76, "Seventy-seventh": 77,
             "Seventy-eighth": 78, "Seventy-ninth": 79, "Eightieth": 80}
    sessions = src.set_index("symbol")["session"].str.removesuffix(" session").map(words)
    both = resolutions.set_index("symbol")["session"]
    assert (both.dropna() == sessions[both.dropna().index]).all()
    assert src.set_index("symbol").loc[both[both.isna()].index, "session"].str.contains("emergency special").all()
    assert both.isna().sum() == 9  # ES-10: 3, ES-11: 6
    assert "#fifthCommittee" not in set(resolutions["committee"])
    # The sponsor counts are the rows of unga_sponsorship.
    counts = table("unga_sponsorship").groupby(["symbol", "role"]).size().unstack(fill_value=0)
    counted = resolutions.set_index("symbol")[["n_main", "n_additional"]]
    assert (counted["n_main"] == counts["main"].reindex(counted.index, fill_value=0)).all()
    assert (counted["n_additional"] == counts["additional"].reindex(counted.index, fill_value=0)).all()
    officer = resolutions[resolutions["submitted_by_officer"]]
    assert (officer["n_main"] + officer["n_additional"] == 0).all(), "an officer's draft has no state sponsor"


def test_kazakhstan_sponsorship_per_year_is_the_verified_count(raw_dir: Path, table: Table) -> None:
    """Kazakhstan sponsored 50 resolutions in 2019 and 79 in 2025, as main sponsor 24 and 43 (verification.txt),
    read here from the raw extract's long file."""
    raw = _raw_sponsor_rows(raw_dir)
    kaz_raw = raw[raw["ms_code"] == "KAZ"].groupby(["year", "role"]).size().unstack()
    expected = {2019: (24, 26), 2020: (28, 22), 2021: (20, 30), 2022: (30, 28), 2023: (23, 41), 2024: (38, 31),
                2025: (43, 36), 2026: (3, 4)}
    assert {y: (int(r["main"]), int(r["additional"])) for y, r in kaz_raw.iterrows()} == expected
    assert _verification_counts(raw_dir)["KAZ"] == {y: m + a for y, (m, a) in expected.items()}

    sponsors = table("unga_sponsorship")
    kaz = sponsors[sponsors["iso3"] == "KAZ"].groupby(["year", "role"]).size().unstack()
    assert {int(y): (int(r["main"]), int(r["additional"])) for y, r in kaz.iterrows()} == expected
    yearly = table("unga_sponsorship_yearly").set_index(["iso3", "year"])
    for year, (main, additional) in expected.items():
        assert tuple(yearly.loc[("KAZ", year), ["n_main", "n_additional", "n_sponsored"]]) == (
            main, additional, main + additional)
    assert (yearly.loc["KAZ", "n_sponsored"][[2019, 2025]] == [50, 79]).all()


def test_peers_sponsorship_is_the_verified_count_except_where_the_aliases_correct_it(raw_dir: Path,
                                                                                    table: Table) -> None:
    verified = _verification_counts(raw_dir)
    assert set(verified) == {"KAZ", "UZB", "KGZ", "TJK", "TKM", "MNG", "AZE", "RUS", "CHN", "USA", "TUR", "IND", "DEU"}
    yearly = table("unga_sponsorship_yearly")
    ours = {iso3: {int(y): int(n) for y, n in rows.set_index("year")["n_sponsored"].items() if n}
            for iso3, rows in yearly.groupby("iso3")}
    for iso3 in ("KAZ", "UZB", "KGZ", "TJK", "TKM", "MNG", "AZE", "RUS", "USA", "IND"):
        assert ours[iso3] == verified[iso3], iso3
    # Türkiye: its 275 entries of 2019-2023 spelt with a dotted capital I were unmatched in the raw extract.
    assert {y: ours["TUR"][y] - verified["TUR"].get(y, 0) for y in ours["TUR"]} == {
        2019: 55, 2020: 62, 2021: 74, 2022: 80, 2023: 4, 2024: 0, 2025: 0, 2026: 0}
    # China: 8 rows read from 'on behalf of ... the Group of 77 and China'; Germany: one 'GE RMANY'.
    assert sum(verified["CHN"].values()) - sum(ours["CHN"].values()) == 8
    assert sum(ours["DEU"].values()) - sum(verified["DEU"].values()) == 1


def test_sponsorship_differs_from_the_raw_long_file_only_as_documented(raw_dir: Path, table: Table) -> None:
    from collections import Counter

    raw = _raw_sponsor_rows(raw_dir)
    assert len(raw) == 64124 and int(raw["ms_code"].isna().sum()) == 459  # PROVENANCE.md
    matched = raw.dropna(subset=["ms_code"])
    theirs = set(zip(matched["symbol"], matched["ms_code"]))
    sponsors = table("unga_sponsorship")
    ours = set(zip(sponsors["symbol"], sponsors["iso3"]))
    added = Counter(iso3 for _, iso3 in ours - theirs)
    dropped = Counter(iso3 for _, iso3 in theirs - ours)
    assert added == {"TUR": 275, "LAO": 88, "CIV": 68, "PRK": 37, "VEN": 3, "CZE": 2, "FSM": 1, "IRN": 1, "NAM": 1,
                     "GNB": 1, "DEU": 1, "IRL": 1, "TLS": 1, "SLB": 1, "KOR": 1, "MRT": 1}
    officers = {"EGY": 9, "THA": 7, "GHA": 7, "QAT": 7, "BGR": 6, "TTO": 5, "POL": 5, "FIN": 5, "ITA": 4, "PER": 3,
                "URY": 3, "HRV": 1, "NGA": 1}  # 63 rows: the countries of committee officers who submitted drafts
    assert dropped == {"KOR": 36, "CHN": 8, "IRL": 1, **officers}
    assert sum(officers.values()) == 63
    assert "committee officers' countries: 63" in build_data.load_tables()["unga_sponsorship"].derivation
    # The other rows agree, role included, except Ireland's in the two resolutions where the United Kingdom's full
    # name made it a main sponsor in the raw file.
    both = sponsors.merge(matched.rename(columns={"ms_code": "iso3"}), on=["symbol", "iso3"], suffixes=("", "_raw"))
    moved = both[both["role"] != both["role_raw"]]
    assert sorted(zip(moved["symbol"], moved["iso3"], moved["role"])) == [
        ("A/RES/77/12", "IRL", "additional"), ("A/RES/79/147", "IRL", "additional")]


def test_every_sponsor_entry_maps_to_a_state_or_is_listed_as_none(raw_dir: Path, table: Table) -> None:
    """Each entry the raw extract left unmatched (459) is in the alias table, as a state with its ISO3 or as naming
    no sponsor, or is an officer's or a report's entry; and the misspellings land on the right states."""
    from betweenpowers_tools.build_data.sponsorship import NO_SPONSOR_MARKERS, normalise, read_aliases

    aliases = read_aliases().set_index("name")
    unmatched = _raw_sponsor_rows(raw_dir).query("ms_code.isna()", engine="python")
    names = unmatched["ms_name"].dropna().map(normalise)
    assert int(unmatched["ms_name"].isna().sum()) == 1  # one empty entry (A/RES/79/273), skipped
    officer_or_report = names.map(lambda n: any(marker in n for marker in NO_SPONSOR_MARKERS))
    listed = names.isin(aliases.index)
    spelt = aliases.index[aliases["kind"] == "state"]
    contains_a_spelling = names.map(lambda n: any(name in n for name in spelt))  # the Czech Republic's Bureau entry
    resolved = officer_or_report | listed | contains_a_spelling
    assert resolved.all(), sorted(set(names[~resolved]))
    assert set(aliases.loc[names[listed], "kind"]) == {"state", "not_a_sponsor"}

    sponsors = table("unga_sponsorship")
    states = {symbol: set(rows["iso3"]) for symbol, rows in sponsors.groupby("symbol")}
    for name, symbol, iso3 in [
        ("GE RMANY", None, "DEU"), ("NAMBIA", None, "NAM"), ("CZECHI A", None, "CZE"), ("MAURITANI A", None, "MRT"),
        ("TÜRKİYE", "A/RES/74/118", "TUR"), ("MICRONESIA (FEDERATES STATES OF)", None, "FSM"),
        ("BOLIVARIAN REPUBLIC OF VENEZUELA", None, "VEN"), ("ISLAMIC REPUBLIC OF IRAN", None, "IRN"),
        ("SOLOMON", "A/RES/78/133", "SLB"), ("THE OF KOREA", "A/RES/78/208", "KOR"),
        ("LAO PEOPLE’S DEMOCRATIC REPUBLIC", None, "LAO"), ("CÔTE D’IVOIRE", None, "CIV"),
    ]:
        assert aliases.loc[name, "iso3"] == iso3, name
        where = unmatched.loc[unmatched["ms_name"].map(normalise, na_action="ignore") == name, "symbol"]
        assert len(where) > 0, name
        assert all(iso3 in states[s] for s in where), name
        if symbol:
            assert symbol in set(where), name
    assert aliases.loc["ISLANDS", "kind"] == "not_a_sponsor" and aliases.loc["ISLANDS", "iso3"] == ""
    # 'DEMOCRATIC PEOPLE’S REPUBLIC OF KOREA' (typographic apostrophe) is the DPRK, not the Republic of Korea.
    src = raw_csv(raw_dir, SPONSORS + "unga_resolutions_2019_2026.csv")
    lists = (src["main_sponsors_raw"].fillna("") + " || " + src["additional_sponsors_raw"].fillna("")).str.split(" || ",
                                                                                                            regex=False)
    dprk = {s: "REPUBLIC OF KOREA" in entries for s, entries in zip(src["symbol"], lists)
            if "DEMOCRATIC PEOPLE’S REPUBLIC OF KOREA" in entries}
    assert len(dprk) == 36 and sum(dprk.values()) == 1  # in one, the Republic of Korea sponsors too
    assert all("PRK" in states[s] and ("KOR" in states[s]) == both for s, both in dprk.items())


def test_joint_central_asian_drafts_list_kazakhstan_and_its_neighbours_as_main_sponsors(raw_dir: Path,
                                                                                        table: Table) -> None:
    src = raw_csv(raw_dir, SPONSORS + "unga_resolutions_2019_2026.csv").set_index("symbol")
    sponsors = table("unga_sponsorship")
    main = sponsors[sponsors["role"] == "main"].groupby("symbol")["iso3"].agg(set)
    for symbol in ("A/RES/76/295", "A/RES/78/147", "A/RES/79/322", "A/RES/80/115"):
        entries = src.loc[symbol, "main_sponsors_raw"].split(" || ")
        assert {"KAZAKHSTAN", "KYRGYZSTAN", "TAJIKISTAN", "TURKMENISTAN", "UZBEKISTAN"} <= set(entries), symbol
        assert {"KAZ", "KGZ", "TJK", "TKM", "UZB"} <= main[symbol], symbol
    assert "KAZ" in main["A/RES/75/266"]  # the International Fund for Saving the Aral Sea (verification.txt)
    resolutions = table("unga_resolutions").set_index("symbol")
    assert resolutions.loc["A/RES/80/115", "title"] == "International Year of Legal Literacy, 2027"
    assert not resolutions.loc["A/RES/78/147", "recorded_vote"]  # adopted without a vote, and still counted


def test_groups_count_only_the_state_that_speaks_for_them(table: Table) -> None:
    sponsors = table("unga_sponsorship").set_index(["symbol", "iso3"])
    # A/RES/78/62: Kazakhstan on behalf of the Bureau of the Disarmament Commission.
    assert bool(sponsors.loc[("A/RES/78/62", "KAZ"), "on_behalf"])
    kaz = table("unga_sponsorship").query("iso3 == 'KAZ'")
    assert int(kaz["on_behalf"].sum()) == 1
    # Groups are never sponsors: China is not counted from 'the Group of 77 and China' (A/RES/76/128: Guinea).
    assert bool(sponsors.loc[("A/RES/76/128", "GIN"), "on_behalf"])
    assert ("A/RES/76/128", "CHN") not in sponsors.index


def test_yearly_sponsorship_counts_every_member_in_every_year(raw_dir: Path, table: Table) -> None:
    yearly = table("unga_sponsorship_yearly")
    members = set(raw_csv(raw_dir, DGACM + "unga_votes_long_2021_2026.csv.gz", usecols=["ms_code"])["ms_code"])
    assert len(members) == 193
    assert set(yearly.loc[yearly["un_member"], "iso3"]) == members
    assert set(yearly.loc[~yearly["un_member"], "iso3"]) == {"PSE"}  # the Holy See sponsored nothing here
    assert len(yearly) == 194 * 8 and sorted(yearly["year"].unique()) == list(range(2019, 2027))
    counted = table("unga_sponsorship").groupby(["iso3", "year"]).size()
    indexed = yearly.set_index(["iso3", "year"])["n_sponsored"]
    assert (indexed[counted.index] == counted).all()
    assert int(indexed.drop(counted.index).sum()) == 0
    assert (yearly["n_sponsored"] == yearly["n_main"] + yearly["n_additional"]).all()
    assert indexed[("BEN", 2025)] == 0  # a member without a sponsorship that year still has its row
    median_2025 = yearly[yearly["un_member"] & (yearly["year"] == 2025)]["n_sponsored"].median()
    assert median_2025 < indexed[("KAZ", 2025)]


# --------------------------------------------------------------------------------------------------
# UN General Debate speeches
# --------------------------------------------------------------------------------------------------
def test_speeches_cover_the_years_the_verification_states(raw_dir: Path, table: Table) -> None:
    speeches = table("unga_speeches")
    years = speeches.groupby("iso3")["year"].agg(set)
    assert years["KAZ"] == set(range(1992, 2026))
    for iso3 in ("KGZ", "TJK", "RUS"):
        assert years[iso3] == set(range(1992, 2026)), iso3
    assert years["CHN"] == years["USA"] == set(range(1992, 2025))
    assert set(range(1992, 2025)) - years["UZB"] == {1995, 2000, 2010, 2015, 2019} and 2025 in years["UZB"]
    assert set(range(1992, 2025)) - years["TKM"] == {1992, 1994, 2003, 2010} and 2025 not in years["TKM"]
    counts = raw_csv(raw_dir, SPEECHES + "speech_word_counts.csv")
    assert len(speeches) == len(counts) == 260
    assert (speeches["session"] == speeches["year"] - 1945).all()
    assert set(speeches.loc[speeches["raw_pdf_text"], "year"]) == {2025}
    assert (speeches["source"] == speeches["raw_pdf_text"].map({True: "UNGA80 statement (PDF text)",
                                                                False: "UNGDC V13"})).all()
    assert speeches.loc[speeches["language"] == "ru", ["iso3", "year"]].values.tolist() == [["RUS", 2025]]


def test_corpus_speeches_are_kept_as_is_with_their_word_counts(raw_dir: Path, table: Table) -> None:
    speeches = table("unga_speeches")
    corpus = speeches[~speeches["raw_pdf_text"]].set_index(["iso3", "year"])
    raw = raw_csv(raw_dir, SPEECHES + "ungdc_speeches_kaz_and_comparison_1992_2024.csv.gz").set_index(["iso3", "year"])
    assert len(corpus) == len(raw) == 255
    keys = list(corpus.index)
    assert (corpus["text"].to_numpy() == raw.loc[keys, "text"].to_numpy()).all(), "corpus texts are never changed"
    counts = raw_csv(raw_dir, SPEECHES + "speech_word_counts.csv").set_index(["iso3", "year"])
    assert (corpus["words"].to_numpy() == counts.loc[keys, "n_words"].to_numpy()).all()
    for column in ("speaker", "post"):
        theirs = counts.loc[keys, column].fillna("").to_numpy()
        assert (corpus[column].fillna("").to_numpy() == theirs).all(), column
    kaz = corpus.loc["KAZ", "words"]
    assert [kaz[y] for y in (1992, 1993, 2001, 2019, 2024)] == [3085, 2674, 1440, 1896, 1505]  # PROVENANCE.md
    assert pd.isna(corpus.loc[("KAZ", 1993), "post"])  # blank in the corpus's speaker list
    assert corpus.loc[("KAZ", 2019), "speaker"] == "Mr. Kassym-Jomart Tokayev"


def test_2025_statements_are_cleaned_only_as_documented(raw_dir: Path, table: Table) -> None:
    speeches = table("unga_speeches")
    pdf = speeches[speeches["raw_pdf_text"]].set_index("iso3")
    raw = raw_csv(raw_dir, SPEECHES + "unga80_2025_statements_kaz_uzb_kgz_tjk_rus.csv").set_index("iso3")
    assert sorted(pdf.index) == sorted(raw.index) == ["KAZ", "KGZ", "RUS", "TJK", "UZB"]
    assert raw.loc["KAZ", "n_words"] == 2519  # PROVENANCE.md: inflated by page numbers and broken words
    for iso3 in pdf.index:
        text = pdf.loc[iso3, "text"]
        assert "\n" not in text and "  " not in text and text == text.strip(), iso3
        assert pdf.loc[iso3, "words"] == len(text.split()) < raw.loc[iso3, "n_words"], iso3
        # Only whitespace, page numbers and hyphen spacing change: the letters are those of the raw text.
        letters = [c for c in raw.loc[iso3, "text"] if c.isalpha()]
        assert [c for c in text if c.isalpha()] == letters, iso3
    kaz = pdf.loc["KAZ", "text"]
    # Page 15 ends inside 'April 22': the page number goes, the date stays.
    assert "proclaiming April 22 as the International Day of Greening the Planet" in kaz
    assert "nuclear non-proliferation" in kaz and "non -" not in kaz and "Secretary-General" in kaz
    assert "U nited Nations" in kaz  # words broken elsewhere are not repaired (documented)
    kgz = pdf.loc["KGZ", "text"]
    assert "2 Today" not in kgz and "capacity. Today, Kyrgyzstan" in kgz  # page 2's number began that line
    for iso3, surname in (("KAZ", "Tokayev"), ("UZB", "MIRZIYOYEV"), ("KGZ", "Zhaparov"), ("RUS", "Лаврова")):
        assert surname in raw.loc[iso3, "text"][:400], iso3
        assert pdf.loc[iso3, "speaker"].split()[-1].lower()[:5] in {"tokay", "mirzi", "zhapa", "lavro"}
    assert pd.isna(pdf.loc["TJK", "speaker"]) and pd.isna(pdf.loc["RUS", "post"])
    assert pdf.loc["KAZ", "post"] == "President"


# --------------------------------------------------------------------------------------------------
# Failures are clear
# --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("missing", [
    VOETEN + "unga_roll_calls_1992_2020.csv",  # read first
    "kz-diplomatic-events/events.csv",  # read last
])
def test_missing_raw_file_is_named(raw_dir: Path, tmp_path: Path, missing: str) -> None:
    partial = tmp_path / "raw"
    linked = 0
    for path in raw_dir.rglob("*"):
        relative = path.relative_to(raw_dir)
        if path.is_file() and relative.as_posix() != missing:
            target = partial / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(path)
            linked += 1
    assert linked > 20 and not (partial / missing).exists()
    with pytest.raises(FileNotFoundError) as caught:
        build_data.build_all(partial)
    assert str(partial / missing) in str(caught.value)
    assert "Raw file not found" in str(caught.value)


def test_main_without_raw_folder_returns_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nowhere, out = tmp_path / "nonexistent", tmp_path / "out"
    assert build_data.main(["--raw", str(nowhere), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert "Raw data folder not found" in captured.err and str(nowhere) in captured.err
    assert captured.out == ""
    assert not out.exists()


def test_main_with_a_raw_file_missing_names_it_and_returns_2(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    empty, out = tmp_path / "empty", tmp_path / "out"
    empty.mkdir()
    assert build_data.main(["--raw", str(empty), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert f"Raw file not found: {empty / VOETEN}" in captured.err and "Pass --raw DIR" in captured.err
    assert captured.out == "" and not out.exists()


# --------------------------------------------------------------------------------------------------
# The build's own code (no raw files needed)
# --------------------------------------------------------------------------------------------------
BUILD_MODULES = sorted(f"{build_data.__name__}.{m.name}" for m in pkgutil.iter_modules(build_data.__path__)
                       if m.name != "__main__")


def test_build_is_split_by_source() -> None:
    assert {name.rsplit(".", 1)[1] for name in BUILD_MODULES} == {
        "arms", "descriptor", "events", "investment", "macro", "metadata", "rawfiles", "speeches", "sponsorship",
        "trade", "unga"}
    for name in BUILD_MODULES:
        assert (import_module(name).__doc__ or "").strip(), f"{name} has no module docstring"


@pytest.mark.parametrize("name", BUILD_MODULES)
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(import_module(name))
    assert result.failed == 0


def test_conform_orders_columns_as_the_schema_and_rejects_others() -> None:
    schema = build_data.load_tables()["fdi_net_inflow_quarterly"]
    frame = pd.DataFrame({"fdi_net_inflow_usd_mn": [1.5], "date_label": ["2005-04-01"]})
    assert list(build_data.conform(frame, schema).columns) == ["date_label", "fdi_net_inflow_usd_mn"]
    with pytest.raises(RuntimeError, match="differ from the schema"):
        build_data.conform(frame.assign(extra=1), schema)
    from betweenpowers.data import DataError
    with pytest.raises(DataError, match="empty values"):
        build_data.conform(frame.assign(date_label=[None]), schema)



def test_sponsor_alias_table_is_well_formed_and_maps_the_misspellings() -> None:
    from betweenpowers_tools.build_data.sponsorship import ALIASES_FILE, read_aliases

    aliases = read_aliases()
    assert ALIASES_FILE.parent == Path(build_data.__file__).parent
    assert set(aliases["kind"]) == {"state", "not_a_sponsor"}
    mapped = aliases.set_index("name")["iso3"]
    assert {name: mapped[name] for name in ("GE RMANY", "NAMBIA", "CZECHI A", "IR ELAND", "TÜRKİYE", "TURKEY",
                                            "DEMOCRATIC PEOPLE’S REPUBLIC OF KOREA", "GUINEA BISSAU",
                                            "UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND", "NORTHERN IRELAND",
                                            "STATE OF PALESTINE", "HOLY SEE")} == {
        "GE RMANY": "DEU", "NAMBIA": "NAM", "CZECHI A": "CZE", "IR ELAND": "IRL", "TÜRKİYE": "TUR", "TURKEY": "TUR",
        "DEMOCRATIC PEOPLE’S REPUBLIC OF KOREA": "PRK", "GUINEA BISSAU": "GNB",
        "UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND": "GBR", "NORTHERN IRELAND": "GBR",
        "STATE OF PALESTINE": "PSE", "HOLY SEE": "VAT"}
    assert set(aliases.loc[aliases["kind"] == "not_a_sponsor", "name"]) == {
        "ISLANDS", "THE AMENDMENT WAS REJECTED BY THE ASSEMBLY", "ANNEX: STAFFING TABLE FOR 2025: P. 11-12"}


@pytest.mark.parametrize(("row", "message"), [
    ("GE RMANY,DEU,spelling,broken word", "unknown kind"),
    ("GE RMANY,,state,broken word", "ISO3"),
    ("ISLANDS,SLB,not_a_sponsor,fragment", "ISO3"),
    ("GE RMANY,DEU,state,", "no note"),
    ("Ge Rmany,DEU,state,broken word", "normalise"),
])
def test_sponsor_alias_table_errors_are_named(tmp_path: Path, row: str, message: str) -> None:
    from betweenpowers_tools.build_data.sponsorship import read_aliases

    path = tmp_path / "aliases.csv"
    path.write_text(f"name,iso3,kind,note\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message) as caught:
        read_aliases(path)
    assert str(path) in str(caught.value)


def test_sponsor_entries_are_read_by_the_documented_rules() -> None:
    from betweenpowers_tools.build_data.sponsorship import entry_sponsors, read_aliases, vocabulary

    members = {"AUSTRALIA": "AUS", "KAZAKHSTAN": "KAZ", "NIGERIA": "NGA", "TÜRKIYE": "TUR", "CHINA": "CHN",
               "GUINEA": "GIN", "GUINEA-BISSAU": "GNB", "REPUBLIC OF KOREA": "KOR", "UNITED KINGDOM": "GBR",
               "IRELAND": "IRL", "AUSTRIA": "AUT", "EGYPT": "EGY", "CUBA": "CUB", "RUSSIAN FEDERATION": "RUS"}
    vocab = vocabulary(members, read_aliases())
    assert entry_sponsors("KAZAKHSTAN", vocab) == [("KAZ", False)]
    # Only the state before the clause speaks for the group; the others sponsor for themselves.
    assert entry_sponsors("Australia, Kazakhstan, Nigeria (on behalf of the States Members of the United Nations "
                          "that are members of the Group of African States) and Türkiye", vocab) == [
        ("AUS", False), ("KAZ", False), ("NGA", True), ("TUR", False)]
    assert entry_sponsors("Cuba (on behalf of the Movement of Non-Aligned Countries) and Russian Federation",
                          vocab) == [("CUB", True), ("RUS", False)]
    assert entry_sponsors("GUINEA, ON BEHALF OF THE STATES MEMBERS OF THE UNITED NATIONS THAT ARE MEMBERS OF THE "
                          "GROUP OF 77 AND CHINA", vocab) == [("GIN", True)]
    assert entry_sponsors("the representative of Austria, on behalf of the Bureau", vocab) == [("AUT", True)]
    assert entry_sponsors("EGYPT (IN ITS CAPACITY AS CHAIR OF THE COMMITTEE ON THE PEACEFUL USES OF OUTER SPACE)",
                          vocab) == [("EGY", True)]
    # Officers' drafts and their continuations name no sponsor, though they name the officer's country.
    assert entry_sponsors("submitted by the Vice-Chair of the Committee, Jenni Mikkola (Finland) and on the basis "
                          "of informal consultations on draft resolution", vocab) == []
    assert entry_sponsors("AHMED MAGDY (EGYPT) AND ON THE BASIS OF INFORMAL CONSULTATIONS ON DRAFT RESOLUTION",
                          vocab) == []
    # Longer names first: the DPRK, Guinea-Bissau and the United Kingdom's full name are not read as shorter ones.
    assert entry_sponsors("DEMOCRATIC PEOPLE’S REPUBLIC OF KOREA", vocab) == [("PRK", False)]
    assert entry_sponsors("GUINEA BISSAU", vocab) == [("GNB", False)]
    assert entry_sponsors("THE UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND", vocab) == [("GBR", False)]
    assert entry_sponsors("TÜRKİYE", vocab) == [("TUR", False)]  # I + combining dot above, as in the source
    assert entry_sponsors("ISLANDS", vocab) == entry_sponsors("", vocab) == []
    with pytest.raises(ValueError, match="names no state the build knows: add it to sponsor_aliases.csv"):
        entry_sponsors("ATLANTIS", vocab)
    with pytest.raises(ValueError, match="'ATLANTIS' is neither a state name nor a filler word"):
        entry_sponsors("Kazakhstan and Atlantis", vocab)


def test_pdf_text_cleaning_rules() -> None:
    from betweenpowers_tools.build_data.speeches import clean_pdf_text, drop_page_numbers

    assert drop_page_numbers("Heading\n2 \nText\n3 More text\n5 not a page") == "Heading\nText\nMore text\n5 not a page"
    assert drop_page_numbers("10 candidates\n1 \nx") == "10 candidates\nx"  # a sequence starts at 1 or 2
    assert clean_pdf_text("peace -\nmaker, bridge -builder ; long-\nterm") == "peace-maker, bridge-builder; long-term"
    assert clean_pdf_text("Central Asia - \nnew ways – and more") == "Central Asia - new ways – and more"
    assert clean_pdf_text("Thank you !\n ") == "Thank you!"
