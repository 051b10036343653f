"""The benchmark script (scripts/benchmark.py) stays in step with the lessons it measures.

The script prints figures and is not run by the suite (speed targets are not timed tests). These tests keep its
moving parts honest: it builds the explorers from the registry the lessons' tests check, its floor holds only
imports, and its bare draw is matplotlib's own PNG of the very figure an explorer shows.
"""

from __future__ import annotations

import importlib.util
import sys

import ipywidgets as widgets
import nbformat
import pytest
from support import ROOT


@pytest.fixture(scope="module")
def benchmark():
    spec = importlib.util.spec_from_file_location("bp_benchmark", ROOT / "scripts" / "benchmark.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def test_explorers_are_timed_from_the_registry(benchmark):
    """The benchmark builds a registered explorer, changes its first control and draws it bare: all three timed."""
    from betweenpowers.explorers import REGISTRY

    row = benchmark.bench_explorer(REGISTRY["agreement_explorer"], redraws=3)
    assert row["lesson"] == "00_start_here" and row["explorer"] == "agreement_explorer"
    assert row["control"].startswith("Checkbox")
    assert len(row["redraws"]) == 3 and len(row["bare"]) == 3
    assert row["redraw_ms"] > 0 and row["bare_ms"] > 0 and row["ratio"] == row["redraw_ms"] / row["bare_ms"]


def test_floor_holds_the_imports_and_nothing_else(benchmark):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("import this is prose"),
        nbformat.v4.new_code_cell("import pandas as pd\n\nfrom betweenpowers import data\n"
                                  "trade = data.load_trade_dots()"),
        nbformat.v4.new_code_cell("trade.head()"),
        nbformat.v4.new_code_cell("from betweenpowers.widgets import trade_explorer\ntrade_explorer(trade)"),
        nbformat.v4.new_code_cell("%load_ext autoreload\nimport numpy"),  # IPython magic: not parsed, skipped
    ]
    assert benchmark.floor_source(notebook) == ("import pandas as pd\nfrom betweenpowers import data\n"
                                                "from betweenpowers.widgets import trade_explorer\n")


def test_first_control_is_the_first_checkbox_or_dropdown_depth_first(benchmark):
    slider = widgets.IntSlider()
    dropdown = widgets.Dropdown(options=["a", "b"])
    checkbox = widgets.Checkbox()
    box = widgets.VBox([slider, widgets.HBox([widgets.Label("x"), dropdown]), checkbox, widgets.Output()])
    assert benchmark.first_control(box) is dropdown
    assert benchmark._other_value(dropdown) == "b"
    assert benchmark._other_value(checkbox) is True
    with pytest.raises(ValueError):
        benchmark.first_control(widgets.VBox([slider]))


def test_bare_draw_is_matplotlibs_png_of_the_same_figure(benchmark):
    from betweenpowers import plots

    fig, ax = plots.new_figure()
    ax.plot([1, 2, 3], [0.1, 0.5, 0.3], label="Russia")
    ours = plots.finish(fig, ax, title="T", xlabel="Year", ylabel="Share (0-1)", source="Source: test", alt="A line.")
    bare = benchmark._plain_png(fig)
    assert bare.startswith(b"\x89PNG")
    assert fig.get_layout_engine() is not None  # the bare draw keeps the figure's layout
    assert type(fig.canvas).__name__ == "FigureCanvasAgg"  # matplotlib's own canvas, not the series' shared one
    assert abs(len(bare) - len(ours.png)) < 0.2 * len(ours.png)
    benchmark._fixed_margins_png(fig)
    assert fig.get_layout_engine() is None
