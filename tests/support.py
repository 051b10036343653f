"""Helpers shared by the test modules (import them: ``from support import shown``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import ipywidgets

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT.parent / "shared" / "data-raw"


def shown_item(output: ipywidgets.Output) -> dict:
    """The one output an explorer's Output holds (fails if it holds none or several)."""
    outputs = list(output.outputs)
    assert len(outputs) == 1, f"the Output holds {len(outputs)} outputs: {outputs!r:.300}"
    return outputs[0]


def shown(output: ipywidgets.Output) -> str:
    """'figure' or 'message' for what an explorer's Output shows; fails on anything else."""
    item = shown_item(output)
    if item.get("output_type") == "stream":
        assert item.get("name") == "stdout" and item.get("text", "").strip(), f"not a message: {item!r:.300}"
        return "message"
    data = item.get("data", {})
    assert item.get("output_type") == "display_data" and "image/png" in data, f"not a figure: {item!r:.300}"
    assert item.get("metadata", {}).get("image/png", {}).get("alt", "").strip(), "a figure without alt text"
    return "figure"


def shown_text(output: ipywidgets.Output) -> str:
    """The alt text of the figure an Output shows, or the message it prints."""
    item = shown_item(output)
    if item["output_type"] == "stream":
        return item["text"]
    return item["metadata"]["image/png"]["alt"]


def walk(widget: ipywidgets.Widget) -> Iterator[ipywidgets.Widget]:
    """A widget and all its descendants, depth first."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def first_control(widget: ipywidgets.Widget) -> ipywidgets.Widget | None:
    """The first Checkbox or Dropdown in an explorer, depth first (what the browser test clicks)."""
    return next((w for w in walk(widget) if isinstance(w, (ipywidgets.Checkbox, ipywidgets.Dropdown))), None)


def assert_each_change_redraws(output: ipywidgets.Output, changes: tuple) -> None:
    """Set each ``(control, value)`` in turn: every change shows a figure never shown before in this sequence."""
    seen = {shown_item(output)["data"]["image/png"]}
    for control, value in changes:
        control.value = value
        what = f"{getattr(control, 'description', '') or type(control).__name__} = {value!r}"
        assert shown(output) == "figure", f"{what}: no figure"
        png = shown_item(output)["data"]["image/png"]
        assert png not in seen, f"{what}: the figure did not change"
        seen.add(png)
