"""Execute notebooks in place and store their outputs (run after editing a lesson or a solution).

    python scripts/execute_notebooks.py                       # notebooks/ and solutions/
    python scripts/execute_notebooks.py notebooks/00_start_here.ipynb

Each notebook runs in a fresh kernel from its own folder, as a student would run it. Timing metadata is not
recorded, so re-executing an unchanged notebook changes nothing but what the code prints. Exercise notebooks are
not executed here: they carry no outputs (`python -m betweenpowers.exercises` writes them).
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def execute(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=120, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nbformat.write(notebook, path)


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or sorted(
        p for folder in ("notebooks", "solutions") for p in (ROOT / folder).glob("*.ipynb"))
    for path in paths:
        print(f"executing {path.relative_to(ROOT)}", flush=True)
        execute(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
