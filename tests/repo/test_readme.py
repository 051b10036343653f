"""The README documents the two commands CI relies on, and every Binder link uses the one documented slug."""

import re

from support import ROOT

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


def run_section(readme: str) -> str:
    """The README's "Run it on your computer" section (up to its conda subsection)."""
    return readme.split("## Run it on your computer", 1)[1].split("### With conda", 1)[0]


def test_readme_gives_the_windows_commands_the_launcher_understands():
    section = run_section((ROOT / "README.md").read_text(encoding="utf-8"))
    launcher = (ROOT / "scripts" / "launch.py").read_text(encoding="utf-8")
    for command in ("start", "test"):
        assert f"py scripts\\launch.py {command}\n" in section
        assert f'if command == "{command}":' in launcher
    assert "Windows" in section and "macOS" in section and "Linux" in section


def test_readme_names_the_supported_pythons_and_says_what_was_tried_where():
    section = run_section((ROOT / "README.md").read_text(encoding="utf-8"))
    launcher = (ROOT / "scripts" / "launch.py").read_text(encoding="utf-8")
    versions = re.search(r"^SUPPORTED = \(([^)]*)\)", launcher, flags=re.MULTILINE).group(1).replace('"', "")
    *older, newest = sorted((v.strip() for v in versions.split(",")), key=lambda v: tuple(map(int, v.split("."))))
    assert f"Python {', '.join(older)} or {newest} with pip" in section, "the versions launch.py supports"
    assert f"with Python {', '.join(older)} and {newest}" in section, "where the two commands were tried"
    assert "not been run on a real Windows machine" in section


def tree_paths(readme: str) -> list[str]:
    """Paths named in the README's "How it is built" tree: top-level entries and, indented under them, their parts."""
    block = readme.split("## How it is built", 1)[1].split("```", 2)[1]
    paths, parent = [], ""
    for line in block.splitlines():
        if not line.strip() or "not committed" in line:
            continue
        names = line.strip().split("  ")[0]
        indented = line.startswith(" ")
        for name in (n.strip() for n in names.split(",")):
            path = parent + name if indented else name
            paths.append(path)
            if not indented:
                parent = name
    return paths


def test_the_readme_tree_names_only_what_exists():
    paths = tree_paths((ROOT / "README.md").read_text(encoding="utf-8"))
    assert "src/betweenpowers/explorers.py" in paths and "src/betweenpowers_tools/build_data/" in paths
    missing = [p for p in paths if not (ROOT / p).exists()]
    assert missing == [], f"README's 'How it is built' names paths that do not exist: {missing}"
