"""Unit tests of betweenpowers.widgets.claims: the claim figures over the whole grid, their alt text, the verdict
line and the explorer. The evidence and the verdicts are tested in test_measures_claims.py."""

import dataclasses

import ipywidgets
import pytest
from support import first_control, shown, shown_item

from betweenpowers.measures.claims import CLAIM_CHOICES, CLAIM_TABLES, claim_view
from betweenpowers.plots import AltFigure
from betweenpowers.widgets.claims import claim_figure, claims_explorer, describe_claim, evidence_text
from betweenpowers.widgets.common import EXPLORER_CLASS

GRID = [(claim, choice) for claim, choices in CLAIM_CHOICES.items() for choice in choices]


@pytest.fixture(scope="module")
def tables(table):
    """The capstone's tables, keyed as CLAIM_TABLES (as the lesson passes them)."""
    return {key: table(name) for key, name in CLAIM_TABLES.items()}


@pytest.mark.parametrize(("claim", "choice"), GRID, ids=[f"{c}-{k}" for c, k in GRID])
def test_claim_figure_grid(tables, claim, choice):
    view = claim_view(tables, claim, choice)
    figure = claim_figure(view)
    assert isinstance(figure, AltFigure) and figure.png.startswith(b"\x89PNG")
    assert figure.alt.startswith(view.title) and "Verdict" not in figure.alt
    assert f"Verdict with this choice: {view.verdict}." in describe_claim(view, with_verdict=True)
    text = evidence_text(view)
    assert text.startswith(claim) and view.reasoning in text and view.verdict.upper() not in text
    assert view.verdict.upper() in evidence_text(view, with_verdict=True)
    assert ("dotted line marks the change of source after 2020" in figure.alt) == (view.source_switch is not None)


def test_source_switch_is_drawn(tables):
    view = claim_view(tables, "C09", "reported")
    without = dataclasses.replace(view, source_switch=None)
    assert claim_figure(view).png != claim_figure(without).png


def test_empty_view_gives_a_message(tables):
    full = claim_view(tables, "C01", "date")
    view = dataclasses.replace(full, data=full.data.iloc[0:0])
    message = claim_figure(view)
    assert isinstance(message, str) and message.startswith("Nothing to draw for C01")


def test_explorer_first_dropdown_redraws_and_choices_follow_the_claim(tables):
    explorer = claims_explorer(tables)
    assert EXPLORER_CLASS in explorer._dom_classes
    claim_box, choice_box, verdict, output = explorer.children
    assert isinstance(claim_box, ipywidgets.Dropdown) and isinstance(choice_box, ipywidgets.Dropdown)
    assert not any(isinstance(w, ipywidgets.Checkbox) for w in explorer.children)
    assert first_control(explorer) is claim_box  # what the browser test changes
    assert claim_box.value == "C12" and choice_box.value == "reported_members"
    assert shown(output) == "figure"
    first = shown_item(output)["data"]["image/png"]
    assert "China" in verdict.value and "SUPPORTED" not in verdict.value  # 2025, Kazakh statistics, EU by member

    claim_box.value = claim_box.options[0][1]  # what the browser test does: another option of the first dropdown
    assert claim_box.value == "C01"
    assert [key for _, key in choice_box.options] == list(CLAIM_CHOICES["C01"])
    assert shown_item(output)["data"]["image/png"] != first
    assert "C01" in verdict.value and "Almaty" in verdict.value

    before = shown_item(output)["data"]["image/png"]
    choice_box.value = "city"
    assert shown_item(output)["data"]["image/png"] != before and "KZ059" in verdict.value


def test_explorer_rejects_an_unknown_claim(tables):
    with pytest.raises(ValueError):
        claims_explorer(tables, claim="C00")


def test_evidence_text_is_html_safe_in_the_explorer(tables):
    explorer = claims_explorer(tables, claim="C05")
    verdict = explorer.children[2]
    assert "<p" in verdict.value and "&#x27;" in verdict.value  # the apostrophes of the reasoning are escaped


def test_explorer_with_verdict_names_the_rules_verdict(tables):
    """With ``with_verdict=True`` the explorer says the verdict each definition's rule gives; the lesson's does not."""
    for with_verdict in (False, True):
        finding = claims_explorer(tables, with_verdict=with_verdict).children[2].value
        assert ("SUPPORTED" in finding) is with_verdict


def test_class_verdicts_figure_puts_the_most_disputed_claim_first(tmp_path):
    from betweenpowers.checks.verdicts import class_tally, save_verdict
    from betweenpowers.widgets.claims import class_verdicts_figure

    sheets = []
    for student, c03 in enumerate(["supported", "contradicted", "partly supported", "contradicted"]):
        path = tmp_path / f"student{student}.csv"
        save_verdict("C01", "partly supported", "core true, city wrong here", path)
        save_verdict("C03", c03, "trade thirds in few years only", path)
        sheets.append(path)
    (tmp_path / "broken.csv").write_text("not,a,sheet\n", encoding="utf-8")
    tally = class_tally([*sheets, tmp_path / "broken.csv"])
    assert tally.loc["C03", "contradicted"] == 2 and tally.loc["C03", "agreement"] == 0.5
    assert tally.loc["C01", "agreement"] == 1 and tally.loc["C02", "sheets"] == 0
    figure = class_verdicts_figure(tally)
    assert isinstance(figure, AltFigure) and "most disputed at the top: C03" in figure.alt
    assert "C03: supported 1, partly supported 1, contradicted 2" in figure.alt and "C02" not in figure.alt
    assert isinstance(class_verdicts_figure(class_tally([])), str)
