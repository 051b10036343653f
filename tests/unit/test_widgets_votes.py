"""Unit tests of betweenpowers.widgets.votes: the lesson 03 explorer over its whole grid, its UI and static figures."""

import itertools

import ipywidgets
import numpy as np
import pandas as pd
import pytest
from support import assert_each_change_redraws, first_control, shown, shown_item, shown_text

from betweenpowers import data
from betweenpowers.measures.issues import ISSUE_LABELS, LAST_CODED_YEAR, agreement_table
from betweenpowers.measures.votes import AGREEMENT_RULES
from betweenpowers.plots import AltFigure
from betweenpowers.vectors import GREAT_POWERS
from betweenpowers.widgets import votes as w
from betweenpowers.widgets.common import EXPLORER_CLASS
from betweenpowers.widgets.votes import (
    COMPARISON_COUNTRIES,
    YEARS,
    describe_votes,
    ideal_point_figure,
    issue_figure,
    neighbours_figure,
    rules_figure,
    rules_view,
    votes_explorer,
    votes_figure,
    votes_view,
)

LABELS = list(GREAT_POWERS)
PARTNER_SUBSETS = [list(c) for r in range(len(LABELS) + 1) for c in itertools.combinations(LABELS, r)]
YEAR_RANGES = [(2021, 1992), (2014, 2020), (2021, 2021), (1980, 1985)]
ISSUES = list(ISSUE_LABELS)


@pytest.fixture(scope="module")
def agreement(table):
    """The long agreement table of the explorer (computed once per module)."""
    return agreement_table(table("unga_votes"), table("unga_roll_calls"), COMPARISON_COUNTRIES)


@pytest.mark.parametrize("country", COMPARISON_COUNTRIES)
def test_votes_view_over_the_whole_grid(agreement, country):
    """Every partner subset (empty included) x issue x rule x year range, for one country per test."""
    # what the table holds for this country, to check each view against (computed once, not per grid point)
    mine = agreement[agreement["iso3"] == country].astype({"partner": str, "issue": str, "rule": str})
    expected = {key: (cell["year"].to_numpy(), cell["agreement"].to_numpy(), cell["n_votes"].to_numpy())
                for key, cell in mine.groupby(["issue", "rule", "partner"])}
    for partners, issue, rule, years in itertools.product(PARTNER_SUBSETS, ISSUES, AGREEMENT_RULES, YEAR_RANGES):
        where = (partners, issue, rule, years)
        view = votes_view(agreement, partners, country, issue, years, rule)
        assert list(view.columns) == partners + [f"n: {p}" for p in partners], where
        if not partners:
            assert view.empty, where
            continue
        first, last = sorted(years)
        assert view.index.is_monotonic_increasing and view.index.is_unique, where
        assert all(first <= year <= last for year in view.index), where
        if issue != "all":
            assert all(year <= LAST_CODED_YEAR for year in view.index), where
        if years == (1980, 1985) or (issue != "all" and years == (2021, 2021)):
            assert view.empty, where
            continue
        assert not view.empty, where
        counts = view[[f"n: {p}" for p in partners]].to_numpy()
        values = view[partners].to_numpy()
        assert (counts.sum(axis=1) > 0).all(), where  # no year without a counted roll call
        assert np.array_equal(np.isnan(values), counts == 0), where  # NaN exactly where nothing counts
        assert np.nanmin(values) >= 0 and np.nanmax(values) <= 1, where
        for label in partners:  # every value is the table's value for this cell
            cell_years, cell_values, cell_counts = expected[(issue, rule, GREAT_POWERS[label])]
            inside = (cell_years >= first) & (cell_years <= last)
            n_shown = view[f"n: {label}"].to_numpy()
            assert np.array_equal(view.index.to_numpy()[n_shown > 0], cell_years[inside]), where
            assert np.allclose(view[label].to_numpy()[n_shown > 0], cell_values[inside]), where
            assert np.array_equal(n_shown[n_shown > 0], cell_counts[inside]), where


def test_full_default_view_matches_the_published_yearly_table(agreement, table):
    view = votes_view(agreement, LABELS, "KAZ", "all", YEARS, "half")
    assert view.index.tolist() == list(range(YEARS[0], YEARS[1] + 1)) and YEARS == (1992, 2025)
    published = table("unga_agreement_yearly").query("iso3 == 'KAZ'")
    for label, code in GREAT_POWERS.items():
        series = published[published["partner"] == code].set_index("year")
        assert np.allclose(view[label].to_numpy(), series["agreement_half"].to_numpy(), atol=1e-6)
        assert view[f"n: {label}"].tolist() == series["n_votes"].tolist()


def test_view_rejects_unknown_options_and_ignores_unknown_partners(agreement):
    view = votes_view(agreement, ["Atlantis", "China"], "KAZ", "all", (2000, 2001))
    assert list(view.columns) == ["China", "n: China"]
    with pytest.raises(ValueError, match="rule must be one of"):
        votes_view(agreement, ["China"], rule="lenient")
    with pytest.raises(ValueError, match="issue must be one of"):
        votes_view(agreement, ["China"], issue="trade")
    assert votes_view(agreement, ["China"], "FRA").empty  # a country not in the table: nothing, not an error


def test_view_works_on_a_table_without_categories(agreement):
    plain = agreement.astype({"iso3": str, "partner": str, "issue": str, "rule": str})
    args = (LABELS, "UZB", "nuclear", (2010, 2020), "identical")
    pd.testing.assert_frame_equal(votes_view(plain, *args), votes_view(agreement, *args))


@pytest.mark.parametrize("partners", PARTNER_SUBSETS, ids=lambda p: "+".join(p) or "none")
@pytest.mark.parametrize("issue", ["all", "nuclear", "economic"])
def test_votes_figure(agreement, partners, issue):
    view = votes_view(agreement, partners, "KAZ", issue, YEARS, "half")
    result = votes_figure(view, "KAZ", issue, "half", YEARS)
    if not partners:
        assert isinstance(result, str) and "Choose at least one partner" in result
        return
    assert isinstance(result, AltFigure) and result.png.startswith(b"\x89PNG")
    assert result.alt.startswith("Line chart of Kazakhstan's yearly UN General Assembly vote agreement")
    assert "1992 to" in result.alt and ("Voeten roll calls" in result.alt) == (issue != "all")


def test_figure_messages_explain_why_nothing_is_drawn(agreement):
    coded_after = votes_figure(votes_view(agreement, ["USA"], "KAZ", "human_rights", (2021, 2021)), "KAZ",
                               "human_rights", "half", (2021, 2021))
    assert isinstance(coded_after, str)
    assert "Human rights" in coded_after and "only for Voeten roll calls (1992-2020)" in coded_after
    too_early = votes_figure(votes_view(agreement, ["USA"], "KAZ", "all", (1980, 1985)), "KAZ", "all", "half",
                             (1980, 1985))
    assert isinstance(too_early, str) and "1992-2025" in too_early


def test_describe_votes_names_range_extremes_and_counts():
    view = pd.DataFrame({"Russia": [0.8, 0.6], "n: Russia": [10, 12]}, index=pd.Index([2000, 2001], name="year"))
    alt = describe_votes(view, "KGZ", "nuclear", "identical")
    assert "Kyrgyzstan" in alt and "2000 to 2001" in alt and "abstention = disagreement" in alt
    assert "0.60 (in 2001)" in alt and "0.80 (in 2000)" in alt and "10 to 12 roll calls" in alt
    assert "nuclear weapons and material" in alt and "Voeten roll calls" in alt


def _parts(explorer):
    partner_row, choice_row, range_row, output = explorer.children
    boxes = [c for c in partner_row.children if isinstance(c, ipywidgets.Checkbox)]
    country, issue = choice_row.children
    years, rule = range_row.children
    return boxes, country, issue, years, rule, output


def test_explorer_renders_and_every_control_redraws(agreement):
    explorer = votes_explorer(agreement)
    assert EXPLORER_CLASS in explorer._dom_classes
    boxes, country, issue, years, rule, output = _parts(explorer)
    assert [b.description for b in boxes] == ["USA", "Russia", "China"]
    assert isinstance(explorer.children[0].children[1], ipywidgets.Checkbox)  # the first control is a checkbox
    assert first_control(explorer) is boxes[0]
    assert [value for _, value in country.options] == list(COMPARISON_COUNTRIES)
    assert [value for _, value in issue.options] == ISSUES
    assert shown_text(output).startswith("Line chart")
    assert_each_change_redraws(output, ((boxes[0], False), (country, "UZB"), (issue, "nuclear"),
                                        (years, (2000, 2010)), (rule, "excluding_abstentions")))


def test_explorer_shows_messages_not_errors(agreement):
    explorer = votes_explorer(agreement)
    boxes, country, issue, years, rule, output = _parts(explorer)
    for box in boxes:
        box.value = False
    assert "Choose at least one partner" in shown_item(output)["text"]
    boxes[1].value = True
    issue.value = "colonialism"
    years.value = (2021, 2021)
    assert shown(output) == "message" and "Voeten roll calls" in shown_text(output)
    years.value = (2015, 2021)
    assert shown(output) == "figure"


def test_static_figures(agreement, table):
    summary = pd.DataFrame({"USA": [0.2, 0.4], "Russia": [0.9, 0.6]}, index=["Human rights", "Nuclear"])
    dots = issue_figure(summary, "KAZ", "1992-2020")
    assert isinstance(dots, AltFigure)
    assert "with USA from 0.20 (Human rights) to 0.40 (Nuclear)" in dots.alt
    neighbours = neighbours_figure(summary.rename(index={"Human rights": "Kazakhstan", "Nuclear": "Uzbekistan"}),
                                   "2014-2021")
    assert "2 countries, 2014-2021" in neighbours.alt

    ideal = table("unga_ideal_points")
    figure = ideal_point_figure(ideal, vintage="2026_final_passage")
    kaz_2024 = int(ideal.query("vintage == '2026_final_passage' and iso3 == 'KAZ' and year == 2024")["n_votes"].item())
    assert f"Kazakhstan 2024: {kaz_2024} votes" in figure.alt and "1992 to 2025" in figure.alt
    older = ideal_point_figure(ideal, vintage="2025-07_final_passage", years=(1992, 2024))
    assert "drawn hollow" not in older.alt  # every estimate of that vintage rests on enough votes

    by_rule = rules_view(agreement, "KAZ", "Russia")
    assert list(by_rule.columns) == ["abstention = disagreement", "abstention = half agreement",
                                     "abstentions left out"]
    # for any pair, leaving abstentions out >= half >= identical in every year (half adds 0.5 where identical adds 0)
    assert (by_rule.iloc[:, 1] >= by_rule.iloc[:, 0]).all()
    assert rules_figure(by_rule).alt.startswith("Line chart of Kazakhstan's yearly UN General Assembly vote agreement "
                                                "with Russia, 1992 to 2025, under three rules")
    with pytest.raises(ValueError, match="partner must be one of"):
        rules_view(agreement, "KAZ", "India")


def test_source_lines_come_from_the_data_package(agreement, table, monkeypatch):
    seen = []
    monkeypatch.setattr(w, "finish", lambda fig, ax, **kwargs: seen.append(kwargs["source"]))
    votes_figure(votes_view(agreement, LABELS))
    ideal_point_figure(table("unga_ideal_points"), vintage="2026_final_passage")
    votes_figure(votes_view(agreement, LABELS, "KAZ", "nuclear", (1992, 2020)), "KAZ", "nuclear")
    issue_figure(pd.DataFrame({"USA": [0.2]}, index=["Nuclear"]))
    votes = data.source_line("unga_votes", "unga_roll_calls", note="Own calculation.")
    voeten = data.source_line("unga_votes", "unga_roll_calls", sources=("voeten_votes",), note="Own calculation.")
    assert seen[:3] == [votes, data.source_line("unga_ideal_points", note="Vintage 2026_final_passage."), voeten]
    assert seen[3] == voeten.removesuffix("Own calculation.") + "Own calculation (issue codes of Voeten's data)."
    assert data.source_line("unga_agreement_yearly", note="Own calculation.") == votes  # the same two sources


def test_points_on_few_roll_calls_are_hollow_and_named(agreement):
    """Could this be chance? A yearly value resting on fewer than THIN_ROLL_CALLS roll calls is drawn hollow, with a
    note, and the alt text names its years; a view without such points has neither."""
    from betweenpowers.widgets.votes import THIN_NOTE, THIN_ROLL_CALLS

    view = votes_view(agreement, ["USA", "Russia", "China"], "KAZ", "nuclear", (1992, 2020), "half")
    thin = sorted({int(y) for c in ("USA", "Russia", "China") for y in view.index[view[f"n: {c}"] < THIN_ROLL_CALLS]})
    assert thin, "the nuclear roll calls of the early 1990s are few: the test needs such years"
    figure = votes_figure(view, "KAZ", "nuclear", "half", (1992, 2020))
    assert f"fewer than {THIN_ROLL_CALLS} roll calls: {', '.join(map(str, thin))}." in figure.alt
    solid = view.assign(**{f"n: {c}": THIN_ROLL_CALLS for c in ("USA", "Russia", "China")})
    plain = votes_figure(solid, "KAZ", "nuclear", "half", (1992, 2020))
    assert "Hollow" not in plain.alt and plain.png != figure.png
    assert THIN_NOTE.startswith("Hollow markers")
