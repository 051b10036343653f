"""Answer key for lesson 02 (Trade vectors).

Each expected answer is computed from the data tables when it is checked, with plain pandas written
independently of :mod:`betweenpowers.measures.trade`, so no number is typed in here and a change in ``data/``
moves the key with it.
"""

from __future__ import annotations

import math

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, FigureQuestion, NumberQuestion, TextQuestion, ValueQuestion, register

LESSON_02 = "solutions/02_trade_vectors.ipynb"


def _total_trade(view: str, year: int) -> tuple[pd.Series, float]:
    """Exports + imports by partner name in one year and view, and the World total of exports + imports."""
    trade = data.load_trade_dots()
    rows = trade[(trade["view"] == view) & (trade["year"] == year)]
    world = float(rows.loc[rows["partner_type"] == "world", "value_usd_mn"].sum())
    partners = rows[rows["partner_type"] != "world"]
    return partners.groupby("partner")["value_usd_mn"].sum(), world


def _russia_share_2020(*, view: str = "reported", flows: tuple[str, ...] = ("exports", "imports"),
                       denominator: str = "world") -> float:
    """Russia's share of Kazakhstan's trade in 2020: ``denominator`` "world" (the World row) or "partners"."""
    trade = data.load_trade_dots()
    rows = trade[(trade["view"] == view) & (trade["year"] == 2020) & trade["flow"].isin(flows)]
    russia = rows.loc[rows["partner_iso3"] == "RUS", "value_usd_mn"].sum()
    world = rows.loc[rows["partner_iso3"] == "WLD", "value_usd_mn"].sum()
    partners = rows.loc[rows["partner_type"] != "world", "value_usd_mn"].sum()
    return float(russia / (world if denominator == "world" else partners))


def _largest_partner_2020(*, view: str = "mirror") -> str:
    trade = data.load_trade_dots()
    rows = trade[(trade["view"] == view) & (trade["year"] == 2020) & (trade["partner_type"] == "economy")]
    by_country = rows.groupby("partner_iso3")["value_usd_mn"].sum()
    return str(by_country.idxmax())


def _largest_partner_mirror_2020() -> str:
    return _largest_partner_2020()


def _hhi_2020(*, group: str = "partner", denominator: str = "world", scale: float = 1.0) -> float:
    """HHI of 2020 total trade (reported) across ``group``; ``scale`` 100 gives shares in per cent."""
    trade = data.load_trade_dots()
    rows = trade[(trade["view"] == "reported") & (trade["year"] == 2020)]
    world = float(rows.loc[rows["partner_type"] == "world", "value_usd_mn"].sum())
    partners = rows[rows["partner_type"] != "world"]
    by_group = partners.groupby(group)["value_usd_mn"].sum()
    total = world if denominator == "world" else float(by_group.sum())
    return float(((scale * by_group / total) ** 2).sum())


def _three_poles_2020(*, west: tuple[str, ...] = ("eu27", "other_west")) -> pd.Series:
    trade = data.load_trade_dots()
    rows = trade[(trade["view"] == "reported") & (trade["year"] == 2020) & (trade["partner_type"] != "world")]
    by_vector = rows.groupby("vector")["value_usd_mn"].sum()
    return pd.Series({
        "russia": by_vector.get("russia", 0.0),
        "china": by_vector.get("china", 0.0),
        "west": sum(by_vector.get(vector, 0.0) for vector in west),
    })


def _entropy(shares: pd.Series, *, normalise: bool = True) -> float:
    entropy = float(-(shares * shares.map(math.log)).sum())
    return entropy / math.log(len(shares)) if normalise else entropy


def _balance_2020() -> float:
    three = _three_poles_2020()
    return _entropy(three / three.sum())


def _world_total_2020() -> float:
    return _total_trade("reported", 2020)[1]


def _eu_share_2024(*, flows: tuple[str, ...] = ("exports",)) -> float:
    bns = data.load_trade_bns()
    rows = bns[(bns["year"] == 2024) & bns["flow"].isin(flows)]
    eu = rows.loc[rows["vector"] == "eu27", "value_usd_mn"].sum()
    world = rows.loc[rows["partner_iso3"] == "WLD", "value_usd_mn"].sum()
    return float(eu / world)


def _eu_export_share_2024() -> float:
    return _eu_share_2024()


DIVIDED_BY_PARTNERS = "that divides by the sum of the partner rows: divide by the World row instead."

register(
    NumberQuestion(
        id="02.1",
        level="reproduce",
        prompt="Russia's share of Kazakhstan's total trade (exports + imports) in 2020, Kazakh-reported data",
        expected=_russia_share_2020,
        rel_tol=1e-3,
        decimals=3,
        mistakes={
            DIVIDED_BY_PARTNERS: lambda: _russia_share_2020(denominator="partners"),
            "that is Russia's share of exports only: add exports and imports (total trade).":
                lambda: _russia_share_2020(flows=("exports",)),
            "that is Russia's share of imports only: add exports and imports (total trade).":
                lambda: _russia_share_2020(flows=("imports",)),
            "that uses the partners' figures: keep view 'reported' (Kazakhstan's own).":
                lambda: _russia_share_2020(view="mirror"),
        },
        hint="Russia's exports + imports over the World row's exports + imports, one view, one year.",
    ),
    ValueQuestion(
        id="02.2",
        level="reproduce",
        prompt="Kazakhstan's largest single trading partner (ISO3) in 2020 by total trade, in partners' (mirror) data",
        expected=_largest_partner_mirror_2020,
        mistakes={
            "that is the largest partner in Kazakhstan's own figures: keep view 'mirror' (the partners' figures).":
                lambda: _largest_partner_2020(view="reported"),
        },
        hint="Total per partner_iso3 (groupby + sum), then the label of the largest: idxmax().",
    ),
    NumberQuestion(
        id="02.3",
        level="reproduce",
        prompt="HHI of Kazakhstan's total trade across partners (EU members separately), 2020, Kazakh-reported",
        expected=_hhi_2020,
        rel_tol=1e-3,
        decimals=3,
        mistakes={
            "that is the HHI on the 0-10,000 scale (shares in per cent): use shares between 0 and 1.":
                lambda: _hhi_2020(scale=100.0),
            DIVIDED_BY_PARTNERS: lambda: _hhi_2020(denominator="partners"),
            "that groups by vector: the HHI here is across partners (group by partner).":
                lambda: _hhi_2020(group="vector"),
        },
        hint="Shares of the World total, squared, then summed.",
    ),
    NumberQuestion(
        id="02.4",
        level="reproduce",
        prompt="Balance index (normalised entropy) across Russia, China and the West, total trade 2020, reported",
        expected=_balance_2020,
        rel_tol=1e-3,
        decimals=3,
        mistakes={
            "that counts the West as eu27 only: the West is eu27 + other_west.":
                lambda: _entropy(_three_poles_2020(west=("eu27",)) / _three_poles_2020(west=("eu27",)).sum()),
            "that is the entropy before it is normalised: divide it by ln 3 (normalised_entropy does).":
                lambda: _entropy(_three_poles_2020() / _three_poles_2020().sum(), normalise=False),
            "those three shares do not add up to 1: divide the three values by their own sum first.":
                lambda: _entropy(_three_poles_2020() / _world_total_2020()),
        },
        hint="Rescale the three values to sum to 1, then normalised_entropy.",
    ),
    ChoiceQuestion(
        id="02.5",
        level="transfer",
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
        level="transfer",
        prompt="The EU-27's share of Kazakhstan's exports in 2024, Kazakhstan's statistics (BNS)",
        expected=_eu_export_share_2024,
        rel_tol=1e-3,
        decimals=3,
        mistakes={
            "that is the EU's share of total trade (exports + imports): keep the exports only.":
                lambda: _eu_share_2024(flows=("exports", "imports")),
            "that is the EU's share of imports: keep the exports.":
                lambda: _eu_share_2024(flows=("imports",)),
        },
        hint="Exports only, not exports + imports, for both the EU-27 and the World row.",
    ),
    TextQuestion(
        id="02.7",
        level="interpret",
        prompt="Is the claim 'China has become Kazakhstan's largest trading partner' supported by the data?",
        min_words=40,
        solution_notebook=LESSON_02,
    ),
    FigureQuestion(
        id="02.8",
        level="extend",
        prompt="China's and Russia's shares of Kazakhstan's trade, 1994–2025",
    ),
)
