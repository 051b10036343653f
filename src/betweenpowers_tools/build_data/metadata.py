"""The tables' metadata, read from ``datapackage.yaml`` (next to this module) and checked.

``datapackage.yaml`` is the one place the tables are described: the package header, the licences and sources
(each defined once, named by key) and, for every table, its title, description, derivation, raw folder, sources,
licences, fields and primary key. :func:`load_metadata` reads it into a :class:`Metadata`, with the keys replaced by
the full licence and source entries and every ``!code`` reference replaced by its values; anything malformed raises
:class:`MetadataError` naming the file and the table.

``enum: !code module.NAME`` (see the comment at the top of the YAML file) takes the allowed values of a field from
a constant of the student package :mod:`betweenpowers`: a tuple or list of strings, or a dict whose keys are used.
For example ``enum: !code betweenpowers.measures.votes.VOTE_VALUES`` gives the column ``vote`` of ``unga_votes``
the values yes, no, abstain and absent, and the lessons, the build and the descriptor can never disagree on them.
"""

from __future__ import annotations

import copy
import importlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

#: The hand-edited metadata file.
METADATA_FILE = Path(__file__).with_name("datapackage.yaml")

#: The YAML tag that takes a list of values from the code.
CODE_TAG = "!code"
_CODE_PACKAGE = "betweenpowers"

_TOP_KEYS = ("package", "licenses", "sources", "tables")
_PACKAGE_KEYS = ("name", "title", "description", "licenses")
_LICENCE_KEYS = {"required": ("name", "title"), "optional": ("path",)}
#: A source's keys. ``path`` (a link) is optional, as in the Frictionless spec, for sources that no single page is:
#: tables whose rows each cite their own page.
_SOURCE_KEYS = {"required": ("title", "citation", "credit"), "optional": ("path",)}
_TABLE_KEYS = ("title", "description", "derivation", "raw_folder", "sources", "licenses", "primary_key", "fields")
_FIELD_KEYS = {"required": ("name", "type", "description"), "optional": ("constraints",)}
_FIELD_TYPES = ("string", "integer", "number", "boolean", "date")
_CONSTRAINTS = ("required", "unique", "enum")


class MetadataError(ValueError):
    """``datapackage.yaml`` is malformed: the message says where and what."""


@dataclass(frozen=True)
class Table:
    """One table as ``datapackage.yaml`` describes it, sources and licences written out in full."""

    name: str
    title: str
    description: str
    derivation: str
    raw_folder: str
    sources: tuple[dict[str, str], ...]
    licenses: tuple[dict[str, str], ...]
    fields: tuple[dict[str, Any], ...]
    primary_key: tuple[str, ...]

    @property
    def path(self) -> str:
        """The CSV file's name in ``data/``."""
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        """The column names, in order."""
        return [f["name"] for f in self.fields]

    def schema(self) -> dict[str, Any]:
        """The Frictionless Table Schema: fields, missing values (only the empty cell) and primary key."""
        return {"fields": copy.deepcopy(list(self.fields)), "missingValues": [""], "primaryKey": list(self.primary_key)}


@dataclass(frozen=True)
class Metadata:
    """The package header and the tables, in build order."""

    package: dict[str, Any]
    tables: dict[str, Table]


# --------------------------------------------------------------------------------------------------
# !code references
# --------------------------------------------------------------------------------------------------
def code_values(reference: str) -> list[str]:
    """The values of a constant of the student package, named ``module.NAME`` (a dict gives its keys).

    >>> code_values("betweenpowers.vectors.AGREEMENT_PARTNERS")
    ['USA', 'RUS', 'CHN', 'KAZ']
    """
    module_name, _, name = reference.rpartition(".")
    if module_name != _CODE_PACKAGE and not module_name.startswith(_CODE_PACKAGE + "."):
        raise MetadataError(f"{CODE_TAG} {reference}: only constants of the package {_CODE_PACKAGE!r} can be named")
    try:
        value = getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError) as error:
        raise MetadataError(f"{CODE_TAG} {reference}: no such constant ({error})") from None
    values = list(value) if isinstance(value, (dict, list, tuple)) else []  # a dict gives its keys
    if not values or not all(isinstance(v, str) for v in values):
        raise MetadataError(f"{CODE_TAG} {reference}: not a non-empty tuple, list or dict of strings")
    return values


class _Loader(yaml.SafeLoader):
    """The safe YAML loader, plus the ``!code`` tag."""


def _construct_code(loader: _Loader, node: yaml.Node) -> list[str]:
    return code_values(str(loader.construct_scalar(node)))


_Loader.add_constructor(CODE_TAG, _construct_code)


# --------------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------------
def _check_keys(entry: Any, where: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> None:
    if not isinstance(entry, dict):
        raise MetadataError(f"{where}: expected a mapping, got {type(entry).__name__}")
    missing = [k for k in required if k not in entry]
    unknown = [k for k in entry if k not in required and k not in optional]
    if missing or unknown:
        raise MetadataError(f"{where}: missing keys {missing}, unknown keys {unknown}")
    for key in required:
        value = entry[key]
        if isinstance(value, str) and not value.strip():
            raise MetadataError(f"{where}: {key} is empty")


def _check_field(field: Any, where: str) -> dict[str, Any]:
    _check_keys(field, where, _FIELD_KEYS["required"], _FIELD_KEYS["optional"])
    where = f"{where} ({field['name']})"
    if field["type"] not in _FIELD_TYPES:
        raise MetadataError(f"{where}: type {field['type']!r} is not one of {_FIELD_TYPES}")
    if "constraints" not in field:
        return field
    constraints = field["constraints"]
    if not isinstance(constraints, dict) or not constraints:
        raise MetadataError(f"{where}: constraints must be a non-empty mapping (or be left out)")
    unknown = [k for k in constraints if k not in _CONSTRAINTS]
    if unknown:
        raise MetadataError(f"{where}: unknown constraints {unknown} (allowed: {_CONSTRAINTS})")
    for flag in ("required", "unique"):
        if flag in constraints and not isinstance(constraints[flag], bool):
            raise MetadataError(f"{where}: {flag} must be true or false")
    enum = constraints.get("enum")
    if enum is not None and (not isinstance(enum, list) or not enum or not all(isinstance(v, str) for v in enum)):
        raise MetadataError(f"{where}: enum must be a non-empty list of strings (quote yes and no)")
    return field


def _pick(names: Any, defined: dict[str, dict], kind: str, where: str) -> tuple[dict[str, str], ...]:
    if not isinstance(names, list) or not names:
        raise MetadataError(f"{where}: {kind} must be a non-empty list of keys")
    unknown = [n for n in names if n not in defined]
    if unknown:
        raise MetadataError(f"{where}: {kind} {unknown} are not defined (defined: {sorted(defined)})")
    return tuple(dict(defined[n]) for n in names)


def _named_sources(names: Any, defined: dict[str, dict], where: str) -> tuple[dict[str, str], ...]:
    """A table's sources written out in full, each led by its key as ``name`` (``data.source_line`` can pick by it)."""
    picked = _pick(names, defined, "sources", where)
    return tuple({"name": key, **source} for key, source in zip(names, picked, strict=True))


def _table(name: str, entry: Any, licences: dict, sources: dict) -> Table:
    where = f"table {name}"
    _check_keys(entry, where, _TABLE_KEYS)
    fields = entry["fields"]
    if not isinstance(fields, list) or not fields:
        raise MetadataError(f"{where}: fields must be a non-empty list")
    fields = tuple(_check_field(f, f"{where}, field {i + 1}") for i, f in enumerate(fields))
    columns = [f["name"] for f in fields]
    if len(set(columns)) != len(columns):
        raise MetadataError(f"{where}: repeated field names in {columns}")
    key = entry["primary_key"]
    if not isinstance(key, list) or not key or not set(key) <= set(columns):
        raise MetadataError(f"{where}: primary_key {key} must be a non-empty list of field names")
    return Table(
        name=name, title=entry["title"], description=entry["description"], derivation=entry["derivation"],
        raw_folder=entry["raw_folder"], sources=_named_sources(entry["sources"], sources, where),
        licenses=_pick(entry["licenses"], licences, "licenses", where), fields=fields, primary_key=tuple(key),
    )


def _unused(defined: dict, tables: dict, kind: str) -> None:
    used = {n for entry in tables.values() for n in entry[kind]}
    unused = sorted(set(defined) - used)
    if unused:
        raise MetadataError(f"{kind} defined but used by no table: {unused}")


def parse_metadata(document: Any) -> Metadata:
    """Check a loaded ``datapackage.yaml`` document and resolve its keys; raise :class:`MetadataError`."""
    _check_keys(document, "top level", _TOP_KEYS)
    _check_keys(document["package"], "package", _PACKAGE_KEYS)
    if not isinstance(document["package"]["licenses"], list) or not document["package"]["licenses"]:
        raise MetadataError("package: licenses must be a non-empty list")
    for i, licence in enumerate(document["package"]["licenses"]):
        _check_keys(licence, f"package licence {i + 1}", _LICENCE_KEYS["required"], _LICENCE_KEYS["optional"])
    licences, sources, tables = document["licenses"], document["sources"], document["tables"]
    for kind, entries in (("licenses", licences), ("sources", sources), ("tables", tables)):
        if not isinstance(entries, dict) or not entries:
            raise MetadataError(f"{kind}: expected a non-empty mapping of keys to entries")
    for key, entry in licences.items():
        _check_keys(entry, f"licence {key}", _LICENCE_KEYS["required"], _LICENCE_KEYS["optional"])
    for key, entry in sources.items():
        _check_keys(entry, f"source {key}", _SOURCE_KEYS["required"], _SOURCE_KEYS["optional"])
        if "path" in entry and not str(entry["path"]).strip():
            raise MetadataError(f"source {key}: path is empty (leave it out where no single page is the source)")
    parsed = {name: _table(name, entry, licences, sources) for name, entry in tables.items()}
    _unused(licences, tables, "licenses")
    _unused(sources, tables, "sources")
    return Metadata(package=dict(document["package"]), tables=parsed)


def read_document(path: Path = METADATA_FILE) -> Any:
    """The YAML document of a metadata file as loaded (``!code`` references resolved), not yet checked."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # SafeLoader + !code


def read_metadata(path: Path = METADATA_FILE) -> Metadata:
    """Read and check a metadata file (``datapackage.yaml`` by default)."""
    try:
        return parse_metadata(read_document(path))
    except (MetadataError, yaml.YAMLError) as error:
        raise MetadataError(f"{path}: {error}") from None


@cache
def load_metadata() -> Metadata:
    """The metadata of ``datapackage.yaml``, read and checked once."""
    return read_metadata(METADATA_FILE)


def load_tables() -> dict[str, Table]:
    """Every table of ``datapackage.yaml``, by name, in build order."""
    return load_metadata().tables
