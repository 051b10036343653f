"""The benchmark script (scripts/benchmark.py) stays in step with the lessons it measures.

The script prints figures and is not run by the suite (speed targets are not timed tests). These tests keep its
moving parts honest: the explorers it builds are the ones the lessons call, its floor holds only imports, and
its bare draw is matplotlib's own PNG of the very figure an explorer shows.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import ipywidgets as widgets
import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def benchmark():
    spec = importlib.util.spec_from_file_location("bp_benchmark", ROOT / "scripts" / "benchmark.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def test_every_lesson_explorer_is_benchmarked_as_the_lesson_calls_it(benchmark):
    explorers = benchmark._explorers()
    lessons = sorted(path.stem for path in (ROOT / "notebooks").glob("*.ipynb"))
    assert sorted(explorer.lesson for explorer in explorers) == lessons
    assert benchmark._check_calls(explorers) == []


def test_a_changed_explorer_call_is_reported(benchmark):
    explorer = benchmark._explorers()[0]
    explorer.call = "agreement_explorer(something_else)"
    warnings = benchmark._check_calls([explorer])
    assert len(warnings) == 1 and "update scripts/benchmark.py" in warnings[0]


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
