"""Unit tests of betweenpowers.measures.claims: the verdict scale, the helpers behind the verdicts, and the evidence
and verdict of every claim under every choice (:func:`claim_view`, a :class:`ClaimEvidence`)."""

import dataclasses
import math

import pandas as pd
import pytest

from betweenpowers import data
from betweenpowers.measures.claims import (
    CLAIM_CHOICES,
    CLAIM_LESSONS,
    CLAIM_TABLES,
    CLAIMS,
    KIND_COLUMNS,
    KINDS,
    RULES,
    VERDICTS,
    ClaimEvidence,
    before_after,
    change_correlation,
    check_verdict,
    city_in_title,
    claim_view,
    format_years,
    level_correlation,
    per_year_by_era,
    share_verdict,
    years_at_or_above,
)

GRID = [(claim, choice) for claim, choices in CLAIM_CHOICES.items() for choice in choices]


@pytest.fixture(scope="module")
def tables(table):
    """The capstone's tables, keyed as CLAIM_TABLES (as the lesson passes them)."""
    return {key: table(name) for key, name in CLAIM_TABLES.items()}


# -- The scale and the helpers --------------------------------------------------------------------------------------
def test_sixteen_claims_each_with_a_lesson():
    assert list(CLAIMS) == [f"C{n:02d}" for n in range(1, 17)]
    assert set(CLAIM_LESSONS) == set(CLAIMS)
    assert VERDICTS == ("supported", "partly supported", "contradicted", "not testable with this data")


def test_check_verdict_accepts_the_four_and_names_them_otherwise():
    for verdict in VERDICTS:
        assert check_verdict(verdict) == verdict
    with pytest.raises(ValueError, match="not testable with this data"):
        check_verdict("true")


def test_city_in_title_finds_the_first_city_or_nothing():
    titles = pd.Series(["Guterres in Almaty: host-country agreement", "Almaty hosts talks in Astana", "No venue"],
                       index=[5, 6, 7])
    cities = city_in_title(titles)
    assert cities.tolist() == ["Almaty", "Almaty", ""]
    assert cities.index.tolist() == [5, 6, 7]


def test_years_at_or_above_keeps_order_and_skips_missing():
    series = pd.Series([0.95, None, 0.9, 0.89], index=[2003, 2004, 2005, 2006])
    assert years_at_or_above(series, 0.9) == [2003, 2005]
    assert years_at_or_above(series, 2.0) == []


def test_format_years_shortens_long_lists():
    assert format_years([]) == "none"
    assert format_years([2003, 2005]) == "2003, 2005"
    assert format_years(list(range(2000, 2007))) == "2000, 2001, 2002, ..., 2006"


def test_before_after_means_and_change():
    series = pd.Series([1.0, 3.0, 10.0, 20.0], index=[2012, 2013, 2014, 2015])
    result = before_after(series, 2014)
    assert result["before"] == 2.0 and result["after"] == 15.0 and result["change"] == 13.0
    empty_side = before_after(series, 2030)
    assert math.isnan(empty_side["after"]) and math.isnan(empty_side["change"])


def test_per_year_by_era_divides_by_the_length_of_each_era():
    table = per_year_by_era([1992, 2010, 2019, 2020, 2025, 2030], boundary=2019, first=1991, last=2025)
    assert table.index.tolist() == ["1991-2018", "2019-2025"]
    assert table["years"].tolist() == [28, 7]
    assert table["events"].tolist() == [2, 3]  # 2030 lies outside the range
    assert table.loc["2019-2025", "per_year"] == pytest.approx(3 / 7)
    with pytest.raises(ValueError):
        per_year_by_era([2000], boundary=1991, first=1991, last=2025)


def test_change_correlation_uses_changes_not_levels():
    years = range(2000, 2006)
    x = pd.Series([100, 110, 115, 125, 130, 140], index=years)  # big, small, big, small, big steps
    y = pd.Series([100, 103, 110, 112, 120, 122], index=years)  # small, big, small, big, small steps
    # Both rise, so their levels correlate strongly; their yearly changes move against each other.
    assert level_correlation(x, y) > 0.9
    assert change_correlation(x, y) < -0.8
    assert change_correlation(y, y * 2) == pytest.approx(1.0)
    assert math.isnan(change_correlation(y.iloc[:3], y.iloc[:3]))  # two changes are too few
    assert math.isnan(level_correlation(y.iloc[:2], y.iloc[:2]))


def test_share_verdict_cut_points():
    assert share_verdict(27, 27) == "supported"
    assert share_verdict(22, 27) == "supported"  # 81%
    assert share_verdict(18, 27) == "partly supported"
    assert share_verdict(9, 27) == "partly supported"  # exactly one third
    assert share_verdict(2, 27) == "contradicted"
    assert share_verdict(0, 0) == "not testable with this data"


# -- The evidence type and the table keys -------------------------------------------------------------------------
def test_every_claim_has_at_least_two_choices_and_a_rule():
    assert list(CLAIM_CHOICES) == list(CLAIMS)
    assert all(len(choices) >= 2 for choices in CLAIM_CHOICES.values())
    assert list(RULES) == list(CLAIMS)


def test_claim_tables_name_shipped_tables():
    assert set(CLAIM_TABLES.values()) <= set(data.table_names())
    assert len(set(CLAIM_TABLES.values())) == len(CLAIM_TABLES)


def _evidence(**changes) -> ClaimEvidence:
    points = pd.DataFrame({"x": [1.0], "y": [2.0], "label": ["a"]})
    fields = {"claim": "C16", "choice": "gdp_changes", "choice_label": "a label", "kind": "scatter",
              "verdict": "supported", "reasoning": "why", "data": points, "title": "t", "xlabel": "x", "ylabel": "y",
              "source": "a source line"}
    return ClaimEvidence(**{**fields, **changes})


def test_claim_evidence_checks_kind_verdict_columns_and_option_names():
    evidence = _evidence(r=0.5)
    assert evidence.r == 0.5 and evidence.reference is None and evidence.digits == 1 and evidence.y_order == ()
    with pytest.raises(ValueError, match="scatter"):
        _evidence(kind="pie")
    with pytest.raises(ValueError, match="partly supported"):
        _evidence(verdict="true")
    with pytest.raises(ValueError, match="highlight"):
        _evidence(kind="dots")
    with pytest.raises(TypeError):
        _evidence(refrence=(1.0, "a typo"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        evidence.verdict = "contradicted"


# -- Every claim under every choice ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("claim", "choice"), GRID, ids=[f"{c}-{k}" for c, k in GRID])
def test_claim_view_grid(tables, claim, choice):
    view = claim_view(tables, claim, choice)
    assert view.claim == claim and view.choice == choice and view.choice_label == CLAIM_CHOICES[claim][choice]
    assert view.kind in KINDS and view.verdict in VERDICTS
    assert len(view.reasoning) > 40 and view.source.split(": ")[0] in ("Source", "Sources")
    assert not view.data.empty
    if view.kind == "barh":
        assert list(view.data.columns) == ["value", "group"]
    elif view.kind == "dots":
        assert list(view.data.columns) == ["x", "y", "label", "highlight"]
    elif view.kind == "scatter":
        assert list(view.data.columns) == ["x", "y", "label"]


def test_every_claim_and_choice_gives_typed_evidence(tables):
    seen = set()
    for claim, choices in CLAIM_CHOICES.items():
        for choice in choices:
            evidence = claim_view(tables, claim, choice)
            assert isinstance(evidence, ClaimEvidence) and isinstance(evidence.data, pd.DataFrame)
            assert evidence.verdict in VERDICTS and evidence.kind in KINDS
            assert tuple(evidence.data.columns) == KIND_COLUMNS.get(evidence.kind, tuple(evidence.data.columns))
            seen.add(claim)
    assert len(seen) == 16


def test_source_lines_come_from_the_data_package(tables):
    assert claim_view(tables, "C12").source == data.source_line("trade_bns", note="Own calculation.")
    assert claim_view(tables, "C12", "mirror_bloc").source == data.source_line("trade_dots", note="Own calculation.")
    assert claim_view(tables, "C10").source == data.source_line("trade_dots", "trade_bns", note="Own calculation.")
    assert claim_view(tables, "C01").source == data.source_line("diplomatic_events", note="Own coding and calculation.")
    assert claim_view(tables, "C12", "pages_2023").source == data.source_line(
        "trade_page_figures", "macro_kaz_annual", sources=("pages", "bns"), note="Own calculation.")
    assert claim_view(tables, "C16").source == data.source_line("macro_kaz_annual", sources=("wdi", "eia"),
                                                                note="Own calculation.")
    assert claim_view(tables, "C16", "exports_changes").source == data.source_line(
        "macro_kaz_annual", sources=("eia", "bns"), note="Own calculation.")


def test_default_choice_is_the_first_and_bad_input_is_named(tables):
    assert claim_view(tables, "C12").choice == "reported_members"
    with pytest.raises(ValueError, match="C01"):
        claim_view(tables, "C99")
    with pytest.raises(ValueError, match="reported_members"):
        claim_view(tables, "C12", "mirror")
    with pytest.raises(ValueError, match="trade_pages"):
        claim_view({"events": tables["events"]}, "C12", "pages_2023")
    with pytest.raises(ValueError, match="diplomatic_events"):
        claim_view(None, "C01")


def test_c01_finds_almaty_in_august_2025_and_astana_in_2024(tables):
    by_date = claim_view(tables, "C01", "date")
    marked = by_date.data[by_date.data["highlight"]]
    assert marked["label"].tolist() == ["KZ067 2025-08-03"] and marked["y"].tolist() == ["Almaty"]
    by_city = claim_view(tables, "C01", "city")
    assert by_city.data.loc[by_city.data["highlight"], "label"].tolist() == ["KZ059 2024-07-03"]
    assert by_date.verdict == by_city.verdict == "partly supported"


def test_c12_verdict_moves_with_source_and_eu_definition(tables):
    verdicts = {choice: claim_view(tables, "C12", choice) for choice in CLAIM_CHOICES["C12"]}
    tops = {choice: view.data.index[0] for choice, view in verdicts.items()}
    assert tops == {"reported_members": "China", "reported_bloc": "EU-27", "mirror_members": "China",
                    "mirror_bloc": "China", "pages_2023": "China"}
    assert verdicts["reported_members"].verdict == "supported" and "2025" in verdicts["reported_members"].title
    assert verdicts["reported_bloc"].verdict == "contradicted"
    assert verdicts["mirror_bloc"].verdict == "supported" and "2020" in verdicts["mirror_bloc"].title
    assert verdicts["reported_members"].data.loc["China", "value"] == pytest.approx(23.6, abs=0.05)
    assert verdicts["reported_members"].data.loc["Russia", "value"] == pytest.approx(19.2, abs=0.05)
    assert verdicts["pages_2023"].data.loc["China", "value"] == pytest.approx(22.6, abs=0.05)


def test_c03_trade_balance_depends_on_whose_statistics(tables):
    reported = claim_view(tables, "C03", "trade_reported")
    mirror = claim_view(tables, "C03", "trade_mirror")
    assert "7 of 32 years 1994-2025" in reported.reasoning and reported.verdict == "contradicted"
    assert "18 of 27 years 1994-2020" in mirror.reasoning and mirror.verdict == "partly supported"
    assert list(reported.data.columns) == ["Russia", "China", "West"]
    assert reported.data.loc[2020, "Russia"] == pytest.approx(21.4, abs=0.05)


def test_c04_agreement_with_russia_fell_under_every_rule(tables):
    for rule in CLAIM_CHOICES["C04"]:
        view = claim_view(tables, "C04", rule)
        before = view.data.loc[:2013, "Kazakhstan"].mean()
        after = view.data.loc[2014:, "Kazakhstan"].mean()
        assert after < before and view.verdict == "partly supported"
    half = claim_view(tables, "C04", "half")
    assert half.data.loc[:2013, "Kazakhstan"].mean() == pytest.approx(0.862, abs=0.001)


def test_c10_and_c09_thresholds(tables):
    usa = claim_view(tables, "C10", "reported")
    assert usa.data.loc[:2020, "USA"].max() == pytest.approx(2.79, abs=0.01)
    assert "2 of the 4 years 2022-2025 (2023, 2024)" in usa.reasoning and usa.verdict == "partly supported"
    us_side = claim_view(tables, "C10", "mirror")
    assert "0 of the 27 years 1994-2020" in us_side.reasoning and us_side.verdict == "contradicted"
    pages = claim_view(tables, "C10", "pages")
    assert pages.verdict == "partly supported" and pages.data["value"].max() == pytest.approx(4.0)
    eu = claim_view(tables, "C09", "reported")
    assert eu.data.loc[2024, "EU-27"] == pytest.approx(48.8, abs=0.05) and eu.verdict == "partly supported"
    assert "oil supplier" in eu.reasoning  # the half of the claim the data cannot test
    assert claim_view(tables, "C09", "mirror").verdict == "not testable with this data"


def test_c05_and_c07_read_kazakh_statistics_to_2025(tables):
    uzbekistan = claim_view(tables, "C05", "reported")
    assert uzbekistan.data.index.max() == 2025 and claim_view(tables, "C05", "mirror").data.index.max() == 2020
    azerbaijan = claim_view(tables, "C07", "reported")
    assert azerbaijan.verdict == "not testable with this data" and azerbaijan.data.index.max() == 2025
    whole_2025 = azerbaijan.data.loc[2025, "Azerbaijan"]
    assert f"The whole of 2025 comes to {whole_2025:.0f} million US$" in azerbaijan.reasoning
    assert f"less than {whole_2025 - 330:.0f} for the second" in azerbaijan.reasoning


def test_c11_netherlands_decides_the_40_percent(tables):
    with_nld = claim_view(tables, "C11", "cumulative")
    without = claim_view(tables, "C11", "cumulative_without_nld")
    assert with_nld.data["value"].iloc[0] == pytest.approx(53.5, abs=0.05)
    assert without.data["value"].iloc[0] == pytest.approx(26.1, abs=0.05)
    assert without.verdict == "contradicted"


def test_c13_votes_and_statement(tables):
    view = claim_view(tables, "C13", "not_with_russia")
    marked = view.data[view.data["highlight"]]
    assert marked["label"].tolist() == ["68/262", "ES-11/4"] and set(marked["y"]) == {"abstain"}
    assert view.verdict == "supported" and "KZ048" in view.reasoning
    assert claim_view(tables, "C13", "voted_for").verdict == "partly supported"


def test_c14_c15_c16_numbers(tables):
    imports = claim_view(tables, "C14", "imports")
    assert "32 of 32 years 1994-2025" in imports.reasoning and imports.verdict == "supported"
    assert "27 of 27 years 1994-2020" in claim_view(tables, "C14", "imports_mirror").reasoning
    un = claim_view(tables, "C15", "2019")
    assert un.data.loc["UN initiatives, 2019-2025", "value"] == pytest.approx(4 / 7)
    assert un.data.loc["UN initiatives, 1991-2018", "value"] == pytest.approx(5 / 28)
    oil = claim_view(tables, "C16", "gdp_changes")
    assert oil.r == pytest.approx(0.494, abs=0.001) and len(oil.data) == 28


def test_trade_lines_mark_where_kazakh_statistics_change_source(tables):
    """Kazakhstan's statistics run on IMF data to 2020 and BNS data from 2021: every such line says where."""
    crossing = [("C03", "trade_reported"), ("C05", "reported"), ("C07", "reported"), ("C09", "reported"),
                ("C10", "reported"), ("C14", "imports"), ("C14", "exports")]
    for claim, choice in crossing:
        view = claim_view(tables, claim, choice)
        assert view.source_switch == 2020.5 and view.data.index.max() == 2025, (claim, choice)
        assert "Bureau of National Statistics" in view.source and "IMF" in view.source, (claim, choice)
    for claim, choice in [("C03", "trade_mirror"), ("C05", "mirror"), ("C09", "mirror"), ("C14", "imports_mirror"),
                          ("C04", "half"), ("C16", "gdp_changes")]:
        view = claim_view(tables, claim, choice)
        assert view.source_switch is None and "Bureau of National Statistics, trade" not in view.source, (claim, choice)
