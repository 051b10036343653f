"""Unit tests of betweenpowers.plots: alt text travels with every figure, house styles are distinct."""

import base64

import pytest
from IPython.core.formatters import format_display_data

from betweenpowers import plots


def _finished_figure(alt="A test chart of two points."):
    fig, ax = plots.new_figure()
    ax.plot([1, 2], [0.2, 0.4], label="USA")
    return plots.finish(fig, ax, title="Title", xlabel="Year", ylabel="Share (0-1)", source="Source: test",
                        alt=alt)


def test_finish_returns_png_with_alt_text_in_metadata():
    figure = _finished_figure()
    data, metadata = format_display_data(figure)
    assert base64.b64decode(data["image/png"]).startswith(b"\x89PNG")
    assert metadata["image/png"]["alt"] == "A test chart of two points."
    assert "A test chart" in data["text/plain"]


def test_finish_draws_title_labels_and_source_line():
    fig, ax = plots.new_figure()
    ax.plot([1, 2], [1, 2])
    plots.finish(fig, ax, title="T", xlabel="Year", ylabel="US$ mn", source="Source: S", alt="alt")
    assert ax.get_title(loc="left") == "T"
    assert ax.get_xlabel() == "Year" and ax.get_ylabel() == "US$ mn"
    assert "Source: S" in [text.get_text() for text in fig.texts]


@pytest.mark.parametrize("alt", ["", "   "])
def test_empty_alt_text_is_refused(alt):
    fig, _ = plots.new_figure()
    with pytest.raises(ValueError, match="alt text"):
        plots.render(fig, alt)


def test_partner_styles_differ_in_colour_and_marker():
    styles = [plots.style_for(name) for name in ("USA", "Russia", "China")]
    assert len({s.color for s in styles}) == 3
    assert len({s.marker for s in styles}) == 3  # colour is never the only encoding
    assert len({s.linestyle for s in styles}) == 3


def test_unknown_name_gets_fallback_style():
    assert plots.style_for("Atlantis").color == plots.OKABE_ITO["grey"]
