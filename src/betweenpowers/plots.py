"""One house style for every figure in the series, with a source line and alt text.

Figures are drawn on a :class:`matplotlib.figure.Figure` made without pyplot, so nothing is shown twice and no
global state leaks between cells. :func:`finish` adds the title, axis labels, source line and returns an
:class:`AltFigure`: a PNG that carries its alt text in the notebook's output metadata
(``image/png`` -> ``alt``) and as its plain-text form, for screen readers and the HTML export.

Colours come from the Okabe-Ito palette, which stays distinguishable with the common forms of colour-vision
deficiency; every series also gets its own marker and line style, so colour is never the only encoding.
"""

from __future__ import annotations

import base64
import io
from collections import OrderedDict
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure

# Okabe, M. and Ito, K. (2008), "Color Universal Design": https://jfly.uni-koeln.de/color/
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#767676",
}


@dataclass(frozen=True)
class SeriesStyle:
    """How one series is drawn: colour, marker and line style."""

    color: str
    marker: str
    linestyle: str


#: Fixed styles per partner or vector, used by every lesson so a colour always means the same thing.
STYLES: dict[str, SeriesStyle] = {
    "USA": SeriesStyle(OKABE_ITO["blue"], "o", "-"),
    "west": SeriesStyle(OKABE_ITO["blue"], "o", "-"),
    "Russia": SeriesStyle(OKABE_ITO["vermillion"], "s", "--"),
    "russia": SeriesStyle(OKABE_ITO["vermillion"], "s", "--"),
    "China": SeriesStyle(OKABE_ITO["orange"], "^", "-."),
    "china": SeriesStyle(OKABE_ITO["orange"], "^", "-."),
    "eu27": SeriesStyle(OKABE_ITO["sky_blue"], "D", "-"),
    "other_west": SeriesStyle(OKABE_ITO["blue"], "o", ":"),
    "regional": SeriesStyle(OKABE_ITO["bluish_green"], "v", "-"),
    "central_asia": SeriesStyle(OKABE_ITO["bluish_green"], "v", "-"),
    "south_caucasus": SeriesStyle(OKABE_ITO["reddish_purple"], "P", "--"),
    "turkey": SeriesStyle(OKABE_ITO["black"], "X", ":"),
    "global": SeriesStyle(OKABE_ITO["reddish_purple"], "P", "-"),
    "multi": SeriesStyle(OKABE_ITO["black"], "X", "--"),
    "other": SeriesStyle(OKABE_ITO["grey"], ".", ":"),
    "Kazakhstan": SeriesStyle(OKABE_ITO["sky_blue"], "D", "-"),
}

_FALLBACK = SeriesStyle(OKABE_ITO["grey"], ".", "-")


def style_for(name: str) -> SeriesStyle:
    """The house style of a partner or vector (a grey style for names without one)."""
    return STYLES.get(name, _FALLBACK)


@dataclass(frozen=True)
class AltFigure:
    """A rendered figure with its alt text; displays as a PNG in Jupyter with the alt text in its metadata."""

    png: bytes
    alt: str

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict, dict]:
        data = {"image/png": base64.b64encode(self.png).decode("ascii"), "text/plain": f"[Figure] {self.alt}"}
        return data, {"image/png": {"alt": self.alt}}


#: zlib level of the PNGs (0-9; Pillow's default is 6). Level 3 encodes a figure about a third faster than 6 and
#: the files of the series' figures grow by a few per cent at most (measured with scripts/benchmark.py).
PNG_COMPRESS_LEVEL = 3


class _SharedRendererCanvas(FigureCanvasAgg):
    """An Agg canvas that shares one renderer among all figures of the same pixel size and dpi.

    Matplotlib caches the size of every text it measures, per renderer. Each new figure normally gets a new
    renderer and measures its tick labels, title, legend and source line again (a good part of a redraw). Sharing
    the renderer keeps those measurements from one figure to the next; what is drawn does not change, pixel for
    pixel. Figures are drawn one at a time (the renderer is cleared at the start of each draw), which is how
    :func:`render` uses them. The last :data:`KEEP` sizes are kept.
    """

    KEEP = 8
    _renderers: OrderedDict[tuple[int, int, float], RendererAgg] = OrderedDict()

    def get_renderer(self) -> RendererAgg:
        width, height = self.get_width_height(physical=True)
        key = (width, height, self.figure.dpi)
        renderer = self._renderers.get(key)
        if renderer is None:
            renderer = self._renderers[key] = RendererAgg(width, height, self.figure.dpi)
            while len(self._renderers) > self.KEEP:
                self._renderers.popitem(last=False)
        else:
            self._renderers.move_to_end(key)
        self.renderer, self._lastKey = renderer, key
        return renderer


def blank_figure(width: float, height: float) -> Figure:
    """An empty figure of the series: ``width`` x ``height`` inches at 100 dpi, constrained layout, Agg canvas."""
    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    _SharedRendererCanvas(fig)
    return fig


def _house_axes(ax: Axes) -> Axes:
    """Light grid behind the data, no top or right spine."""
    ax.grid(True, color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def new_figure(width: float = 8.0, height: float = 4.5) -> tuple[Figure, Axes]:
    """A blank figure and axes in the house style (no pyplot involved)."""
    fig = blank_figure(width, height)
    return fig, _house_axes(fig.subplots())


def new_panels(nrows: int, ncols: int, width: float, height: float, sharex: bool = False
               ) -> tuple[Figure, list[Axes]]:
    """A figure with a grid of axes in the house style of :func:`new_figure`, row by row."""
    fig = blank_figure(width, height)
    axes = fig.subplots(nrows, ncols, sharex=sharex, squeeze=False).ravel()
    return fig, [_house_axes(ax) for ax in axes]


def render(fig: Figure, alt: str) -> AltFigure:
    """Render a figure to PNG and pair it with its alt text."""
    if not alt or not alt.strip():
        raise ValueError("Every figure needs alt text that describes what it shows.")
    buffer = io.BytesIO()
    engine = fig.get_layout_engine()
    if engine is not None:
        # Lay out once, then draw once: with a layout engine set, savefig would draw the whole figure twice (a
        # first pass only to lay it out). The result is the same, pixel for pixel.
        engine.execute(fig)
        fig.set_layout_engine(None)
    try:
        fig.savefig(buffer, format="png", dpi=100, pil_kwargs={"compress_level": PNG_COMPRESS_LEVEL})
    finally:
        if engine is not None:
            fig.set_layout_engine(engine)
    return AltFigure(png=buffer.getvalue(), alt=alt.strip())


def finish(fig: Figure, ax: Axes, *, title: str, xlabel: str, ylabel: str, source: str, alt: str) -> AltFigure:
    """Add title, axis labels (with units) and the source line, then render with alt text."""
    ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(frameon=False, loc="best")
    fig.text(0.01, 0.005, source, fontsize=8, color="#444444", ha="left", va="bottom", wrap=True)
    fig.get_layout_engine().set(h_pad=0.15)
    return render(fig, alt)
