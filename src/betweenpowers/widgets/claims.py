"""Lesson 08 (capstone): the claims explorer. Choose a claim of the article and a definition; see the evidence and
the verdict that this definition gives.

The pure part is :func:`claim_view` ``(tables, claim, choice) -> DataFrame``: the evidence for one claim under one
definitional choice, with the verdict and its reasoning in the frame's ``attrs``. :func:`claim_figure` draws it
(one of four chart kinds, chosen by the claim) and :func:`verdict_text` words the verdict. :func:`claims_explorer`
wires two dropdowns (claim, then definition) to a verdict line and one ``Output``.

``tables`` maps the names of :data:`TABLE_NAMES` to the loaded tables::

    tables = {"events": data.load_diplomatic_events(), "trade": data.load_trade_dots(), ...}

Each verdict here belongs to one *choice*; the lesson weighs the choices against each other and gives each claim
one overall verdict. The rules that turn numbers into a verdict are stated in the reasoning text, so they can be
argued with.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Mapping

import ipywidgets as widgets
import pandas as pd

from betweenpowers.measures.claims import (
    CLAIMS,
    VERDICTS,
    before_after,
    change_correlation,
    check_verdict,
    city_in_title,
    level_correlation,
    per_year_by_era,
    share_verdict,
    years_at_or_above,
)
from betweenpowers.measures.events import event_timestamps
from betweenpowers.measures.trade import (
    balance_index,
    flow_values,
    great_power_shares,
    largest_partner_by_year,
    partner_shares,
    vector_shares,
)
from betweenpowers.plots import AltFigure, finish, new_figure, style_for
from betweenpowers.vectors import EU27
from betweenpowers.widgets.common import explorer_box, show_in

#: The tables a view needs: key in ``tables`` -> loader in :mod:`betweenpowers.data`.
TABLE_NAMES: dict[str, str] = {
    "events": "load_diplomatic_events",
    "trade": "load_trade_dots",
    "trade_pages": "load_trade_page_figures",
    "agreement": "load_unga_agreement_yearly",
    "key_votes": "load_unga_key_votes_ukraine",
    "arms": "load_arms_transfers_sipri",
    "fdi": "load_fdi_page_figures",
    "macro": "load_macro_kaz_annual",
}

#: For each claim, its definitional choices: key -> label shown in the explorer. The first is the default.
CLAIM_CHOICES: dict[str, dict[str, str]] = {
    "C01": {"date": "match the article's date (August 2025)", "city": "match the article's city (Astana)"},
    "C02": {"speeches": "past appearances = speeches at the General Assembly",
            "all_un": "past appearances = every UN initiative"},
    "C03": {"trade_reported": "trade, Kazakhstan's statistics", "trade_mirror": "trade, partners' statistics",
            "votes": "UN votes (abstention = half agreement)", "arms": "arms deliveries (SIPRI)"},
    "C04": {"half": "abstention = half agreement", "identical": "abstention = disagreement",
            "excluding_abstentions": "abstentions left out"},
    "C05": {"reported": "trade, Kazakhstan's statistics", "mirror": "trade, Uzbekistan's statistics"},
    "C06": {"hosting": "championing = hosting or initiating (the table's rule)",
            "initiating": "championing = initiating only"},
    "C07": {"reported": "trade, Kazakhstan's statistics", "mirror": "trade, Azerbaijan's statistics"},
    "C08": {"hosting": "did Almaty host the talks?", "causal": "did the talks lead to the declaration?"},
    "C09": {"reported": "EU-27 in the IMF data, Kazakhstan's statistics", "mirror": "EU-27 in the IMF data, "
            "partners' statistics", "pages": "figures published on web pages, 2021-2025"},
    "C10": {"reported": "IMF data, Kazakhstan's statistics", "mirror": "IMF data, US statistics",
            "pages": "figures published on web pages, 2021-2025"},
    "C11": {"cumulative": "cumulative FDI 1991-2019, Netherlands counted",
            "cumulative_without_nld": "cumulative FDI 1991-2019, Netherlands left out",
            "stock": "FDI stock, mid-2021", "gross_2022": "gross FDI inflow, 2022"},
    "C12": {"reported_members": "2020, Kazakhstan's statistics, EU by member state",
            "reported_bloc": "2020, Kazakhstan's statistics, EU as one bloc",
            "mirror_members": "2020, partners' statistics, EU by member state",
            "mirror_bloc": "2020, partners' statistics, EU as one bloc",
            "pages_2023": "2023, Kazakhstan's statistics (web pages)"},
    "C13": {"not_with_russia": "refusing = never voting with Russia against non-recognition",
            "voted_for": "refusing = voting for non-recognition"},
    "C14": {"imports": "Russia in imports, Kazakhstan's statistics", "exports": "Russia in exports, Kazakhstan's "
            "statistics", "imports_mirror": "Russia in imports, partners' statistics",
            "arms": "Russia in arms deliveries (SIPRI)"},
    "C15": {"2019": "era boundary 2019 (Nazarbayev's resignation)", "2022": "era boundary 2022"},
    "C16": {"gdp_changes": "GDP against Brent, yearly % changes", "gdp_levels": "GDP against Brent, levels",
            "exports_changes": "exports (BNS) against Brent, yearly % changes"},
}

#: Chart kinds of a view (``attrs["kind"]``).
KINDS: tuple[str, ...] = ("line", "barh", "dots", "scatter")

EVENTS_SOURCE = "Source: Between Powers events table (one cited page per row). Own coding and calculation."
TRADE_SOURCE = "Source: IMF Direction of Trade Statistics (DOTS), annual. Own calculation."
PAGES_SOURCE = "Source: trade figures read on web pages, one cited URL per row (table trade_page_figures)."
VOTES_SOURCE = ("Source: Voeten, Strezhnev & Bailey, UNGA voting data (to 2020); UN Digital Library (2021). "
                "Own calculation.")
KEY_VOTES_SOURCE = "Source: UN Digital Library voting records; news pages, one cited URL per row."
ARMS_SOURCE = "Source: SIPRI Arms Transfers Database (trend-indicator values). Own calculation."
FDI_SOURCE = "Source: FDI figures read on web pages, one cited URL per row (table fdi_page_figures)."
MACRO_SOURCE = ("Source: World Bank WDI (GDP); US EIA (Brent spot price); Bureau of National Statistics of "
                "Kazakhstan (trade totals). Own calculation.")

_STYLE_KEYS: dict[str, str] = {
    "West": "west", "EU-27": "eu27", "USA": "USA", "Russia": "Russia", "China": "China",
    "Uzbekistan": "central_asia", "Azerbaijan": "south_caucasus", "Other": "other",
    "median UN member": "other", "Kazakhstan": "Kazakhstan",
}

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_POLES = {"russia": "Russia", "china": "China", "eu27": "West", "other_west": "West"}
_TURNOVER = "trade turnover (exports+imports)"


def _style(name: str):
    return style_for(_STYLE_KEYS.get(name, name))


def _table(tables: Mapping[str, pd.DataFrame], name: str) -> pd.DataFrame:
    try:
        return tables[name]
    except (KeyError, TypeError):
        raise ValueError(f"the claims explorer needs the table {name!r} (betweenpowers.data.{TABLE_NAMES[name]}()); "
                         f"pass a dict with the keys {list(TABLE_NAMES)}") from None


def _frame(data: pd.DataFrame, claim: str, choice: str, kind: str, verdict: str, reasoning: str, *, title: str,
           xlabel: str, ylabel: str, source: str, **extra: object) -> pd.DataFrame:
    """Attach the metadata every view carries."""
    frame = data.copy()
    frame.attrs = {"claim": claim, "choice": choice, "choice_label": CLAIM_CHOICES[claim][choice], "kind": kind,
                   "verdict": check_verdict(verdict), "reasoning": reasoning, "title": title, "xlabel": xlabel,
                   "ylabel": ylabel, "source": source, **extra}
    return frame


def _dots(events: pd.DataFrame, y: pd.Series, highlight: pd.Series) -> pd.DataFrame:
    """Rows of a dot chart of events: x (timestamp), y (category), label (event id and date), highlight."""
    return pd.DataFrame({
        "x": event_timestamps(events["date"]),
        "y": y.astype(str),
        "label": (events["event_id"] + " " + events["date"]).astype(str),
        "highlight": highlight.astype(bool),
    }).reset_index(drop=True)


def _years(values: list[int]) -> str:
    if not values:
        return "none"
    if len(values) > 6:
        return f"{', '.join(str(v) for v in values[:3])}, ..., {values[-1]}"
    return ", ".join(str(v) for v in values)


# -- Events: C01, C02, C06, C08 -----------------------------------------------------------------------------------
def _c01(tables: Mapping[str, pd.DataFrame], choice: str) -> pd.DataFrame:
    events = _table(tables, "events")
    visits = events[events["title"].str.contains("Guterres|Secretary-General", regex=True)]
    city = city_in_title(visits["title"])
    if choice == "date":
        match = visits["date"].str.startswith("2025-08")
    else:
        match = city == "Astana"
    rows = _dots(visits, city.where(city != "", "(no city named)"), match)
    found = visits[match.to_numpy()]
    if found.empty:
        verdict, reasoning = "not testable with this data", "The events table has no visit that matches."
    else:
        first = found.iloc[0]
        where = city_in_title(found["title"]).iloc[0]
        if choice == "date":
            reasoning = (f"The one visit in August 2025 is {first['event_id']} ({first['date']}), in {where}, not "
                         "Astana: the visit happened, the city is wrong.")
        else:
            reasoning = (f"The Secretary-General's meeting in Astana is {first['event_id']} ({first['date']}), "
                         "a year before the date the article gives: the city fits, the date does not.")
        verdict = "partly supported"
    return _frame(rows, "C01", choice, "dots", verdict, reasoning,
                  title="C01: the UN Secretary-General's visits in the events table",
                  xlabel="Date of the event", ylabel="City named in the event", source=EVENTS_SOURCE)


def _un_rows(events: pd.DataFrame, choice: str) -> pd.DataFrame:
    un = events[events["category"] == "un_initiative"]
    if choice == "speeches":
        speech = un["title"].str.contains("UNGA|General Assembly", regex=True) & ~un["title"].str.startswith("UNGA")
        un = un[speech]
    return un


def _c02(tables: Mapping[str, pd.DataFrame], choice: str) -> pd.DataFrame:
    events = _table(tables, "events")
    un = _un_rows(events, choice)
    is_2025_speech = un["date"].str.startswith("2025-09")
    mode = un["mode"].map({"agenda_setting": "agenda-setting", "balancing": "balancing"})
    rows = _dots(un, mode, is_2025_speech)
    speech = un[is_2025_speech.to_numpy()]
    what = "speeches at the General Assembly" if choice == "speeches" else "UN initiatives"
    if speech.empty:
        verdict, reasoning = "not testable with this data", "The 2025 speech is not in the events table."
    else:
        earlier = un[un["date"] < speech["date"].iloc[0]]
        n_agenda = int((earlier["mode"] == "agenda_setting").sum())
        coded = "agenda-setting" if speech["mode"].iloc[0] == "agenda_setting" else "balancing"
        if n_agenda == 0:
            verdict = "supported"
            reasoning = f"The 2025 speech is coded {coded}, and none of the {len(earlier)} earlier {what} is."
        else:
            verdict = "partly supported"
            reasoning = (f"The 2025 speech ({speech['event_id'].iloc[0]}) is coded {coded}, but so are {n_agenda} of "
                         f"the {len(earlier)} earlier {what}, the first in {int(earlier['year'].min())}: "
                         "agenda-setting at the UN is a pattern, not a departure.")
    return _frame(rows, "C02", choice, "dots", verdict, reasoning,
                  title=f"C02: Kazakhstan's {what}, by how the table codes them",
                  xlabel="Event and month, in date order", ylabel="Mode in the events table", source=EVENTS_SOURCE,
                  x_categorical=True, y_order=["balancing", "agenda-setting"])


def _c06(tables: Mapping[str, pd.DataFrame], choice: str) -> pd.DataFrame:
    events = _table(tables, "events")
    meetings = events[events["title"].str.contains("Consultative Meeting")]
    if choice == "hosting":
        counts = meetings["mode"] == "agenda_setting"
    else:
        counts = meetings["category"].isin(["initiated_forum", "un_initiative"])
    category = meetings["category"].str.replace("_", " ")
    rows = _dots(meetings, category, counts)
    n = int(counts.sum())
    latest = meetings.sort_values("date").iloc[-1] if len(meetings) else None
    ordinal = "" if latest is None else latest["title"].split(" ")[0].lower()
    regular = (f"; the {latest['year']} meeting is the {ordinal} in {latest['year'] - meetings['year'].min() + 1} "
               "years, so the format is regular") if ordinal in _ORDINALS else ""
    if choice == "hosting":
        verdict = "supported" if n else "contradicted"
        reasoning = (f"{n} of the {len(meetings)} Consultative Meetings in the table were held in Kazakhstan and "
                     "count as agenda-setting under the table's rule (hosting), among them the first ("
                     f"{meetings['date'].min()}){regular}.")
    else:
        verdict = "supported" if n else "not testable with this data"
        reasoning = (f"{n} of the {len(meetings)} meetings is coded as an initiative of Kazakhstan (categories "
                     "'initiated forum' or 'UN initiative'): the table records hosting, not who proposed the "
                     "format. That needs a source on the proposal itself.")
    return _frame(rows, "C06", choice, "dots", verdict, reasoning,
                  title="C06: Central Asian Consultative Meetings in the events table",
                  xlabel="Date of the event", ylabel="Category in the events table", source=EVENTS_SOURCE,
                  y_order=["hosted summit", "initiated forum", "un initiative"])


def _c08(tables: Mapping[str, pd.DataFrame], choice: str) -> pd.DataFrame:
    events = _table(tables, "events")
    mediation = events[events["category"] == "mediation"]
    armenia_azerbaijan = mediation["partners"].str.contains("ARM") & mediation["partners"].str.contains("AZE")
    city = city_in_title(mediation["title"])
    rows = _dots(mediation, city.where(city != "", "(no city named)"), armenia_azerbaijan)
    talks = mediation[armenia_azerbaijan.to_numpy()]
    if talks.empty:
        verdict, reasoning = "not testable with this data", "No Armenia-Azerbaijan talks in the events table."
    elif choice == "hosting":
        verdict = "supported"
        reasoning = (f"{talks['event_id'].iloc[0]} ({talks['date'].iloc[0]}): {talks['title'].iloc[0]}. One of "
                     f"{len(mediation)} mediation events in the table.")
    else:
        verdict = "not testable with this data"
        reasoning = ("The table records the Almaty talks but not the later declaration, and no table can show that "
                     "one meeting led to another. That needs the record of the negotiating rounds between them.")
    return _frame(rows, "C08", choice, "dots", verdict, reasoning,
                  title="C08: mediation events in the events table, by city",
                  xlabel="Date of the event", ylabel="City named in the event", source=EVENTS_SOURCE)


# -- Balancing: C03, C04, C13 --------------------------------------------------------------------------------------
def _c03(tables: Mapping[str, pd.DataFrame], choice: str) -> pd.DataFrame:
    if choice in ("trade_reported", "trade_mirror"):
        view = choice.removeprefix("trade_")
        shares = great_power_shares(vector_shares(_table(tables, "trade"), view=view, flow="total")).loc[1994:]
        balance = shares.apply(balance_index, axis=1)
        even = years_at_or_above(balance, 0.9)
        lines = (shares * 100).rename(columns={"russia": "Russia", "china": "China", "west": "West"})
        lines.index.name = "year"
        verdict = share_verdict(len(even), len(balance))
        side = "Kazakhstan's" if view == "reported" else "the partners'"
        reasoning = (f"In {side} statistics the Russia-China-West split of trade came close to equal thirds "
                     f"(balance index at least 0.9) in {len(even)} of {len(balance)} years 1994-2020 "
                     f"({_years(even)}). Rule: 80% of the years or more = supported, a third or more = partly.")
        return _frame(lines, "C03", choice, "line", verdict, reasoning,
                      title="C03: shares of Russia, China and the West in Kazakhstan's trade",
                      xlabel="Year", ylabel="Share of total trade, %", source=TRADE_SOURCE)
    if choice == "votes":
        agreement = _table(tables, "agreement")
        kaz = agreement[agreement["iso3"] == "KAZ"]
        lines = kaz.pivot(index="year", columns="partner", values="agreement_half")[["USA", "RUS", "CHN"]]
        lines = lines.rename(columns={"RUS": "Russia", "CHN": "China"}).astype(float)
        spread = lines.max(axis=1) - lines.min(axis=1)
        close = [int(y) for y in spread.index[spread <= 0.2]]
        means = lines.mean()
        verdict = share_verdict(len(close), len(spread))
        reasoning = (f"Agreement with the three lay within 0.2 of each other in {len(close)} of {len(spread)} years; "
                     f"means {int(lines.index.min())}-{int(lines.index.max())}: USA {means['USA']:.2f}, Russia "
                     f"{means['Russia']:.2f}, China {means['China']:.2f}. Most UN members show a similar gap "
                     "(lesson 00), so votes say more about the Assembly than about a doctrine.")
        return _frame(lines, "C03", choice, "line", verdict, reasoning,
                      title="C03: Kazakhstan's UN vote agreement with the USA, Russia and China",
                      xlabel="Year", ylabel="Agreement share (0-1), abstention = half", source=VOTES_SOURCE,
                      ylim=(0.0, 1.0), digits=2)
    arms = _table(tables, "arms")
    imports = arms[arms["direction"] == "import"]
    poles = imports["vector"].map(_POLES).fillna("Other")
    tiv = imports.groupby(["year", poles])["tiv_mn"].sum().unstack(fill_value=0.0)
    share = tiv.div(tiv.sum(axis=1), axis=0) * 100
    share = share.reindex(columns=["Russia", "China", "West", "Other"], fill_value=0.0)
    share.index.name = "year"
    no_dominant = [int(y) for y in share.index[share.max(axis=1) <= 50]]
    verdict = share_verdict(len(no_dominant), len(share))
    total = tiv.sum()
    reasoning = (f"No supplier group delivered more than half of a year's arms in {len(no_dominant)} of "
                 f"{len(share)} years with deliveries ({_years(no_dominant)}); Russia delivered "
                 f"{total['Russia'] / total.sum():.0%} of all TIV 1995-2021.")
    return _frame(share, "C03", choice, "line", verdict, reasoning,
                  title="C03: who delivered Kazakhstan's major arms, year by year",
                  xlabel="Year (years with deliveries only)", ylabel="Share of the year's deliveries (TIV), %",
                  source=ARMS_SOURCE, markers_only=True, ylim=(0.0, 105.0))


_RULE_COLUMNS = {"half": "agreement_half", "identical": "agreement_identical",
                 "excluding_abstentions": "agreement_excluding_abstentions"}


def _c04(tables: Mapping[str, pd.DataFrame], choice: str) -> pd.DataFrame:
    agreement = _table(tables, "agreement")
    column = _RULE_COLUMNS[choice]
    with_russia = agreement[agreement["partner"] == "RUS"]
    kaz = with_russia[with_russia["iso3"] == "KAZ"].set_index("year")[column].astype(float)
    median = with_russia[with_russia["iso3"] != "RUS"].groupby("year")[column].median().astype(float)
    lines = pd.DataFrame({"Kazakhstan": kaz, "median UN member": median})
    lines.index.name = "year"
    kaz_change, median_change = before_after(kaz, 2014), before_after(median, 2014)
    verdict = "partly supported" if kaz_change["change"] < 0 else "contradicted"
    reasoning = (f"Agreement with Russia averaged {kaz_change['before']:.2f} in 1992-2013 and "
                 f"{kaz_change['after']:.2f} in 2014-2021 ({kaz_change['change']:+.2f}; median UN member "
                 f"{median_change['change']:+.2f}). A drift away from Russia, and abstentions on the Ukraine key "
                 "votes (C13): hedging, not a break with balancing.")
    return _frame(lines, "C04", choice, "line", verdict, reasoning,
                  title="C04: agreement with Russia at the UN, before and after 2014",
                  xlabel="Year", ylabel=f"Agreement share with Russia (0-1), {CLAIM_CHOICES['C04'][choice]}",
                  source=VOTES_SOURCE, ylim=(0.0, 1.0), boundary=2014, digits=2)


def _c13(tables: Mapping[str, pd.DataFrame], choice: str) -> pd.DataFrame:
    key_votes = _table(tables, "key_votes")
    events = _table(tables, "events")
    kaz = key_votes[key_votes["iso3"] == "KAZ"].sort_values("date")
    non_recognition = kaz["title"].str.contains("Territorial integrity", case=False)
    rows = pd.DataFrame({
        "x": pd.to_datetime(kaz["date"]),
        "y": kaz["vote"].astype(str).replace({"not_no": "not no (only 'no' votes listed)"}),
        "label": kaz["symbol"].str.removeprefix("A/RES/").str.removeprefix("local:").astype(str),
        "highlight": non_recognition.astype(bool),
    }).reset_index(drop=True)
    decisive = kaz[non_recognition.to_numpy()]
    statement = events[events["title"].str.contains("refuses to recognise")]
    said = (f"; publicly, {statement['event_id'].iloc[0]} ({statement['date'].iloc[0]}) records Tokayev refusing "
            "to recognise the Donbas 'republics' beside Putin") if not statement.empty else ""
    votes = ", ".join(f"{s.removeprefix('A/RES/')} {v}" for s, v in zip(decisive["symbol"], decisive["vote"]))
    if choice == "not_with_russia":
        n_no = int((decisive["vote"] == "no").sum())
        verdict = "supported" if n_no == 0 and len(decisive) else "contradicted"
        reasoning = (f"On the {len(decisive)} non-recognition resolutions Kazakhstan voted: {votes}. It never "
                     f"voted with Russia against them{said}.")
    else:
        n_yes = int((decisive["vote"] == "yes").sum())
        verdict = "supported" if n_yes == len(decisive) and len(decisive) else "partly supported"
        reasoning = (f"Kazakhstan voted for {n_yes} of the {len(decisive)} non-recognition resolutions ({votes}): "
                     f"the refusal is in statements, not in votes{said}.")
    return _frame(rows, "C13", choice, "dots", verdict, reasoning,
                  title="C13: Kazakhstan's votes on the key Ukraine resolutions",
                  xlabel="Resolution and month of the vote, in date order", ylabel="Kazakhstan's vote",
                  source=KEY_VOTES_SOURCE, x_categorical=True,
                  y_order=["yes", "not no (only 'no' votes listed)", "abstain", "absent", "no"])


# -- Trade and investment figures: C07, C09, C10, C11, C12 -----------------------------------------------------------
def _partner_total(trade: pd.DataFrame, view: str, codes: set[str] | None = None,
                   vector: str | None = None) -> pd.Series:
    """Total trade (exports + imports) with some partners (ISO3 ``codes``, or a whole ``vector``), million US$ by
    year, from 1994."""
    values = flow_values(trade, view, "total")
    chosen = values[values["vector"] == vector] if vector else values[values["partner_iso3"].isin(list(codes or ()))]
    return chosen.groupby("year")["value_usd_mn"].sum().loc[1994:].astype(float)


def _page_rows(pages: pd.DataFrame, code: str, *, full_year: bool) -> pd.DataFrame:
    rows = pages[(pages["partner_code"] == code) & (pages["flow"] == _TURNOVER) & pages["value_usd_bn"].notna()]
    if full_year:
        rows = rows[rows["period_kind"] == "year"]
    return rows.sort_values(["year", "value_usd_bn"])


def _page_bars(rows: pd.DataFrame) -> pd.DataFrame:
    side = rows["reporter_side"].replace({"Kazakh statistics": "Kazakh stat.", "partner statistics": "partner stat.",
                                          "unknown": "side unknown"})
    period = rows["period"].where(rows["period"].str.len() <= 12, rows["year"].astype(str))
    labels = period + " (row " + rows["row_id"].astype(str) + ", " + side + ")"
    bars = pd.DataFrame({"value": rows["value_usd_bn"].astype(float).to_numpy(),
                         "group": ["Other"] * len(rows)}, index=pd.Index(labels.astype(str), name="figure"))
    return bars


def _c07(tables: Mapping[str, pd.DataFrame], choice: str) -> pd.DataFrame:
    series = _partner_total(_table(tables, "trade"), choice, {"AZE"})
    lines = pd.DataFrame({"Azerbaijan": series})
    lines.index.name = "year"
    halves = _page_rows(_table(tables, "trade_pages"), "AZE", full_year=False)
    halves = halves[halves["period"].str.endswith("-H1")]
    h1 = "; ".join(f"{p} {v * 1000:.1f} million ({s})" for p, v, s in
                   zip(halves["period"], halves["value_usd_bn"], halves["reporter_side"]))
    reasoning = (f"Not testable: the IMF series ends in 2020 (highest year {series.max():.0f} million US$ in "
                 f"{int(series.idxmax())}; 2020: {series.iloc[-1]:.0f}), and the web pages give first halves only "
                 f"for other years ({h1 or 'none'}). Needed: official January-June 2025 trade between the two, "
                 "from Kazakhstan's Bureau of National Statistics or Azerbaijan's customs.")
    return _frame(lines, "C07", choice, "line", "not testable with this data", reasoning,
                  title="C07: Kazakhstan's trade with Azerbaijan, 1994-2020",
                  xlabel="Year", ylabel="Exports + imports, million US$", source=TRADE_SOURCE,
                  reference=(660.0, "660 = the claim's 330 in a half-year, as a yearly pace"))


def _c09(tables: Mapping[str, pd.DataFrame], choice: str) -> pd.DataFrame:
    if choice == "pages":
        rows = _page_rows(_table(tables, "trade_pages"), "EU27", full_year=False)
        bars = _page_bars(rows)
        full = rows[rows["period_kind"] == "year"]
        by_year = full.groupby("year")["value_usd_bn"].agg(["min", "max"])
        years = "; ".join(f"{int(y)}: {r['min']:.1f}" + (f"-{r['max']:.1f}" if r["max"] != r["min"] else "")
                          for y, r in by_year.iterrows())
        reasoning = (f"Full-year figures on the pages: {years} billion US$; none for 2024. Needed: Kazakhstan's "
                     "(or Eurostat's) 2024 trade with the EU-27. The oil part needs trade by product, which the "
                     "course data do not have.")
        return _frame(bars, "C09", choice, "barh", "not testable with this data", reasoning,
                      title="C09: Kazakhstan-EU trade figures published on web pages",
                      xlabel="Billion US$ (published figure)", ylabel="Period (row, reporter side)",
                      source=PAGES_SOURCE, reference=(50.0, "the claim: about 50"))
    series = _partner_total(_table(tables, "trade"), choice, vector="eu27") / 1000
    lines = pd.DataFrame({"EU-27": series})
    lines.index.name = "year"
    above = years_at_or_above(series, 50.0)
    reasoning = (f"The IMF series ends in 2020, so 2024 is not in it. EU-27 trade reached 50 billion US$ in "
                 f"{len(above)} years ({_years(above)}); peak {series.max():.1f} in {int(series.idxmax())}, "
                 f"{series.iloc[-1]:.1f} in 2020.")
    return _frame(lines, "C09", choice, "line", "not testable with this data", reasoning,
                  title="C09: Kazakhstan's trade with the EU-27, 1994-2020",
                  xlabel="Year", ylabel="Exports + imports, billion US$", source=TRADE_SOURCE,
                  reference=(50.0, "the claim: about 50"))


def _c10(tables: Mapping[str, pd.DataFrame], choice: str) -> pd.DataFrame:
    if choice == "pages":
        rows = _page_rows(_table(tables, "trade_pages"), "USA", full_year=True)
        bars = _page_bars(rows)
        by_year = rows.groupby("year")["value_usd_bn"].max()
        reached = years_at_or_above(by_year, 4.0)
        verdict = ("supported" if len(reached) == len(by_year) and len(by_year)
                   else "partly supported" if reached else "contradicted")
        reasoning = (f"Full-year figures: highest per year {', '.join(f'{int(y)} {v:.1f}' for y, v in by_year.items())}"
                     f" billion US$; 4 or more only in {_years(reached)}. None for 2024.")
        return _frame(bars, "C10", choice, "barh", verdict, reasoning,
                      title="C10: Kazakhstan-USA trade figures published on web pages",
                      xlabel="Billion US$ (published figure)", ylabel="Period (row, reporter side)",
                      source=PAGES_SOURCE, reference=(4.0, "the claim: 4"), digits=2)
    series = _partner_total(_table(tables, "trade"), choice, {"USA"}) / 1000
    lines = pd.DataFrame({"USA": series})
    lines.index.name = "year"
    above = years_at_or_above(series, 4.0)
    verdict = share_verdict(len(above), len(series))
    reasoning = (f"Trade with the USA reached 4 billion US$ in {len(above)} of {len(series)} years 1994-2020; the "
                 f"highest was {series.max():.2f} in {int(series.idxmax())}.")
    return _frame(lines, "C10", choice, "line", verdict, reasoning,
                  title="C10: Kazakhstan's trade with the USA, 1994-2020",
                  xlabel="Year", ylabel="Exports + imports, billion US$", source=TRADE_SOURCE,
                  reference=(4.0, "the claim: 4"), digits=2)


def _c11(tables: Mapping[str, pd.DataFrame], choice: str) -> pd.DataFrame:
    fdi = _table(tables, "fdi")
    if choice in ("cumulative", "cumulative_without_nld"):
        rows = fdi[fdi["concept"] == "cumulative"].set_index("counterpart_code")["value_usd_bn"].astype(float)
        total = rows["ALL"]
        eu = rows[rows.index.isin(EU27)]
        if choice == "cumulative_without_nld":
            eu = eu.drop("NLD")
        west = eu.sum() + rows["USA"]
        bars = pd.DataFrame({"value": [west / total * 100, eu.sum() / total * 100, rows["USA"] / total * 100],
                             "group": ["West", "EU-27", "USA"]},
                            index=pd.Index(["named EU members + USA", f"named EU members ({', '.join(eu.index)})",
                                            "USA"], name="investor"))
        share = west / total
        if choice == "cumulative":
            verdict = "partly supported" if share > 0.4 else "contradicted"
            reasoning = (f"The named EU members and the USA hold {share:.1%} of the {total:.0f} billion US$ "
                         "invested 1991-2019 (a lower bound: other EU members are not listed). Russia and China "
                         "have no cumulative figure, so 'far above Russia and China' cannot be checked here.")
        else:
            verdict = "supported" if share > 0.4 else "contradicted"
            reasoning = (f"Without the Netherlands, whose figure largely reflects holding companies, the named EU "
                         f"members and the USA hold {share:.1%}: below 40%.")
        title = "C11: shares of cumulative FDI, 1991-2019"
    else:
        concept, period = ("stock", "mid-2021") if choice == "stock" else ("gross_inflow", "2022")
        rows = fdi[(fdi["concept"] == concept) & (fdi["period"] == period)]
        rows = rows.drop_duplicates("counterpart_code").set_index("counterpart_code")["value_usd_bn"].astype(float)
        total = rows["ALL"]
        west_codes = [c for c in ("USA", "NLD") if c in rows.index]
        west = rows[west_codes].sum()
        names = {"USA": "USA", "NLD": "Netherlands (lower bound)"}
        bars = pd.DataFrame({"value": [west / total * 100, rows.get("RUS", math.nan) / total * 100,
                                       rows.get("CHN", math.nan) / total * 100],
                             "group": ["West", "Russia", "China"]},
                            index=pd.Index([" + ".join(names[c] for c in west_codes), "Russia", "China"],
                                           name="investor"))
        ratio = west / max(rows.get("RUS", math.nan), rows.get("CHN", math.nan))
        if choice == "stock":
            verdict = "supported" if west / total > 0.4 else "partly supported"
            reasoning = (f"Mid-2021 stock: the USA and the Netherlands hold {west / total:.1%} of {total:.1f} billion "
                         f"US$, {ratio:.0f} times Russia's or China's. A different concept from the claim's "
                         "cumulative total, and the Dutch figure may hide Russian or Kazakh owners.")
        else:
            verdict = "partly supported"
            reasoning = (f"2022 gross inflow: the USA alone brought {west / total:.1%} of {total:.1f} billion US$, "
                         f"{ratio:.1f} times Russia or China; the EU is not on the page, so the 40% cannot be "
                         "checked, and one year's inflow is not the cumulative total.")
        title = f"C11: shares of FDI, {concept.replace('_', ' ')} {period}"
    return _frame(bars, "C11", choice, "barh", verdict, reasoning, title=title,
                  xlabel="Share of the total, %", ylabel="Investor", source=FDI_SOURCE,
                  reference=(40.0, "the claim: 40%"))


def _c12(tables: Mapping[str, pd.DataFrame], choice: str) -> pd.DataFrame:
    if choice == "pages_2023":
        pages = _table(tables, "trade_pages")
        macro = _table(tables, "macro").set_index("year")
        rows = pages[(pages["reporter_side"] == "Kazakh statistics") & (pages["period_kind"] == "year")
                     & (pages["flow"] == _TURNOVER) & (pages["year"] == 2023)]
        total_bn = float(macro.loc[2023, "exports_usd_mn_bns"] + macro.loc[2023, "imports_usd_mn_bns"]) / 1000
        bars = pd.DataFrame({"value": (rows["value_usd_bn"].astype(float) / total_bn * 100).to_numpy(),
                             "group": rows["partner"].astype(str).to_numpy()},
                            index=pd.Index(rows["partner"].astype(str), name="partner"))
        bars = bars.sort_values("value", ascending=False)
        note = "; the EU as a bloc has no Kazakh-statistics figure for 2023 in the table"
        source = PAGES_SOURCE.removesuffix(".") + "; BNS total trade. Own calculation."
        title = "C12: Kazakhstan's largest partners in 2023, its own statistics"
    else:
        view, eu = choice.split("_")
        shares = partner_shares(_table(tables, "trade"), 2020, view=view, flow="total", eu_as_bloc=(eu == "bloc"))
        top = shares.head(5)
        bars = pd.DataFrame({"value": (top["share"] * 100).to_numpy(), "group": top["label"].astype(str).to_numpy()},
                            index=pd.Index(top["label"].astype(str), name="partner"))
        note = ""
        source = TRADE_SOURCE
        side = "Kazakhstan's" if view == "reported" else "partners'"
        title = f"C12: Kazakhstan's largest partners in 2020, {side} statistics"
    if bars.empty:
        return _frame(bars, "C12", choice, "barh", "not testable with this data", "No figures for this choice.",
                      title=title, xlabel="Share of total trade, %", ylabel="Partner", source=source)
    first, second = bars.index[0], bars.index[1]
    verdict = "supported" if first == "China" else "contradicted"
    reasoning = (f"Largest partner: {first} ({bars['value'].iloc[0]:.1f}% of total trade), then {second} "
                 f"({bars['value'].iloc[1]:.1f}%){note}.")
    return _frame(bars, "C12", choice, "barh", verdict, reasoning, title=title,
                  xlabel="Share of Kazakhstan's total trade, %", ylabel="Partner", source=source)


# -- Neighbours, exposure, the UN stage, commodities: C05, C14, C15, C16 ---------------------------------------------
def _c05(tables: Mapping[str, pd.DataFrame], choice: str) -> pd.DataFrame:
    trade = _table(tables, "trade")
    events = _table(tables, "events")
    values = flow_values(trade, choice, "total")
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
    return _frame(lines, "C05", choice, "line", "partly supported", reasoning,
                  title="C05: Uzbekistan's share of Kazakhstan's trade",
                  xlabel="Year", ylabel="Share of total trade, %", source=TRADE_SOURCE)


def _c14(tables: Mapping[str, pd.DataFrame], choice: str) -> pd.DataFrame:
    if choice == "arms":
        arms = _table(tables, "arms")
        imports = arms[arms["direction"] == "import"]
        tiv = imports.groupby(["year", "counterpart"])["tiv_mn"].sum().unstack(fill_value=0.0)
        share = (tiv["Russia"] / tiv.sum(axis=1) * 100).rename("Russia").to_frame()
        share.index.name = "year"
        largest = int((tiv.idxmax(axis=1) == "Russia").sum())
        verdict = share_verdict(largest, len(tiv))
        reasoning = (f"Russia was the largest supplier in {largest} of {len(tiv)} years with deliveries. Exposure in "
                     "defence is clear; whether deeper defence integration is 'discouraged' is not testable with "
                     "delivery data (they end in 2021).")
        return _frame(share, "C14", choice, "line", verdict, reasoning,
                      title="C14: Russia's share of Kazakhstan's major arms deliveries",
                      xlabel="Year (years with deliveries only)", ylabel="Share of the year's deliveries (TIV), %",
                      source=ARMS_SOURCE, markers_only=True, ylim=(0.0, 105.0))
    trade = _table(tables, "trade")
    view = "mirror" if choice == "imports_mirror" else "reported"
    flow = "exports" if choice == "exports" else "imports"
    share = (vector_shares(trade, view=view, flow=flow)["russia"] * 100).loc[1994:].rename("Russia").to_frame()
    share.index.name = "year"
    leaders = largest_partner_by_year(trade, view=view, flow=flow)  # partner_shares(...)["label"].iloc[0], per year
    largest = [year for year in share.index if leaders.get(int(year)) == "Russia"]
    verdict = share_verdict(len(largest), len(share))
    noun = "supplier of imports" if flow == "imports" else "buyer of exports"
    whose = "Kazakhstan's" if view == "reported" else "the partners'"
    reasoning = (f"Russia was the largest single {noun} in {len(largest)} of {len(share)} years 1994-2020 "
                 f"({whose} statistics); its share was "
                 f"{share['Russia'].iloc[-1]:.1f}% in 2020. Exposure runs through imports (and transit, which "
                 "trade data do not show).")
    return _frame(share, "C14", choice, "line", verdict, reasoning,
                  title=f"C14: Russia's share of Kazakhstan's {flow}",
                  xlabel="Year", ylabel=f"Share of Kazakhstan's {flow}, %", source=TRADE_SOURCE)


def _c15(tables: Mapping[str, pd.DataFrame], choice: str) -> pd.DataFrame:
    events = _table(tables, "events")
    boundary = int(choice)
    first, last = int(events["year"].min()), int(events["year"].max())
    un = per_year_by_era(events.loc[events["category"] == "un_initiative", "year"], boundary, first, last)
    agenda = per_year_by_era(events.loc[events["mode"] == "agenda_setting", "year"], boundary, first, last)
    labels = [f"UN initiatives, {era}" for era in un.index] + [f"all agenda-setting, {era}" for era in agenda.index]
    bars = pd.DataFrame({"value": list(un["per_year"]) + list(agenda["per_year"]),
                         "group": ["global", "global", "Kazakhstan", "Kazakhstan"]},
                        index=pd.Index(labels, name="events"))
    reasoning = (f"UN initiatives in the events table: {un['per_year'].iloc[0]:.2f} a year before {boundary}, "
                 f"{un['per_year'].iloc[1]:.2f} a year from {boundary} on. Activity is not profile: 'raised "
                 "Central Asia's profile' needs a measure of attention, such as UN resolutions, meetings or "
                 "offices on Central Asia over time, which the course data do not have.")
    return _frame(bars, "C15", choice, "barh", "not testable with this data", reasoning,
                  title=f"C15: events per year before and from {boundary}",
                  xlabel="Events per year (events in the era / years in the era)", ylabel="Events, era",
                  source=EVENTS_SOURCE, digits=2)


def _c16(tables: Mapping[str, pd.DataFrame], choice: str) -> pd.DataFrame:
    macro = _table(tables, "macro").set_index("year")
    if choice == "exports_changes":
        frame = macro.loc[2019:, ["brent_usd_per_barrel", "exports_usd_mn_bns"]].dropna().astype(float)
        other, what = frame["exports_usd_mn_bns"], "exports (BNS)"
    else:
        frame = macro.loc[1995:2023, ["brent_usd_per_barrel", "gdp_usd_wdi"]].dropna().astype(float)
        other, what = frame["gdp_usd_wdi"], "GDP (WDI, current US$)"
    brent = frame["brent_usd_per_barrel"]
    if choice == "gdp_levels":
        points = pd.DataFrame({"x": brent, "y": other / 1e9})
        r = level_correlation(brent, other)
        xlabel, ylabel = "Brent oil price, US$ per barrel (yearly mean)", "GDP, billion current US$"
        caveat = " Levels share an upward trend, which inflates the correlation; changes are the fairer test."
    else:
        points = (pd.DataFrame({"x": brent, "y": other}).pct_change(fill_method=None) * 100).dropna()
        r = change_correlation(brent, other)
        xlabel, ylabel = "Brent oil price, % change on the year before", f"{what}, % change on the year before"
        caveat = ""
    points["label"] = [str(int(y)) for y in points.index]
    points = points.reset_index(drop=True)
    if len(points) < 10:
        caveat += f" Only {len(points)} points: a weak test on its own."
    verdict = "supported" if r >= 0.3 else "partly supported" if r > 0 else "contradicted"
    reasoning = (f"Correlation of Brent with {what}, {int(frame.index.min())}-{int(frame.index.max())}: r = {r:.2f} "
                 f"({len(points)} points).{caveat} Rule: r of 0.3 or more = supported.")
    return _frame(points, "C16", choice, "scatter", verdict, reasoning,
                  title=f"C16: the oil price and Kazakhstan's {what.split(' (')[0]}",
                  xlabel=xlabel, ylabel=ylabel, source=MACRO_SOURCE, r=r)


_BUILDERS: dict[str, Callable[[Mapping[str, pd.DataFrame], str], pd.DataFrame]] = {
    "C01": _c01, "C02": _c02, "C03": _c03, "C04": _c04, "C05": _c05, "C06": _c06, "C07": _c07, "C08": _c08,
    "C09": _c09, "C10": _c10, "C11": _c11, "C12": _c12, "C13": _c13, "C14": _c14, "C15": _c15, "C16": _c16,
}


def claim_view(tables: Mapping[str, pd.DataFrame], claim: str, choice: str | None = None) -> pd.DataFrame:
    """The evidence for one claim under one definitional choice, with its verdict in ``attrs``.

    ``claim`` is an id of :data:`CLAIM_CHOICES` (``"C01"`` ... ``"C16"``); ``choice`` one of its keys (default: the
    first). ``attrs`` holds ``kind`` (a chart kind of :data:`KINDS`), ``title``, ``xlabel``, ``ylabel``,
    ``source``, ``verdict`` (one of :data:`~betweenpowers.measures.claims.VERDICTS`), ``reasoning`` (the evidence in
    words, with the rule used) and ``choice_label``. The frame's shape depends on the kind:

    * ``line``: index year, one column per series;
    * ``barh``: index the bar labels, columns ``value`` and ``group`` (a style key);
    * ``dots``: columns ``x`` (timestamp), ``y`` (category), ``label``, ``highlight`` (bool);
    * ``scatter``: columns ``x``, ``y``, ``label``.

    An unknown claim or choice raises ``ValueError`` naming the allowed values.
    """
    if claim not in CLAIM_CHOICES:
        raise ValueError(f"claim must be one of {list(CLAIM_CHOICES)}, not {claim!r}")
    choices = CLAIM_CHOICES[claim]
    choice = next(iter(choices)) if choice is None else choice
    if choice not in choices:
        raise ValueError(f"choice for {claim} must be one of {list(choices)}, not {choice!r}")
    return _BUILDERS[claim](tables, choice)


def verdict_text(view: pd.DataFrame) -> str:
    """One paragraph: the claim, the choice, the verdict under it and the reasoning."""
    meta = view.attrs
    claim = meta.get("claim", "?")
    return (f"{claim} ({CLAIMS.get(claim, '')}). With {meta.get('choice_label', '?')}: "
            f"{meta.get('verdict', '?').upper()}. {meta.get('reasoning', '')}")


# -- Figures --------------------------------------------------------------------------------------------------------
def _fmt(value: float, digits: int = 1) -> str:
    if pd.isna(value):
        return "no figure"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.{digits}f}"


def describe_claim(view: pd.DataFrame) -> str:
    """Alt text for a claim figure: the chart kind, what is plotted, its values or ranges, and the verdict."""
    meta = view.attrs
    kind, title = meta.get("kind"), meta.get("title", "")
    digits = int(meta.get("digits", 1))
    if view.empty:
        return f"Empty chart: {title}."
    if kind == "line":
        parts = []
        for column in view.columns:
            series = view[column].dropna()
            if series.empty:
                continue
            parts.append(f"{column} from {_fmt(series.min(), digits)} ({int(series.idxmin())}) to "
                         f"{_fmt(series.max(), digits)} ({int(series.idxmax())}), {_fmt(series.iloc[-1], digits)} in "
                         f"{int(series.index[-1])}")
        body = (f"Line chart, {int(view.index.min())} to {int(view.index.max())}, {meta.get('ylabel')}: "
                + "; ".join(parts))
    elif kind == "barh":
        body = f"Horizontal bar chart, {meta.get('xlabel')}: " + "; ".join(
            f"{label} {_fmt(value, digits)}" for label, value in zip(view.index, view["value"]))
    elif kind == "dots":
        marked = view[view["highlight"]]
        body = (f"Dot chart of {len(view)} items by date against {meta.get('ylabel')}: "
                + "; ".join(f"{row.label} ({row.y})" for row in view.itertuples())
                + f". Highlighted (filled): {', '.join(marked['label']) or 'none'}")
    else:
        body = (f"Scatter plot of {len(view)} years, {meta.get('xlabel')} against {meta.get('ylabel')}, "
                f"correlation r = {meta.get('r', math.nan):.2f}")
    reference = meta.get("reference")
    ref = f" A dashed line marks {reference[1]}." if reference else ""
    return f"{title}. {body}.{ref} Verdict with this choice: {meta.get('verdict')}."


def _draw_line(ax, view: pd.DataFrame) -> None:
    markers_only = view.attrs.get("markers_only", False)
    for column in view.columns:
        style = _style(str(column))
        series = view[column].dropna()
        baseline = column == "median UN member"
        ax.plot(series.index, series.values, label=str(column), color=style.color, marker=style.marker,
                markersize=5, linestyle="none" if markers_only else (":" if baseline else style.linestyle),
                linewidth=1.2 if baseline else 2)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if "ylim" in view.attrs:
        ax.set_ylim(*view.attrs["ylim"])
    else:
        reference = view.attrs.get("reference")
        top = max(float(view.max().max()), reference[0] if reference else 0.0)
        ax.set_ylim(0, max(top * 1.25, 1e-9))
    boundary = view.attrs.get("boundary")
    if boundary:
        ax.axvline(boundary - 0.5, color="#444444", linewidth=1, linestyle="-.")
        ax.text(boundary - 0.3, ax.get_ylim()[0] + 0.03 * (ax.get_ylim()[1] - ax.get_ylim()[0]), f"{boundary}",
                fontsize=8, color="#444444")


def _draw_barh(ax, view: pd.DataFrame) -> None:
    ordered = view.iloc[::-1]
    positions = list(range(len(ordered)))
    for position, (_label, row) in zip(positions, ordered.iterrows()):
        style = _style(str(row["group"]))
        value = 0.0 if pd.isna(row["value"]) else float(row["value"])
        ax.barh(position, value, color=style.color, edgecolor="#333333", linewidth=0.6,
                hatch="//" if str(row["group"]) in ("Russia", "Other") else "")
        ax.text(value, position, f" {_fmt(row['value'], int(view.attrs.get('digits', 1)))}", va="center",
                fontsize=9)
    ax.set_yticks(positions)
    ax.set_yticklabels([str(label) for label in ordered.index], fontsize=9)
    ax.grid(axis="y", visible=False)
    top = float(view["value"].max(skipna=True)) if view["value"].notna().any() else 1.0
    reference = view.attrs.get("reference")
    ax.set_xlim(0, max(top, reference[0] if reference else 0) * 1.2)


def _draw_dots(ax, view: pd.DataFrame) -> None:
    order = list(view.attrs.get("y_order") or [])  # categories listed here show even when empty
    order += [category for category in sorted(view["y"].unique()) if category not in order]
    positions = {category: i for i, category in enumerate(order)}
    categorical = bool(view.attrs.get("x_categorical", False))
    view = view.sort_values("x").reset_index(drop=True)
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


def _draw_scatter(ax, view: pd.DataFrame) -> None:
    style = style_for("Kazakhstan")
    ax.scatter(view["x"], view["y"], s=40, color=style.color, edgecolors="#333333", marker=style.marker, zorder=3,
               label="one year")
    for row in view.itertuples():
        ax.annotate(row.label, (row.x, row.y), textcoords="offset points", xytext=(3, 3), fontsize=7)
    if view["x"].min() < 0 < view["x"].max():
        ax.axvline(0, color="#999999", linewidth=0.8)
        ax.axhline(0, color="#999999", linewidth=0.8)


_DRAW = {"line": _draw_line, "barh": _draw_barh, "dots": _draw_dots, "scatter": _draw_scatter}


def claim_figure(view: pd.DataFrame) -> AltFigure | str:
    """The chart of a :func:`claim_view` (its ``kind``), or a message when there is nothing to draw."""
    meta = view.attrs
    if view.empty or meta.get("kind") not in _DRAW:
        return f"Nothing to draw for {meta.get('claim', 'this claim')} with this choice: {meta.get('reasoning', '')}"
    fig, ax = new_figure(8.5, 4.8)
    _DRAW[meta["kind"]](ax, view)
    reference = meta.get("reference")
    xlabel = meta["xlabel"]
    if reference and meta["kind"] == "barh":  # named in the axis label: a legend would cover the bars
        ax.axvline(reference[0], color="#444444", linestyle="--", linewidth=1.2)
        xlabel = f"{xlabel}; dashed line: {reference[1]}"
    elif reference:
        ax.axhline(reference[0], color="#444444", linestyle="--", linewidth=1.2, label=reference[1])
    return finish(fig, ax, title=meta["title"], xlabel=xlabel, ylabel=meta["ylabel"],
                  source=meta["source"], alt=describe_claim(view))


# -- Explorer -------------------------------------------------------------------------------------------------------
def _choice_options(claim: str) -> list[tuple[str, str]]:
    return [(label, key) for key, label in CLAIM_CHOICES[claim].items()]


def claims_explorer(tables: Mapping[str, pd.DataFrame], claim: str = "C12") -> widgets.VBox:
    """Explorer of the article's claims: choose a claim, then a definition; the evidence and the verdict redraw."""
    if claim not in CLAIM_CHOICES:
        raise ValueError(f"claim must be one of {list(CLAIM_CHOICES)}, not {claim!r}")
    claim_box = widgets.Dropdown(options=[(f"{c}: {CLAIMS[c]}", c) for c in CLAIM_CHOICES], value=claim,
                                 description="Claim", layout=widgets.Layout(width="95%"))
    choice_box = widgets.Dropdown(options=_choice_options(claim), description="Definition",
                                  layout=widgets.Layout(width="95%"))
    verdict = widgets.HTML()
    output = widgets.Output()
    updating = {"choices": False}

    def redraw(_change: object = None) -> None:
        if updating["choices"]:
            return
        view = claim_view(tables, claim_box.value, choice_box.value)
        verdict.value = f"<p style='max-width:60em'>{html.escape(verdict_text(view))}</p>"
        show_in(output, claim_figure(view))

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
    return explorer_box([claim_box, choice_box, verdict, output])


__all__ = ["CLAIM_CHOICES", "KINDS", "TABLE_NAMES", "VERDICTS", "claim_figure", "claim_view", "claims_explorer",
           "describe_claim", "verdict_text"]
