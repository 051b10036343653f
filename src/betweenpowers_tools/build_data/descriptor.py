"""Writing: the tables as deterministic CSV bytes, and ``datapackage.json`` (a Frictionless Data Package).

Every table is written as UTF-8 CSV with ``\\n`` line endings, booleans as ``true``/``false`` and missing values as
empty cells, so a rebuild gives byte-identical files. The descriptor takes everything it says about a table from
:mod:`.metadata` (``datapackage.yaml``) and adds what only the written file can tell: its size, sha256 and rows.
The keys keep a fixed order (the loaders and tests read them by name; the order keeps rebuilds byte-identical).
The result is validated with ``frictionless`` in tests/repo/test_data_package.py.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pandas as pd

from betweenpowers_tools.build_data.metadata import Metadata, Table

#: The descriptor's name in the output folder.
DESCRIPTOR_NAME = "datapackage.json"


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Serialise a table deterministically: UTF-8, '\\n' line endings, booleans as true/false."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == bool or str(out[col].dtype) == "boolean":
            out[col] = out[col].map(lambda v: "" if pd.isna(v) else ("true" if v else "false"))
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")


def resource_descriptor(table: Table, content: bytes, n_rows: int) -> dict[str, Any]:
    """Frictionless resource descriptor for one table written as ``content`` (``n_rows`` rows)."""
    return {
        "name": table.name,
        "path": table.path,
        "title": table.title,
        "description": table.description,
        "derivation": table.derivation,
        "raw_folder": table.raw_folder,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(content),
        "hash": "sha256:" + hashlib.sha256(content).hexdigest(),
        "rows": n_rows,
        "sources": [dict(source) for source in table.sources],
        "licenses": [dict(licence) for licence in table.licenses],
        "schema": table.schema(),
    }


def package_descriptor(package: dict[str, Any], resources: list[dict[str, Any]]) -> dict[str, Any]:
    """The whole Data Package: the header of ``datapackage.yaml`` (name, title, description, licenses), resources."""
    return {**package, "resources": resources}


def descriptor_text(descriptor: dict[str, Any]) -> str:
    """The descriptor as written: JSON indented by two spaces, non-ASCII kept, a final newline."""
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"


def write_all(tables: dict[str, pd.DataFrame], out_dir: Path, metadata: Metadata) -> list[Path]:
    """Write every table and ``datapackage.json`` into ``out_dir``. Returns the written paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    resources = []
    for name, frame in tables.items():
        table = metadata.tables[name]
        content = to_csv_bytes(frame)
        path = out_dir / table.path
        path.write_bytes(content)
        written.append(path)
        resources.append(resource_descriptor(table, content, len(frame)))
    descriptor_path = out_dir / DESCRIPTOR_NAME
    descriptor_path.write_text(descriptor_text(package_descriptor(metadata.package, resources)), encoding="utf-8")
    written.append(descriptor_path)
    return written
