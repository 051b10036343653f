"""Unit tests of betweenpowers.widgets: the agreement explorer's pure function over its whole grid, and its UI."""

import itertools

import ipywidgets
import pandas as pd
import pytest

from betweenpowers import data, widgets
from betweenpowers.plots import AltFigure

TABLE = data.load_unga_agreement_yearly()
LABELS = list(widgets.AGREEMENT_PARTNERS)
PARTNER_SUBSETS = [list(c) for r in range(len(LABELS) + 1) for c in itertools.combinations(LABELS, r)]
YEAR_RANGES = [(1992, 2021), (2021, 1992), (2005, 2005), (1980, 1985), (2014, 2022)]
RULES = list(widgets.RULE_LABELS)


@pytest.mark.parametrize("partners", PARTNER_SUBSETS, ids=lambda p: "+".join(p) or "none")
@pytest.mark.parametrize("years", YEAR_RANGES)
@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize("show_median", [False, True])
def test_agreement_view_grid(partners, years, rule, show_median):
    view = widgets.agreement_view(TABLE, partners, years, rule, show_median=show_median)
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


def test_agreement_view_values_come_from_the_table():
    view = widgets.agreement_view(TABLE, ["Russia"], (2020, 2020), "identical")
    row = TABLE.query("year == 2020 and iso3 == 'KAZ' and partner == 'RUS'")
    assert view.loc[2020, "Russia"] == pytest.approx(float(row["agreement_identical"].iloc[0]))


def test_median_baseline_leaves_the_partner_out():
    view = widgets.agreement_view(TABLE, ["USA"], (2010, 2010), "half", show_median=True)
    others = TABLE.query("year == 2010 and partner == 'USA' and iso3 != 'USA'")["agreement_half"]
    assert view.loc[2010, "USA: median UN member"] == pytest.approx(others.median())


def test_unknown_partners_are_ignored_and_bad_rule_rejected():
    view = widgets.agreement_view(TABLE, ["Atlantis", "China"], (2000, 2001))
    assert list(view.columns) == ["China"]
    with pytest.raises(ValueError):
        widgets.agreement_view(TABLE, ["China"], (2000, 2001), rule="lenient")


def test_describe_agreement_names_range_and_extremes():
    view = pd.DataFrame({"USA": [0.2, 0.5]}, index=pd.Index([2000, 2001], name="year"))
    alt = widgets.describe_agreement(view)
    assert "2000 to 2001" in alt and "0.20 (in 2000)" in alt and "0.50 (in 2001)" in alt


def _explorer_parts(explorer):
    partner_row, years, options_row, output = explorer.children
    boxes = {box.description: box for box in partner_row.children if isinstance(box, ipywidgets.Checkbox)}
    rule, median = options_row.children
    return boxes, years, rule, median, output


def _shown(output):
    assert len(output.outputs) == 1
    return output.outputs[0]


def test_explorer_renders_and_redraws_on_every_control():
    explorer = widgets.agreement_explorer(TABLE)
    assert "bp-explorer" in explorer._dom_classes
    boxes, years, rule, median, output = _explorer_parts(explorer)
    assert set(boxes) == {"USA", "Russia", "China"}
    first = _shown(output)
    assert first["output_type"] == "display_data"
    assert first["metadata"]["image/png"]["alt"].startswith("Line chart")
    seen = {first["data"]["image/png"]}
    for change in (lambda: setattr(boxes["China"], "value", False), lambda: setattr(years, "value", (2000, 2010)),
                   lambda: setattr(rule, "value", "identical"), lambda: setattr(median, "value", True)):
        change()
        shown = _shown(output)
        assert shown["data"]["image/png"] not in seen
        seen.add(shown["data"]["image/png"])


def test_explorer_with_no_partner_shows_a_message_not_an_error():
    explorer = widgets.agreement_explorer(TABLE)
    boxes, *_, output = _explorer_parts(explorer)
    for box in boxes.values():
        box.value = False
    shown = _shown(output)
    assert shown["output_type"] == "stream"
    assert "Choose at least one partner" in shown["text"]
    boxes["USA"].value = True
    assert _shown(output)["output_type"] == "display_data"
