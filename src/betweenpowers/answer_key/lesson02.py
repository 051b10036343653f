"""Answer key for lesson 02 (Trade vectors).

Each expected answer is computed from the data tables when it is checked, with plain pandas written
independently of :mod:`betweenpowers.measures.trade`, so no number is typed in here and a change in ``data/``
moves the key with it.
"""

from __future__ import annotations

import math

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, NumberQuestion, TextQuestion, ValueQuestion, register

LESSON_02 = "solutions/02_trade_vectors.ipynb"


def _total_trade(view: str, year: int) -> tuple[pd.Series, float]:
    """Exports + imports by partner name in one year and view, and the World total of exports + imports."""
    trade = data.load_trade_dots()
    rows = trade[(trade["view"] == view) & (trade["year"] == year)]
    world = float(rows.loc[rows["partner_type"] == "world", "value_usd_mn"].sum())
    partners = rows[rows["partner_type"] != "world"]
    return partners.groupby("partner")["value_usd_mn"].sum(), world


def _russia_share_2020() -> float:
    trade = data.load_trade_dots()
    rows = trade[(trade["view"] == "reported") & (trade["year"] == 2020)]
    russia = rows.loc[rows["partner_iso3"] == "RUS", "value_usd_mn"].sum()
    world = rows.loc[rows["partner_iso3"] == "WLD", "value_usd_mn"].sum()
    return float(russia / world)


def _largest_partner_mirror_2020() -> str:
    trade = data.load_trade_dots()
    rows = trade[(trade["view"] == "mirror") & (trade["year"] == 2020) & (trade["partner_type"] == "economy")]
    by_country = rows.groupby("partner_iso3")["value_usd_mn"].sum()
    return str(by_country.idxmax())


def _hhi_2020() -> float:
    by_partner, world = _total_trade("reported", 2020)
    return float(((by_partner / world) ** 2).sum())


def _balance_2020() -> float:
    trade = data.load_trade_dots()
    rows = trade[(trade["view"] == "reported") & (trade["year"] == 2020) & (trade["partner_type"] != "world")]
    by_vector = rows.groupby("vector")["value_usd_mn"].sum()
    three = pd.Series({
        "russia": by_vector.get("russia", 0.0),
        "china": by_vector.get("china", 0.0),
        "west": by_vector.get("eu27", 0.0) + by_vector.get("other_west", 0.0),
    })
    p = three / three.sum()
    return float(-(p * p.map(math.log)).sum() / math.log(3))


def _eu_export_share_2024() -> float:
    bns = data.load_trade_bns()
    exports = bns[(bns["year"] == 2024) & (bns["flow"] == "exports")]
    eu = exports.loc[exports["vector"] == "eu27", "value_usd_mn"].sum()
    world = exports.loc[exports["partner_iso3"] == "WLD", "value_usd_mn"].sum()
    return float(eu / world)


register(
    NumberQuestion(
        id="02.1",
        prompt="Russia's share of Kazakhstan's total trade (exports + imports) in 2020, Kazakh-reported data",
        expected=_russia_share_2020,
        rel_tol=1e-3,
        hint="Keep view 'reported' and year 2020. Add Russia's exports and imports, and divide by the World row's "
             "exports + imports (partner_iso3 'WLD').",
    ),
    ValueQuestion(
        id="02.2",
        prompt="Kazakhstan's largest single trading partner (ISO3) in 2020 by total trade, in partners' (mirror) data",
        expected=_largest_partner_mirror_2020,
        hint="Keep view 'mirror', year 2020 and partner_type 'economy'; add exports and imports per partner_iso3 "
             "(groupby + sum), then take the largest (idxmax). Answer with the three-letter code, e.g. \"DEU\".",
    ),
    NumberQuestion(
        id="02.3",
        prompt="HHI of Kazakhstan's total trade across partners (EU members separately), 2020, Kazakh-reported",
        expected=_hhi_2020,
        rel_tol=1e-3,
        hint="Exports + imports per partner (leave out the World row), divide by the World total of exports + "
             "imports, square the shares and add them up. Use the World row as denominator, not the sum of "
             "partners.",
    ),
    NumberQuestion(
        id="02.4",
        prompt="Balance index (normalised entropy) across Russia, China and the West, total trade 2020, reported",
        expected=_balance_2020,
        rel_tol=1e-3,
        hint="Sum total trade by vector; the West is eu27 + other_west. Rescale the three values to sum to 1, "
             "then pass them to normalised_entropy (or compute -sum(p ln p) / ln 3).",
    ),
    ChoiceQuestion(
        id="02.5",
        prompt="Why do Kazakhstan's reported exports to Italy far exceed Italy's reported imports from Kazakhstan?",
        options={
            "a": "Italy values imports CIF (with freight and insurance), so its figure should be the smaller one",
            "b": "Kazakhstan records the destination declared when goods leave; when oil is resold or shipped on, "
                 "the country that finally imports it may record it differently, or not at all",
            "c": "Italy does not report its trade to the IMF, so the mirror figure is an estimate",
            "d": "The two countries use different exchange rates for the US dollar",
        },
        expected=lambda: "b",
        option_hints={
            "a": "CIF valuation makes an importer's figure larger than the exporter's FOB figure, by a few per cent; "
                 "here the importer's figure is several times smaller.",
            "c": "Italy reports in full (through Eurostat); the mirror rows for Italy are not flagged as estimates.",
            "d": "Both figures are in US dollars in the IMF data; exchange rates cannot explain a gap of several "
                 "times.",
        },
        hint="Compare the size of the gap with what each explanation could produce.",
    ),
    NumberQuestion(
        id="02.6",
        prompt="The EU-27's share of Kazakhstan's exports in 2024, Kazakhstan's statistics (BNS)",
        expected=_eu_export_share_2024,
        rel_tol=1e-3,
        hint="Exports only, not exports + imports: keep year 2024 and flow 'exports' in the joined table (2024 comes "
             "from BNS), add up the partners of vector 'eu27', and divide by the World row's exports of 2024.",
    ),
    TextQuestion(
        id="02.7",
        prompt="Is the claim 'China has become Kazakhstan's largest trading partner' supported by the data?",
        min_words=40,
        solution_notebook=LESSON_02,
    ),
)
