"""scripts/compare_outputs.py tells a figure whose footer changed from one whose plot changed."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from support import ROOT

from betweenpowers import plots


@pytest.fixture(scope="module")
def compare_outputs():
    spec = importlib.util.spec_from_file_location("bp_compare_outputs", ROOT / "scripts" / "compare_outputs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def _png(values: list[float], source: str, height: float = 4.5) -> bytes:
    fig, ax = plots.new_figure(8.0, height)
    ax.plot([2000, 2001, 2002], values, label="Russia")
    return plots.finish(fig, ax, title="T", xlabel="Year", ylabel="Share (0-1)", source=source, alt="A line.").png


def test_a_changed_footer_is_found_in_the_footer_strip(compare_outputs):
    before = _png([0.1, 0.5, 0.3], "Source: one credit.")
    first, last, height = compare_outputs.differing_rows(before, _png([0.1, 0.5, 0.3], "Source: another credit."))
    assert height == 450 and first >= height - 40 and last < height
    assert compare_outputs.differing_rows(before, before) is None


def test_a_changed_plot_or_size_is_not_a_footer_change(compare_outputs):
    before = _png([0.1, 0.5, 0.3], "Source: one credit.")
    first, _last, height = compare_outputs.differing_rows(before, _png([0.1, 0.2, 0.3], "Source: one credit."))
    assert first < height - 40
    assert compare_outputs.differing_rows(before, _png([0.1, 0.5, 0.3], "Source: x.", height=5)) == (-1, -1, -1)


def test_outputs_are_split_into_figures_and_texts(compare_outputs):
    cell = {"outputs": [
        {"output_type": "stream", "name": "stdout", "text": ["a\n", "b\n"]},
        {"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo=", "text/plain": "[Figure]"}},
        {"output_type": "execute_result", "data": {"text/html": "<table/>", "text/plain": "table"}},
        {"output_type": "display_data", "data": {"application/vnd.jupyter.widget-view+json": {}, "text/plain": "w"}},
    ]}
    pngs, texts = compare_outputs.split_outputs(cell)
    assert len(pngs) == 1 and texts == ["a\nb\n", "<table/>"]
