"""The static edition passes an automated accessibility audit: axe-core in headless Debian Chromium.

The series (lessons and solutions) is exported once into a temporary folder (as python -m
betweenpowers_tools.static_edition does); then each page, index.html included, is opened from file:// with every
network request blocked and recorded, axe-core is injected and run over the whole page, and the test fails on any
violation of impact "critical" or "serious" (a report lists rule, impact, help URL and the first elements). The page
must also load nothing from the network (it is meant to work offline).

axe-core comes from the PyPI package axe-playwright-python, which ships axe.min.js (its Python API is not used: we
run axe.run ourselves to choose the options). One test per page, collected from notebooks/ and solutions/ when
pytest starts; the ``browser`` fixture (conftest.py) skips them without /usr/bin/chromium or playwright (fails under
CI). A last test audits a deliberately broken page and expects the violations it was built to have, so a harness
that silently audits nothing cannot pass.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from betweenpowers_tools import static_edition as se

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
BLOCKING = {"critical", "serious"}
# WCAG 2.0/2.1/2.2 A and AA rules plus axe's best practices (all rules axe runs by default).
AXE_OPTIONS = {"resultTypes": ["violations"]}
TIMEOUT_MS = 60_000


def _skip_or_fail(reason: str):
    """As in conftest.py: skip, or fail when CI is set (CI must run the browser tests)."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, and CI must run the browser tests)", pytrace=False)
    pytest.skip(reason)


def expected_pages() -> list[str]:
    """The page paths the export writes (relative to its folder): index, lessons, solutions."""
    pages = ["index.html"] + [f"{p.stem}.html" for p in sorted((ROOT / "notebooks").glob("*.ipynb"))]
    return pages + [f"solutions/{p.stem}.html" for p in sorted((ROOT / "solutions").glob("*.ipynb"))]


@pytest.fixture(scope="module")
def axe_script() -> str:
    try:
        from axe_playwright_python.base import AXE_FILE_PATH
    except ImportError:
        _skip_or_fail("axe-playwright-python (axe-core for Playwright) is not installed: scripts/test.sh installs it")
    return AXE_FILE_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def static_site(tmp_path_factory) -> Path:
    return se.export(tmp_path_factory.mktemp("static-a11y") / "site", solutions=True).out


def audit(browser, axe_script: str, path: Path) -> tuple[list[dict], list[str]]:
    """Open ``path`` offline, run axe-core over it; return (violations, URLs the page tried to load)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requested = []

    def block(route):
        requested.append(route.request.url)
        route.abort()

    try:
        context.route(lambda url: not url.startswith(("file:", "data:")), block)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.add_script_tag(content=axe_script)
        result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    finally:
        context.close()
    return result["violations"], requested


def report(violations: list[dict], n: int = 3) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}, {len(v['nodes'])} element(s)): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:n]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:160]!r}")
            for check in (node.get("any") or []) + (node.get("all") or []) + (node.get("none") or []):
                lines.append(f"      {check.get('message', '')[:200]}")
                break
    return "\n".join(lines)


@pytest.mark.parametrize("page_path", expected_pages())
def test_page_has_no_serious_accessibility_violation(browser, axe_script, static_site, page_path):
    path = static_site / page_path
    assert path.is_file(), f"the export wrote no {page_path}"
    violations, requested = audit(browser, axe_script, path)
    blocking = [v for v in violations if v.get("impact") in BLOCKING]
    assert not blocking, f"{page_path}: axe-core found critical or serious violations:\n{report(blocking)}"
    assert not requested, f"{page_path} loads from the network (it must work offline): {requested[:5]}"


BROKEN_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"></head><body><main>
<h1>Broken on purpose</h1>
<p style="color:#b0b0b0; background:#ffffff">In [1]: text with too little contrast</p>
<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAA\
ABJRU5ErkJggg==">
<table><thead><tr><th></th><th>a</th></tr></thead><tbody><tr><th>0</th><td>1</td></tr></tbody></table>
<a href="https://example.org/"></a>
</main></body></html>
"""


def test_the_audit_finds_violations_in_a_broken_page(browser, axe_script, tmp_path):
    page = tmp_path / "broken.html"
    page.write_text(BROKEN_PAGE, encoding="utf-8")
    violations, _ = audit(browser, axe_script, page)
    found = {v["id"]: v["impact"] for v in violations}
    expected = {
        "html-has-lang": "serious",
        "document-title": "serious",
        "image-alt": "critical",
        "color-contrast": "serious",
        "link-name": "serious",
        "empty-table-header": "minor",
    }
    assert {k: found.get(k) for k in expected} == expected, report(violations)
