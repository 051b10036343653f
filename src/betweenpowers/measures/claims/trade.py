"""Claims judged on trade: C05 (Uzbekistan), C07 (Azerbaijan), C09 (the EU), C10 (the USA), C12 (the largest
partner) and C14 (exposure to Russia, also on arms deliveries).

Kazakhstan's own statistics run to 2025: the IMF series (table ``trade_dots``) to 2020, the Bureau of National
Statistics' partner table (``trade_bns``) from 2021, joined by :func:`~betweenpowers.measures.trade.join_trade_tables`;
partners' (mirror) figures end in 2020. Figures read on web pages are in ``trade_page_figures``. Each rule takes the
``tables`` dict (keys of :data:`~betweenpowers.measures.claims.CLAIM_TABLES`) and a choice of
:data:`~betweenpowers.measures.claims.CLAIM_CHOICES`, and returns a
:class:`~betweenpowers.measures.claims.ClaimEvidence`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from betweenpowers.measures.claims.evidence import ClaimEvidence, evidence, need_table, table_source
from betweenpowers.measures.claims.helpers import format_years, years_at_or_above
from betweenpowers.measures.claims.scale import share_verdict
from betweenpowers.measures.trade import (
    flow_values,
    join_trade_tables,
    largest_partner_by_year,
    partner_shares,
    source_switch,
    vector_shares,
)

#: The flow of ``trade_page_figures`` that is total trade.
TURNOVER = "trade turnover (exports+imports)"

#: The years the article speaks of ("a year", "now"): the claims about yearly sizes are judged on them.
ARTICLE_YEARS: tuple[int, int] = (2022, 2025)


def trade_table(tables: Mapping[str, pd.DataFrame], view: str) -> pd.DataFrame:
    """The trade table of a view: Kazakhstan's statistics to 2025 (IMF DOTS joined to BNS) for ``"reported"``, the
    IMF's partner figures to 2020 for ``"mirror"``."""
    dots = need_table(tables, "trade")
    return join_trade_tables(dots, need_table(tables, "trade_bns")) if view == "reported" else dots


def trade_switch(years: pd.Index, view: str) -> float | None:
    """Where a line of ``view`` over ``years`` changes source (only Kazakhstan's statistics do)."""
    return source_switch(years) if view == "reported" else None


def trade_tables_source(years: pd.Index, view: str) -> str:
    """Source line naming the trade tables the years of a view come from."""
    if view == "reported" and int(years.max()) > 2020:
        return table_source("trade", "trade_bns") if int(years.min()) <= 2020 else table_source("trade_bns")
    return table_source("trade")


def partner_total(trade: pd.DataFrame, view: str, codes: set[str] | None = None,
                  vector: str | None = None) -> pd.Series:
    """Total trade (exports + imports) with some partners (ISO3 ``codes``, or a whole ``vector``), million US$ by
    year, from 1994."""
    values = flow_values(trade, view, "total")
    chosen = values[values["vector"] == vector] if vector else values[values["partner_iso3"].isin(list(codes or ()))]
    return chosen.groupby("year")["value_usd_mn"].sum().loc[1994:].astype(float)


def page_rows(pages: pd.DataFrame, code: str, *, full_year: bool) -> pd.DataFrame:
    """The total-trade figures of one partner (``partner_code``) on the web pages, by year and value; with
    ``full_year`` only figures for whole years."""
    rows = pages[(pages["partner_code"] == code) & (pages["flow"] == TURNOVER) & pages["value_usd_bn"].notna()]
    if full_year:
        rows = rows[rows["period_kind"] == "year"]
    return rows.sort_values(["year", "value_usd_bn"])


def page_bars(rows: pd.DataFrame) -> pd.DataFrame:
    """Bars of published figures: value (billion US$), labelled by period, row id and reporter side."""
    side = rows["reporter_side"].replace({"Kazakh statistics": "Kazakh stat.", "partner statistics": "partner stat.",
                                          "unknown": "side unknown"})
    period = rows["period"].where(rows["period"].str.len() <= 12, rows["year"].astype(str))
    labels = period + " (row " + rows["row_id"].astype(str) + ", " + side + ")"
    return pd.DataFrame({"value": rows["value_usd_bn"].astype(float).to_numpy(), "group": ["Other"] * len(rows)},
                        index=pd.Index(labels.astype(str), name="figure"))


def _pages_source() -> str:
    return table_source("trade_pages", note="")


def c05(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """C05: Uzbekistan's share of Kazakhstan's trade and the border treaty. Always partly supported: trade fell and
    recovered, the treaty predates the article's 'past year', and grid and water cooperation are not in the data."""
    events = need_table(tables, "events")
    values = flow_values(trade_table(tables, choice), choice, "total")
    world = values[values["partner_type"] == "world"].set_index("year")["value_usd_mn"]
    uzb = values[values["partner_iso3"] == "UZB"].set_index("year")["value_usd_mn"]
    share = (uzb / world * 100).loc[1994:].astype(float).dropna()
    lines = pd.DataFrame({"Uzbekistan": share})
    lines.index.name = "year"
    treaty = events[events["title"].str.contains("Uzbekistan") & events["title"].str.contains("border")]
    treaty_text = (f"{treaty['event_id'].iloc[0]} ({treaty['date'].iloc[0]})" if not treaty.empty
                   else "not in the table")
    low_year = int(share.idxmin())
    reasoning = (f"Uzbekistan's share of Kazakhstan's trade was {share.iloc[0]:.1f}% in {int(share.index[0])}, fell "
                 f"to {share.min():.1f}% in {low_year} and rose to {share.iloc[-1]:.1f}% in {int(share.index[-1])}. "
                 f"The border treaty is in the events table, {treaty_text}, well before the article's 'past year'; "
                 "grid and water cooperation are not in the data.")
    return evidence(lines, "C05", choice, "line", "partly supported", reasoning,
                    title="C05: Uzbekistan's share of Kazakhstan's trade",
                    xlabel="Year", ylabel="Share of total trade, %", source=trade_tables_source(share.index, choice),
                    source_switch=trade_switch(share.index, choice))


def c07(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """C07: trade with Azerbaijan in the first half of 2025. Not testable: the tables hold whole years only (to 2025
    in Kazakhstan's statistics), and the web pages give first halves of other years."""
    series = partner_total(trade_table(tables, choice), choice, {"AZE"})
    lines = pd.DataFrame({"Azerbaijan": series})
    lines.index.name = "year"
    halves = page_rows(need_table(tables, "trade_pages"), "AZE", full_year=False)
    halves = halves[halves["period"].str.endswith("-H1")]
    h1 = "; ".join(f"{p} {v * 1000:.1f} million ({s})" for p, v, s in
                   zip(halves["period"], halves["value_usd_bn"], halves["reporter_side"]))
    last = int(series.index.max())
    whole_year = (f"The whole of {last} comes to {series.loc[last]:.0f} million US$: more than 330 in the first "
                  f"half would leave less than {series.loc[last] - 330:.0f} for the second." if last >= 2025 else
                  f"This view ends in {last} ({series.loc[last]:.0f} million US$).")
    reasoning = (f"Not testable as stated: no table has half-years. {whole_year} The web pages give first halves "
                 f"only for other years ({h1 or 'none'}). Needed: Kazakhstan's official January-June 2025 trade with "
                 "Azerbaijan.")
    return evidence(lines, "C07", choice, "line", "not testable with this data", reasoning,
                    title=f"C07: Kazakhstan's trade with Azerbaijan, 1994-{last}",
                    xlabel="Year", ylabel="Exports + imports, million US$",
                    source=trade_tables_source(series.index, choice), source_switch=trade_switch(series.index, choice),
                    reference=(660.0, "660 = the claim's 330 in a half-year, as a yearly pace"))


def c09(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """C09: trade with the EU-27 in 2024. Not testable: the IMF series end in 2020, the pages have no 2024 figure."""
    if choice == "pages":
        rows = page_rows(need_table(tables, "trade_pages"), "EU27", full_year=False)
        bars = page_bars(rows)
        full = rows[rows["period_kind"] == "year"]
        by_year = full.groupby("year")["value_usd_bn"].agg(["min", "max"])
        years = "; ".join(f"{int(y)}: {r['min']:.1f}" + (f"-{r['max']:.1f}" if r["max"] != r["min"] else "")
                          for y, r in by_year.iterrows())
        reasoning = (f"Full-year figures on the pages: {years} billion US$; none for 2024. Needed: Kazakhstan's "
                     "(or Eurostat's) 2024 trade with the EU-27. The oil part needs trade by product, which the "
                     "course data do not have.")
        return evidence(bars, "C09", choice, "barh", "not testable with this data", reasoning,
                        title="C09: Kazakhstan-EU trade figures published on web pages",
                        xlabel="Billion US$ (published figure)", ylabel="Period (row, reporter side)",
                        source=_pages_source(), reference=(50.0, "the claim: about 50"))
    series = partner_total(trade_table(tables, choice), choice, vector="eu27") / 1000
    lines = pd.DataFrame({"EU-27": series})
    lines.index.name = "year"
    above = years_at_or_above(series, 50.0)
    last = int(series.index.max())
    history = (f"EU-27 trade reached 50 billion US$ in {len(above)} years ({format_years(above)}); peak "
               f"{series.max():.1f} in {int(series.idxmax())}.")
    if 2024 in series.index:
        near = abs(series.loc[2024] - 50.0) <= 5.0  # "near 50": within 10%
        verdict = "partly supported" if near else "contradicted"
        reasoning = (f"In 2024 Kazakhstan's statistics give {series.loc[2024]:.1f} billion US$ with the EU-27 "
                     f"({'within' if near else 'outside'} 10% of 50). {history} Whether Kazakhstan is 'a leading "
                     "oil supplier' needs trade by product, which the course data do not have.")
    else:
        verdict = "not testable with this data"
        reasoning = f"This view ends in {last}, so 2024 is not in it. {history}"
    return evidence(lines, "C09", choice, "line", verdict, reasoning,
                    title=f"C09: Kazakhstan's trade with the EU-27, 1994-{last}",
                    xlabel="Year", ylabel="Exports + imports, billion US$",
                    source=trade_tables_source(series.index, choice), reference=(50.0, "the claim: about 50"),
                    source_switch=trade_switch(series.index, choice))


def c10(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """C10: trade with the USA above 4 billion US$ a year.

    Rule: trade tables, :func:`~betweenpowers.measures.claims.share_verdict` of the :data:`ARTICLE_YEARS` at or above 4
    (all the years of the view when it ends before them, as the mirror view does); pages, 4 or more in every year =
    supported, in some = partly supported, in none = contradicted.
    """
    if choice == "pages":
        rows = page_rows(need_table(tables, "trade_pages"), "USA", full_year=True)
        bars = page_bars(rows)
        by_year = rows.groupby("year")["value_usd_bn"].max()
        reached = years_at_or_above(by_year, 4.0)
        verdict = ("supported" if len(reached) == len(by_year) and len(by_year)
                   else "partly supported" if reached else "contradicted")
        reasoning = (f"Full-year figures: highest per year {', '.join(f'{int(y)} {v:.1f}' for y, v in by_year.items())}"
                     f" billion US$; 4 or more only in {format_years(reached)}. None for 2024.")
        return evidence(bars, "C10", choice, "barh", verdict, reasoning,
                        title="C10: Kazakhstan-USA trade figures published on web pages",
                        xlabel="Billion US$ (published figure)", ylabel="Period (row, reporter side)",
                        source=_pages_source(), reference=(4.0, "the claim: 4"), digits=2)
    series = partner_total(trade_table(tables, choice), choice, {"USA"}) / 1000
    lines = pd.DataFrame({"USA": series})
    lines.index.name = "year"
    first, last = int(series.index.min()), int(series.index.max())
    judged = series.loc[ARTICLE_YEARS[0]:ARTICLE_YEARS[1]]
    if judged.empty:
        judged = series
    above = years_at_or_above(judged, 4.0)
    verdict = share_verdict(len(above), len(judged))
    reasoning = (f"Trade with the USA reached 4 billion US$ in {len(above)} of the {len(judged)} years "
                 f"{int(judged.index.min())}-{int(judged.index.max())} ({format_years(above)}); the highest of "
                 f"{first}-{last} was {series.max():.2f} in {int(series.idxmax())}.")
    return evidence(lines, "C10", choice, "line", verdict, reasoning,
                    title=f"C10: Kazakhstan's trade with the USA, {first}-{last}",
                    xlabel="Year", ylabel="Exports + imports, billion US$",
                    source=trade_tables_source(series.index, choice), reference=(4.0, "the claim: 4"), digits=2,
                    source_switch=trade_switch(series.index, choice))


def _c12_pages_2023(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Shares of Kazakhstan's 2023 total trade (BNS) of the partners with a Kazakh-statistics figure on the pages."""
    pages = need_table(tables, "trade_pages")
    macro = need_table(tables, "macro").set_index("year")
    rows = pages[(pages["reporter_side"] == "Kazakh statistics") & (pages["period_kind"] == "year")
                 & (pages["flow"] == TURNOVER) & (pages["year"] == 2023)]
    total_bn = float(macro.loc[2023, "exports_usd_mn_bns"] + macro.loc[2023, "imports_usd_mn_bns"]) / 1000
    bars = pd.DataFrame({"value": (rows["value_usd_bn"].astype(float) / total_bn * 100).to_numpy(),
                         "group": rows["partner"].astype(str).to_numpy()},
                        index=pd.Index(rows["partner"].astype(str), name="partner"))
    return bars.sort_values("value", ascending=False)


def c12(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """C12: China the largest trading partner. Rule: China first = supported, another partner first = contradicted."""
    if choice == "pages_2023":
        bars = _c12_pages_2023(tables)
        note = "; the EU as a bloc has no Kazakh-statistics figure for 2023 in the table"
        source = table_source("trade_pages", "macro", sources=("pages", "bns"))
        title = "C12: Kazakhstan's largest partners in 2023, its own statistics"
    else:
        view, eu = choice.split("_")
        trade = trade_table(tables, view)
        year = int(trade["year"].max())
        shares = partner_shares(trade, year, view=view, flow="total", eu_as_bloc=(eu == "bloc"))
        top = shares.head(5)
        bars = pd.DataFrame({"value": (top["share"] * 100).to_numpy(), "group": top["label"].astype(str).to_numpy()},
                            index=pd.Index(top["label"].astype(str), name="partner"))
        note = ""
        source = trade_tables_source(pd.Index([year]), view)
        side = "Kazakhstan's" if view == "reported" else "partners'"
        title = f"C12: Kazakhstan's largest partners in {year}, {side} statistics"
    if bars.empty:
        return evidence(bars, "C12", choice, "barh", "not testable with this data", "No figures for this choice.",
                        title=title, xlabel="Share of total trade, %", ylabel="Partner", source=source)
    first, second = bars.index[0], bars.index[1]
    verdict = "supported" if first == "China" else "contradicted"
    reasoning = (f"Largest partner: {first} ({bars['value'].iloc[0]:.1f}% of total trade), then {second} "
                 f"({bars['value'].iloc[1]:.1f}%){note}.")
    return evidence(bars, "C12", choice, "barh", verdict, reasoning, title=title,
                    xlabel="Share of Kazakhstan's total trade, %", ylabel="Partner", source=source)


def _c14_arms(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """Russia's share of each year's arms deliveries, and the years it was the largest supplier."""
    arms = need_table(tables, "arms")
    imports = arms[arms["direction"] == "import"]
    tiv = imports.groupby(["year", "counterpart"])["tiv_mn"].sum().unstack(fill_value=0.0)
    share = (tiv["Russia"] / tiv.sum(axis=1) * 100).rename("Russia").to_frame()
    share.index.name = "year"
    largest = int((tiv.idxmax(axis=1) == "Russia").sum())
    verdict = share_verdict(largest, len(tiv))
    reasoning = (f"Russia was the largest supplier in {largest} of {len(tiv)} years with deliveries. Exposure in "
                 "defence is clear; whether deeper defence integration is 'discouraged' is not testable with "
                 "delivery data (they end in 2021).")
    return evidence(share, "C14", choice, "line", verdict, reasoning,
                    title="C14: Russia's share of Kazakhstan's major arms deliveries",
                    xlabel="Year (years with deliveries only)", ylabel="Share of the year's deliveries (TIV), %",
                    source=table_source("arms"), markers_only=True, ylim=(0.0, 105.0))


def c14(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """C14: exposure to Russia, in a trade flow or in arms deliveries (the choice).

    Rule (:func:`~betweenpowers.measures.claims.share_verdict`): Russia the largest partner in 80% of the years or
    more = supported, in a third or more = partly supported.
    """
    if choice == "arms":
        return _c14_arms(tables, choice)
    view = "mirror" if choice == "imports_mirror" else "reported"
    flow = "exports" if choice == "exports" else "imports"
    trade = trade_table(tables, view)
    share = (vector_shares(trade, view=view, flow=flow)["russia"] * 100).loc[1994:].rename("Russia").to_frame()
    share.index.name = "year"
    leaders = largest_partner_by_year(trade, view=view, flow=flow)  # partner_shares(...)["label"].iloc[0], per year
    largest = [year for year in share.index if leaders.get(int(year)) == "Russia"]
    verdict = share_verdict(len(largest), len(share))
    noun = "supplier of imports" if flow == "imports" else "buyer of exports"
    whose = "Kazakhstan's" if view == "reported" else "the partners'"
    first, last = int(share.index.min()), int(share.index.max())
    reasoning = (f"Russia was the largest single {noun} in {len(largest)} of {len(share)} years {first}-{last} "
                 f"({whose} statistics); its share was {share['Russia'].iloc[-1]:.1f}% in {last}. Exposure runs "
                 "through imports (and transit, which trade data do not show).")
    return evidence(share, "C14", choice, "line", verdict, reasoning,
                    title=f"C14: Russia's share of Kazakhstan's {flow}",
                    xlabel="Year", ylabel=f"Share of Kazakhstan's {flow}, %",
                    source=trade_tables_source(share.index, view), source_switch=trade_switch(share.index, view))


#: Claim id -> its rule.
RULES = {"C05": c05, "C07": c07, "C09": c09, "C10": c10, "C12": c12, "C14": c14}
