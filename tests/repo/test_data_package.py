"""data/datapackage.json is a valid Frictionless Data Package that describes every file in data/ exactly.

No raw files are needed: these tests check the committed folder only.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
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
    assert len(NAMES) == len(set(NAMES)) == 15
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
