"""Interactive explorers: a pure function per explorer plus a thin ipywidgets UI, one module per lesson topic.

Each explorer has three parts:

* a *view* function ``(table, parameters) -> view``: pure, unit-tested over its whole parameter grid (empty
  selections included). The view is a DataFrame, or, where the figure needs the choices behind it, a frozen
  dataclass holding the frame and those choices as named fields (:class:`.trade.TradeView`,
  :class:`.neighbours.NeighboursView`, :class:`.exposure.ExposureView`);
* a *figure* function ``(view, parameters) -> AltFigure | str``: a figure with title, units, source line (from
  :func:`betweenpowers.data.source_line`) and alt text, or a short message when there is nothing to draw (for
  example, no partner chosen);
* an *explorer* function that wires controls to one ``Output`` (through :func:`.common.show_in`) and redraws it
  on every change; its outer box comes from :func:`.common.explorer_box`.

The lesson also shows the figure for the default parameters as a static image, so it reads well where widgets do
not run (GitHub, the HTML export).

Modules: :mod:`.common` (shared UI helpers), :mod:`.agreement` (lesson 00), :mod:`.events` (lesson 01),
:mod:`.trade` (lesson 02), :mod:`.votes` (lesson 03), :mod:`.scorecard` (lesson 04), :mod:`.eras` (lesson 05),
:mod:`.neighbours` (lesson 06), :mod:`.exposure` (lesson 07), :mod:`.claims` (lesson 08).

Explorer modules hold views, figures and controls only: the measures they draw live in
:mod:`betweenpowers.measures`, the house style in :mod:`betweenpowers.plots`, the partners and rules in
:mod:`betweenpowers.vectors` and :mod:`betweenpowers.measures.votes`.
"""

from betweenpowers.widgets.agreement import agreement_explorer, agreement_figure, agreement_view, describe_agreement

__all__ = ["agreement_explorer", "agreement_figure", "agreement_view", "describe_agreement"]
