"""Unit tests of betweenpowers.widgets: the agreement explorer's pure function over its whole grid, and its UI."""

import itertools

import ipywidgets
import pandas as pd
import pytest
from support import first_control, shown, shown_item, shown_text

from betweenpowers import data, widgets
from betweenpowers.measures.votes import RULE_LABELS
from betweenpowers.plots import AltFigure
from betweenpowers.vectors import GREAT_POWERS
from betweenpowers.widgets.agreement import votes_source
from betweenpowers.widgets.common import EXPLORER_CLASS

LABELS = list(GREAT_POWERS)
PARTNER_SUBSETS = [list(c) for r in range(len(LABELS) + 1) for c in itertools.combinations(LABELS, r)]
YEAR_RANGES = [(1992, 2021), (2021, 1992), (2005, 2005), (1980, 1985), (2014, 2022)]
RULES = list(RULE_LABELS)


@pytest.mark.parametrize("partners", PARTNER_SUBSETS, ids=lambda p: "+".join(p) or "none")
@pytest.mark.parametrize("years", YEAR_RANGES)
@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize("show_median", [False, True])
def test_agreement_view_grid(agreement, partners, years, rule, show_median):
    view = widgets.agreement_view(agreement, partners, years, rule, show_median=show_median)
    first, last = sorted(years)
    assert all(first <= year <= last for year in view.index)
    expected_columns = [c for p in partners for c in ([p, f"{p}: median UN member"] if show_median else [p])]
    assert list(view.columns) == expected_columns
    values = view.to_numpy().ravel()
    assert ((values >= 0) & (values <= 1)).all()
    result = widgets.agreement_figure(view, rule)
    if not partners or view.empty:
        assert isinstance(result, str) and "Choose at least one partner" in result
    else:
        assert isinstance(result, AltFigure)
        assert result.png.startswith(b"\x89PNG")
        assert str(first) in result.alt or str(view.index.min()) in result.alt


def test_agreement_view_values_come_from_the_table(agreement):
    view = widgets.agreement_view(agreement, ["Russia"], (2020, 2020), "identical")
    row = agreement.query("year == 2020 and iso3 == 'KAZ' and partner == 'RUS'")
    assert view.loc[2020, "Russia"] == pytest.approx(float(row["agreement_identical"].iloc[0]))


def test_median_baseline_leaves_the_partner_out(agreement):
    view = widgets.agreement_view(agreement, ["USA"], (2010, 2010), "half", show_median=True)
    others = agreement.query("year == 2010 and partner == 'USA' and iso3 != 'USA'")["agreement_half"]
    assert view.loc[2010, "USA: median UN member"] == pytest.approx(others.median())


def test_unknown_partners_are_ignored_and_bad_rule_rejected(agreement):
    view = widgets.agreement_view(agreement, ["Atlantis", "China"], (2000, 2001))
    assert list(view.columns) == ["China"]
    with pytest.raises(ValueError):
        widgets.agreement_view(agreement, ["China"], (2000, 2001), rule="lenient")


def test_describe_agreement_names_range_and_extremes():
    view = pd.DataFrame({"USA": [0.2, 0.5]}, index=pd.Index([2000, 2001], name="year"))
    alt = widgets.describe_agreement(view)
    assert "2000 to 2001" in alt and "0.20 (in 2000)" in alt and "0.50 (in 2001)" in alt


def _explorer_parts(explorer):
    partner_row, years, options_row, output = explorer.children
    boxes = {box.description: box for box in partner_row.children if isinstance(box, ipywidgets.Checkbox)}
    rule, median = options_row.children
    return boxes, years, rule, median, output


def test_explorer_renders_and_redraws_on_every_control(agreement):
    explorer = widgets.agreement_explorer(agreement)
    assert EXPLORER_CLASS in explorer._dom_classes
    boxes, years, rule, median, output = _explorer_parts(explorer)
    assert set(boxes) == {"USA", "Russia", "China"}
    assert first_control(explorer) is boxes["USA"]
    assert shown(output) == "figure"
    assert shown_text(output).startswith("Line chart")
    seen = {shown_item(output)["data"]["image/png"]}
    for change in (lambda: setattr(boxes["China"], "value", False), lambda: setattr(years, "value", (2000, 2010)),
                   lambda: setattr(rule, "value", "identical"), lambda: setattr(median, "value", True)):
        change()
        png = shown_item(output)["data"]["image/png"]
        assert png not in seen
        seen.add(png)


def test_explorer_with_no_partner_shows_a_message_not_an_error(agreement):
    explorer = widgets.agreement_explorer(agreement)
    boxes, *_, output = _explorer_parts(explorer)
    for box in boxes.values():
        box.value = False
    assert shown(output) == "message"
    assert "Choose at least one partner" in shown_text(output)
    boxes["USA"].value = True
    assert shown(output) == "figure"


def test_votes_source_names_only_the_vote_sources_of_the_years_shown():
    voeten, undl, dgacm = (source["credit"] for source in data.resource("unga_agreement_yearly")["sources"])
    every = votes_source(range(1992, 2026))
    assert every == data.source_line("unga_agreement_yearly", note="Own calculation.")
    assert voeten in every and undl in every and dgacm in every
    only_voeten = votes_source([2014, 2020])
    assert voeten in only_voeten and undl not in only_voeten and only_voeten.split(": ")[0] == "Source"
    only_undl = votes_source([2021], ("unga_votes", "unga_roll_calls"), note="")
    assert only_undl.split(": ", 1)[1] == f"{undl}."
    recent = votes_source(range(2020, 2026))
    assert recent.split(": ")[0] == "Sources" and all(credit in recent for credit in (voeten, undl, dgacm))
    assert voeten not in votes_source([2022, 2025]) and dgacm in votes_source([2022, 2025])
    assert votes_source([]) == every  # no year: every source
    with pytest.raises(ValueError, match="main series covers"):
        votes_source([2026])


def test_figure_source_line_follows_the_years_drawn(agreement, monkeypatch):
    seen = []
    monkeypatch.setattr(widgets.agreement, "finish", lambda fig, ax, **kwargs: seen.append(kwargs["source"]))
    widgets.agreement_figure(widgets.agreement_view(agreement, LABELS, (1992, 2025)))
    widgets.agreement_figure(widgets.agreement_view(agreement, LABELS, (2000, 2010)))
    assert seen == [votes_source(range(1992, 2026)), votes_source([2000])]
