"""Launch links for a class: a Binder link and an nbgitpuller link per lesson.

    python -m betweenpowers_tools.links                                   # Binder links, branch HEAD
    python -m betweenpowers_tools.links --ref v2027.1                     # pinned to a release tag
    python -m betweenpowers_tools.links --hub https://hub.example.edu     # nbgitpuller links for a class JupyterHub

The repository slug (``owner/name`` on GitHub) is read from ``docs/binder-slug.txt``, the one place it is kept.
Link formats: Binder's ``/v2/gh/<slug>/<ref>?urlpath=lab/tree/<path>``; nbgitpuller's
``<hub>/hub/user-redirect/git-pull?repo=…&branch=…&urlpath=lab/tree/<folder>/<path>%3Fautodecode``, where the
folder is the name the repository is cloned under in each student's home (see
https://nbgitpuller.readthedocs.io/en/latest/topic/url-options.html).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
SLUG_FILE = ROOT / "docs" / "binder-slug.txt"


def repository_slug(slug_file: Path = SLUG_FILE) -> str:
    """The GitHub ``owner/name`` of the series, from ``docs/binder-slug.txt`` (a line ``BINDER_REPO=owner/name``)."""
    for line in slug_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("BINDER_REPO="):
            slug = line.removeprefix("BINDER_REPO=").strip()
            if slug.count("/") == 1 and all(slug.split("/")):
                return slug
    raise ValueError(f"{slug_file} has no line BINDER_REPO=owner/name")


def lesson_paths(root: Path = ROOT) -> list[str]:
    """Repository-relative paths of the lessons, in course order."""
    return [f"notebooks/{p.name}" for p in sorted((root / "notebooks").glob("*.ipynb"))]


def binder_url(slug: str, path: str, ref: str = "HEAD") -> str:
    """A mybinder.org link that opens ``path`` in JupyterLab."""
    return f"https://mybinder.org/v2/gh/{slug}/{ref}?urlpath=lab/tree/{path}"


def nbgitpuller_url(hub: str, slug: str, path: str, branch: str = "main") -> str:
    """A link that pulls the repository into a student's JupyterHub home and opens ``path`` in JupyterLab."""
    repo_url = f"https://github.com/{slug}"
    folder = slug.split("/")[1]
    return (f"{hub.rstrip('/')}/hub/user-redirect/git-pull?repo={quote(repo_url, safe='')}"
            f"&branch={quote(branch, safe='')}&urlpath=lab/tree/{folder}/{path}%3Fautodecode")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print a launch link per lesson.")
    parser.add_argument("--hub", help="base URL of a JupyterHub with nbgitpuller (prints nbgitpuller links)")
    parser.add_argument("--ref", default=None,
                        help="git branch or release tag (default: HEAD for Binder, main for nbgitpuller)")
    args = parser.parse_args(argv)
    slug = repository_slug()
    for path in lesson_paths():
        if args.hub:
            url = nbgitpuller_url(args.hub, slug, path, args.ref or "main")
        else:
            url = binder_url(slug, path, args.ref or "HEAD")
        print(f"{Path(path).stem}\t{url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
