"""Unit tests of betweenpowers.widgets.common: what every explorer shares."""

from dataclasses import FrozenInstanceError, dataclass

import ipywidgets
import pandas as pd
import pytest

from betweenpowers.plots import AltFigure
from betweenpowers.widgets.common import EXPLORER_CLASS, FrameView, explorer_box, show_in


def test_show_in_replaces_previous_content():
    output = ipywidgets.Output()
    show_in(output, "first message")
    show_in(output, AltFigure(png=b"\x89PNG fake", alt="A chart."))
    assert len(output.outputs) == 1
    shown = output.outputs[0]
    assert shown["output_type"] == "display_data"
    assert shown["metadata"]["image/png"]["alt"] == "A chart."
    show_in(output, "Choose something.")
    assert output.outputs == ({"output_type": "stream", "name": "stdout", "text": "Choose something.\n"},)


def test_show_in_updates_the_output_once_without_a_blank_step():
    """A redraw is one change of ``outputs`` (one message to the browser), straight from old content to new."""
    output = ipywidgets.Output()
    show_in(output, "first message")
    changes = []
    output.observe(lambda change: changes.append(change["new"]), names="outputs")
    figure = AltFigure(png=b"\x89PNG fake", alt="A chart.")
    show_in(output, figure)
    assert len(changes) == 1
    assert changes[0][0]["data"]["image/png"] == figure._repr_mimebundle_()[0]["image/png"]
    assert changes[0][0]["data"]["text/plain"] == "[Figure] A chart."


def test_explorer_box_is_tagged_for_the_browser_tests():
    output = ipywidgets.Output()
    box = explorer_box([ipywidgets.Checkbox(description="USA"), output])
    assert EXPLORER_CLASS in box._dom_classes
    assert box.children[-1] is output


def test_frame_view_shows_its_frame_in_jupyter():
    @dataclass(frozen=True, eq=False)
    class View(FrameView):
        frame: pd.DataFrame
        year: int

    frame = pd.DataFrame({"share_pct": [27.6, 21.4]}, index=["EU-27", "Russia"])
    view = View(frame, 2020)
    assert view._repr_html_() == frame._repr_html_()
    with pytest.raises(FrozenInstanceError):
        view.year = 2021
