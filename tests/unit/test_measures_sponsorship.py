"""Unit tests of betweenpowers.measures.sponsorship against the shipped tables."""

import pytest

from betweenpowers.measures import sponsorship as m


@pytest.fixture(scope="module")
def tables(table):
    return table("unga_sponsorship_yearly"), table("unga_sponsorship"), table("unga_resolutions")


def test_kazakhstan_per_year_and_the_median_member(tables):
    yearly, _, _ = tables
    counts = m.sponsored_per_year(yearly, ["KAZ"], "any")["KAZ"]
    assert counts.loc[2019] == 50 and counts.loc[2025] == 79 and list(counts.index) == list(range(2019, 2026))
    median = m.median_member(yearly, "any")
    members = yearly[yearly["un_member"] & (yearly["year"] == 2025)]
    assert median.loc[2025] == members["n_sponsored"].median()
    with pytest.raises(ValueError):
        m.median_member(yearly, "lead")


def test_joint_central_asian_drafts_include_the_known_ones(tables):
    _, sponsorship, resolutions = tables
    joint = m.joint_drafts(sponsorship, resolutions)
    for symbol in ("A/RES/76/295", "A/RES/78/147", "A/RES/79/322", "A/RES/80/115"):
        assert symbol in set(joint["symbol"])
    main = sponsorship[sponsorship["role"] == "main"]
    for symbol in joint["symbol"]:
        assert set(m.CENTRAL_ASIA) <= set(main.loc[main["symbol"] == symbol, "iso3"])


def test_subjects_count_each_resolution_once_per_subject(tables):
    _, sponsorship, resolutions = tables
    top = m.subject_counts(sponsorship, resolutions, "KAZ", "main", top=5)
    n_main = int(((sponsorship["iso3"] == "KAZ") & (sponsorship["role"] == "main")).sum())
    assert len(top) == 5 and top.is_monotonic_decreasing and top.iloc[0] <= n_main
