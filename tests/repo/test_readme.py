"""The README documents the two commands CI relies on, and every Binder link uses the one documented slug."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BINDER_LINK = re.compile(r"mybinder\.org/v2/gh/([^/\s]+/[^/\s]+)/")


def binder_slugs(text: str) -> set[str]:
    return set(BINDER_LINK.findall(text))


def documented_slug() -> str:
    line = (ROOT / "docs" / "binder-slug.txt").read_text(encoding="utf-8").strip()
    assert line.startswith("BINDER_REPO=")
    return line.removeprefix("BINDER_REPO=")


def test_binder_slug_finder_detects_a_stray_slug():
    text = "https://mybinder.org/v2/gh/a/b/HEAD?x and https://mybinder.org/v2/gh/c/d/HEAD"
    assert binder_slugs(text) == {"a/b", "c/d"}


def test_every_binder_link_uses_the_documented_slug():
    slug = documented_slug()
    texts = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    found = set().union(*(binder_slugs(p.read_text(encoding="utf-8")) for p in texts))
    assert found == {slug}


def test_readme_gives_the_two_commands_and_ci_calls_the_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/start.sh" in readme and "bash scripts/test.sh" in readme
    assert "urlpath=lab/tree/notebooks/00_start_here.ipynb" in readme
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
