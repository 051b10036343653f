"""Compare the stored outputs of the executed notebooks with those of an earlier commit (a maintainer's check).

    .venv/bin/python scripts/compare_outputs.py REV [NOTEBOOK ...]   # default: notebooks/ and solutions/

For every code cell (matched by cell id) it compares the outputs stored now with those stored at ``REV``:

* figures (``image/png``) are decoded and compared pixel by pixel; for a figure that differs it prints the first
  and last pixel row that differ and the image height, so a change confined to the footer (the source line at the
  bottom of every figure) is told apart from a change in the plot;
* text outputs (streams, ``text/plain``, ``text/html``) are compared as text;
* a cell marked ``# NBVAL_CHECK_OUTPUT`` that differs is flagged: those outputs are the suite's key results.

Exit status 1 if a checked cell differs, a figure changed size or changed above its footer strip
(``--footer-rows``, default 40 pixel rows from the bottom), else 0. Used to show that a refactoring changed nothing a
student sees but what it meant to change.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import subprocess
from pathlib import Path

import numpy as np
from matplotlib import image as mpimg

ROOT = Path(__file__).resolve().parents[1]


def stored(rev: str | None, path: Path) -> dict:
    """The notebook as stored at ``rev`` (None: the working tree)."""
    if rev is None:
        return json.loads(path.read_text(encoding="utf-8"))
    relative = path.relative_to(ROOT).as_posix()
    text = subprocess.run(["git", "show", f"{rev}:{relative}"], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout
    return json.loads(text)


def _text(value: str | list[str]) -> str:
    return "".join(value) if isinstance(value, list) else value


def split_outputs(cell: dict) -> tuple[list[bytes], list[str]]:
    """The PNGs and the texts a cell shows (widget views are left out: they are live, not stored figures)."""
    pngs, texts = [], []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            texts.append(_text(output.get("text", "")))
            continue
        data = output.get("data", {})
        if "image/png" in data:
            pngs.append(base64.b64decode(_text(data["image/png"])))
        elif "application/vnd.jupyter.widget-view+json" not in data:
            texts.append(_text(data.get("text/html", data.get("text/plain", ""))))
        if output.get("output_type") == "error":
            texts.append(f"{output.get('ename')}: {output.get('evalue')}")
    return pngs, texts


def differing_rows(before: bytes, after: bytes) -> tuple[int, int, int] | None:
    """(first row, last row, height) where two PNGs differ; None if identical; (-1, -1, -1) if sizes differ."""
    a = mpimg.imread(io.BytesIO(before), format="png")
    b = mpimg.imread(io.BytesIO(after), format="png")
    if a.shape != b.shape:
        return (-1, -1, -1)
    rows = np.flatnonzero(np.any(np.abs(a - b) > 1e-6, axis=tuple(range(1, a.ndim))))
    if rows.size == 0:
        return None
    return int(rows[0]), int(rows[-1]), a.shape[0]


def compare(path: Path, rev: str, footer_rows: int) -> tuple[list[str], bool]:
    old = {c.get("id"): c for c in stored(rev, path)["cells"] if c["cell_type"] == "code"}
    lines, bad = [], False
    for index, cell in enumerate(stored(None, path)["cells"]):
        if cell["cell_type"] != "code" or cell.get("id") not in old:
            continue
        checked = _text(cell["source"]).startswith("# NBVAL_CHECK_OUTPUT")
        pngs, texts = split_outputs(cell)
        old_pngs, old_texts = split_outputs(old[cell["id"]])
        where = f"{path.relative_to(ROOT)} cell {index}"
        if texts != old_texts:
            lines.append(f"{where}: text differs{' (NBVAL_CHECK_OUTPUT!)' if checked else ''}")
            bad |= checked
        if len(pngs) != len(old_pngs):
            lines.append(f"{where}: {len(old_pngs)} figure(s) before, {len(pngs)} now")
            bad = True
            continue
        for number, (before, after) in enumerate(zip(old_pngs, pngs)):
            rows = differing_rows(before, after)
            if rows is None:
                continue
            first, last, height = rows
            if height < 0:
                lines.append(f"{where} figure {number}: size changed")
                bad = True
            else:
                in_footer = first >= height - footer_rows
                lines.append(f"{where} figure {number}: rows {first}-{last} of {height} differ"
                             f"{' (footer only)' if in_footer else ' (ABOVE THE FOOTER)'}")
                bad |= not in_footer
    return lines, bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="the commit to compare with, e.g. a tag or a hash")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb and solutions/*.ipynb")
    parser.add_argument("--footer-rows", type=int, default=40, help="height of the footer strip in pixel rows")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or sorted(
        p for folder in ("notebooks", "solutions") for p in (ROOT / folder).glob("*.ipynb"))
    any_bad, figures = False, 0
    for path in paths:
        lines, bad = compare(path, args.rev, args.footer_rows)
        figures += sum(len(split_outputs(c)[0]) for c in stored(None, path)["cells"] if c["cell_type"] == "code")
        any_bad |= bad
        print("\n".join(lines) if lines else f"{path.relative_to(ROOT)}: identical")
    verdict = "CHANGES BEYOND THE FOOTER OR IN CHECKED OUTPUTS" if any_bad else "only footers and unchecked text differ"
    print(f"{len(paths)} notebooks, {figures} stored figures: {verdict}")
    return 1 if any_bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
