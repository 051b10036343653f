"""Execute notebooks in place and store their outputs (run after editing a lesson or a solution).

    python scripts/execute_notebooks.py                       # notebooks/ and solutions/
    python scripts/execute_notebooks.py notebooks/00_start_here.ipynb

Each notebook runs in a fresh kernel from its own folder, as a student would run it. Timing metadata is not
recorded, so re-executing an unchanged notebook changes nothing but what the code prints. Exercise notebooks are
not executed here: they carry no outputs (`python -m betweenpowers_tools.exercises` writes them). The hand-in that
the last cell of a solution writes (``handin()``) goes into a temporary folder, never into the repository.

After a run, the notebook's metadata records a fingerprint of the code it was executed with
(``metadata["betweenpowers"]["code_sha256"]``, see :func:`code_sha256`). tests/repo/test_hygiene.py recomputes it, so a
notebook whose code was edited but not executed again fails the suite.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
#: Where the fingerprint lives: ``notebook.metadata[METADATA_KEY][HASH_KEY]``.
METADATA_KEY = "betweenpowers"
HASH_KEY = "code_sha256"


def code_sha256(notebook: nbformat.NotebookNode) -> str:
    """sha256 of the sources of the notebook's code cells, in order (markdown and outputs do not count)."""
    sources = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    return hashlib.sha256(json.dumps(sources, ensure_ascii=False).encode("utf-8")).hexdigest()


def coalesce_streams(notebook: nbformat.NotebookNode) -> None:
    """Join consecutive stream outputs of the same name in each cell, so that one ``print`` is stored as one output
    however the kernel happened to flush it (a stored output must not depend on timing)."""
    for cell in notebook.cells:
        merged: list = []
        for output in cell.get("outputs", []):
            previous = merged[-1] if merged else None
            if (output.get("output_type") == "stream" and previous is not None
                    and previous.get("output_type") == "stream" and previous.get("name") == output.get("name")):
                previous["text"] += output["text"]
            else:
                merged.append(output)
        if cell.get("outputs"):
            cell["outputs"] = merged


def execute(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=120, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    coalesce_streams(notebook)
    notebook.metadata.setdefault(METADATA_KEY, {})[HASH_KEY] = code_sha256(notebook)
    nbformat.write(notebook, path)


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or sorted(
        p for folder in ("notebooks", "solutions") for p in (ROOT / folder).glob("*.ipynb"))
    with tempfile.TemporaryDirectory(prefix="bp-handin-") as handins:
        os.environ["BETWEENPOWERS_HANDIN_DIR"] = handins  # betweenpowers.handin.HANDIN_DIR_ENV; kernels inherit it
        for path in paths:
            print(f"executing {path.relative_to(ROOT)}", flush=True)
            execute(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
