"""The static edition (python -m betweenpowers_tools.static_edition), without a browser.

On the real series (lessons and solutions, copied as they are when the tests start, exported once into a temporary
folder):

* index.html lists every lesson of notebooks/ in course order, titled by its first heading, with working links;
* each page: <html lang="en">, a <title> that starts with the notebook's first heading, and one <h1> equal to it;
* every relative link on every page leads to a file of the export (and to an id on it, for a #fragment);
* every <img> has a non-empty alt, equal, figure by figure, to the alt text stored in the notebook's output metadata;
  nbconvert's placeholder appears in no file;
* each widget view is replaced by the note, and no widget or MathJax script, or any other script, is on a page;
* every table header cell has text (visible or for screen readers) and a scope;
* two exports are byte-identical.

The checks can fail: the same page checks find the placeholder and the CDN scripts in nbconvert's plain export of
lesson 00, the alt check stops a notebook with a figure without alt text, and the table repair is pinned on the
shapes pandas writes.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from support import ROOT

from betweenpowers_tools import static_edition as se

PLACEHOLDER = "No description has been provided for this image"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
NOTE = "Interactive explorer: run the notebook in JupyterLab or on Binder to use it."


def notebook_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def heading_of(nb: dict) -> str:
    """The first markdown heading of a notebook, as plain text (computed here independently of the module)."""
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                m = re.match(r"#+\s+(.+)", line)
                if m:
                    return " ".join(re.sub(r"[*`]", "", m.group(1)).split())
    raise AssertionError("notebook without a heading")


def stored_alts(nb: dict) -> list[str]:
    """The alt text of every image output, in page order (widget views are not images)."""
    alts = []
    for cell in nb["cells"]:
        for out in cell.get("outputs", []) if cell["cell_type"] == "code" else []:
            data = out.get("data", {})
            if WIDGET_VIEW in data:
                continue
            if "image/png" in data or "image/jpeg" in data:
                mime = "image/png" if "image/png" in data else "image/jpeg"
                alts.append(out.get("metadata", {}).get(mime, {}).get("alt"))
    return alts


def widget_views(nb: dict) -> int:
    return sum(
        WIDGET_VIEW in out.get("data", {})
        for cell in nb["cells"]
        if cell["cell_type"] == "code"
        for out in cell.get("outputs", [])
    )


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_without_anchors(tag) -> str:
    tag = BeautifulSoup(str(tag), "html.parser")
    for a in tag.select("a.anchor-link"):
        a.decompose()
    return " ".join(tag.get_text().split())


def page_problems(html_text: str) -> list[str]:
    """What must never be on a page of the static edition (used on the export and, to show that it can fail, on
    nbconvert's plain export)."""
    soup = BeautifulSoup(html_text, "html.parser")
    problems = []
    if PLACEHOLDER in html_text:
        problems.append("nbconvert's placeholder alt text")
    for img in soup.find_all("img"):
        if not (img.get("alt") or "").strip():
            problems.append(f"<img> without alt: {str(img)[:80]}")
    for script in soup.find_all("script"):
        src = script.get("src") or ""
        if re.match(r"(https?:)?//", src):
            problems.append(f"script from the network: {src}")
        elif re.search(r"import\(\s*[\"']https?://|https?://\S+\.m?js", script.get_text()):
            problems.append("script that loads code from the network")
    for link in soup.find_all("link", href=True):
        if re.match(r"(https?:)?//", link["href"]):
            problems.append(f"<link> to the network: {link['href']}")
    if 'type="application/vnd.jupyter.widget' in html_text:
        problems.append("widget view or widget state")
    return problems


SNAPSHOT = ("notebooks", "solutions", "docs")


def snapshot(tmp: Path) -> Path:
    """A stand-in for the repository: a copy of the notebooks as they are now (so that a notebook saved while the
    tests run cannot make the export and the checks see different files), the rest linked."""
    root = tmp / "repo"
    root.mkdir()
    for entry in ROOT.iterdir():
        if entry.name in SNAPSHOT and entry.is_dir():
            shutil.copytree(entry, root / entry.name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        elif entry.name not in {".git", ".venv"}:
            (root / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    return root


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return snapshot(tmp_path_factory.mktemp("static"))


@pytest.fixture(scope="module")
def site(repo) -> se.Report:
    return se.export(repo.parent / "site", root=repo, solutions=True)


def lesson_paths(root: Path = ROOT) -> list[Path]:
    return sorted((root / "notebooks").glob("*.ipynb"))


def all_pages(report: se.Report, root: Path) -> list[tuple[Path, Path]]:
    """(notebook, page) for every exported notebook."""
    return [(root / p.source, report.out / p.href) for p in report.pages]


# --------------------------------------------------------------------------- the real series


def test_index_lists_every_lesson_in_course_order(site, repo):
    index = soup_of(site.out / "index.html")
    assert index.html.get("lang") == "en"
    assert index.title and index.title.get_text(strip=True)
    lists = index.select("main ol")
    assert lists, "index.html has no list of lessons"
    links = lists[0].find_all("a")
    expected = [(f"{p.stem}.html", heading_of(notebook_json(p))) for p in lesson_paths(repo)]
    assert expected, "no lesson in notebooks/"
    assert [(a["href"], " ".join(a.get_text().split())) for a in links] == expected
    for href, _ in expected:
        assert (site.out / href).is_file(), f"index links to {href}, which was not written"
    solutions = sorted((repo / "solutions").glob("*.ipynb"))
    if solutions:
        assert [a["href"] for a in lists[1].find_all("a")] == [f"solutions/{p.stem}.html" for p in solutions]


def test_each_page_has_language_title_and_one_h1(site, repo):
    for notebook, page in all_pages(site, repo):
        soup = soup_of(page)
        heading = heading_of(notebook_json(notebook))
        assert soup.html.get("lang") == "en", page.name
        title = soup.title.get_text(strip=True)
        assert title.startswith(heading), f"{page}: <title> {title!r}, heading {heading!r}"
        h1s = soup.find_all("h1")
        assert len(h1s) == 1 and text_without_anchors(h1s[0]) == heading, f"{page}: {len(h1s)} <h1>"
        assert soup.find("main") is not None, f"{page}: no <main> landmark"


def test_every_relative_link_leads_to_a_file_of_the_export(site, repo):
    pages = [site.out / "index.html"] + [page for _, page in all_pages(site, repo)]
    ids = {}
    broken = []
    for page in pages:
        for a in soup_of(page).find_all("a", href=True):
            href = a["href"]
            if re.match(r"[a-z][a-z0-9+.-]*:|//", href, re.IGNORECASE):
                continue
            path, _, fragment = href.partition("#")
            target = (page.parent / path).resolve() if path else page.resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(site.out)}: {href}")
                continue
            if fragment:
                if target not in ids:
                    ids[target] = {t["id"] for t in soup_of(target).find_all(id=True)}
                if fragment not in ids[target]:
                    broken.append(f"{page.relative_to(site.out)}: {href} (no id {fragment!r})")
    assert not broken, "broken links:\n" + "\n".join(broken)
    assert not site.warnings, "\n".join(site.warnings)


def test_every_image_carries_the_stored_alt_text(site, repo):
    checked = 0
    for notebook, page in all_pages(site, repo):
        soup = soup_of(page)
        expected = stored_alts(notebook_json(notebook))
        assert all(isinstance(a, str) and a.strip() for a in expected), f"{notebook}: a figure without alt text"
        shown = [img.get("alt") for img in soup.select(".jp-OutputArea-output img")]
        assert shown == expected, f"{page.name}: alt texts differ from the notebook's"
        for img in soup.find_all("img"):
            assert (img.get("alt") or "").strip(), f"{page.name}: <img> without alt"
        checked += len(expected)
    assert checked > 0, "no figure in the whole series: the check checked nothing"
    for path in site.out.rglob("*.html"):
        assert PLACEHOLDER not in path.read_text(encoding="utf-8"), path


def test_widget_views_become_a_note_and_no_script_is_left(site, repo):
    notes = 0
    for notebook, page in all_pages(site, repo):
        html_text = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html_text, "html.parser")
        expected = widget_views(notebook_json(notebook))
        found = soup.select(".bp-widget-note")
        assert len(found) == expected, f"{page.name}: {len(found)} notes for {expected} widget views"
        for note in found:
            assert " ".join(note.get_text().split()) == NOTE
        assert "VBox(children" not in html_text and "HBox(children" not in html_text, page.name
        assert soup.find("script") is None, f"{page.name}: a <script> is left"
        assert page_problems(html_text) == [], page.name
        notes += expected
    assert notes > 0, "no widget view in the whole series: the check checked nothing"


def test_every_table_header_cell_has_text_and_scope(site, repo):
    tables = 0
    for _, page in all_pages(site, repo):
        soup = soup_of(page)
        for th in soup.find_all("th"):
            assert th.get_text(strip=True), f"{page.name}: empty <th> in {str(th.find_parent('table'))[:300]}"
            assert th.get("scope") in {"col", "row"}, f"{page.name}: <th> without scope: {th}"
        tables += len(soup.select("table.dataframe"))
    assert tables > 0, "no DataFrame table in the whole series: the check checked nothing"


def test_two_exports_are_identical(site, repo, tmp_path):
    again = se.export(tmp_path / "again", root=repo, solutions=True)
    first = sorted(p.relative_to(site.out) for p in site.out.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again.out) for p in again.out.rglob("*") if p.is_file())
    assert first == second
    differ = [str(p) for p in first if (site.out / p).read_bytes() != (again.out / p).read_bytes()]
    assert not differ, f"files differ between two exports: {differ}"


# --------------------------------------------------------------------------- the checks can fail


def test_the_page_checks_fail_on_nbconverts_plain_export():
    """nbconvert's default (lab) export of lesson 00 has what the static edition removes."""
    from nbconvert import HTMLExporter

    lesson = lesson_paths()[0]
    body, _ = HTMLExporter().from_notebook_node(nbformat.read(lesson, as_version=4))
    problems = page_problems(body)
    if stored_alts(notebook_json(lesson)):
        assert "nbconvert's placeholder alt text" in problems
    assert any(p.startswith("script from the network") for p in problems)


def tiny_notebook(alt: str | None) -> nbformat.NotebookNode:
    png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
    figure = nbformat.v4.new_output(
        "display_data",
        data={"image/png": png, "text/plain": "[Figure]"},
        metadata={"image/png": {"alt": alt}} if alt is not None else {},
    )
    widget = nbformat.v4.new_output(
        "execute_result",
        data={WIDGET_VIEW: {"model_id": "abc", "version_major": 2, "version_minor": 0}, "text/plain": "VBox()"},
        execution_count=2,
    )
    return nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# 00 · A *tiny* lesson\n\n*Does it export?*\n\nSee [next](01_next.ipynb)"),
            nbformat.v4.new_code_cell("figure", outputs=[figure], execution_count=1),
            nbformat.v4.new_code_cell("explorer(table)", outputs=[widget], execution_count=2),
        ]
    )


def tiny_repo(tmp_path: Path, alt: str | None) -> Path:
    root = tmp_path / "repo"
    (root / "notebooks").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "docs" / "binder-slug.txt").write_text("BINDER_REPO=owner/name\n")
    nbformat.write(tiny_notebook(alt), root / "notebooks" / "00_tiny.ipynb")
    second = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 01 · Next\n\n[data](../data/README.md)")])
    nbformat.write(second, root / "notebooks" / "01_next.ipynb")
    (root / "data").mkdir()
    (root / "data" / "README.md").write_text("data\n")
    return root


def test_a_figure_without_alt_text_stops_the_export(tmp_path):
    root = tiny_repo(tmp_path, alt=None)
    with pytest.raises(se.MissingAltText, match=r"notebooks/00_tiny\.ipynb.*cell\(s\) 1"):
        se.export(tmp_path / "site", root=root)
    assert not (tmp_path / "site").exists(), "nothing is written when the export fails"


def test_a_tiny_repository_exports_as_specified(tmp_path):
    root = tiny_repo(tmp_path, alt="A one-pixel figure.")
    report = se.export(tmp_path / "site", root=root, ref="v1")
    page = soup_of(report.out / "00_tiny.html")
    assert [img["alt"] for img in page.find_all("img")] == ["A one-pixel figure."]
    assert page.title.get_text() == "00 · A tiny lesson | Between Powers"
    assert " ".join(page.select_one(".bp-widget-note").get_text().split()) == NOTE
    assert page.select_one(".bp-widget-note a")["href"] == (
        "https://mybinder.org/v2/gh/owner/name/v1?urlpath=lab/tree/notebooks/00_tiny.ipynb"
    )
    assert [a["href"] for a in page.select("main a") if a["href"].endswith(".html")] == ["01_next.html"]
    nxt = soup_of(report.out / "01_next.html")
    assert nxt.select_one("main a:not(.anchor-link)")["href"] == "https://github.com/owner/name/blob/v1/data/README.md"
    index = soup_of(report.out / "index.html")
    assert [(a["href"], a.get_text()) for a in index.select("main ol a")] == [
        ("00_tiny.html", "00 · A tiny lesson"),
        ("01_next.html", "01 · Next"),
    ]
    assert "Does it export?" in index.get_text()


def test_the_export_refuses_a_folder_it_did_not_write(tmp_path):
    root = tiny_repo(tmp_path, alt="A one-pixel figure.")
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        se.export(out, root=root)
    assert (out / "notes.txt").read_text() == "keep me"
    se.export(tmp_path / "site", root=root)
    (tmp_path / "site" / "stale.html").write_text("old")
    se.export(tmp_path / "site", root=root)  # a folder it wrote: emptied first
    assert not (tmp_path / "site" / "stale.html").exists()


def test_check_images_rejects_missing_empty_and_placeholder_alt():
    for img in ['<img src="x.png">', '<img src="x.png" alt="">', f'<img src="x.png" alt="{PLACEHOLDER}">']:
        with pytest.raises(se.MissingAltText):
            se.check_images(BeautifulSoup(f"<main>{img}</main>", "html.parser"), "page")
    se.check_images(BeautifulSoup('<img src="x.png" alt="A chart.">', "html.parser"), "page")


TABLE = '<table class="dataframe"><thead>{head}</thead><tbody>{body}</tbody></table>'


def fixed(head: str, body: str) -> BeautifulSoup:
    soup = BeautifulSoup(TABLE.format(head=head, body=body), "html.parser")
    se.fix_tables(soup)
    return soup


def header_rows(soup) -> list[list[tuple[str, str]]]:
    return [[(c.name, c.get_text(strip=True)) for c in tr.find_all(["th", "td"])] for tr in soup.thead.find_all("tr")]


def test_fix_tables_unnamed_index_gets_a_hidden_label():
    soup = fixed("<tr><th></th><th>a</th></tr>", "<tr><th>0</th><td>1</td></tr>")
    assert header_rows(soup) == [[("th", "index"), ("th", "a")]]
    assert soup.thead.th.span["class"] == ["bp-visually-hidden"]
    assert [th["scope"] for th in soup.find_all("th")] == ["col", "col", "row"]


def test_fix_tables_merges_the_index_names_row():
    soup = fixed("<tr><th></th><th>russia</th></tr><tr><th>dimension</th><th></th></tr>",
                 "<tr><th>trade</th><td>0.2</td></tr>")  # fmt: skip
    assert header_rows(soup) == [[("th", "dimension"), ("th", "russia")]]
    multi = fixed(
        "<tr><th></th><th></th><th>min</th></tr><tr><th>source</th><th>main</th><th></th></tr>",
        '<tr><th rowspan="2">undl</th><th>False</th><td>1</td></tr><tr><th>True</th><td>2</td></tr>',
    )
    assert header_rows(multi) == [[("th", "source"), ("th", "main"), ("th", "min")]]


def test_fix_tables_keeps_a_named_column_axis_and_empties_become_cells():
    soup = fixed("<tr><th>mode</th><th>balancing</th></tr><tr><th>category</th><th></th></tr>",
                 "<tr><th>mediation</th><td>3</td></tr>")  # fmt: skip
    assert header_rows(soup) == [[("th", "mode"), ("th", "balancing")], [("th", "category"), ("td", "")]]
    assert all(th.get_text(strip=True) and th.get("scope") for th in soup.find_all("th"))
