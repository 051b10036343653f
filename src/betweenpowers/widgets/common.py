"""What every explorer shares: how an Output shows a figure or a message, the explorer's outer box, and the base of
the view dataclasses."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from betweenpowers.plots import AltFigure

#: DOM class of every explorer's outer box; the browser tests find explorers by it.
EXPLORER_CLASS = "bp-explorer"


def output_item(content: AltFigure | str) -> dict:
    """One entry of an Output's ``outputs``: a figure as display data (PNG with its alt text) or a message as stdout.

    The same dictionaries :meth:`ipywidgets.Output.append_display_data` and ``append_stdout`` would add.
    """
    if isinstance(content, str):
        return {"output_type": "stream", "name": "stdout", "text": content + "\n"}
    data, metadata = content._repr_mimebundle_()
    return {"output_type": "display_data", "data": data, "metadata": metadata}


def show_in(output: widgets.Output, content: AltFigure | str) -> None:
    """Replace what an Output shows with a figure or a message (visible to tests and to JupyterLab).

    One assignment, so the browser gets one update: no blank flash between the old figure and the new one.
    """
    output.outputs = (output_item(content),)


def explorer_box(children: list[widgets.Widget]) -> widgets.VBox:
    """The outer box of an explorer: controls first, the Output last, tagged with :data:`EXPLORER_CLASS`."""
    box = widgets.VBox(children)
    box.add_class(EXPLORER_CLASS)
    return box


class FrameView:
    """Base of the explorers' view dataclasses (a frame and the choices behind it): Jupyter shows it as its table.

    Subclasses are frozen dataclasses with a ``frame`` field; the figure function reads the other fields by name, so
    a misspelt choice fails loudly instead of falling back to a default.
    """

    frame: pd.DataFrame

    def _repr_html_(self) -> str | None:
        return self.frame._repr_html_()
