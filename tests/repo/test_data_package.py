"""data/datapackage.json is a valid Frictionless Data Package that describes every file in data/ exactly, and it is what
the hand-edited src/betweenpowers_tools/build_data/datapackage.yaml says.

No raw files are needed: these tests check the committed folder and the metadata file only.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from support import ROOT

DATA = ROOT / "data"
DESCRIPTOR = DATA / "datapackage.json"
ALLOWED_EXTRA = {"datapackage.json", "README.md"}


def _resources() -> list[dict]:
    return json.loads(DESCRIPTOR.read_text(encoding="utf-8"))["resources"]


RESOURCES = _resources()
NAMES = [r["name"] for r in RESOURCES]


def _records(path: Path) -> list[list[str]]:
    """The CSV as records (quoted fields may hold commas or line breaks)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_frictionless_validation_passes() -> None:
    from frictionless import Package

    report = Package(str(DESCRIPTOR)).validate()
    problems = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    problems += [error.message for error in report.errors]
    assert report.valid, problems[:10]
    assert len(report.tasks) == len(RESOURCES)


def test_resource_names_are_unique_and_match_paths() -> None:
    assert len(NAMES) == len(set(NAMES)) == 20
    assert [r["path"] for r in RESOURCES] == [f"{name}.csv" for name in NAMES]


@pytest.mark.parametrize("entry", RESOURCES, ids=NAMES)
def test_resource_metadata_is_complete(entry: dict) -> None:
    for key in ("title", "description", "derivation"):
        assert isinstance(entry.get(key), str) and len(entry[key].strip()) > 20, key
    assert entry["sources"], "no source"
    for source in entry["sources"]:
        assert source.get("title", "").strip() and source.get("citation", "").strip(), source
        assert "path" not in source or source["path"].strip(), f"an empty path: leave it out instead ({source})"
    assert entry["licenses"], "no licence"
    for licence in entry["licenses"]:
        assert licence.get("name", "").strip() and licence.get("title", "").strip(), licence
    assert (entry["format"], entry["mediatype"], entry["encoding"]) == ("csv", "text/csv", "utf-8")


@pytest.mark.parametrize("entry", RESOURCES, ids=NAMES)
def test_schema_matches_csv(entry: dict) -> None:
    records = _records(DATA / entry["path"])
    fields = entry["schema"]["fields"]
    names = [f["name"] for f in fields]
    assert records[0] == names
    assert len(records) - 1 == entry["rows"]
    assert all(len(record) == len(names) for record in records[1:])
    assert {f["type"] for f in fields} <= {"string", "integer", "number", "boolean", "date"}
    assert all(f.get("description", "").strip() for f in fields)
    assert set(entry["schema"].get("primaryKey", [])) <= set(names)
    assert entry["schema"]["primaryKey"], "every table has a primary key"


@pytest.mark.parametrize("entry", RESOURCES, ids=NAMES)
def test_hash_and_bytes_match_file(entry: dict) -> None:
    content = (DATA / entry["path"]).read_bytes()
    assert entry["bytes"] == len(content)
    assert entry["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
    assert b"\r\n" not in content
    content.decode("utf-8")  # raises if not UTF-8


def test_every_file_in_data_is_described() -> None:
    files = {p.name for p in DATA.iterdir()}
    described = {r["path"] for r in RESOURCES}
    assert described <= files, f"described but missing: {sorted(described - files)}"
    stray = files - described - ALLOWED_EXTRA
    assert not stray, f"files in data/ that datapackage.json does not describe: {sorted(stray)}"


def test_readme_mentions_every_table() -> None:
    readme = DATA / "README.md"
    assert readme.is_file(), "data/README.md is missing"
    text = readme.read_text(encoding="utf-8")
    missing = [name for name in NAMES if name not in text]
    assert not missing, f"data/README.md does not mention: {missing}"


# --------------------------------------------------------------------------------------------------
# datapackage.yaml: the hand-edited source of datapackage.json
# --------------------------------------------------------------------------------------------------
def _csv_rows(path: Path) -> int:
    return len(_records(path)) - 1


def test_descriptor_is_what_datapackage_yaml_and_the_files_give() -> None:
    """datapackage.json = datapackage.yaml + each file's bytes, sha256 and rows: no edit of one without the other."""
    from betweenpowers_tools.build_data import descriptor
    from betweenpowers_tools.build_data.metadata import load_metadata

    metadata = load_metadata()
    resources = []
    for table in metadata.tables.values():
        path = DATA / table.path
        resources.append(descriptor.resource_descriptor(table, path.read_bytes(), _csv_rows(path)))
    expected = descriptor.package_descriptor(metadata.package, resources)
    assert json.loads(DESCRIPTOR.read_text(encoding="utf-8")) == expected, (
        "data/datapackage.json differs from src/betweenpowers_tools/build_data/datapackage.yaml: rebuild with "
        "`python -m betweenpowers_tools.build_data`")
    assert DESCRIPTOR.read_text(encoding="utf-8") == descriptor.descriptor_text(expected)


class _TagKeepingLoader(yaml.SafeLoader):
    """Loads datapackage.yaml keeping each ``!code`` reference as ("!code", reference) instead of its values."""


_TagKeepingLoader.add_constructor("!code", lambda loader, node: ("!code", loader.construct_scalar(node)))

#: Lists of allowed values that the student package defines: the YAML must name them with !code, never copy them.
CODE_ENUMS = (
    "betweenpowers.measures.votes.VOTE_VALUES",
    "betweenpowers.measures.votes.MAIN_SERIES_SOURCES",
    "betweenpowers.vectors.AGREEMENT_PARTNERS",
    "betweenpowers.vectors.TRADE_VECTORS",
    "betweenpowers.measures.ideal_points.VINTAGES",
    "betweenpowers.measures.trade.VIEWS",
    "betweenpowers.measures.events.CATEGORIES",
    "betweenpowers.measures.events.MODES",
    "betweenpowers.measures.events.VECTORS",
)


def _yaml_enums() -> list[tuple[str, str, object]]:
    from betweenpowers_tools.build_data.metadata import METADATA_FILE

    document = yaml.load(METADATA_FILE.read_text(encoding="utf-8"), Loader=_TagKeepingLoader)
    return [(name, field["name"], field["constraints"]["enum"]) for name, table in document["tables"].items()
            for field in table["fields"] if "enum" in field.get("constraints", {})]


def test_enum_lists_from_code_are_named_not_copied() -> None:
    from betweenpowers_tools.build_data.metadata import code_values

    enums = _yaml_enums()
    named = {value[1] for _, _, value in enums if isinstance(value, tuple)}
    assert named == set(CODE_ENUMS), "every list of values the package defines is named with !code, and no other"
    copies = [(table, field) for table, field, value in enums if isinstance(value, list)
              for reference in CODE_ENUMS if set(value) == set(code_values(reference))]
    assert not copies, f"these enums copy a list the code defines (use !code): {copies}"


def test_enums_named_with_code_are_written_out_in_the_descriptor() -> None:
    from betweenpowers.measures.votes import VOTE_VALUES
    from betweenpowers.vectors import AGREEMENT_PARTNERS, TRADE_VECTORS

    fields = {(entry["name"], f["name"]): f for entry in RESOURCES for f in entry["schema"]["fields"]}
    assert fields[("unga_votes", "vote")]["constraints"]["enum"] == list(VOTE_VALUES)
    assert fields[("unga_agreement_yearly", "partner")]["constraints"]["enum"] == list(AGREEMENT_PARTNERS)
    assert fields[("trade_dots", "vector")]["constraints"]["enum"] == list(TRADE_VECTORS)
    assert fields[("arms_transfers_sipri", "vector")]["constraints"]["enum"] == list(TRADE_VECTORS)
    # The page-read Ukraine votes add one value to the vote vocabulary.
    ukraine = fields[("unga_key_votes_ukraine", "vote")]["constraints"]["enum"]
    assert ukraine == [*VOTE_VALUES, "not_no"]


def _document() -> dict:
    from betweenpowers_tools.build_data.metadata import read_document

    return read_document()


def _broken(change: Callable[[dict], None]) -> dict:
    document = _document()
    change(document)
    return document


def _set(path: tuple, value: object) -> Callable[[dict], None]:
    def change(document: dict) -> None:
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _pop(path: tuple) -> Callable[[dict], None]:
    def change(document: dict) -> None:
        target = document
        for key in path[:-1]:
            target = target[key]
        target.pop(path[-1])
    return change


@pytest.mark.parametrize(("change", "message"), [
    (_set(("tables", "unga_votes", "sources"), ["voeten_votes", "nowhere"]), "not defined"),
    (_set(("licenses", "spare"), {"name": "x", "title": "A licence no table uses"}), "used by no table"),
    (_set(("tables", "unga_votes", "title"), " "), "title is empty"),
    (_set(("tables", "unga_votes", "primary_key"), ["vote_id", "country"]), "primary_key"),
    (_set(("tables", "unga_votes", "fields", 0, "type"), "text"), "type 'text'"),
    (_set(("tables", "unga_votes", "fields", 0, "constraints"), {"required": True, "maximum": 3}),
     "unknown constraints"),
    (_set(("tables", "unga_votes", "fields", 2, "constraints"), {"enum": [True, False, "abstain"]}),
     "quote yes and no"),
    (_set(("tables", "unga_votes", "fields", 1, "name"), "vote_id"), "repeated field names"),
    (_set(("tables", "unga_votes", "colour"), "blue"), "unknown keys"),
    (_pop(("sources", "sipri", "credit")), "missing keys"),
    (_set(("sources", "sipri", "path"), " "), "path is empty"),
    (_set(("package", "licenses"), []), "package: licenses"),
])
def test_metadata_errors_are_named(change: Callable[[dict], None], message: str) -> None:
    from betweenpowers_tools.build_data.metadata import MetadataError, parse_metadata

    parse_metadata(_document())  # the real file passes
    with pytest.raises(MetadataError, match=message):
        parse_metadata(_broken(change))


@pytest.mark.parametrize(("reference", "message"), [
    ("os.sep", "only constants of the package"),
    ("betweenpowers.vectors.NO_SUCH_LIST", "no such constant"),
    ("betweenpowers.vectors.EU27", "tuple, list or dict"),
])
def test_code_references_are_checked(tmp_path: Path, reference: str, message: str) -> None:
    from betweenpowers_tools.build_data.metadata import METADATA_FILE, MetadataError, read_metadata

    text = METADATA_FILE.read_text(encoding="utf-8").replace(
        "!code betweenpowers.measures.votes.VOTE_VALUES", f"!code {reference}", 1)
    broken = tmp_path / "datapackage.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(MetadataError, match=message) as caught:
        read_metadata(broken)
    assert str(broken) in str(caught.value)


# --------------------------------------------------------------------------------------------------
# Sources: the pages cited, never the article under test
# --------------------------------------------------------------------------------------------------
#: The article the series tests (its claims are what the tables check, so it is never a table's source).
ARTICLE_HOST = "timesca.com"


def _columns(entry: dict) -> list[str]:
    return [f["name"] for f in entry["schema"]["fields"]]


def test_no_source_links_the_article_under_test() -> None:
    for entry in RESOURCES:
        for source in entry["sources"]:
            assert ARTICLE_HOST not in json.dumps(source), f"{entry['name']}: source {source['name']} names the article"


@pytest.mark.parametrize("name", ["diplomatic_events", "trade_page_figures", "fdi_page_figures",
                                  "unga_key_votes_ukraine"])
def test_tables_that_cite_a_page_per_row_say_so_instead_of_one_link(name: str) -> None:
    entry = next(r for r in RESOURCES if r["name"] == name)
    assert "source_url" in _columns(entry)
    compiled = [s for s in entry["sources"] if s["name"] in ("events", "pages")]
    assert compiled, f"{name} has no source for its page-read rows"
    for source in compiled:
        assert "path" not in source, f"{name}: no single page is the source of {source['name']}"
        assert "source_url" in source["citation"] and "no single source page" in source["citation"]


# --------------------------------------------------------------------------------------------------
# What the descriptor and data/README.md say about a table agrees with its rows
# --------------------------------------------------------------------------------------------------
def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _readme_years(table: str) -> str:
    row = next(line for line in (DATA / "README.md").read_text(encoding="utf-8").splitlines()
               if line.startswith(f"| `{table}` |"))
    return row.rstrip(" |").rsplit("|", 1)[1].strip()


def test_key_votes_years_in_title_and_readme_are_those_of_the_rows() -> None:
    years = sorted({row["date"][:4] for row in _rows("unga_key_votes_ukraine")})
    entry = next(r for r in RESOURCES if r["name"] == "unga_key_votes_ukraine")
    assert entry["title"].endswith(f"{years[0]}-{years[-1]}")
    assert _readme_years("unga_key_votes_ukraine") == f"{years[0]}–{years[-1]}"


def test_month_precision_years_are_the_ones_the_caveats_name() -> None:
    rows = _rows("unga_roll_calls")
    month = sorted({int(r["year"]) for r in rows if r["date_precision"] == "month"})
    assert month == list(range(month[0], month[-1] + 1)) and {r["source"] for r in rows
                                                             if r["date_precision"] == "month"} == {"voeten"}
    span = f"{month[0]}-{month[-1]}"
    entry = next(r for r in RESOURCES if r["name"] == "unga_roll_calls")
    assert span in entry["description"] and span in entry["derivation"]
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert f"Dates of {month[0]}–{month[-1]} in Voeten's roll calls" in readme


#: Where a lesson, an answer key or a document could state a date.
TEXT_FOLDERS = ("notebooks", "solutions", "exercises", "docs")


def _texts() -> dict[str, str]:
    """Every notebook's sources and text outputs, and every document, by path."""
    import nbformat

    texts = {}
    for folder in TEXT_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix == ".ipynb":
                notebook = nbformat.read(path, as_version=4)
                parts = [cell.source for cell in notebook.cells]
                for cell in notebook.cells:
                    for output in cell.get("outputs", []):
                        parts.append(str(output.get("text", "")))
                        parts.append(str(output.get("data", {}).get("text/plain", "")))
                        parts.append(str(output.get("data", {}).get("text/html", "")))
                texts[str(path.relative_to(ROOT))] = "\n".join(parts)
            elif path.suffix == ".md":
                texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    texts["data/README.md"] = (DATA / "README.md").read_text(encoding="utf-8")
    return texts


def test_no_lesson_or_document_shows_a_roll_call_day_that_the_data_mark_unreliable() -> None:
    """Voeten's days of 1992-2002 are wrong (date_precision 'month'): nothing may show one as a fact. Dates that
    are also the date of a diplomatic event (cited on its own page) are allowed."""
    from datetime import date

    event_dates = {row["date"] for row in _rows("diplomatic_events")}
    unreliable = {r["date"]: r["symbol"] for r in _rows("unga_roll_calls")
                  if r["date_precision"] == "month" and r["date"] not in event_dates}
    assert unreliable
    shown = []
    for path, text in _texts().items():
        for iso, symbol in unreliable.items():
            day = date.fromisoformat(iso)
            for written in (iso, f"{day.day} {day:%B %Y}", f"{day:%B} {day.day}, {day.year}"):
                if written in text:
                    shown.append((path, written, symbol))
    assert not shown, f"unreliable roll-call days shown as dates: {shown[:10]}"


# --------------------------------------------------------------------------------------------------
# Statements of the answer keys and lessons that the tables decide
# --------------------------------------------------------------------------------------------------
def _cells(path: str, tag: str | None = None) -> list[str]:
    import nbformat

    notebook = nbformat.read(ROOT / path, as_version=4)
    return [c.source for c in notebook.cells if tag is None or tag in c.get("metadata", {}).get("tags", [])]


def _trade(view: str, partner: str, year: int) -> float:
    return sum(float(r["value_usd_mn"]) for r in _rows("trade_dots")
               if r["view"] == view and r["partner_iso3"] == partner and int(r["year"]) == year)


def test_uzbekistan_trade_growth_in_the_06_model_answer_is_the_data_s_for_each_side() -> None:
    growth = {view: round(100 * (_trade(view, "UZB", 2020) / _trade(view, "UZB", 2016) - 1))
              for view in ("reported", "mirror")}
    assert growth == {"reported": 93, "mirror": 58}
    model = next(text for text in _cells("solutions/06_neighbours_corridors.ipynb", "solution") if "(06.7)" in text)
    assert f"+{growth['reported']}%" in model and f"about {growth['mirror']}%" in model
    assert "(and in Uzbekistan's)" not in model
    answer = next(text for text in _cells("solutions/06_neighbours_corridors.ipynb") if "answer_06_7 = (" in text)
    assert f"+{growth['reported']}%" in answer and f"about {growth['mirror']}%" in answer


def test_eu_figures_after_2020_in_the_02_model_answer_are_the_bns_sums_of_the_eu27() -> None:
    from betweenpowers.vectors import EU27

    bns = _rows("trade_bns")
    eu = {}
    for row in bns:
        if row["partner_iso3"] in EU27:
            eu[int(row["year"])] = eu.get(int(row["year"]), 0.0) + float(row["value_usd_mn"]) / 1000
    assert sorted(eu) == list(range(2020, 2026))
    model = next(text for text in _cells("solutions/02_trade_vectors.ipynb", "solution") if "(02.7)" in text)
    assert "No EU figure" not in model and "not testable against the EU" not in model
    for year, value in eu.items():
        assert f"{value:.2f}" in model, f"the EU-27's {year} total ({value:.2f} billion US$) is missing"
    pages = [r for r in _rows("trade_page_figures") if r["partner_code"] == "EU27" and r["period"] == "2025-01..09"]
    assert len(pages) == 1 and pages[0]["reporter_side"] == "Kazakh statistics"
    assert f"{float(pages[0]['value_usd_bn']):.1f} billion for EU trade in January–September 2025" in model


def test_capstone_does_not_put_the_spelled_out_tripp_name_in_tokayev_s_mouth() -> None:
    """The cited page (Anadolu Agency) says Tokayev backed the TRIPP project; the spelled-out name is the agency's."""
    import re

    texts = _cells("notebooks/08_capstone.ipynb") + _cells("solutions/08_capstone.ipynb")
    sentences = [s for text in texts for s in re.split(r"(?<=[.;])\s", text) if "Tokayev" in s and "TRIPP" in s
                 or "Tokayev" in s and "Trump Route" in s]
    assert sentences, "the capstone no longer discusses Tokayev and TRIPP: update this test"
    for sentence in sentences:
        assert not re.search(r"Tokayev\b[^.;]*\b(used|uses|called|named)\b", sentence), sentence
        assert "aa.com.tr" not in sentence or "backed" in sentence, sentence
