"""Unit tests of betweenpowers.plots: alt text travels with every figure, house styles are distinct."""

import base64
import functools

import pytest
from IPython.core.formatters import format_display_data

from betweenpowers import plots


def _finished_figure(alt="A test chart of two points."):
    fig, ax = plots.new_figure()
    ax.plot([1, 2], [0.2, 0.4], label="USA")
    return plots.finish(fig, ax, title="Title", xlabel="Year", ylabel="Share (0-1)", source="Test data.",
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
    plots.finish(fig, ax, title="T", xlabel="Year", ylabel="US$ mn", source="S data.", alt="alt")
    assert ax.get_title(loc="left") == "T"
    assert ax.get_xlabel() == "Year" and ax.get_ylabel() == "US$ mn"
    assert "S data." in [text.get_text() for text in fig.texts]


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


def _pixels(png: bytes):
    import io

    import numpy as np
    from matplotlib.image import imread

    return np.asarray(imread(io.BytesIO(png), format="png"))


def _plain_matplotlib_png(build) -> bytes:
    """The figure ``build`` makes, saved by matplotlib alone (its own canvas, savefig with the layout engine)."""
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    captured = []
    real_render = plots.render
    plots.render = lambda fig, alt: captured.append(fig)
    try:
        build()
    finally:
        plots.render = real_render
    (fig,) = captured
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()


def _two_sizes_of_figure(width):
    fig, ax = plots.new_figure(width, 4.0)
    ax.plot([2000, 2010, 2020], [0.2, 0.5, 0.4], label="Russia", marker="s")
    ax.plot([2000, 2010, 2020], [0.3, 0.1, 0.6], label="China", marker="^")
    return plots.finish(fig, ax, title=f"A chart {width} inches wide", xlabel="Year", ylabel="Share (0-1)",
                        source="A test with a long source line that wraps " * 3, alt="A test chart.")


def test_render_draws_what_matplotlib_draws_pixel_for_pixel():
    """Laying out once and sharing renderers between figures changes nothing in the image, whatever the order."""
    for width in (8.0, 6.0, 8.0, 6.0):  # renderers are reused between figures of one size, and across sizes
        ours = _pixels(_two_sizes_of_figure(width).png)
        plain = _pixels(_plain_matplotlib_png(functools.partial(_two_sizes_of_figure, width)))
        assert ours.shape == plain.shape
        assert (ours == plain).all()


def test_render_keeps_the_layout_engine_of_the_figure():
    fig, ax = plots.new_figure()
    ax.plot([1, 2], [1, 2])
    engine = fig.get_layout_engine()
    plots.render(fig, "A line.")
    assert fig.get_layout_engine() is engine


def _captured(build):
    """The figure ``build`` finishes, with the AltFigure it returns (render still runs)."""
    captured = []
    real_render = plots.render

    def capture(fig, alt):
        captured.append(fig)
        return real_render(fig, alt)

    plots.render = capture
    try:
        result = build()
    finally:
        plots.render = real_render
    (fig,) = captured
    return fig, result


def _source_text(fig):
    return next(t for t in fig.texts if t.get_position()[1] < 0.01)


def test_a_short_source_line_stays_one_line_and_the_layout_is_the_default():
    def build():
        fig, ax = plots.new_figure()
        ax.plot([1, 2], [1, 2])
        return plots.finish(fig, ax, title="T", xlabel="Year", ylabel="Share", source="Short data.", alt="A line.")

    fig, _ = _captured(build)
    assert _source_text(fig).get_text() == "Short data."
    assert fig.get_layout_engine().get()["rect"] == (0, 0, 1, 1)


def test_a_long_source_line_wraps_to_the_width_and_never_overlaps_the_axis_label():
    source = "Credits: " + "; ".join(f"a data provider with a long name number {n} (vintage 2022)" for n in range(6))

    def build():
        fig, ax = plots.new_figure(8.0, 4.5)
        ax.plot([2000, 2020], [1, 2])
        return plots.finish(fig, ax, title="T", xlabel="Year", ylabel="Share", source=source, alt="A line.")

    fig, result = _captured(build)
    text = _source_text(fig)
    lines = text.get_text().split("\n")
    assert len(lines) >= 3 and " ".join(lines) == source
    renderer = fig.canvas.get_renderer()
    assert text.get_window_extent(renderer).x1 <= fig.bbox.width
    label = fig.axes[0].xaxis.label.get_window_extent(renderer)
    assert text.get_window_extent(renderer).y1 < label.y0  # the footer sits below the x label
    assert result.png.startswith(b"\x89PNG")


def test_finish_panels_titles_legends_note_and_source():
    def build():
        fig, (left, right) = plots.new_panels(1, 2, 9.0, 4.0)
        left.plot([1, 2], [1, 2], label="Russia")
        right.plot([1, 2], [2, 1])
        return plots.finish_panels(fig, [left, right], title="Two panels", source="Test data.",
                                   alt="Two line charts.", note="A note above the source line.")

    fig, result = _captured(build)
    assert fig.get_suptitle() == "Two panels"
    assert fig.axes[0].get_legend() is not None and fig.axes[1].get_legend() is None  # only labelled series
    texts = [t.get_text() for t in fig.texts]
    assert "Test data." in texts and "A note above the source line." in texts
    bottom = fig.get_layout_engine().get()["rect"][1]
    assert bottom == pytest.approx((0.08 + plots.SOURCE_LINE_INCHES + 0.05 + 0.16) / 4.0)
    assert result.alt == "Two line charts."
    with pytest.raises(ValueError, match="alt text"):
        fig2, axes = plots.new_panels(2, 1, 6.0, 6.0)
        plots.finish_panels(fig2, axes, title="T", source="Test data.", alt=" ")
