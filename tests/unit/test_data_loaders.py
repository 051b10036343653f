"""The loaders of betweenpowers.data: types, copies, clear errors, and no writes to data/."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from support import ROOT

from betweenpowers import data
from betweenpowers.data import DataError

DATA = ROOT / "data"
RESOURCES = {r["name"]: r for r in json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["resources"]}
NAMES = list(RESOURCES)


@pytest.fixture(autouse=True)
def real_data(monkeypatch: pytest.MonkeyPatch):
    """Every test starts on the repository's data/ with empty caches, and leaves empty caches behind."""
    monkeypatch.delenv(data.DATA_DIR_ENV, raising=False)
    data.clear_cache()
    yield
    data.clear_cache()


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Point the loaders at a copy of data/ (datapackage.json plus the tables a test asks for)."""
    folder = tmp_path / "data"
    folder.mkdir()

    def make(*tables: str, descriptor: bool = True) -> Path:
        if descriptor:
            shutil.copy2(DATA / "datapackage.json", folder / "datapackage.json")
        for name in tables:
            shutil.copy2(DATA / f"{name}.csv", folder / f"{name}.csv")
        monkeypatch.setenv(data.DATA_DIR_ENV, str(folder))
        data.clear_cache()
        return folder

    yield make
    data.clear_cache()


# --------------------------------------------------------------------------------------------------
# One loader per table, with the declared types
# --------------------------------------------------------------------------------------------------
EXPECTED_DTYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean", "string": "string"}


def test_table_names_are_the_descriptor_resources() -> None:
    assert data.table_names() == NAMES
    loaders = {n.removeprefix("load_") for n in dir(data) if n.startswith("load_") and n != "load_table"}
    joined = {"trade_by_partner"}  # loaders that join tables (tested below), not tables of their own
    assert loaders - joined == set(NAMES), "every table needs exactly one load_<name> function"
    assert joined <= loaders


@pytest.mark.parametrize("name", NAMES)
def test_loader_returns_typed_frame(name: str) -> None:
    loader = getattr(data, f"load_{name}")
    assert loader.__doc__ and loader.__doc__.strip()
    frame = loader()
    assert isinstance(frame, pd.DataFrame)
    fields = RESOURCES[name]["schema"]["fields"]
    assert list(frame.columns) == [f["name"] for f in fields]
    assert len(frame) == RESOURCES[name]["rows"]
    for f in fields:
        dtype = frame[f["name"]].dtype
        if f["type"] == "date":
            assert pd.api.types.is_datetime64_dtype(dtype), (f["name"], dtype)
            assert frame[f["name"]].notna().any(), f["name"]
        else:
            assert str(dtype) == EXPECTED_DTYPES[f["type"]], (f["name"], dtype)


def test_values_read_as_typed() -> None:
    roll_calls = data.load_unga_roll_calls()
    first = roll_calls.iloc[0]
    assert first["vote_id"] == "V3662"
    assert first["date"] == pd.Timestamp("1992-08-03")
    assert bool(first["in_main_series"])
    undl_2020 = roll_calls[(roll_calls["source"] == "undl") & (roll_calls["year"] == 2020)]
    assert len(undl_2020) == 100 and not undl_2020["in_main_series"].any()
    assert pd.isna(first["amendment"])
    assert first["total_yes"] == 129
    # "NA" is Namibia, not a missing value.
    world = data.load_world_gdp_population()
    assert "NAM" in set(world["iso3"])
    assert world["iso3"].notna().all()


def test_loaders_return_copies() -> None:
    for name in NAMES:
        loader = getattr(data, f"load_{name}")
        reference = loader()
        mutated = loader()
        assert mutated is not reference
        first_column = mutated.columns[0]
        mutated.iloc[0, 0] = mutated.iloc[-1, 0]
        del mutated[mutated.columns[-1]]
        mutated[first_column] = mutated[first_column].iloc[::-1].to_numpy()
        pd.testing.assert_frame_equal(loader(), reference, obj=name)
        pd.testing.assert_frame_equal(data.load_table(name), reference, obj=name)


def test_source_line_credits_each_source_of_the_tables_once() -> None:
    for name in NAMES:
        line = data.source_line(name)
        credits = [source["credit"] for source in RESOURCES[name]["sources"]]
        assert line.startswith("Source: " if len(credits) == 1 else "Sources: ") and "\n" not in line
        assert all(line.count(credit) == 1 for credit in credits), name
    assert data.source_line("trade_dots") == ("Source: IMF Direction of Trade Statistics (DOTS), annual, vintage of "
                                              "early 2022.")
    assert data.source_line("trade_dots", note="Own calculation.").endswith("early 2022. Own calculation.")
    shared = data.source_line("unga_votes", "unga_agreement_yearly", note="")
    assert shared.count("Voeten") == 1 and shared.endswith("(2022-2025).")


def test_source_line_picks_sources_by_name_and_says_which_exist() -> None:
    line = data.source_line("macro_kaz_annual", sources=("eia", "wdi"), note="Own coding.")
    assert line == "Sources: World Bank WDI; US EIA (Brent spot price). Own coding."
    with pytest.raises(ValueError, match="have no source nbk; they have wdi, weo, eia, bns"):
        data.source_line("macro_kaz_annual", sources=("nbk",))
    with pytest.raises(ValueError, match="at least one table"):
        data.source_line()


# --------------------------------------------------------------------------------------------------
# Problems raise DataError with a message that says what and where
# --------------------------------------------------------------------------------------------------
def test_missing_csv_names_the_file(data_copy) -> None:
    folder = data_copy()  # datapackage.json only
    with pytest.raises(DataError) as caught:
        data.load_diplomatic_events()
    message = str(caught.value)
    assert str(folder / "diplomatic_events.csv") in message
    assert "missing" in message and "git checkout" in message


def test_changed_csv_fails_the_hash_check(data_copy) -> None:
    folder = data_copy("diplomatic_events", "arms_transfers_sipri")
    path = folder / "diplomatic_events.csv"
    content = path.read_bytes()
    assert b"\nKZ001," in content
    path.write_bytes(content.replace(b"\nKZ001,", b"\nKZ901,", 1))  # same size, one byte changed
    with pytest.raises(DataError) as caught:
        data.load_diplomatic_events()
    message = str(caught.value)
    assert str(path) in message and "sha256" in message and "changed" in message
    assert len(data.load_arms_transfers_sipri()) == RESOURCES["arms_transfers_sipri"]["rows"]  # others still load


def test_missing_descriptor_is_named(data_copy) -> None:
    folder = data_copy("diplomatic_events", descriptor=False)
    with pytest.raises(DataError) as caught:
        data.load_diplomatic_events()
    assert str(folder / "datapackage.json") in str(caught.value)
    with pytest.raises(DataError):
        data.table_names()


def test_loader_validates_schema_after_the_hash(data_copy) -> None:
    """A file whose hash was updated but whose content breaks the schema is still caught on load."""
    folder = data_copy("diplomatic_events")
    path = folder / "diplomatic_events.csv"
    content = path.read_bytes().replace(b",agenda_setting,", b",bandwagoning,", 1)
    path.write_bytes(content)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for entry in descriptor["resources"]:
        if entry["name"] == "diplomatic_events":
            entry["hash"] = "sha256:" + hashlib.sha256(content).hexdigest()
            entry["bytes"] = len(content)
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    data.clear_cache()
    with pytest.raises(DataError) as caught:
        data.load_diplomatic_events()
    message = str(caught.value)
    assert str(path) in message and "'mode'" in message and "bandwagoning" in message


def test_unknown_table_lists_the_tables() -> None:
    with pytest.raises(DataError) as caught:
        data.load_table("unga_vote")
    message = str(caught.value)
    assert "'unga_vote'" in message
    assert all(name in message for name in NAMES)


@pytest.fixture
def events() -> tuple[pd.DataFrame, dict]:
    return data.load_diplomatic_events(), data.resource("diplomatic_events")


def test_validate_accepts_the_real_table(events) -> None:
    frame, entry = events
    assert data.validate(frame, entry, "events") is None


def test_validate_wrong_column_order(events) -> None:
    frame, entry = events
    columns = list(frame.columns)
    columns[1], columns[2] = columns[2], columns[1]
    with pytest.raises(DataError) as caught:
        data.validate(frame[columns], entry, "events")
    message = str(caught.value)
    assert message.startswith("events:") and "differ from the schema" in message
    assert "'date_precision', 'date'" in message  # the order as found is shown


def test_validate_empty_required_value(events) -> None:
    frame, entry = events
    frame.loc[3, "source_url"] = pd.NA
    with pytest.raises(DataError) as caught:
        data.validate(frame, entry, "events")
    assert "'source_url'" in str(caught.value) and "1 empty" in str(caught.value)


def test_validate_enum_violation(events) -> None:
    frame, entry = events
    frame.loc[5, "vector"] = "moon"
    with pytest.raises(DataError) as caught:
        data.validate(frame, entry, "events")
    assert "'vector'" in str(caught.value) and "'moon'" in str(caught.value)


def test_validate_duplicate_primary_key(events) -> None:
    frame, entry = events
    with pytest.raises(DataError) as caught:
        data.validate(pd.concat([frame, frame.iloc[[10]]], ignore_index=True), entry, "events")
    assert "primary key" in str(caught.value) and "event_id" in str(caught.value)


def test_validate_duplicate_compound_primary_key() -> None:
    votes, entry = data.load_unga_votes(), data.resource("unga_votes")
    data.validate(votes, entry, "votes")  # same vote_id for many countries is fine
    doubled = pd.concat([votes, votes.iloc[[0]].assign(vote="no")], ignore_index=True)
    with pytest.raises(DataError) as caught:
        data.validate(doubled, entry, "votes")
    assert "['vote_id', 'iso3']" in str(caught.value)


def test_data_error_renders_without_traceback() -> None:
    error = DataError("Data file x.csv is missing.")
    assert error._render_traceback_() == ["DataError: Data file x.csv is missing."]
    with pytest.raises(DataError) as caught:
        data.load_table("no_such_table")
    lines = caught.value._render_traceback_()
    assert len(lines) == 1 and "\n" not in lines[0]
    assert lines[0].startswith("DataError: There is no table called 'no_such_table'")
    assert "Traceback" not in lines[0]


# --------------------------------------------------------------------------------------------------
# Loading never writes
# --------------------------------------------------------------------------------------------------
def _snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    return {p.name: (p.stat().st_mtime_ns, p.stat().st_size, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.iterdir())}


def test_loading_and_mutating_never_writes_to_data() -> None:
    before = _snapshot(DATA)
    assert "datapackage.json" in before
    for name in NAMES:
        frame = getattr(data, f"load_{name}")()
        frame.iloc[:, 0] = frame.iloc[::-1, 0].to_numpy()
        frame["extra"] = 1
        del frame[frame.columns[-1]]
    data.clear_cache()
    for name in NAMES:
        data.load_table(name)
    assert _snapshot(DATA) == before


# --------------------------------------------------------------------------------------------------
# What the loaders' docstrings and the descriptor say about a table agrees with its rows
# --------------------------------------------------------------------------------------------------
def _years_in(text: str) -> tuple[int, int]:
    """The first 'YYYY-YYYY' span of a text, as two integers."""
    import re

    match = re.search(r"\b((?:19|20)\d\d)-((?:19|20)\d\d)\b", text)
    assert match, f"no year span in {text!r}"
    return int(match[1]), int(match[2])


def test_key_votes_title_and_loader_state_the_years_of_the_rows() -> None:
    key_votes = data.load_unga_key_votes_ukraine()
    years = (key_votes["date"].min().year, key_votes["date"].max().year)
    assert _years_in(RESOURCES["unga_key_votes_ukraine"]["title"]) == years
    assert _years_in(data.load_unga_key_votes_ukraine.__doc__) == years
    last = key_votes["date"].max()
    assert last == pd.Timestamp("2025-02-24")
    assert "24 February 2025" in RESOURCES["unga_key_votes_ukraine"]["description"]
    # The table holds no Kazakh vote of that day; the description says so.
    assert not ((key_votes["date"] == last) & (key_votes["iso3"] == "KAZ")).any()
    assert "Kazakhstan's votes on them were not found" in RESOURCES["unga_key_votes_ukraine"]["description"]


def test_roll_call_dates_of_month_precision_are_stated_in_the_descriptor() -> None:
    roll_calls = data.load_unga_roll_calls()
    month = roll_calls[roll_calls["date_precision"] == "month"]
    span = f"{month['year'].min()}-{month['year'].max()}"
    assert span == "1992-2002" and set(month["source"]) == {"voeten"}
    entry = RESOURCES["unga_roll_calls"]
    assert span in entry["description"] and span in entry["derivation"]
    fields = {f["name"]: f for f in entry["schema"]["fields"]}
    assert fields["date_precision"]["constraints"] == {"required": True, "enum": ["day", "month"]}
    assert "date_precision" in fields["date"]["description"]


def test_voeten_agreement_scores_follow_the_strict_rule_as_the_descriptor_says() -> None:
    """Recomputed by session from unga_votes, Voeten's agree_* equal 'abstention = disagreement' (agreement_identical)
    wherever his file counts as many votes for Kazakhstan as unga_roll_calls does, and never the half rule."""
    from betweenpowers.measures.votes import agreement_by, partner_pairs, score_pairs

    roll_calls = data.load_unga_roll_calls()
    sessions = roll_calls.loc[roll_calls["source"] == "voeten", ["vote_id", "session"]]
    votes = data.load_unga_votes().merge(sessions, on="vote_id")[["vote_id", "iso3", "vote"]]
    partners = {"USA": "agree_usa", "RUS": "agree_rus", "CHN": "agree_chn"}
    pairs = partner_pairs(votes, votes, list(partners)).merge(sessions, on="vote_id")
    scored = agreement_by(score_pairs(pairs), ["iso3", "partner", "session"])
    ours = scored.pivot_table(index=["iso3", "partner", "session"], columns="rule", values="agreement").reset_index()
    voeten = data.load_unga_voeten_agreement()
    theirs = voeten.melt(id_vars=["iso3", "session"], value_vars=list(partners.values()), var_name="column",
                         value_name="voeten")
    theirs["partner"] = theirs["column"].map({v: k for k, v in partners.items()})
    both = ours.merge(theirs, on=["iso3", "partner", "session"]).dropna(subset=["voeten"])
    both = both[both["iso3"] != both["partner"]]

    counted = votes[(votes["iso3"] == "KAZ") & votes["vote"].isin(["yes", "no", "abstain"])]
    n_ours = counted.merge(sessions, on="vote_id").groupby("session").size()
    n_voeten = voeten[voeten["iso3"] == "KAZ"].set_index("session")["n_votes"]
    same_count = [int(s) for s in n_ours.index if s in n_voeten.index and n_ours[s] == n_voeten[s]]
    assert same_count == [48, 49, 50, 68, 70, 73, 74, 75]
    matched = both[both["session"].isin(same_count)]
    assert matched["iso3"].nunique() == 20 and len(matched) > 0.95 * len(same_count) * 19 * 3
    assert ((matched["identical"] - matched["voeten"]).abs() < 5e-5).all()
    assert not ((matched["half"] - matched["voeten"]).abs() < 5e-3).any()

    derivation = RESOURCES["unga_voeten_agreement"]["derivation"]
    assert "abstention = disagreement" in derivation and "assum" not in derivation
    assert "(48-50, 68, 70, 73-75)" in derivation
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    caveat = next(line for line in readme.split("\n* ") if line.startswith("`unga_voeten_agreement`"))
    assert "abstention = disagreement" in caveat and "not stated" not in caveat


def test_sponsorship_and_speech_tables_read_as_typed() -> None:
    """The UN sponsorship and speech tables: what a row is, the flags and the multi-line texts survive the CSV."""
    resolutions = data.load_unga_resolutions()
    assert resolutions["symbol"].is_unique and str(resolutions["recorded_vote"].dtype) == "boolean"
    assert resolutions["session"].isna().sum() == 9  # emergency special sessions ES-10 and ES-11
    sponsorship = data.load_unga_sponsorship()
    assert set(sponsorship["role"]) == {"main", "additional"}
    assert not sponsorship.duplicated(["symbol", "iso3"]).any()
    assert set(sponsorship["symbol"]) <= set(resolutions["symbol"])
    yearly = data.load_unga_sponsorship_yearly()
    assert (yearly["n_sponsored"] == yearly["n_main"] + yearly["n_additional"]).all()
    speeches = data.load_unga_speeches()
    first = speeches[(speeches["iso3"] == "KAZ") & (speeches["year"] == 1992)]["text"].iloc[0]
    assert first.startswith("First, I should \nlike to express")  # the corpus's line breaks are kept
    assert set(speeches.loc[speeches["raw_pdf_text"], "year"]) == {2025}
    for loader in (data.load_unga_resolutions, data.load_unga_sponsorship, data.load_unga_sponsorship_yearly,
                   data.load_unga_speeches):
        assert "one row per" in loader.__doc__, loader.__name__
    assert data.source_line("unga_speeches").count(";") == 1  # the corpus and the 2025 collection
