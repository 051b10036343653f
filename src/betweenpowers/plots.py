"""One house style for every figure in the series, with a source line and alt text.

Figures are drawn on a :class:`matplotlib.figure.Figure` made without pyplot, so nothing is shown twice and no
global state leaks between cells. :func:`finish` (one axes) and :func:`finish_panels` (a grid of panels from
:func:`new_panels`) add the title, axis labels or legends, the source line (from
:func:`betweenpowers.data.source_line`) and return an :class:`AltFigure`: a PNG that carries its alt text in the
notebook's output metadata (``image/png`` -> ``alt``) and as its plain-text form, for screen readers and the HTML
export.

Colours come from the Okabe-Ito palette, which stays distinguishable with the common forms of colour-vision
deficiency; every series also gets its own marker and line style, so colour is never the only encoding.
"""

from __future__ import annotations

import base64
import io
import math
import textwrap
from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import lru_cache

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text

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
    """A rendered figure with its alt text; displays as a PNG in Jupyter with the alt text in its metadata.

    :func:`finish` and :func:`finish_panels` also record the title, the axis labels and the source line, so that an
    exercise can check a student's figure for them (:class:`betweenpowers.checks.FigureQuestion`).
    """

    png: bytes
    alt: str
    title: str = ""
    xlabel: str = ""
    ylabel: str = ""
    source: str = ""

    def __repr__(self) -> str:
        return f"AltFigure({self.title or 'untitled'!r}, {len(self.png):,} bytes of PNG)"

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


#: Font size of the source line, and the room :func:`finish_panels` keeps for each of its lines, in inches.
SOURCE_FONTSIZE = 8
SOURCE_LINE_INCHES = 0.135

#: Where the source line starts, as a fraction of the figure's width.
_SOURCE_X = 0.01


@lru_cache(maxsize=4)
def _measuring_renderer(dpi: float) -> RendererAgg:
    return RendererAgg(1, 1, dpi)


@lru_cache(maxsize=1024)
def _source_width(text: str, dpi: float) -> int:
    """Width in pixels of ``text`` in the source line's font, as matplotlib measures it (rounded up)."""
    width = _measuring_renderer(dpi).get_text_width_height_descent(text, FontProperties(size=SOURCE_FONTSIZE),
                                                                   ismath=False)[0]
    return math.ceil(width)


def source_lines(fig: Figure, source: str) -> list[str]:
    """The source line broken into lines that fit the figure's width from where it starts to the right edge.

    Each line holds as many words as fit, measured as matplotlib measures text for its own ``wrap=True``, so a
    source line that fits is one line. Widths are cached: a redraw measures nothing new.
    """
    words = source.split()
    room = fig.bbox.width * (1 - _SOURCE_X)

    def fits(first: int, last: int) -> bool:
        return _source_width(" ".join(words[first:last]), fig.dpi) <= room

    lines: list[str] = []
    start = 0
    while start < len(words):
        low, high = start + 1, len(words)  # the line ends after word ``low``, at least one word per line
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if fits(start, middle) else (low, middle - 1)
        lines.append(" ".join(words[start:low]))
        start = low
    return lines


def _add_source(fig: Figure, source: str, y: float) -> Text:
    """Write the source line at the foot of the figure, wrapped to its width."""
    return fig.text(_SOURCE_X, y, "\n".join(source_lines(fig, source)), fontsize=SOURCE_FONTSIZE, color="#444444",
                    ha="left", va="bottom")


def _extra_height(fig: Figure, text: Text) -> float:
    """How much taller (pixels) a wrapped source line is than its first line alone: 0 for a one-line source."""
    if "\n" not in text.get_text():
        return 0.0
    renderer = fig.canvas.get_renderer()
    probe = fig.text(_SOURCE_X, 0, text.get_text().split("\n")[0], fontsize=SOURCE_FONTSIZE)
    one_line = probe.get_window_extent(renderer).height
    probe.remove()
    return text.get_window_extent(renderer).height - one_line


def mark_source_switch(ax: Axes, at: float, label: str) -> None:
    """A dotted vertical line at ``at`` where a series changes source, labelled at the top (e.g. ``"IMF | BNS"``)."""
    ax.axvline(at, color="#444444", linestyle=":", linewidth=1.2, zorder=1)
    ax.text(at, 0.99, f"{label} ", transform=ax.get_xaxis_transform(), fontsize=8, ha="right", va="top",
            color="#444444")


def _labelled(figure: AltFigure, **labels: str) -> AltFigure:
    """The rendered figure with its title, axis labels and source line recorded (anything else passes through)."""
    return replace(figure, **labels) if isinstance(figure, AltFigure) else figure


def finish(fig: Figure, ax: Axes, *, title: str, xlabel: str, ylabel: str, source: str, alt: str) -> AltFigure:
    """Add title, axis labels (with units) and the source line, then render with alt text.

    A source line longer than the figure is wide wraps, and the axes are laid out above its extra lines (a one-line
    source keeps the default layout).
    """
    ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(frameon=False, loc="best")
    extra = _extra_height(fig, _add_source(fig, source, 0.005))
    if extra:
        bottom = extra / fig.bbox.height
        fig.get_layout_engine().set(h_pad=0.15, rect=(0, bottom, 1, 1 - bottom))
    else:
        fig.get_layout_engine().set(h_pad=0.15)
    return _labelled(render(fig, alt), title=title, xlabel=xlabel, ylabel=ylabel, source=source)


def finish_panels(fig: Figure, axes: list[Axes], *, title: str, source: str, alt: str, note: str = "") -> AltFigure:
    """Finish a figure of several panels (or one, laid out the same way): title, legends, source line, alt text.

    The title goes over all panels; each of ``axes`` that has labelled series gets its own legend (pass ``[]`` when
    the panels place their legends themselves). ``note`` (optional) is printed in black above the source line. Both
    are wrapped to the figure's width, and the panels are laid out above them so nothing overlaps.
    """
    fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    for ax in axes:
        if ax.get_legend_handles_labels()[0]:
            ax.legend(frameon=False, loc="best", fontsize=8.5)
    width, height = fig.get_size_inches()
    reserved = 0.08 + SOURCE_LINE_INCHES * len(_add_source(fig, source, 0.008).get_text().split("\n"))
    if note:
        note_lines = textwrap.wrap(note, width=max(int(width * 14), 40))
        fig.text(0.01, (reserved + 0.02) / height, "\n".join(note_lines), fontsize=9, color="#000000", ha="left",
                 va="bottom")
        reserved += 0.05 + 0.16 * len(note_lines)
    bottom = reserved / height
    fig.get_layout_engine().set(h_pad=0.06, rect=(0, bottom, 1, 1 - bottom))
    return _labelled(render(fig, alt), title=title, source=source)
