"""Unit tests of betweenpowers_tools.links: launch links per lesson."""

from urllib.parse import parse_qs, urlparse

import pytest

from betweenpowers_tools import links


def test_slug_is_read_from_the_one_documented_place(tmp_path):
    slug_file = tmp_path / "binder-slug.txt"
    slug_file.write_text("# comment\nBINDER_REPO=owner/name\n")
    assert links.repository_slug(slug_file) == "owner/name"
    slug_file.write_text("BINDER_REPO=no-slash\n")
    with pytest.raises(ValueError, match="BINDER_REPO"):
        links.repository_slug(slug_file)


def test_binder_url_opens_the_lesson_in_jupyterlab():
    url = links.binder_url("o/r", "notebooks/02_trade_vectors.ipynb", "v2027.1")
    assert url == "https://mybinder.org/v2/gh/o/r/v2027.1?urlpath=lab/tree/notebooks/02_trade_vectors.ipynb"


def test_nbgitpuller_url_has_repo_branch_and_path_inside_the_clone():
    url = links.nbgitpuller_url("https://hub.example.edu/", "o/between-powers", "notebooks/00_start_here.ipynb", "v1")
    parsed = urlparse(url)
    assert parsed.netloc == "hub.example.edu" and parsed.path == "/hub/user-redirect/git-pull"
    query = parse_qs(parsed.query)
    assert query["repo"] == ["https://github.com/o/between-powers"]
    assert query["branch"] == ["v1"]
    assert query["urlpath"] == ["lab/tree/between-powers/notebooks/00_start_here.ipynb?autodecode"]


def test_lesson_paths_are_in_course_order_and_start_with_lesson_00():
    paths = links.lesson_paths()
    assert paths[0] == "notebooks/00_start_here.ipynb"
    assert paths == sorted(paths)


def test_main_prints_one_link_per_lesson(capsys):
    assert links.main(["--hub", "https://hub.example.edu", "--ref", "v1"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == len(links.lesson_paths())
    assert all("git-pull?repo=" in line and "branch=v1" in line for line in lines)


def test_readme_has_a_binder_link_per_lesson():
    readme = (links.ROOT / "README.md").read_text(encoding="utf-8")
    slug = links.repository_slug()
    for path in links.lesson_paths():
        assert links.binder_url(slug, path) in readme, f"README lacks the Binder link for {path}"
