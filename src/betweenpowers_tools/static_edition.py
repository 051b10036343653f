"""The static edition: the whole series as a folder of accessible HTML pages that works offline.

    python -m betweenpowers_tools.static_edition                  # the lessons -> site/
    python -m betweenpowers_tools.static_edition --out DIR        # another folder
    python -m betweenpowers_tools.static_edition --solutions      # also the worked solutions, in DIR/solutions/
    python -m betweenpowers_tools.static_edition --ref v2027.1    # Binder and GitHub links pinned to a release tag

It writes ``DIR/index.html`` (the lessons in course order, i.e. by file name, each titled by its notebook's first
heading) and one page per notebook of ``notebooks/``: ``DIR/00_start_here.html``, ... With ``--solutions``, also
``DIR/solutions/<name>.html`` per notebook of ``solutions/`` (left out by default: a static edition is often handed
to students, and the solutions hold the answers to their exercises). Each page stands alone: CSS inline, figures
inline as PNG data, and no script at all.

How. Before rendering, each widget-view output is replaced by a short note with a Binder link (widgets cannot run
in a static page, and without their state nbconvert would print "VBox(children=...)"; the static figure for the
explorer's default parameters is already on the page, in the cell before). nbconvert then renders the **stored
outputs** (nothing is executed) with the template ``templates/static_edition``, which extends nbconvert's ``lab``
template (the look of JupyterLab). The template, not a later repair, writes each figure's ``alt`` from the output's
metadata (``image/png`` -> ``alt``, where :class:`betweenpowers.plots.AltFigure` stores it): the alt text is read at
the one place where the image is written, so it can never be paired with the wrong image, and nbconvert's
placeholder ("No description has been provided for this image"), which it puts on any ``<img>`` left without
``alt``, never appears. (The ``classic`` template reads that metadata too, but looks like the old Notebook and
needs the same script and widget changes.) The template also drops every script (require.js, MathJax, Mermaid and
the widget manager would come from CDNs), and adds CSS for WCAG AA contrast (prompts, syntax colours, underlined
links). Without MathJax, ``$`` in prose stays a dollar sign, which is how the lessons use it ("$28 billion").

Then a post-processing pass (BeautifulSoup) fixes what only the finished HTML shows:

* pandas tables: the empty top-left header cell gets a visually hidden label ("index"), the separate header row of
  index names is merged into the header row when the cells above it are empty, other empty header cells become
  plain cells, and header cells get ``scope="col"`` / ``scope="row"``;
* relative links: to another exported notebook they point to its page; to another file of the repository they point
  to it on GitHub (the slug comes from ``docs/binder-slug.txt``);
* checks: a figure without alt text in the notebook, or any ``<img>`` without a non-empty ``alt`` on a page, stops
  the export with :class:`MissingAltText` naming the notebook and cell.

The audit (tests/browser/test_static_edition_a11y.py) runs axe-core in headless Chromium over every page.
"""

from __future__ import annotations

import argparse
import copy
import html
import posixpath
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import nbformat
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter

from betweenpowers_tools.links import binder_url, repository_slug

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "static_edition"
DEFAULT_OUT = "site"
SERIES = "Between Powers"
#: nbconvert's text for an image without alt text: it must never appear in the static edition.
NBCONVERT_PLACEHOLDER = "No description has been provided for this image"
#: Written in the output folder, so that a later export may empty the folder (and no other folder) first.
MARKER = ".betweenpowers-static-edition"
IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


class MissingAltText(ValueError):
    """A figure in a notebook, or an image on an exported page, has no alt text."""


@dataclass(frozen=True)
class Page:
    """One notebook and its page in the static edition."""

    source: str  # repository-relative path of the notebook, e.g. "notebooks/00_start_here.ipynb"
    href: str  # path of the page relative to the output folder, e.g. "00_start_here.html"
    heading: str  # the notebook's first heading, as plain text
    subtitle: str  # the italic line under the first heading, or ""
    kind: str  # "lesson" or "solution"

    @property
    def title(self) -> str:
        """The page's <title>: the heading, what kind of page it is, and the series."""
        title = f"{self.heading} (worked solutions)" if self.kind == "solution" else self.heading
        return title if SERIES in title else f"{title} | {SERIES}"


@dataclass
class Report:
    """What an export wrote."""

    out: Path
    pages: list[Page]
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- reading the notebooks


def _cell_source(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _plain(markdown: str) -> str:
    """Inline markdown to plain text: links and images keep their text; emphasis and code marks and HTML tags go
    (an underscore inside a word, as in ``agenda_setting``, stays)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])", r"\2", text)
    return " ".join(text.split())


def first_heading(nb) -> str | None:
    """The text of the notebook's first markdown heading (``# ...``, any level), as plain text."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        in_fence = False
        for line in _cell_source(cell).splitlines():
            if line.lstrip().startswith(("```", "~~~")):
                in_fence = not in_fence
            m = None if in_fence else re.match(r"\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$", line)
            if m and m.group(1).strip():
                return _plain(m.group(1))
    return None


def subtitle(nb) -> str:
    """The line in italics right under the first heading, if the first markdown cell has one (the lessons put
    their question there), as plain text; otherwise ""."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", _cell_source(cell)) if p.strip()]
        if len(paragraphs) >= 2 and paragraphs[0].startswith("#"):
            m = re.fullmatch(r"(\*|_)([^*_\n][^\n]*?)\1", paragraphs[1])
            if m:
                return _plain(m.group(2))
        return ""
    return ""


def widget_note(binder: str | None) -> str:
    """The HTML shown in place of a widget view: widgets cannot run in a static page (the static figure for the
    explorer's default parameters is already on the page, in the cell before)."""
    where = f'<a href="{html.escape(binder)}">Binder</a>' if binder else "Binder"
    return (
        '<div class="bp-widget-note"><p><strong>Interactive explorer:</strong> '
        f"run the notebook in JupyterLab or on {where} to use it.</p></div>"
    )


def replace_widget_views(nb, note: str) -> int:
    """Replace every widget-view output (and its text/plain fallback, "VBox(children=...)") with ``note`` as
    text/html, in place. Returns how many were replaced."""
    n = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if WIDGET_VIEW in output.get("data", {}):
                output["data"] = {"text/html": note}
                output["metadata"] = {}
                n += 1
    return n


def figures_without_alt(nb) -> list[int]:
    """Indices of the code cells with an image output whose metadata has no alt text."""
    cells = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            data, meta = output.get("data", {}), output.get("metadata", {})
            for mime in IMAGE_TYPES:
                alt = meta.get(mime, {}).get("alt") if isinstance(meta.get(mime), dict) else None
                if mime in data and not (isinstance(alt, str) and alt.strip()):
                    cells.append(i)
    return sorted(set(cells))


def plan(root: Path = ROOT, solutions: bool = False) -> list[Page]:
    """The pages of the static edition, in course order: the lessons, then (optionally) the solutions."""
    groups = [("notebooks", "", "lesson")] + ([("solutions", "solutions/", "solution")] if solutions else [])
    pages = []
    for folder, prefix, kind in groups:
        for path in sorted((root / folder).glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            pages.append(
                Page(
                    source=f"{folder}/{path.name}",
                    href=f"{prefix}{path.stem}.html",
                    heading=first_heading(nb) or path.stem,
                    subtitle=subtitle(nb),
                    kind=kind,
                )
            )
    return pages


# --------------------------------------------------------------------------- fixing the finished HTML


def _cells(tr):
    return tr.find_all(["th", "td"], recursive=False)


def _empty(cell) -> bool:
    return not cell.get_text(strip=True) and cell.find("img") is None


def _span(cell, attr: str = "colspan") -> int:
    try:
        return max(1, int(cell.get(attr, 1)))
    except (TypeError, ValueError):
        return 1


def _hidden_label(soup, text: str):
    span = soup.new_tag("span", attrs={"class": "bp-visually-hidden"})
    span.string = text
    return span


def fix_tables(soup) -> int:
    """Give every table header cell a name and a scope (pandas leaves the index's header cells empty).

    * the number of index columns is the number of <th> that lead the first body row;
    * a pandas header row that holds only the index names (``[category][ ][ ]``) is merged into the row above when
      that row's cells over the index are empty (a named index without a named column axis);
    * an empty header cell over an index column of the last header row gets a visually hidden label, "index" (or
      "index level k"); any other empty header cell is not a header of anything and becomes a <td>;
    * header cells in <thead> get ``scope="col"``, those in the body ``scope="row"``.

    Returns the number of tables seen."""
    tables = soup.find_all("table")
    for table in tables:
        thead, tbody = table.find("thead"), table.find("tbody")
        head_rows = thead.find_all("tr", recursive=False) if thead else []
        body_rows = (tbody or table).find_all("tr", recursive=False)
        n_index = 0
        for cell in _cells(body_rows[0]) if body_rows else []:
            if cell.name != "th":
                break
            n_index += _span(cell)

        if n_index and len(head_rows) >= 2:
            names, above = _cells(head_rows[-1]), _cells(head_rows[-2])
            if (
                len(names) >= n_index
                and len(above) >= n_index
                and all(c.name == "th" for c in names)
                and any(not _empty(c) for c in names[:n_index])
                and all(_empty(c) for c in names[n_index:])
                and all(c.name == "th" and _empty(c) and _span(c) == 1 for c in above[:n_index])
            ):
                for target, name in zip(above[:n_index], names[:n_index]):
                    target.clear()
                    for child in list(name.contents):
                        target.append(child.extract())
                head_rows[-1].decompose()
                head_rows = head_rows[:-1]

        for r, tr in enumerate(head_rows):
            position = 0
            for cell in _cells(tr):
                if cell.name == "th" and _empty(cell):
                    if r == len(head_rows) - 1 and position < n_index:
                        label = "index" if n_index == 1 else f"index level {position + 1}"
                        cell.clear()
                        cell.append(_hidden_label(soup, label))
                    else:
                        cell.name = "td"
                if cell.name == "th":
                    cell["scope"] = "col"
                position += _span(cell)
        for tr in body_rows:
            for cell in tr.find_all("th", recursive=False):
                if _empty(cell):
                    cell.name = "td"
                else:
                    cell["scope"] = "row"
    return len(tables)


def rewrite_links(soup, page: Page, pages: dict[str, Page], root: Path, slug: str | None, ref: str) -> list[str]:
    """Point relative links at the static edition: a link to an exported notebook goes to its page, a link to another
    file of the repository goes to that file on GitHub (when the slug is known). Returns warnings for the links
    that fit neither (left as they are)."""
    warnings = []
    here = posixpath.dirname(page.source)
    page_dir = posixpath.dirname(page.href)
    for a in soup.find_all("a", href=True):
        if a.find_parent("nav", class_="bp-nav"):
            continue  # the navigation bar: written for the static edition already
        href = a["href"]
        parts = urlsplit(href)
        if not href or href.startswith("#") or parts.scheme or parts.netloc:
            continue
        target = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if target in pages:
            a["href"] = posixpath.relpath(pages[target].href, page_dir or ".") + fragment
        elif not target.startswith(("..", "/")) and (root / target).exists() and slug:
            kind = "tree" if (root / target).is_dir() else "blob"
            a["href"] = f"https://github.com/{slug}/{kind}/{ref}/{quote(target)}{fragment}"
        else:
            warnings.append(f"{page.source}: link {href!r} points to nothing in the static edition or the repository")
    return warnings


def check_images(soup, where: str) -> None:
    """Every <img> has a non-empty alt that is not nbconvert's placeholder."""
    bad = [img for img in soup.find_all("img") if not (img.get("alt") or "").strip()]
    bad += [img for img in soup.find_all("img") if (img.get("alt") or "").strip() == NBCONVERT_PLACEHOLDER]
    if bad:
        sources = ", ".join(sorted({(img.get("src") or "")[:40] for img in bad}))
        raise MissingAltText(f"{where}: {len(bad)} image(s) without alt text on the page ({sources})")
    if NBCONVERT_PLACEHOLDER in soup.get_text():
        raise MissingAltText(f"{where}: nbconvert's placeholder alt text is on the page")


# --------------------------------------------------------------------------- exporting


def make_exporter() -> HTMLExporter:
    """nbconvert's HTML exporter with the static edition's template (see the module docstring for why)."""
    return HTMLExporter(template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATES)])


def _binder(slug: str | None, page: Page, ref: str) -> str | None:
    return binder_url(slug, page.source, ref) if slug else None


def _missing_alt_message(page: Page, cells: list[int]) -> str:
    return (
        f"{page.source}: figure(s) without alt text in the output metadata (image/png -> alt) in code cell(s) "
        f"{', '.join(map(str, cells))} (0-based); draw them with betweenpowers.plots.finish(..., alt=...)"
    )


def render_page(
    exporter: HTMLExporter, page: Page, pages: list[Page], root: Path, slug: str | None, ref: str
) -> tuple[str, list[str]]:
    """The HTML of one page and the warnings about its links."""
    nb = nbformat.read(root / page.source, as_version=4)
    missing = figures_without_alt(nb)
    if missing:
        raise MissingAltText(_missing_alt_message(page, missing))
    nb = copy.deepcopy(nb)
    nb.metadata["title"] = page.title
    nb.metadata.pop("widgets", None)  # the widget state: useless without the widget manager
    replace_widget_views(nb, widget_note(_binder(slug, page, ref)))
    same_kind = [p for p in pages if p.kind == page.kind]
    i = same_kind.index(page)
    up = posixpath.relpath("index.html", posixpath.dirname(page.href) or ".")
    here = posixpath.dirname(page.href) or "."

    def nav_link(p: Page | None):
        return (posixpath.relpath(p.href, here), p.heading) if p else None

    resources = {
        "metadata": {"name": Path(page.source).stem, "path": str((root / page.source).parent)},
        "bp_nav": {
            "index": up,
            "prev": nav_link(same_kind[i - 1] if i > 0 else None),
            "next": nav_link(same_kind[i + 1] if i + 1 < len(same_kind) else None),
            "binder": _binder(slug, page, ref),
        },
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    soup = BeautifulSoup(body, features="html.parser")
    fix_tables(soup)
    warnings = rewrite_links(soup, page, {p.source: p for p in pages}, root, slug, ref)
    check_images(soup, page.source)
    return str(soup), warnings


INDEX_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1f1f1f;
       background: #fff; line-height: 1.5; margin: 0; }
main { max-width: 46em; margin: 0 auto; padding: 1.5em 1em 3em; }
a { color: #0d47a1; text-decoration: underline; }
ol.bp-pages { list-style: none; padding: 0; }
ol.bp-pages li { margin: 0 0 1em; }
ol.bp-pages a { font-size: 1.15em; font-weight: 600; }
ol.bp-pages p { margin: 0.2em 0 0; }
.bp-note { border-left: 6px solid #1a5a96; background: #f4f8fc; padding: 0.5em 1em; }
"""


def render_index(pages: list[Page], slug: str | None, ref: str) -> str:
    """The contents page: the lessons in course order (and the solutions, if exported)."""
    e = html.escape

    def items(kind: str) -> str:
        rows = []
        for p in pages:
            if p.kind == kind:
                sub = f"\n<p>{e(p.subtitle)}</p>" if p.subtitle else ""
                rows.append(f'<li><a href="{e(p.href)}">{e(p.heading)}</a>{sub}</li>')
        return "\n".join(rows)

    first_lesson = next((p for p in pages if p.kind == "lesson"), None)
    binder = _binder(slug, first_lesson, ref) if first_lesson else None
    run = f'<a href="{e(binder)}">on Binder</a>' if binder else "on Binder"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
        f"<title>{e(SERIES)}: static edition</title>",
        f"<style>{INDEX_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{e(SERIES)}: static edition</h1>",
        "<p>Kazakhstan's foreign policy with real data: from multi-vector balancing to agenda-setting diplomacy.</p>",
        (
            '<p class="bp-note">A read-only copy of the lessons with their stored results: every table and figure is '
            "here, but the interactive explorers do not run in a static page. To use them, run the notebooks in "
            f"JupyterLab or {run}.</p>"
        ),
        "<h2>Lessons</h2>",
        '<ol class="bp-pages">',
        items("lesson"),
        "</ol>",
    ]
    if any(p.kind == "solution" for p in pages):
        parts += [
            "<h2>Exercises with worked solutions</h2>",
            '<ol class="bp-pages">',
            items("solution"),
            "</ol>",
        ]
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _prepare(out: Path) -> None:
    """Make ``out`` empty: create it, or empty it if an earlier export wrote it; refuse any other non-empty folder."""
    if out.exists():
        if not out.is_dir():
            raise FileExistsError(f"{out} exists and is not a folder")
        if any(out.iterdir()):
            if not (out / MARKER).is_file():
                raise FileExistsError(
                    f"{out} is not empty and was not written by this command ({MARKER} is missing): "
                    "choose another --out or empty it"
                )
            shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("Written by python -m betweenpowers_tools.static_edition; emptied by its next run.\n")


def export(out: Path | str = DEFAULT_OUT, root: Path = ROOT, solutions: bool = False, ref: str = "HEAD") -> Report:
    """Export the series to ``out`` (see the module docstring). Raises :class:`MissingAltText`, naming every
    notebook and cell concerned, before writing anything when a figure has no alt text."""
    start = time.monotonic()
    out = Path(out)
    pages = plan(root, solutions)
    if not any(p.kind == "lesson" for p in pages):
        raise FileNotFoundError(f"no notebook in {root / 'notebooks'}")
    try:
        slug = repository_slug(root / "docs" / "binder-slug.txt")
    except (OSError, ValueError):
        slug = None
    missing = [(p, figures_without_alt(nbformat.read(root / p.source, as_version=4))) for p in pages]
    if any(cells for _, cells in missing):
        raise MissingAltText("\n".join(_missing_alt_message(p, cells) for p, cells in missing if cells))
    exporter = make_exporter()
    rendered, warnings = {}, []
    for page in pages:
        rendered[page.href], page_warnings = render_page(exporter, page, pages, root, slug, ref)
        warnings += page_warnings
    _prepare(out)
    for href, body in rendered.items():
        target = out / href
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    (out / "index.html").write_text(render_index(pages, slug, ref), encoding="utf-8")
    return Report(out=out, pages=pages, seconds=time.monotonic() - start, warnings=warnings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m betweenpowers_tools.static_edition",
        description="Export the series to a folder of accessible HTML pages (stored outputs, nothing executed).",
    )
    parser.add_argument("--out", default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT}/)")
    parser.add_argument("--solutions", action="store_true", help="also export solutions/ to OUT/solutions/")
    parser.add_argument(
        "--ref", default="HEAD", help="git branch or tag for the Binder and GitHub links (default HEAD)"
    )
    args = parser.parse_args(argv)
    try:
        report = export(args.out, solutions=args.solutions, ref=args.ref)
    except (MissingAltText, FileExistsError, FileNotFoundError) as exc:
        print(f"static edition: {exc}", file=sys.stderr)
        return 1
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    lessons = sum(p.kind == "lesson" for p in report.pages)
    solved = len(report.pages) - lessons
    extra = f" and {solved} solution page(s)" if solved else ""
    index = (report.out / "index.html").resolve()
    print(f"static edition: {lessons} lesson page(s){extra} in {report.out}/ ({report.seconds:.1f} s); open {index}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
