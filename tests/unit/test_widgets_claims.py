"""Unit tests of betweenpowers.widgets.claims: the claims explorer's view over its whole grid, its figures and UI."""

import ipywidgets
import pytest

from betweenpowers import data
from betweenpowers.measures.claims import CLAIMS, VERDICTS
from betweenpowers.plots import AltFigure
from betweenpowers.widgets.claims import (
    CLAIM_CHOICES,
    KINDS,
    TABLE_NAMES,
    claim_figure,
    claim_view,
    claims_explorer,
    verdict_text,
)

TABLES = {key: getattr(data, loader)() for key, loader in TABLE_NAMES.items()}
GRID = [(claim, choice) for claim, choices in CLAIM_CHOICES.items() for choice in choices]


def test_every_claim_has_at_least_two_choices():
    assert list(CLAIM_CHOICES) == list(CLAIMS)
    assert all(len(choices) >= 2 for choices in CLAIM_CHOICES.values())


@pytest.mark.parametrize(("claim", "choice"), GRID, ids=[f"{c}-{k}" for c, k in GRID])
def test_claim_view_grid(claim, choice):
    view = claim_view(TABLES, claim, choice)
    meta = view.attrs
    assert meta["claim"] == claim and meta["choice"] == choice
    assert meta["kind"] in KINDS and meta["verdict"] in VERDICTS
    assert len(meta["reasoning"]) > 40 and meta["source"].startswith("Source:")
    assert not view.empty
    if meta["kind"] == "barh":
        assert list(view.columns) == ["value", "group"]
    elif meta["kind"] == "dots":
        assert list(view.columns) == ["x", "y", "label", "highlight"]
    elif meta["kind"] == "scatter":
        assert list(view.columns) == ["x", "y", "label"]
    figure = claim_figure(view)
    assert isinstance(figure, AltFigure) and figure.png.startswith(b"\x89PNG")
    assert figure.alt.startswith(meta["title"]) and meta["verdict"] in figure.alt
    text = verdict_text(view)
    assert text.startswith(claim) and meta["verdict"].upper() in text


def test_default_choice_is_the_first_and_bad_input_is_named():
    assert claim_view(TABLES, "C12").attrs["choice"] == "reported_members"
    with pytest.raises(ValueError, match="C01"):
        claim_view(TABLES, "C99")
    with pytest.raises(ValueError, match="reported_members"):
        claim_view(TABLES, "C12", "mirror")
    with pytest.raises(ValueError, match="trade_pages"):
        claim_view({"events": TABLES["events"]}, "C12", "pages_2023")


def test_c01_finds_almaty_in_august_2025_and_astana_in_2024():
    by_date = claim_view(TABLES, "C01", "date")
    marked = by_date[by_date["highlight"]]
    assert marked["label"].tolist() == ["KZ067 2025-08-03"] and marked["y"].tolist() == ["Almaty"]
    by_city = claim_view(TABLES, "C01", "city")
    assert by_city.loc[by_city["highlight"], "label"].tolist() == ["KZ059 2024-07-03"]
    assert by_date.attrs["verdict"] == by_city.attrs["verdict"] == "partly supported"


def test_c12_verdict_moves_with_source_and_eu_definition():
    verdicts = {choice: claim_view(TABLES, "C12", choice) for choice in CLAIM_CHOICES["C12"]}
    tops = {choice: view.index[0] for choice, view in verdicts.items()}
    assert tops == {"reported_members": "Russia", "reported_bloc": "EU-27", "mirror_members": "China",
                    "mirror_bloc": "China", "pages_2023": "China"}
    assert verdicts["reported_members"].attrs["verdict"] == "contradicted"
    assert verdicts["mirror_bloc"].attrs["verdict"] == "supported"
    assert verdicts["reported_members"].loc["Russia", "value"] == pytest.approx(21.4, abs=0.05)
    assert verdicts["pages_2023"].loc["China", "value"] == pytest.approx(22.6, abs=0.05)


def test_c03_trade_balance_depends_on_whose_statistics():
    reported = claim_view(TABLES, "C03", "trade_reported")
    mirror = claim_view(TABLES, "C03", "trade_mirror")
    assert "2 of 27 years" in reported.attrs["reasoning"] and reported.attrs["verdict"] == "contradicted"
    assert "18 of 27 years" in mirror.attrs["reasoning"] and mirror.attrs["verdict"] == "partly supported"
    assert list(reported.columns) == ["Russia", "China", "West"]
    assert reported.loc[2020, "Russia"] == pytest.approx(21.4, abs=0.05)


def test_c04_agreement_with_russia_fell_under_every_rule():
    for rule in CLAIM_CHOICES["C04"]:
        view = claim_view(TABLES, "C04", rule)
        before = view.loc[:2013, "Kazakhstan"].mean()
        after = view.loc[2014:, "Kazakhstan"].mean()
        assert after < before and view.attrs["verdict"] == "partly supported"
    half = claim_view(TABLES, "C04", "half")
    assert half.loc[:2013, "Kazakhstan"].mean() == pytest.approx(0.862, abs=0.001)


def test_c10_and_c09_thresholds():
    usa = claim_view(TABLES, "C10", "reported")
    assert usa["USA"].max() == pytest.approx(2.79, abs=0.01) and usa.attrs["verdict"] == "contradicted"
    pages = claim_view(TABLES, "C10", "pages")
    assert pages.attrs["verdict"] == "partly supported" and pages["value"].max() == pytest.approx(4.0)
    eu = claim_view(TABLES, "C09", "reported")
    assert eu["EU-27"].idxmax() == 2014 and eu.attrs["verdict"] == "not testable with this data"


def test_c11_netherlands_decides_the_40_percent():
    with_nld = claim_view(TABLES, "C11", "cumulative")
    without = claim_view(TABLES, "C11", "cumulative_without_nld")
    assert with_nld["value"].iloc[0] == pytest.approx(53.5, abs=0.05)
    assert without["value"].iloc[0] == pytest.approx(26.1, abs=0.05)
    assert without.attrs["verdict"] == "contradicted"


def test_c13_votes_and_statement():
    view = claim_view(TABLES, "C13", "not_with_russia")
    marked = view[view["highlight"]]
    assert marked["label"].tolist() == ["68/262", "ES-11/4"] and set(marked["y"]) == {"abstain"}
    assert view.attrs["verdict"] == "supported" and "KZ048" in view.attrs["reasoning"]
    assert claim_view(TABLES, "C13", "voted_for").attrs["verdict"] == "partly supported"


def test_c14_c15_c16_numbers():
    imports = claim_view(TABLES, "C14", "imports")
    assert "27 of 27 years" in imports.attrs["reasoning"] and imports.attrs["verdict"] == "supported"
    un = claim_view(TABLES, "C15", "2019")
    assert un.loc["UN initiatives, 2019-2025", "value"] == pytest.approx(4 / 7)
    assert un.loc["UN initiatives, 1991-2018", "value"] == pytest.approx(5 / 28)
    oil = claim_view(TABLES, "C16", "gdp_changes")
    assert oil.attrs["r"] == pytest.approx(0.494, abs=0.001) and len(oil) == 28


def test_empty_view_gives_a_message():
    view = claim_view(TABLES, "C01", "date").iloc[0:0]
    view.attrs = dict(claim_view(TABLES, "C01", "date").attrs)
    message = claim_figure(view)
    assert isinstance(message, str) and message.startswith("Nothing to draw for C01")


def _shown(output):
    assert len(output.outputs) == 1
    return output.outputs[0]


def test_explorer_first_dropdown_redraws_and_choices_follow_the_claim():
    explorer = claims_explorer(TABLES)
    assert "bp-explorer" in explorer._dom_classes
    claim_box, choice_box, verdict, output = explorer.children
    assert isinstance(claim_box, ipywidgets.Dropdown) and isinstance(choice_box, ipywidgets.Dropdown)
    assert not any(isinstance(w, ipywidgets.Checkbox) for w in explorer.children)
    assert claim_box.value == "C12" and choice_box.value == "reported_members"
    first = _shown(output)["data"]["image/png"]
    assert "CONTRADICTED" in verdict.value

    claim_box.value = claim_box.options[0][1]  # what the browser test does: another option of the first dropdown
    assert claim_box.value == "C01"
    assert [key for _, key in choice_box.options] == list(CLAIM_CHOICES["C01"])
    assert _shown(output)["data"]["image/png"] != first
    assert "C01" in verdict.value and "Almaty" in verdict.value

    before = _shown(output)["data"]["image/png"]
    choice_box.value = "city"
    assert _shown(output)["data"]["image/png"] != before and "KZ059" in verdict.value


def test_explorer_rejects_an_unknown_claim():
    with pytest.raises(ValueError):
        claims_explorer(TABLES, claim="C00")


def test_verdict_text_is_html_safe_in_the_explorer():
    explorer = claims_explorer(TABLES, claim="C05")
    verdict = explorer.children[2]
    assert "<p" in verdict.value and "&#x27;" in verdict.value  # the apostrophes of the reasoning are escaped
