"""What every explorer shares: how an Output shows a figure or a message, and the explorer's outer box."""

from __future__ import annotations

import ipywidgets as widgets

from betweenpowers.plots import AltFigure

#: DOM class of every explorer's outer box; the browser tests find explorers by it.
EXPLORER_CLASS = "bp-explorer"


def show_in(output: widgets.Output, content: AltFigure | str) -> None:
    """Replace what an Output shows with a figure or a message (visible to tests and to JupyterLab)."""
    output.outputs = ()
    if isinstance(content, str):
        output.append_stdout(content + "\n")
    else:
        output.append_display_data(content)


def explorer_box(children: list[widgets.Widget]) -> widgets.VBox:
    """The outer box of an explorer: controls first, the Output last, tagged with :data:`EXPLORER_CLASS`."""
    box = widgets.VBox(children)
    box.add_class(EXPLORER_CLASS)
    return box
