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
    assert len(NAMES) == len(set(NAMES)) == 16
    assert [r["path"] for r in RESOURCES] == [f"{name}.csv" for name in NAMES]


@pytest.mark.parametrize("entry", RESOURCES, ids=NAMES)
def test_resource_metadata_is_complete(entry: dict) -> None:
    for key in ("title", "description", "derivation"):
        assert isinstance(entry.get(key), str) and len(entry[key].strip()) > 20, key
    assert entry["sources"], "no source"
    for source in entry["sources"]:
        assert source.get("title", "").strip() and source.get("path", "").strip(), source
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
