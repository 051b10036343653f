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
from dataclasses import dataclass

from matplotlib.axes import Axes
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


def new_figure(width: float = 8.0, height: float = 4.5) -> tuple[Figure, Axes]:
    """A blank figure and axes in the house style (no pyplot involved)."""
    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    ax = fig.subplots()
    ax.grid(True, color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig, ax


def render(fig: Figure, alt: str) -> AltFigure:
    """Render a figure to PNG and pair it with its alt text."""
    if not alt or not alt.strip():
        raise ValueError("Every figure needs alt text that describes what it shows.")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
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
