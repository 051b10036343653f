"""Lesson 08 (capstone): the claims explorer's figures and controls. Choose a claim of the article and a definition;
see the evidence under that definition. The lesson's explorer does not say the verdict (the student judges, lesson
08 section 1); ``with_verdict=True`` (used by the solutions) adds the verdict that each definition's stated rule gives.

The evidence and the verdict rules are in :mod:`betweenpowers.measures.claims`:
:func:`~betweenpowers.measures.claims.claim_view` ``(tables, claim, choice)`` returns a
:class:`~betweenpowers.measures.claims.ClaimEvidence`. Here :func:`claim_figure` draws it (one of four chart kinds,
chosen by the claim), :func:`describe_claim` gives its alt text, :func:`evidence_text` words the finding, and
:func:`claims_explorer` wires two dropdowns (claim, then definition) to a line of findings and one ``Output``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import ipywidgets as widgets
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from betweenpowers.data import own_source_line
from betweenpowers.measures.claims import (
    CLAIM_CHOICES,
    CLAIMS,
    KINDS,
    ClaimEvidence,
    claim_view,
)
from betweenpowers.plots import AltFigure, SeriesStyle, finish, mark_source_switch, new_figure, style_for
from betweenpowers.widgets.common import explorer_box, show_in
from betweenpowers.widgets.trade import SWITCH_LABEL, switch_sentence

_STYLE_KEYS: dict[str, str] = {
    "West": "west", "EU-27": "eu27", "USA": "USA", "Russia": "Russia", "China": "China",
    "Uzbekistan": "central_asia", "Azerbaijan": "south_caucasus", "Other": "other",
    "median UN member": "other", "Kazakhstan": "Kazakhstan",
}


def _style(name: str) -> SeriesStyle:
    return style_for(_STYLE_KEYS.get(name, name))


def evidence_text(evidence: ClaimEvidence, with_verdict: bool = False) -> str:
    """One paragraph: the claim, the choice and what the evidence shows under it (and, if asked, the rule's verdict)."""
    verdict = f"{evidence.verdict.upper()}. " if with_verdict else ""
    return (f"{evidence.claim} ({CLAIMS.get(evidence.claim, '')}). With {evidence.choice_label}: "
            f"{verdict}{evidence.reasoning}")


# -- Figures --------------------------------------------------------------------------------------------------------
def _fmt(value: float, digits: int = 1) -> str:
    if pd.isna(value):
        return "no figure"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.{digits}f}"


def _describe_line(evidence: ClaimEvidence) -> str:
    view, digits = evidence.data, evidence.digits
    parts = []
    for column in view.columns:
        series = view[column].dropna()
        if series.empty:
            continue
        parts.append(f"{column} from {_fmt(series.min(), digits)} ({int(series.idxmin())}) to "
                     f"{_fmt(series.max(), digits)} ({int(series.idxmax())}), {_fmt(series.iloc[-1], digits)} in "
                     f"{int(series.index[-1])}")
    return (f"Line chart, {int(view.index.min())} to {int(view.index.max())}, {evidence.ylabel}: "
            + "; ".join(parts))


def _describe_barh(evidence: ClaimEvidence) -> str:
    view = evidence.data
    return f"Horizontal bar chart, {evidence.xlabel}: " + "; ".join(
        f"{label} {_fmt(value, evidence.digits)}" for label, value in zip(view.index, view["value"]))


def _describe_dots(evidence: ClaimEvidence) -> str:
    view = evidence.data
    marked = view[view["highlight"]]
    return (f"Dot chart of {len(view)} items by date against {evidence.ylabel}: "
            + "; ".join(f"{row.label} ({row.y})" for row in view.itertuples())
            + f". Highlighted (filled): {', '.join(marked['label']) or 'none'}")


def _describe_scatter(evidence: ClaimEvidence) -> str:
    return (f"Scatter plot of {len(evidence.data)} years, {evidence.xlabel} against {evidence.ylabel}, "
            f"correlation r = {evidence.r:.2f}")


_DESCRIBE = {"line": _describe_line, "barh": _describe_barh, "dots": _describe_dots, "scatter": _describe_scatter}


def describe_claim(evidence: ClaimEvidence, with_verdict: bool = False) -> str:
    """Alt text for a claim figure: the chart kind, what is plotted, its values or ranges (and, if asked, the
    verdict)."""
    if evidence.data.empty:
        return f"Empty chart: {evidence.title}."
    body = _DESCRIBE[evidence.kind](evidence)
    ref = f" A dashed line marks {evidence.reference[1]}." if evidence.reference else ""
    switch = switch_sentence(evidence.source_switch) if evidence.source_switch is not None else ""
    verdict = f" Verdict with this choice: {evidence.verdict}." if with_verdict else ""
    return f"{evidence.title}. {body}.{ref}{switch}{verdict}"


def _draw_line(ax: Axes, evidence: ClaimEvidence) -> None:
    view = evidence.data
    for column in view.columns:
        style = _style(str(column))
        series = view[column].dropna()
        baseline = column == "median UN member"
        ax.plot(series.index, series.values, label=str(column), color=style.color, marker=style.marker,
                markersize=5, linestyle="none" if evidence.markers_only else (":" if baseline else style.linestyle),
                linewidth=1.2 if baseline else 2)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if evidence.ylim is not None:
        ax.set_ylim(*evidence.ylim)
    else:
        reference = evidence.reference
        top = max(float(view.max().max()), reference[0] if reference else 0.0)
        ax.set_ylim(0, max(top * 1.25, 1e-9))
    if evidence.source_switch is not None:
        mark_source_switch(ax, evidence.source_switch, SWITCH_LABEL)
    boundary = evidence.boundary
    if boundary:
        ax.axvline(boundary - 0.5, color="#444444", linewidth=1, linestyle="-.")
        ax.text(boundary - 0.3, ax.get_ylim()[0] + 0.03 * (ax.get_ylim()[1] - ax.get_ylim()[0]), f"{boundary}",
                fontsize=8, color="#444444")


def _draw_barh(ax: Axes, evidence: ClaimEvidence) -> None:
    view = evidence.data
    ordered = view.iloc[::-1]
    positions = list(range(len(ordered)))
    for position, (_label, row) in zip(positions, ordered.iterrows()):
        style = _style(str(row["group"]))
        value = 0.0 if pd.isna(row["value"]) else float(row["value"])
        ax.barh(position, value, color=style.color, edgecolor="#333333", linewidth=0.6,
                hatch="//" if str(row["group"]) in ("Russia", "Other") else "")
        ax.text(value, position, f" {_fmt(row['value'], evidence.digits)}", va="center", fontsize=9)
    ax.set_yticks(positions)
    ax.set_yticklabels([str(label) for label in ordered.index], fontsize=9)
    ax.grid(axis="y", visible=False)
    top = float(view["value"].max(skipna=True)) if view["value"].notna().any() else 1.0
    reference = evidence.reference
    ax.set_xlim(0, max(top, reference[0] if reference else 0) * 1.2)


def _draw_dots(ax: Axes, evidence: ClaimEvidence) -> None:
    order = list(evidence.y_order)  # categories listed here show even when empty
    order += [category for category in sorted(evidence.data["y"].unique()) if category not in order]
    positions = {category: i for i, category in enumerate(order)}
    categorical = evidence.x_categorical
    view = evidence.data.sort_values("x").reset_index(drop=True)
    xs = pd.Series(range(len(view)), dtype=float) if categorical else view["x"]
    style = style_for("Kazakhstan")
    for marked, face in ((False, "white"), (True, style.color)):
        rows = view["highlight"] == marked
        if not rows.any():
            continue
        ax.scatter(xs[rows], view.loc[rows, "y"].map(positions), s=70, marker="o" if marked else "s",
                   facecolors=face, edgecolors="#333333", linewidths=1.2, zorder=3,
                   label="highlighted (the evidence)" if marked else "other items")
    if categorical:
        ax.set_xticks(list(xs))
        ax.set_xticklabels([f"{str(row.label).split(' ')[0]}\n{row.x:%Y-%m}" for row in view.itertuples()],
                           fontsize=8, rotation=30, ha="right")
    else:
        for i, row in enumerate(view.itertuples()):
            ax.annotate(row.label, (xs[i], positions[row.y]), textcoords="offset points",
                        xytext=(4, 7 if i % 2 == 0 else -13), fontsize=7)
    ax.set_yticks(list(positions.values()))
    ax.set_yticklabels(order)
    ax.set_ylim(-0.7, len(order) - 0.3)
    ax.margins(x=0.1)


def _draw_scatter(ax: Axes, evidence: ClaimEvidence) -> None:
    view = evidence.data
    style = style_for("Kazakhstan")
    ax.scatter(view["x"], view["y"], s=40, color=style.color, edgecolors="#333333", marker=style.marker, zorder=3,
               label="one year")
    for row in view.itertuples():
        ax.annotate(row.label, (row.x, row.y), textcoords="offset points", xytext=(3, 3), fontsize=7)
    if view["x"].min() < 0 < view["x"].max():
        ax.axvline(0, color="#999999", linewidth=0.8)
        ax.axhline(0, color="#999999", linewidth=0.8)


_DRAW = {"line": _draw_line, "barh": _draw_barh, "dots": _draw_dots, "scatter": _draw_scatter}
assert set(_DRAW) == set(_DESCRIBE) == set(KINDS), "every chart kind needs a drawer and a description"

def claim_figure(evidence: ClaimEvidence, with_verdict: bool = False) -> AltFigure | str:
    """The chart of a :func:`~betweenpowers.measures.claims.claim_view` (its ``kind``), or a message when there is
    nothing to draw; ``with_verdict`` adds the rule's verdict to the alt text."""
    if evidence.data.empty:
        return f"Nothing to draw for {evidence.claim} with this choice: {evidence.reasoning}"
    fig, ax = new_figure(8.5, 4.8)
    _DRAW[evidence.kind](ax, evidence)
    reference = evidence.reference
    xlabel = evidence.xlabel
    if reference and evidence.kind == "barh":  # named in the axis label: a legend would cover the bars
        ax.axvline(reference[0], color="#444444", linestyle="--", linewidth=1.2)
        xlabel = f"{xlabel}; dashed line: {reference[1]}"
    elif reference:
        ax.axhline(reference[0], color="#444444", linestyle="--", linewidth=1.2, label=reference[1])
    return finish(fig, ax, title=evidence.title, xlabel=xlabel, ylabel=evidence.ylabel,
                  source=evidence.source, alt=describe_claim(evidence, with_verdict))


#: The four verdicts' colours (Okabe-Ito) and hatches, so the bars read without colour too.
_VERDICT_LOOK: dict[str, tuple[str, str]] = {
    "supported": ("#009E73", ""), "partly supported": ("#56B4E9", "//"),
    "contradicted": ("#D55E00", "xx"), "not testable with this data": ("#767676", ".."),
}


def class_verdicts_figure(tally: pd.DataFrame) -> AltFigure | str:
    """A class's verdicts (:func:`betweenpowers.checks.verdicts.class_tally`) as stacked bars, one per claim, the
    most disputed claim (lowest agreement) at the top; a message when no sheet had a verdict."""
    counted = tally[tally["sheets"] > 0].sort_values(["agreement", "sheets"], ascending=[False, True])
    if counted.empty:
        return "No verdicts to draw: none of the sheets had a valid verdict."
    shares = counted[list(_VERDICT_LOOK)].div(counted["sheets"], axis=0) * 100
    labels = [f"{claim} ({int(n)})" for claim, n in counted["sheets"].items()]
    fig, ax = new_figure(8.5, 0.32 * len(counted) + 1.8)
    left = pd.Series(0.0, index=shares.index)
    for verdict, (color, hatch) in _VERDICT_LOOK.items():
        ax.barh(labels, shares[verdict], left=left, color=color, hatch=hatch, edgecolor="white")
        left += shares[verdict]
    ax.set_xlim(0, 100)
    keys = [Patch(facecolor=color, hatch=hatch, edgecolor="white") for color, hatch in _VERDICT_LOOK.values()]
    fig.legend(keys, list(_VERDICT_LOOK), loc="outside upper center", ncols=4, frameon=False, fontsize="small")
    most = counted.index[-1]
    alt = (f"Stacked bar chart of the class's verdicts on {len(counted)} claims, share of sheets in %, most disputed "
           f"at the top: {most} (the most common verdict on {counted.loc[most, 'agreement']:.0%} of "
           f"{int(counted.loc[most, 'sheets'])} sheets). " + "; ".join(
               f"{claim}: " + ", ".join(f"{v} {int(counted.loc[claim, v])}" for v in _VERDICT_LOOK
                                        if counted.loc[claim, v])
               for claim in counted.index[::-1]))
    return finish(fig, ax, title="Where the class disagrees: verdicts per claim",
                  xlabel="Share of the sheets with this verdict, % (number of sheets in brackets)", ylabel="Claim",
                  source=own_source_line(f"the class's verdict sheets (my_verdicts.csv, lesson 08), "
                                         f"{int(counted['sheets'].max())} at most per claim"), alt=alt)


# -- Explorer -------------------------------------------------------------------------------------------------------
def _choice_options(claim: str) -> list[tuple[str, str]]:
    return [(label, key) for key, label in CLAIM_CHOICES[claim].items()]


def claims_explorer(tables: Mapping[str, pd.DataFrame], claim: str = "C12",
                    with_verdict: bool = False) -> widgets.VBox:
    """Explorer of the article's claims: choose a claim, then a definition; the evidence redraws.

    ``tables`` maps the keys of :data:`~betweenpowers.measures.claims.CLAIM_TABLES` to the loaded tables;
    ``with_verdict`` shows the verdict each definition's rule gives (the solutions do; the lesson does not).
    """
    if claim not in CLAIM_CHOICES:
        raise ValueError(f"claim must be one of {list(CLAIM_CHOICES)}, not {claim!r}")
    claim_box = widgets.Dropdown(options=[(f"{c}: {CLAIMS[c]}", c) for c in CLAIM_CHOICES], value=claim,
                                 description="Claim", layout=widgets.Layout(width="95%"))
    choice_box = widgets.Dropdown(options=_choice_options(claim), description="Definition",
                                  layout=widgets.Layout(width="95%"))
    finding = widgets.HTML()
    output = widgets.Output()
    updating = {"choices": False}

    def redraw(_change: object = None) -> None:
        if updating["choices"]:
            return
        evidence = claim_view(tables, claim_box.value, choice_box.value)
        finding.value = f"<p style='max-width:60em'>{html.escape(evidence_text(evidence, with_verdict))}</p>"
        show_in(output, claim_figure(evidence, with_verdict))

    def new_claim(_change: object = None) -> None:
        updating["choices"] = True
        try:
            choice_box.options = _choice_options(claim_box.value)
            choice_box.value = next(iter(CLAIM_CHOICES[claim_box.value]))
        finally:
            updating["choices"] = False
        redraw()

    claim_box.observe(new_claim, names="value")
    choice_box.observe(redraw, names="value")
    redraw()
    return explorer_box([claim_box, choice_box, finding, output])


__all__ = ["claim_figure", "claims_explorer", "class_verdicts_figure", "describe_claim", "evidence_text"]
